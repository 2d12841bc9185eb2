import assert from 'node:assert/strict'
import { test } from 'node:test'
import { actorId, clusterKey, normalizeClusterOptions, titleOf } from './rows.js'
import { IRAN, KANI, RUSSIA, talks } from './store.contract.js'

test('actor ids are readable, stable slugs with the country', () => {
  assert.equal(actorId('Ali Bagheri Kani', 'IRN'), 'ali-bagheri-kani.irn')
  assert.equal(actorId('Ségolène Royal', 'FRA'), 'segolene-royal.fra')
  assert.equal(actorId("Iran's Foreign Ministry", null), 'iran-foreign-ministry')
  assert.match(actorId('…', null), /^x[0-9a-f]{16}$/)
})

test('titles: from the mention words, or from the words just before a bare name', () => {
  assert.equal(titleOf({ text: "Iran's deputy foreign minister Ali Bagheri Kani", name: 'Ali Bagheri Kani', type: 'person', start: 0 }), 'deputy foreign minister')
  const text = "Iran's Deputy Foreign Minister Ali Bagheri Kani said on Monday."
  assert.equal(titleOf({ text: 'Ali Bagheri Kani', name: 'Ali Bagheri Kani', type: 'person', start: text.indexOf('Ali') }, text), 'deputy foreign minister')
  const plain = 'Talks were held and Ali Bagheri Kani said so.'
  assert.equal(titleOf({ text: 'Ali Bagheri Kani', name: 'Ali Bagheri Kani', type: 'person', start: plain.indexOf('Ali') }, plain), null)
  assert.equal(titleOf({ text: 'Iran', name: 'Iran', type: 'country', start: 0 }), null)
})

test('cluster keys: same act, same sides, same bucket; windows are fixed buckets', () => {
  const e = talks('x', '2023-10-26', 'VOA').events[0]
  const day1 = normalizeClusterOptions(undefined)
  const a = clusterKey(e, '2023-10-26', day1)
  assert.equal(a.key, 'CONSULT|ali-bagheri-kani.irn|russia.rus|2023-10-26')
  assert.notEqual(clusterKey(e, '2023-10-27', day1).id, a.id)
  const week = normalizeClusterOptions({ windowDays: 7 })
  // 1970-01-01 was a Thursday: 7-day buckets run Thursday to Wednesday.
  assert.equal(clusterKey(e, '2023-10-26', week).bucket, '2023-10-26')
  assert.equal(clusterKey(e, '2023-11-01', week).id, clusterKey(e, '2023-10-26', week).id)
  assert.notEqual(clusterKey(e, '2023-11-02', week).id, clusterKey(e, '2023-10-26', week).id)
  // Order of actors within a side does not matter.
  const both = { ...e, actor: [KANI, IRAN] }
  const swapped = { ...e, actor: [IRAN, KANI] }
  assert.equal(clusterKey(both, '2023-10-26', day1).id, clusterKey(swapped, '2023-10-26', day1).id)
  assert.notEqual(clusterKey({ ...e, recipient: [IRAN] }, '2023-10-26', day1).id, clusterKey({ ...e, recipient: [RUSSIA] }, '2023-10-26', day1).id)
  assert.throws(() => normalizeClusterOptions({ windowDays: 0 }), /whole number of days/)
})
