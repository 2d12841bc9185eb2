/**
 * RSS 2.0, RSS 1.0 (RDF), Atom and JSON Feed to a list of items. An item carries its link and,
 * when the feed holds the full article (content:encoded, Atom content, content_html), that too.
 */
import { XMLParser } from 'fast-xml-parser'
import { isoDate } from '../extract/meta.js'

export interface FeedItem {
  /** Stable identity across polls: guid / id, else the link. */
  id: string
  link: string | null
  title: string | null
  published: string | null
  authors: string[]
  /** Full content when the feed carries it: HTML or plain text. */
  html: string | null
  text: string | null
  /** The short summary/description (never taken for the article). */
  summary: string | null
}

export interface Feed {
  kind: 'rss' | 'atom' | 'rdf' | 'json'
  title: string | null
  link: string | null
  items: FeedItem[]
}

/** A feed entry whose own content has at least this many characters of text is the full article, not a teaser. */
export const FULL_CONTENT_CHARS = 800

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: false,
  parseTagValue: false,
  trimValues: true,
  cdataPropName: false,
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => ['item', 'entry', 'link', 'author', 'category', 'dc:creator'].includes(name),
})

function str(v: any): string | null {
  if (v == null) return null
  if (typeof v === 'string') return v.trim() || null
  if (typeof v === 'number') return String(v)
  if (Array.isArray(v)) return str(v[0])
  if (typeof v === 'object') return str(v['#text'])
  return null
}

function textLength(html: string): number {
  return html.replace(/<[^>]*>/g, ' ').replace(/&[#\w]+;/g, ' ').replace(/\s+/g, ' ').trim().length
}

function fullContent(html: string | null): string | null {
  return html && textLength(html) >= FULL_CONTENT_CHARS ? html : null
}

function rssItem(it: any): FeedItem {
  const link = str(it.link) ?? (it.guid && it.guid['@isPermaLink'] !== 'false' ? str(it.guid) : null)
  const authors = [...(it['dc:creator'] ?? []).map(str), str(it.author)].filter((a): a is string => !!a)
  const encoded = str(it['content:encoded'])
  return {
    id: str(it.guid) ?? link ?? str(it.title) ?? '',
    link,
    title: str(it.title),
    published: isoDate(str(it.pubDate) ?? str(it['dc:date'])),
    authors,
    html: fullContent(encoded),
    text: null,
    summary: str(it.description),
  }
}

function atomLink(links: any[] | undefined): string | null {
  if (!links) return null
  const alt = links.find((l) => !l['@rel'] || l['@rel'] === 'alternate') ?? links[0]
  return alt ? (alt['@href'] ?? str(alt)) : null
}

function atomEntry(e: any): FeedItem {
  const link = atomLink(e.link)
  const content = e.content
  const type = content && typeof content === 'object' ? content['@type'] : 'text'
  const body = str(content)
  return {
    id: str(e.id) ?? link ?? '',
    link,
    title: str(e.title),
    published: isoDate(str(e.published) ?? str(e.updated)),
    authors: (e.author ?? []).map((a: any) => str(a?.name)).filter(Boolean),
    html: type === 'html' || type === 'xhtml' ? fullContent(body) : null,
    text: type === 'text' && body && body.length >= FULL_CONTENT_CHARS ? body : null,
    summary: str(e.summary),
  }
}

/** Parses a feed; throws Error with a reason when it is not one of the four formats. */
export function parseFeed(body: string): Feed {
  const t = body.replace(/^\uFEFF/, '').trimStart()
  if (t.startsWith('{')) {
    let j: any
    try {
      j = JSON.parse(t)
    } catch (e: any) {
      throw new Error(`not valid JSON (${e.message})`)
    }
    if (!j || typeof j.version !== 'string' || !j.version.includes('jsonfeed.org') || !Array.isArray(j.items)) throw new Error('JSON but not a JSON Feed (needs "version": "https://jsonfeed.org/version/1.1" and "items")')
    return {
      kind: 'json',
      title: str(j.title),
      link: str(j.home_page_url),
      items: j.items.map((it: any): FeedItem => ({
        id: String(it.id ?? it.url ?? ''),
        link: str(it.url) ?? str(it.external_url),
        title: str(it.title),
        published: isoDate(str(it.date_published) ?? str(it.date_modified)),
        authors: [...(Array.isArray(it.authors) ? it.authors : []), it.author].map((a: any) => str(a?.name)).filter((a): a is string => !!a),
        html: fullContent(str(it.content_html)),
        text: typeof it.content_text === 'string' && it.content_text.length >= FULL_CONTENT_CHARS ? it.content_text : null,
        summary: str(it.summary),
      })),
    }
  }
  let x: any
  try {
    x = parser.parse(t, true)
  } catch (e: any) {
    throw new Error(`malformed XML: ${e.message ?? e}`)
  }
  if (x.rss?.channel) {
    const ch = Array.isArray(x.rss.channel) ? x.rss.channel[0] : x.rss.channel
    return { kind: 'rss', title: str(ch.title), link: str(ch.link), items: (ch.item ?? []).map(rssItem) }
  }
  if (x.feed) return { kind: 'atom', title: str(x.feed.title), link: atomLink(x.feed.link), items: (x.feed.entry ?? []).map(atomEntry) }
  if (x['rdf:RDF']) {
    const r = x['rdf:RDF']
    const ch = r.channel ?? {}
    return { kind: 'rdf', title: str(ch.title), link: str(ch.link), items: (r.item ?? []).map(rssItem) }
  }
  throw new Error('not an RSS, Atom or JSON feed (no <rss>, <feed> or <rdf:RDF> root)')
}
