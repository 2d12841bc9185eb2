/**
 * A synthetic database of N events for load tests and the storage benchmark, on either backend:
 *   node dist/bench/generate.js --db sqlite:/tmp/ng-1m.db --events 1000000 [--seed 1]
 * Articles go through Store.putArticle, so every derived table (clusters, dyads, dossiers) is
 * exactly what a real ingest builds. Actors are drawn from a Zipf law like news coverage: a few
 * countries are in a large share of events, so the worst-case queries (the busiest actors) are real.
 */
import { QUAD_OF, PLOVER_TYPES, type Actor, type ArticleRecord, type Event, type Mention } from '../src/core/types.js'
import { contentHash } from '../src/core/hash.js'
import { openStore, type Store } from '../src/storage/store.js'

export interface GenerateOptions {
  db: string
  events: number
  seed?: number
  /** Events per article; with ~8 mentions each this is the shape of real wire copy. */
  eventsPerArticle?: number
  actors?: number
  /** Days the events spread over, ending 2025-12-31. */
  days?: number
  quiet?: boolean
}

/** Zipf exponent for actor popularity: close to 1, as for words and for who appears in news. */
const ZIPF_S = 1.05
/** Articles per transaction while generating. */
const GENERATE_BATCH = 200
const COUNTRIES = ['USA', 'RUS', 'CHN', 'UKR', 'ISR', 'IRN', 'GBR', 'FRA', 'DEU', 'TUR', 'IND', 'PAK', 'SYR', 'IRQ', 'AFG', 'SAU', 'EGY', 'NGA', 'KEN', 'SOM', 'ETH', 'SDN', 'BRA', 'MEX', 'VEN', 'COL', 'JPN', 'KOR', 'PRK', 'TWN', 'PHL', 'IDN', 'MMR', 'LBN', 'YEM', 'LBY', 'MLI', 'NER', 'POL', 'HUN']
const SECTORS = [null, 'GOV', 'MIL', 'REB', 'OPP', 'BUS', 'CVL', 'MED', 'NGO', 'IGO']
const OUTLETS = ['VOA', 'Reuters', 'AP', 'AFP', 'Tass', 'Xinhua', 'Al Jazeera', 'BBC', 'DW', 'IRNA', 'Anadolu', 'Kyodo']

function rng(seed: number) {
  let s = seed >>> 0 || 1
  return () => {
    // xorshift32: fast, reproducible, good enough for drawing test data
    s ^= s << 13
    s >>>= 0
    s ^= s >>> 17
    s ^= s << 5
    s >>>= 0
    return s / 0x1_0000_0000
  }
}

export interface SyntheticActor {
  actor: Actor
  type: Mention['type']
}

export function syntheticActors(n: number, seed = 1): SyntheticActor[] {
  const r = rng(seed * 7919)
  const out: SyntheticActor[] = []
  for (let i = 0; i < n; i++) {
    const country = COUNTRIES[i < COUNTRIES.length ? i : Math.floor(r() * COUNTRIES.length)]
    if (i < COUNTRIES.length) {
      out.push({ actor: { text: country, start: 0, end: 0, name: `Country ${country}`, country, sector: null, code: country }, type: 'country' })
      continue
    }
    const sector = SECTORS[1 + Math.floor(r() * (SECTORS.length - 1))]
    const person = r() < 0.6
    const name = person ? `Person ${i} ${country}` : `${sector} body ${i} of ${country}`
    out.push({ actor: { text: name, start: 0, end: 0, name, country, sector, code: country + sector }, type: person ? 'person' : 'organization' })
  }
  return out
}

/** Cumulative Zipf weights over ranks 1..n. */
function zipf(n: number): Float64Array {
  const c = new Float64Array(n)
  let t = 0
  for (let i = 0; i < n; i++) c[i] = t += 1 / Math.pow(i + 1, ZIPF_S)
  for (let i = 0; i < n; i++) c[i] /= t
  return c
}

function pick(c: Float64Array, x: number): number {
  let lo = 0
  let hi = c.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (c[mid] < x) lo = mid + 1
    else hi = mid
  }
  return lo
}

export function* syntheticArticles(o: GenerateOptions): Generator<ArticleRecord> {
  const per = o.eventsPerArticle ?? 5
  const actors = syntheticActors(o.actors ?? 5000, o.seed ?? 1)
  const cum = zipf(actors.length)
  const r = rng(o.seed ?? 1)
  const days = o.days ?? 5 * 365
  const end = Date.parse('2025-12-31T00:00:00Z')
  const articles = Math.ceil(o.events / per)
  for (let i = 0; i < articles; i++) {
    const day = new Date(end - Math.floor(r() * days) * 86_400_000).toISOString().slice(0, 10)
    const sentences: string[] = []
    const events: Event[] = []
    const entities: Mention[] = []
    let pos = 0
    const id = `syn-${o.seed ?? 1}-${i}`
    const n = Math.min(per, o.events - i * per)
    for (let k = 0; k < n; k++) {
      let a = pick(cum, r())
      let b = pick(cum, r())
      if (b === a) b = (b + 1) % actors.length
      const A = actors[a]
      const B = actors[b]
      const type = PLOVER_TYPES[Math.floor(r() * PLOVER_TYPES.length)]
      const sent = `${A.actor.text} and ${B.actor.text} were reported in a ${type.toLowerCase()} event number ${i}.${k}.`
      const start = pos
      const aAt = { ...A.actor, start, end: start + A.actor.text.length }
      const bStart = start + A.actor.text.length + 5
      const bAt = { ...B.actor, start: bStart, end: bStart + B.actor.text.length }
      entities.push({ ...aAt, type: A.type, sentence: k, origin: 'synthetic', acts: true }, { ...bAt, type: B.type, sentence: k, origin: 'synthetic', acts: true })
      const ts = sent.indexOf(type.toLowerCase())
      events.push({
        id: contentHash(id, k, type),
        type,
        mode: null,
        context: [],
        actor: [aAt],
        recipient: [bAt],
        polarity: r() < 0.9 ? 'asserted' : 'negated',
        date: day,
        date_text: null,
        location: null,
        reported_by: null,
        quad: QUAD_OF[type],
        sentence: { index: k, start, end: start + sent.length },
        trigger: { text: type.toLowerCase(), start: start + ts, end: start + ts + type.length },
        explanation: 'synthetic',
      })
      sentences.push(sent)
      pos += sent.length + 1
    }
    const outlet = OUTLETS[Math.floor(r() * OUTLETS.length)]
    yield { id, title: `Synthetic ${i}`, url: `https://synthetic.example/${i}`, published: day, source: outlet, language: 'en', text: sentences.join(' '), removed: [], entities, dates: [], events, quotes: [], warnings: [] }
  }
}

export async function generate(o: GenerateOptions, store?: Store): Promise<{ articles: number; events: number; seconds: number }> {
  const s = store ?? (await openStore(o.db))
  const t0 = Date.now()
  let articles = 0
  let events = 0
  let last = t0
  try {
    let batch: ArticleRecord[] = []
    const flush = async () => {
      for (const put of await s.putArticles(batch.map((record) => ({ record })))) events += put.events
      articles += batch.length
      batch = []
    }
    for (const rec of syntheticArticles(o)) {
      batch.push(rec)
      if (batch.length < GENERATE_BATCH) continue
      await flush()
      if (!o.quiet && Date.now() - last > 5000) {
        last = Date.now()
        process.stderr.write(`generate: ${events} events, ${(events / ((last - t0) / 1000)).toFixed(0)} events/s\n`)
      }
    }
    await flush()
  } finally {
    if (!store) await s.close()
  }
  return { articles, events, seconds: (Date.now() - t0) / 1000 }
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name)
  return i >= 0 ? process.argv[i + 1] : undefined
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const db = arg('--db')
  const events = Number(arg('--events') ?? 1_000_000)
  if (!db || !Number.isInteger(events) || events <= 0) {
    process.stderr.write('usage: node dist/bench/generate.js --db sqlite:PATH|postgres://... --events N [--seed S]\n')
    process.exit(2)
  }
  const r = await generate({ db, events, seed: Number(arg('--seed') ?? 1) })
  process.stderr.write(`generate: ${r.articles} articles, ${r.events} events in ${r.seconds.toFixed(0)} s → ${db}\n`)
}
