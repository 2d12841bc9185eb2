// The workbench in a real headless Chromium (Debian's, driven by playwright-core), over a database
// made by the real `newsgraph ingest` from the bundled sample corpus plus one hostile article.
// Screenshots go to test-artifacts/ for a person to look at.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { pathToFileURL } from 'node:url'
import type { FastifyInstance } from 'fastify'
import { chromium, type Browser, type Page } from 'playwright-core'
import { fromRoot } from '../../src/core/paths.js'
import { buildServer } from '../../src/server/app.js'
import { openStore, type Store } from '../../src/storage/store.js'
import { hostileRecord, XSS_MARKER } from './records.js'

const CHROMIUM = process.env.NEWSGRAPH_CHROMIUM ?? '/usr/bin/chromium'
const skip = process.env.NEWSGRAPH_NO_CHROMIUM === '1' || !existsSync(CHROMIUM) ? `no Chromium at ${CHROMIUM} (scripts/ensure-chromium.mjs installs it)` : false
const ARTIFACTS = fromRoot('test-artifacts')
/** Generous: two shared cores and a first page that parses a 500 kB bundle. */
const UI_TIMEOUT_MS = 20_000

function newest(dir: string): number {
  let t = 0
  for (const n of readdirSync(dir)) {
    const p = join(dir, n)
    const s = statSync(p)
    t = Math.max(t, s.isDirectory() ? newest(p) : s.mtimeMs)
  }
  return t
}

function ensureWebBuilt(): void {
  const index = fromRoot('web', 'dist', 'index.html')
  if (existsSync(index) && statSync(index).mtimeMs >= newest(fromRoot('web', 'src'))) return
  const r = spawnSync('npm', ['run', 'build:web', '--silent'], { cwd: fromRoot(), stdio: 'inherit' })
  assert.equal(r.status, 0, 'building the web UI failed')
}

describe('workbench in Chromium', { skip, timeout: 300_000 }, () => {
  let dir: string
  let store: Store
  let app: FastifyInstance
  let browser: Browser
  let page: Page
  let base: string
  const pageErrors: string[] = []
  const dialogs: string[] = []

  // Long lists are shot as the first screenful, what a person sees on arrival.
  const shot = (name: string, fullPage = true) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage })
  const open = async (hash: string) => {
    await page.goto(`${base}/${hash}`)
    await page.waitForSelector('.view[aria-busy="false"]', { timeout: UI_TIMEOUT_MS })
  }

  before(async () => {
    ensureWebBuilt()
    mkdirSync(ARTIFACTS, { recursive: true })
    dir = mkdtempSync(join(tmpdir(), 'newsgraph-e2e-'))
    const db = `sqlite:${join(dir, 'e2e.db')}`
    // The same loading npm start does: the real ingest over the VOA sample and the dated seed.
    const start = await import(pathToFileURL(fromRoot('scripts', 'start.mjs')).href)
    assert.equal(start.ingestSample(db, ['--threads', '0']), 0, 'ingesting the sample corpus failed')
    store = await openStore(db)
    await store.putArticle(hostileRecord())
    app = await buildServer({ store, webRoot: fromRoot('web', 'dist'), readsPerMinute: 0 })
    base = (await app.listen({ port: 0, host: '127.0.0.1' })).replace('localhost', '127.0.0.1')
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
    })
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true })
    page = await ctx.newPage()
    page.setDefaultTimeout(UI_TIMEOUT_MS)
    page.on('pageerror', (e) => pageErrors.push(e.message))
    page.on('dialog', (d) => {
      dialogs.push(d.message())
      void d.dismiss()
    })
  })

  after(async () => {
    await browser?.close()
    await app?.close()
    await store?.close()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  test('loads the UI with the event list', async () => {
    await open('')
    assert.equal(await page.textContent('h1'), 'Events')
    assert.ok((await page.locator('table.events tbody tr').count()) > 10)
    await shot('01-events', false)
  })

  test('search "Hamas" by keyboard finds the actor and events mentioning it', async () => {
    await open('')
    await page.keyboard.press('Tab')
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to content')
    await page.locator('#search-q').focus()
    await page.keyboard.type('Hamas')
    await page.keyboard.press('Enter')
    await page.waitForSelector('h1:has-text("Search: Hamas")')
    await page.waitForSelector('.view[aria-busy="false"]')
    assert.ok(await page.locator('.actor-list a', { hasText: /^Hamas$/ }).count())
    assert.ok((await page.locator('table.events tbody tr').count()) > 0)
    await shot('02-search-hamas')
  })

  test('the seed article shows highlighted actors and the CONSULT event in Moscow with its explanation', async () => {
    await page.locator('table.events a[href*="seed-moscow-talks"]').first().click()
    await page.waitForSelector('#article-text mark.mention')
    // npm start's loading gives the seed its publication date, so 'on Thursday' resolves.
    assert.match((await page.textContent('.meta')) ?? '', /2023-10-27/)
    const marks = await page.locator('#article-text mark.mention').allTextContents()
    assert.ok(marks.includes('Hamas'), `mentions: ${marks.slice(0, 20).join(' | ')}`)
    assert.ok(marks.some((m) => /Ali Bagheri Kani/.test(m)))
    const consult = page.locator('.event-button', { hasText: 'CONSULT' }).filter({ hasText: 'in Moscow' }).first()
    await consult.focus()
    await page.keyboard.press('Enter')
    const panel = page.locator('.explain')
    await panel.locator('dd', { hasText: /^Moscow, RUS$/ }).waitFor()
    assert.match((await panel.textContent()) ?? '', /CONSULT[\s\S]*Ali Bagheri Kani[\s\S]*Moscow/)
    assert.match((await panel.textContent()) ?? '', /2023-10-26/, 'Thursday before the 27th')
    assert.equal(await page.locator('.trigger.sel-trigger').count(), 1)
    await shot('03-seed-article')
  })

  test("Ali Bagheri Kani's dossier", async () => {
    await page.locator('.explain a', { hasText: 'Ali Bagheri Kani' }).first().click()
    await page.waitForSelector('h1:has-text("Ali Bagheri Kani")')
    await page.waitForSelector('.view[aria-busy="false"]')
    const facts = (await page.locator('.dossier').textContent()) ?? ''
    assert.match(facts, /IRN/)
    assert.match(facts, /GOV/)
    assert.ok((await page.locator('section:has(#d-cp) table tbody tr').count()) > 0, 'counterparts listed')
    await shot('04-dossier-kani')
  })

  test('the Russia–Ukraine dyad draws its chart and lists its events', async () => {
    await open('#/dyad?a=RUS&b=UKR')
    assert.match((await page.textContent('h1')) ?? '', /Russia – Ukraine|RUS – UKR/)
    assert.ok((await page.locator('svg.chart rect[fill]').count()) > 1, 'bars in the chart')
    assert.ok((await page.locator('table.events tbody tr').count()) > 0)
    await shot('05-dyad-rus-ukr')
  })

  test('the network graph draws and clicks through to a dossier', async () => {
    await open('#/graph')
    await page.waitForSelector('#graph canvas')
    assert.ok((await page.locator('table tbody tr').count()) > 5, 'links listed')
    await shot('06-graph', false)
    await page.locator('table tbody tr td a').first().click()
    await page.waitForURL(/#\/actor\//)
  })

  test('the map shows event locations', async () => {
    await open('#/map')
    assert.ok((await page.locator('svg.map circle.place').count()) > 3)
    await page.locator('table button.linkish', { hasText: 'Moscow' }).first().click()
    await page.locator('.place-detail table.events').waitFor()
    await shot('07-map')
  })

  test('exports the current view as CSV and PLOVER JSONL', async () => {
    await open('#/events?type=CONSULT')
    const rows = await page.locator('table.events tbody tr').count()
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('.export button:has-text("CSV")')])
    const csvText = await streamText(await csv.createReadStream())
    assert.match(csvText, /^id,date,type,quad,/)
    assert.equal(csvText.trim().split('\r\n').length, rows + 1)
    const [jsonl] = await Promise.all([page.waitForEvent('download'), page.click('.export button:has-text("PLOVER JSONL")')])
    const lines = (await streamText(await jsonl.createReadStream())).trim().split('\n').map((l) => JSON.parse(l))
    assert.equal(lines.length, rows)
    assert.ok(lines.every((e) => e.type === 'CONSULT' && typeof e.sentence.start === 'number'))
  })

  test('markup in an article shows as text and never runs', async () => {
    await open('#/article/fixture-hostile')
    await page.locator('.event-button').first().click()
    const text = (await page.textContent('#article-text')) ?? ''
    assert.ok(text.includes('<script>window.__xss=1</script>'), 'the script tag is visible as words')
    assert.ok(text.includes('<img src=x onerror="window.__xss=2">'))
    assert.ok(text.includes('<a href="javascript:window.__xss=3">this link</a>'))
    assert.match((await page.textContent('h1')) ?? '', /<img src=x onerror/)
    await page.locator('.trigger').first().click()
    for (const a of await page.locator('a').all()) {
      const href = (await a.getAttribute('href')) ?? ''
      assert.doesNotMatch(href, /^\s*javascript:/i)
    }
    assert.equal(await page.evaluate(`typeof ${XSS_MARKER}`), 'undefined')
    assert.equal(await page.locator('#main script, #main img, #main iframe').count(), 0)
    assert.deepEqual(dialogs, [])
    await shot('08-hostile-article')
  })

  test('every form control has a label; the page fits 1280 px and a narrow phone screen', async () => {
    for (const [w, hash, name] of [[1280, '#/article/seed-moscow-talks', '09-article-1280'], [390, '#/article/seed-moscow-talks', '10-article-390'], [390, '#/events', '11-events-390'], [390, '#/graph', '13-graph-390'], [390, '#/dyad?a=RUS&b=UKR', '14-dyad-390'], [390, '#/actor/ali-bagheri-kani.irn', '12-dossier-390']] as const) {
      await page.setViewportSize({ width: w, height: 860 })
      await open(hash)
      const unlabelled = await page.evaluate(() =>
        [...document.querySelectorAll('input, select, button')].filter((el) => {
          const e = el as HTMLInputElement
          const named = e.labels?.length || e.getAttribute('aria-label') || e.getAttribute('aria-labelledby') || (e.tagName === 'BUTTON' && e.textContent?.trim())
          return !named
        }).map((e) => e.outerHTML.slice(0, 80)),
      )
      assert.deepEqual(unlabelled, [], `unlabelled controls at ${hash}`)
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
      assert.ok(overflow <= 1, `${hash} at ${w}px scrolls sideways by ${overflow}px`)
      await shot(name, !/events|graph/.test(name))
    }
  })

  test('no script errors on any page', () => {
    assert.deepEqual(pageErrors, [])
  })
})

async function streamText(s: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = []
  for await (const c of s) chunks.push(Buffer.from(c as Buffer))
  return Buffer.concat(chunks).toString('utf8')
}
