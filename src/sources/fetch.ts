/**
 * HTTP(S) fetching for URL inputs, feed items and feed polling: a descriptive User-Agent,
 * a total timeout, a redirect limit, a body size cap enforced while streaming (so a gzip bomb
 * or an endless body stops at the cap), retries with backoff on 5xx and timeouts, per-host
 * concurrency and politeness delay, and conditional GET (ETag / Last-Modified).
 * Node's fetch decodes gzip, deflate and br content encodings itself.
 */
import { InputError } from '../core/types.js'

export const USER_AGENT = 'newsgraph/0.1 (news event coding; +https://www.npmjs.com/package/newsgraph)'
/** Whole-request budget: a news page that takes longer than this is not coming. */
export const FETCH_TIMEOUT_MS = 20_000
/** Browsers allow 20; news sites need 2-3 (http→https→www→canonical). */
export const MAX_REDIRECTS = 5
/** Decoded body cap: news pages are well under 5 MB; beyond this it is not an article (or a bomb). */
export const MAX_BODY_BYTES = 10 * 1024 * 1024
/** Retries after the first try on 5xx, 429 and timeouts. */
export const MAX_RETRIES = 2
/** First backoff; doubled per retry. */
const BACKOFF_MS = 500
/** Requests in flight to one host at once: polite crawling. */
export const PER_HOST_CONCURRENCY = 2
/** Gap between request starts on one host. */
export const PER_HOST_DELAY_MS = 250

export interface FetchOptions {
  timeoutMs?: number
  maxRedirects?: number
  maxBytes?: number
  retries?: number
  backoffMs?: number
  /** Conditional GET validators from an earlier response. */
  etag?: string | null
  lastModified?: string | null
  accept?: string
  perHostConcurrency?: number
  perHostDelayMs?: number
}

export interface Fetched {
  url: string
  finalUrl: string
  status: number
  contentType: string | null
  bytes: Uint8Array
  etag: string | null
  lastModified: string | null
  /** True on 304 Not Modified (bytes empty). */
  notModified: boolean
}

interface HostSlot {
  active: number
  nextStart: number
  waiters: (() => void)[]
}
const hosts = new Map<string, HostSlot>()

async function acquire(host: string, limit: number, delay: number): Promise<() => void> {
  let slot = hosts.get(host)
  if (!slot) hosts.set(host, (slot = { active: 0, nextStart: 0, waiters: [] }))
  while (slot.active >= limit) await new Promise<void>((r) => slot!.waiters.push(r))
  slot.active++
  const wait = slot.nextStart - Date.now()
  slot.nextStart = Math.max(Date.now(), slot.nextStart) + delay
  if (wait > 0) await new Promise((r) => setTimeout(r, wait))
  return () => {
    slot!.active--
    slot!.waiters.shift()?.()
    if (slot!.active === 0 && slot!.waiters.length === 0 && slot!.nextStart < Date.now()) hosts.delete(host)
  }
}

class Retryable extends Error {}

function describe(e: any): string {
  const c = e?.cause
  const code = c?.code ?? e?.code
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return 'timed out'
  if (code === 'ECONNREFUSED') return 'connection refused (nothing listening there)'
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found'
  if (code === 'ECONNRESET') return 'connection reset'
  if (code === 'UND_ERR_SOCKET') return 'connection closed by the server'
  if (code) return `${code}${c?.message ? ': ' + c.message : ''}`
  return e?.message ?? String(e)
}

async function readCapped(name: string, res: Response, max: number): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length') ?? NaN)
  if (!res.headers.get('content-encoding') && declared > max) {
    await res.body?.cancel().catch(() => {})
    throw new InputError(name, `response too large (${(declared / 1048576).toFixed(1)} MiB declared; the limit is ${(max / 1048576).toFixed(0)} MiB)`)
  }
  if (!res.body) return new Uint8Array(0)
  const chunks: Uint8Array[] = []
  let total = 0
  const reader = res.body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.length
    if (total > max) {
      await reader.cancel().catch(() => {})
      throw new InputError(name, `response too large (over ${(max / 1048576).toFixed(0)} MiB after decompression): not a news page`)
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks)
}

async function once(url: string, o: Required<Pick<FetchOptions, 'timeoutMs' | 'maxRedirects' | 'maxBytes'>> & FetchOptions): Promise<Fetched> {
  const signal = AbortSignal.timeout(o.timeoutMs)
  let current = url
  for (let hop = 0; ; hop++) {
    const headers: Record<string, string> = { 'user-agent': USER_AGENT, accept: o.accept ?? 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'accept-encoding': 'gzip, deflate, br' }
    if (o.etag) headers['if-none-match'] = o.etag
    if (o.lastModified) headers['if-modified-since'] = o.lastModified
    let host: string
    try {
      host = new URL(current).host
    } catch {
      throw new InputError(url, `not a valid URL: ${current}`)
    }
    const release = await acquire(host, o.perHostConcurrency ?? PER_HOST_CONCURRENCY, o.perHostDelayMs ?? PER_HOST_DELAY_MS)
    let res: Response
    try {
      try {
        res = await fetch(current, { headers, redirect: 'manual', signal })
      } catch (e: any) {
        const why = describe(e)
        if (why === 'timed out' || why === 'connection reset' || why.startsWith('connection closed')) throw new Retryable(why)
        throw new InputError(url, `cannot fetch: ${why}`)
      }
      if (res.status >= 300 && res.status < 400 && res.status !== 304) {
        const loc = res.headers.get('location')
        await res.body?.cancel().catch(() => {})
        if (!loc) throw new InputError(url, `redirect ${res.status} without a Location header`)
        if (hop >= o.maxRedirects) throw new InputError(url, `too many redirects (more than ${o.maxRedirects})`)
        current = new URL(loc, current).href
        if (!/^https?:/i.test(current)) throw new InputError(url, `redirect to a non-HTTP URL: ${current}`)
        continue
      }
      const meta = { url, finalUrl: current, status: res.status, contentType: res.headers.get('content-type'), etag: res.headers.get('etag'), lastModified: res.headers.get('last-modified') }
      if (res.status === 304) {
        await res.body?.cancel().catch(() => {})
        return { ...meta, bytes: new Uint8Array(0), notModified: true }
      }
      if (res.status >= 500 || res.status === 429) {
        await res.body?.cancel().catch(() => {})
        throw new Retryable(`server error ${res.status} ${res.statusText}`)
      }
      if (res.status >= 400) {
        await res.body?.cancel().catch(() => {})
        throw new InputError(url, `HTTP ${res.status} ${res.statusText || ''}`.trim() + (res.status === 404 ? ' (no such page)' : ''))
      }
      let bytes: Uint8Array
      try {
        bytes = await readCapped(url, res, o.maxBytes)
      } catch (e: any) {
        if (e instanceof InputError) throw e
        const why = describe(e)
        if (why === 'timed out') throw new Retryable('timed out while reading the body')
        if (/incorrect header|unexpected end|invalid|zlib|decompress/i.test(why)) throw new InputError(url, `cannot decode the compressed body: ${why}`)
        throw new Retryable(why)
      }
      return { ...meta, bytes, notModified: false }
    } finally {
      release()
    }
  }
}

/** Fetches a URL; throws InputError (with the URL as input name) when it cannot be had. */
export async function fetchUrl(url: string, opts: FetchOptions = {}): Promise<Fetched> {
  const o = { timeoutMs: FETCH_TIMEOUT_MS, maxRedirects: MAX_REDIRECTS, maxBytes: MAX_BODY_BYTES, ...opts }
  const retries = opts.retries ?? MAX_RETRIES
  let last = ''
  for (let attempt = 0; attempt <= retries; attempt++) {
    if (attempt > 0) await new Promise((r) => setTimeout(r, (opts.backoffMs ?? BACKOFF_MS) * 2 ** (attempt - 1)))
    try {
      return await once(url, o)
    } catch (e) {
      if (e instanceof Retryable) {
        last = e.message
        continue
      }
      throw e
    }
  }
  throw new InputError(url, `cannot fetch: ${last} (after ${retries + 1} tries)`)
}
