import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'
import type { Removed } from '../core/types.js'
import { blockLines } from './blocks.js'
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
  /** Which method of the cascade produced the text (shown in benchmarks and --explain). */
  method?: string
}

export function extractHtml(html: string, opts: { url?: string } = {}): ExtractedArticle {
  const { document } = parseHTML(html)
  const meta = extractMeta(document, opts.url)
  const removed: Removed[] = []
  preClean(document)
  const reader = new Readability<any>(document as any, { serializer: (el: any) => el })
  const art = reader.parse()
  let lines: string[] = []
  if (art?.content) {
    postCleanDom(art.content, removed)
    lines = cleanLines(blockLines(art.content), removed)
  }
  return { ...meta, text: lines.join('\n'), removed, method: 'readability' }
}
