/**
 * HTML page → article: metadata, then a cascade for the body text.
 *  1. furniture cleaning, Readability over linkedom, link-list and line cleaning;
 *  2. when that under-delivers (Readability found nothing, or little against the page's own
 *     paragraph text): Readability on the untouched page, in case cleaning cut the article;
 *  3. the page's paragraphs in order, link-heavy and furniture blocks dropped;
 *  4. last, for fragments and tiny pages: the cleaned block text of the whole body.
 * The longest plausible candidate wins.
 */
import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'
import { InputError, type Removed } from '../core/types.js'
import { blockLines, domDepth } from './blocks.js'
import { decodeHtml, MAX_HTML_BYTES } from './charset.js'
import { postCleanDom, preClean } from './clean.js'
import { cleanLines } from './lines.js'
import { extractMeta } from './meta.js'

export interface ExtractedArticle {
  text: string
  title: string | null
  published: string | null
  authors: string[]
  url: string | null
  source: string | null
  language: string | null
  removed: Removed[]
  /** Which method of the cascade produced the text: readability, readability-raw, paragraphs, body. */
  method: string
}

export interface ExtractOptions {
  url?: string
  /** Input name for error messages. */
  name?: string
}

/** Below this many characters the first method is taken to have missed the article (a short news brief is ~400). */
const MIN_ARTICLE_CHARS = 400
/** A later method must beat the current text by this factor to replace it: longer is not better by a hair. */
const FALLBACK_GAIN = 1.5
/**
 * Readability's time grows steeply with nesting (500 levels: seconds; 2000: minutes). Real pages
 * stay under ~60 (the benchmark's deepest is 51); deeper trees come from unclosed tags, and get
 * the linear paragraph method instead.
 */
const MAX_DOM_DEPTH = 250
/** Readability's time grows faster than the element count; the benchmark's largest page has 1,600 elements, so ten times that is no news page. */
const MAX_READABILITY_ELEMENTS = 16_000
/** How far into the markup <html> or <body> is looked for before the input is taken for a fragment. */
const FRAGMENT_SNIFF_CHARS = 4096
/** A paragraph-fallback block shorter than this is navigation or a label, not prose. */
const MIN_PARAGRAPH_CHARS = 40
/** A paragraph-fallback block with this share of link text is a link list. */
const PARAGRAPH_LINK_SHARE = 0.3

function readabilityText(document: any, removed: Removed[]): string {
  // Too many elements for Readability in reasonable time: the cascade goes on to the linear methods.
  // (Readability's own maxElemsToParse counts with getElementsByTagName('*'), which linkedom answers with 0.)
  if (document.querySelectorAll('*').length > MAX_READABILITY_ELEMENTS) return ''
  const art = new Readability<any>(document, { serializer: (el: any) => el }).parse()
  if (!art?.content) return ''
  postCleanDom(art.content, removed)
  return cleanLines(blockLines(art.content), removed).join('\n')
}

function paragraphsText(document: any, removed: Removed[]): string {
  preClean(document)
  const lines: string[] = []
  for (const el of document.querySelectorAll('p,h2,h3,blockquote,pre,li')) {
    if (el.closest && el.parentElement?.closest?.('p,blockquote,pre,li')) continue
    const t = (el.textContent ?? '').replace(/\s+/g, ' ').trim()
    if (t.length < MIN_PARAGRAPH_CHARS && !/^H\d$/.test(el.tagName)) continue
    let link = 0
    for (const a of el.querySelectorAll('a')) link += (a.textContent ?? '').replace(/\s+/g, ' ').length
    if (t.length === 0 || link / t.length >= PARAGRAPH_LINK_SHARE) continue
    lines.push(t)
  }
  return cleanLines(lines, removed).join('\n')
}

/** Last resort for fragments and tiny pages (a JSONL "html" field holding one paragraph): the page's own block text, furniture and link lists dropped. */
function bodyText(document: any, removed: Removed[]): string {
  preClean(document)
  const body = document.body ?? document.documentElement
  if (!body) return ''
  postCleanDom(body, removed)
  return cleanLines(blockLines(body), removed).join('\n')
}

/**
 * Scripts (except JSON-LD metadata), styles, inline SVG and comments never hold article text;
 * cut before parsing, they cost neither DOM memory nor scan time (they are often most of a page).
 */
function stripInert(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<script\b(?![^>]*application\/ld\+json)[^>]*>[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<(style|svg)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
}

export function extractHtml(html: string, opts: ExtractOptions = {}): ExtractedArticle {
  const name = opts.name ?? opts.url ?? 'page'
  if (html.length > MAX_HTML_BYTES) throw new InputError(name, `page too large (${(html.length / 1048576).toFixed(1)} M characters; the limit is ${MAX_HTML_BYTES / 1048576} M): not a single news article`)
  // A fragment ("<p>...</p>" from a JSONL html field) gets a document around it: linkedom would make the <p> the root.
  if (!/<(html|body)[\s>]/i.test(html.slice(0, FRAGMENT_SNIFF_CHARS))) html = `<!DOCTYPE html><html><head></head><body>${html}</body></html>`
  html = stripInert(html)
  const { document } = parseHTML(html)
  if (!document.documentElement) throw new InputError(name, 'not an HTML page: no document element')
  const meta = extractMeta(document, opts.url)
  if (domDepth(document.documentElement, MAX_DOM_DEPTH) > MAX_DOM_DEPTH) {
    const r: Removed[] = []
    return { ...meta, text: paragraphsText(document, r), removed: r, method: 'paragraphs-deep' }
  }
  let removed: Removed[] = []
  preClean(document)
  let text = readabilityText(document, removed)
  let method = 'readability'
  if (text.length < MIN_ARTICLE_CHARS) {
    const tries: [string, (doc: any, r: Removed[]) => string][] = [['readability-raw', readabilityText], ['paragraphs', paragraphsText], ['body', bodyText]]
    for (const [m, fn] of tries) {
      // The whole body is only for when every method found nothing: on a real page it is mostly furniture.
      if (m === 'body' && text.length > 0) break
      const r: Removed[] = []
      const t = fn(parseHTML(html).document, r)
      if (t.length > (text.length ? Math.max(text.length * FALLBACK_GAIN, text.length + MIN_PARAGRAPH_CHARS) : 0)) {
        text = t
        removed = r
        method = m
      }
      if (text.length >= MIN_ARTICLE_CHARS) break
    }
  }
  return { ...meta, text, removed, method }
}

/** The extractor for undecoded page bytes (files, HTTP bodies, WARC records). */
export function extractHtmlBytes(bytes: Uint8Array, opts: ExtractOptions & { contentType?: string } = {}): ExtractedArticle {
  const { text } = decodeHtml(opts.name ?? opts.url ?? 'page', bytes, opts.contentType)
  return extractHtml(text, opts)
}
