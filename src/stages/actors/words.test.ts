import assert from 'node:assert/strict'
import { test } from 'node:test'
import { WordTable } from './words.js'

/** Reads every space-separated word of `text` through the table; returns the texts the ids stand for. */
function readAll(table: WordTable, byId: string[], text: string): string[] {
  const out: string[] = []
  let start = 0
  for (const w of text.split(' ')) {
    out.push(byId[table.id(text, start, start + w.length)])
    start += w.length + 1
  }
  return out
}

test('the word table gives one id per distinct word, found by the characters in the text', () => {
  const byId: string[] = []
  const table = new WordTable((text, id) => (byId[id] = text), 1000)
  const text = 'Iran’s foreign minister met Iran’s envoy and the envoy of Iran'
  assert.deepEqual(readAll(table, byId, text), text.split(' '))
  assert.equal(table.size, new Set(text.split(' ')).size)
})

test('the word table grows past its first size and starts afresh at its bound, still answering right', () => {
  const words = Array.from({ length: 40_000 }, (_, i) => `word${i}`)
  const text = words.join(' ')
  const byId: string[] = []
  const grown = new WordTable((w, id) => (byId[id] = w), 1_000_000)
  assert.deepEqual(readAll(grown, byId, text), words)
  assert.equal(grown.size, words.length)
  const bounded: string[] = []
  const small = new WordTable((w, id) => (bounded[id] = w), 50)
  assert.deepEqual(readAll(small, bounded, text), words)
  assert.ok(small.size <= 50)
})
