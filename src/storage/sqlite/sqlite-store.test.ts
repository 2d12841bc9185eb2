import Database from 'better-sqlite3'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import { openStore } from '../store.js'
import { storeContract, talks } from '../store.contract.js'

const dir = mkdtempSync(join(tmpdir(), 'newsgraph-sqlite-'))
after(() => rmSync(dir, { recursive: true, force: true }))
let n = 0

storeContract('sqlite', { open: () => openStore(`sqlite:${join(dir, `t${n++}.db`)}`) })

test('an older database is migrated on open: version 2 rebuilds dyad day counts from stored events', async () => {
  const path = join(dir, 'old.db')
  const s = await openStore(`sqlite:${path}`)
  await s.putArticle(talks('a', '2023-10-26', 'VOA'))
  await s.putArticle(talks('b', '2023-11-02', 'VOA', ' Again.'))
  const before = await s.dyad('IRN', 'RUS')
  await s.close()
  // Turn it back into a version-1 database, as an older newsgraph left it.
  const raw = new Database(path)
  raw.exec(`DROP TABLE dyad_days; DELETE FROM schema_migrations WHERE version >= 2; DROP INDEX actor_counterparts_rank`)
  raw.close()
  await assert.rejects(openStore(`sqlite:${path}`, { readonly: true }), /schema version 1, this newsgraph needs 3/)
  const again = await openStore(`sqlite:${path}`)
  try {
    assert.equal((await again.health()).schema_version, 3)
    assert.deepEqual((await again.dyad('IRN', 'RUS')).points, before.points)
    assert.equal(before.points.length, 2)
  } finally {
    await again.close()
  }
})
