// `newsgraph serve`: the HTTP API of SPEC.md over any Store, plus the built web UI.
// Beyond SPEC.md, for the UI: GET /api/events/:id (one event), GET /api/graph and GET /api/places
// (the network and the map: the filtered events folded into actor pairs / locations, bounded by
// max_events). Pages are {items, next}; pass `next` back as `cursor`.
import { timingSafeEqual } from 'node:crypto'
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify'
import type { Coder } from '../coder.js'
import type { RawDocument } from '../core/types.js'
import type { EventFilter, Store } from '../storage/store.js'
import { buildGraph, buildPlaces, scanEvents } from './aggregate.js'
import { ResponseCache } from './cache.js'
import { ApiError, errorBody, handleError } from './errors.js'
import { RateLimiter } from './rate-limit.js'
import { actorsQuery, aggregateQuery, articleBody, dossierQuery, dyadQuery, eventsQuery, parseBody, parseQuery } from './schemas.js'
import { CONTENT_SECURITY_POLICY, NOT_BUILT_PAGE, loadStatic } from './static.js'

/** Largest request body: a long article as JSON with room to spare; bigger is refused with 413. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024
/** Reads per client per minute: a person clicking makes a few a second; a script gets slowed, not fed. */
export const DEFAULT_READS_PER_MINUTE = 1200
/** Writes per client per minute: each one runs the whole coder, so far fewer. */
export const DEFAULT_WRITES_PER_MINUTE = 60
/** Reuse a read answer for this long: an ingest running beside the server shows up within 2 s. */
export const DEFAULT_CACHE_TTL_MS = 2000
/** Answers kept: a few hundred views of many analysts, a few tens of MB at most. */
const CACHE_MAX_ENTRIES = 1000
const CACHE_MAX_BODY_BYTES = 512 * 1024

export interface ServerOptions {
  store: Store
  /** Makes the coder for POST /api/articles (created on first use: loading the NLP model takes a while). */
  coder?: () => Coder | Promise<Coder>
  /** When set, write endpoints need `Authorization: Bearer <token>`. */
  token?: string
  /** Folder with the built UI (index.html + assets); null serves the API only. */
  webRoot?: string | null
  readsPerMinute?: number
  /** 0 turns the response cache off. */
  cacheTtlMs?: number
  writesPerMinute?: number
  logger?: boolean
}

function checkToken(expected: string | undefined, req: FastifyRequest): void {
  if (!expected) return
  const h = req.headers.authorization
  if (!h) throw new ApiError(401, 'unauthorized', 'this endpoint needs the token: send "Authorization: Bearer <NEWSGRAPH_TOKEN>"')
  const m = /^Bearer\s+(.+)$/i.exec(h)
  const given = Buffer.from(m ? m[1].trim() : '')
  const want = Buffer.from(expected)
  if (given.length !== want.length || !timingSafeEqual(given, want)) throw new ApiError(403, 'forbidden', 'the token is wrong')
}

function toFilter(q: Record<string, unknown>): EventFilter {
  const f: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(q)) if (v !== undefined && k !== 'max_events') f[k] = v
  return f as EventFilter
}

export async function buildServer(opts: ServerOptions): Promise<FastifyInstance> {
  const { store } = opts
  const app = Fastify({
    logger: opts.logger ? { level: 'info' } : false,
    bodyLimit: MAX_BODY_BYTES,
    // The API never needs more than this; a slow client cannot hold a socket open for long.
    requestTimeout: 30_000,
    trustProxy: false,
  })
  const reads = new RateLimiter({ max: opts.readsPerMinute ?? DEFAULT_READS_PER_MINUTE, windowMs: 60_000 })
  const writes = new RateLimiter({ max: opts.writesPerMinute ?? DEFAULT_WRITES_PER_MINUTE, windowMs: 60_000 })

  const cache = new ResponseCache({ ttlMs: opts.cacheTtlMs ?? DEFAULT_CACHE_TTL_MS, maxEntries: CACHE_MAX_ENTRIES, maxBodyBytes: CACHE_MAX_BODY_BYTES })
  const cacheable = (req: FastifyRequest) => cache.enabled && req.method === 'GET' && req.url.startsWith('/api/') && !req.url.startsWith('/api/health')

  app.setErrorHandler(handleError)
  app.setNotFoundHandler((req, reply) => {
    reply.code(404).send(errorBody('not_found', `no such endpoint: ${req.method} ${req.url.split('?')[0]}`))
  })

  app.addHook('onRequest', async (req, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff')
    reply.header('Referrer-Policy', 'no-referrer')
    if (!req.url.startsWith('/api/')) return
    const limiter = req.method === 'GET' || req.method === 'HEAD' ? reads : writes
    const wait = limiter.take(req.ip)
    if (wait > 0) {
      reply.header('Retry-After', String(Math.ceil(wait / 1000)))
      throw new ApiError(429, 'rate_limited', `too many requests from ${req.ip}; try again in ${Math.ceil(wait / 1000)} s`)
    }
    reply.header('Cache-Control', 'no-store')
    if (cacheable(req)) {
      const body = cache.get(req.url)
      if (body !== undefined) {
        reply.header('X-Cache', 'hit').type('application/json; charset=utf-8')
        return reply.send(body)
      }
    }
  })

  app.addHook('onSend', async (req, reply, payload) => {
    if (reply.statusCode === 200 && cacheable(req) && typeof payload === 'string' && reply.getHeader('X-Cache') !== 'hit') cache.set(req.url, payload)
    return payload
  })

  app.addHook('onResponse', async (req, reply) => {
    if (req.method === 'POST' && reply.statusCode < 300) cache.clear()
  })

  app.get('/api/health', async (_req, reply) => {
    try {
      return await store.health()
    } catch (e) {
      app.log.error({ err: e }, 'health check failed')
      return reply.code(503).send(errorBody('database_unavailable', 'the database cannot answer right now; see the server log'))
    }
  })

  app.get('/api/events', async (req) => {
    const q = parseQuery(eventsQuery, req.query)
    return store.events(toFilter(q))
  })

  app.get('/api/events/:id', async (req) => {
    const { id } = req.params as { id: string }
    const e = await store.event(id)
    if (!e) throw new ApiError(404, 'not_found', `no event with id "${id}"`)
    return e
  })

  app.get('/api/graph', async (req) => {
    const q = parseQuery(aggregateQuery, req.query)
    const { events, truncated } = await scanEvents(store, toFilter(q), q.max_events)
    return { ...buildGraph(events), events: events.length, truncated }
  })

  app.get('/api/places', async (req) => {
    const q = parseQuery(aggregateQuery, req.query)
    const { events, truncated } = await scanEvents(store, toFilter(q), q.max_events)
    return { points: buildPlaces(events), events: events.length, truncated }
  })

  app.get('/api/actors', async (req) => {
    const q = parseQuery(actorsQuery, req.query)
    return store.actors(toFilter(q) as Parameters<Store['actors']>[0])
  })

  app.get('/api/actors/:id', async (req) => {
    const { id } = req.params as { id: string }
    const q = parseQuery(dossierQuery, req.query)
    const d = await store.actor(id, { timelineLimit: q.timeline })
    if (!d) throw new ApiError(404, 'not_found', `no actor with id "${id}"`)
    return d
  })

  app.get('/api/dyads', async (req) => {
    const q = parseQuery(dyadQuery, req.query)
    return store.dyad(q.a, q.b, { period: q.period, since: q.since, until: q.until, eventLimit: q.events })
  })

  app.get('/api/articles/:id', async (req) => {
    const { id } = req.params as { id: string }
    const a = await store.article(id)
    if (!a) throw new ApiError(404, 'not_found', `no article with id "${id}"`)
    return a
  })

  let coder: Promise<Coder> | null = null
  app.post('/api/articles', async (req, reply: FastifyReply) => {
    checkToken(opts.token, req)
    if (!req.headers['content-type']?.startsWith('application/json')) throw new ApiError(415, 'unsupported_media_type', 'send the article as application/json')
    const body = parseBody(articleBody, req.body)
    if (!opts.coder) throw new ApiError(501, 'not_implemented', 'this server was started without a coder')
    coder ??= Promise.resolve(opts.coder())
    const raw: RawDocument = { name: `POST /api/articles${body.id ? ` (${body.id})` : ''}`, ...body }
    const res = (await coder).code(raw)
    if (!res.ok) throw new ApiError(422, 'unusable_article', res.error)
    const put = await store.putArticle(res.record, { input: body.id ? `api:${body.id}` : undefined })
    return reply.code(put.status === 'stored' ? 201 : 200).send({ ...put, warnings: res.record.warnings })
  })

  const files = opts.webRoot ? loadStatic(opts.webRoot) : null
  const sendFile = (path: string, reply: FastifyReply) => {
    const f = files?.get(path)
    if (!f) return false
    reply.header('Content-Type', f.type)
    reply.header('Cache-Control', f.immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
    if (f.type.startsWith('text/html')) reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY)
    reply.send(f.body)
    return true
  }
  app.get('/*', async (req, reply) => {
    const path = req.url.split('?')[0]
    if (path.startsWith('/api/')) return reply.code(404).send(errorBody('not_found', `no such endpoint: GET ${path}`))
    if (!files) return reply.code(200).header('Content-Type', 'text/html; charset=utf-8').header('Content-Security-Policy', CONTENT_SECURITY_POLICY).send(NOT_BUILT_PAGE)
    if (sendFile(path === '/' ? '/index.html' : path, reply)) return reply
    // The UI routes with the URL hash, so any other path is a mistyped file.
    return reply.code(404).send(errorBody('not_found', `no such file: ${path}`))
  })

  return app
}
