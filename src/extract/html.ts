import { parseHTML } from 'linkedom'
import type { Removed } from '../core/types.js'

export interface ExtractedArticle {
  text: string
  title: string | null
  published: string | null
  authors: string[]
  url: string | null
  source: string | null
  language: string | null
  removed: Removed[]
}

/** Placeholder until the extraction cascade lands: block text of <body>, one block per line. */
export function extractHtml(html: string, _opts: { url?: string } = {}): ExtractedArticle {
  const { document } = parseHTML(html)
  for (const el of document.querySelectorAll('script,style,noscript,nav,header,footer')) el.remove()
  const lines: string[] = []
  for (const el of document.querySelectorAll('p,h1,h2,h3,li')) {
    const t = (el.textContent ?? '').replace(/\s+/g, ' ').trim()
    if (t) lines.push(t)
  }
  return { text: lines.join('\n'), title: document.querySelector('title')?.textContent?.trim() || null, published: null, authors: [], url: null, source: null, language: document.documentElement?.getAttribute('lang') || null, removed: [] }
}
