// The API's input, validated once at the edge. Unknown parameters are refused so a typo
// ("recipent=") shows up as an error instead of silently returning everything.
import { z } from 'zod'
import { PLOVER_TYPES } from '../core/types.js'
import { MAX_LIMIT } from '../storage/store.js'
import { ApiError, describeZod } from './errors.js'

/** Longest free-text query; longer ones are almost certainly pasted articles, not searches. */
export const MAX_QUERY_CHARS = 200
/** Cursors are short opaque tokens made by the store. */
const MAX_CURSOR_CHARS = 512
/** An id long enough for hashes and URL-ish input ids. */
const MAX_ID_CHARS = 300

const QUADS = ['VERBAL_COOPERATION', 'MATERIAL_COOPERATION', 'VERBAL_CONFLICT', 'MATERIAL_CONFLICT'] as const
const POLARITIES = ['asserted', 'negated', 'uncertain', 'hypothetical'] as const

const isoDay = z.string().refine((v) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v)
  if (!m) return false
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]))
  return d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3]
}, 'must be a date YYYY-MM-DD')

const idLike = z.string().min(1).max(MAX_ID_CHARS)
const cursor = z.string().max(MAX_CURSOR_CHARS).regex(/^[A-Za-z0-9_\-.:=+/~]+$/, 'is not a cursor from a previous page')
const limit = (max: number, dflt: number) => z.coerce.number().int('must be a whole number').min(1).max(max).default(dflt)
const country = z.string().regex(/^[A-Za-z]{3}$/, 'must be an ISO 3166-1 alpha-3 code such as RUS').transform((s) => s.toUpperCase())

export const eventFilterFields = {
  actor: idLike.optional(),
  recipient: idLike.optional(),
  country: country.optional(),
  type: z.enum(PLOVER_TYPES as [string, ...string[]]).optional(),
  quad: z.enum(QUADS).optional(),
  polarity: z.enum(POLARITIES).optional(),
  since: isoDay.optional(),
  until: isoDay.optional(),
  q: z.string().max(MAX_QUERY_CHARS).optional(),
  article: idLike.optional(),
  cluster: idLike.optional(),
}

export const eventsQuery = z.object({ ...eventFilterFields, limit: limit(MAX_LIMIT, 50), cursor: cursor.optional() }).strict()

/** Graph and map aggregate a bounded scan of the filtered events. */
export const GRAPH_MAX_EVENTS = 5000
export const aggregateQuery = z.object({ ...eventFilterFields, max_events: limit(GRAPH_MAX_EVENTS, 2000) }).strict()

export const actorsQuery = z
  .object({
    q: z.string().max(MAX_QUERY_CHARS).optional(),
    country: country.optional(),
    type: z.enum(['person', 'organization', 'country', 'place', 'group']).optional(),
    limit: limit(MAX_LIMIT, 50),
    cursor: cursor.optional(),
  })
  .strict()

export const dossierQuery = z.object({ timeline: limit(500, 50) }).strict()

export const dyadQuery = z
  .object({
    a: idLike,
    b: idLike,
    period: z.enum(['day', 'week', 'month', 'year']).default('month'),
    since: isoDay.optional(),
    until: isoDay.optional(),
    events: limit(500, 50),
  })
  .strict()

/** A JSONL-style article, as SPEC.md's JSONL input. */
export const MAX_ARTICLE_CHARS = 1_000_000
export const articleBody = z
  .object({
    id: idLike.optional(),
    text: z.string().min(1).max(MAX_ARTICLE_CHARS).optional(),
    html: z.string().min(1).max(MAX_ARTICLE_CHARS).optional(),
    url: z.string().max(2000).url().optional(),
    title: z.string().max(1000).optional(),
    published: z.string().regex(/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, 'must be an ISO date or date-time').optional(),
    source: z.string().max(300).optional(),
    language: z.string().max(20).optional(),
  })
  .strict()
  .refine((a) => a.text !== undefined || a.html !== undefined, 'needs "text" or "html"')

/** Parses query parameters, treating empty values as absent (what an HTML form sends). */
export function parseQuery<T extends z.ZodType>(schema: T, query: unknown): z.infer<T> {
  // No prototype: a parameter named __proto__ stays a key (and is refused as unknown).
  const clean: Record<string, unknown> = Object.create(null)
  for (const [k, v] of Object.entries((query ?? {}) as Record<string, unknown>)) if (v !== '') clean[k] = v
  const r = schema.safeParse(clean)
  if (!r.success) throw new ApiError(400, 'bad_request', describeZod(r.error, 'query'))
  return r.data
}

export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new ApiError(400, 'bad_request', 'the body must be a JSON object')
  const r = schema.safeParse(body)
  if (!r.success) throw new ApiError(400, 'bad_request', describeZod(r.error, 'body'))
  return r.data
}
