// PostgreSQL backend, for many writers on many machines: `pg` (loaded only when a postgres:// URL
// is opened), full-text search through a generated tsvector, and the job queue in the same database.
import type { Pool, PoolClient } from 'pg'
import { contentHash } from '../../core/hash.js'
import { SqlStore, type Conn, type Driver, type Row } from '../sql-store.js'
import { redactUrl, StoreError, type Job, type JobPayload, type JobQueue, type Store, type StoreOptions } from '../store.js'

/** Connections per process: a CLI ingest writes from one thread; the API server reads a few at a time. */
const POOL_SIZE = 4
/** Rows fetched per round trip when streaming an export. */
const FETCH_ROWS = 1000
/** Concurrent writers can deadlock on shared actor/cluster rows or race on the same content; such a transaction is simply retried. */
const TX_RETRIES = 5
const RETRYABLE = new Set(['40P01', '40001', '23505'])
const CONNECT_TIMEOUT_MS = 5000
/** A job's lease: a worker that stops heartbeating for this long is presumed dead and its job is handed out again. */
export const DEFAULT_LEASE_SECONDS = 60

function toPg(sql: string): string {
  let i = 0
  return sql.replace(/\?/g, () => `$${++i}`)
}

function explain(db: string, e: unknown): unknown {
  if (e instanceof StoreError) return e
  const err = e as { code?: string; message?: string; errno?: string }
  const code = err?.code ?? ''
  const msg = err?.message ?? String(e)
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'ETIMEDOUT' || code === 'EHOSTUNREACH' || /timeout expired|Connection terminated/i.test(msg))
    return new StoreError(db, `cannot reach the PostgreSQL server (${msg}); is it running, and are host and port right?`)
  if (code === '3D000') return new StoreError(db, `${msg}; create it first (createdb) or fix the URL`)
  if (code === '28P01' || code === '28000') return new StoreError(db, `login refused (${msg}); check the user and password in the URL`)
  if (code === '53100') return new StoreError(db, 'the database server is out of disk space; nothing of the current article was stored — free space and run again')
  if (code === '25006') return new StoreError(db, 'the server is read-only (a standby?); point --db at the primary')
  if (code === '42501') return new StoreError(db, `permission denied (${msg}); the user needs rights on the schema`)
  return e
}

export async function openPostgresStore(rawUrl: string, opts: StoreOptions = {}): Promise<Store> {
  const shown = redactUrl(rawUrl)
  let url: URL
  try {
    url = new URL(rawUrl)
  } catch {
    throw new StoreError(shown, 'not a valid postgres:// URL')
  }
  // ?schema=NAME keeps several newsgraph databases (or parallel test runs) apart in one PostgreSQL database.
  const schema = url.searchParams.get('schema')
  if (schema !== null && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new StoreError(shown, `schema "${schema}" must be lower-case letters, digits and _`)
  url.searchParams.delete('schema')
  const pg = (await import('pg')).default
  // The schema is set for every connection at login, so no statement needs an extra round trip for it.
  const pool: Pool = new pg.Pool({ connectionString: url.toString(), max: POOL_SIZE, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, ...(schema ? { options: `-c search_path=${schema}` } : {}) })
  pool.on('error', () => undefined) // an idle client dropped by the server; the next query reconnects
  try {
    const c = await pool.connect()
    try {
      if (schema) {
        await c.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`)
        await c.query(`SET search_path TO "${schema}"`)
      }
    } finally {
      c.release()
    }
  } catch (e) {
    await pool.end().catch(() => undefined)
    throw explain(shown, e)
  }
  const driver = new PgDriver(pool, shown, schema)
  try {
    return await new SqlStore(driver, opts).init()
  } catch (e) {
    await pool.end().catch(() => undefined)
    throw explain(shown, e)
  }
}

type Query = (q: string | { name: string; text: string; values: unknown[] }, params?: unknown[]) => Promise<{ rows: Row[]; rowCount: number | null }>

/** Converted SQL and a statement name per distinct text: named statements are parsed and planned once per connection. */
const prepared = new Map<string, { name: string; text: string }>()
function named(sql: string, values: unknown[]) {
  let p = prepared.get(sql)
  if (!p) prepared.set(sql, (p = { name: 'ng' + contentHash(sql), text: toPg(sql) }))
  return { name: p.name, text: p.text, values }
}

function connOf(q: Query): Conn {
  return {
    all: async (sql, params = []) => (await q(named(sql, params))).rows,
    get: async (sql, params = []) => (await q(named(sql, params))).rows[0],
    run: async (sql, params = []) => (await q(named(sql, params))).rowCount ?? 0,
    exec: async (sql) => void (await q(sql)),
  }
}

class PgDriver implements Driver {
  readonly dialect = 'postgres' as const
  readonly queue: JobQueue
  private base: Conn

  constructor(
    private pool: Pool,
    readonly url: string,
    readonly schema: string | null,
  ) {
    this.base = connOf((sql, params) => this.withClient((c) => c.query(sql as any, params as unknown[])))
    this.queue = new PgQueue(this)
  }

  async withClient<T>(fn: (c: PoolClient) => Promise<T>): Promise<T> {
    const c = await this.pool.connect()
    try {
      return await fn(c)
    } finally {
      c.release()
    }
  }

  all = (sql: string, params?: unknown[]) => this.base.all(sql, params)
  get = (sql: string, params?: unknown[]) => this.base.get(sql, params)
  run = (sql: string, params?: unknown[]) => this.base.run(sql, params)
  exec = (sql: string) => this.base.exec(sql)

  async tx<T>(fn: (c: Conn) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.withClient(async (client) => {
          await client.query('BEGIN')
          try {
            const out = await fn(connOf((sql, params) => client.query(sql as any, params as unknown[])))
            await client.query('COMMIT')
            return out
          } catch (e) {
            await client.query('ROLLBACK').catch(() => undefined)
            throw e
          }
        })
      } catch (e) {
        if (attempt < TX_RETRIES && RETRYABLE.has((e as { code?: string })?.code ?? '')) continue
        throw e
      }
    }
  }

  async *iterate(sql: string, params: unknown[]): AsyncIterable<Row> {
    const client = await this.pool.connect()
    try {
      await client.query('BEGIN READ ONLY')
      let i = 0
      // DECLARE takes no bind parameters, so values are inlined as escaped literals.
      const inlined = sql.replace(/\?/g, () => {
        const v = params[i++]
        return v === null || v === undefined ? 'NULL' : typeof v === 'number' ? String(v) : client.escapeLiteral(String(v))
      })
      await client.query(`DECLARE export_cursor NO SCROLL CURSOR FOR ${inlined}`)
      for (;;) {
        const r = await client.query(`FETCH ${FETCH_ROWS} FROM export_cursor`)
        for (const row of r.rows) yield row
        if (r.rows.length < FETCH_ROWS) break
      }
      await client.query('COMMIT')
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined)
      throw e
    } finally {
      client.release()
    }
  }

  async close(): Promise<void> {
    await this.pool.end()
  }

  async bytes(): Promise<number | null> {
    const r = await this.get(`SELECT pg_database_size(current_database()) AS n`)
    return r ? Number(r.n) : null
  }

  async ftsInsert(): Promise<void> {
    /* events.tsv is a generated column */
  }

  ftsWhere(): string {
    return `e.tsv @@ websearch_to_tsquery('english', ?)`
  }

  ftsProbe(): string {
    return this.ftsWhere()
  }

  ftsParam(q: string): string {
    return q
  }

  explain(e: unknown): unknown {
    return explain(this.url, e)
  }
}

/**
 * A small queue on `SELECT ... FOR UPDATE SKIP LOCKED`. graphile-worker >= 0.17 and pg-boss >= 11
 * need Node 22; older releases would pin us to unmaintained code for what is one table and three
 * statements here. A claimed job carries a lease; a worker killed midway stops renewing it and the
 * job is claimed again, and since articles are stored idempotently (content hash, inputs table) the
 * redo stores nothing twice.
 */
class PgQueue implements JobQueue {
  constructor(private d: PgDriver) {}

  async enqueue(jobs: JobPayload[]): Promise<number> {
    await this.d.tx(async (c) => {
      for (const j of jobs) await c.run(`INSERT INTO jobs (payload) VALUES (?)`, [JSON.stringify(j)])
    })
    return jobs.length
  }

  async claim(worker: string, leaseSeconds = DEFAULT_LEASE_SECONDS): Promise<Job | null> {
    const r = await this.d.get(
      `UPDATE jobs SET state = 'running', worker = ?, attempts = attempts + 1, locked_until = now() + make_interval(secs => ?)
       WHERE id = (SELECT id FROM jobs WHERE state = 'pending' OR (state = 'running' AND locked_until < now()) ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1)
       RETURNING id, payload, attempts`,
      [worker, leaseSeconds],
    )
    return r ? { id: Number(r.id), payload: JSON.parse(r.payload), attempts: Number(r.attempts) } : null
  }

  async heartbeat(id: number, worker: string, leaseSeconds = DEFAULT_LEASE_SECONDS): Promise<void> {
    await this.d.run(`UPDATE jobs SET locked_until = now() + make_interval(secs => ?) WHERE id = ? AND worker = ? AND state = 'running'`, [leaseSeconds, id, worker])
  }

  async complete(id: number, worker: string): Promise<void> {
    await this.d.run(`UPDATE jobs SET state = 'done', finished_at = now(), locked_until = NULL WHERE id = ? AND worker = ?`, [id, worker])
  }

  async fail(id: number, worker: string, error: string): Promise<void> {
    await this.d.run(`UPDATE jobs SET state = 'failed', error = ?, finished_at = now(), locked_until = NULL WHERE id = ? AND worker = ?`, [error, id, worker])
  }

  async counts(): Promise<{ pending: number; running: number; done: number; failed: number }> {
    const out = { pending: 0, running: 0, done: 0, failed: 0 }
    for (const r of await this.d.all(`SELECT state, COUNT(*) AS n FROM jobs GROUP BY state`)) out[r.state as keyof typeof out] = Number(r.n)
    return out
  }
}
