// Runs one bench suite inside a worker thread (see src/cli/bench.ts): the suite's figures go back
// to the main thread, its printing goes to the process's stdout as usual.
import { parentPort, workerData } from 'node:worker_threads'

const { module, opts } = workerData as { module: string; opts: unknown }
const mod = await import(module)
parentPort!.postMessage(await mod.run(opts))
