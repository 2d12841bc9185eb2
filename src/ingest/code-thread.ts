// One coding thread of the ingest pool: its own coder (wink and the dictionaries load per thread),
// raw documents in, coded results out. No database access here; the main thread writes.
import { parentPort, workerData } from 'node:worker_threads'
import { createCoder, type CoderOptions } from '../coder.js'
import type { RawDocument } from '../core/types.js'

const coder = createCoder(workerData as CoderOptions)
parentPort!.on('message', (m: { seq: number; raw: RawDocument }) => {
  try {
    parentPort!.postMessage({ seq: m.seq, result: coder.code(m.raw) })
  } catch (e) {
    // A bug in a stage: report it against this input and keep the thread alive for the rest.
    parentPort!.postMessage({ seq: m.seq, result: { ok: false, input: m.raw.name, error: `internal error while coding: ${(e as Error)?.stack ?? e}` } })
  }
})
parentPort!.postMessage({ ready: true })
