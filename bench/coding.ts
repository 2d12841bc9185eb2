/**
 * Full coding throughput (every stage: reading + events + quotes) beside wink-nlp's own sentences
 * + POS on the same text in the same run. `newsgraph bench --suite coding [--corpus file.jsonl]`.
 * Targets from issue 3: at least 40% of wink's throughput and more than 5,000 sentences/s.
 * Method (warm-up pass, alternating rounds, process CPU): bench/_throughput.ts.
 */
import { isMainThread } from 'node:worker_threads'
import { loadRepeatedCorpus } from './_corpus.js'
import { bestOf, describeTiming, stagePass, winkPass } from './_throughput.js'
import { createCoder } from '../src/coder.js'
import { fromRoot } from '../src/core/paths.js'
import { MIN_CODING_RATIO as MIN_RATIO, MIN_CODING_SENTENCES_PER_SEC as MIN_SENTENCES_PER_SEC } from './reading.js'

/** The corpus is repeated to at least this size so timings are not noise, yet the run stays short. */
export const MIN_CORPUS_BYTES = 3 * 1024 * 1024
export { MIN_RATIO, MIN_SENTENCES_PER_SEC }

export interface CodingOptions { corpus?: string; minBytes?: number; quiet?: boolean; rounds?: number }

/** `newsgraph bench` runs this suite in a coding thread with the ingest threads' heap limits (src/ingest/pool.ts). */
export const IN_CODING_THREAD = true

export async function run(opts: CodingOptions = {}) {
  const say = (s: string) => { if (!opts.quiet) process.stdout.write(s + '\n') }
  const coder = createCoder()
  const corpus = opts.corpus ?? fromRoot('data', 'sample', 'voa_stories.jsonl')
  const articles = loadRepeatedCorpus(corpus, opts.minBytes ?? MIN_CORPUS_BYTES)
  const rounds = opts.rounds ?? 5
  const best = bestOf([
    { name: 'wink', pass: () => winkPass(articles) },
    { name: 'coding', pass: () => stagePass(coder.stages, articles) },
  ], rounds)
  const w = best.get('wink')!
  const o = best.get('coding')!
  const figures = {
    articles: articles.length,
    sentences: o.value.sentences,
    tokens: o.value.tokens,
    events: o.value.events,
    sentencesPerSec: o.value.sentences / o.timing.cpu,
    tokensPerSec: o.value.tokens / o.timing.cpu,
    winkSentencesPerSec: w.value.sentences / w.timing.cpu,
    winkTokensPerSec: w.value.tokens / w.timing.cpu,
    ratio: o.value.tokens / o.timing.cpu / (w.value.tokens / w.timing.cpu),
    eventsStageSecs: o.value.perStage.events ?? 0,
  }
  say(`corpus   ${corpus} x${Math.round(articles.length / Math.max(1, new Set(articles.map((a) => a.id.split('#')[0])).size))}: ${articles.length} articles, ${o.value.sentences} sentences, ${o.value.tokens} tokens`)
  say(`method   ${isMainThread ? 'main thread' : 'a coding thread (ingest heap limits)'}; one untimed pass each, then best of ${rounds} alternating passes; rates are per CPU-second of the whole process`)
  say(`coding   ${figures.sentencesPerSec.toFixed(0)} sentences/CPU-s, ${figures.tokensPerSec.toFixed(0)} tokens/CPU-s  (${coder.stages.map((s) => s.name).join(' → ')}; ${o.value.events} events; ${describeTiming(o.timing)})`)
  say(`  stage  ${Object.entries(o.value.perStage).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ')}  (CPU-s)`)
  say(`wink     ${figures.winkSentencesPerSec.toFixed(0)} sentences/CPU-s, ${figures.winkTokensPerSec.toFixed(0)} tokens/CPU-s  (readDoc + sentences + POS; ${describeTiming(w.timing)})`)
  say(`ratio    ${figures.ratio.toFixed(2)} of wink (target >= ${MIN_RATIO}) ${figures.ratio >= MIN_RATIO ? 'OK' : 'BELOW TARGET'}; ${figures.sentencesPerSec > MIN_SENTENCES_PER_SEC ? 'OK' : 'BELOW'} ${MIN_SENTENCES_PER_SEC} sentences/s target`)
  return figures
}
