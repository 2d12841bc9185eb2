// Flat shapes of stored events and mentions for analysts (R, Python, Stata): GDELT-style column
// groups, snake_case, one row per event; lists joined with ';'.
import type { Actor } from '../core/types.js'
import type { StoredEvent, StoredMention } from './store.js'

export const EVENT_COLUMNS = [
  'event_id', 'event_date', 'cluster_id',
  'actor1_id', 'actor1_name', 'actor1_text', 'actor1_code', 'actor1_country', 'actor1_sector',
  'actor2_id', 'actor2_name', 'actor2_text', 'actor2_code', 'actor2_country', 'actor2_sector',
  'event_type', 'event_mode', 'event_context', 'polarity', 'quad_class',
  'num_mentions', 'num_sources', 'num_articles',
  'action_geo_name', 'action_geo_country', 'action_geo_lat', 'action_geo_lon',
  'reported_by', 'trigger', 'sentence_index', 'sentence_start', 'sentence_end', 'explanation',
  'article_id', 'source', 'source_url', 'published', 'date_added',
] as const

export const MENTION_COLUMNS = ['article_id', 'actor_id', 'type', 'text', 'name', 'country', 'sector', 'code', 'sentence', 'start', 'end', 'origin', 'source_url', 'published'] as const

const join = (xs: (string | null | undefined)[]) => (xs.some((x) => x) ? xs.map((x) => x ?? '').join(';') : null)

function side(prefix: 'actor1' | 'actor2', list: Actor[], ids: string[]): Record<string, string | null> {
  return {
    [`${prefix}_id`]: join(ids),
    [`${prefix}_name`]: join(list.map((a) => a.name)),
    [`${prefix}_text`]: join(list.map((a) => a.text)),
    [`${prefix}_code`]: join(list.map((a) => a.code)),
    [`${prefix}_country`]: join(list.map((a) => a.country)),
    [`${prefix}_sector`]: join(list.map((a) => a.sector)),
  }
}

export function eventRow(e: StoredEvent): Record<(typeof EVENT_COLUMNS)[number], string | number | null> {
  return {
    event_id: e.id,
    event_date: e.date,
    cluster_id: e.cluster.id,
    ...(side('actor1', e.actor, e.actor_ids) as any),
    ...(side('actor2', e.recipient, e.recipient_ids) as any),
    event_type: e.type,
    event_mode: e.mode,
    event_context: join(e.context),
    polarity: e.polarity,
    quad_class: e.quad,
    num_mentions: e.cluster.num_mentions,
    num_sources: e.cluster.num_sources,
    num_articles: e.cluster.num_articles,
    action_geo_name: e.location?.name ?? null,
    action_geo_country: e.location?.country ?? null,
    action_geo_lat: e.location?.lat ?? null,
    action_geo_lon: e.location?.lon ?? null,
    reported_by: e.reported_by,
    trigger: e.trigger.text,
    sentence_index: e.sentence.index,
    sentence_start: e.sentence.start,
    sentence_end: e.sentence.end,
    explanation: e.explanation,
    article_id: e.article_id,
    source: e.source,
    source_url: e.source_url,
    published: e.published,
    date_added: e.date_added,
  }
}

export function mentionRow(m: StoredMention): Record<(typeof MENTION_COLUMNS)[number], string | number | null> {
  return { article_id: m.article_id, actor_id: m.actor_id, type: m.type, text: m.text, name: m.name, country: m.country, sector: m.sector, code: m.code, sentence: m.sentence, start: m.start, end: m.end, origin: m.origin, source_url: m.source_url, published: m.published }
}

/** RFC 4180: quote when needed, double the quotes; newlines inside a field stay inside the quotes. */
export function csvLine(values: readonly (string | number | null | undefined)[]): string {
  return values
    .map((v) => {
      if (v === null || v === undefined) return ''
      const s = String(v)
      return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
    })
    .join(',')
}

/** A PLOVER event record: the SPEC Event plus provenance and the cluster counts. */
export function ploverRecord(e: StoredEvent): Record<string, unknown> {
  const { actor_ids, recipient_ids, sentence_text, cluster, ...ev } = e
  return { ...ev, sentence_text, cluster_id: cluster.id, num_mentions: cluster.num_mentions, num_sources: cluster.num_sources, num_articles: cluster.num_articles, actor_ids, recipient_ids }
}
