import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { compile, inflections, loadVerbDictionary, parsePatternSide, shippedVerbDictionary, DictionaryError } from './verbs.js'

test('the converted PETRARCH2 dictionary is complete and keeps provenance', () => {
  const d = shippedVerbDictionary()
  assert.ok(d.stats.blocks >= 397, `blocks ${d.stats.blocks}`)
  assert.ok(d.stats.patterns >= 4668, `patterns ${d.stats.patterns}`)
  const meet = d.trie.next.get('met')?.next.get('with')?.entries ?? []
  assert.ok(meet.some((e) => e.block === 'MEET_PEOPLE' && /^cameo-2\.0\.json:\d+$/.test(e.ref)), 'irregular phrasal form "met with" is indexed with its source line')
})

test('CAMEO codes map to PLOVER through CAMEO2PLOVER, with prefix fallback and no type for 01x/02x', () => {
  const d = shippedVerbDictionary()
  assert.equal(d.toPlover('036').type, 'AGREE')
  assert.equal(d.toPlover('0874').type, 'RETREAT')
  assert.equal(d.toPlover('163').type, 'SANCTION', 'the PLOVER manual lists sanctions and embargoes under SANCTION; our additions override the 2021 table'); assert.equal(d.toPlover('172').type, 'COERCE')
  assert.equal(d.toPlover('1712').type, 'ASSAULT')
  assert.equal(d.toPlover('1385').type, 'THREATEN')
  assert.equal(d.toPlover('0257').type, null, 'appeals have no PLOVER type')
  assert.equal(d.toPlover('010').type, null, 'statements have no PLOVER type')
  assert.deepEqual(d.toPlover('0333').context, ['humanitarian'])
})

test('pattern notation parses words, compounds, prepositional phrases, synsets and slots', () => {
  const items = parsePatternSide('* {JOINT EXERCISES} (WITH +) &WEAPON $')
  assert.deepEqual(items.map((i) => i.kind), ['compound', 'pp', 'synset', 'source'])
  const pp = items[1]
  assert.ok(pp.kind === 'pp' && pp.prep?.[0] === 'with' && pp.words[0].kind === 'target')
})

test('inflections cover regular verb and noun forms', () => {
  for (const f of ['ban', 'bans', 'banned', 'banning']) assert.ok(inflections('ban').includes(f), f)
  assert.ok(inflections('deny').includes('denied'))
  assert.ok(inflections('release').includes('released'))
})

test('a user folder layers over the shipped verbs; a bad file is named in the error', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ng-verbs-'))
  writeFileSync(join(dir, 'mine.json'), JSON.stringify({
    format: 'newsgraph-verbs/1',
    blocks: [{ id: 'MY_SWARM', code: null, verbs: [{ words: 'swarm' }], patterns: [{ pre: '', post: '* (OVER +)', type: 'ASSAULT' }] }],
  }))
  const d = loadVerbDictionary(dir)
  const e = d.trie.next.get('swarmed')?.entries ?? []
  assert.ok(e.some((x) => x.block === 'MY_SWARM' && x.patterns[0].type === 'ASSAULT'))
  writeFileSync(join(dir, 'broken.json'), '{ not json')
  assert.throws(() => loadVerbDictionary(dir), (err: Error) => err instanceof DictionaryError && err.message.includes('broken.json'))
})

test('no_default and suppress take over-general PETRARCH entries out', () => {
  const d = compile([{ name: 'x.json', data: {
    format: 'newsgraph-verbs/1',
    plover: { '040': { type: 'CONSULT', mode: null, context: [] } },
    blocks: [{ id: 'THINK', code: '040', verbs: [{ words: 'think' }, { words: 'ponder' }], patterns: [] }],
    no_default: ['THINK'],
    suppress: [{ block: 'THINK', verb: 'ponder' }],
  } as never }])
  assert.equal(d.trie.next.get('think')?.entries[0].type, null)
  assert.equal(d.trie.next.get('ponder'), undefined)
})

test('a user verb entry codes through the whole coder (--dictionaries DIR)', async () => {
  const { createCoder } = await import('../coder.js')
  const dir = mkdtempSync(join(tmpdir(), 'ng-verbs-coder-'))
  writeFileSync(join(dir, 'mine.json'), JSON.stringify({
    format: 'newsgraph-verbs/1',
    blocks: [{ id: 'MY_SWARM', code: null, verbs: [{ words: 'swarm' }], patterns: [{ pre: '', post: '* (OVER +)', type: 'ASSAULT' }] }],
  }))
  const text = 'Russian drones swarmed over Ukraine on Tuesday.'
  const mine = createCoder({ dictionaries: dir }).code({ name: 't', text })
  const shipped = createCoder().code({ name: 't', text })
  assert.ok(mine.ok && shipped.ok)
  const e = mine.record.events.find((x) => x.type === 'ASSAULT')
  assert.ok(e, 'the user entry produced the event')
  assert.ok(e.explanation.includes('mine.json'))
  assert.ok(!shipped.record.events.some((x) => x.explanation.includes('MY_SWARM')))
})
