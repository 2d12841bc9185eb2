/**
 * Reading throughput: newsgraph's reading stages (everything before events) beside wink-nlp's own
 * sentences + POS on the same text, plus the time to load and compile the dictionaries.
 * `newsgraph bench --suite reading [--corpus file.jsonl]`.
 */
import { isMainThread } from 'node:worker_threads'
import { loadRepeatedCorpus } from './_corpus.js'
import { createCoder } from '../src/coder.js'
import { newDoc } from '../src/core/pipeline.js'
import { fromRoot } from '../src/core/paths.js'
import type { Article, Stage } from '../src/core/types.js'
import { wink } from '../src/stages/segmenter/segmenter.js'
import { bestOf, describeTiming, stagePass, winkPass } from './_throughput.js'

/** The corpus is repeated until it is at least this big, so that timings are not noise. */
export const MIN_CORPUS_BYTES = 5 * 1024 * 1024
/** Our reading must keep at least half of wink's own speed: the extra stages may not dominate. */
export const MIN_RATIO = 0.5
/** Loading and compiling dictionaries happens at every start of the CLI; above a second it is felt. */
export const MAX_DICTIONARY_MS = 1000
/** Timed rounds per contender after the warm-up pass; the best counts. */
const ROUNDS = 5
/** Issue 3: full coding keeps at least 40% of wink's sentences+POS throughput, and more than 5,000 sentences/s. */
export const MIN_CODING_RATIO = 0.4
export const MIN_CODING_SENTENCES_PER_SEC = 5000
/** Stages from this one on are coding, not reading. */
const FIRST_CODING_STAGE = /^(events?|quotes?|attribution|coref|resolve)/

export interface ReadingOptions {
  corpus?: string
  minBytes?: number
  /** Print nothing; return the figures (used by tests and other benches). */
  quiet?: boolean
  /** Timed rounds after the warm-up (default 3). */
  rounds?: number
  /** Also time full coding (default true). */
  coding?: boolean
}

export interface ReadingFigures {
  bytes: number
  articles: number
  sentences: number
  tokens: number
  winkTokens: number
  readingTokensPerSec: number
  winkTokensPerSec: number
  ratio: number
  dictionaryMs: number | null
  dictionaryParts: Record<string, number>
  readingStages: string[]
  coding: { stages: string[]; sentencesPerSec: number; tokensPerSec: number; events: number; ratio: number } | null
  /** Seconds spent in each reading stage over the whole corpus: where the time goes when the ratio drops. */
  stageSeconds: Record<string, number>
}


const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6
/** CPU seconds of this process: on a machine shared with other work, wall time measures the neighbours too. */
const cpuSecs = () => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1e6
}

/** Times the dictionary loaders that exist in this build (they are added by other areas as they land). */
async function timeDictionaries(): Promise<Record<string, number>> {
  const parts: Record<string, number> = {}
  const loaders: [string, string, string][] = [
    ['actors', '../src/dictionaries/actors.js', 'shippedDictionaries'],
    ['verbs', '../src/dictionaries/verbs.js', 'shippedVerbDictionary'],
    ['places', '../src/stages/places/gazetteer.js', 'gazetteer'],
  ]
  for (const [name, mod, fn] of loaders) {
    let m: any
    try {
      m = await import(mod)
    } catch {
      continue
    }
    if (typeof m[fn] !== 'function') continue
    // CPU time, like the rest of this bench: with five other jobs on two cores, wall time here mostly measures them.
    const c0 = cpuSecs()
    m[fn]()
    parts[name] = (cpuSecs() - c0) * 1000
  }
  return parts
}

/** `newsgraph bench` runs this suite in a coding thread with the ingest threads' heap limits (src/ingest/pool.ts). */
export const IN_CODING_THREAD = true

export async function run(opts: ReadingOptions = {}): Promise<ReadingFigures> {
  const say = (s: string) => {
    if (!opts.quiet) process.stdout.write(s + '\n')
  }
  // Dictionaries first, in a process that has loaded none: that is what every CLI start pays.
  wink()
  const dictionaryParts = await timeDictionaries()
  const t0 = process.hrtime.bigint()
  const coder = createCoder()
  const coderMs = ms(t0)
  const dictionaryMs = Object.keys(dictionaryParts).length ? Object.values(dictionaryParts).reduce((a, b) => a + b, 0) : null

  const corpus = opts.corpus ?? fromRoot('data', 'sample', 'voa_stories.jsonl')
  const articles = loadRepeatedCorpus(corpus, opts.minBytes ?? MIN_CORPUS_BYTES, { titles: true })
  const bytes = articles.reduce((n, a) => n + Buffer.byteLength(a.text), 0)
  const cut = coder.stages.findIndex((s) => FIRST_CODING_STAGE.test(s.name))
  const reading = cut < 0 ? coder.stages : coder.stages.slice(0, cut)

  // One untimed pass each, then alternating timed passes; the best of each counts (see bench/_throughput.ts).
  const contenders = [
    { name: 'wink', pass: () => winkPass(articles) },
    { name: 'reading', pass: () => stagePass(reading, articles) },
  ]
  if (cut >= 0 && opts.coding !== false) contenders.push({ name: 'coding', pass: () => stagePass(coder.stages, articles) })
  const best = bestOf(contenders, opts.rounds ?? ROUNDS)
  const w = best.get('wink')!
  const r = best.get('reading')!
  const c = best.get('coding')
  const figures: ReadingFigures = {
    bytes,
    articles: articles.length,
    sentences: r.value.sentences,
    tokens: r.value.tokens,
    winkTokens: w.value.tokens,
    readingTokensPerSec: r.value.tokens / r.timing.cpu,
    winkTokensPerSec: w.value.tokens / w.timing.cpu,
    ratio: r.value.tokens / r.timing.cpu / (w.value.tokens / w.timing.cpu),
    dictionaryMs,
    dictionaryParts,
    readingStages: reading.map((s) => s.name),
    coding: null,
    stageSeconds: r.value.perStage,
  }
  const byStage = (p: Record<string, number>) => Object.entries(p).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ')
  say(`corpus      ${corpus} repeated to ${(bytes / 1e6).toFixed(1)} MB: ${articles.length} articles, ${r.value.sentences} sentences, ${r.value.tokens} tokens`)
  say(`method      ${isMainThread ? 'main thread' : 'a coding thread (ingest heap limits)'}; one untimed pass each, then best of ${opts.rounds ?? ROUNDS} alternating passes; rates are per CPU-second of the whole process`)
  say(`reading     ${figures.readingTokensPerSec.toFixed(0)} tokens/CPU-s  (${reading.map((s) => s.name).join(' → ')}; ${describeTiming(r.timing)})`)
  say(`  by stage  ${byStage(r.value.perStage)}  (CPU-s)`)
  say(`wink-nlp    ${figures.winkTokensPerSec.toFixed(0)} tokens/CPU-s  (readDoc + sentences + POS; ${describeTiming(w.timing)})`)
  say(`ratio       ${figures.ratio.toFixed(2)}  (reading / wink; must be >= ${MIN_RATIO}) ${figures.ratio >= MIN_RATIO ? 'OK' : 'TOO SLOW'}`)
  if (dictionaryMs === null) say(`dictionaries none built yet (createCoder ${coderMs.toFixed(0)} ms)`)
  else {
    const parts = Object.entries(dictionaryParts).map(([k, v]) => `${k} ${v.toFixed(0)} ms`).join(', ')
    say(`dictionaries ${dictionaryMs.toFixed(0)} ms CPU load+compile (${parts}; must be < ${MAX_DICTIONARY_MS} ms) ${dictionaryMs < MAX_DICTIONARY_MS ? 'OK' : 'TOO SLOW'}; createCoder after that ${coderMs.toFixed(0)} ms`)
  }
  if (c) {
    const perSec = c.value.sentences / c.timing.cpu
    const ratio = c.value.tokens / c.timing.cpu / figures.winkTokensPerSec
    figures.coding = { stages: coder.stages.map((s) => s.name), sentencesPerSec: perSec, tokensPerSec: c.value.tokens / c.timing.cpu, events: c.value.events, ratio }
    say(`coding      ${perSec.toFixed(0)} sentences/CPU-s, ${figures.coding.tokensPerSec.toFixed(0)} tokens/CPU-s with events (${c.value.events} events; ${describeTiming(c.timing)})`)
    say(`  by stage  ${byStage(c.value.perStage)}  (CPU-s)`)
    say(`  ratio     ${ratio.toFixed(2)} of wink (issue 3: >= ${MIN_CODING_RATIO} and > ${MIN_CODING_SENTENCES_PER_SEC} sentences/s) ${ratio >= MIN_CODING_RATIO && perSec > MIN_CODING_SENTENCES_PER_SEC ? 'OK' : 'TOO SLOW'}`)
  }
  return figures
}
