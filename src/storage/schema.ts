// Versioned schema for both backends. A migration is appended, never edited: an existing database
// runs only the versions it has not seen (schema_migrations). The two dialects differ only where
// they must (row ids, full-text search, the job queue).
export type Dialect = 'sqlite' | 'postgres'

export interface Migration {
  version: number
  why: string
  sql: (d: Dialect) => string
}

const rowid = (d: Dialect) => (d === 'sqlite' ? 'INTEGER PRIMARY KEY' : 'BIGSERIAL PRIMARY KEY')
/** Tables that are nothing but their key: SQLite stores them once (as the key's b-tree) instead of twice. */
const keyOnly = (d: Dialect) => (d === 'sqlite' ? ' WITHOUT ROWID' : '')

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    why: 'articles with sentences, mentions, actors, events (with provenance), quotes, clusters',
    sql: (d) => `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (
  id TEXT PRIMARY KEY, content_hash TEXT NOT NULL UNIQUE, title TEXT, url TEXT, published TEXT, day TEXT NOT NULL,
  source TEXT, language TEXT, text TEXT NOT NULL, extra TEXT NOT NULL, date_added TEXT NOT NULL, input TEXT);
CREATE INDEX articles_day ON articles (day);
CREATE TABLE inputs (input TEXT PRIMARY KEY, article_id TEXT NOT NULL);
CREATE TABLE failures (input TEXT PRIMARY KEY, error TEXT NOT NULL, at TEXT NOT NULL);
CREATE TABLE sentences (article_id TEXT NOT NULL, idx INTEGER NOT NULL, paragraph INTEGER NOT NULL, s_start INTEGER NOT NULL, s_end INTEGER NOT NULL,
  PRIMARY KEY (article_id, idx));
CREATE TABLE mentions (article_id TEXT NOT NULL, idx INTEGER NOT NULL, actor_id TEXT, type TEXT NOT NULL, text TEXT NOT NULL, name TEXT,
  country TEXT, sector TEXT, code TEXT, sentence INTEGER NOT NULL, m_start INTEGER NOT NULL, m_end INTEGER NOT NULL, origin TEXT NOT NULL,
  acts INTEGER NOT NULL, role TEXT, place TEXT, PRIMARY KEY (article_id, idx));
CREATE INDEX mentions_actor ON mentions (actor_id);
CREATE TABLE actors (id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT, country TEXT, sector TEXT, code TEXT, origin TEXT NOT NULL,
  mentions INTEGER NOT NULL, events INTEGER NOT NULL, first_seen TEXT, last_seen TEXT);
CREATE INDEX actors_mentions ON actors (mentions DESC, id);
CREATE INDEX actors_code ON actors (code);
CREATE TABLE actor_aliases (alias_norm TEXT NOT NULL, actor_id TEXT NOT NULL, alias TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (alias_norm, actor_id));
CREATE INDEX actor_aliases_actor ON actor_aliases (actor_id);
CREATE TABLE actor_roles (actor_id TEXT NOT NULL, sector TEXT NOT NULL, title TEXT NOT NULL, country TEXT NOT NULL, first_seen TEXT, last_seen TEXT,
  mentions INTEGER NOT NULL, PRIMARY KEY (actor_id, sector, title, country));
CREATE TABLE actor_evidence (actor_id TEXT NOT NULL, article_id TEXT NOT NULL, text TEXT NOT NULL, sentence_text TEXT NOT NULL, published TEXT,
  country TEXT, sector TEXT, PRIMARY KEY (actor_id, article_id));
CREATE TABLE actor_types (actor_id TEXT NOT NULL, type TEXT NOT NULL, as_actor INTEGER NOT NULL, as_recipient INTEGER NOT NULL, PRIMARY KEY (actor_id, type));
CREATE TABLE actor_counterparts (actor_id TEXT NOT NULL, other_id TEXT NOT NULL, as_actor INTEGER NOT NULL, as_recipient INTEGER NOT NULL,
  PRIMARY KEY (actor_id, other_id));
CREATE TABLE clusters (id TEXT PRIMARY KEY, ckey TEXT NOT NULL, bucket TEXT NOT NULL, type TEXT NOT NULL, num_mentions INTEGER NOT NULL,
  num_sources INTEGER NOT NULL, num_articles INTEGER NOT NULL, first_day TEXT NOT NULL, last_day TEXT NOT NULL);
CREATE TABLE cluster_articles (cluster_id TEXT NOT NULL, article_id TEXT NOT NULL, PRIMARY KEY (cluster_id, article_id))${keyOnly(d)};
CREATE TABLE cluster_sources (cluster_id TEXT NOT NULL, source TEXT NOT NULL, PRIMARY KEY (cluster_id, source))${keyOnly(d)};
CREATE TABLE events (rid ${rowid(d)}, id TEXT NOT NULL UNIQUE, article_id TEXT NOT NULL, type TEXT NOT NULL, quad TEXT NOT NULL,
  polarity TEXT NOT NULL, day TEXT NOT NULL, cluster_id TEXT NOT NULL, sentence_index INTEGER NOT NULL, sentence_text TEXT NOT NULL,
  data TEXT NOT NULL);
CREATE INDEX events_day ON events (day, rid);
CREATE INDEX events_article ON events (article_id);
CREATE INDEX events_cluster ON events (cluster_id);
CREATE INDEX events_type_day ON events (type, day, rid);
-- One row per event side and key ('id:<actor id>', 'code:IRNGOV', 'cty:IRN'): actor/recipient/country filters and timelines.
CREATE TABLE event_keys (k TEXT NOT NULL, side INTEGER NOT NULL, day TEXT NOT NULL, event_rid BIGINT NOT NULL, PRIMARY KEY (k, side, day, event_rid))${keyOnly(d)};
-- One row per (actor key, recipient key) of an event, same kind on both sides: dyad time series.
CREATE TABLE event_dyads (a TEXT NOT NULL, b TEXT NOT NULL, day TEXT NOT NULL, event_rid BIGINT NOT NULL, quad TEXT NOT NULL,
  PRIMARY KEY (a, b, day, event_rid))${keyOnly(d)};
CREATE TABLE quotes (article_id TEXT NOT NULL, idx INTEGER NOT NULL, q_start INTEGER NOT NULL, q_end INTEGER NOT NULL, text TEXT NOT NULL,
  speaker TEXT, PRIMARY KEY (article_id, idx));
${
  d === 'sqlite'
    ? `CREATE VIRTUAL TABLE events_fts USING fts5 (sentence_text, content='', tokenize='unicode61 remove_diacritics 2');`
    : `ALTER TABLE events ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', sentence_text)) STORED;
CREATE INDEX events_tsv ON events USING GIN (tsv);
CREATE TABLE jobs (id BIGSERIAL PRIMARY KEY, payload TEXT NOT NULL, state TEXT NOT NULL DEFAULT 'pending', attempts INTEGER NOT NULL DEFAULT 0,
  worker TEXT, locked_until TIMESTAMPTZ, error TEXT, created_at TIMESTAMPTZ NOT NULL DEFAULT now(), finished_at TIMESTAMPTZ);
CREATE INDEX jobs_state ON jobs (state, id);`
}
`,
  },
  {
    version: 2,
    why: 'per-day dyad counts, so a time series of the busiest pair reads days, not every event',
    sql: (d) => `
CREATE TABLE dyad_days (a TEXT NOT NULL, b TEXT NOT NULL, day TEXT NOT NULL, quad TEXT NOT NULL, n INTEGER NOT NULL,
  PRIMARY KEY (a, b, day, quad))${keyOnly(d)};
INSERT INTO dyad_days (a, b, day, quad, n) SELECT a, b, day, quad, COUNT(*) FROM event_dyads GROUP BY a, b, day, quad;
`,
  },
  {
    version: 3,
    why: "counterparts ranked by an index, so a country's dossier reads its top 25 instead of sorting thousands",
    sql: () => `CREATE INDEX actor_counterparts_rank ON actor_counterparts (actor_id, (as_actor + as_recipient) DESC, other_id);`,
  },
]

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version
