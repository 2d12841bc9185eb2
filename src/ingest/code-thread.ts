// One coding thread of the ingest pool: its own coder (wink and the dictionaries load per thread),
// raw documents in, coded results out. No database access here; the main thread writes.
import { parentPort, workerData } from 'node:worker_threads'
import { CODE_BATCH, createCoder, type CoderOptions } from '../coder.js'
import type { RawDocument } from '../core/types.js'

const coder = createCoder(workerData as CoderOptions)
/**
 * Documents that arrived while the thread was busy are coded together, up to CODE_BATCH at a time,
 * stage by stage (coder.codeMany), which keeps each stage's working set in the CPU caches; the pool
 * keeps several batches queued per thread.
 */
let queue: { seq: number; raw: RawDocument }[] = []
let scheduled = false

function drain(): void {
  scheduled = false
  const batch = queue.splice(0, CODE_BATCH)
  // The rest after this batch's results are sent, so the main thread gets them as soon as they are done.
  if (queue.length) {
    scheduled = true
    setImmediate(drain)
  }
  let results
  try {
    results = coder.codeMany(batch.map((m) => m.raw))
  } catch (e) {
    // codeMany reports a failing document as its own result; this is a bug outside any one document.
    const error = `internal error while coding: ${(e as Error)?.stack ?? e}`
    results = batch.map((m) => ({ ok: false as const, input: m.raw.name, error }))
  }
  for (let i = 0; i < batch.length; i++) parentPort!.postMessage({ seq: batch[i].seq, result: results[i] })
}

parentPort!.on('message', (m: { seq: number; raw: RawDocument }) => {
  queue.push(m)
  // setImmediate runs after the pending messages are delivered, so a burst becomes one batch.
  if (!scheduled) {
    scheduled = true
    setImmediate(drain)
  }
})
parentPort!.postMessage({ ready: true })
