// HTML → article: the seed page, metadata, the cascade, charsets and bad pages.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import { createCoder } from '../src/coder.js'
import { fromRoot } from '../src/core/paths.js'
import { InputError } from '../src/core/types.js'
import { decodeHtml, MAX_HTML_BYTES } from '../src/extract/charset.js'
import { extractHtml, extractHtmlBytes } from '../src/extract/html.js'
import { dateFromUrl, isoDate } from '../src/extract/meta.js'
import { scorePage, summarize } from '../src/extract/score.js'

const seedText = readFileSync(fromRoot('test', 'fixtures', 'seed', '000_e9edaf83f6315137.txt'), 'utf8')
const seedLines = seedText.split('\n').map((l) => l.trim()).filter(Boolean)
/** The seed's last six lines are teasers of other stories (test/fixtures/seed/README.md). */
const articleLines = seedLines.slice(0, seedLines.length - 6)
const teaserLines = seedLines.slice(seedLines.length - 6)
const seedPage = readFileSync(fromRoot('test', 'fixtures', 'html', 'seed-news-page.html'), 'utf8')

const para = (n: number, word = 'Officials') => Array.from({ length: n }, (_, i) => `<p>${word} said on Tuesday that talks number ${i} between the two governments would resume next week in Geneva after a pause of several months.</p>`).join('\n')

test('the seed article wrapped in a news page extracts to its paragraphs only', () => {
  const ex = extractHtml(seedPage, { url: 'https://dailymeridian.example/x' })
  assert.deepEqual(ex.text.split('\n'), articleLines)
  for (const t of teaserLines) assert.ok(!ex.text.includes(t.slice(0, 40)), `teaser kept: ${t}`)
  for (const furniture of ['cookie', 'Subscribe', 'More stories', 'Also read', 'Photo: Reuters', 'reader2023', 'All rights reserved', 'Facebook']) {
    assert.ok(!ex.text.includes(furniture), `furniture kept: ${furniture}`)
  }
})

test('the seed page metadata comes from JSON-LD, Open Graph and the canonical link', () => {
  const ex = extractHtml(seedPage)
  assert.equal(ex.title, "Iran's deputy foreign minister meets Hamas delegation in Moscow")
  assert.equal(ex.published, '2023-10-27T09:14:00Z')
  assert.deepEqual(ex.authors, ['Meridian World Desk'])
  assert.equal(ex.url, 'https://dailymeridian.example/world/2023/10/27/iran-hamas-moscow-talks')
  assert.equal(ex.source, 'The Daily Meridian')
  assert.equal(ex.language, 'en')
})

test('the coder turns the seed page into an article record with the page metadata', () => {
  const res = createCoder().code({ name: 'seed-news-page.html', bytes: new Uint8Array(Buffer.from(seedPage)) })
  assert.ok(res.ok, !res.ok ? res.error : '')
  if (!res.ok) return
  assert.equal(res.record.text, articleLines.join('\n'))
  assert.equal(res.record.source, 'The Daily Meridian')
  assert.equal(res.record.published?.slice(0, 10), '2023-10-27')
})

test('dates come from <time>, then from the URL, when meta tags have none', () => {
  const withTime = extractHtml(`<html><body><article><time datetime="2021-03-04">4 March</time>${para(4)}</article></body></html>`)
  assert.equal(withTime.published, '2021-03-04')
  const fromUrl = extractHtml(`<html><body><article>${para(4)}</article></body></html>`, { url: 'https://x.example/news/2019/11/20/story.html' })
  assert.equal(fromUrl.published, '2019-11-20')
  assert.equal(dateFromUrl('https://x.example/a/20231027/b'), '2023-10-27')
  assert.equal(dateFromUrl('https://x.example/a/2023/13/40/b'), null)
  assert.equal(isoDate('not a date'), null)
  assert.equal(fromUrl.source, 'x.example')
})

test('a page Readability cannot read falls back to its paragraphs', () => {
  // Paragraphs scattered in table cells with link-heavy neighbours: Readability finds too little.
  const html = `<html><body><table><tr><td><p>${'Short.'}</p></td></tr></table>${Array.from({ length: 6 }, (_, i) => `<section><p>Ministers from both countries met on Monday in the capital, number ${i}, and agreed to extend the ceasefire for another month.</p></section>`).join('')}</body></html>`
  const ex = extractHtml(html)
  assert.ok(ex.text.split('\n').length >= 6, ex.text)
})

test('malformed HTML still yields the article', () => {
  const ex = extractHtml(`<html><body><div><p>Unclosed <b>bold ${para(5).replace(/<\/p>/g, '')}<div></span></table>`)
  assert.ok(ex.text.includes('talks number 4'), ex.text)
})

test('a page with no article is a clear per-input error from the coder', () => {
  const res = createCoder().code({ name: 'empty.html', html: '<html><body><nav><a href="/">Home</a></nav></body></html>' })
  assert.equal(res.ok, false)
  if (!res.ok) assert.match(res.error, /no article text/)
})

test('a 100 MB page is refused by size before parsing', () => {
  const big = new Uint8Array(100 * 1024 * 1024)
  assert.throws(() => decodeHtml('huge.html', big), (e: unknown) => e instanceof InputError && /too large/.test(e.reason))
  const res = createCoder().code({ name: 'huge.html', bytes: big })
  assert.equal(res.ok, false)
  assert.ok(MAX_HTML_BYTES < big.length)
})

const page = (body: string, head = '') => `<html><head>${head}</head><body><article><p>${body}</p>${para(3)}</article></body></html>`

test('charsets: header, meta and BOM decode windows-1252, ISO-8859-2, UTF-16 and Shift_JIS', () => {
  const cp1252 = Buffer.from(page('Caf\u00e9 \u201cquoted\u201d \u2013 na\u00efve'), 'utf8').toString('utf8')
  // Encode by hand: é=E9, “=93, ”=94, –=96, ï=EF in windows-1252.
  const w = Buffer.from(cp1252.replace('Caf\u00e9 \u201cquoted\u201d \u2013 na\u00efve', 'Caf\xe9 \x93quoted\x94 \x96 na\xefve'), 'latin1')
  assert.match(decodeHtml('a', w, 'text/html; charset=windows-1252').text, /Café “quoted” – naïve/)
  assert.match(decodeHtml('a', w).text, /Café “quoted” – naïve/, 'invalid UTF-8 without a declaration is read as windows-1252')
  const l2 = Buffer.from(page('Zaj\xeac\xb9').replace('<head>', '<head><meta charset="iso-8859-2">'), 'latin1')
  assert.match(decodeHtml('b', l2).text, /Zaję/)
  const u16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(page('Gr\u00fc\u00dfe aus K\u00f6ln'), 'utf16le')])
  assert.match(decodeHtml('c', u16).text, /Grüße aus Köln/)
  const sjis = new Uint8Array([...Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"></head><body><p>'), 0x93, 0xfa, 0x96, 0x7b, ...Buffer.from('</p></body></html>')])
  assert.match(decodeHtml('d', sjis).text, /日本/)
})

test('charsets: a wrong declaration loses to the bytes; invalid bytes never throw', () => {
  const utf8 = Buffer.from(page('Zürich – Genève'), 'utf8')
  assert.match(decodeHtml('a', utf8, 'text/html; charset=iso-8859-1').text, /Zürich – Genève/)
  const latin = Buffer.from(page('Z\xfcrich'), 'latin1')
  assert.match(decodeHtml('b', latin, 'text/html; charset=utf-8').text, /Zürich/)
  const junk = new Uint8Array([...Buffer.from('<html><body><p>'), 0xff, 0xc3, 0x28, 0xa0, 0xa1, 0xf0, 0x28, 0x8c, 0x28, ...Buffer.from('</p></body></html>')])
  assert.doesNotThrow(() => extractHtmlBytes(junk, { contentType: 'text/html; charset=utf-8' }))
  assert.doesNotThrow(() => decodeHtml('c', junk, 'text/html; charset=no-such-charset'))
})

test('the benchmark metric: shingles, glued words and empty output', () => {
  assert.deepEqual(scorePage('a b c d e', 'a b c d e'), { tp: 2, fp: 0, fn: 0, exact: true })
  const glued = scorePage('one two three fourfive six seven eight', 'one two three four five six seven eight')
  assert.ok(glued.tp < 5 && glued.fp > 0 && glued.fn > 0)
  const s = summarize([scorePage('', 'x y z w'), scorePage('x y z w', 'x y z w')])
  assert.equal(s.recall, 0.5)
  assert.equal(s.precision, 1)
})

test('HTML fragments (a JSONL "html" field) keep their text; a page of only links has none', () => {
  assert.equal(extractHtml('<p>The minister resigned on Monday.</p>').text, 'The minister resigned on Monday.')
  assert.equal(extractHtml('<p>One.</p><p>Two sentences here, the second paragraph of a short brief.</p>').text, 'One.\nTwo sentences here, the second paragraph of a short brief.')
  assert.equal(extractHtml('<html><body><nav><a href="/">Home</a></nav><ul><li><a href="/a">Story A is here</a></li><li><a href="/b">Story B is there</a></li></ul></body></html>').text, '')
})

test('a page of unclosed tags nested 20,000 deep is read by the linear method, without recursion', () => {
  const html = '<html><body>' + '<div><span>'.repeat(10_000) + '<p>The minister said talks would resume on Monday in Geneva after a long pause.</p></body></html>'
  const ex = extractHtml(html)
  assert.equal(ex.method, 'paragraphs-deep')
  assert.equal(ex.text, 'The minister said talks would resume on Monday in Geneva after a long pause.')
})
