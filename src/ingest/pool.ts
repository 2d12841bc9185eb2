// Codes documents on worker threads so ingest uses every core; with threads = 0 it codes in
// this thread (small inputs, tests, and the place to look when a thread misbehaves).
import { availableParallelism } from 'node:os'
import { Worker, type ResourceLimits } from 'node:worker_threads'
import { CODE_BATCH, createCoder, type CoderOptions } from '../coder.js'
import type { CodeResult, RawDocument } from '../core/types.js'

/**
 * Documents queued per thread: enough to keep a thread busy while the main thread writes (a write
 * batch of 64 articles blocks it for ~100 ms on SQLite, while a thread codes 8 articles in ~30 ms),
 * small enough to bound memory. A thread codes its queue CODE_BATCH documents at a time.
 */
const PER_THREAD_INFLIGHT = 4 * CODE_BATCH

/**
 * Heap limits of a coding thread. Coding allocates a lot of short-lived objects (wink's token
 * structures, ours) while a batch of documents stays alive across stages; a young generation larger
 * than V8's default lets most of it die young instead of being copied and promoted. Measured on the
 * bench corpus in a worker (6 passes, interleaved with default-limit workers, loaded machine): median
 * 2.02 vs 2.34 and 2.13 vs 2.20 CPU-s a pass. The bench codes in a thread with the same limits.
 */
export const CODING_THREAD_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 192 }

export function defaultThreads(): number {
  // The main thread mostly waits on the database, so every core can code.
  return Math.max(1, availableParallelism())
}

export interface CodingPool {
  /** Resolves with the coded result; at most `capacity` calls should be pending at once. */
  code(raw: RawDocument): Promise<CodeResult>
  readonly capacity: number
  close(): Promise<void>
}

function threadScript(): { url: URL; execArgv: string[] } {
  // Under tsx (tests, development) the sources are .ts and the thread needs the tsx loader too.
  const ts = import.meta.url.endsWith('.ts')
  return { url: new URL(ts ? './code-thread.ts' : './code-thread.js', import.meta.url), execArgv: ts ? ['--import', 'tsx'] : [] }
}

export async function createCodingPool(threads: number, coderOptions: CoderOptions): Promise<CodingPool> {
  if (threads <= 0) {
    const coder = createCoder(coderOptions)
    return { capacity: 1, code: async (raw) => coder.code(raw), close: async () => undefined }
  }
  const { url, execArgv } = threadScript()
  const pending = new Map<number, { resolve: (r: CodeResult) => void; reject: (e: unknown) => void; worker: number }>()
  const load: number[] = []
  let seq = 0
  const workers = await Promise.all(
    Array.from({ length: threads }, (_, i) => {
      load.push(0)
      const w = new Worker(url, { workerData: coderOptions, execArgv, resourceLimits: CODING_THREAD_LIMITS })
      return new Promise<Worker>((resolve, reject) => {
        const onErr = (e: unknown) => reject(e)
        w.once('error', onErr)
        w.on('message', (m: { ready?: boolean; seq: number; result: CodeResult }) => {
          if (m.ready) {
            w.off('error', onErr)
            w.on('error', (e) => {
              // A thread that dies takes its queued documents with it: fail them so the batch goes on.
              for (const [k, p] of pending) if (p.worker === i) (pending.delete(k), p.reject(e))
            })
            resolve(w)
            return
          }
          const p = pending.get(m.seq)
          if (!p) return
          pending.delete(m.seq)
          load[i]--
          p.resolve(m.result)
        })
      })
    }),
  )
  return {
    capacity: threads * PER_THREAD_INFLIGHT,
    code(raw) {
      let best = 0
      for (let i = 1; i < load.length; i++) if (load[i] < load[best]) best = i
      load[best]++
      const s = seq++
      return new Promise((resolve, reject) => {
        pending.set(s, { resolve, reject, worker: best })
        workers[best].postMessage({ seq: s, raw })
      })
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()))
    },
  }
}
