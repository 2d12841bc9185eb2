import type { Command } from 'commander'
import cliProgress from 'cli-progress'
import { resolve } from 'node:path'
import { countDocuments, ingest, type IngestProgress } from '../ingest/ingest.js'
import { applyDictionaryCorrections } from '../resolve/knowledge.js'
import { expandPaths, type InputKind } from '../sources/files.js'
import { warcProgressPrinter } from '../sources/progress.js'
import { DEFAULT_DB, openStore, StoreError, type ClusterKeyField, type JobPayload, type Store, type StoreOptions } from '../storage/store.js'
import { parseChoice, parseIsoDate, parsePositiveInt, UsageError } from './options.js'

/** Articles per queue job for a JSONL file: coarse enough that queue traffic is noise, fine enough to spread over workers. */
export const JOB_BATCH = 500

/**
 * Opens --db, runs fn, closes. A database problem (unreachable, corrupt, read-only, full) is an
 * infrastructure failure: it is printed with what to do and the command exits 1.
 */
export async function withStore(program: Command, url: string, opts: StoreOptions, fn: (s: Store) => Promise<number>): Promise<void> {
  let store: Store | null = null
  try {
    try {
      store = await openStore(url, opts)
    } catch (e) {
      // A query on a database from an older newsgraph: migrate it once (that needs write access), then go on.
      if (!(e instanceof StoreError && opts.readonly && /schema version \d+, this newsgraph needs/.test(e.message))) throw e
      await (await openStore(url, { ...opts, readonly: false })).close()
      store = await openStore(url, opts)
    }
    program.setOptionValue('_exit', await fn(store))
  } catch (e) {
    if (!(e instanceof StoreError)) throw e
    process.stderr.write(`newsgraph: ${e.message}\n`)
    program.setOptionValue('_exit', 1)
  } finally {
    await store?.close().catch(() => undefined)
  }
}

/** `newsgraph events | head` closes the pipe early: that is the reader being done, not an error. */
export function exitQuietlyOnClosedPipe(): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0)
    throw e
  })
}

export function dbOption(cmd: Command): Command {
  return cmd.option('--db <url>', 'database: sqlite:PATH or postgres://user@host/db[?schema=name]', process.env.NEWSGRAPH_DB ?? DEFAULT_DB)
}

function rate(p: IngestProgress): number {
  return p.elapsedMs > 0 ? (p.stored + p.duplicates + p.failed) / (p.elapsedMs / 1000) : 0
}

export function summaryLine(p: IngestProgress & { interrupted?: boolean }): string {
  const secs = (p.elapsedMs / 1000).toFixed(1)
  return (
    `${p.stored} article(s) stored, ${p.events} event(s), ${p.duplicates} duplicate(s), ${p.skipped} already stored, ${p.failed} failed` +
    ` in ${secs} s (${rate(p).toFixed(1)} articles/s)` +
    (p.interrupted ? ' — interrupted; run the same command again to finish' : '')
  )
}

/** One job per JSONL slice of JOB_BATCH lines, one per other file; paths are made absolute so any worker can read them. */
export async function planJobs(sources: string[], o: { input?: string; published?: string; dictionaries?: string; batch?: number }): Promise<JobPayload[]> {
  const batch = o.batch ?? JOB_BATCH
  const jobs: JobPayload[] = []
  const base = { input: o.input && o.input !== 'auto' ? o.input : undefined, published: o.published, dictionaries: o.dictionaries ? resolve(o.dictionaries) : undefined }
  for (const spec of sources) {
    if (spec === '-') throw new UsageError('--enqueue cannot take standard input: workers must be able to read the source themselves (give a file or URL)')
    if (/^https?:\/\//i.test(spec)) {
      jobs.push({ source: spec, ...base })
      continue
    }
    for await (const p of expandPaths([spec])) {
      if (typeof p !== 'string') throw new UsageError(p.message)
      const path = resolve(p)
      if (/\.jsonl$/i.test(path) || base.input === 'jsonl') {
        const n = (await countDocuments([path])) ?? 0
        for (let from = 1; from <= n; from += batch) jobs.push({ source: path, ...base, input: 'jsonl', from, to: from + batch })
      } else jobs.push({ source: path, ...base })
    }
  }
  return jobs
}

export function registerIngest(program: Command): void {
  dbOption(program.command('ingest'))
    .description('code articles into the database; resumable (Ctrl-C or kill, then run again) and idempotent (same content stored once)')
    .argument('<sources...>', 'files, folders, globs, JSONL, feeds, WARC, URLs, or - for standard input')
    .option('--published <date>', 'reference date YYYY-MM-DD for relative dates when an article carries none')
    .option('--input <kind>', 'auto|text|html|jsonl|warc|feed', 'auto')
    .option('--dictionaries <dir>', 'your own actor/verb dictionaries; they win over shipped ones and over learned actors')
    .option('--threads <n>', 'coding threads (default: one per core; 0 = code in the main thread)')
    .option('--no-learn', 'do not use actors learned from earlier articles when coding')
    .option('--enqueue', 'PostgreSQL only: put jobs on the queue for `newsgraph worker` instead of coding here')
    .option('--batch <n>', `with --enqueue: JSONL lines per job (default ${JOB_BATCH})`)
    .option('--cluster-key <fields>', 'event cluster key, comma-separated from type,actor,recipient,location,polarity (new database only)')
    .option('--cluster-window <days>', 'event cluster time bucket in days (new database only)')
    .option('--quiet', 'no progress bar')
    .option('--watch', 'treat the sources as feeds (URLs or files), poll them and code only new items, until Ctrl-C')
    .option('--interval <seconds>', 'poll interval for --watch', '300')
    .action(async (sources: string[], o) => {
      const input = parseChoice('--input', o.input, ['auto', 'text', 'html', 'jsonl', 'warc', 'feed']) as InputKind
      const published = o.published ? parseIsoDate('--published', o.published) : undefined
      const threads = o.threads === undefined ? undefined : o.threads === '0' ? 0 : parsePositiveInt('--threads', o.threads)
      const storeOpts: StoreOptions = {}
      if (o.clusterKey || o.clusterWindow) {
        const key = o.clusterKey ? (o.clusterKey as string).split(',').map((f) => parseChoice('--cluster-key', f.trim(), ['type', 'actor', 'recipient', 'location', 'polarity']) as ClusterKeyField) : undefined
        storeOpts.cluster = { key, windowDays: o.clusterWindow ? parsePositiveInt('--cluster-window', o.clusterWindow) : undefined }
      }
      if (o.watch && o.enqueue) throw new UsageError('--watch and --enqueue cannot be combined: watching codes new items here as they appear')
      const watch = o.watch ? { intervalMs: parsePositiveInt('--interval', o.interval) * 1000 } : undefined
      if (o.enqueue && !/^postgres(ql)?:/i.test(o.db)) throw new UsageError('--enqueue needs a PostgreSQL --db (postgres://...): the queue lives there')
      await withStore(program, o.db, storeOpts, async (store) => {
        if (o.dictionaries) {
          try {
            await applyDictionaryCorrections(store, o.dictionaries)
          } catch (e) {
            if (e instanceof StoreError) throw e
            throw new UsageError((e as Error).message)
          }
        }
        if (o.enqueue) {
          const jobs = await planJobs(sources, { input, published, dictionaries: o.dictionaries, batch: o.batch ? parsePositiveInt('--batch', o.batch) : undefined })
          await store.queue!.enqueue(jobs)
          process.stderr.write(`newsgraph: ${jobs.length} job(s) queued in ${store.url}; start workers with: newsgraph worker --db ${store.url}\n`)
          return 0
        }
        const ctrl = new AbortController()
        let stops = 0
        const onSignal = () => {
          // First Ctrl-C: finish the articles in flight and stop cleanly. Second: stop now (each article is its own transaction).
          if (++stops > 1) process.exit(130)
          process.stderr.write('\nnewsgraph: stopping after the articles in flight (Ctrl-C again to stop now)\n')
          ctrl.abort()
        }
        process.on('SIGINT', onSignal)
        process.on('SIGTERM', onSignal)
        const tty = !!process.stderr.isTTY && !o.quiet
        const bar = tty
          ? new cliProgress.SingleBar(
              { format: ' {bar} {percentage}% | {value}/{total} articles | {rate}/s | {events} events | {failed} errors | ETA {eta_formatted}', stream: process.stderr, hideCursor: true, etaBuffer: 50 },
              cliProgress.Presets.shades_classic,
            )
          : null
        const barNoTotal = tty ? ' {value} articles | {rate}/s | {events} events | {failed} errors | {duration_formatted}' : ''
        let started = false
        try {
          const summary = await ingest(store, {
            sources,
            input,
            published,
            dictionaries: o.dictionaries,
            threads,
            learn: o.learn,
            signal: ctrl.signal,
            watch,
            // Logs and pipes get WARC byte progress lines; a terminal has the bar instead.
            onSourceProgress: !tty && !o.quiet ? warcProgressPrinter() : undefined,
            onProgress: (p) => {
              if (!bar) return
              const payload = { rate: rate(p).toFixed(1), events: p.events, failed: p.failed }
              if (!started) {
                if (p.total === null) (bar as any).options.format = barNoTotal
                bar.start(p.total ?? 0, 0, payload)
                started = true
              }
              bar.update(p.stored + p.duplicates + p.skipped + p.failed, payload)
            },
          })
          if (started) bar!.stop()
          for (const f of summary.failures) process.stderr.write(`newsgraph: ${f.input}: ${f.error}\n`)
          process.stderr.write(`newsgraph: ${summaryLine(summary)}\n`)
          return summary.interrupted ? 130 : summary.failed ? 1 : 0
        } finally {
          if (started) bar!.stop()
          process.off('SIGINT', onSignal)
          process.off('SIGTERM', onSignal)
        }
      })
    })
}
