import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import { createCoder } from './coder.js'
import { fromRoot } from './core/paths.js'
import type { RawDocument } from './core/types.js'

const voa = readFileSync(fromRoot('data', 'sample', 'voa_stories.jsonl'), 'utf8').split('\n').filter(Boolean).slice(0, 6).map((l) => JSON.parse(l))
const raws: RawDocument[] = voa.map((r, i) => ({ name: `voa:${i}`, text: r.text, title: r.title, published: r.published }))

test('codeMany codes a batch stage by stage to the same records as coding one by one', () => {
  const one = createCoder()
  const many = createCoder()
  const expected = raws.map((r) => one.code(r))
  const got = many.codeMany(raws)
  assert.deepEqual(got, expected)
  // Not a vacuous comparison: the batch really holds coded events.
  assert.ok(got.every((r) => r.ok) && got.reduce((n, r) => n + (r.ok ? r.record.events.length : 0), 0) > 5)
})

test('codeMany: a bad input and a failing stage cost only their own document', () => {
  const coder = createCoder()
  const batch: RawDocument[] = [raws[0], { name: 'empty.txt', text: '   ' }, raws[1], raws[2]]
  // A stage bug that hits one document only (the third) must not lose the rest of the batch.
  coder.stages.splice(3, 0, { name: 'boom', requires: [], assigns: [], run: (doc) => { if (doc.article.text === raws[1].text) throw new Error('boom') } })
  const res = coder.codeMany(batch)
  assert.equal(res.length, 4)
  assert.deepEqual(res.map((r) => r.ok), [true, false, false, true])
  assert.equal(res[1].input, 'empty.txt')
  assert.match((res[1] as { error: string }).error, /nothing left|empty/)
  assert.match((res[2] as { error: string }).error, /internal error while coding: Error: boom/)
  assert.equal(res[2].input, 'voa:1')
})

test('what the coder read before does not change how it codes an article (wink learns words as it reads)', () => {
  const all: RawDocument[] = readFileSync(fromRoot('data', 'sample', 'voa_stories.jsonl'), 'utf8').split('\n').filter(Boolean)
    .map((l) => JSON.parse(l)).map((r, i) => ({ name: `voa:${i}`, text: r.text, title: r.title, published: r.published }))
  all.push({ name: 'seed', text: readFileSync(fromRoot('data', 'sample', 'seed-moscow-talks.txt'), 'utf8'), published: '2023-10-27' })
  const coder = createCoder()
  // Forward, then backward: every article's second reading comes after all the others were read.
  const forward = all.map((r) => coder.code(r))
  const backward = all.slice().reverse().map((r) => coder.code(r)).reverse()
  for (let i = 0; i < all.length; i++) assert.deepEqual(backward[i], forward[i], `${all[i].name} coded differently on a second reading`)
})
