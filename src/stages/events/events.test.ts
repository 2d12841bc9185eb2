// The event coder on hand-built Docs: real tokens from the segmenter, mentions written by hand (so
// these tests do not depend on the actor stage), one rule per test.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createPipeline, newDoc } from '../../core/pipeline.js'
import type { Doc, EntityType, Event, Mention } from '../../core/types.js'
import { createSegmenter } from '../segmenter/segmenter.js'
import { createQuotes } from '../quotes/quotes.js'
import { createEvents, MAX_EVENTS_PER_SENTENCE } from './events.js'

interface Spec { country: string | null; type?: EntityType; sector?: string | null; role?: Mention['role']; acts?: boolean; name?: string }

const segment = createPipeline([createSegmenter()])
const events = createEvents()
const quotes = createQuotes()

/** Tags every occurrence of each phrase as a mention (longest phrases first, no overlaps). */
function code(text: string, actors: Record<string, Spec>): Doc {
  const doc = segment(newDoc({ id: 't', text, published: '2024-05-10' }))
  const taken = new Uint8Array(text.length)
  const phrases = Object.keys(actors).sort((a, b) => b.length - a.length)
  for (const p of phrases) {
    const spec = actors[p]
    let at = text.indexOf(p)
    while (at >= 0) {
      const end = at + p.length
      if (!taken.subarray(at, end).some(Boolean)) {
        taken.fill(1, at, end)
        const s = doc.sentences.find((x) => x.start <= at && x.end >= end)
        doc.mentions.push({
          text: p, start: at, end, name: spec.name ?? p, country: spec.country, sector: spec.sector ?? null,
          code: spec.country ? spec.country + (spec.sector ?? '') : spec.sector ?? null,
          type: spec.type ?? 'country', sentence: s?.index ?? 0, origin: 'test', acts: spec.acts ?? true, role: spec.role ?? 'actor',
          ...(spec.type === 'place' ? { place: { text: p, name: p, country: spec.country, lat: null, lon: null } } : {}),
        })
      }
      at = text.indexOf(p, end)
    }
  }
  doc.mentions.sort((a, b) => a.start - b.start)
  events.run(doc)
  quotes.run(doc)
  return doc
}

const C = (country: string, extra: Partial<Spec> = {}): Spec => ({ country, ...extra })
const who = (xs: { country: string | null }[]) => xs.map((a) => a.country).join('+')
const brief = (e: Event) => `${e.type} ${who(e.actor)}>${who(e.recipient)} ${e.polarity}`
const briefs = (d: Doc) => d.events.map(brief)

test('subject and object of a dictionary verb', () => {
  const d = code('Israel attacked Hamas positions in Gaza on Tuesday.', { Israel: C('ISR'), Hamas: C('PSE', { type: 'organization' }), Gaza: C('PSE', { type: 'place', role: 'place', acts: false }) })
  assert.deepEqual(briefs(d), ['ASSAULT ISR>PSE asserted'])
  assert.equal(d.events[0].location?.name, 'Gaza')
  assert.ok(d.events[0].explanation.includes('cameo-2.0.json:'), 'explanation names the dictionary line')
})

test('passive voice: "was attacked by"', () => {
  const d = code('A Ukrainian convoy was attacked by Russian forces near Kharkiv.', { Ukrainian: C('UKR'), 'Russian forces': C('RUS', { sector: 'MIL', type: 'organization' }) })
  assert.deepEqual(briefs(d), ['ASSAULT RUS>UKR asserted'])
})

test('coordination: "Hamas and Iran" are one compound actor', () => {
  const d = code('Hamas and Iran condemned Israel on Sunday.', { Hamas: C('PSE', { type: 'organization' }), Iran: C('IRN'), Israel: C('ISR') })
  assert.deepEqual(briefs(d), ['ACCUSE PSE+IRN>ISR asserted'])
})

test('appositive: the subject is the head, not the name inside the apposition', () => {
  const d = code('Dmitry Peskov, a spokesman for President Vladimir Putin, condemned Ukraine.', {
    'Dmitry Peskov': C('RUS', { type: 'person', sector: 'GOV' }), 'President Vladimir Putin': C('RUS', { type: 'person', sector: 'GOV', name: 'Vladimir Putin' }), Ukraine: C('UKR'),
  })
  assert.equal(d.events.length, 1)
  assert.equal(d.events[0].actor[0].name, 'Dmitry Peskov')
})

test('relative clause: the antecedent is the actor; a present-tense relative clause is background', () => {
  const actors = { Russia: C('RUS'), Iran: C('IRN'), Hamas: C('PSE', { type: 'organization' }) }
  const d = code('Russia criticized Iran, which sent weapons to Hamas.', actors)
  const aid = d.events.find((e) => e.type === 'AID')
  assert.ok(aid, briefs(d).join('; '))
  assert.equal(who(aid.actor), 'IRN')
  assert.equal(who(aid.recipient), 'PSE')
  const bg = code('Russia criticized Iran, which supports Hamas.', actors)
  assert.ok(!bg.events.some((e) => e.type === 'SUPPORT'), briefs(bg).join('; '))
})

test('nominal events: "talks between X and Y" puts both in actor; "the expulsion of"', () => {
  const d = code('Officials confirmed talks between Egypt and Qatar.', { Egypt: C('EGY'), Qatar: C('QAT') })
  assert.deepEqual(briefs(d), ['CONSULT EGY+QAT> asserted'])
  const e = code("Russia's invasion of Ukraine continued.", { Russia: C('RUS'), Ukraine: C('UKR') })
  assert.deepEqual(briefs(e), ['ASSAULT RUS>UKR asserted'])
})

test('reported speech: "X said Y attacked Z" codes Y -> Z, reported by X', () => {
  const d = code('The Kremlin said Ukraine attacked Belgorod with drones.', { Kremlin: C('RUS', { type: 'organization', sector: 'GOV' }), Ukraine: C('UKR'), Belgorod: C('RUS', { type: 'place' }) })
  const e = d.events.find((x) => x.type === 'ASSAULT')
  assert.ok(e, briefs(d).join('; '))
  assert.equal(who(e.actor), 'UKR')
  assert.equal(e.reported_by, 'Kremlin')
})

test('attribution: "according to Tass" and "Tass reported" set reported_by, the outlet is no actor', () => {
  const tass = { country: 'RUS', type: 'organization' as const, sector: 'MED', role: 'media' as const, acts: false }
  const d = code('According to Tass, Iran met with Hamas in Moscow.', { Tass: tass, Iran: C('IRN'), Hamas: C('PSE', { type: 'organization' }), Moscow: C('RUS', { type: 'place', role: 'place', acts: false }) })
  assert.deepEqual(briefs(d), ['CONSULT IRN>PSE asserted'])
  assert.equal(d.events[0].reported_by, 'Tass')
  assert.ok(!d.events[0].actor.some((a) => a.name === 'Tass'))
})

test('polarity: negation, uncertainty, hypotheticals and denial are never asserted', () => {
  const actors = { Israel: C('ISR'), Lebanon: C('LBN'), Iran: C('IRN'), Iraq: C('IRQ') }
  const cases: [string, string][] = [
    ['Israel did not attack Lebanon.', 'negated'],
    ['It is unclear if Israel attacked Lebanon.', 'uncertain'],
    ['It was not immediately clear whether Israel attacked Lebanon.', 'uncertain'],
    ['Israel could attack Lebanon.', 'hypothetical'],
    ['If Israel attacked Lebanon, Iran would respond.', 'hypothetical'],
    ['Israel is expected to attack Lebanon.', 'hypothetical'],
    ['Iran denied that Iraq attacked Israel.', 'negated'],
  ]
  for (const [text, polarity] of cases) {
    const d = code(text, actors)
    const e = d.events.find((x) => x.type === 'ASSAULT')
    assert.ok(e, `${text}: ${briefs(d).join('; ')}`)
    assert.equal(e.polarity, polarity, text)
  }
  const none = code('There was no communication between Israel and Lebanon.', actors)
  assert.ok(none.events.every((e) => e.polarity !== 'asserted'), briefs(none).join('; '))
})

test('PLOVER: a refusal is REJECT, announced future cooperation is AGREE', () => {
  const actors = { Germany: C('DEU'), Ukraine: C('UKR'), Japan: C('JPN'), India: C('IND') }
  assert.deepEqual(briefs(code('Germany refused to send tanks to Ukraine.', actors)), ['REJECT DEU>UKR asserted'])
  const d = code('Japan will provide aid to India.', actors)
  assert.deepEqual(briefs(d), ['AGREE JPN>IND asserted'])
})

test('modern news entries: "held discussions with", "had a meeting with", drones, sanctions', () => {
  const actors = { Iran: C('IRN'), Russia: C('RUS'), Ukraine: C('UKR'), 'European Union': C('IGO', { type: 'organization' }) }
  assert.deepEqual(briefs(code('Iran held discussions with Russia.', actors)), ['CONSULT IRN>RUS asserted'])
  assert.deepEqual(briefs(code('Iran had a meeting with Russia.', actors)), ['CONSULT IRN>RUS asserted'])
  assert.deepEqual(briefs(code('Russia launched drones against Ukraine.', actors)), ['ASSAULT RUS>UKR asserted'])
  assert.deepEqual(briefs(code('The European Union imposed sanctions on Russia.', actors)), ['SANCTION IGO>RUS asserted'])
})

test('fewer false events: no actor, no event; background and non-political stories stay silent', () => {
  assert.deepEqual(briefs(code('Prices attacked new highs on Tuesday.', {})), [])
  const sports = code('Manchester United beat Chelsea 2-1 in the Premier League on Sunday.', { 'Manchester United': { country: 'GBR', type: 'organization' }, Chelsea: { country: 'GBR', type: 'organization' } })
  assert.deepEqual(briefs(sports), [])
  assert.deepEqual(briefs(code('Australia beat Colombia 2-1 on Sunday.', { Australia: C('AUS'), Colombia: C('COL') })), [])
  assert.deepEqual(briefs(code('Police beat Colombia protesters on Sunday.', { Police: C('COL', { sector: 'COP', type: 'organization' }), Colombia: C('COL') })).length, 1)
  const bg = code('Russia is attempting to strike a balance in relations with Iran.', { Russia: C('RUS'), Iran: C('IRN') })
  assert.ok(bg.events.every((e) => e.polarity !== 'asserted'), briefs(bg).join('; '))
})

test('quotes with their speakers in every common order', () => {
  const people = { Putin: C('RUS', { type: 'person', name: 'Vladimir Putin' }), Biden: C('USA', { type: 'person', name: 'Joe Biden' }) }
  const text = '“We will not negotiate,” Putin said. “It is over,” said Biden. Putin said: “We stand firm.” Biden said that “the talks will go on.”'
  const d = code(text, people)
  assert.deepEqual(d.quotes.map((q) => `${q.speaker?.name}: ${q.text.replace(/[,.]$/, '')}`), [
    'Vladimir Putin: We will not negotiate', 'Joe Biden: It is over', 'Vladimir Putin: We stand firm', 'Joe Biden: the talks will go on',
  ])
})

// Not worse than linear: the coder must finish on pathological input; bounded work is asserted
// through the output's structure, never through time.
test('a 5,000-token sentence completes and yields a bounded number of events', () => {
  const text = Array.from({ length: 1250 }, () => 'Russia attacked Ukraine ,').join(' ') + ' and Russia attacked Ukraine.'
  const d = code(text, { Russia: C('RUS'), Ukraine: C('UKR') })
  assert.ok(d.tokens.length >= 5000)
  const perSentence = new Map<number, number>()
  for (const e of d.events) perSentence.set(e.sentence.index, (perSentence.get(e.sentence.index) ?? 0) + 1)
  for (const n of perSentence.values()) assert.ok(n <= MAX_EVENTS_PER_SENTENCE)
  assert.ok(d.events.length > 0)
})

test('deeply nested quotes complete: one outer quote', () => {
  const depth = 3000
  const text = 'Putin said: ' + '“'.repeat(depth) + 'we will win' + '”'.repeat(depth) + '.'
  const d = code(text, { Putin: C('RUS', { type: 'person', name: 'Vladimir Putin' }) })
  assert.equal(d.quotes.length, 1)
  assert.ok(d.quotes[0].text.includes('we will win'))
})

test('10,000 coordinated names complete; every participant of the first sentence piece is an actor', () => {
  const n = 10000
  const names = Array.from({ length: n }, (_, i) => `Land${i}`)
  const text = `Talks between ${names.slice(0, -1).join(', ')} and ${names[n - 1]} opened in Geneva.`
  const actors: Record<string, Spec> = {}
  for (const x of names) actors[x] = C('XXX')
  // Hand-building 10,000 mentions by text search would be quadratic in the test itself: place them by offset.
  const doc = segment(newDoc({ id: 't', text, published: '2024-05-10' }))
  let at = text.indexOf('Land0')
  for (const x of names) {
    at = text.indexOf(x, at)
    const sentence = doc.sentences.findIndex((s) => s.start <= at && s.end > at)
    doc.mentions.push({ text: x, start: at, end: at + x.length, name: x, country: 'XXX', sector: null, code: 'XXX', type: 'country', sentence, origin: 'test', acts: true, role: 'actor' })
    at += x.length
  }
  events.run(doc)
  // The segmenter cuts a sentence this long into pieces (reported as a warning); the coder must
  // still finish and code the meeting with all the names of the first piece.
  assert.equal(doc.events.length, 1)
  assert.equal(doc.events[0].type, 'CONSULT')
  const first = doc.sentences[0]
  const inFirst = doc.mentions.filter((m) => m.end <= first.end).length
  assert.equal(doc.events[0].actor.length, doc.sentences.length === 1 ? n : inFirst)
  assert.ok(doc.events[0].actor.length > 50)
})

const place = (country: string): Spec => ({ country, type: 'place', role: 'place', acts: false })

test('location: a place phrase of the event\'s own verb phrase is its location', () => {
  const d = code('Iran held talks with Hamas representatives in Moscow on Thursday.', { Iran: C('IRN'), Hamas: C('PSE', { type: 'organization' }), Moscow: place('RUS') })
  assert.equal(d.events[0]?.location?.name, 'Moscow', briefs(d).join('; '))
})

test('location: a place inside an embedded infinitive clause is not the event\'s location', () => {
  const d = code('Israel condemned the decision of Russia to host Hamas leaders in Moscow.', { Israel: C('ISR'), Russia: C('RUS'), Hamas: C('PSE', { type: 'organization' }), Moscow: place('RUS') })
  const e = d.events.find((x) => x.type === 'ACCUSE')
  assert.ok(e, briefs(d).join('; '))
  assert.equal(e.location, null)
  const d2 = code('Russia met with Hamas separately to talk about the release of hostages in Gaza.', { Russia: C('RUS'), Hamas: C('PSE', { type: 'organization' }), Gaza: place('PSE') })
  const m = d2.events.find((x) => x.type === 'CONSULT')
  assert.ok(m, briefs(d2).join('; '))
  assert.equal(m.location, null)
})

test('location: a place modifying an of-object belongs to that noun, not the event', () => {
  const d = code('Egypt demanded the release of prisoners in Israel.', { Egypt: C('EGY'), Israel: place('ISR') })
  for (const e of d.events) assert.equal(e.location, null, brief(e))
})

test('location: a place before the trigger in another clause does not locate it', () => {
  const d = code('After clashes erupted in Gaza, Egypt condemned Israel.', { Egypt: C('EGY'), Israel: C('ISR'), Gaza: place('PSE') })
  const e = d.events.find((x) => x.type === 'ACCUSE')
  assert.ok(e, briefs(d).join('; '))
  assert.equal(e.location, null)
})

test('light-verb idioms are no violence: "strike a balance", "hit a record", "took part"', () => {
  const actors = { Russia: C('RUS'), Iran: C('IRN'), China: C('CHN') }
  assert.deepEqual(briefs(code('Russia is trying to strike a balance in its relations with Iran.', actors)), [])
  assert.deepEqual(briefs(code('China hit a record high in exports to Iran.', actors)), [])
  assert.deepEqual(briefs(code('Russia struck a chord with Iran on Monday.', actors)), [])
  // The literal readings stay events.
  assert.deepEqual(briefs(code('Russia struck targets in Iran on Monday.', actors)).map((b) => b.split(' ')[0]), ['ASSAULT'])
})

test('violence against an abstraction is figurative: "attack on corruption", "battled inflation"', () => {
  const actors = { Kenya: C('KEN'), Argentina: C('ARG') }
  assert.deepEqual(briefs(code('Kenya launched an attack on corruption.', actors)), [])
  assert.deepEqual(briefs(code('Argentina battled inflation on Monday.', actors)), [])
  assert.deepEqual(briefs(code('Kenya launched an attack on Argentina.', actors)), ['ASSAULT KEN>ARG asserted'])
})

test('a made attempt at force is the act (PLOVER "attempt to assassinate"); intent or a modal is not', () => {
  const actors = { Iraq: C('IRQ'), Iran: C('IRN') }
  assert.deepEqual(briefs(code('Iraq attempted to assassinate Iran\'s envoy.', actors)), ['ASSAULT IRQ>IRN asserted'])
  assert.deepEqual(briefs(code('Iraq is attempting to attack Iran.', actors)), ['ASSAULT IRQ>IRN hypothetical'])
  assert.deepEqual(briefs(code('Iraq would have tried to attack Iran.', actors)), ['ASSAULT IRQ>IRN hypothetical'])
})

test('business actors with no political counterpart make no event', () => {
  const actors = { investors: C('HKG', { sector: 'BUS', type: 'group' }), Japan: C('JPN') }
  assert.deepEqual(briefs(code('Small investors welcomed the deal on Monday.', actors)), [])
  assert.deepEqual(briefs(code('Small investors criticized Japan on Monday.', actors)), ['ACCUSE HKG>JPN asserted'])
})

test('a domestic group acted on by one country\'s state agents is of that country; force on demonstrators is repression (COERCE)', () => {
  const actors = { 'Egyptian police': C('EGY', { sector: 'COP', type: 'organization' }), demonstrators: { country: null, sector: 'OPP', type: 'group' } as Spec, Israel: C('ISR') }
  const d = code('Egyptian police opened fire on demonstrators on Monday.', actors)
  assert.deepEqual(briefs(d), ['COERCE EGY>EGY asserted'])
  // A named foreign recipient keeps its own country, and force on it stays ASSAULT.
  assert.deepEqual(briefs(code('Egyptian police opened fire on Israel on Monday.', actors)), ['ASSAULT EGY>ISR asserted'])
})

test('what is demanded has not happened; opening a border is a material concession (RETREAT)', () => {
  const actors = { Egypt: C('EGY'), Israel: C('ISR'), Gaza: C('PSE') }
  const d = code('Egypt demanded that Israel lift restrictions on Gaza.', actors)
  assert.ok(!d.events.some((e) => e.actor[0]?.country === 'ISR' && e.polarity === 'asserted'), briefs(d).join('; '))
  assert.deepEqual(briefs(code('Egypt reopened the border with Gaza on Monday.', actors)).map((b) => b.split(' ')[0]), ['RETREAT'])
})

test('a demand noun with a subjunctive that-clause is a REQUEST to its subject; a relative clause is not', () => {
  const actors = { Egypt: C('EGY'), Israel: C('ISR') }
  assert.deepEqual(briefs(code('Egypt repeated its demand today that Israel withdraw its troops.', actors)).filter((b) => b.startsWith('REQUEST')), ['REQUEST EGY>ISR asserted'])
  assert.deepEqual(briefs(code('Egypt discussed the demand that Israel made.', actors)).filter((b) => b.startsWith('REQUEST')), [])
})

test('a participant with no country takes the only country its sentence names', () => {
  const judge: Spec = { country: null, sector: 'JUD', type: 'person' }
  const d = code('Judge Rivera opened investigations against Chilean officials.', { 'Judge Rivera': judge, 'Chilean officials': C('CHL', { sector: 'GOV', type: 'group' }) })
  assert.deepEqual(briefs(d), ['ACCUSE CHL>CHL asserted'])
  // Two countries named: no guess.
  const d2 = code('Judge Rivera opened investigations against Chilean officials and Peru.', { 'Judge Rivera': judge, 'Chilean officials': C('CHL', { sector: 'GOV', type: 'group' }), Peru: C('PER') })
  assert.ok(d2.events.every((e) => e.actor[0].country === null), briefs(d2).join('; '))
})

test('"militants loyal to X" are affiliated with X; a country adjective on a thing ("the Russian language") is no recipient', () => {
  const d = code('Militants loyal to Iraq attacked Kuwait.', { Militants: { country: null, sector: 'REB', type: 'group' }, Iraq: C('IRQ'), Kuwait: C('KWT') })
  assert.ok(d.events.some((e) => e.type === 'ASSAULT' && e.actor[0].country === 'IRQ'), briefs(d).join('; '))
  const d2 = code('Latvia cancelled restrictions on the Russian language.', { Latvia: C('LVA', { sector: 'GOV' }), Russian: C('RUS') })
  assert.ok(d2.events.length > 0 && d2.events.every((e) => e.recipient.length === 0), briefs(d2).join('; '))
})

test('breaking up a demonstration is COERCE; "fail to" is no refusal; a reduced relative clause holds no recipient', () => {
  const actors = { 'Turkish police': C('TUR', { sector: 'COP', type: 'organization' }), Croatia: C('HRV', { sector: 'GOV' }) }
  assert.deepEqual(briefs(code('Turkish police prevented the demonstration on Monday.', actors)), ['COERCE TUR> asserted'])
  assert.ok(!briefs(code('Croatia is failing to uphold property rights.', actors)).some((b) => b.startsWith('REJECT')))
  const d = code('Israel\'s high court opened a hearing into interrogation techniques used against Palestinian detainees.', { 'Israel\'s high court': C('ISR', { sector: 'JUD', type: 'organization' }), 'Palestinian detainees': C('PSE', { sector: 'OPP', type: 'group' }) })
  assert.ok(d.events.length > 0 && d.events.every((e) => e.recipient.length === 0), briefs(d).join('; '))
})

test('a quantity opening the sentence ("Thousands of ...", which wink tags as a proper noun) leads to the subject', () => {
  const d = code('Thousands of Palestinians protested in Gaza on Friday.', { Palestinians: C('PSE', { type: 'group' }), Gaza: C('PSE', { type: 'place', role: 'place', acts: false }) })
  assert.deepEqual(briefs(d), ['PROTEST PSE> asserted'])
})

test('a deadline ("by 2030", "until the end of March") is not when the event happened', () => {
  const text = 'On Monday, Israel vowed to attack Hamas by 2030.'
  const d = code(text, { Israel: C('ISR'), Hamas: C('PSE', { type: 'organization' }) })
  const date = (t: string, iso: string) => ({ text: t, start: text.indexOf(t), end: text.indexOf(t) + t.length, sentence: 0, date: iso, precision: iso.length === 4 ? 'year' as const : 'day' as const })
  d.dates.push(date('On Monday', '2024-05-06'), date('2030', '2030'))
  events.run(d)
  assert.deepEqual(briefs(d), ['THREATEN ISR>PSE asserted'])
  assert.equal(d.events[0].date, '2024-05-06')
  // Without the weekday the deadline is still not taken: the event has no date of its own.
  d.dates.splice(0, 1)
  events.run(d)
  assert.equal(d.events[0].date, null)
})

test('a fronted date without its comma ("On Monday Russia agreed") does not hide the subject', () => {
  const text = 'On Monday Russia agreed to a ceasefire with Ukraine.'
  const d = code(text, { Russia: C('RUS'), Ukraine: C('UKR') })
  // The dates stage's reading of "On Monday", which the subject rule relies on.
  d.dates.push({ text: 'On Monday', start: 0, end: 9, sentence: 0, date: '2024-05-06', precision: 'day' })
  events.run(d)
  assert.deepEqual(briefs(d), ['AGREE RUS>UKR asserted'])
  // "On the whole" is no date: the phrase is not skipped.
  assert.deepEqual(briefs(code('On the whole Russia agreed to a ceasefire with Ukraine.', { Russia: C('RUS'), Ukraine: C('UKR') })), [])
})
