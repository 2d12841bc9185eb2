/**
 * Feed watching for `newsgraph ingest --watch FEED...`: polls each feed on an interval with
 * conditional GET (ETag / Last-Modified, so an unchanged feed costs one 304) and yields only
 * items not seen in an earlier poll, as raw documents (linked pages fetched, or the item's own
 * full content). Runs until the signal aborts or maxPolls is reached.
 */
import { readFile } from 'node:fs/promises'
import { InputError } from '../core/types.js'
import { decodeHtml } from '../extract/charset.js'
import { parseFeed, type FeedItem } from './feeds.js'
import { fetchUrl, type FetchOptions } from './fetch.js'
import { itemsToDocuments, resolveLinks } from './index.js'
import type { SourceItem } from './files.js'

/** Default poll interval: news feeds update every few minutes; polling faster is impolite. */
export const WATCH_INTERVAL_MS = 5 * 60_000
/** Item ids remembered per feed: far more than any feed lists at once, so memory stays bounded. */
export const SEEN_PER_FEED = 5000

export interface WatchOptions {
  intervalMs?: number
  signal?: AbortSignal
  /** Stop after this many polls of every feed (tests, cron-style single runs). */
  maxPolls?: number
  /** Ids (feed item guid/id/link) already coded, e.g. loaded from the database: never yielded. */
  seen?: Iterable<string>
  fetch?: FetchOptions
  onPoll?: (info: { feed: string; poll: number; status: 'new' | 'unchanged' | 'error'; items: number; fresh: number }) => void
}

interface FeedState {
  etag: string | null
  lastModified: string | null
  seen: Set<string>
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve()
    const t = setTimeout(done, ms)
    function done() {
      clearTimeout(t)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    signal?.addEventListener('abort', done, { once: true })
  })
}

function remember(state: FeedState, id: string): void {
  state.seen.add(id)
  if (state.seen.size > SEEN_PER_FEED) state.seen.delete(state.seen.values().next().value as string)
}

/** Reads one feed now; null when unchanged since the last poll (HTTP 304). */
async function poll(feed: string, state: FeedState, opts: WatchOptions): Promise<FeedItem[] | null> {
  let body: string
  if (/^https?:\/\//i.test(feed)) {
    const f = await fetchUrl(feed, { ...opts.fetch, etag: state.etag, lastModified: state.lastModified, accept: 'application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,*/*;q=0.5' })
    if (f.notModified) return null
    state.etag = f.etag
    state.lastModified = f.lastModified
    body = decodeHtml(feed, f.bytes, f.contentType ?? undefined).text
  } else {
    try {
      body = decodeHtml(feed, await readFile(feed)).text
    } catch (e: any) {
      throw e instanceof InputError ? e : new InputError(feed, `cannot read: ${e?.message ?? e}`)
    }
  }
  try {
    const feedDoc = parseFeed(body)
    resolveLinks(feedDoc.items, /^https?:\/\//i.test(feed) ? feed : feedDoc.link)
    return feedDoc.items
  } catch (e: any) {
    throw new InputError(feed, e.message)
  }
}

export async function* watchFeeds(feeds: string[], opts: WatchOptions = {}): AsyncGenerator<SourceItem> {
  const preSeen = [...(opts.seen ?? [])]
  const states = new Map<string, FeedState>(feeds.map((f) => [f, { etag: null, lastModified: null, seen: new Set(preSeen) }]))
  for (let n = 1; !opts.signal?.aborted; n++) {
    for (const feed of feeds) {
      if (opts.signal?.aborted) return
      const state = states.get(feed)!
      let items: FeedItem[] | null
      try {
        items = await poll(feed, state, opts)
      } catch (e: any) {
        opts.onPoll?.({ feed, poll: n, status: 'error', items: 0, fresh: 0 })
        yield e instanceof InputError ? e : new InputError(feed, String(e?.message ?? e))
        continue
      }
      if (items === null) {
        opts.onPoll?.({ feed, poll: n, status: 'unchanged', items: 0, fresh: 0 })
        continue
      }
      const fresh = items.filter((it) => it.id && !state.seen.has(it.id))
      opts.onPoll?.({ feed, poll: n, status: 'new', items: items.length, fresh: fresh.length })
      for (const it of fresh) remember(state, it.id)
      yield* itemsToDocuments(feed, fresh, { fetch: opts.fetch })
    }
    if (opts.maxPolls !== undefined && n >= opts.maxPolls) return
    await sleep(opts.intervalMs ?? WATCH_INTERVAL_MS, opts.signal)
  }
}
