import assert from 'node:assert/strict'
import { test } from 'node:test'
import { cleanLines, isDateLine } from './lines.js'

test('furniture lines go, each with its reason', () => {
  const removed: { text: string; reason: string }[] = []
  const furniture = [
    'Reporting by Rodrigo Campos; Editing by Nick Zieminski',
    'Contributing: Kristine Phillips',
    'Officials were seen in Mongolia attempting to control the spreadCredit: The Siberian Times',
    'Image copyright',
    'Advertisement',
    'Sign up for our free daily newsletter and get the top stories in your inbox.',
    'September 10, 2018 |',
    'sexta-feira, 22 de outubro de 2010 às 20:13',
    'Updated Nov 19, 6:55 AM;Posted Nov 19, 6:51 AM',
    'Have a tip? Amy Kuperinsky may be reached at akuperinsky@example.com.',
    'READ MORE: China plague outbreak confirmed',
    '6',
  ]
  assert.deepEqual(cleanLines(furniture, removed), [])
  assert.equal(removed.length, furniture.length)
  assert.ok(removed.every((r) => r.reason.length > 0))
})

test('prose that resembles furniture stays', () => {
  const prose = [
    'The bank extended a line of credit: five million dollars over two years.',
    'Writing a book is hard, she said.',
    'The vote on May 5, 2019 failed by two votes.',
    'Disney Plus, which viewers can subscribe to for a monthly fee, launched last week and drew ten million sign-ups, the company said on Wednesday in a statement that also mentioned the free trial.',
    'More than 2,500 Afghan civilians have been killed in the fighting so far this year.',
    'In 2019 he left the party.',
    'Сейчас Полине исполнилось 53 года.',
    '1 Kyle Busch 5040 5 1 17 27',
  ]
  assert.deepEqual(cleanLines(prose, []), prose)
  assert.equal(isDateLine('12. März 2019, 14:05 Uhr'), true)
  assert.equal(isDateLine('Talks resumed on 12 March 2019'), false)
})
