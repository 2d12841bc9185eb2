/**
 * Full coding throughput (every stage: reading + events + quotes) beside wink-nlp's own sentences
 * + POS on the same text in the same run. `newsgraph bench --suite coding [--corpus file.jsonl]`.
 * Targets from issue 3: at least 40% of wink's throughput and more than 5,000 sentences/s.
 */
import { loadRepeatedCorpus } from './_corpus.js'
import { createCoder } from '../src/coder.js'
import { newDoc } from '../src/core/pipeline.js'
import { fromRoot } from '../src/core/paths.js'
import type { Article } from '../src/core/types.js'
import { wink } from '../src/stages/segmenter/segmenter.js'

/** The corpus is repeated to at least this size so timings are not noise, yet the run stays short. */
export const MIN_CORPUS_BYTES = 3 * 1024 * 1024
/** Issue 3: full coding keeps at least 40% of wink's sentences+POS throughput. */
export const MIN_RATIO = 0.4
/** Issue 3: more than 5,000 sentences per second on one core. */
export const MIN_SENTENCES_PER_SEC = 5000

export interface CodingOptions { corpus?: string; minBytes?: number; quiet?: boolean }


/** CPU seconds: the machine is shared, wall time would measure the neighbours too. */
const cpu = () => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1e6
}

export async function run(opts: CodingOptions = {}) {
  const say = (s: string) => { if (!opts.quiet) process.stdout.write(s + '\n') }
  const coder = createCoder()
  const corpus = opts.corpus ?? fromRoot('data', 'sample', 'voa_stories.jsonl')
  const articles = loadRepeatedCorpus(corpus, opts.minBytes ?? MIN_CORPUS_BYTES)
  const nlp = wink()
  const its = nlp.its
  const winkPass = (as: Article[]) => {
    let sentences = 0
    let tokens = 0
    for (const a of as) {
      const d = nlp.readDoc(a.text)
      sentences += (d.sentences().out() as string[]).length
      for (const p of d.tokens().out(its.pos) as string[]) if (p !== 'SPACE') tokens++
    }
    return { sentences, tokens }
  }
  const perStage: Record<string, number> = {}
  const ourPass = (as: Article[]) => {
    let sentences = 0
    let tokens = 0
    let events = 0
    let quotes = 0
    for (const a of as) {
      const doc = newDoc({ ...a })
      for (const s of coder.stages) {
        const t = cpu()
        s.run(doc)
        perStage[s.name] = (perStage[s.name] ?? 0) + cpu() - t
      }
      sentences += doc.sentences.length
      tokens += doc.tokens.length
      events += doc.events.length
      quotes += doc.quotes.length
    }
    return { sentences, tokens, events, quotes }
  }
  winkPass(articles.slice(0, 20))
  ourPass(articles.slice(0, 20))
  for (const k of Object.keys(perStage)) delete perStage[k]
  let t = cpu()
  const w = winkPass(articles)
  const wSecs = cpu() - t
  t = cpu()
  const o = ourPass(articles)
  const oSecs = cpu() - t
  const figures = {
    articles: articles.length,
    sentences: o.sentences,
    tokens: o.tokens,
    events: o.events,
    quotes: o.quotes,
    sentencesPerSec: o.sentences / oSecs,
    tokensPerSec: o.tokens / oSecs,
    winkSentencesPerSec: w.sentences / wSecs,
    winkTokensPerSec: w.tokens / wSecs,
    ratio: o.tokens / oSecs / (w.tokens / wSecs),
    eventsStageSecs: perStage.events ?? 0,
  }
  say(`corpus   ${corpus} x${Math.round(articles.length / Math.max(1, new Set(articles.map((a) => a.id.split('#')[0])).size))}: ${articles.length} articles, ${o.sentences} sentences, ${o.tokens} tokens`)
  say(`coding   ${figures.sentencesPerSec.toFixed(0)} sentences/CPU-s, ${figures.tokensPerSec.toFixed(0)} tokens/CPU-s  (${coder.stages.map((s) => s.name).join(' → ')}; ${o.events} events, ${o.quotes} quotes)`)
  say(`  stage  ${Object.entries(perStage).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ')}  (CPU-s)`)
  say(`wink     ${figures.winkSentencesPerSec.toFixed(0)} sentences/CPU-s, ${figures.winkTokensPerSec.toFixed(0)} tokens/CPU-s  (readDoc + sentences + POS)`)
  say(`ratio    ${figures.ratio.toFixed(2)} of wink (target >= ${MIN_RATIO}) ${figures.ratio >= MIN_RATIO ? 'OK' : 'BELOW TARGET'}; ${figures.sentencesPerSec >= MIN_SENTENCES_PER_SEC ? 'OK' : 'BELOW'} ${MIN_SENTENCES_PER_SEC} sentences/s target`)
  return figures
}
