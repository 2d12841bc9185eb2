// Issue 2, actors and places: the seed article's entities as the analyst's hand reading lists them.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import { createCoder } from '../src/coder.js'
import { fromRoot } from '../src/core/paths.js'
import type { Mention } from '../src/core/types.js'

const dir = fromRoot('test/fixtures/seed')
const expected = JSON.parse(readFileSync(`${dir}/expected.json`, 'utf8'))
const text = readFileSync(`${dir}/${expected.article}`, 'utf8')
const result = createCoder().code({ name: expected.article, text, published: expected.published })
assert.ok(result.ok, 'the seed article codes')
const record = result.record
const ms: Mention[] = record.entities

function byText(t: string): Mention[] {
  return ms.filter((m) => m.text === t || m.text === `the ${t}`)
}

test('every person of the hand reading is found under the canonical name', () => {
  for (const p of expected.entities.people as string[]) {
    assert.ok(ms.some((m) => m.type === 'person' && m.name === p), `person ${p} not found; people: ${JSON.stringify([...new Set(ms.filter((m) => m.type === 'person').map((m) => m.name))])}`)
  }
})

test('"Kani" and "Bogdanov" are the full names with their countries and GOV', () => {
  const kani = byText('Kani')
  assert.ok(kani.length > 0)
  for (const m of kani) assert.deepEqual([m.name, m.country, m.sector], ['Ali Bagheri Kani', 'IRN', 'GOV'])
  const bog = byText('Bogdanov')
  assert.ok(bog.length > 0)
  for (const m of bog) assert.deepEqual([m.name, m.country, m.sector], ['Mikhail Bogdanov', 'RUS', 'GOV'])
  for (const m of ms.filter((x) => x.name === 'Ali Bagheri Kani')) assert.equal(m.country, 'IRN')
  for (const m of ms.filter((x) => x.name === 'Mikhail Bogdanov')) assert.equal(m.country, 'RUS')
})

test('Hamas is an organization of PSE every time', () => {
  const hamas = ms.filter((m) => m.name === 'Hamas')
  assert.ok(hamas.length >= 5)
  for (const m of hamas) assert.deepEqual([m.type, m.country], ['organization', 'PSE'])
})

test('Tass is a media organization and never an actor', () => {
  const tass = ms.filter((m) => m.name === 'Tass')
  assert.ok(tass.length >= 3, `Tass found ${tass.length} times`)
  for (const m of tass) assert.deepEqual([m.type, m.sector, m.role, m.acts], ['organization', 'MED', 'media', false])
  for (const e of record.events) for (const a of [...e.actor, ...e.recipient]) assert.notEqual(a.name, 'Tass')
})

test('every organization of the hand reading is found', () => {
  for (const o of expected.entities.organizations as string[]) {
    assert.ok(ms.some((m) => m.name === o && m.type === 'organization'), `organization ${o} not found`)
  }
  const ifm = ms.find((m) => m.name === 'Israeli Foreign Ministry')!
  assert.deepEqual([ifm.country, ifm.sector], ['ISR', 'GOV'])
})

test('every place of the hand reading is mentioned, with its country', () => {
  for (const p of expected.entities.places as string[]) assert.ok(byText(p).length > 0, `place ${p} not found`)
  const inMoscow = ms.find((m) => m.text === 'Moscow' && m.type === 'place')!
  assert.deepEqual([inMoscow.place?.name, inMoscow.place?.country, inMoscow.acts], ['Moscow', 'RUS', false])
  assert.ok(inMoscow.place?.lat && inMoscow.place?.lon)
  for (const g of byText('Gaza')) assert.equal(g.country, 'PSE')
})

test('the hand reading\'s coreference: capitals acting, the Kremlin, the council', () => {
  const tehran = byText('Tehran')
  assert.ok(tehran.length > 0 && tehran.every((m) => m.country === 'IRN' && m.acts && m.name === 'Iran'))
  assert.ok(byText('Moscow').some((m) => m.acts && m.country === 'RUS' && m.name === 'Russia'), 'Moscow as actor')
  assert.ok(byText('Kyiv').some((m) => m.acts && m.country === 'UKR'), 'Kyiv as actor')
  for (const k of ms.filter((m) => m.name === 'Kremlin')) assert.equal(k.country, 'RUS')
  assert.equal(byText('council')[0]?.name, 'UN Security Council')
})

test('nothing from the removed teasers is an entity', () => {
  for (const m of ms) assert.ok(m.end <= record.text.length)
  assert.ok(!ms.some((m) => /Calcutta|Gukesh|Monali|Chhattisgarh|Salah|Jaipur/.test(m.text)))
})
