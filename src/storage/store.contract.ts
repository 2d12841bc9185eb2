// The behaviour every Store backend must show. sqlite/sqlite-store.test.ts and
// postgres/postgres-store.test.ts run it; a new backend runs it too.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { contentHash } from '../core/hash.js'
import { QUAD_OF, type Actor, type ArticleRecord, type Event, type Mention, type PloverType } from '../core/types.js'
import type { Store } from './store.js'

export interface ContractOptions {
  /** A fresh, empty store for each test. */
  open(): Promise<Store>
  /** Skip with a reason (e.g. no PostgreSQL on this machine). */
  skip?: string | false
}

/** A hand-built actor: the coder's output shape, so the store is tested without the NLP stages. */
export function actor(text: string, name: string | null, country: string | null, sector: string | null, start = 0): Actor {
  return { text, start, end: start + text.length, name, country, sector, code: country ? country + (sector ?? '') : null }
}

export interface EventSpec {
  type: PloverType
  actor: Actor[]
  recipient: Actor[]
  sentence: string
  trigger: string
  date?: string | null
  polarity?: Event['polarity']
}

/** An article record with the given sentences as its text and events pointing into them. */
export function makeRecord(o: { id?: string; title?: string; source?: string | null; url?: string | null; published?: string | null; sentences: string[]; events?: EventSpec[]; mentions?: Partial<Mention>[] }): ArticleRecord {
  const text = o.sentences.join(' ')
  const starts: number[] = []
  let pos = 0
  for (const s of o.sentences) {
    starts.push(pos)
    pos += s.length + 1
  }
  const id = o.id ?? contentHash(text)
  const entities: Mention[] = []
  for (const m of o.mentions ?? []) {
    const start = text.indexOf(m.text!)
    let sentence = 0
    while (sentence + 1 < starts.length && starts[sentence + 1] <= start) sentence++
    entities.push({ type: 'person', name: null, country: null, sector: null, code: null, origin: 'test', acts: true, ...m, text: m.text!, start, end: start + m.text!.length, sentence } as Mention)
  }
  const events: Event[] = (o.events ?? []).map((e) => {
    const si = o.sentences.indexOf(e.sentence)
    assert.ok(si >= 0, `event sentence not in the article: ${e.sentence}`)
    const ts = text.indexOf(e.trigger, starts[si])
    const ev: Event = {
      id: contentHash(id, si, e.type, e.actor.map((a) => a.name).join(), e.recipient.map((a) => a.name).join()),
      type: e.type,
      mode: null,
      context: [],
      actor: e.actor,
      recipient: e.recipient,
      polarity: e.polarity ?? 'asserted',
      date: e.date === undefined ? (o.published ?? null) : e.date,
      date_text: null,
      location: null,
      reported_by: null,
      quad: QUAD_OF[e.type],
      sentence: { index: si, start: starts[si], end: starts[si] + e.sentence.length },
      trigger: { text: e.trigger, start: ts, end: ts + e.trigger.length },
      explanation: 'hand-built for the store contract',
    }
    return ev
  })
  return { id, title: o.title ?? null, url: o.url ?? null, published: o.published ?? null, source: o.source ?? null, language: 'en', text, removed: [], entities, dates: [], events, quotes: [], warnings: [] }
}

export const IRAN = actor('Iran', 'Iran', 'IRN', null)
export const RUSSIA = actor('Russia', 'Russia', 'RUS', null)
export const USA = actor('Washington', 'United States', 'USA', 'GOV')
export const KANI = actor("Iran's deputy foreign minister Ali Bagheri Kani", 'Ali Bagheri Kani', 'IRN', 'GOV')

export function talks(id: string, published: string, source: string, extra = ''): ArticleRecord {
  const s1 = `Iran's deputy foreign minister Ali Bagheri Kani held talks with Russia in Moscow.${extra}`
  return makeRecord({
    id,
    source,
    url: `https://${source.toLowerCase().replace(/\s+/g, '')}.example/${id}`,
    published,
    sentences: [s1, 'Both sides discussed the nuclear file.'],
    events: [{ type: 'CONSULT', actor: [KANI], recipient: [RUSSIA], sentence: s1, trigger: 'held talks' }],
    mentions: [
      { text: "Iran's deputy foreign minister Ali Bagheri Kani", name: 'Ali Bagheri Kani', country: 'IRN', sector: 'GOV', code: 'IRNGOV', type: 'person' },
      { text: 'Russia', name: 'Russia', country: 'RUS', type: 'country', code: 'RUS' },
    ],
  })
}

export function storeContract(name: string, o: ContractOptions): void {
  describe(`Store contract: ${name}`, { skip: o.skip || false }, () => {
    async function withStore(fn: (s: Store) => Promise<void>) {
      const s = await o.open()
      try {
        await fn(s)
      } finally {
        await s.close()
      }
    }

    it('stores an article with its events, mentions and provenance, and gives it back', () =>
      withStore(async (s) => {
        const r = talks('a1', '2023-10-26', 'Tass')
        const put = await s.putArticle(r, { input: 'feed.jsonl:1' })
        assert.deepEqual(put, { status: 'stored', id: 'a1', events: 1 })
        const got = await s.article('a1')
        assert.ok(got)
        assert.equal(got.record.text, r.text)
        assert.deepEqual(got.record.entities, r.entities)
        assert.deepEqual(got.record.events, r.events)
        assert.equal(got.input, 'feed.jsonl:1')
        const ev = got.events[0]
        assert.equal(ev.article_id, 'a1')
        assert.equal(ev.source_url, r.url)
        assert.equal(ev.sentence_text, r.text.slice(r.events[0].sentence.start, r.events[0].sentence.end))
        assert.match(ev.explanation, /hand-built/)
        assert.deepEqual(ev.actor_ids, ['ali-bagheri-kani.irn'])
        assert.equal(await s.article('nope'), null)
      }))

    it('is idempotent by content: the same text twice is stored once, whatever its id', () =>
      withStore(async (s) => {
        const r = talks('a1', '2023-10-26', 'Tass')
        await s.putArticle(r)
        const again = await s.putArticle({ ...r, id: 'other-id' }, { input: 'x.jsonl:2' })
        assert.equal(again.status, 'duplicate')
        assert.equal(again.id, 'a1')
        const h = await s.health()
        assert.equal(h.articles, 1)
        assert.equal(h.events, 1)
        assert.deepEqual([...(await s.seenInputs(['x.jsonl:2', 'x.jsonl:3']))], ['x.jsonl:2'])
      }))

    it('clusters one event reported by three outlets, counting mentions, articles and sources', () =>
      withStore(async (s) => {
        await s.putArticle(talks('voa', '2023-10-26', 'VOA'))
        await s.putArticle(talks('tass', '2023-10-26', 'Tass', ' The meeting lasted two hours.'))
        await s.putArticle(talks('irna', '2023-10-26', 'IRNA', ' Officials called it constructive.'))
        // The same outlet again, a day later: a new time bucket, so a new cluster.
        await s.putArticle(talks('irna2', '2023-10-28', 'IRNA', ' Talks resumed.'))
        const page = await s.events({ type: 'CONSULT', limit: 10 })
        assert.equal(page.items.length, 4)
        const c = page.items.find((e) => e.article_id === 'voa')!.cluster
        assert.deepEqual({ m: c.num_mentions, a: c.num_articles, s: c.num_sources }, { m: 3, a: 3, s: 3 })
        assert.equal(page.items.find((e) => e.article_id === 'irna2')!.cluster.num_sources, 1)
        assert.equal((await s.health()).clusters, 2)
      }))

    it('filters events by actor, recipient, country, type, quad, polarity, dates and words, with cursor paging', () =>
      withStore(async (s) => {
        for (let i = 0; i < 7; i++) await s.putArticle(talks(`t${i}`, `2023-10-${String(10 + i).padStart(2, '0')}`, 'VOA', ` Day ${i}.`))
        const s1 = 'Washington accused Iran of supplying drones.'
        await s.putArticle(makeRecord({ id: 'acc', source: 'AP', published: '2023-11-02', sentences: [s1], events: [{ type: 'ACCUSE', actor: [USA], recipient: [IRAN], sentence: s1, trigger: 'accused', polarity: 'uncertain' }] }))
        const ids = async (f: Parameters<Store['events']>[0]) => (await s.events(f)).items.map((e) => e.article_id)
        assert.deepEqual(await ids({ actor: 'USA' }), ['acc'])
        assert.deepEqual(await ids({ actor: 'united-states.usa' }), ['acc'])
        assert.deepEqual(await ids({ actor: 'USAGOV' }), ['acc'])
        assert.deepEqual(await ids({ recipient: 'IRN' }), ['acc'])
        assert.deepEqual(await ids({ actor: 'USA', recipient: 'IRN' }), ['acc'])
        assert.equal((await ids({ country: 'IRN' })).length, 8)
        assert.deepEqual(await ids({ type: 'ACCUSE' }), ['acc'])
        assert.deepEqual(await ids({ quad: 'VERBAL_CONFLICT' }), ['acc'])
        assert.deepEqual(await ids({ polarity: 'uncertain' }), ['acc'])
        assert.deepEqual(await ids({ q: 'drones' }), ['acc'])
        assert.deepEqual(await ids({ q: 'DRONES supplying' }), ['acc'])
        assert.deepEqual(await ids({ since: '2023-10-15', until: '2023-10-16' }), ['t6', 't5'])
        // Paging: newest first, every event exactly once.
        const seen: string[] = []
        let cursor: string | undefined
        do {
          const p = await s.events({ actor: 'ali-bagheri-kani.irn', limit: 3, cursor })
          seen.push(...p.items.map((e) => e.article_id))
          cursor = p.next ?? undefined
        } while (cursor)
        assert.deepEqual(seen, ['t6', 't5', 't4', 't3', 't2', 't1', 't0'])
      }))

    it('pages a country (either side, counted once) and a text search newest first, every event exactly once', () =>
      withStore(async (s) => {
        for (let i = 0; i < 5; i++) await s.putArticle(talks(`t${i}`, `2023-10-${String(10 + i).padStart(2, '0')}`, 'VOA', ` Day ${i}.`))
        // Iran on both sides of one event: a country filter reads both sides and must not show it twice.
        const s1 = 'Iran told its deputy foreign minister Ali Bagheri Kani to hold talks.'
        await s.putArticle(makeRecord({ id: 'both', source: 'AP', published: '2023-10-12', sentences: [s1], events: [{ type: 'CONSULT', actor: [IRAN], recipient: [KANI], sentence: s1, trigger: 'hold talks' }] }))
        const s2 = 'Washington accused Iran of supplying drones.'
        await s.putArticle(makeRecord({ id: 'acc', source: 'AP', published: '2023-10-20', sentences: [s2], events: [{ type: 'ACCUSE', actor: [USA], recipient: [IRAN], sentence: s2, trigger: 'accused' }] }))
        const all = async (f: Parameters<Store['events']>[0]) => {
          const seen: string[] = []
          let cursor: string | undefined
          do {
            const p = await s.events({ ...f, limit: 2, cursor })
            seen.push(...p.items.map((e) => e.article_id))
            cursor = p.next ?? undefined
          } while (cursor)
          return seen
        }
        assert.deepEqual(await all({ country: 'IRN' }), ['acc', 't4', 't3', 'both', 't2', 't1', 't0'])
        assert.deepEqual(await all({ country: 'IRN', type: 'CONSULT', since: '2023-10-11', until: '2023-10-13' }), ['t3', 'both', 't2', 't1'])
        assert.deepEqual(await all({ q: 'talks' }), ['t4', 't3', 'both', 't2', 't1', 't0'])
        assert.deepEqual(await all({ q: 'talks', country: 'IRN', since: '2023-10-12' }), ['t4', 't3', 'both', 't2'])
        assert.deepEqual(await all({ q: 'drones', country: 'IRN' }), ['acc'])
        assert.deepEqual(await all({ q: 'nothing-like-this' }), [])
      }))

    it('answers actor search, dossier and dyad time series', () =>
      withStore(async (s) => {
        await s.putArticle(talks('a', '2023-10-26', 'VOA'))
        await s.putArticle(talks('b', '2023-11-03', 'Tass', ' Again.'))
        const s1 = 'Russia accused Iran of delays.'
        await s.putArticle(makeRecord({ id: 'c', source: 'AP', published: '2023-11-05', sentences: [s1], events: [{ type: 'ACCUSE', actor: [RUSSIA], recipient: [IRAN], sentence: s1, trigger: 'accused' }] }))
        const found = await s.actors({ q: 'bagheri' })
        assert.deepEqual(found.items.map((a) => a.id), ['ali-bagheri-kani.irn'])
        const d = await s.actor('ali-bagheri-kani.irn')
        assert.ok(d)
        assert.equal(d.actor.country, 'IRN')
        assert.equal(d.actor.first_seen, '2023-10-26')
        assert.equal(d.actor.last_seen, '2023-11-03')
        assert.deepEqual(d.event_types, [{ type: 'CONSULT', as_actor: 2, as_recipient: 0 }])
        assert.deepEqual(d.counterparts.map((c) => [c.actor_id, c.as_actor]), [['russia.rus', 2]])
        assert.deepEqual(d.roles.map((r) => r.title), ['deputy foreign minister'])
        assert.equal(d.timeline.length, 2)
        assert.equal(d.evidence[0].text, "Iran's deputy foreign minister Ali Bagheri Kani")
        assert.equal(await s.actor('nobody'), null)
        const dy = await s.dyad('IRN', 'RUS', { period: 'month' })
        assert.deepEqual(
          dy.points.map((p) => [p.period, p.verbal_cooperation, p.verbal_conflict, p.a_to_b, p.b_to_a]),
          [['2023-10-01', 1, 0, 1, 0], ['2023-11-01', 1, 1, 1, 1]],
        )
        assert.equal(dy.events.length, 3)
        const known = await s.knownActors()
        assert.ok(known.some((k) => k.name === 'Ali Bagheri Kani' && k.country === 'IRN' && k.aliases.length > 0))
      }))

    it("lets the user's dictionary correct what was learned", () =>
      withStore(async (s) => {
        await s.putArticle(talks('a', '2023-10-26', 'VOA'))
        await s.putDictionaryActors([{ name: 'Ali Bagheri Kani', aliases: ['Bagheri'], type: 'person', country: 'IRN', sector: 'GOV', code: 'IRNGOVDIP' }])
        const d = await s.actor('ali-bagheri-kani.irn')
        assert.equal(d?.actor.code, 'IRNGOVDIP')
        assert.equal(d?.actor.origin, 'dictionary')
        const k = (await s.knownActors()).find((x) => x.id === 'ali-bagheri-kani.irn')
        assert.equal(k?.code, 'IRNGOVDIP')
        // Learning more afterwards does not undo the correction.
        await s.putArticle(talks('b', '2023-10-27', 'VOA', ' More.'))
        assert.equal((await s.actor('ali-bagheri-kani.irn'))?.actor.code, 'IRNGOVDIP')
      }))

    it('streams exports and records failures', () =>
      withStore(async (s) => {
        await s.putArticle(talks('a', '2023-10-26', 'VOA'))
        await s.putArticle(talks('b', '2023-10-27', 'VOA', ' x.'))
        const evs = []
        for await (const e of s.exportEvents()) evs.push(e)
        assert.equal(evs.length, 2)
        const ms = []
        for await (const m of s.exportMentions()) ms.push(m)
        assert.equal(ms.length, 4)
        assert.equal(ms[0].actor_id, 'ali-bagheri-kani.irn')
        const arts = []
        for await (const a of s.exportArticles()) arts.push(a.id)
        assert.deepEqual(arts, ['a', 'b'])
        await s.recordFailure('bad.html', 'no article text found')
        assert.deepEqual((await s.failures()).map((f) => f.input), ['bad.html'])
        assert.equal((await s.health()).failures, 1)
      }))

    it('keeps a transaction all-or-nothing: a failing article leaves no trace', () =>
      withStore(async (s) => {
        const r = talks('a', '2023-10-26', 'VOA')
        // Broken on purpose: an event type the schema rejects (null) fails after the article row is written.
        const bad = { ...r, events: [{ ...r.events[0], type: null as unknown as PloverType }] }
        await assert.rejects(s.putArticle(bad))
        const h = await s.health()
        assert.deepEqual([h.articles, h.events, h.mentions, h.actors, h.clusters], [0, 0, 0, 0, 0])
        assert.equal((await s.putArticle(r)).status, 'stored')
      }))
  })
}
