// Inputs: feeds (RSS, Atom, JSON Feed), WARC.gz written with warcio, http(s) URLs served by a local
// loopback server (redirects, 404, slow, oversized, gzip bomb, wrong charset), globs, bad inputs.
import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { gzipSync } from 'node:zlib'
import { WARCRecord, WARCSerializer } from 'warcio'
import { createCoder } from '../src/coder.js'
import { InputError, type RawDocument } from '../src/core/types.js'
import { parseFeed } from '../src/sources/feeds.js'
import { fetchUrl } from '../src/sources/fetch.js'
import { readSources, type SourceItem, type SourceOptions } from '../src/sources/index.js'
import { watchFeeds } from '../src/sources/watch.js'

const story = (title: string, n = 5) =>
  `<!doctype html><html lang="en"><head><title>${title} | Loopback News</title><meta property="og:site_name" content="Loopback News"></head><body>` +
  `<nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>${title}</h1>` +
  Array.from({ length: n }, (_, i) => `<p>${title}: the foreign minister said on Monday that the two governments would hold talks in Vienna, paragraph ${i + 1}.</p>`).join('') +
  `</article><footer>© Loopback News</footer></body></html>`

const longText = (w: string) => Array.from({ length: 12 }, (_, i) => `${w} sentence ${i + 1} describes what the delegations agreed on in the long meeting.`).join(' ')

let server: Server
let base = ''
let dir = ''
let flakyHits = 0
let lastUserAgent = ''
let feedVersion = 1
let feedRequests = { total: 0, notModified: 0 }

function rss(items: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Loopback News</title><link>${base}/</link><description>Test feed</description>
${items.join('\n')}
</channel></rss>`
}
const rssItem = (id: string, link: string, extra = '') => `<item><title>Story ${id}</title><link>${link}</link><guid isPermaLink="false">${id}</guid><pubDate>Tue, 19 Nov 2019 10:00:00 GMT</pubDate><dc:creator>Ann Writer</dc:creator><description>Teaser of ${id}&#8230;</description>${extra}</item>`

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'newsgraph-sources-'))
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x')
    lastUserAgent = String(req.headers['user-agent'] ?? '')
    const p = url.pathname
    const html = (body: string, ct = 'text/html; charset=utf-8') => {
      res.writeHead(200, { 'content-type': ct })
      res.end(body)
    }
    if (p.startsWith('/page/')) return html(story(`Story ${p.slice(6)}`))
    const redirect = /^\/redirect\/(\d+)$/.exec(p)
    if (redirect) {
      const n = Number(redirect[1])
      res.writeHead(n % 2 ? 301 : 302, { location: n > 0 ? `/redirect/${n - 1}` : '/page/redirected' })
      return res.end()
    }
    if (p === '/loop') {
      res.writeHead(302, { location: '/loop' })
      return res.end()
    }
    if (p === '/slow') {
      const t = setTimeout(() => html(story('Slow')), 5000)
      res.on('close', () => clearTimeout(t))
      return
    }
    if (p === '/big') {
      res.writeHead(200, { 'content-type': 'text/html' })
      const chunk = Buffer.alloc(1024 * 1024, 'a')
      let sent = 0
      const push = () => {
        while (sent < 40 && res.write(chunk)) sent++
        if (sent >= 40) res.end()
        else res.once('drain', push)
      }
      res.on('close', () => (sent = 40))
      return push()
    }
    if (p === '/bomb') {
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' })
      return res.end(bomb)
    }
    if (p === '/gzipped') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' })
      return res.end(gzipSync(story('Gzipped')))
    }
    if (p === '/wrong-charset') {
      // Declared UTF-8, sent as windows-1252: a common misconfiguration.
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      return res.end(Buffer.from(story('Caf\xe9 \x93Zurich\x94 talks'), 'latin1'))
    }
    if (p === '/flaky') {
      if (flakyHits++ === 0) {
        res.writeHead(503)
        return res.end('busy')
      }
      return html(story('Flaky'))
    }
    if (p === '/doc.pdf') {
      res.writeHead(200, { 'content-type': 'application/pdf' })
      return res.end('%PDF-1.4 not a page')
    }
    if (p === '/feed.xml') {
      feedRequests.total++
      const etag = `"v${feedVersion}"`
      if (req.headers['if-none-match'] === etag) {
        feedRequests.notModified++
        res.writeHead(304, { etag })
        return res.end()
      }
      const items = [rssItem('a', `${base}/page/a`), rssItem('b', `${base}/page/b`)]
      if (feedVersion > 1) items.unshift(rssItem('c', `${base}/page/c`))
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag })
      return res.end(rss(items))
    }
    res.writeHead(404, { 'content-type': 'text/plain' })
    res.end('not found')
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  base = `http://127.0.0.1:${(server.address() as any).port}`
})

after(() => {
  server.closeAllConnections()
  server.close()
  rmSync(dir, { recursive: true, force: true })
})

/** 64 MiB of zeros, gzipped to about 64 KiB: decompressing it whole would blow the size cap. */
const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024))

const fast: SourceOptions = { fetch: { perHostDelayMs: 0, retries: 0, backoffMs: 10 } }

async function collect(specs: string[], opts: SourceOptions = fast): Promise<SourceItem[]> {
  const out: SourceItem[] = []
  for await (const it of readSources(specs, opts)) out.push(it)
  return out
}

const docs = (items: SourceItem[]) => items.filter((i): i is RawDocument => !(i instanceof InputError))
const errors = (items: SourceItem[]) => items.filter((i): i is InputError => i instanceof InputError)

test('a URL is fetched, gzip-decoded and extracted; redirects are followed up to the limit', async () => {
  const [doc] = await collect([`${base}/gzipped`])
  assert.ok(!(doc instanceof InputError))
  const res = createCoder().code(doc as RawDocument)
  assert.ok(res.ok && res.record.text.includes('Gzipped: the foreign minister'), JSON.stringify(res))
  assert.ok(res.ok && !res.record.text.includes('Home'))
  assert.match(lastUserAgent, /^newsgraph\/\S+ \(.+\)$/, 'a descriptive User-Agent')
  const [red] = await collect([`${base}/redirect/3`])
  assert.equal((red as RawDocument).url, `${base}/page/redirected`)
  const [loop] = await collect([`${base}/loop`])
  assert.ok(loop instanceof InputError && /too many redirects/.test(loop.reason), String(loop))
})

test('bad URLs each give a clear per-input error and the batch goes on', async () => {
  const closed = createServer()
  await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r))
  const deadPort = (closed.address() as any).port
  await new Promise<void>((r) => closed.close(() => r()))
  const items = await collect(
    [`${base}/missing`, `http://127.0.0.1:${deadPort}/x`, `${base}/slow`, `${base}/big`, `${base}/bomb`, `${base}/doc.pdf`, 'ftp://example.org/x', `${base}/page/ok`],
    // The slow page answers after 5 s; the cap is small so oversized bodies hit it long before the timeout.
    { fetch: { perHostDelayMs: 0, retries: 0, timeoutMs: 2000, maxBytes: 1024 * 1024 } },
  )
  assert.equal(items.length, 8)
  const reasons = items.slice(0, 7).map((e) => (e instanceof InputError ? e.reason : 'not an error'))
  assert.match(reasons[0], /404/)
  assert.match(reasons[1], /connection refused/)
  assert.match(reasons[2], /timed out/)
  assert.match(reasons[3], /too large/)
  assert.match(reasons[4], /too large/)
  assert.match(reasons[5], /not a web page/)
  assert.match(reasons[6], /only http/)
  assert.equal((items[7] as RawDocument).url, `${base}/page/ok`)
  assert.equal((items[0] as InputError).input, `${base}/missing`)
})

test('5xx is retried with backoff', async () => {
  flakyHits = 0
  const f = await fetchUrl(`${base}/flaky`, { perHostDelayMs: 0, retries: 2, backoffMs: 10 })
  assert.equal(f.status, 200)
  assert.equal(flakyHits, 2)
})

test('a page with a wrong charset declaration decodes by its bytes', async () => {
  const [doc] = await collect([`${base}/wrong-charset`])
  const res = createCoder().code(doc as RawDocument)
  assert.ok(res.ok, JSON.stringify(res))
  if (res.ok) assert.match(res.record.text, /Café “Zurich” talks/)
})

test('RSS, Atom and JSON Feed files: full content used, links fetched, feed metadata kept', async () => {
  const rssPath = join(dir, 'news.rss')
  writeFileSync(rssPath, rss([
    rssItem('full', 'https://elsewhere.example/full', `<content:encoded><![CDATA[<p>${longText('Full')}</p><p>${longText('More')}</p>]]></content:encoded>`),
    rssItem('linked', `${base}/page/linked`),
    rssItem('gone', `${base}/missing`),
    rssItem('relative', '/page/relative'),
  ]))
  const atomPath = join(dir, 'news.atom')
  writeFileSync(atomPath, `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Loopback Atom</title><link href="${base}/"/><id>urn:x</id><updated>2019-11-20T00:00:00Z</updated>
<entry><title>Atom one</title><link rel="alternate" href="${base}/page/atom1"/><id>urn:1</id><published>2019-11-20T08:00:00Z</published><updated>2019-11-20T09:00:00Z</updated><author><name>Bo Reporter</name></author><summary>Short</summary></entry>
<entry><title>Atom two</title><link href="https://elsewhere.example/2"/><id>urn:2</id><updated>2019-11-21T08:00:00Z</updated><content type="html">&lt;p&gt;${longText('Atom')}&lt;/p&gt;</content></entry>
</feed>`)
  const jsonPath = join(dir, 'news.json')
  writeFileSync(jsonPath, JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1', title: 'Loopback JSON', items: [
      { id: 'j1', url: `${base}/page/json1`, title: 'JSON one', date_published: '2019-11-22T10:00:00Z', authors: [{ name: 'Cy Editor' }] },
      { id: 'j2', url: 'https://elsewhere.example/j2', title: 'JSON two', content_text: longText('Plain') },
    ],
  }, null, 2))
  const items = await collect([rssPath, atomPath, jsonPath])
  assert.equal(items.length, 8)
  const [full, linked, gone, relative, a1, a2, j1, j2] = items as any[]
  assert.equal(relative.url, `${base}/page/relative`, 'a relative item link resolves against the feed\'s site link')
  assert.ok(full.html.includes('Full sentence 1'))
  assert.equal(full.title, 'Story full')
  assert.equal(full.published, '2019-11-19T10:00:00Z')
  assert.deepEqual(full.authors, ['Ann Writer'])
  assert.ok(linked.bytes && linked.url === `${base}/page/linked`)
  assert.ok(gone instanceof InputError && /404/.test(gone.reason))
  assert.equal(a1.url, `${base}/page/atom1`)
  assert.equal(a1.published, '2019-11-20T08:00:00Z')
  assert.deepEqual(a1.authors, ['Bo Reporter'])
  assert.ok(a2.html.includes('Atom sentence 1'))
  assert.equal(j1.title, 'JSON one')
  assert.ok(j2.text.includes('Plain sentence 12'))
  const coded = createCoder().code(linked)
  assert.ok(coded.ok && coded.record.title === 'Story linked' && coded.record.published?.startsWith('2019-11-19'))
})

test('a broken feed is one clear error', async () => {
  const p = join(dir, 'broken.rss')
  writeFileSync(p, '<?xml version="1.0"?><rss><channel><item><title>x</title></channel>')
  const items = await collect([p])
  assert.equal(items.length, 1)
  assert.ok(items[0] instanceof InputError)
  assert.throws(() => parseFeed('<html><body>hi</body></html>'), /not an RSS, Atom or JSON feed/)
})

async function warcRecord(url: string, type: 'response' | 'revisit' | 'request', contentType: string, body: string | Uint8Array, extra: Record<string, string> = {}, http: Record<string, string> = {}): Promise<Uint8Array> {
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body
  const rec = WARCRecord.create(
    { url, type, warcVersion: 'WARC/1.1', warcHeaders: extra, httpHeaders: type === 'request' ? undefined : { 'Content-Type': contentType, ...http }, statusline: type === 'request' ? 'GET / HTTP/1.1' : 'HTTP/1.1 200 OK' },
    (async function* () {
      if (type !== 'revisit') yield bytes
    })(),
  )
  return WARCSerializer.serialize(rec, { gzip: true })
}

test('WARC.gz written with warcio: HTML responses read, PDF and revisit skipped, truncated last record reported, resumable', async () => {
  const parts = [
    await warcRecord('https://news.example/a', 'response', 'text/html; charset=utf-8', story('Warc A')),
    await warcRecord('https://news.example/report.pdf', 'response', 'application/pdf', new Uint8Array(200_000).fill(37)),
    await warcRecord('https://news.example/a', 'revisit', 'text/html', '', { 'WARC-Profile': 'http://netpreserve.org/warc/1.1/revisit/identical-payload-digest', 'WARC-Refers-To-Target-URI': 'https://news.example/a' }),
    await warcRecord('https://news.example/b', 'response', 'text/html; charset=windows-1252', Buffer.from(story('Warc B caf\xe9'), 'latin1')),
    await warcRecord('https://news.example/g', 'response', 'text/html; charset=utf-8', gzipSync(story('Warc G')), { }, { 'Content-Encoding': 'gzip' }),
    await warcRecord('https://news.example/bomb', 'response', 'text/html', bomb, {}, { 'Content-Encoding': 'gzip' }),
  ]
  const last = await warcRecord('https://news.example/c', 'response', 'text/html', story('Warc C', 40))
  const path = join(dir, 'crawl.warc.gz')
  writeFileSync(path, Buffer.concat([...parts, last.subarray(0, Math.floor(last.length / 2))]))
  const progress: number[] = []
  const items = await collect([path], { onProgress: (p) => progress.push(p.records) })
  const ds = docs(items)
  assert.equal(ds.length, 3)
  assert.deepEqual(ds.map((d) => d.url), ['https://news.example/a', 'https://news.example/b', 'https://news.example/g'])
  assert.equal(ds[0].name, `${path}@0`)
  const offsetB = parts[0].length + parts[1].length + parts[2].length
  assert.equal(ds[1].name, `${path}@${offsetB}`)
  assert.deepEqual(ds[1].resume, { source: path, offset: offsetB })
  const errs = errors(items)
  assert.equal(errs.length, 2)
  assert.equal(errs[0].input, `${path}@${offsetB + parts[3].length + parts[4].length}`)
  assert.match(errs[0].reason, /too large after gzip decompression/)
  assert.match(errs[1].reason, /truncated/)
  assert.equal(items[items.length - 1], errs[1], 'the truncation error comes after the whole records')
  const g = createCoder().code(ds[2])
  assert.ok(g.ok && g.record.text.includes('Warc G: the foreign minister'), JSON.stringify(g))
  assert.ok(progress.length >= 4)
  const coded = createCoder().code(ds[1])
  assert.ok(coded.ok && coded.record.text.includes('Warc B café'), JSON.stringify(coded))
  // Resume after A: A is not read again.
  const resumed = docs(await collect([path], { resume: { [path]: 0 } }))
  assert.deepEqual(resumed.map((d) => d.url), ['https://news.example/b', 'https://news.example/g'])
  const resumedAfterB = docs(await collect([path], { resume: { [path]: offsetB } }))
  assert.deepEqual(resumedAfterB.map((d) => d.url), ['https://news.example/g'])
})

test('folders and globs expand recursively in a stable order; missing paths are errors', async () => {
  const root = join(dir, 'tree')
  mkdirSync(join(root, 'a', 'b'), { recursive: true })
  writeFileSync(join(root, 'a', 'b', 'two.html'), story('Two'))
  writeFileSync(join(root, 'a', 'one.html'), story('One'))
  writeFileSync(join(root, 'a', 'note.txt'), 'The minister said talks would resume.')
  const globbed = await collect([join(root, '**', '*.html')])
  assert.deepEqual(globbed.map((d) => (d as RawDocument).name), [join(root, 'a', 'b', 'two.html'), join(root, 'a', 'one.html')])
  const folder = await collect([root, join(root, 'nothing-*.html'), join(root, 'absent.html')])
  assert.equal(docs(folder).length, 3)
  assert.deepEqual(errors(folder).map((e) => e.reason), ['no files match this pattern', 'no such file or folder'])
})

test('watching a feed yields only new items, with conditional GET between polls', async () => {
  feedVersion = 1
  feedRequests = { total: 0, notModified: 0 }
  const seen: string[] = []
  let polls = 0
  for await (const item of watchFeeds([`${base}/feed.xml`], {
    intervalMs: 5,
    maxPolls: 3,
    fetch: { perHostDelayMs: 0, retries: 0 },
    onPoll: () => {
      // After the second (unchanged) poll the feed gets a new item.
      if (++polls === 2) feedVersion = 2
    },
  })) {
    assert.ok(!(item instanceof InputError), String(item))
    seen.push((item as RawDocument).url!)
  }
  assert.deepEqual(seen, [`${base}/page/a`, `${base}/page/b`, `${base}/page/c`])
  assert.equal(feedRequests.total, 3)
  assert.equal(feedRequests.notModified, 1)
})
