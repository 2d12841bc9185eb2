/**
 * Article-extraction quality and speed: newsgraph's extractor beside plain Readability+linkedom,
 * on the dev half of the scrapinghub article-extraction benchmark (bench/data/article-extraction).
 */
import { Readability } from '@mozilla/readability'
import { createWriteStream, existsSync, readFileSync, statSync } from 'node:fs'
import { WARCRecord, WARCSerializer } from 'warcio'
import { extractHtmlBytes } from '../src/extract/html.js'
import { readWarc } from '../src/sources/warc.js'
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

/**
 * Both extractors page by page, alternating which goes first, each timed on its own: on a shared
 * machine whose load changes from second to second, the two speeds then see the same conditions.
 */
export function measurePair(pages: BenchPage[], a: (html: string, url: string) => string, b: (html: string, url: string) => string): [Measured, Measured] {
  const outA: string[] = [], outB: string[] = []
  let tA = 0n, tB = 0n
  pages.forEach((p, i) => {
    const runA = () => {
      const t = process.hrtime.bigint()
      outA.push(a(p.html, p.url))
      tA += process.hrtime.bigint() - t
    }
    const runB = () => {
      const t = process.hrtime.bigint()
      outB.push(b(p.html, p.url))
      tB += process.hrtime.bigint() - t
    }
    if (i % 2) { runB(); runA() } else { runA(); runB() }
  })
  const done = (outs: string[], t: bigint): Measured => {
    const perPage = pages.map((p, i) => scorePage(outs[i], p.truth))
    return { summary: summarize(perPage), perPage, outputs: outs, pagesPerSecond: pages.length / (Number(t) / 1e9) }
  }
  return [done(outA, tA), done(outB, tB)]
}

function line(name: string, m: Measured): string {
  const s = m.summary
  return `${name.padEnd(24)} F1 ${s.f1.toFixed(4)}  P ${s.precision.toFixed(4)}  R ${s.recall.toFixed(4)}  exact ${(s.accuracy * 100).toFixed(1)}%  ${m.pagesPerSecond.toFixed(1)} pages/s`
}

/** Size of the synthetic crawl file: one CC-NEWS WARC is about 1 GiB. */
const SYNTHETIC_WARC_BYTES = 1 << 30

/**
 * Writes a CC-NEWS-like WARC.gz (gzip per record) of about `bytes` from the benchmark pages:
 * each page as an HTML response, with a request record and a PDF response between them.
 */
export async function makeWarc(path: string, bytes: number, pages: BenchPage[]): Promise<void> {
  const rec = (url: string, type: 'response' | 'request', ct: string, body: Uint8Array) =>
    WARCSerializer.serialize(
      WARCRecord.create({ url, type, warcVersion: 'WARC/1.1', httpHeaders: type === 'request' ? undefined : { 'Content-Type': ct }, statusline: type === 'request' ? 'GET / HTTP/1.1' : 'HTTP/1.1 200 OK' }, [body]),
      { gzip: true },
    )
  const block: Uint8Array[] = []
  for (const p of pages) {
    block.push(await rec(p.url, 'request', '', new Uint8Array(0)))
    block.push(await rec(p.url, 'response', 'text/html; charset=utf-8', Buffer.from(p.html)))
  }
  block.push(await rec('https://example.org/report.pdf', 'response', 'application/pdf', new Uint8Array(2 << 20).fill(37)))
  const out = createWriteStream(path)
  let written = 0
  while (written < bytes) {
    for (const b of block) {
      if (!out.write(b)) await new Promise<void>((r) => out.once('drain', () => r()))
      written += b.length
    }
  }
  await new Promise<void>((r, j) => out.end((e?: Error) => (e ? j(e) : r())))
}

/** Streams a WARC through the extractor: throughput and peak memory (bounded memory is the point). */
/** Articles extracted in the WARC benchmark's extraction pass: enough for a stable rate, short enough to wait for. */
const WARC_EXTRACT_SAMPLE = 500

export async function streamWarc(path: string, extractLimit = Infinity): Promise<void> {
  const t0 = Date.now()
  let peak = 0
  let articles = 0, failed = 0, records = 0
  const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 200)
  try {
    for await (const d of readWarc(path, { onProgress: (p) => (records = p.records) })) {
      peak = Math.max(peak, process.memoryUsage().rss)
      if (d instanceof Error) {
        failed++
        continue
      }
      if (articles >= extractLimit) continue
      try {
        extractHtmlBytes(d.bytes!, { url: d.url, contentType: d.contentType, name: d.name })
        articles++
      } catch {
        failed++
      }
      if (articles === extractLimit) break
    }
  } finally {
    clearInterval(sample)
  }
  const secs = (Date.now() - t0) / 1000
  const size = statSync(path).size
  const what = extractLimit === 0 ? 'read only (no extraction)' : `extracting the first ${extractLimit} articles`
  process.stdout.write(`warc ${path} [${what}]: ${(size / 1048576).toFixed(0)} MiB, ${records} records, ${articles} articles extracted, ${failed} failed in ${secs.toFixed(1)} s: ${extractLimit === 0 ? `${(records / secs).toFixed(0)} records/s, ${(size / 1048576 / secs).toFixed(1)} MiB/s` : `${(articles / secs).toFixed(1)} articles/s`}, peak RSS ${(peak / 1048576).toFixed(0)} MiB\n`)
}

export async function run(opts: { corpus?: string } = {}): Promise<void> {
  if (opts.corpus && /\.warc(\.gz)?$/i.test(opts.corpus)) {
    if (!existsSync(opts.corpus)) {
      process.stdout.write(`building a ${(SYNTHETIC_WARC_BYTES / (1 << 30)).toFixed(0)} GiB WARC.gz from the benchmark pages at ${opts.corpus}\n`)
      await makeWarc(opts.corpus, SYNTHETIC_WARC_BYTES, loadPages())
    }
    // Whole file without extraction: streaming speed and memory; then an extraction sample: articles/s.
    await streamWarc(opts.corpus, 0)
    await streamWarc(opts.corpus, WARC_EXTRACT_SAMPLE)
    return
  }
  const pages = loadPages()
  // One warm-up pass each so JIT and module loading do not favour whichever runs second.
  measure(pages.slice(0, 10), (h) => readabilityOnly(h))
  measure(pages.slice(0, 10), newsgraph)
  const [base, ours] = measurePair(pages, (h) => readabilityOnly(h), newsgraph)
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
