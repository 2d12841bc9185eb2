import { test } from 'node:test'
import assert from 'node:assert/strict'
import { newDoc } from '../../core/pipeline.js'
import { createSegmenter, splitParagraphs } from './segmenter.js'

function segment(text: string) {
  const doc = newDoc({ id: 't', text })
  createSegmenter().run(doc)
  return doc
}

test('paragraphs come from line breaks and trim surrounding space', () => {
  const text = '  First line.\n\nSecond line.  \nThird.'
  const ps = splitParagraphs(text)
  assert.deepEqual(ps.map((p) => text.slice(p.start, p.end)), ['First line.', 'Second line.', 'Third.'])
})

test('sentences survive abbreviations and never cross a paragraph', () => {
  const text = 'Gen. Smith met Mr. Jones in the U.S. on Feb. 3 to discuss trade. They agreed.\nA new paragraph starts here'
  const doc = segment(text)
  const s = doc.sentences.map((x) => text.slice(x.start, x.end))
  assert.deepEqual(s, ['Gen. Smith met Mr. Jones in the U.S. on Feb. 3 to discuss trade.', 'They agreed.', 'A new paragraph starts here'])
  assert.equal(doc.sentences[2].paragraph, 1)
})

test('token offsets point at the token text and carry POS tags', () => {
  const text = 'Iran’s minister didn’t meet “Hamas” officials…  in Moscow.'
  const doc = segment(text)
  for (const t of doc.tokens) assert.ok(text.slice(t.start, t.end).trim().length > 0)
  const moscow = doc.tokens.find((t) => text.slice(t.start, t.end) === 'Moscow')
  assert.equal(moscow?.pos, 'PROPN')
  const meet = doc.tokens.find((t) => text.slice(t.start, t.end) === 'meet')
  assert.equal(meet?.lemma, 'meet')
})
