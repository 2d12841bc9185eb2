import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { loadGoldDates, scoreDates } from '../bench/dates.js'
import { loadGold } from '../bench/mentions.js'
import { fromRoot } from '../src/core/paths.js'
import type { DateMention } from '../src/core/types.js'

// Date expressions against the hand-read dates of VOA development articles
// (test/fixtures/voa-annotated/dates.ann). The floor in bench/floors.json only moves up.

const floors = JSON.parse(readFileSync(fromRoot('bench', 'floors.json'), 'utf8')).dates as { f1: number; end_to_end: number }
const gold = loadGoldDates()

test('the date gold points at its text in the annotated articles', () => {
  const texts = new Map(loadGold().map((a) => [a.id, a.text]))
  assert.ok(gold.size >= 8)
  for (const [id, dates] of gold) for (const d of dates) assert.equal(texts.get(id)?.slice(d.start, d.end), d.text, `${id} ${d.text}`)
})

test('the date scorer counts misses, wrong resolutions and inventions', () => {
  const asPred = (id: string, shift: boolean): DateMention[] =>
    gold.get(id)!.map((d) => ({ ...d, sentence: 0, date: shift ? '1999' : d.date, precision: shift ? 'year' : d.precision }))
  assert.equal(scoreDates((id) => asPred(id, false)).endToEnd, 1)
  const wrong = scoreDates((id) => asPred(id, true))
  assert.equal(wrong.found.f1, 1)
  assert.equal(wrong.resolved, 0)
  const none = scoreDates(() => [])
  assert.equal(none.found.recall, 0)
})

test(`newsgraph's dates stay above the floor (found F1 >= ${floors.f1}, right end to end >= ${floors.end_to_end})`, () => {
  const s = scoreDates()
  assert.ok(s.found.f1 >= floors.f1, `found F1 ${s.found.f1.toFixed(3)}: ${s.errors.join('; ')}`)
  assert.ok(s.endToEnd >= floors.end_to_end, `end to end ${s.endToEnd.toFixed(3)}: ${s.errors.join('; ')}`)
})
