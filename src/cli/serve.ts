import type { Command } from 'commander'
import { createCoder } from '../coder.js'
import { fromRoot } from '../core/paths.js'
import { knownForCoder } from '../resolve/knowledge.js'
import { buildServer } from '../server/app.js'
import { DEFAULT_DB, openStore } from '../storage/store.js'
import { parsePositiveInt, UsageError } from './options.js'

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('HTTP API and web UI over the database')
    .option('--db <url>', 'database: sqlite:PATH or postgres://...', process.env.NEWSGRAPH_DB ?? DEFAULT_DB)
    .option('--port <n>', 'port to listen on', '8080')
    .option('--host <addr>', 'address to listen on (0.0.0.0 to share on the network; set NEWSGRAPH_TOKEN then)', '127.0.0.1')
    .option('--dictionaries <dir>', 'your own actor/verb dictionaries, used when articles are posted')
    .option('--rate-limit <n>', 'API reads per client per minute (0: no limit)')
    .action(async (o) => {
      const port = Number(o.port)
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0-65535 (got "${o.port}")`)
      const reads = o.rateLimit === undefined ? undefined : o.rateLimit === '0' ? 0 : parsePositiveInt('--rate-limit', o.rateLimit)
      const store = await openStore(o.db)
      const token = process.env.NEWSGRAPH_TOKEN || undefined
      const app = await buildServer({
        store,
        token,
        webRoot: fromRoot('web', 'dist'),
        // Posted articles resolve bare names against what earlier articles taught, as ingest does.
        coder: async () => createCoder({ dictionaries: o.dictionaries, knownActors: knownForCoder(await store.knownActors()) }),
        readsPerMinute: reads,
        logger: false,
      })
      const address = await app.listen({ port, host: o.host })
      const shown = o.host === '0.0.0.0' || o.host === '::' ? address.replace(/\/\/[^:/]+|\/\/\[[^\]]+\]/, '//localhost') : address
      process.stdout.write(`newsgraph: serving ${store.url} at ${shown}/\n`)
      if (!token) process.stdout.write('newsgraph: NEWSGRAPH_TOKEN is not set, so POST /api/articles is open to anyone who can reach this address\n')
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGINT', stop)
          process.off('SIGTERM', stop)
          void app.close().then(() => store.close()).then(resolve)
        }
        process.on('SIGINT', stop)
        process.on('SIGTERM', stop)
      })
    })
}
