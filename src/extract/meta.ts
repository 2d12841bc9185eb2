/** Article metadata from a parsed page: title, date, authors, canonical URL, outlet, language. */

export interface PageMeta {
  title: string | null
  published: string | null
  authors: string[]
  url: string | null
  source: string | null
  language: string | null
}

const ARTICLE_TYPES = /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|BlogPosting|LiveBlogPosting|Report|WebPage|SocialMediaPosting|ScholarlyArticle|TechArticle)$/

function clean(s: unknown): string | null {
  if (typeof s !== 'string') return null
  const t = s.replace(/\s+/g, ' ').trim()
  return t === '' ? null : t
}

/** Every <meta> of the page by property / name / itemprop / http-equiv (lower-cased), first one wins: one scan instead of one per key. */
function metaIndex(metaEls: any[]): Map<string, string> {
  const m = new Map<string, string>()
  for (const el of metaEls) {
    const v = clean(el.getAttribute('content'))
    if (!v) continue
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const k = el.getAttribute(attr)
      if (k && !m.has(k.toLowerCase())) m.set(k.toLowerCase(), v)
    }
  }
  return m
}

function metaContent(index: Map<string, string>, keys: string[]): string | null {
  for (const k of keys) {
    const v = index.get(k.toLowerCase())
    if (v) return v
  }
  return null
}

/** JSON-LD objects of the page, flattened (arrays and @graph), article-like ones first. */
function jsonLd(scripts: any[]): any[] {
  const out: any[] = []
  const visit = (o: any, depth: number): void => {
    if (!o || typeof o !== 'object' || depth > 4) return
    if (Array.isArray(o)) return o.forEach((x) => visit(x, depth + 1))
    out.push(o)
    if (o['@graph']) visit(o['@graph'], depth + 1)
    if (o.mainEntity) visit(o.mainEntity, depth + 1)
  }
  for (const s of scripts) {
    try {
      visit(JSON.parse((s.textContent ?? '').replace(/^\s*<!--|-->\s*$/g, '')), 0)
    } catch {
      // Broken JSON-LD is common on real pages; the other metadata sources still apply.
    }
  }
  const isArticle = (o: any) => [].concat(o['@type'] ?? []).some((t: any) => typeof t === 'string' && ARTICLE_TYPES.test(t) && t !== 'WebPage')
  return [...out.filter(isArticle), ...out.filter((o) => !isArticle(o))]
}

function names(v: any): string[] {
  if (!v) return []
  if (typeof v === 'string') return [v]
  if (Array.isArray(v)) return v.flatMap(names)
  if (typeof v === 'object' && typeof v.name === 'string') return [v.name]
  return []
}

/** A date string to ISO: `YYYY-MM-DD` when there is no time, else a UTC date-time. Null if unparseable. */
export function isoDate(s: string | null | undefined): string | null {
  if (!s) return null
  const t = s.trim()
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t)
  if (day) return validDay(+day[1], +day[2], +day[3])
  const ms = Date.parse(t)
  if (!Number.isNaN(ms)) {
    const d = new Date(ms)
    const y = d.getUTCFullYear()
    if (y < 1900 || y > 2100) return null
    return /\d{1,2}:\d{2}/.test(t) ? d.toISOString().replace('.000Z', 'Z') : d.toISOString().slice(0, 10)
  }
  return null
}

function validDay(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

/** News URLs often carry the publication day: /2023/10/27/ or /20231027/. */
export function dateFromUrl(url: string | null | undefined): string | null {
  if (!url) return null
  const m = /\/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:\/|[-_]|$)/.exec(url) ?? /[/_-]((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:[/_.-]|$)/.exec(url)
  return m ? validDay(+m[1], +m[2], +m[3]) : null
}

function resolveUrl(href: string | null, base: string | undefined): string | null {
  if (!href) return null
  try {
    return new URL(href, base).href
  } catch {
    return /^https?:\/\//i.test(href) ? href : null
  }
}

/** Outlet suffixes in <title>: "Headline | Outlet", "Headline - Outlet". */
const TITLE_SEPARATOR = /\s+[|\u2013\u2014\-:\u00bb\u00b7]\s+/

/** The elements metadata comes from, gathered in one pass over the page (each querySelector is a full scan in linkedom). */
const META_SELECTOR = 'meta,script[type="application/ld+json"],link[rel="canonical"],time[datetime],[itemprop="datePublished"],[rel="author"],[itemprop="author"],h1,title'

export function extractMeta(doc: any, pageUrl?: string): PageMeta {
  const by: Record<string, any[]> = { meta: [], ld: [], canonical: [], time: [], author: [], h1: [], title: [] }
  for (const el of doc.querySelectorAll(META_SELECTOR)) {
    const tag = el.tagName
    if (tag === 'META') {
      by.meta.push(el)
      if (el.getAttribute('itemprop') === 'datePublished') by.time.push(el)
    } else if (tag === 'SCRIPT') by.ld.push(el)
    else if (tag === 'LINK' && el.getAttribute('rel') === 'canonical') by.canonical.push(el)
    else if (tag === 'H1') by.h1.push(el)
    else if (tag === 'TITLE') by.title.push(el)
    else if (el.hasAttribute('datetime') || el.getAttribute('itemprop') === 'datePublished') by.time.push(el)
    else by.author.push(el)
  }
  const ld = jsonLd(by.ld)
  const metas = metaIndex(by.meta)
  const first = (f: (o: any) => unknown): string | null => {
    for (const o of ld) {
      const v = f(o)
      const c = clean(typeof v === 'string' ? v : null)
      if (c) return c
    }
    return null
  }

  const siteName = metaContent(metas, ['og:site_name', 'application-name', 'twitter:site']) ?? first((o) => o.publisher?.name)
  let title = first((o) => o.headline) ?? metaContent(metas, ['og:title', 'twitter:title', 'title', 'headline'])
  if (!title) {
    const h1 = clean(by.h1[0]?.textContent)
    const tt = clean(by.title[0]?.textContent)
    title = h1 ?? (tt ? tt.split(TITLE_SEPARATOR)[0] : null)
  }

  let published = isoDate(first((o) => o.datePublished))
    ?? isoDate(metaContent(metas, ['article:published_time', 'datePublished', 'og:published_time', 'pubdate', 'publishdate', 'publish-date', 'parsely-pub-date', 'sailthru.date', 'dc.date.issued', 'DC.date.issued', 'dcterms.created', 'date', 'dc.date', 'DC.date', 'article.published', 'cXenseParse:recs:publishtime']))
  if (!published) {
    for (const el of by.time) {
      published = isoDate(el.getAttribute('datetime') ?? el.getAttribute('content') ?? el.textContent)
      if (published) break
    }
  }

  const canonical = resolveUrl(by.canonical[0]?.getAttribute('href') ?? null, pageUrl)
    ?? resolveUrl(metaContent(metas, ['og:url']), pageUrl)
    ?? pageUrl ?? null
  if (!published) published = dateFromUrl(canonical) ?? dateFromUrl(pageUrl)

  let authors: string[] = []
  for (const o of ld) {
    authors = names(o.author ?? o.creator).map((a) => a.trim()).filter(Boolean)
    if (authors.length) break
  }
  if (!authors.length) {
    const m = metaContent(metas, ['author', 'article:author', 'dc.creator', 'DC.creator', 'parsely-author', 'sailthru.author'])
    if (m && !/^https?:/i.test(m)) authors = m.split(/\s*(?:,|;|\band\b)\s*/).filter(Boolean)
  }
  if (!authors.length) {
    for (const el of by.author) {
      const n = clean(el.textContent)
      if (n && n.length < 80 && !authors.includes(n)) authors.push(n)
    }
  }
  authors = [...new Set(authors.map((a) => a.replace(/^by\s+/i, '').trim()).filter((a) => a && a.length < 80))]

  let source = siteName && !siteName.startsWith('@') ? siteName : null
  // Some sites put their URL in og:site_name: the outlet is then its host name.
  if (source && /^(https?:\/\/|www\.)/i.test(source)) source = source.replace(/^https?:\/\//i, '').replace(/^www\./i, '').replace(/\/.*$/, '')
  if (!source && canonical) {
    try {
      source = new URL(canonical).hostname.replace(/^www\./, '')
    } catch {
      // Unparseable canonical URL: the outlet stays unknown.
    }
  }

  const lang = clean(doc.documentElement?.getAttribute?.('lang'))
    ?? metaContent(metas, ['og:locale', 'language', 'content-language', 'dc.language'])
    ?? first((o) => o.inLanguage)
  const language = lang ? (/^([a-z]{2,3})(?:[-_]|$)/i.exec(lang)?.[1].toLowerCase() ?? null) : null

  return { title, published, authors, url: canonical, source, language }
}
