// Event coding quality on the PLOVER Gold Standard Records (dev half, test/fixtures/gold).
// The floor in bench/floors.json ("events".gsr_f1) is the measured F1 minus a small margin and
// only moves up; the target (F1 >= 0.60) is asserted (reached: 0.674 on 25 Nov).
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import { fromRoot } from '../src/core/paths.js'
import { QUAD_OF, type Actor, type Event, type PloverType } from '../src/core/types.js'
import { evaluate } from '../src/eval/run.js'
import { eventMatches, normCode, parseGold, score, type GoldRecord } from '../src/eval/score.js'

const floors = JSON.parse(readFileSync(fromRoot('bench', 'floors.json'), 'utf8')).events as { gsr_f1: number; target_f1: number }
const gold = parseGold(readFileSync(fromRoot('test', 'fixtures', 'gold', 'events-dev.jsonl'), 'utf8'), 'events-dev.jsonl')
const gsr = gold.filter((r) => r.origin === 'plover-gsr')

function actor(code: string): Actor {
  return { text: code, start: 0, end: 0, name: null, country: code.slice(0, 3), sector: null, code }
}

function fakeEvent(type: PloverType, source: string[], target: string[]): Event {
  return {
    id: 'x', type, mode: null, context: [], actor: source.map(actor), recipient: target.map(actor), polarity: 'asserted',
    date: null, date_text: null, location: null, reported_by: null, quad: QUAD_OF[type],
    sentence: { index: 0, start: 0, end: 0 }, trigger: { text: '', start: 0, end: 0 }, explanation: '',
  }
}

test('the dev gold is intact: 161 GSR records, one typed event each', () => {
  assert.equal(gsr.length, 161)
  for (const r of gsr) assert.ok(r.events.length === 1 && r.events[0].type, r.id)
})

test('the scorer: gold itself scores 1, wrong types and invented events are punished, codes are normalized', () => {
  const perfect = score(gsr.map((record: GoldRecord) => ({ record, events: record.events.map((g) => fakeEvent(g.type!, g.source, g.target)) })))
  assert.equal(perfect.overall.f1, 1)
  const wrongType = score(gsr.map((record) => ({ record, events: record.events.map((g) => fakeEvent(g.type === 'ASSAULT' ? 'AID' : 'ASSAULT', g.source, g.target)) })))
  assert.equal(wrongType.overall.tp, 0)
  const extra = score(gsr.map((record) => ({ record, events: [...record.events.map((g) => fakeEvent(g.type!, g.source, g.target)), fakeEvent('ASSAULT', ['ZZZ'], [])] })))
  assert.ok(extra.overall.precision < 0.6 && extra.overall.recall === 1)
  const hedged = score(gsr.map((record) => ({ record, events: record.events.map((g) => ({ ...fakeEvent(g.type!, g.source, g.target), polarity: 'hypothetical' as const })) })))
  assert.equal(hedged.overall.tp, 0, 'non-asserted events claim nothing')
  assert.equal(normCode('JAPGOV'), 'JPN')
  assert.equal(normCode('ITL'), 'ITA')
  // Reciprocal gold (every participant in source): "X met Y" coded as actor X, recipient Y matches.
  assert.ok(eventMatches(fakeEvent('CONSULT', ['USAGOV'], ['RUSGOV']), { type: 'CONSULT', source: ['USAGOV', 'RUSGOV'], target: [] }))
  assert.ok(!eventMatches(fakeEvent('CONSULT', ['USAGOV'], ['CHNGOV']), { type: 'CONSULT', source: ['USAGOV', 'RUSGOV'], target: [] }))
})

const s = evaluate(gsr)
const line = `GSR dev: P ${s.overall.precision.toFixed(3)} R ${s.overall.recall.toFixed(3)} F1 ${s.overall.f1.toFixed(3)}`

test(`event coding stays above the floor on the GSR dev records (F1 >= ${floors.gsr_f1}) — ${line}`, () => {
  assert.ok(s.overall.f1 >= floors.gsr_f1, `${line} < floor ${floors.gsr_f1}`)
  // Every PLOVER type that the dev records hold is printed by eval; the common ones must be found at all.
  for (const t of ['CONSULT', 'REJECT', 'THREATEN', 'SANCTION'] as const) assert.ok((s.byType[t]?.tp ?? 0) > 0, `no correct ${t}`)
})

test(`issue target: GSR dev F1 >= ${floors.target_f1} — ${line}`, () => {
  assert.ok(s.overall.f1 >= floors.target_f1, line)
})
