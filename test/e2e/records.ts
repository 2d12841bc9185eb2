// Article records built by hand for the API and UI tests: they pin what the server and the page
// must do with a stored article, independent of how well the coder reads it.
import { QUAD_OF, type Actor, type ArticleRecord, type EntityType, type Event, type Mention, type PloverType } from '../../src/core/types.js'

function at(text: string, words: string, from = 0): { start: number; end: number } {
  const start = text.indexOf(words, from)
  if (start < 0) throw new Error(`fixture: "${words}" is not in the text`)
  return { start, end: start + words.length }
}

function sentenceOf(text: string, pos: number): { index: number; start: number; end: number } {
  const ends = [...text.matchAll(/[.!?](\s|$)/g)].map((m) => m.index! + 1)
  let start = 0
  for (let i = 0; i < ends.length; i++) {
    if (pos < ends[i]) return { index: i, start, end: ends[i] }
    start = ends[i] + 1
  }
  return { index: ends.length, start, end: text.length }
}

interface Who {
  words: string
  name: string
  country: string | null
  sector?: string | null
  code?: string | null
  type?: EntityType
}

function actor(text: string, w: Who, from: number): Actor {
  return { text: w.words, ...at(text, w.words, from), name: w.name, country: w.country, sector: w.sector ?? null, code: w.code ?? null }
}

function mention(text: string, w: Who, from = 0): Mention {
  const a = actor(text, w, from)
  return { ...a, type: w.type ?? 'person', sentence: sentenceOf(text, a.start).index, origin: 'test-fixture', acts: true }
}

export function makeRecord(opts: {
  id: string
  text: string
  title?: string | null
  url?: string | null
  published?: string | null
  source?: string | null
  mentions: Who[]
  events: { type: PloverType; trigger: string; actor: Who[]; recipient: Who[]; place?: { words: string; name: string; country: string; lat: number; lon: number }; date?: string | null }[]
}): ArticleRecord {
  const { text } = opts
  const events: Event[] = opts.events.map((e, i) => {
    const trig = at(text, e.trigger)
    const s = sentenceOf(text, trig.start)
    return {
      id: `${opts.id}-e${i}`,
      type: e.type,
      mode: null,
      context: [],
      actor: e.actor.map((w) => actor(text, w, s.start)),
      recipient: e.recipient.map((w) => actor(text, w, s.start)),
      polarity: 'asserted',
      date: e.date ?? null,
      date_text: null,
      location: e.place ? { text: e.place.words, name: e.place.name, country: e.place.country, lat: e.place.lat, lon: e.place.lon } : null,
      reported_by: null,
      quad: QUAD_OF[e.type],
      sentence: s,
      trigger: { text: e.trigger, ...trig },
      explanation: `test fixture: verb "${e.trigger}" → ${e.type}`,
    }
  })
  return {
    id: opts.id,
    title: opts.title ?? null,
    url: opts.url ?? null,
    published: opts.published ?? null,
    source: opts.source ?? null,
    language: 'en',
    text,
    removed: [],
    entities: opts.mentions.map((w) => mention(text, w)),
    dates: [],
    events,
    quotes: [],
    warnings: [],
  }
}

const KANI: Who = { words: 'Ali Bagheri Kani', name: 'Ali Bagheri Kani', country: 'IRN', sector: 'GOV', code: 'IRNGOV' }
const HAMAS: Who = { words: 'Hamas', name: 'Hamas', country: 'PSE', sector: 'REB', code: 'PSEREB', type: 'organization' }
const RUSSIA: Who = { words: 'Russia', name: 'Russia', country: 'RUS', code: 'RUS', type: 'country' }
const UKRAINE: Who = { words: 'Ukraine', name: 'Ukraine', country: 'UKR', code: 'UKR', type: 'country' }

/** A short stand-in for the seed article: talks in Moscow, and Russia against Ukraine. */
export function talksRecord(): ArticleRecord {
  const text =
    'Ali Bagheri Kani held discussions with Hamas representatives in Moscow on Thursday.\n' +
    'Russia attacked Ukraine with drones, officials in Kyiv said.'
  return makeRecord({
    id: 'fixture-talks',
    text,
    title: 'Talks in Moscow',
    url: 'https://example.org/talks',
    published: '2023-10-27',
    source: 'Example News',
    mentions: [KANI, HAMAS, { words: 'Moscow', name: 'Moscow', country: 'RUS', type: 'place' }, RUSSIA, UKRAINE],
    events: [
      { type: 'CONSULT', trigger: 'held discussions', actor: [KANI], recipient: [HAMAS], place: { words: 'Moscow', name: 'Moscow', country: 'RUS', lat: 55.75, lon: 37.62 }, date: '2023-10-26' },
      { type: 'ASSAULT', trigger: 'attacked', actor: [RUSSIA], recipient: [UKRAINE], date: '2023-10-27' },
    ],
  })
}

/** Markup in article text and fields: the page must show it as words and never run it. */
export const XSS_MARKER = 'window.__xss'
export function hostileRecord(): ArticleRecord {
  const text =
    'Russia condemned <script>window.__xss=1</script> the plan of Ukraine. ' +
    'Officials shared <img src=x onerror="window.__xss=2"> a photo. ' +
    'Read more at <a href="javascript:window.__xss=3">this link</a> today.'
  return makeRecord({
    id: 'fixture-hostile',
    text,
    title: '<img src=x onerror="window.__xss=4">Hostile <b>title</b>',
    url: 'javascript:window.__xss=5',
    published: '2023-11-02',
    source: '<script>window.__xss=6</script>',
    mentions: [RUSSIA, UKRAINE, { words: '<img src=x onerror="window.__xss=2">', name: '<script>window.__xss=7</script>', country: null, type: 'person' }],
    events: [{ type: 'ACCUSE', trigger: 'condemned <script>window.__xss=1</script>', actor: [RUSSIA], recipient: [UKRAINE], date: '2023-11-01' }],
  })
}
