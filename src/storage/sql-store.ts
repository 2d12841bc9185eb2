// The Store written once over a tiny SQL driver; sqlite/ and postgres/ supply the driver. SQL here
// uses `?` placeholders and only syntax both SQLite (>= 3.35) and PostgreSQL accept, so the two
// backends cannot drift apart.
import type { ArticleRecord, DateMention, EntityType, Event, Mention, PloverType, Quote, Removed } from '../core/types.js'
import { actorIdOf, articleContentHash, articleRows, normalizeClusterOptions, titleOf } from './rows.js'
import { MIGRATIONS, SCHEMA_VERSION, type Dialect } from './schema.js'
import {
  MAX_LIMIT,
  StoreError,
  type ActorDossier,
  type ActorFilter,
  type ArticleSource,
  type ClusterOptions,
  type DyadOptions,
  type DyadPoint,
  type DyadSeries,
  type EventFilter,
  type ExportOptions,
  type Failure,
  type Health,
  type JobQueue,
  type KnownActor,
  type Page,
  type Period,
  type PutResult,
  type Store,
  type StoredActor,
  type StoredArticle,
  type StoredEvent,
  type StoredMention,
  type StoreOptions,
} from './store.js'

export type Row = Record<string, any>

export interface Conn {
  all(sql: string, params?: unknown[]): Promise<Row[]>
  get(sql: string, params?: unknown[]): Promise<Row | undefined>
  run(sql: string, params?: unknown[]): Promise<number>
  exec(sql: string): Promise<void>
}

export interface Driver extends Conn {
  dialect: Dialect
  url: string
  /** Runs fn in one transaction; rolls back on any throw. */
  tx<T>(fn: (c: Conn) => Promise<T>): Promise<T>
  /** Reads a big result in pages so memory stays flat. */
  iterate(sql: string, params: unknown[]): AsyncIterable<Row>
  close(): Promise<void>
  bytes(): Promise<number | null>
  /** Indexes an event's sentence for full-text search (SQLite FTS5; PostgreSQL does it with a generated column). */
  ftsInsert(c: Conn, rid: number, text: string): Promise<void>
  /** A WHERE fragment (one `?`) matching events `e` whose sentence matches the user's query. */
  ftsWhere(): string
  /** A WHERE fragment (one `?`) testing the single event `e` against the user's query, cheap per row. */
  ftsProbe(): string
  /** The parameter for ftsWhere from the user's words. */
  ftsParam(q: string): string
  /** Turns a driver error into a StoreError when it is an infrastructure problem (full, read-only, ...). */
  explain(e: unknown): unknown
  queue?: JobQueue
}

/** Any fixed number: the advisory lock id that serialises schema migrations on PostgreSQL. */
const MIGRATION_LOCK = 74_617_001
/** Evidence sentences kept per actor: the first ones that introduced it; more would only grow the database. */
const MAX_EVIDENCE = 10
const DEFAULT_LIMIT = 50
const DEFAULT_TIMELINE = 20
/** Counterparts and aliases shown in a dossier: enough to read, small enough to stay fast. */
const DOSSIER_LIST = 25
/** Actors handed to the coder as known: the most mentioned first; bounds memory in each worker. */
const KNOWN_ACTORS_MAX = 50_000
/** Newest rows tested one by one for a text search before asking the index for every match: a word in
 * 5% of sentences fills a page of 50 within it, and testing costs ~25-50 µs a row on SQLite. */
const FTS_PROBE_ROWS = 1000

/** 'id:…', 'code:…' or 'cty:…': how an actor/recipient/country filter value is looked up. */
export function filterKey(v: string): string {
  if (/^[A-Z]{3}$/.test(v)) return 'cty:' + v
  if (/^[A-Z][A-Z0-9]{3,}$/.test(v)) return 'code:' + v
  return 'id:' + v
}

function encodeCursor(day: string, rid: number): string {
  return Buffer.from(`${day}|${rid}`).toString('base64url')
}
function decodeCursor(c: string): { day: string; rid: number } {
  const s = Buffer.from(c, 'base64url').toString()
  const m = /^(\d{4}-\d{2}-\d{2})\|(\d+)$/.exec(s)
  if (!m) throw new StoreError('cursor', `"${c}" is not a cursor this database gave out`)
  return { day: m[1], rid: Number(m[2]) }
}

function limitOf(n: number | undefined): number {
  if (n === undefined) return DEFAULT_LIMIT
  if (!Number.isInteger(n) || n < 1) throw new StoreError('limit', `must be a positive whole number (got ${n})`)
  return Math.min(n, MAX_LIMIT)
}

function sourceOf(r: ArticleRecord): string {
  if (r.source) return r.source.trim().toLowerCase()
  if (r.url) {
    try {
      return new URL(r.url).hostname.replace(/^www\./, '')
    } catch {
      /* fall through */
    }
  }
  return 'unknown'
}

/** min/max that ignore NULL on both backends (SQLite's two-argument min() returns NULL if either is). */
const least = (a: string, b: string) => `CASE WHEN ${a} IS NULL OR ${b} < ${a} THEN ${b} ELSE ${a} END`
const greatest = (a: string, b: string) => `CASE WHEN ${a} IS NULL OR ${b} > ${a} THEN ${b} ELSE ${a} END`

const EVENT_COLS = `e.rid, e.id, e.article_id, e.day, e.sentence_text, e.data, a.url AS source_url, a.source, a.published, a.date_added,
  c.id AS c_id, c.num_mentions, c.num_sources, c.num_articles`
const EVENT_JOINS = `JOIN articles a ON a.id = e.article_id JOIN clusters c ON c.id = e.cluster_id`
const EVENT_FROM = `events e ${EVENT_JOINS}`

interface ParsedEvent {
  id: string
  ev: Event
  actor_ids: string[]
  recipient_ids: string[]
}

function parseEvent(r: Row): ParsedEvent {
  const ev = JSON.parse(r.data) as Event
  return { id: r.id, ev, actor_ids: ev.actor.map(actorIdOf), recipient_ids: ev.recipient.map(actorIdOf) }
}

function toEvent(r: Row, p: ParsedEvent = parseEvent(r)): StoredEvent {
  // Object.assign then plain stores, not {...ev, ...}: V8 spreads a JSON.parse'd event on a slow path
  // (~17 µs an event against ~0.4 µs, Node 20), which was a third of a 50-event page's CPU. Same keys, same order.
  const out = Object.assign({}, p.ev) as StoredEvent
  out.article_id = r.article_id
  out.source_url = r.source_url ?? null
  out.source = r.source ?? null
  out.published = r.published ?? null
  out.date_added = r.date_added
  out.sentence_text = r.sentence_text
  out.actor_ids = p.actor_ids
  out.recipient_ids = p.recipient_ids
  out.cluster = { id: r.c_id, num_mentions: Number(r.num_mentions), num_sources: Number(r.num_sources), num_articles: Number(r.num_articles) }
  return out
}

/** Parsed events kept per store: the pages analysts ask for again (latest, busy actors) skip JSON.parse,
 * which with its garbage was ~40% of a list request's CPU on the 1M-event database. ~4 KB each in memory. */
const PARSED_CACHE_EVENTS = 10_000

function toActor(r: Row): StoredActor {
  return {
    id: r.id,
    name: r.name,
    type: r.type ?? null,
    country: r.country ?? null,
    sector: r.sector ?? null,
    code: r.code ?? null,
    origin: r.origin,
    mentions: Number(r.mentions),
    events: Number(r.events),
    first_seen: r.first_seen ?? null,
    last_seen: r.last_seen ?? null,
  }
}

function periodStart(day: string, p: Period): string {
  if (p === 'day') return day
  if (p === 'month') return day.slice(0, 7) + '-01'
  if (p === 'year') return day.slice(0, 4) + '-01-01'
  const d = new Date(day + 'T00:00:00Z')
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7)) // ISO weeks start on Monday
  return d.toISOString().slice(0, 10)
}

export class SqlStore implements Store {
  readonly backend: Dialect
  readonly url: string
  readonly queue?: JobQueue
  private cluster: Required<ClusterOptions>
  /** By rid, checked against the event id: a stored event's data never changes (events are only ever inserted). */
  private parsed = new Map<number, ParsedEvent>()

  constructor(
    private db: Driver,
    private opts: StoreOptions,
  ) {
    this.backend = db.dialect
    this.url = db.url
    this.queue = db.queue
    this.cluster = normalizeClusterOptions(opts.cluster)
  }

  /** Opens: migrate, then read the cluster settings fixed when the database was created. */
  async init(): Promise<this> {
    const version = await this.version()
    if (version < SCHEMA_VERSION) {
      if (this.opts.noMigrate || this.opts.readonly) throw new StoreError(this.url, `schema version ${version}, this newsgraph needs ${SCHEMA_VERSION}; run newsgraph ingest (or any write) to migrate`)
      await this.migrate()
    } else if (version > SCHEMA_VERSION) {
      throw new StoreError(this.url, `schema version ${version} is newer than this newsgraph understands (${SCHEMA_VERSION}); upgrade newsgraph`)
    }
    const stored = await this.db.get(`SELECT value FROM meta WHERE key = 'cluster'`)
    if (stored) {
      const s = JSON.parse(stored.value) as Required<ClusterOptions>
      if (this.opts.cluster && JSON.stringify(normalizeClusterOptions(this.opts.cluster)) !== JSON.stringify(s)) {
        throw new StoreError(this.url, `was created with cluster key ${s.key.join(',')} and window ${s.windowDays} day(s); clusters cannot be changed on an existing database (use a new --db)`)
      }
      this.cluster = s
    } else if (!this.opts.readonly) {
      await this.db.run(`INSERT INTO meta (key, value) VALUES ('cluster', ?) ON CONFLICT (key) DO NOTHING`, [JSON.stringify(this.cluster)])
    }
    return this
  }

  private async version(): Promise<number> {
    try {
      const r = await this.db.get(`SELECT MAX(version) AS v FROM schema_migrations`)
      return Number(r?.v ?? 0)
    } catch {
      return 0
    }
  }

  async migrate(): Promise<number> {
    await this.db.tx(async (c) => {
      // Several workers may start at once: one migrates, the others wait here and then find nothing to do.
      if (this.db.dialect === 'postgres') await c.get(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`)
      await c.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL, why TEXT NOT NULL)`)
      const have = Number((await c.get(`SELECT MAX(version) AS v FROM schema_migrations`))?.v ?? 0)
      for (const m of MIGRATIONS) {
        if (m.version <= have) continue
        await c.exec(m.sql(this.db.dialect))
        await c.run(`INSERT INTO schema_migrations (version, applied_at, why) VALUES (?, ?, ?)`, [m.version, new Date().toISOString(), m.why])
      }
    })
    return SCHEMA_VERSION
  }

  async close(): Promise<void> {
    await this.db.close()
  }

  async putArticle(record: ArticleRecord, source: ArticleSource = {}): Promise<PutResult> {
    return (await this.putArticles([{ record, source }]))[0]
  }

  async putArticles(items: { record: ArticleRecord; source?: ArticleSource }[]): Promise<PutResult[]> {
    if (!items.length) return []
    const dateAdded = new Date().toISOString()
    try {
      return await this.db.tx(async (c) => {
        const out: PutResult[] = []
        for (const { record, source = {} } of items) out.push(await this.putOne(c, record, source, dateAdded))
        return out
      })
    } catch (e) {
      throw this.db.explain(e)
    }
  }

  private async putOne(c: Conn, record: ArticleRecord, source: ArticleSource, dateAdded: string): Promise<PutResult> {
    const hash = articleContentHash(record)
    const dup = await c.get(`SELECT id FROM articles WHERE content_hash = ? OR id = ?`, [hash, record.id])
    if (dup) {
      if (source.input) await c.run(`INSERT INTO inputs (input, article_id) VALUES (?, ?) ON CONFLICT (input) DO NOTHING`, [source.input, dup.id])
      return { status: 'duplicate', id: dup.id as string, events: 0 }
    }
    await this.insertArticle(c, record, hash, dateAdded, source.input ?? null)
    if (source.input) {
      await c.run(`INSERT INTO inputs (input, article_id) VALUES (?, ?) ON CONFLICT (input) DO NOTHING`, [source.input, record.id])
      await c.run(`DELETE FROM failures WHERE input = ?`, [source.input])
    }
    return { status: 'stored', id: record.id, events: new Set(record.events.map((e) => e.id)).size }
  }

  private async insertArticle(c: Conn, r: ArticleRecord, hash: string, dateAdded: string, input: string | null): Promise<void> {
    const rows = articleRows(r, dateAdded, this.cluster)
    const day = rows.day
    const extra = JSON.stringify({ removed: r.removed, dates: r.dates, warnings: r.warnings })
    await c.run(
      `INSERT INTO articles (id, content_hash, title, url, published, day, source, language, text, extra, date_added, input) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`,
      [r.id, hash, r.title, r.url, r.published, day, r.source, r.language, r.text, extra, dateAdded, input],
    )
    // Sentences are not part of the record; events and mentions carry their sentence spans.
    const sentences = new Map<number, { start: number; end: number }>()
    for (const e of r.events) sentences.set(e.sentence.index, { start: e.sentence.start, end: e.sentence.end })
    await insertMany(c, `INSERT INTO sentences (article_id, idx, paragraph, s_start, s_end) VALUES `, [...sentences].sort((a, b) => a[0] - b[0]).map(([idx, s]) => [r.id, idx, -1, s.start, s.end]))
    await insertMany(
      c,
      `INSERT INTO mentions (article_id, idx, actor_id, type, text, name, country, sector, code, sentence, m_start, m_end, origin, acts, role, place) VALUES `,
      r.entities.map((m, i) => [r.id, i, rows.mentionActorIds[i], m.type, m.text, m.name, m.country, m.sector, m.code, m.sentence, m.start, m.end, m.origin, m.acts ? 1 : 0, m.role ?? null, m.place ? JSON.stringify(m.place) : null]),
    )
    // Shared rows (actors, clusters, counters) are always locked in id order, so concurrent writers on PostgreSQL cannot deadlock.
    // Each table gets one multi-row statement per article (a round trip each on PostgreSQL); keys are made
    // unique first, because one statement may not upsert the same row twice.
    const actors = [...rows.actors.values()].sort((x, y) => (x.id < y.id ? -1 : 1))
    await insertMany(
      c,
      `INSERT INTO actors (id, name, type, country, sector, code, origin, mentions, events, first_seen, last_seen) VALUES `,
      actors.map((a) => [a.id, a.name, a.type, a.country, a.sector, a.code, 'learned', a.mentions, a.events, day, day]),
      `ON CONFLICT (id) DO UPDATE SET mentions = actors.mentions + excluded.mentions, events = actors.events + excluded.events,
         type = COALESCE(actors.type, excluded.type), sector = COALESCE(actors.sector, excluded.sector), code = COALESCE(actors.code, excluded.code),
         first_seen = ${least('actors.first_seen', 'excluded.first_seen')}, last_seen = ${greatest('actors.last_seen', 'excluded.last_seen')}`,
    )
    const aliases = new Map<string, unknown[]>()
    const roles = new Map<string, unknown[]>()
    for (const a of actors) {
      for (const alias of a.aliases) {
        // Two spellings of one alias ("Kremlin", "kremlin") count twice, under the first spelling.
        const k = `${alias.toLowerCase()}\u0000${a.id}`
        const row = aliases.get(k)
        if (row) (row[3] as number)++
        else aliases.set(k, [alias.toLowerCase(), a.id, alias, 1])
      }
      for (const role of a.roles.values()) {
        const key = [a.id, role.sector ?? '', role.title ?? '', role.country ?? '']
        const k = key.join('\u0000')
        const row = roles.get(k)
        if (row) (row[6] as number) += role.mentions
        else roles.set(k, [...key, day, day, role.mentions])
      }
    }
    await insertMany(c, `INSERT INTO actor_aliases (alias_norm, actor_id, alias, n) VALUES `, sortedRows(aliases), `ON CONFLICT (alias_norm, actor_id) DO UPDATE SET n = actor_aliases.n + excluded.n`)
    await insertMany(
      c,
      `INSERT INTO actor_roles (actor_id, sector, title, country, first_seen, last_seen, mentions) VALUES `,
      sortedRows(roles),
      `ON CONFLICT (actor_id, sector, title, country) DO UPDATE SET mentions = actor_roles.mentions + excluded.mentions,
         first_seen = ${least('actor_roles.first_seen', 'excluded.first_seen')}, last_seen = ${greatest('actor_roles.last_seen', 'excluded.last_seen')}`,
    )
    for (const a of actors) {
      // Evidence is kept where an actor was introduced with more than its bare name: that is what taught us who it is.
      if (a.evidence) {
        const s = r.text.slice(...sentenceSpan(r, a.evidence.sentence, a.evidence.start, a.evidence.end))
        await c.run(
          `INSERT INTO actor_evidence (actor_id, article_id, text, sentence_text, published, country, sector) SELECT ?,?,?,?,?,?,?
           WHERE (SELECT COUNT(*) FROM actor_evidence WHERE actor_id = ?) < ${MAX_EVIDENCE} ON CONFLICT (actor_id, article_id) DO NOTHING`,
          [a.id, r.id, a.evidence.text, s, r.published, a.evidence.country, a.evidence.sector, a.id],
        )
      }
    }
    await insertMany(
      c,
      `INSERT INTO actor_types (actor_id, type, as_actor, as_recipient) VALUES `,
      [...rows.typeCounts.values()].sort((x, y) => (x.actor + x.type < y.actor + y.type ? -1 : 1)).map((t) => [t.actor, t.type, t.asActor, t.asRecipient]),
      `ON CONFLICT (actor_id, type) DO UPDATE SET as_actor = actor_types.as_actor + excluded.as_actor, as_recipient = actor_types.as_recipient + excluded.as_recipient`,
    )
    await insertMany(
      c,
      `INSERT INTO actor_counterparts (actor_id, other_id, as_actor, as_recipient) VALUES `,
      [...rows.counterparts.values()].sort((x, y) => (x.actor + '|' + x.other < y.actor + '|' + y.other ? -1 : 1)).map((t) => [t.actor, t.other, t.asActor, t.asRecipient]),
      `ON CONFLICT (actor_id, other_id) DO UPDATE SET as_actor = actor_counterparts.as_actor + excluded.as_actor, as_recipient = actor_counterparts.as_recipient + excluded.as_recipient`,
    )
    const outlet = sourceOf(r)
    const rids: number[] = []
    const keyRows: unknown[][] = []
    const dyadRows: unknown[][] = []
    const perCluster = new Map<string, { cl: (typeof rows.events)[number]['cluster']; type: string; n: number; first: string; last: string }>()
    for (const er of rows.events) {
      const p = perCluster.get(er.cluster.id)
      if (p) {
        p.n++
        if (er.day < p.first) p.first = er.day
        if (er.day > p.last) p.last = er.day
      } else perCluster.set(er.cluster.id, { cl: er.cluster, type: er.event.type, n: 1, first: er.day, last: er.day })
    }
    const clusterIds = [...perCluster.keys()].sort()
    await insertMany(
      c,
      `INSERT INTO clusters (id, ckey, bucket, type, num_mentions, num_sources, num_articles, first_day, last_day) VALUES `,
      clusterIds.map((id) => {
        const p = perCluster.get(id)!
        return [id, p.cl.key, p.cl.bucket, p.type, p.n, 0, 0, p.first, p.last]
      }),
      `ON CONFLICT (id) DO UPDATE SET num_mentions = clusters.num_mentions + excluded.num_mentions,
         first_day = ${least('clusters.first_day', 'excluded.first_day')}, last_day = ${greatest('clusters.last_day', 'excluded.last_day')}`,
    )
    // A cluster counts an article and an outlet once: only the links this article adds raise the counts.
    // (The cluster rows are already locked by the upsert above, so these updates take no new locks.)
    for (const [table, column, counter, value] of [['cluster_articles', 'article_id', 'num_articles', r.id], ['cluster_sources', 'source', 'num_sources', outlet]] as const) {
      for (let i = 0; i < clusterIds.length; i += ROWS_PER_INSERT) {
        const part = clusterIds.slice(i, i + ROWS_PER_INSERT)
        const added = await c.all(`INSERT INTO ${table} (cluster_id, ${column}) VALUES ${part.map(() => '(?,?)').join(',')} ON CONFLICT DO NOTHING RETURNING cluster_id`, part.flatMap((id) => [id, value]))
        if (added.length) await c.run(`UPDATE clusters SET ${counter} = ${counter} + 1 WHERE id IN (${added.map(() => '?').join(',')})`, added.map((a) => a.cluster_id))
      }
    }
    for (const er of rows.events) {
      const e = er.event
      const cl = er.cluster
      const ins = await c.get(
        `INSERT INTO events (id, article_id, type, quad, polarity, day, cluster_id, sentence_index, sentence_text, data) VALUES (?,?,?,?,?,?,?,?,?,?) RETURNING rid`,
        [e.id, r.id, e.type, e.quad, e.polarity, er.day, cl.id, e.sentence.index, er.sentenceText, JSON.stringify(e)],
      )
      const rid = Number(ins!.rid)
      rids.push(rid)
      await this.db.ftsInsert(c, rid, er.sentenceText)
      const keys = new Set<string>()
      for (const [side, list] of [[0, e.actor], [1, e.recipient]] as const) {
        for (const a of list) {
          keys.add(`${side}\u0000id:${actorIdOf(a)}`)
          if (a.code) keys.add(`${side}\u0000code:${a.code}`)
          if (a.country) keys.add(`${side}\u0000cty:${a.country}`)
        }
      }
      for (const k of keys) {
        const [side, key] = k.split('\u0000')
        keyRows.push([key, Number(side), er.day, rid])
      }
      const pairs = new Set<string>()
      for (const a of e.actor) {
        for (const b of e.recipient) {
          pairs.add(`id:${actorIdOf(a)}\u0000id:${actorIdOf(b)}`)
          if (a.code && b.code) pairs.add(`code:${a.code}\u0000code:${b.code}`)
          if (a.country && b.country) pairs.add(`cty:${a.country}\u0000cty:${b.country}`)
        }
      }
      for (const p of pairs) {
        const [a, b] = p.split('\u0000')
        dyadRows.push([a, b, er.day, rid, e.quad])
      }
    }
    await insertMany(c, `INSERT INTO event_keys (k, side, day, event_rid) VALUES `, keyRows)
    await insertMany(c, `INSERT INTO event_dyads (a, b, day, event_rid, quad) VALUES `, dyadRows)
    const perDay = new Map<string, number>()
    for (const [a, b, day, , quad] of dyadRows) {
      const k = `${a}\u0000${b}\u0000${day}\u0000${quad}`
      perDay.set(k, (perDay.get(k) ?? 0) + 1)
    }
    await insertMany(
      c,
      `INSERT INTO dyad_days (a, b, day, quad, n) VALUES `,
      [...perDay].sort((x, y) => (x[0] < y[0] ? -1 : 1)).map(([k, n]) => [...k.split('\u0000'), n]),
      `ON CONFLICT (a, b, day, quad) DO UPDATE SET n = dyad_days.n + excluded.n`,
    )
    await insertMany(c, `INSERT INTO quotes (article_id, idx, q_start, q_end, text, speaker) VALUES `, r.quotes.map((q, i) => [r.id, i, q.start, q.end, q.text, q.speaker ? JSON.stringify(q.speaker) : null]))
  }

  async seenInputs(inputs: string[]): Promise<Set<string>> {
    const seen = new Set<string>()
    const CHUNK = 500
    for (let i = 0; i < inputs.length; i += CHUNK) {
      const part = inputs.slice(i, i + CHUNK)
      const marks = part.map(() => '?').join(',')
      for (const r of await this.db.all(`SELECT input FROM inputs WHERE input IN (${marks})`, part)) seen.add(r.input)
    }
    return seen
  }

  async recordFailure(input: string, error: string): Promise<void> {
    try {
      await this.db.run(`INSERT INTO failures (input, error, at) VALUES (?,?,?) ON CONFLICT (input) DO UPDATE SET error = excluded.error, at = excluded.at`, [input, error, new Date().toISOString()])
    } catch (e) {
      throw this.db.explain(e)
    }
  }

  async failures(limit = 100): Promise<Failure[]> {
    const rows = await this.db.all(`SELECT input, error, at FROM failures ORDER BY at DESC, input LIMIT ?`, [limitOf(limit)])
    return rows.map((r) => ({ input: r.input, error: r.error, at: r.at }))
  }

  /** WHERE parts for filters that are not the driving index. */
  private eventWhere(f: EventFilter, skip: Set<string>): { where: string[]; params: unknown[] } {
    const where: string[] = []
    const params: unknown[] = []
    // One primary-key probe per row walked (event_keys repeats the event's day), instead of IN, which
    // reads every event of the key first: 62k for a popular country to keep 50.
    const keyed = (k: string, side: number | null) => {
      where.push(`EXISTS (SELECT 1 FROM event_keys ek WHERE ek.k = ? AND ek.side ${side === null ? 'IN (0, 1)' : '= ?'} AND ek.day = e.day AND ek.event_rid = e.rid)`)
      params.push(k)
      if (side !== null) params.push(side)
    }
    if (f.actor && !skip.has('actor')) keyed(filterKey(f.actor), 0)
    if (f.recipient && !skip.has('recipient')) keyed(filterKey(f.recipient), 1)
    if (f.country && !skip.has('country')) keyed('cty:' + f.country.toUpperCase(), null)
    if (f.type) (where.push('e.type = ?'), params.push(f.type))
    if (f.quad) (where.push('e.quad = ?'), params.push(f.quad))
    if (f.polarity) (where.push('e.polarity = ?'), params.push(f.polarity))
    if (f.article) (where.push('e.article_id = ?'), params.push(f.article))
    if (f.cluster) (where.push('e.cluster_id = ?'), params.push(f.cluster))
    if (f.q && !skip.has('q')) (where.push(this.db.ftsWhere()), params.push(this.db.ftsParam(f.q)))
    return { where, params }
  }

  async events(f: EventFilter = {}): Promise<Page<StoredEvent>> {
    const limit = limitOf(f.limit)
    const cur = f.cursor ? decodeCursor(f.cursor) : null
    // Each walk reads one index newest-first and stops at its LIMIT, so a page costs the same on 1M
    // events as on 1k: a popular country or a word in every sentence never sorts all its matches.
    const skip = new Set<string>()
    let drivers: { from: string; where: string[]; params: unknown[]; day: string; rid: string }[]
    if (f.actor && f.recipient) {
      drivers = [{ from: `event_dyads x JOIN events e ON e.rid = x.event_rid`, where: ['x.a = ? AND x.b = ?'], params: [filterKey(f.actor), filterKey(f.recipient)], day: 'x.day', rid: 'x.event_rid' }]
      skip.add('actor').add('recipient')
    } else if (f.actor || f.recipient) {
      drivers = [{ from: `event_keys x JOIN events e ON e.rid = x.event_rid`, where: ['x.k = ? AND x.side = ?'], params: [filterKey((f.actor ?? f.recipient)!), f.actor ? 0 : 1], day: 'x.day', rid: 'x.event_rid' }]
      skip.add(f.actor ? 'actor' : 'recipient')
    } else if (f.country) {
      // A country is either side: walk each side's (k, side, day, rid) range and merge the two short lists.
      const k = 'cty:' + f.country.toUpperCase()
      drivers = [0, 1].map((side) => ({ from: `event_keys x JOIN events e ON e.rid = x.event_rid`, where: ['x.k = ? AND x.side = ?'], params: [k, side], day: 'x.day', rid: 'x.event_rid' }))
      skip.add('country')
    } else {
      drivers = [{ from: 'events e', where: [], params: [], day: 'e.day', rid: 'e.rid' }]
    }
    const rest = this.eventWhere(f, skip.add('q'))
    const walk = (extra: { where: string[]; params: unknown[] }, n: number, probe?: { where: string; params: unknown[] }) => {
      const parts: string[] = []
      const params: unknown[] = []
      for (const d of drivers) {
        const where = [...d.where, ...rest.where, ...extra.where]
        params.push(...d.params, ...rest.params, ...extra.params)
        if (f.since) (where.push(`${d.day} >= ?`), params.push(f.since))
        if (f.until) (where.push(`${d.day} <= ?`), params.push(f.until))
        // The plain `day <= ?` lets the index seek to the cursor instead of stepping over every newer row.
        if (cur) (where.push(`${d.day} <= ? AND (${d.day} < ? OR ${d.rid} < ?)`), params.push(cur.day, cur.day, cur.rid))
        let sql = `SELECT ${d.day} AS day, ${d.rid} AS rid FROM ${d.from}${where.length ? ' WHERE ' + where.join(' AND ') : ''} ORDER BY ${d.day} DESC, ${d.rid} DESC LIMIT ?`
        params.push(n)
        if (probe) {
          // Tested per walk, in index order, so each stops at a page instead of testing all n rows before a merge sort.
          sql = `SELECT ww.day, ww.rid FROM (${sql}) ww JOIN events e ON e.rid = ww.rid WHERE ${probe.where} ORDER BY ww.day DESC, ww.rid DESC LIMIT ?`
          params.push(...probe.params, limit + 1)
        }
        parts.push(`SELECT * FROM (${sql}) w${parts.length}`)
      }
      return { keys: parts.join(' UNION '), params }
    }
    const page = async (keys: { keys: string; params: unknown[] }) =>
      this.db.all(`SELECT ${EVENT_COLS} FROM (${keys.keys}) w JOIN events e ON e.rid = w.rid ${EVENT_JOINS} ORDER BY w.day DESC, w.rid DESC LIMIT ?`, [...keys.params, limit + 1])
    let rows: Row[]
    if (f.q) {
      const words = this.db.ftsParam(f.q)
      // A common word: test the newest rows one by one and stop at a page. A rarer one falls back to
      // the full-text index's whole match list, which is then short enough to sort.
      rows = await page(walk({ where: [], params: [] }, FTS_PROBE_ROWS, { where: this.db.ftsProbe(), params: [words] }))
      if (rows.length <= limit) rows = await page(walk({ where: [this.db.ftsWhere()], params: [words] }, limit + 1))
    } else {
      rows = await page(walk({ where: [], params: [] }, limit + 1))
    }
    const items = rows.slice(0, limit).map(this.cachedEvent)
    const last = rows.length > limit ? rows[limit - 1] : null
    return { items, next: last ? encodeCursor(last.day, Number(last.rid)) : null }
  }

  /** toEvent through the parsed-event cache; Map order is insertion order, so the oldest entry goes first. */
  private cachedEvent = (r: Row): StoredEvent => {
    const rid = Number(r.rid)
    let p = this.parsed.get(rid)
    if (!p || p.id !== r.id) {
      p = parseEvent(r)
      if (this.parsed.size >= PARSED_CACHE_EVENTS) this.parsed.delete(this.parsed.keys().next().value!)
      this.parsed.set(rid, p)
    }
    return toEvent(r, p)
  }

  async event(id: string): Promise<StoredEvent | null> {
    const r = await this.db.get(`SELECT ${EVENT_COLS} FROM ${EVENT_FROM} WHERE e.id = ?`, [id])
    return r ? toEvent(r) : null
  }

  async actors(f: ActorFilter = {}): Promise<Page<StoredActor>> {
    const limit = limitOf(f.limit)
    const where: string[] = []
    const params: unknown[] = []
    if (f.q) {
      const q = f.q.trim()
      where.push(`(t.id IN (SELECT actor_id FROM actor_aliases WHERE alias_norm LIKE ?) OR LOWER(t.name) LIKE ? OR t.code = ? OR t.country = ? OR t.id = ?)`)
      const like = '%' + q.toLowerCase().replace(/[%_\\]/g, '') + '%'
      params.push(like, like, q.toUpperCase(), q.toUpperCase(), q)
    }
    if (f.country) (where.push('t.country = ?'), params.push(f.country.toUpperCase()))
    if (f.type) (where.push('t.type = ?'), params.push(f.type))
    let offset = 0
    if (f.cursor) {
      offset = Number(Buffer.from(f.cursor, 'base64url').toString())
      if (!Number.isInteger(offset) || offset < 0) throw new StoreError('cursor', `"${f.cursor}" is not a cursor this database gave out`)
    }
    const rows = await this.db.all(
      `SELECT t.* FROM actors t${where.length ? ' WHERE ' + where.join(' AND ') : ''} ORDER BY t.mentions DESC, t.id LIMIT ? OFFSET ?`,
      [...params, limit + 1, offset],
    )
    const items = rows.slice(0, limit).map(toActor)
    return { items, next: rows.length > limit ? Buffer.from(String(offset + limit)).toString('base64url') : null }
  }

  async actor(id: string, opts: { timelineLimit?: number } = {}): Promise<ActorDossier | null> {
    const r = await this.db.get(`SELECT * FROM actors WHERE id = ?`, [id])
    if (!r) return null
    const tl = Math.min(opts.timelineLimit ?? DEFAULT_TIMELINE, MAX_LIMIT)
    const [aliases, roles, counterparts, types, evidence, asA, asR] = await Promise.all([
      this.db.all(`SELECT alias FROM actor_aliases WHERE actor_id = ? ORDER BY n DESC, alias LIMIT ?`, [id, DOSSIER_LIST]),
      this.db.all(`SELECT * FROM actor_roles WHERE actor_id = ? ORDER BY first_seen, mentions DESC`, [id]),
      this.db.all(
        // Rank first, then look up names for the few kept: a country has thousands of counterparts.
        `SELECT p.other_id, p.as_actor, p.as_recipient, o.name, o.code FROM
           (SELECT other_id, as_actor, as_recipient FROM actor_counterparts WHERE actor_id = ? ORDER BY as_actor + as_recipient DESC, other_id LIMIT ?) p
         LEFT JOIN actors o ON o.id = p.other_id ORDER BY p.as_actor + p.as_recipient DESC, p.other_id`,
        [id, DOSSIER_LIST],
      ),
      this.db.all(`SELECT type, as_actor, as_recipient FROM actor_types WHERE actor_id = ? ORDER BY as_actor + as_recipient DESC, type`, [id]),
      this.db.all(`SELECT * FROM actor_evidence WHERE actor_id = ? ORDER BY published, article_id LIMIT ?`, [id, DOSSIER_LIST]),
      this.timelineSide('id:' + id, 0, tl),
      this.timelineSide('id:' + id, 1, tl),
    ])
    const seen = new Set<string>()
    const timeline = [...asA, ...asR]
      .sort((x, y) => (x.day === y.day ? Number(y.rid) - Number(x.rid) : x.day < y.day ? 1 : -1))
      .filter((x) => (seen.has(x.id) ? false : (seen.add(x.id), true)))
      .slice(0, tl)
      .map(this.cachedEvent)
    return {
      actor: toActor(r),
      aliases: aliases.map((a) => a.alias),
      roles: roles.map((x) => ({ sector: x.sector || null, title: x.title || null, country: x.country || null, first_seen: x.first_seen, last_seen: x.last_seen, mentions: Number(x.mentions) })),
      counterparts: counterparts.map((x) => ({ actor_id: x.other_id, name: x.name ?? x.other_id, code: x.code ?? null, as_actor: Number(x.as_actor), as_recipient: Number(x.as_recipient) })),
      event_types: types.map((x) => ({ type: x.type as PloverType, as_actor: Number(x.as_actor), as_recipient: Number(x.as_recipient) })),
      timeline,
      evidence: evidence.map((x) => ({ article_id: x.article_id, text: x.text, sentence_text: x.sentence_text, published: x.published, country: x.country, sector: x.sector })),
    }
  }

  private timelineSide(k: string, side: number, limit: number): Promise<Row[]> {
    return this.db.all(
      `SELECT ${EVENT_COLS} FROM event_keys x JOIN events e ON e.rid = x.event_rid ${EVENT_JOINS} WHERE x.k = ? AND x.side = ? ORDER BY x.day DESC, x.event_rid DESC LIMIT ?`,
      [k, side, limit],
    )
  }

  async dyad(a: string, b: string, opts: DyadOptions = {}): Promise<DyadSeries> {
    const period = opts.period ?? 'month'
    const ka = filterKey(a)
    const kb = filterKey(b)
    const range: string[] = []
    const rp: unknown[] = []
    if (opts.since) (range.push('day >= ?'), rp.push(opts.since))
    if (opts.until) (range.push('day <= ?'), rp.push(opts.until))
    const extra = range.length ? ' AND ' + range.join(' AND ') : ''
    const counts = await this.db.all(
      `SELECT a, day, quad, n FROM dyad_days WHERE ((a = ? AND b = ?) OR (a = ? AND b = ?))${extra}`,
      [ka, kb, kb, ka, ...rp],
    )
    const byPeriod = new Map<string, DyadPoint>()
    for (const r of counts) {
      const p = periodStart(r.day, period)
      let pt = byPeriod.get(p)
      if (!pt) byPeriod.set(p, (pt = { period: p, verbal_cooperation: 0, material_cooperation: 0, verbal_conflict: 0, material_conflict: 0, a_to_b: 0, b_to_a: 0 }))
      const n = Number(r.n)
      const q = (r.quad as string).toLowerCase() as 'verbal_cooperation'
      pt[q] += n
      if (r.a === ka) pt.a_to_b += n
      else pt.b_to_a += n
    }
    const limit = Math.min(opts.eventLimit ?? DEFAULT_TIMELINE, MAX_LIMIT)
    // Each direction read newest-first from its own index range, then merged: no sort of the whole dyad.
    const side = `SELECT * FROM (SELECT event_rid, day FROM event_dyads WHERE a = ? AND b = ?${extra} ORDER BY day DESC, event_rid DESC LIMIT ?) d`
    const evRows = limit
      ? await this.db.all(
          `SELECT ${EVENT_COLS} FROM (${side} UNION ALL ${side}) x JOIN events e ON e.rid = x.event_rid ${EVENT_JOINS}
           ORDER BY x.day DESC, x.event_rid DESC LIMIT ?`,
          [ka, kb, ...rp, limit, kb, ka, ...rp, limit, limit],
        )
      : []
    const seen = new Set<string>()
    const events = evRows.filter((x) => (seen.has(x.id) ? false : (seen.add(x.id), true))).map(this.cachedEvent)
    return { a, b, period, points: [...byPeriod.values()].sort((x, y) => (x.period < y.period ? -1 : 1)), events }
  }

  async article(id: string): Promise<StoredArticle | null> {
    const a = await this.db.get(`SELECT * FROM articles WHERE id = ?`, [id])
    if (!a) return null
    const [mentions, evs, quotes] = await Promise.all([
      this.db.all(`SELECT * FROM mentions WHERE article_id = ? ORDER BY idx`, [id]),
      this.db.all(`SELECT ${EVENT_COLS} FROM ${EVENT_FROM} WHERE e.article_id = ? ORDER BY e.rid`, [id]),
      this.db.all(`SELECT * FROM quotes WHERE article_id = ? ORDER BY idx`, [id]),
    ])
    const events = evs.map(this.cachedEvent)
    return { record: this.toRecord(a, mentions, events, quotes), events, date_added: a.date_added, input: a.input ?? null }
  }

  private toRecord(a: Row, mentions: Row[], events: StoredEvent[], quotes: Row[]): ArticleRecord {
    const extra = JSON.parse(a.extra) as { removed: Removed[]; dates: DateMention[]; warnings: string[] }
    return {
      id: a.id,
      title: a.title ?? null,
      url: a.url ?? null,
      published: a.published ?? null,
      source: a.source ?? null,
      language: a.language ?? null,
      text: a.text,
      removed: extra.removed,
      entities: mentions.map(toMention),
      dates: extra.dates,
      events: events.map(plainEvent),
      quotes: quotes.map((q) => ({ start: Number(q.q_start), end: Number(q.q_end), text: q.text, speaker: q.speaker ? JSON.parse(q.speaker) : null }) satisfies Quote),
      warnings: extra.warnings,
    }
  }

  async health(): Promise<Health> {
    const one = async (sql: string) => Number((await this.db.get(sql))?.n ?? 0)
    const [articles, events, mentions, actors, clusters, failures, bytes, version] = await Promise.all([
      one(`SELECT COUNT(*) AS n FROM articles`),
      one(`SELECT COUNT(*) AS n FROM events`),
      one(`SELECT COUNT(*) AS n FROM mentions`),
      one(`SELECT COUNT(*) AS n FROM actors`),
      one(`SELECT COUNT(*) AS n FROM clusters`),
      one(`SELECT COUNT(*) AS n FROM failures`),
      this.db.bytes(),
      this.version(),
    ])
    return { ok: true, backend: this.backend, db: this.url, schema_version: version, articles, events, mentions, actors, clusters, failures, bytes }
  }

  async *exportEvents(f: ExportOptions = {}): AsyncIterable<StoredEvent> {
    const { where, params } = this.eventWhere(f, new Set())
    if (f.since) (where.push('e.day >= ?'), params.push(f.since))
    if (f.until) (where.push('e.day <= ?'), params.push(f.until))
    for await (const r of this.db.iterate(`SELECT ${EVENT_COLS} FROM ${EVENT_FROM}${where.length ? ' WHERE ' + where.join(' AND ') : ''} ORDER BY e.rid`, params)) yield toEvent(r)
  }

  async *exportMentions(opts: { since?: string; until?: string } = {}): AsyncIterable<StoredMention> {
    const where: string[] = []
    const params: unknown[] = []
    if (opts.since) (where.push('a.day >= ?'), params.push(opts.since))
    if (opts.until) (where.push('a.day <= ?'), params.push(opts.until))
    const sql = `SELECT m.*, a.url, a.published FROM mentions m JOIN articles a ON a.id = m.article_id${where.length ? ' WHERE ' + where.join(' AND ') : ''} ORDER BY m.article_id, m.idx`
    for await (const r of this.db.iterate(sql, params)) {
      yield { ...toMention(r), article_id: r.article_id, actor_id: r.actor_id ?? null, source_url: r.url ?? null, published: r.published ?? null } as StoredMention
    }
  }

  async *exportArticles(): AsyncIterable<ArticleRecord> {
    for await (const a of this.db.iterate(`SELECT * FROM articles ORDER BY id`, [])) {
      const full = await this.article(a.id)
      if (full) yield full.record
    }
  }

  async knownActors(): Promise<KnownActor[]> {
    // Learned persons count when some article placed them (country or sector) and they have a full
    // name: a lone word would resolve too many later mentions.
    const rows = await this.db.all(
      `SELECT t.* FROM actors t WHERE t.origin = 'dictionary' OR (t.type = 'person' AND (t.country IS NOT NULL OR t.sector IS NOT NULL)
         AND t.name LIKE '% %') ORDER BY t.mentions DESC, t.id LIMIT ?`,
      [KNOWN_ACTORS_MAX],
    )
    const out: KnownActor[] = []
    for (const r of rows) {
      const aliases = await this.db.all(`SELECT alias FROM actor_aliases WHERE actor_id = ? ORDER BY n DESC, alias LIMIT ?`, [r.id, DOSSIER_LIST])
      out.push({ id: r.id, name: r.name, aliases: aliases.map((x) => x.alias), type: r.type, country: r.country, sector: r.sector, code: r.code, first_seen: r.first_seen, last_seen: r.last_seen, origin: r.origin })
    }
    return out
  }

  async putDictionaryActors(list: Omit<KnownActor, 'id' | 'origin' | 'first_seen' | 'last_seen'>[]): Promise<void> {
    await this.db.tx(async (c) => {
      for (const a of list) {
        const id = actorIdOf({ name: a.name, text: a.name, country: a.country })
        // A user's correction overwrites what was learned: identity fields come from the dictionary.
        await c.run(
          `INSERT INTO actors (id, name, type, country, sector, code, origin, mentions, events) VALUES (?,?,?,?,?,?,'dictionary',0,0)
           ON CONFLICT (id) DO UPDATE SET name = excluded.name, type = excluded.type, country = excluded.country, sector = excluded.sector, code = excluded.code, origin = 'dictionary'`,
          [id, a.name, a.type, a.country, a.sector, a.code],
        )
        for (const alias of new Set([a.name, ...a.aliases])) {
          await c.run(`INSERT INTO actor_aliases (alias_norm, actor_id, alias, n) VALUES (?,?,?,0) ON CONFLICT (alias_norm, actor_id) DO NOTHING`, [alias.toLowerCase(), id, alias])
        }
      }
    })
  }
}

/** Rows per multi-row INSERT: fewer statements per article, well under both backends' parameter limits. */
const ROWS_PER_INSERT = 100

/** Inserts rows with as few statements as possible; `tail` is an ON CONFLICT clause for upserts. */
async function insertMany(c: Conn, head: string, rows: unknown[][], tail = ''): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    const part = rows.slice(i, i + ROWS_PER_INSERT)
    const one = '(' + part[0].map(() => '?').join(',') + ')'
    await c.run(head + part.map(() => one).join(',') + (tail ? ' ' + tail : ''), part.flat())
  }
}

/** Rows of a map in key order: shared rows are upserted in a fixed order so concurrent writers cannot deadlock. */
function sortedRows(m: Map<string, unknown[]>): unknown[][] {
  return [...m].sort((x, y) => (x[0] < y[0] ? -1 : 1)).map(([, row]) => row)
}

function toMention(m: Row): Mention {
  const out: Mention = {
    text: m.text,
    start: Number(m.m_start),
    end: Number(m.m_end),
    name: m.name ?? null,
    country: m.country ?? null,
    sector: m.sector ?? null,
    code: m.code ?? null,
    type: m.type as EntityType,
    sentence: Number(m.sentence),
    origin: m.origin,
    acts: !!Number(m.acts),
  }
  if (m.place) out.place = JSON.parse(m.place)
  if (m.role) out.role = m.role
  return out
}

function plainEvent(e: StoredEvent): Event {
  const { article_id, source_url, source, published, date_added, sentence_text, actor_ids, recipient_ids, cluster, ...ev } = e
  return ev
}

/** The span of the sentence a mention sits in, for evidence text; falls back to the mention itself. */
function sentenceSpan(r: ArticleRecord, sentence: number, mStart: number, mEnd: number): [number, number] {
  const ev = r.events.find((e) => e.sentence.index === sentence)
  if (ev) return [ev.sentence.start, ev.sentence.end]
  // The record carries no sentence spans of its own: widen the mention to the surrounding sentence punctuation.
  const dot = r.text.lastIndexOf('. ', mStart)
  const start = Math.max(dot >= 0 ? dot + 2 : 0, r.text.lastIndexOf('\n', mStart) + 1)
  let end = r.text.indexOf('. ', mEnd)
  end = end < 0 ? r.text.length : end + 1
  const nl = r.text.indexOf('\n', mEnd)
  return [start, nl >= 0 && nl < end ? nl : end]
}

export { titleOf }
