import type { Command } from 'commander'
import { hostname } from 'node:os'
import { ingest } from '../ingest/ingest.js'
import type { InputKind } from '../sources/files.js'
import { dbOption, summaryLine, withStore } from './ingest.js'
import { parsePositiveInt, UsageError } from './options.js'

/** How often a running job's lease is renewed; well inside the lease so a slow batch is never taken away. */
const HEARTBEAT_MS = 10_000
const LEASE_SECONDS = 60
/** Idle poll interval with --wait. */
const POLL_MS = 2000

export function registerWorker(program: Command): void {
  dbOption(program.command('worker'))
    .description('process ingest jobs queued with `newsgraph ingest --db postgres://... --enqueue`; run as many as you like, anywhere')
    .option('--threads <n>', 'coding threads in this worker (default 1; run more workers to use more cores or machines)', '1')
    .option('--wait', 'keep waiting for new jobs instead of exiting when the queue is empty')
    .option('--lease <seconds>', 'a job whose worker is silent this long is handed to another worker', String(LEASE_SECONDS))
    .action(async (o) => {
      if (!/^postgres(ql)?:/i.test(o.db)) throw new UsageError('worker needs a PostgreSQL --db (postgres://...): the queue lives there')
      const threads = o.threads === '0' ? 0 : parsePositiveInt('--threads', o.threads)
      const lease = parsePositiveInt('--lease', o.lease)
      const me = `${hostname()}:${process.pid}`
      await withStore(program, o.db, {}, async (store) => {
        const q = store.queue!
        let stop = false
        const onSignal = () => {
          stop = true
        }
        process.on('SIGINT', onSignal)
        process.on('SIGTERM', onSignal)
        let jobs = 0
        let failed = 0
        try {
          while (!stop) {
            const job = await q.claim(me, lease)
            if (!job) {
              // Jobs still leased by others may come back if their worker died: exit only when none are left.
              const c = await q.counts()
              if (!o.wait && c.pending === 0 && c.running === 0) break
              await new Promise((r) => setTimeout(r, POLL_MS))
              continue
            }
            const beat = setInterval(() => void q.heartbeat(job.id, me).catch(() => undefined), Math.min(HEARTBEAT_MS, (lease * 1000) / 3))
            try {
              const p = job.payload
              const s = await ingest(store, {
                sources: [p.source],
                input: p.input as InputKind | undefined,
                published: p.published,
                dictionaries: p.dictionaries,
                threads,
                lines: p.from !== undefined && p.to !== undefined ? { from: p.from, to: p.to } : undefined,
              })
              await q.complete(job.id, me)
              jobs++
              failed += s.failed
              process.stderr.write(`newsgraph worker ${me}: job ${job.id} (${p.source}${p.from !== undefined ? ` lines ${p.from}-${p.to! - 1}` : ''}): ${summaryLine(s)}\n`)
            } catch (e) {
              await q.fail(job.id, me, String((e as Error)?.message ?? e)).catch(() => undefined)
              throw e
            } finally {
              clearInterval(beat)
            }
          }
        } finally {
          process.off('SIGINT', onSignal)
          process.off('SIGTERM', onSignal)
        }
        const c = await q.counts()
        process.stderr.write(`newsgraph worker ${me}: ${jobs} job(s) done; queue: ${c.pending} pending, ${c.running} running, ${c.done} done, ${c.failed} failed\n`)
        return failed ? 1 : 0
      })
    })
}
