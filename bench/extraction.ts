/**
 * Article-extraction quality and speed: newsgraph's extractor beside plain Readability+linkedom,
 * on the dev half of the scrapinghub article-extraction benchmark (bench/data/article-extraction).
 */
import { Readability } from '@mozilla/readability'
import { readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import { parseHTML } from 'linkedom'
import { fromRoot } from '../src/core/paths.js'
import { blockLines } from '../src/extract/blocks.js'
import { extractHtml } from '../src/extract/html.js'
import { scorePage, summarize, type PageScore, type Summary } from '../src/extract/score.js'

export interface BenchPage {
  id: string
  url: string
  html: string
  truth: string
}

export function loadPages(): BenchPage[] {
  const dir = fromRoot('bench', 'data', 'article-extraction')
  const truth = JSON.parse(readFileSync(`${dir}/ground-truth.dev.json`, 'utf8')) as Record<string, { articleBody: string; url: string }>
  const ids = readFileSync(`${dir}/dev_ids.txt`, 'utf8').split('\n').map((s) => s.trim()).filter(Boolean)
  return ids.map((id) => ({ id, url: truth[id].url, truth: truth[id].articleBody, html: gunzipSync(readFileSync(`${dir}/html/${id}.html.gz`)).toString('utf8') }))
}

/** The baseline: Readability over linkedom, its content printed one block per line. */
export function readabilityOnly(html: string): string {
  const { document } = parseHTML(html)
  const art = new Readability<any>(document as any, { serializer: (el: any) => el }).parse()
  return art?.content ? blockLines(art.content).join('\n') : ''
}

export function newsgraph(html: string, url: string): string {
  return extractHtml(html, { url }).text
}

export interface Measured {
  summary: Summary
  perPage: PageScore[]
  outputs: string[]
  pagesPerSecond: number
}

export function measure(pages: BenchPage[], fn: (html: string, url: string) => string): Measured {
  const outputs: string[] = []
  const t0 = process.hrtime.bigint()
  for (const p of pages) outputs.push(fn(p.html, p.url))
  const secs = Number(process.hrtime.bigint() - t0) / 1e9
  const perPage = pages.map((p, i) => scorePage(outputs[i], p.truth))
  return { summary: summarize(perPage), perPage, outputs, pagesPerSecond: pages.length / secs }
}

function line(name: string, m: Measured): string {
  const s = m.summary
  return `${name.padEnd(24)} F1 ${s.f1.toFixed(4)}  P ${s.precision.toFixed(4)}  R ${s.recall.toFixed(4)}  exact ${(s.accuracy * 100).toFixed(1)}%  ${m.pagesPerSecond.toFixed(1)} pages/s`
}

export async function run(_opts: unknown = {}): Promise<void> {
  const pages = loadPages()
  // One warm-up pass each so JIT and module loading do not favour whichever runs second.
  measure(pages.slice(0, 10), (h) => readabilityOnly(h))
  measure(pages.slice(0, 10), newsgraph)
  const base = measure(pages, (h) => readabilityOnly(h))
  const ours = measure(pages, newsgraph)
  process.stdout.write(`article-extraction dev half: ${pages.length} pages (scrapinghub benchmark metric)\n`)
  process.stdout.write(line('readability+linkedom', base) + '\n')
  process.stdout.write(line('newsgraph', ours) + '\n')
  process.stdout.write(`slowdown vs readability: ${(base.pagesPerSecond / ours.pagesPerSecond).toFixed(2)}x (limit 1.5x)\n`)
  if (process.env.NEWSGRAPH_BENCH_DETAIL) {
    pages.forEach((p, i) => {
      const a = base.perPage[i], b = ours.perPage[i]
      const f = (s: PageScore) => (s.tp + s.fp ? s.tp / (s.tp + s.fp) : 0).toFixed(2) + '/' + (s.tp + s.fn ? s.tp / (s.tp + s.fn) : 0).toFixed(2)
      process.stdout.write(`${p.id.slice(0, 12)} base ${f(a)} ours ${f(b)} ${p.url}\n`)
    })
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run()
