import { readFileSync } from 'node:fs'
import { CODE_BATCH } from '../src/coder.js'
import { newDoc } from '../src/core/pipeline.js'
import type { Article, Stage } from '../src/core/types.js'
import { wink } from '../src/stages/segmenter/segmenter.js'

/**
 * Throughput timing shared by the reading and coding benches.
 *
 * What was learned measuring here (2 cores, a VM, other jobs nearby):
 * - The first full pass over the corpus costs about twice a later one: V8 compiles the hot code on
 *   background threads and the heap grows to its working size. Throughput is a steady-state figure
 *   (an ingest runs for hours), so every contender gets one untimed pass over the whole corpus first.
 * - Wall time measures the neighbours; CPU time does not. Process CPU counts the collector's and the
 *   compiler's helper threads too, which is real work our allocations cause, so the ratio is taken on
 *   it; the measuring thread's own CPU (Linux) is printed beside it as the "one core" figure.
 * - `newsgraph bench` runs these suites in a worker thread with the heap limits of the ingest coding
 *   threads (src/ingest/pool.ts), so the figures are those of coding as the product does it.
 * - One round can still land on a GC storm: rounds alternate between contenders and the best counts.
 */
export interface Timing {
  /** CPU seconds of the whole process (all threads). */
  cpu: number
  /** CPU seconds of the measuring thread alone, where the OS reports it (Linux), else null. */
  thread: number | null
  wall: number
}

const processCpu = () => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1e6
}

/** Linux reports thread CPU in clock ticks of USER_HZ, which is 100 on every mainstream kernel build. */
const TICKS_PER_SEC = 100
/** The calling thread's CPU seconds from /proc (clock ticks: 10 ms resolution, fine for passes of seconds). */
function threadCpu(): number | null {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8')
    // Fields after the parenthesised command name: state is field 3, utime 14, stime 15.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(rest[11]) + Number(rest[12])) / TICKS_PER_SEC
  } catch {
    return null
  }
}
export function timed<T>(f: () => T): { value: T; timing: Timing } {
  const c0 = processCpu()
  const m0 = threadCpu()
  const t0 = process.hrtime.bigint()
  const value = f()
  const wall = Number(process.hrtime.bigint() - t0) / 1e9
  const m1 = threadCpu()
  return { value, timing: { cpu: processCpu() - c0, thread: m0 === null || m1 === null ? null : m1 - m0, wall } }
}

export interface Contender<T> {
  name: string
  pass: () => T
}

/**
 * One untimed warm-up pass of every contender, then `rounds` timed passes alternating between them;
 * for each contender the pass with the least process CPU counts.
 */
export function bestOf<T>(contenders: Contender<T>[], rounds: number, warmup = true): Map<string, { value: T; timing: Timing }> {
  if (warmup) for (const c of contenders) c.pass()
  const best = new Map<string, { value: T; timing: Timing }>()
  for (let r = 0; r < rounds; r++) {
    for (const c of contenders) {
      const t = timed(c.pass)
      const prev = best.get(c.name)
      if (!prev || t.timing.cpu < prev.timing.cpu) best.set(c.name, t)
    }
  }
  return best
}

/** "1.62 CPU-s (this thread 1.58), 1.65 s wall" */
export function describeTiming(t: Timing): string {
  return `${t.cpu.toFixed(2)} CPU-s${t.thread === null ? '' : ` (this thread ${t.thread.toFixed(2)})`}, ${t.wall.toFixed(2)} s wall`
}

/**
 * One pass of some stages over the corpus, CODE_BATCH articles at a time stage by stage as the ingest
 * threads code (coder.codeMany), with each stage's process CPU (cpuUsage costs ~0.6 us a call here).
 */
export function stagePass(stages: Stage[], articles: Article[]) {
  let sentences = 0
  let tokens = 0
  let events = 0
  const perStage: Record<string, number> = {}
  for (let b = 0; b < articles.length; b += CODE_BATCH) {
    const docs = articles.slice(b, b + CODE_BATCH).map((a) => newDoc({ ...a }))
    for (const s of stages) {
      const t = processCpu()
      for (const doc of docs) s.run(doc)
      perStage[s.name] = (perStage[s.name] ?? 0) + processCpu() - t
    }
    for (const doc of docs) {
      sentences += doc.sentences.length
      tokens += doc.tokens.length
      events += doc.events.length
    }
  }
  return { sentences, tokens, events, perStage }
}

export function winkPass(articles: Article[]) {
  const nlp = wink()
  const its = nlp.its
  let tokens = 0
  let sentences = 0
  for (const a of articles) {
    const d = nlp.readDoc(a.text)
    sentences += (d.sentences().out() as string[]).length
    const pos = d.tokens().out(its.pos) as string[]
    for (const p of pos) if (p !== 'SPACE') tokens++
  }
  return { sentences, tokens, events: 0, perStage: {} as Record<string, number> }
}
