// The HTTP API over a real (in-memory SQLite) store: contract of SPEC.md, errors, limits, token.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { FastifyInstance } from 'fastify'
import type { Coder } from '../src/coder.js'
import { buildServer, MAX_BODY_BYTES } from '../src/server/app.js'
import { openStore, type Store } from '../src/storage/store.js'
import { dropTestSchemas, testPostgresUrl } from '../src/storage/postgres/test-db.js'
import { hostileRecord, talksRecord } from './e2e/records.js'

const schemas: string[] = []
after(() => dropTestSchemas(schemas))

const BACKENDS: [string, () => Promise<Store>, string | false][] = [
  ['sqlite', () => openStore('sqlite::memory:'), false],
  [
    'postgres',
    () => {
      const url = testPostgresUrl()
      schemas.push(url)
      return openStore(url)
    },
    process.env.NEWSGRAPH_NO_POSTGRES ? 'PostgreSQL is not available here (NEWSGRAPH_NO_POSTGRES)' : false,
  ],
]

for (const [backend, open, skip] of BACKENDS) {
  describe(`API over ${backend}`, { skip }, () => {
    let store: Store
    let app: FastifyInstance
    const TOKEN = 'sekrit-token-for-tests'
    let coded = 0
    const fakeCoder = (): Coder =>
      ({
        code: (raw) => {
          coded++
          if (!raw.text || raw.text.trim().length < 5) return { ok: false, input: raw.name, error: 'too short to be an article' }
          return { ok: true, input: raw.name, record: { ...talksRecord(), id: raw.id ?? 'posted', text: raw.text, events: [], entities: [] } }
        },
      }) as Coder

    before(async () => {
      store = await open()
      await store.putArticle(talksRecord())
      await store.putArticle(hostileRecord())
      app = await buildServer({ store, token: TOKEN, coder: fakeCoder, webRoot: null, readsPerMinute: 0, writesPerMinute: 0 })
    })
    after(async () => {
      await app?.close()
      await store?.close()
    })

    function isError(res: { statusCode: number; json(): any; body: string }, status: number, code?: string) {
      assert.equal(res.statusCode, status, res.body)
      const b = res.json()
      assert.equal(typeof b.error?.code, 'string')
      assert.equal(typeof b.error?.message, 'string')
      if (code) assert.equal(b.error.code, code)
      assert.doesNotMatch(res.body, /\bat .*\.(js|ts):\d+/, 'no stack trace in an error body')
    }

    describe('reads', () => {
      test('health reports counts', async () => {
        const res = await app.inject('/api/health')
        assert.equal(res.statusCode, 200)
        assert.equal(res.json().articles, 2)
        assert.equal(res.json().events, 3)
      })

      test('events filter by type and country code, newest first with sentence evidence', async () => {
        const r = (await app.inject('/api/events?type=CONSULT')).json()
        assert.equal(r.items.length, 1)
        assert.equal(r.items[0].location.name, 'Moscow')
        assert.match(r.items[0].sentence_text, /held discussions/)
        const ru = (await app.inject('/api/events?actor=RUS')).json()
        assert.deepEqual(ru.items.map((e: any) => e.type).sort(), ['ACCUSE', 'ASSAULT'])
      })

      test('cursor paging walks every event once', async () => {
        const seen: string[] = []
        let cursor = ''
        for (let i = 0; i < 5; i++) {
          const r = (await app.inject(`/api/events?limit=1${cursor ? `&cursor=${cursor}` : ''}`)).json()
          seen.push(...r.items.map((e: any) => e.id))
          if (!r.next) break
          cursor = encodeURIComponent(r.next)
        }
        assert.equal(seen.length, 3)
        assert.equal(new Set(seen).size, 3)
      })

      test('actors search, dossier, dyad, article', async () => {
        const actors = (await app.inject('/api/actors?q=kani')).json()
        const kani = actors.items.find((a: any) => a.name === 'Ali Bagheri Kani')
        assert.ok(kani, JSON.stringify(actors))
        const d = (await app.inject(`/api/actors/${encodeURIComponent(kani.id)}`)).json()
        assert.equal(d.actor.name, 'Ali Bagheri Kani')
        assert.ok(d.counterparts.some((c: any) => c.name === 'Hamas'))
        const dy = (await app.inject('/api/dyads?a=RUS&b=UKR')).json()
        assert.ok(dy.points.length >= 1)
        assert.ok(dy.events.some((e: any) => e.type === 'ASSAULT'))
        const art = (await app.inject('/api/articles/fixture-talks')).json()
        assert.equal(art.record.text.slice(art.events[0].trigger.start, art.events[0].trigger.end), art.events[0].trigger.text)
      })

      test('graph and places aggregate the filtered events', async () => {
        const g = (await app.inject('/api/graph')).json()
        const edge = g.edges.find((e: any) => e.source === 'russia.rus' && e.target === 'ukraine.ukr')
        assert.ok(edge, JSON.stringify(g.edges))
        assert.equal(edge.weight, 2)
        assert.deepEqual([edge.quads.VERBAL_CONFLICT, edge.quads.MATERIAL_CONFLICT], [1, 1])
        for (const e of g.edges) assert.ok(g.nodes.some((n: any) => n.id === e.source) && g.nodes.some((n: any) => n.id === e.target))
        const p = (await app.inject('/api/places?type=CONSULT')).json()
        assert.deepEqual(p.points.map((x: any) => x.name), ['Moscow'])
      })

      test('stored markup comes back as the same string, never altered into something else', async () => {
        const art = (await app.inject('/api/articles/fixture-hostile')).json()
        assert.equal(art.record.text, hostileRecord().text)
      })
    })

    describe('errors are JSON with the right status', () => {
      test('unknown ids are 404', async () => {
        isError(await app.inject('/api/articles/nope'), 404, 'not_found')
        isError(await app.inject('/api/actors/nope'), 404, 'not_found')
        isError(await app.inject('/api/nothing-here'), 404, 'not_found')
      })
      test('bad parameters are 400 and name the parameter', async () => {
        for (const url of ['/api/events?limit=0', '/api/events?limit=abc', '/api/events?since=2023-02-30', '/api/events?type=HUG', '/api/events?recipent=RUS', '/api/events?cursor=bogus', '/api/dyads?a=RUS', '/api/events?type=CONSULT&type=AID', '/api/events?__proto__=x', '/api/events?constructor=x', `/api/events?q=${'x'.repeat(500)}`]) {
          const res = await app.inject(url)
          isError(res, 400, 'bad_request')
        }
        assert.match((await app.inject('/api/events?recipent=RUS')).json().error.message, /recipent/)
      })
    })

    describe('writes', () => {
      const post = (body: string, headers: Record<string, string> = {}) =>
        app.inject({ method: 'POST', url: '/api/articles', payload: body, headers: { 'content-type': 'application/json', ...headers } })

      test('refused without the token, or with a wrong one, before any coding', async () => {
        const before = coded
        isError(await post(JSON.stringify({ text: 'Russia met Iran.' })), 401, 'unauthorized')
        isError(await post(JSON.stringify({ text: 'Russia met Iran.' }), { authorization: 'Bearer wrong' }), 403, 'forbidden')
        assert.equal(coded, before)
      })
      test('malformed, oversized and unusable bodies are 4xx', async () => {
        const auth = { authorization: `Bearer ${TOKEN}` }
        isError(await post('{"text": ', auth), 400)
        isError(await post('[1,2]', auth), 400, 'bad_request')
        isError(await post(JSON.stringify({ title: 'no text' }), auth), 400, 'bad_request')
        isError(await post(JSON.stringify({ text: 'x', evil: 1 }), auth), 400, 'bad_request')
        isError(await post(JSON.stringify({ text: 'a'.repeat(MAX_BODY_BYTES + 10) }), auth), 413, 'payload_too_large')
        isError(await app.inject({ method: 'POST', url: '/api/articles', payload: 'text', headers: { 'content-type': 'text/plain', ...auth } }), 415)
        isError(await post(JSON.stringify({ text: '   ..   ' }), auth), 422, 'unusable_article')
      })
      test('with the token: stored, then a duplicate', async () => {
        const auth = { authorization: `Bearer ${TOKEN}` }
        const first = await post(JSON.stringify({ id: 'posted-1', text: 'Russia and Iran held talks in Tehran on Monday.' }), auth)
        assert.equal(first.statusCode, 201, first.body)
        assert.equal(first.json().status, 'stored')
        const again = await post(JSON.stringify({ id: 'posted-1', text: 'Russia and Iran held talks in Tehran on Monday.' }), auth)
        assert.equal(again.statusCode, 200)
        assert.equal(again.json().status, 'duplicate')
      })
    })

    test('rate limit answers 429 with Retry-After', async () => {
      const s = await buildServer({ store, webRoot: null, readsPerMinute: 3 })
      try {
        for (let i = 0; i < 3; i++) assert.equal((await s.inject('/api/health')).statusCode, 200)
        const res = await s.inject('/api/health')
        isError(res, 429, 'rate_limited')
        assert.ok(Number(res.headers['retry-after']) > 0)
      } finally {
        await s.close()
      }
    })

    test('the page is served with a script policy that forbids inline script', async () => {
      const s = await buildServer({ store, webRoot: null })
      try {
        const res = await s.inject('/')
        assert.equal(res.statusCode, 200)
        assert.match(String(res.headers['content-security-policy']), /script-src 'self'(;|$)/)
      } finally {
        await s.close()
      }
    })

    test('read answers are reused until a write through the server, which shows at once', async () => {
      const s = await buildServer({ store, webRoot: null, token: TOKEN, coder: fakeCoder, cacheTtlMs: 60_000 })
      try {
        const first = await s.inject('/api/events?type=AGREE')
        assert.equal(first.headers['x-cache'], undefined)
        const again = await s.inject('/api/events?type=AGREE')
        assert.equal(again.headers['x-cache'], 'hit')
        assert.equal(again.body, first.body)
        assert.equal(again.headers['content-type'], 'application/json; charset=utf-8')
        // Errors are never kept.
        await s.inject('/api/events?type=HUG')
        assert.equal((await s.inject('/api/events?type=HUG')).headers['x-cache'], undefined)
        const before = (await s.inject('/api/health')).json().articles
        const post = await s.inject({ method: 'POST', url: '/api/articles', payload: { id: 'cache-check', text: 'Iran and Russia signed an agreement in Tehran.' }, headers: { authorization: `Bearer ${TOKEN}` } })
        assert.equal(post.statusCode, 201, post.body)
        assert.equal((await s.inject('/api/health')).json().articles, before + 1)
        assert.equal((await s.inject('/api/events?type=AGREE')).headers['x-cache'], undefined, 'cache cleared by the write')
      } finally {
        await s.close()
      }
    })
  })
}
