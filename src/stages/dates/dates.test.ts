import { test } from 'node:test'
import assert from 'node:assert/strict'
import { newDoc } from '../../core/pipeline.js'
import { createSegmenter } from '../segmenter/segmenter.js'
import { createDates, dateForSpan, referenceDate } from './dates.js'

function read(text: string, published?: string | null) {
  const doc = newDoc({ id: 't', text, published })
  createSegmenter().run(doc)
  createDates().run(doc)
  return doc
}

function only(text: string, published?: string | null) {
  const doc = read(text, published)
  assert.equal(doc.dates.length, 1, `one date in ${JSON.stringify(text)}, got ${JSON.stringify(doc.dates)}`)
  const d = doc.dates[0]
  assert.equal(text.slice(d.start, d.end), d.text)
  return d
}

test('a bare weekday is the most recent one on or before publication (Friday 2023-10-27)', () => {
  assert.equal(only('The talks took place on Thursday in Moscow.', '2023-10-27').date, '2023-10-26')
  assert.equal(only('Tass reported the talks on Friday.', '2023-10-27').date, '2023-10-27')
  assert.equal(only('Protesters gathered on Saturday.', '2023-10-27').date, '2023-10-21')
  assert.equal(only('Protesters gathered on Saturday.', '2023-10-27').precision, 'day')
})

test('a weekday in a sentence about the future points forward', () => {
  assert.equal(only('The ministers will meet on Tuesday.', '2023-10-27').date, '2023-10-31')
})

test('"earlier this month" is the month, "last year" the year, with the modifier in the text', () => {
  const m = only('Putin said earlier this month that Moscow could mediate.', '2023-10-27')
  assert.deepEqual([m.text, m.date, m.precision], ['earlier this month', '2023-10', 'month'])
  const y = only('Exports fell last year.', '2023-10-27')
  assert.deepEqual([y.date, y.precision], ['2022', 'year'])
})

test('a published date-time is read as its calendar day', () => {
  assert.equal(only('He was killed Thursday in an airstrike.', '2025-03-14 20:30:26Z').date, '2025-03-13')
  assert.equal(referenceDate('not a date'), null)
})

test('without a published date relative dates are null, absolute ones still resolve', () => {
  const rel = only('The talks took place on Thursday.', null)
  assert.equal(rel.date, null)
  assert.equal(only('The war began last year.', null).date, null)
  const abs = only('They met on Feb. 3, 2024 in Doha.', null)
  assert.deepEqual([abs.date, abs.precision], ['2024-02-03', 'day'])
  assert.deepEqual([only('Russia invaded in 2022 with tanks.', null).date], ['2022'])
})

test('a month and day without a year lean to the past', () => {
  assert.equal(only('Voting ended on March 14 after a week.', '2023-10-27').date, '2023-03-14')
  assert.equal(only('Hamas attacked Israel on Oct. 7 killing many.', '2023-10-27').date, '2023-10-07')
  assert.equal(only('Elections will be held on March 14.', '2023-10-27').date, '2024-03-14')
})

test('modal "may" and bare times are not dates', () => {
  assert.equal(read('Russia may send troops at 3 p.m. now.', '2023-10-27').dates.length, 0)
})

test('dateForSpan picks the nearest date of the sentence', () => {
  const text = 'Iran met Hamas on Thursday, and Russia met Israel last year.'
  const doc = read(text, '2023-10-27')
  const tok = (w: string) => doc.tokens.findIndex((t) => text.slice(t.start, t.end) === w)
  assert.equal(dateForSpan(doc, 0, tok('Hamas'))?.date, '2023-10-26')
  assert.equal(dateForSpan(doc, 0, tok('Israel'))?.date, '2022')
  assert.equal(dateForSpan(doc, 5), null)
})

test('periods and dates anchored to another event are not dated', () => {
  const doc = read('Three months after the fall of Assad, attacks rose over the past six months and two days later in the next five years.', '2025-03-14')
  assert.deepEqual(doc.dates.map((d) => d.text), [])
})

test('reported "would" does not push a weekday into the future', () => {
  assert.equal(only('The United States said Tuesday that it would resume aid.', '2025-03-12').date, '2025-03-11')
})

test('the month May is a date, the modal "may" is not', () => {
  assert.equal(only('The ceasefire began on May 20 in Gaza.', '2024-06-02').date, '2024-05-20')
  assert.equal(only('Elections were held in May after a long delay.', '2024-06-02').date, '2024-05')
  assert.equal(read('Officials may meet again, and Russia may object.', '2024-06-02').dates.length, 0)
})

test('a sentence-opening weekday takes its tense from the verb after it', () => {
  assert.equal(only('On Tuesday, Rubio will join U.S. negotiators in Jeddah.', '2025-03-10').date, '2025-03-11')
  assert.equal(only('On Friday, G7 foreign ministers held talks.', '2025-03-14').date, '2025-03-14')
})

test('a trailing "of" is not part of the date', () => {
  const d = only('U.S. officials warned in July of a possible IS resurgence.', '2025-03-14')
  assert.deepEqual([d.text, d.date], ['July', '2024-07'])
})

test('weekday and this/last/next expressions: parts of day, ranges, months and years', () => {
  const night = only('The operation ended Wednesday night near Quetta.', '2025-03-13')
  assert.deepEqual([night.text, night.date], ['Wednesday night', '2025-03-12'])
  const late = only('Zelenskyy wrote late Monday on social media.', '2025-03-10')
  assert.deepEqual([late.text, late.date], ['late Monday', '2025-03-10'])
  const doc = read('Rains fell from Monday to Wednesday across 13 districts.', '2025-03-13')
  assert.deepEqual(doc.dates.map((d) => d.date), ['2025-03-10', '2025-03-12'])
  assert.equal(only('Prices rose last month in Kenya.', '2025-01-15').date, '2024-12')
  assert.equal(only('Talks resume next year in Geneva.', '2025-01-15').date, '2026')
  assert.equal(only('The envoy visited Kyiv last week.', '2025-03-03').date, '2025-02')
  const unknown = only('The envoy visited Kyiv last week.', null)
  assert.deepEqual([unknown.date, unknown.precision], [null, 'month'])
  assert.equal(only('He spoke on Friday, March 14, in Ottawa.', '2025-03-20').date, '2025-03-14')
})

test('a year after "the" or a possessive is a date; a count is not', () => {
  assert.equal(only('Kenyatta backed him in the 2022 election campaign.', '2024-10-31').date, '2022')
  assert.equal(only('It resembled Boko Haram’s 2014 abduction of schoolgirls.', '2021-03-02').date, '2014')
  assert.equal(read('They sent 2000 troops and the 2000 soldiers left.', '2021-03-02').dates.length, 0)
})
