import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { createCoder } from '../src/coder.js'
import { fromRoot } from '../src/core/paths.js'

// The seed article (test/fixtures/seed) read with --published 2023-10-27, checked against the
// hand reading in expected.json: boilerplate paragraphs and the two relative dates it names.
const file = fromRoot('test', 'fixtures', 'seed', '000_e9edaf83f6315137.txt')
const raw = readFileSync(file, 'utf8')
const expected = JSON.parse(readFileSync(fromRoot('test', 'fixtures', 'seed', 'expected.json'), 'utf8'))
const lines = raw.split('\n').map((l) => l.trim()).filter((l) => l !== '')
const coder = createCoder({ published: '2023-10-27' })
const result = coder.code({ name: file, text: raw })
assert.ok(result.ok, 'the seed article codes')
const record = result.record

test('seed: exactly the six teaser lines are removed, each as a teaser', () => {
  const boiler: number[] = expected.boilerplate_paragraphs
  assert.equal(boiler.length, 6)
  assert.deepEqual(record.removed.map((r) => r.text), boiler.map((i) => lines[i]))
  for (const r of record.removed) assert.equal(r.reason, 'teaser')
})

test('seed: every article paragraph is kept, whole and in order', () => {
  const boiler = new Set<number>(expected.boilerplate_paragraphs)
  const article = lines.filter((_, i) => !boiler.has(i))
  assert.equal(article.length, 11)
  assert.deepEqual(record.text.split('\n'), article)
})

test('seed: "on Thursday" is 2023-10-26 and "earlier this month" is the month 2023-10', () => {
  const thursdays = record.dates.filter((d) => /thursday/i.test(d.text))
  assert.equal(thursdays.length, 3, 'three mentions of Thursday in the article')
  for (const d of thursdays) {
    assert.equal(d.text, 'on Thursday')
    assert.equal(record.text.slice(d.start, d.end), d.text)
    assert.deepEqual([d.date, d.precision], ['2023-10-26', 'day'])
  }
  const month = record.dates.find((d) => /this month/.test(d.text))
  assert.ok(month, 'a date for "earlier this month"')
  assert.deepEqual([month.text, month.date, month.precision], ['earlier this month', '2023-10', 'month'])
  const friday = record.dates.find((d) => /friday/i.test(d.text))
  assert.equal(friday?.date, '2023-10-27', 'Tass reported on the day of publication')
})

test('seed: the published date comes from --published when the input has none, and the text is English', () => {
  assert.equal(record.published, '2023-10-27')
  assert.equal(record.language, 'en')
  assert.deepEqual(record.warnings.filter((w) => /language/.test(w)), [])
})
