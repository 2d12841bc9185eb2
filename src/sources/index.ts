import { open, readFile } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { InputError, type RawDocument } from '../core/types.js'
import { decodeHtml } from '../extract/charset.js'
import { decodeText } from './decode.js'
import { parseFeed, type FeedItem } from './feeds.js'
import { fetchUrl, type FetchOptions, type Fetched } from './fetch.js'
import { expandPaths, readFileInput, readJsonl, readStdin, sniffKind, type InputKind, type SourceItem } from './files.js'
import { expandGlob, isGlob } from './glob.js'
import { readWarc, type WarcProgress } from './warc.js'

export type { InputKind, SourceItem } from './files.js'
export type { WarcProgress } from './warc.js'

export interface SourceOptions {
  input?: InputKind
  /** Resume points: for a WARC path, the offset of the last record already processed (RawDocument.resume). */
  resume?: Record<string, number>
  /** WARC progress (records, bytes, articles), called after each record. */
  onProgress?: (p: WarcProgress) => void
  fetch?: FetchOptions
}

/** Feed items fetched ahead of the one being yielded: keeps per-host limits busy without reordering output. */
export const FEED_PREFETCH = 4

async function head(path: string): Promise<string> {
  const fh = await open(path, 'r')
  try {
    const buf = Buffer.alloc(1024)
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0)
    return buf.subarray(0, bytesRead).toString('latin1')
  } finally {
    await fh.close()
  }
}

const FEED_TYPE = /\b(rss|atom|feed\+json|rdf\+xml|application\/xml|text\/xml)\b/i

/** What a fetched body is: by Content-Type, then by its first bytes. */
function kindOfFetched(f: Fetched): InputKind | null {
  const ct = (f.contentType ?? '').toLowerCase()
  const headText = Buffer.from(f.bytes.buffer, f.bytes.byteOffset, Math.min(f.bytes.length, 1024)).toString('latin1')
  if (/html/.test(ct)) return sniffKind('url', headText) === 'feed' ? 'feed' : 'html'
  if (FEED_TYPE.test(ct) || /json/.test(ct)) return 'feed'
  if (/^text\/plain/.test(ct)) return 'text'
  if (ct === '' || /octet-stream/.test(ct)) {
    const k = sniffKind('url', headText)
    return k === 'text' ? null : k
  }
  return null
}

/** A fetched page to a raw document; non-pages get a reason. */
function pageDoc(name: string, f: Fetched, extra: Partial<RawDocument> = {}): SourceItem {
  const kind = kindOfFetched(f)
  if (kind === 'html') return { name, url: f.finalUrl, bytes: f.bytes, contentType: f.contentType ?? undefined, ...extra }
  if (kind === 'text') {
    try {
      return { name, url: f.finalUrl, text: decodeHtml(name, f.bytes, f.contentType ?? undefined).text, ...extra }
    } catch (e) {
      return e as InputError
    }
  }
  return new InputError(name, `not a web page (Content-Type ${f.contentType ?? 'missing'}): newsgraph reads HTML, plain text and feeds`)
}

function itemDoc(feedName: string, index: number, item: FeedItem): SourceItem | { fetch: string; extra: Partial<RawDocument> } {
  const extra: Partial<RawDocument> = {}
  if (item.title) extra.title = item.title
  if (item.published) extra.published = item.published
  if (item.authors.length) extra.authors = item.authors
  const name = item.link ?? `${feedName}#${index + 1}`
  if (item.html) return { name, html: item.html, url: item.link ?? undefined, ...extra }
  if (item.text) return { name, text: item.text, url: item.link ?? undefined, ...extra }
  if (item.link && /^https?:\/\//i.test(item.link)) return { fetch: item.link, extra }
  return new InputError(name, 'feed item has neither full content nor an http(s) link to fetch')
}

/** Relative item links resolve against the feed's own URL, else the site link the feed declares. */
export function resolveLinks(items: FeedItem[], base: string | null | undefined): void {
  if (!base) return
  for (const it of items) {
    if (it.link && !/^[a-z][a-z0-9+.-]*:/i.test(it.link)) {
      try {
        it.link = new URL(it.link, base).href
      } catch {
        // Unresolvable: the item reports that it has no usable link.
      }
    }
  }
}

/** The items of a parsed feed as raw documents, in feed order; linked pages are fetched a few at a time. */
export async function* feedDocuments(feedName: string, body: string, opts: SourceOptions = {}): AsyncGenerator<SourceItem> {
  let feed
  try {
    feed = parseFeed(body)
  } catch (e: any) {
    yield new InputError(feedName, e.message)
    return
  }
  resolveLinks(feed.items, /^https?:\/\//i.test(feedName) ? feedName : feed.link)
  yield* itemsToDocuments(feedName, feed.items, opts)
}

export async function* itemsToDocuments(feedName: string, items: FeedItem[], opts: SourceOptions = {}): AsyncGenerator<SourceItem> {
  const jobs = items.map((it, i) => itemDoc(feedName, i, it))
  const pending: Promise<SourceItem>[] = []
  const start = (j: (typeof jobs)[number]): Promise<SourceItem> => {
    if (!('fetch' in j)) return Promise.resolve(j)
    return fetchUrl(j.fetch, opts.fetch).then(
      (f) => pageDoc(j.fetch, f, j.extra),
      (e) => (e instanceof InputError ? e : new InputError(j.fetch, String(e?.message ?? e))),
    )
  }
  let next = 0
  while (next < jobs.length || pending.length) {
    while (next < jobs.length && pending.length < FEED_PREFETCH) pending.push(start(jobs[next++]))
    yield await pending.shift()!
  }
}

async function* readUrl(url: string, opts: SourceOptions): AsyncGenerator<SourceItem> {
  let f: Fetched
  try {
    f = await fetchUrl(url, opts.fetch)
  } catch (e: any) {
    yield e instanceof InputError ? e : new InputError(url, String(e?.message ?? e))
    return
  }
  const kind = opts.input && opts.input !== 'auto' ? opts.input : kindOfFetched(f)
  if (kind === 'feed') {
    let body: string
    try {
      body = decodeHtml(url, f.bytes, f.contentType ?? undefined).text
    } catch (e) {
      yield e as InputError
      return
    }
    yield* feedDocuments(url, body, opts)
  } else if (kind === 'jsonl') yield* readJsonl(url, Readable.from([Buffer.from(f.bytes)]))
  else yield pageDoc(url, f)
}

async function* readPath(p: string, forced: InputKind, opts: SourceOptions): AsyncGenerator<SourceItem> {
  let kind = forced
  if (kind === 'auto') {
    try {
      kind = sniffKind(p, await head(p))
    } catch (e: any) {
      yield new InputError(p, `cannot read: ${e?.message ?? e}`)
      return
    }
  }
  if (kind === 'warc') {
    yield* readWarc(p, { after: opts.resume?.[p], onProgress: opts.onProgress })
    return
  }
  if (kind === 'feed') {
    let body: string
    try {
      body = decodeHtml(p, await readFile(p)).text
    } catch (e: any) {
      yield e instanceof InputError ? e : new InputError(p, `cannot read: ${e?.message ?? e}`)
      return
    }
    yield* feedDocuments(p, body, opts)
    return
  }
  yield* readFileInput(p, kind)
}

/**
 * Every raw document named by the command line, in order: files, folders (recursively), globs,
 * http(s) URLs, feeds (file or URL), WARC/WARC.gz, JSONL, stdin (`-`). Unusable inputs come out
 * as InputError items so the caller can report them and go on with the rest.
 */
export async function* readSources(specs: string[], opts: SourceOptions = {}): AsyncGenerator<SourceItem> {
  const forced = opts.input ?? 'auto'
  for (const spec of specs) {
    if (spec === '-') {
      const bytes = await readStdin()
      const kind = forced !== 'auto' ? forced : sniffKind('stdin', bytes.subarray(0, 1024).toString('latin1'))
      if (kind === 'jsonl') yield* readJsonl('stdin', Readable.from([bytes]))
      else if (kind === 'html') yield { name: 'stdin', bytes }
      else if (kind === 'feed') yield* feedDocuments('stdin', bytes.toString('utf8'), opts)
      else if (kind === 'warc') yield new InputError('stdin', 'WARC from stdin is not supported: give the file path (it is read as a stream)')
      else {
        try {
          yield { name: 'stdin', text: decodeText('stdin', bytes) }
        } catch (e) {
          yield e as InputError
        }
      }
      continue
    }
    if (/^https?:\/\//i.test(spec)) {
      yield* readUrl(spec, opts)
      continue
    }
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(spec)) {
      yield new InputError(spec, 'unsupported URL scheme: only http:// and https:// URLs are fetched')
      continue
    }
    let paths: string[] = [spec]
    if (isGlob(spec)) {
      paths = await expandGlob(spec)
      if (paths.length === 0) {
        yield new InputError(spec, 'no files match this pattern')
        continue
      }
    }
    for await (const p of expandPaths(paths)) {
      if (p instanceof InputError) yield p
      else yield* readPath(p, forced, opts)
    }
  }
}
