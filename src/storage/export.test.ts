import assert from 'node:assert/strict'
import { test } from 'node:test'
import { csvLine, EVENT_COLUMNS, eventRow, ploverRecord } from './export.js'
import type { StoredEvent } from './store.js'
import { talks } from './store.contract.js'

const r = talks('a1', '2023-10-26', 'Tass')
const stored: StoredEvent = {
  ...r.events[0],
  actor: [...r.events[0].actor, { ...r.events[0].recipient[0] }],
  article_id: 'a1',
  source_url: r.url,
  source: 'Tass',
  published: '2023-10-26',
  date_added: '2026-01-01T00:00:00.000Z',
  sentence_text: 'Iran\'s deputy foreign minister said "yes", then left.',
  actor_ids: ['ali-bagheri-kani.irn', 'russia.rus'],
  recipient_ids: ['russia.rus'],
  cluster: { id: 'c1', num_mentions: 3, num_sources: 2, num_articles: 3 },
}

test('events CSV: GDELT-style column groups, one value per column, sides joined with ;', () => {
  const row = eventRow(stored)
  assert.deepEqual(Object.keys(row), [...EVENT_COLUMNS])
  assert.equal(row.actor1_id, 'ali-bagheri-kani.irn;russia.rus')
  assert.equal(row.actor1_country, 'IRN;RUS')
  assert.equal(row.actor2_code, 'RUS')
  assert.equal(row.quad_class, 'VERBAL_COOPERATION')
  assert.deepEqual([row.num_mentions, row.num_sources, row.num_articles], [3, 2, 3])
  assert.equal(row.action_geo_name, null)
})

test('CSV quoting follows RFC 4180', () => {
  assert.equal(csvLine(['a', 'b,c', 'say "hi"', 'two\nlines', null, 3]), 'a,"b,c","say ""hi""","two\nlines",,3')
})

test('PLOVER record keeps the event, its provenance and the cluster counts', () => {
  const p = ploverRecord(stored)
  assert.equal(p.type, 'CONSULT')
  assert.equal(p.article_id, 'a1')
  assert.equal(p.num_sources, 2)
  assert.ok(!('cluster' in p))
})
