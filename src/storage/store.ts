// The database seen from the CLI and the HTTP API. Two backends implement it (sqlite/ default,
// postgres/ for scale-out); store.contract.ts is the test suite both must pass, so code written
// against this file works on either.
import type { Actor, ArticleRecord, EntityType, Event, PloverType, Polarity, Quad, Quote } from '../core/types.js'

export const DEFAULT_DB = 'sqlite:./newsgraph.db'

/** How events reported by several articles are merged into one cluster (README "Event clusters"). */
export interface ClusterOptions {
  /**
   * Which event fields form the cluster key besides the time bucket. Default
   * ['type', 'actor', 'recipient']: the same kind of act between the same parties.
   * 'location' and 'polarity' can be added to split more finely.
   */
  key?: ClusterKeyField[]
  /**
   * Width of the time bucket in days (default 1). Buckets are fixed (aligned to 1970-01-01), not
   * sliding, so the clusters do not depend on the order articles arrive in: a crashed-and-resumed
   * or parallel ingest gives exactly the clusters of a clean serial run.
   */
  windowDays?: number
}
export type ClusterKeyField = 'type' | 'actor' | 'recipient' | 'location' | 'polarity'

export interface StoreOptions {
  /** Default false: open runs pending migrations. True: fail if the schema is not current. */
  noMigrate?: boolean
  readonly?: boolean
  cluster?: ClusterOptions
  /** SQLite only: an upper bound on the file size in bytes (max_page_count); a full disk in tests. */
  maxBytes?: number
}

/** Where an article came from: lets a rerun skip inputs already stored (resume) without coding them. */
export interface ArticleSource {
  /** The RawDocument name (`file.jsonl:12`, a path, a URL). */
  input?: string
}

export interface PutResult {
  /** 'stored' the first time; 'duplicate' when the same content (hash of the text) is already stored. */
  status: 'stored' | 'duplicate'
  /** The id under which the article is stored (for a duplicate: the first copy's id). */
  id: string
  events: number
}

// ---------- query shapes ----------

/**
 * Event filters. `actor`/`recipient` take an actor id (see StoredActor.id), a CAMEO-style code
 * (IRNGOV) or a country code (IRN); `country` matches either side's country. Dates are ISO days,
 * inclusive, compared with the event date (or the article's published date when the event has none).
 */
export interface EventFilter {
  actor?: string
  recipient?: string
  country?: string
  type?: PloverType
  quad?: Quad
  polarity?: Polarity
  since?: string
  until?: string
  /** Full-text search over the event's sentence (FTS5 / PostgreSQL tsvector). */
  q?: string
  article?: string
  cluster?: string
  /** Default 50, at most MAX_LIMIT. */
  limit?: number
  /** Opaque; from the previous page's `next`. */
  cursor?: string
}
export const MAX_LIMIT = 1000

export interface Page<T> {
  items: T[]
  /** Pass as `cursor` for the next page; null on the last page. */
  next: string | null
}

export interface ClusterInfo {
  id: string
  num_mentions: number
  num_sources: number
  num_articles: number
}

/** An event as stored: the SPEC Event plus where it came from and its cluster. */
export interface StoredEvent extends Event {
  article_id: string
  source_url: string | null
  /** The outlet (article.source). */
  source: string | null
  published: string | null
  /** When it entered the database (ISO timestamp). */
  date_added: string
  /** The sentence's text, so a reader sees the evidence without fetching the article. */
  sentence_text: string
  /** Actor ids of the event's sides, aligned with `actor` / `recipient`. */
  actor_ids: string[]
  recipient_ids: string[]
  cluster: ClusterInfo
}

export interface StoredMention {
  article_id: string
  actor_id: string | null
  type: EntityType
  text: string
  name: string | null
  country: string | null
  sector: string | null
  code: string | null
  sentence: number
  start: number
  end: number
  origin: string
  source_url: string | null
  published: string | null
}

export interface ActorFilter {
  /** Substring of the name or alias, or an exact code / country. */
  q?: string
  country?: string
  type?: EntityType
  limit?: number
  /** Offset-free paging as for events. */
  cursor?: string
}

/** An actor as known to the database: learned from articles, or from the user's dictionaries. */
export interface StoredActor {
  /** Stable id: derived from the canonical name + country (see actorId). */
  id: string
  name: string
  type: EntityType | null
  country: string | null
  sector: string | null
  code: string | null
  /** 'learned' from articles, or 'dictionary' when a user's correction set it. */
  origin: 'learned' | 'dictionary'
  mentions: number
  events: number
  first_seen: string | null
  last_seen: string | null
}

/** Why the database believes what it does about an actor: the sentences that introduced it. */
export interface ActorEvidence {
  article_id: string
  /** The words of the mention ("Iran's deputy foreign minister Ali Bagheri Kani"). */
  text: string
  sentence_text: string
  published: string | null
  country: string | null
  sector: string | null
}

export interface ActorRole {
  /** The sector/title the actor was seen with, e.g. GOV, "deputy foreign minister". */
  sector: string | null
  title: string | null
  country: string | null
  first_seen: string | null
  last_seen: string | null
  mentions: number
}

export interface Counterpart {
  actor_id: string
  name: string
  code: string | null
  /** Events where the actor acted on the counterpart / the counterpart on the actor. */
  as_actor: number
  as_recipient: number
}

export interface ActorDossier {
  actor: StoredActor
  aliases: string[]
  roles: ActorRole[]
  counterparts: Counterpart[]
  event_types: { type: PloverType; as_actor: number; as_recipient: number }[]
  /** The latest events involving the actor, newest first (at most `timelineLimit`). */
  timeline: StoredEvent[]
  evidence: ActorEvidence[]
}

export type Period = 'day' | 'week' | 'month' | 'year'

export interface DyadOptions {
  period?: Period
  since?: string
  until?: string
  /** Events returned alongside the counts (newest first); default 20. */
  eventLimit?: number
}

export interface DyadPoint {
  /** First day of the period (YYYY-MM-DD). */
  period: string
  /** By quad, both directions together. */
  verbal_cooperation: number
  material_cooperation: number
  verbal_conflict: number
  material_conflict: number
  /** a → b and b → a event counts. */
  a_to_b: number
  b_to_a: number
}

export interface DyadSeries {
  a: string
  b: string
  period: Period
  points: DyadPoint[]
  events: StoredEvent[]
}

export interface StoredArticle {
  record: ArticleRecord
  /** Events as stored (with clusters), aligned with record.events by id. */
  events: StoredEvent[]
  date_added: string
  input: string | null
}

export interface Health {
  ok: boolean
  backend: 'sqlite' | 'postgres'
  /** The URL with any password removed. */
  db: string
  schema_version: number
  articles: number
  events: number
  mentions: number
  actors: number
  clusters: number
  failures: number
  /** Bytes on disk (SQLite file, or pg_database_size); null when unknown. */
  bytes: number | null
}

export interface ExportOptions extends Omit<EventFilter, 'limit' | 'cursor'> {}

/** An input that could not be coded (kept so `ingest` can report it and a rerun can retry it). */
export interface Failure {
  input: string
  error: string
  at: string
}

/** Actors learned from earlier articles, handed to the coder so bare mentions resolve (resolve/knowledge). */
export interface KnownActor {
  id: string
  name: string
  /** Surface forms seen for this actor (full name, surname, ...). */
  aliases: string[]
  type: EntityType | null
  country: string | null
  sector: string | null
  code: string | null
  first_seen: string | null
  last_seen: string | null
  origin: 'learned' | 'dictionary'
}

// ---------- the queue (scale-out; PostgreSQL only) ----------

/** A coarse unit of work: one file, feed, or a slice of a big file. Never raw article text. */
export interface JobPayload {
  /** A path or URL the worker can read. */
  source: string
  input?: string
  /** For a slice of a JSONL/WARC file: which documents (0-based, half-open) of `source`. */
  from?: number
  to?: number
  published?: string
  dictionaries?: string
}

export interface Job {
  id: number
  payload: JobPayload
  attempts: number
}

export interface JobQueue {
  enqueue(jobs: JobPayload[]): Promise<number>
  /** Takes one job (or null when none is ready); a job whose worker died is handed out again after `leaseSeconds`. */
  claim(worker: string, leaseSeconds?: number): Promise<Job | null>
  /** Extends the lease of a running job. */
  heartbeat(id: number, worker: string): Promise<void>
  complete(id: number, worker: string): Promise<void>
  fail(id: number, worker: string, error: string): Promise<void>
  counts(): Promise<{ pending: number; running: number; done: number; failed: number }>
}

export interface Store {
  readonly backend: 'sqlite' | 'postgres'
  /** The URL with any password removed, for messages. */
  readonly url: string
  /** Runs pending schema migrations (openStore does this unless noMigrate). Returns the new version. */
  migrate(): Promise<number>
  close(): Promise<void>

  /**
   * Stores one coded article with its sentences, mentions, actors, events, quotes and clusters in
   * ONE transaction; a crash leaves either all of it or none. Idempotent by content hash.
   */
  putArticle(record: ArticleRecord, source?: ArticleSource): Promise<PutResult>
  /**
   * Several articles in one transaction: far fewer disk writes than one transaction each, and
   * still never half an article (the batch is stored whole or not at all). Results in order.
   */
  putArticles(items: { record: ArticleRecord; source?: ArticleSource }[]): Promise<PutResult[]>
  /** Inputs (RawDocument names) already stored or failed, so a resumed ingest skips them. */
  seenInputs(inputs: string[]): Promise<Set<string>>
  recordFailure(input: string, error: string): Promise<void>
  failures(limit?: number): Promise<Failure[]>

  events(filter?: EventFilter): Promise<Page<StoredEvent>>
  event(id: string): Promise<StoredEvent | null>
  actors(filter?: ActorFilter): Promise<Page<StoredActor>>
  actor(id: string, opts?: { timelineLimit?: number }): Promise<ActorDossier | null>
  dyad(a: string, b: string, opts?: DyadOptions): Promise<DyadSeries>
  article(id: string): Promise<StoredArticle | null>
  health(): Promise<Health>

  /** Streams for `newsgraph export`; memory stays flat however big the database. */
  exportEvents(opts?: ExportOptions): AsyncIterable<StoredEvent>
  exportMentions(opts?: { since?: string; until?: string }): AsyncIterable<StoredMention>
  exportArticles(): AsyncIterable<ArticleRecord>

  /** The actor knowledge base, for the coder of the next articles. */
  knownActors(): Promise<KnownActor[]>
  /** A user's corrections (from --dictionaries) that win over what was learned. */
  putDictionaryActors(actors: Omit<KnownActor, 'id' | 'origin' | 'first_seen' | 'last_seen'>[]): Promise<void>

  /** Present on PostgreSQL only. */
  readonly queue?: JobQueue
}

/** Bad --db value, unreachable server, corrupt/readonly/full database: the message says what and what to do. */
export class StoreError extends Error {
  constructor(readonly db: string, readonly reason: string) {
    super(`database ${db}: ${reason}`)
    this.name = 'StoreError'
  }
}

/** Hides the password of a postgres URL. */
export function redactUrl(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]*):[^@]*@/i, '$1:***@')
}

/**
 * Opens the database named by `--db`: `sqlite:PATH` (or a bare path ending in .db/.sqlite),
 * `sqlite::memory:`, or `postgres://user@host:port/db[?schema=name]`. The PostgreSQL backend
 * and `pg` are loaded only when asked for.
 */
export async function openStore(url: string = DEFAULT_DB, opts: StoreOptions = {}): Promise<Store> {
  if (/^postgres(ql)?:\/\//i.test(url)) {
    const { openPostgresStore } = await import('./postgres/postgres-store.js')
    return openPostgresStore(url, opts)
  }
  let path: string
  if (/^sqlite:/i.test(url)) path = url.slice('sqlite:'.length)
  else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) throw new StoreError(url, 'unknown kind of database; use sqlite:PATH or postgres://...')
  else path = url
  if (path === '') throw new StoreError(url, 'no file path after "sqlite:"')
  const { openSqliteStore } = await import('./sqlite/sqlite-store.js')
  return openSqliteStore(path, opts)
}

/** Shape of a dossier/search id: short, URL-safe, stable across backends. */
export type ActorId = string
export type { Actor, Quote }
