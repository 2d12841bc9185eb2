import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { CLASS_OF, loadGold, scoreMentions, type GoldArticle } from '../bench/mentions.js'
import { fromRoot } from '../src/core/paths.js'
import type { Mention } from '../src/core/types.js'

// Typed person/organization/place mentions against the hand-annotated VOA articles
// (test/fixtures/voa-annotated). The floor in bench/floors.json only moves up.

const floors = JSON.parse(readFileSync(fromRoot('bench', 'floors.json'), 'utf8')).mentions as { f1: number; untyped_f1: number }
const gold = loadGold()

function asMention(m: { text: string; start: number; end: number; type: Mention['type'] }): Mention {
  return { ...m, name: null, country: null, sector: null, code: null, sentence: 0, origin: 'test', acts: true }
}

test('the gold is intact: at least 10 articles, every offset points at its text', () => {
  assert.ok(gold.length >= 10)
  const heldout = loadGold('gold-heldout.jsonl')
  assert.ok(heldout.length >= 3 && heldout.every((h) => !gold.some((g) => g.id === h.id)), 'held-out articles are not in the development set')
  for (const a of [...gold, ...heldout]) for (const m of a.mentions) assert.equal(a.text.slice(m.start, m.end), m.text, `${a.id} ${m.text}@${m.start}`)
  assert.ok(new Set(gold.map((a) => a.section)).size >= 6, 'varied sections')
})

test('the scorer gives 1 for the gold itself and punishes wrong types and invented names', () => {
  const perfect = scoreMentions(gold, (a: GoldArticle) => ({ text: a.text, entities: a.mentions.map(asMention) }))
  assert.equal(perfect.overall.f1, 1)
  const swapped = scoreMentions(gold, (a) => ({ text: a.text, entities: a.mentions.map((m) => asMention({ ...m, type: CLASS_OF[m.type] === 'person' ? 'place' : m.type })) }))
  assert.ok(swapped.perClass.person.recall === 0 && swapped.untyped.f1 === 1)
  const noisy = scoreMentions(gold, (a) => ({ text: a.text, entities: [...a.mentions.map(asMention), asMention({ text: 'Xx', start: 0, end: 2, type: 'person' })] }))
  assert.ok(noisy.overall.precision < 1 && noisy.overall.recall === 1)
})

test(`newsgraph's mentions stay above the floor (typed F1 >= ${floors.f1}, untyped F1 >= ${floors.untyped_f1})`, () => {
  const s = scoreMentions(gold)
  assert.deepEqual(s.drift, [], 'text cleaning changed annotated articles: re-check the gold offsets')
  assert.ok(s.overall.f1 >= floors.f1, `typed F1 ${s.overall.f1.toFixed(3)} < floor ${floors.f1}`)
  assert.ok(s.untyped.f1 >= floors.untyped_f1, `untyped F1 ${s.untyped.f1.toFixed(3)} < floor ${floors.untyped_f1}`)
})
