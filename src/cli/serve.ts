import cluster from 'node:cluster'
import type { Command } from 'commander'
import { createCoder } from '../coder.js'
import { fromRoot } from '../core/paths.js'
import { knownForCoder } from '../resolve/knowledge.js'
import { buildServer } from '../server/app.js'
import { DEFAULT_DB, openStore, StoreError, type Store } from '../storage/store.js'
import { parsePositiveInt, UsageError } from './options.js'

function shownAddress(address: string, host: string): string {
  return host === '0.0.0.0' || host === '::' ? address.replace(/\/\/[^:/]+|\/\/\[[^\]]+\]/, '//localhost') : address
}

/**
 * With --workers N the primary only forks; each worker opens its own database connection and
 * they share the port (node:cluster). SQLite readers in WAL mode run in parallel across
 * processes, so reads scale with cores; writes still take SQLite's one write lock in turn.
 */
async function runPrimary(workers: number, host: string): Promise<void> {
  let announced = false
  for (let i = 0; i < workers; i++) cluster.fork()
  cluster.on('message', (_w, msg: { address?: string; db?: string; open?: boolean }) => {
    if (announced || !msg?.address) return
    announced = true
    process.stdout.write(`newsgraph: serving ${msg.db} at ${shownAddress(msg.address, host)}/ (${workers} worker processes)\n`)
    if (msg.open) process.stdout.write('newsgraph: NEWSGRAPH_TOKEN is not set, so POST /api/articles is open to anyone who can reach this address\n')
  })
  await new Promise<void>((resolve) => {
    let alive = workers
    let stopping = false
    cluster.on('exit', (w, code) => {
      alive--
      if (!stopping && code !== 0) process.stderr.write(`newsgraph: server worker ${w.process.pid} exited with ${code}\n`)
      if (alive === 0) resolve()
    })
    const stop = () => {
      stopping = true
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM')
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('HTTP API and web UI over the database')
    .option('--db <url>', 'database: sqlite:PATH or postgres://...', process.env.NEWSGRAPH_DB ?? DEFAULT_DB)
    .option('--port <n>', 'port to listen on', '8080')
    .option('--host <addr>', 'address to listen on (0.0.0.0 to share on the network; set NEWSGRAPH_TOKEN then)', '127.0.0.1')
    .option('--workers <n>', 'server processes sharing the port (reads scale with cores)', '1')
    .option('--dictionaries <dir>', 'your own actor/verb dictionaries, used when articles are posted')
    .option('--cache-ttl <ms>', 'reuse a read answer for this long (0: always ask the database)', '2000')
    .option('--rate-limit <n>', 'API reads per client per minute and process (0: no limit)')
    .action(async (o) => {
      const port = Number(o.port)
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0-65535 (got "${o.port}")`)
      const workers = parsePositiveInt('--workers', o.workers)
      const cacheTtlMs = o.cacheTtl === '0' ? 0 : parsePositiveInt('--cache-ttl', o.cacheTtl)
      const reads = o.rateLimit === undefined ? undefined : o.rateLimit === '0' ? 0 : parsePositiveInt('--rate-limit', o.rateLimit)
      if (workers > 1 && cluster.isPrimary) return runPrimary(workers, o.host)
      let store: Store
      try {
        store = await openStore(o.db)
      } catch (e) {
        if (!(e instanceof StoreError)) throw e
        process.stderr.write(`newsgraph: ${e.message}\n`)
        program.setOptionValue('_exit', 1)
        return
      }
      const token = process.env.NEWSGRAPH_TOKEN || undefined
      const app = await buildServer({
        store,
        token,
        webRoot: fromRoot('web', 'dist'),
        // Posted articles resolve bare names against what earlier articles taught, as ingest does.
        coder: async () => createCoder({ dictionaries: o.dictionaries, knownActors: knownForCoder(await store.knownActors()) }),
        readsPerMinute: reads,
        cacheTtlMs,
        logger: false,
      })
      let address: string
      try {
        address = await app.listen({ port, host: o.host })
      } catch (e) {
        await store.close()
        const code = (e as { code?: string }).code
        if (code === 'EADDRINUSE') throw new UsageError(`port ${port} on ${o.host} is in use; pick another with --port (npm start: PORT=8081 npm start)`)
        if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new UsageError(`--host ${o.host} is not an address of this machine`)
        throw e
      }
      if (cluster.isWorker) process.send?.({ address, db: store.url, open: !token })
      else {
        process.stdout.write(`newsgraph: serving ${store.url} at ${shownAddress(address, o.host)}/\n`)
        if (!token) process.stdout.write('newsgraph: NEWSGRAPH_TOKEN is not set, so POST /api/articles is open to anyone who can reach this address\n')
      }
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGINT', stop)
          process.off('SIGTERM', stop)
          // A worker's IPC channel to the primary would keep it alive after the server closed.
          void app.close().then(() => store.close()).then(() => {
            cluster.worker?.disconnect()
            resolve()
          })
        }
        process.on('SIGINT', stop)
        process.on('SIGTERM', stop)
      })
    })
}
