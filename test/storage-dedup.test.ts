// Dedup: one story reported by three outlets, ingested through the real CLI and coder, becomes one
// event cluster with num_sources = 3, while each mention keeps its own article and sentence.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import { fromRoot } from '../src/core/paths.js'
import { openStore } from '../src/storage/store.js'

const BIN = fromRoot('bin', 'newsgraph.js')
const FIXTURE = fromRoot('test', 'fixtures', 'dedup', 'kenya-somalia-icj.jsonl')
const dir = mkdtempSync(join(tmpdir(), 'newsgraph-dedup-'))
after(() => rmSync(dir, { recursive: true, force: true }))

test('one story from three outlets gives one cluster with num_sources = 3', async () => {
  const db = join(dir, 'dedup.db')
  const r = spawnSync(process.execPath, [BIN, 'ingest', '--db', `sqlite:${db}`, '--threads', '0', '--quiet', FIXTURE], { encoding: 'utf8' })
  assert.equal(r.status, 0, r.stderr)
  const s = await openStore(`sqlite:${db}`, { readonly: true })
  try {
    const page = await s.events({ type: 'REJECT', actor: 'KEN', recipient: 'SOM' })
    const byArticle = new Map(page.items.map((e) => [e.article_id, e]))
    assert.deepEqual([...byArticle.keys()].sort(), ['coastal-times-1121', 'horn-observer-0315', 'voa-6203336'])
    const clusters = new Set(page.items.map((e) => e.cluster.id))
    assert.equal(clusters.size, 1, 'the three reports are one event')
    const c = page.items[0].cluster
    assert.deepEqual({ num_sources: c.num_sources, num_articles: c.num_articles, num_mentions: c.num_mentions }, { num_sources: 3, num_articles: 3, num_mentions: 3 })
    // Each mention keeps its own provenance.
    for (const e of page.items) {
      assert.match(e.sentence_text, /^Kenya has refused to attend/)
      assert.ok(e.source_url?.includes(e.article_id.split('-')[0] === 'voa' ? 'voanews.com' : '.example'))
    }
    // An unrelated event of the same day stays out of the cluster.
    const other = await s.events({ actor: 'SOM', recipient: 'KEN', limit: 100 })
    assert.ok(other.items.every((e) => e.cluster.id !== c.id))
  } finally {
    await s.close()
  }
})
