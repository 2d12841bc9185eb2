// SQLite backend: better-sqlite3 (synchronous, in-process) in WAL mode, FTS5 for text search.
import Database from 'better-sqlite3'
import { accessSync, constants, existsSync, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { SqlStore, type Conn, type Driver, type Row } from '../sql-store.js'
import { StoreError, type Store, type StoreOptions } from '../store.js'

/** How long a writer waits for another process's write lock before failing (two ingests at once). */
const BUSY_TIMEOUT_MS = 10_000
/** Page cache per connection: the index pages an ingest touches (actors, keys, dyads) stay in memory. */
const CACHE_KIB = 64 * 1024
const WAL_CHECKPOINT_PAGES = 16_000
/** Pages read through a memory map instead of a read() into the page cache each: an events page
 * scattered over a 2.5 GB file cost half the SQL CPU (1M-event DB, 200 actor pages: 250 -> 138 ms).
 * SQLite caps it at its compile-time maximum; writes still go through the journal as before. */
const MMAP_BYTES = 8 * 1024 ** 3

function explain(db: string, e: unknown): unknown {
  const code = (e as { code?: string })?.code ?? ''
  const msg = (e as Error)?.message ?? String(e)
  if (code === 'SQLITE_FULL') return new StoreError(db, 'the disk is full or the database reached its size limit; nothing of the current article was stored — free space and run again')
  if (code.startsWith('SQLITE_READONLY')) return new StoreError(db, 'cannot write: the file or its folder is read-only — use a writable --db path')
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) return new StoreError(db, `the file is corrupt or not a newsgraph database (${msg}); it was not modified — restore it from a backup or use a new --db path`)
  if (code.startsWith('SQLITE_CANTOPEN')) return new StoreError(db, `cannot open the file (${msg}); check that the folder exists and is writable`)
  if (code.startsWith('SQLITE_BUSY')) return new StoreError(db, 'the database stayed locked by another process; try again when it finishes')
  if (code.startsWith('SQLITE_IOERR')) return new StoreError(db, `input/output error (${msg}); check the disk`)
  return e
}

export async function openSqliteStore(path: string, opts: StoreOptions = {}): Promise<Store> {
  const memory = path === ':memory:'
  const file = memory ? path : resolve(path)
  const url = `sqlite:${path}`
  if (!memory) {
    const dir = dirname(file)
    if (!existsSync(dir)) throw new StoreError(url, `the folder ${dir} does not exist`)
    if (existsSync(file) && statSync(file).isDirectory()) throw new StoreError(url, `${file} is a folder, not a database file`)
    if (opts.readonly && !existsSync(file)) throw new StoreError(url, 'no database here yet; run newsgraph ingest first')
    if (!opts.readonly) {
      // SQLite writes journal files beside the database, so the folder itself must be writable.
      try {
        accessSync(dir, constants.W_OK)
        if (existsSync(file)) accessSync(file, constants.W_OK)
      } catch (e) {
        throw new StoreError(url, `cannot write: ${(e as NodeJS.ErrnoException).code === 'EROFS' ? 'the file system is read-only' : 'no write permission'} (${dir}); use a writable --db path`)
      }
    }
  }
  let db: Database.Database
  try {
    db = new Database(file, { readonly: !!opts.readonly, fileMustExist: !!opts.readonly, timeout: BUSY_TIMEOUT_MS })
    // Touch the header first: a corrupt or foreign file fails here, before any write is attempted.
    db.prepare('SELECT COUNT(*) AS n FROM sqlite_master').get()
    if (!opts.readonly) {
      if (!memory) db.pragma('journal_mode = WAL')
      // NORMAL in WAL keeps every committed transaction consistent after a crash (power loss may lose the last ones).
      db.pragma('synchronous = NORMAL')
      // Checkpoint (and fsync) every ~64 MB of WAL instead of every 4 MB: ingest spends its time coding, not waiting on the disk.
      db.pragma(`wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`)
    }
    db.pragma(`cache_size = -${CACHE_KIB}`)
    if (!memory) db.pragma(`mmap_size = ${MMAP_BYTES}`)
    db.pragma('temp_store = MEMORY')
    db.pragma('foreign_keys = OFF')
    if (opts.maxBytes) {
      const page = Number(db.pragma('page_size', { simple: true }))
      db.pragma(`max_page_count = ${Math.max(1, Math.floor(opts.maxBytes / page))}`)
    }
  } catch (e) {
    throw explain(url, e)
  }
  const store = new SqlStore(new SqliteDriver(db, url, file, memory), opts)
  try {
    return await store.init()
  } catch (e) {
    db.close()
    throw explain(url, e)
  }
}

class SqliteDriver implements Driver {
  readonly dialect = 'sqlite' as const
  private stmts = new Map<string, Database.Statement>()
  /** better-sqlite3 has one connection: transactions are queued so two never interleave. */
  private chain: Promise<unknown> = Promise.resolve()

  constructor(
    private db: Database.Database,
    readonly url: string,
    private file: string,
    private memory: boolean,
  ) {}

  private stmt(sql: string): Database.Statement {
    let s = this.stmts.get(sql)
    if (!s) {
      s = this.db.prepare(sql)
      this.stmts.set(sql, s)
    }
    return s
  }

  private conn: Conn = {
    all: async (sql, params = []) => this.stmt(sql).all(...(params as any[])) as Row[],
    get: async (sql, params = []) => this.stmt(sql).get(...(params as any[])) as Row | undefined,
    run: async (sql, params = []) => {
      const s = this.stmt(sql)
      if (s.reader) {
        s.get(...(params as any[]))
        return 1
      }
      return s.run(...(params as any[])).changes
    },
    exec: async (sql) => void this.db.exec(sql),
  }

  all = (sql: string, params?: unknown[]) => this.conn.all(sql, params)
  get = (sql: string, params?: unknown[]) => this.conn.get(sql, params)
  run = (sql: string, params?: unknown[]) => this.conn.run(sql, params)
  exec = (sql: string) => this.conn.exec(sql)

  tx<T>(fn: (c: Conn) => Promise<T>): Promise<T> {
    const next = this.chain.then(async () => {
      this.db.exec('BEGIN IMMEDIATE')
      try {
        const out = await fn(this.conn)
        this.db.exec('COMMIT')
        return out
      } catch (e) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK')
        throw e
      }
    })
    this.chain = next.catch(() => undefined)
    return next
  }

  async *iterate(sql: string, params: unknown[]): AsyncIterable<Row> {
    // A second connection, so the caller may query the store while the export streams.
    const reader = this.memory ? this.db : new Database(this.file, { readonly: true, fileMustExist: true })
    try {
      if (this.memory) {
        for (const r of this.db.prepare(sql).all(...(params as any[])) as Row[]) yield r
      } else {
        for (const r of reader.prepare(sql).iterate(...(params as any[])) as Iterable<Row>) yield r
      }
    } finally {
      if (reader !== this.db) reader.close()
    }
  }

  async close(): Promise<void> {
    await this.chain
    if (this.db.open) {
      if (!this.db.readonly && !this.memory) {
        try {
          this.db.pragma('wal_checkpoint(TRUNCATE)')
          // Back to a plain journal when idle, so readers work even from a read-only copy or folder
          // (WAL readers need to write the -shm file). Fails harmlessly while others have it open.
          this.db.pragma('journal_mode = DELETE')
        } catch {
          /* a checkpoint is an optimisation; closing still keeps the data safe */
        }
      }
      this.db.close()
    }
  }

  async bytes(): Promise<number | null> {
    if (this.memory) return null
    let n = 0
    for (const f of [this.file, this.file + '-wal']) if (existsSync(f)) n += statSync(f).size
    return n
  }

  async ftsInsert(c: Conn, rid: number, text: string): Promise<void> {
    await c.run(`INSERT INTO events_fts (rowid, sentence_text) VALUES (?, ?)`, [rid, text])
  }

  ftsWhere(): string {
    return `e.rid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)`
  }

  ftsProbe(): string {
    // Correlated on the rowid: FTS5 seeks this one row's doclist entry instead of building the whole match set.
    return `EXISTS (SELECT 1 FROM events_fts f WHERE events_fts MATCH ? AND f.rowid = e.rid)`
  }

  ftsParam(q: string): string {
    // Each word as a quoted FTS5 string: the user's words are searched for, never parsed as FTS5 syntax.
    const words = q.match(/[\p{L}\p{N}]+/gu) ?? []
    return words.length ? words.map((w) => `"${w}"`).join(' ') : '""'
  }

  explain(e: unknown): unknown {
    return explain(this.url, e)
  }
}
