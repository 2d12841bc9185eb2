// The ingest loop shared by `newsgraph ingest` and `newsgraph worker`: read sources, skip what the
// database already has (resume), code on the thread pool, store each article in its own transaction.
import { createReadStream, statSync } from 'node:fs'
import type { CoderOptions } from '../coder.js'
import { InputError, type ArticleRecord, type CodeResult, type RawDocument } from '../core/types.js'
import { knownForCoder } from '../resolve/knowledge.js'
import { readSources, type InputKind, type SourceOptions } from '../sources/index.js'
import { watchFeeds } from '../sources/watch.js'
import { StoreError, type PutResult, type Store } from '../storage/store.js'
import { createCodingPool, defaultThreads, type CodingPool } from './pool.js'

/** Documents looked up together in the `inputs` table: one query per batch instead of per document. */
const RESUME_BATCH = 200
/** Below this many articles (when the count is known) ingest codes in its own thread: see getPool. */
export const POOL_MIN_ARTICLES = 500
/** Articles per write transaction. */
const WRITE_BATCH = 64
/** A partly filled batch is written after this long, so progress and resume points stay fresh. */
const WRITE_INTERVAL_MS = 500
/** Batches waiting for the database before coding pauses. */
const MAX_QUEUED_WRITES = 2

export interface IngestOptions {
  sources: string[]
  input?: InputKind
  published?: string
  dictionaries?: string
  /** Coding threads; 0 codes in this thread. Default: one per core. */
  threads?: number
  /** Use the actor knowledge base (actors learned from earlier runs) when coding. Default true. */
  learn?: boolean
  /** Only JSONL documents whose line number is in [from, to) (a queue job's slice of a file). */
  lines?: { from: number; to: number }
  signal?: AbortSignal
  onProgress?(p: IngestProgress): void
  /** Treat the sources as feeds and poll them until the signal aborts, coding only new items (ingest --watch). */
  watch?: { intervalMs?: number }
  /** WARC reading progress (records, bytes, resume offset) for long crawl files. */
  onSourceProgress?: SourceOptions['onProgress']
}

export interface IngestProgress {
  /** Documents read so far (including skipped and failed). */
  read: number
  stored: number
  duplicates: number
  /** Already in the database from an earlier run. */
  skipped: number
  failed: number
  events: number
  elapsedMs: number
  /** Known when every source is a file that can be counted cheaply. */
  total: number | null
}

export interface IngestSummary extends IngestProgress {
  interrupted: boolean
  failures: { input: string; error: string }[]
}

/** Failures kept in memory for the summary; the database keeps them all. */
const MAX_REPORTED_FAILURES = 1000

function lineNo(name: string): number | null {
  const m = /:(\d+)$/.exec(name)
  return m ? Number(m[1]) : null
}

/** Counts documents when it is cheap (JSONL lines, single files); null when it is not (stdin, folders, feeds). */
export async function countDocuments(specs: string[]): Promise<number | null> {
  let n = 0
  for (const s of specs) {
    if (s === '-' || /^https?:/i.test(s)) return null
    let st
    try {
      st = statSync(s)
    } catch {
      return null
    }
    if (!st.isFile()) return null
    if (/\.jsonl$/i.test(s)) {
      let lines = 0
      let last = 10
      for await (const chunk of createReadStream(s) as AsyncIterable<Buffer>) {
        for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines++
        if (chunk.length) last = chunk[chunk.length - 1]
      }
      n += lines + (last !== 10 ? 1 : 0)
    } else if (/\.(warc|warc\.gz|xml|rss|atom)$/i.test(s)) return null
    else n++
  }
  return n
}

export async function ingest(store: Store, o: IngestOptions): Promise<IngestSummary> {
  const t0 = Date.now()
  const p: IngestProgress = { read: 0, stored: 0, duplicates: 0, skipped: 0, failed: 0, events: 0, elapsedMs: 0, total: null }
  const failures: IngestSummary['failures'] = []
  p.total = o.watch ? null : o.lines ? o.lines.to - o.lines.from : await countDocuments(o.sources)
  const coderOptions: CoderOptions & { knownActors?: unknown[] } = { published: o.published, dictionaries: o.dictionaries }
  if (o.learn !== false) {
    const known = knownForCoder(await store.knownActors())
    if (known.length) coderOptions.knownActors = known
  }
  // Threads start only when something needs coding: a resumed run over stored inputs starts none.
  let pool: CodingPool | null = null
  // Each thread loads its own coder (~1-2 s of CPU): for a small known batch that costs more than it saves.
  const threads = o.threads ?? (p.total !== null && p.total < POOL_MIN_ARTICLES ? 0 : defaultThreads())
  const getPool = async () => (pool ??= await createCodingPool(threads, coderOptions))
  const inflight = new Set<Promise<void>>()
  let fatal: unknown = null
  const report = () => {
    p.elapsedMs = Date.now() - t0
    o.onProgress?.({ ...p })
  }
  const fail = async (input: string, error: string) => {
    p.failed++
    if (failures.length < MAX_REPORTED_FAILURES) failures.push({ input, error })
    await store.recordFailure(input, error)
  }
  // Coded articles are written WRITE_BATCH at a time in one transaction: each article is still all
  // or nothing, and the disk sees one commit per batch instead of one per article.
  let buffer: { raw: RawDocument; record: ArticleRecord }[] = []
  let writing: Promise<void> = Promise.resolve()
  let queuedWrites = 0
  const tally = (put: PutResult) => {
    if (put.status === 'stored') {
      p.stored++
      p.events += put.events
    } else p.duplicates++
  }
  const write = async (items: typeof buffer) => {
    try {
      for (const put of await store.putArticles(items.map((i) => ({ record: i.record, source: { input: i.raw.name } })))) tally(put)
    } catch (e) {
      if (e instanceof StoreError) throw e
      // Not the database's fault but one article's: store the others one by one and report that one.
      for (const i of items) {
        try {
          tally(await store.putArticle(i.record, { input: i.raw.name }))
        } catch (e2) {
          if (e2 instanceof StoreError) throw e2
          await fail(i.raw.name, `could not be stored: ${(e2 as Error)?.message ?? e2}`)
        }
      }
    }
  }
  const flushWrites = () => {
    if (!buffer.length) return writing
    const items = buffer
    buffer = []
    queuedWrites++
    writing = writing
      .then(() => (fatal ? undefined : write(items)))
      .catch((e) => {
        fatal ??= e
      })
      .finally(() => {
        queuedWrites--
        report()
      })
    return writing
  }
  const timer = setInterval(() => void flushWrites(), WRITE_INTERVAL_MS)
  const handle = async (raw: RawDocument, res: CodeResult) => {
    if (!res.ok) return fail(res.input, res.error)
    buffer.push({ raw, record: res.record })
    if (buffer.length >= WRITE_BATCH) void flushWrites()
  }
  const dispatch = async (raw: RawDocument) => {
    const pool = await getPool()
    while (inflight.size >= pool.capacity) await Promise.race(inflight)
    // The database is behind: wait for it rather than pile up coded articles in memory.
    while (queuedWrites > MAX_QUEUED_WRITES) await writing
    if (fatal) return
    const job = pool
      .code(raw)
      .catch((e) => ({ ok: false, input: raw.name, error: `coding thread failed: ${(e as Error)?.message ?? e}` }) as CodeResult)
      .then((res) => handle(raw, res))
      .catch((e) => {
        fatal ??= e
      })
      .finally(() => {
        inflight.delete(job)
        report()
      })
    inflight.add(job)
  }
  let batch: RawDocument[] = []
  const flush = async () => {
    const seen = await store.seenInputs(batch.map((d) => d.name))
    for (const raw of batch) {
      if (fatal || o.signal?.aborted) break
      if (seen.has(raw.name)) {
        p.skipped++
        continue
      }
      await dispatch(raw)
    }
    batch = []
    report()
  }
  try {
    const items = o.watch ? watchFeeds(o.sources, { intervalMs: o.watch.intervalMs, signal: o.signal }) : readSources(o.sources, { input: o.input, onProgress: o.onSourceProgress })
    for await (const item of items) {
      if (fatal || o.signal?.aborted) break
      if (o.lines) {
        const n = lineNo(item instanceof InputError ? item.input : item.name)
        if (n === null || n < o.lines.from || n >= o.lines.to) continue
      }
      p.read++
      if (item instanceof InputError) {
        await fail(item.input, item.reason)
        continue
      }
      batch.push(item)
      // Watched feeds trickle in: code each new item now rather than waiting for a full batch.
      if (batch.length >= (o.watch ? 1 : RESUME_BATCH)) await flush()
    }
    if (batch.length && !fatal && !o.signal?.aborted) await flush()
    await Promise.all(inflight)
    await flushWrites()
  } finally {
    clearInterval(timer)
    await Promise.allSettled(inflight)
    await flushWrites()
    await (pool as CodingPool | null)?.close()
  }
  if (fatal) throw fatal
  report()
  return { ...p, elapsedMs: Date.now() - t0, interrupted: !!o.signal?.aborted, failures }
}
