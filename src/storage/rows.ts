// Turns one article record into the rows both backends write. Kept free of SQL so SQLite and
// PostgreSQL store exactly the same facts (the contract suite compares them).
import { contentHash } from '../core/hash.js'
import type { Actor, ArticleRecord, Event, Mention } from '../core/types.js'
import type { ClusterKeyField, ClusterOptions } from './store.js'

export const DEFAULT_CLUSTER_KEY: ClusterKeyField[] = ['type', 'actor', 'recipient']
export const DEFAULT_WINDOW_DAYS = 1

/** A readable, URL-safe, stable id: the canonical name as a slug plus the country ("ali-bagheri-kani.irn"). */
export function actorId(name: string, country: string | null): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
  const base = slug || 'x' + contentHash(name)
  return country ? `${base}.${country.toLowerCase()}` : base
}

export function actorIdOf(a: Pick<Actor, 'name' | 'text' | 'country'>): string {
  return actorId(a.name ?? a.text, a.country)
}

/** Mentions that denote an actor worth a row in `actors` (places only when used as an actor). */
export function isActorMention(m: Mention): boolean {
  if (m.role === 'media') return true
  if (m.type === 'place') return m.acts
  return true
}

/** The day an event is filed under: its own date, else the article's, else the day it was stored. */
export function eventDay(e: Event, published: string | null, dateAdded: string): string {
  const d = e.date ?? published ?? dateAdded
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(d)
  if (!m) return dateAdded.slice(0, 10)
  return `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}`
}

function dayNumber(day: string): number {
  return Math.floor(Date.parse(day + 'T00:00:00Z') / 86_400_000)
}

export function clusterKey(e: Event, day: string, opts: Required<ClusterOptions>): { key: string; id: string; bucket: string } {
  const bucketNo = Math.floor(dayNumber(day) / opts.windowDays)
  const bucket = new Date(bucketNo * opts.windowDays * 86_400_000).toISOString().slice(0, 10)
  const parts: string[] = []
  for (const f of opts.key) {
    if (f === 'type') parts.push(e.type)
    else if (f === 'actor') parts.push(e.actor.map(actorIdOf).sort().join('+'))
    else if (f === 'recipient') parts.push(e.recipient.map(actorIdOf).sort().join('+'))
    else if (f === 'location') parts.push(e.location ? `${e.location.name}.${e.location.country ?? ''}` : '')
    else if (f === 'polarity') parts.push(e.polarity)
  }
  const key = parts.join('|') + '|' + bucket
  return { key, id: 'c' + contentHash(key), bucket }
}

export function normalizeClusterOptions(o: ClusterOptions | undefined): Required<ClusterOptions> {
  const key = o?.key?.length ? o.key : DEFAULT_CLUSTER_KEY
  const windowDays = o?.windowDays ?? DEFAULT_WINDOW_DAYS
  if (!Number.isInteger(windowDays) || windowDays < 1) throw new Error(`cluster window must be a whole number of days >= 1 (got ${windowDays})`)
  return { key: [...new Set(key)], windowDays }
}

/** The title a person was introduced with: the mention's words minus the name ("deputy foreign minister"). */
/** Capitalised words that still belong to a title ("Deputy Foreign Minister"), not to a name. */
const TITLE_WORDS = new Set(['deputy', 'vice', 'prime', 'foreign', 'defense', 'defence', 'interior', 'finance', 'minister', 'president', 'secretary', 'general', 'chief', 'spokesman', 'spokeswoman', 'spokesperson', 'ambassador', 'envoy', 'commander', 'leader', 'chairman', 'senator', 'governor', 'king', 'queen', 'prince', 'judge', 'mayor', 'state', 'affairs', 'senior', 'top', 'special', 'supreme'])
/** Words of a title looked back over before a name. */
const MAX_TITLE_WORDS = 6

/**
 * The title a person was introduced with: the mention's words minus the name, or, when the
 * mention is the bare name, the title words just before it ("Iran's deputy foreign minister Ali
 * Bagheri Kani" → "deputy foreign minister").
 */
export function titleOf(m: Pick<Mention, 'text' | 'name' | 'type' | 'start'>, articleText?: string): string | null {
  if (m.type !== 'person' || !m.name) return null
  if (articleText && m.text.length <= m.name.length + 1) {
    const before = articleText.slice(Math.max(0, m.start - 120), m.start).split(/[.!?;:\n"“”(]/).pop() ?? ''
    const words = before.trim().split(/\s+/).filter(Boolean)
    const title: string[] = []
    for (let i = words.length - 1; i >= 0 && title.length < MAX_TITLE_WORDS; i--) {
      const w = words[i].replace(/,$/, '')
      if (/['’]s$/.test(w) || !/^[\p{L}-]+$/u.test(w)) break
      if (w === w.toLowerCase() ? ['the', 'a', 'an', 'and', 'said', 'says', 'by', 'with', 'to', 'of', 'for', 'on', 'in', 'at', 'met', 'told'].includes(w) : !TITLE_WORDS.has(w.toLowerCase())) break
      title.unshift(w.toLowerCase())
    }
    const t = title.join(' ')
    return t.length >= 3 ? t : null
  }
  let t = m.text
  const i = t.indexOf(m.name)
  if (i >= 0) t = t.slice(0, i) + t.slice(i + m.name.length)
  else {
    // The mention may carry only the surname ("minister Kani"): drop any word of the name.
    const words = new Set(m.name.split(/\s+/))
    t = t.split(/\s+/).filter((w) => !words.has(w)).join(' ')
  }
  t = t
    .replace(/^.*?['’]s\s+/, '') // "Iran's deputy..." → country is already in `country`
    .replace(/[,()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
  return t.length >= 3 && t !== m.name.toLowerCase() ? t : null
}

export interface EventRow {
  event: Event
  day: string
  sentenceText: string
  actorIds: string[]
  recipientIds: string[]
  cluster: { key: string; id: string; bucket: string }
}

export interface ActorRow {
  id: string
  name: string
  type: Mention['type'] | null
  country: string | null
  sector: string | null
  code: string | null
  aliases: Set<string>
  mentions: number
  events: number
  roles: Map<string, { sector: string | null; title: string | null; country: string | null; mentions: number }>
  evidence: { text: string; sentence: number; start: number; end: number; country: string | null; sector: string | null } | null
}

export interface ArticleRows {
  day: string
  events: EventRow[]
  actors: Map<string, ActorRow>
  mentionActorIds: (string | null)[]
  /** (a, b) pairs of actor × recipient, one per event side combination, for dyad queries. */
  dyads: { a: string; b: string; eventIndex: number }[]
  /** Per actor and event type: how often as actor / as recipient (the dossier reads these). */
  typeCounts: Map<string, { actor: string; type: string; asActor: number; asRecipient: number }>
  counterparts: Map<string, { actor: string; other: string; asActor: number; asRecipient: number }>
}

function sentenceText(r: ArticleRecord, e: Event): string {
  return r.text.slice(e.sentence.start, e.sentence.end)
}

export function articleRows(r: ArticleRecord, dateAdded: string, cluster: Required<ClusterOptions>): ArticleRows {
  const day = (r.published && /^\d{4}-\d{2}-\d{2}/.test(r.published) ? r.published : dateAdded).slice(0, 10)
  const actors = new Map<string, ActorRow>()
  function touch(a: Pick<Mention, 'text' | 'name' | 'country' | 'sector' | 'code'> & { type?: Mention['type'] }): ActorRow {
    const id = actorIdOf(a)
    let row = actors.get(id)
    if (!row) {
      row = { id, name: a.name ?? a.text, type: a.type ?? null, country: a.country, sector: a.sector, code: a.code, aliases: new Set(), mentions: 0, events: 0, roles: new Map(), evidence: null }
      actors.set(id, row)
    }
    row.sector ??= a.sector
    row.code ??= a.code
    row.type ??= a.type ?? null
    return row
  }
  const mentionActorIds = r.entities.map((m) => {
    if (!isActorMention(m)) return null
    const row = touch(m)
    row.mentions++
    if (m.text.length <= 120) row.aliases.add(m.text)
    const title = titleOf(m, r.text)
    const roleKey = `${m.sector ?? ''}|${title ?? ''}|${m.country ?? ''}`
    const role = row.roles.get(roleKey) ?? { sector: m.sector, title, country: m.country, mentions: 0 }
    role.mentions++
    row.roles.set(roleKey, role)
    // Evidence: the first mention that tells who the actor is (a title, or a country/sector for a person).
    // Mentions resolved from the knowledge base itself (origin known:…) teach nothing new.
    const informative = !m.origin.startsWith('known:') && (m.text !== row.name || !!title || (m.type === 'person' && !!(m.country || m.sector)))
    if (informative && !row.evidence) row.evidence = { text: title && !m.text.toLowerCase().includes(title) ? `${title} ${m.text}` : m.text, sentence: m.sentence, start: m.start, end: m.end, country: m.country, sector: m.sector }
    return row.id
  })
  const events: EventRow[] = []
  const dyads: ArticleRows['dyads'] = []
  const typeCounts: ArticleRows['typeCounts'] = new Map()
  const counterparts: ArticleRows['counterparts'] = new Map()
  const bump = <T extends { asActor: number; asRecipient: number }>(m: Map<string, T>, k: string, init: () => T, side: 0 | 1) => {
    const v = m.get(k) ?? init()
    if (side === 0) v.asActor++
    else v.asRecipient++
    m.set(k, v)
  }
  const seenIds = new Set<string>()
  r.events.forEach((e, i) => {
    // An event id names article + sentence + type + sides; a repeat would be the same fact twice.
    if (seenIds.has(e.id)) return
    seenIds.add(e.id)
    const eday = eventDay(e, r.published, dateAdded)
    const actorIds = e.actor.map((a) => touch(a).id)
    const recipientIds = e.recipient.map((a) => touch(a).id)
    for (const id of new Set([...actorIds, ...recipientIds])) actors.get(id)!.events++
    events.push({ event: e, day: eday, sentenceText: sentenceText(r, e), actorIds, recipientIds, cluster: clusterKey(e, eday, cluster) })
    for (const a of new Set(actorIds)) for (const b of new Set(recipientIds)) dyads.push({ a, b, eventIndex: i })
    for (const [ids, side] of [[actorIds, 0], [recipientIds, 1]] as const) {
      for (const id of new Set(ids)) {
        bump(typeCounts, `${id}|${e.type}`, () => ({ actor: id, type: e.type, asActor: 0, asRecipient: 0 }), side)
        const others = side === 0 ? recipientIds : actorIds
        for (const o of new Set(others)) if (o !== id) bump(counterparts, `${id}|${o}`, () => ({ actor: id, other: o, asActor: 0, asRecipient: 0 }), side)
      }
    }
  })
  return { day, events, actors, mentionActorIds, dyads, typeCounts, counterparts }
}

export function articleContentHash(r: ArticleRecord): string {
  return contentHash(r.text)
}
