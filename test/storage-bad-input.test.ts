// The database's bad days: a corrupt file, an unreachable server, a read-only folder, a full disk.
// Each gives a clear message naming the cause, and what was stored before stays intact.
import Database from 'better-sqlite3'
import assert from 'node:assert/strict'
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, chmodSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import { fromRoot } from '../src/core/paths.js'
import { openStore, StoreError } from '../src/storage/store.js'
import { talks } from '../src/storage/store.contract.js'

const BIN = fromRoot('bin', 'newsgraph.js')
const dir = mkdtempSync(join(tmpdir(), 'newsgraph-dbbad-'))
after(() => rmSync(dir, { recursive: true, force: true }))
const article = join(dir, 'article.txt')
writeFileSync(article, "Iran's deputy foreign minister Ali Bagheri Kani held talks with Russian officials in Moscow on Thursday, Tass reported.\n")

function cli(args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' })
}

test('a corrupt SQLite file: clear error, exit 1, the file is not modified', () => {
  const db = join(dir, 'corrupt.db')
  // A valid header followed by garbage pages: what a truncated copy or a disk error leaves.
  const good = new Database(db)
  good.exec('CREATE TABLE x (a)')
  good.close()
  const bytes = Buffer.concat([readFileSync(db).subarray(0, 100), Buffer.alloc(8092, 0xab)])
  writeFileSync(db, bytes)
  const r = cli(['ingest', '--db', `sqlite:${db}`, '--threads', '0', '--quiet', article])
  assert.equal(r.status, 1)
  assert.match(r.stderr, /corrupt.db: the file is corrupt or not a newsgraph database/)
  assert.deepEqual(readFileSync(db), bytes)
  const notDb = join(dir, 'notes.db')
  writeFileSync(notDb, 'these are my notes, not a database\n'.repeat(200))
  const r2 = cli(['events', '--db', `sqlite:${notDb}`])
  assert.equal(r2.status, 1)
  assert.match(r2.stderr, /corrupt or not a newsgraph database/)
})

test('an unreachable PostgreSQL server: clear error naming it', () => {
  // Port 1 on localhost: nothing listens there.
  const r = cli(['ingest', '--db', 'postgres://newsgraph:secret@127.0.0.1:1/news', '--threads', '0', '--quiet', article])
  assert.equal(r.status, 1)
  assert.match(r.stderr, /database postgres:\/\/newsgraph:\*\*\*@127\.0\.0\.1:1\/news: cannot reach the PostgreSQL server/)
  assert.doesNotMatch(r.stderr, /secret/)
})

test('a database in a missing folder: clear error', () => {
  const r = cli(['ingest', '--db', `sqlite:${join(dir, 'nope', 'x.db')}`, '--threads', '0', '--quiet', article])
  assert.equal(r.status, 1)
  assert.match(r.stderr, /the folder .*nope does not exist/)
})

/** Makes `path` read-only: permissions for a normal user; a read-only bind mount for root, who ignores permissions. */
function makeReadOnly(path: string): (() => void) | null {
  if (process.getuid?.() !== 0) {
    chmodSync(path, 0o555)
    for (const f of ['ro.db', 'ro.db-wal', 'ro.db-shm']) {
      try {
        chmodSync(join(path, f), 0o444)
      } catch {
        /* not every file exists */
      }
    }
    return () => chmodSync(path, 0o755)
  }
  try {
    execFileSync('mount', ['--bind', path, path], { stdio: 'ignore' })
    execFileSync('mount', ['-o', 'remount,ro,bind', path], { stdio: 'ignore' })
    return () => execFileSync('umount', [path], { stdio: 'ignore' })
  } catch {
    try {
      execFileSync('umount', [path], { stdio: 'ignore' })
    } catch {
      /* was not mounted */
    }
    return null
  }
}

test('a read-only folder: clear error, stored articles intact and still readable', async (t) => {
  const ro = join(dir, 'ro')
  mkdirSync(ro)
  const db = join(ro, 'ro.db')
  const s = await openStore(`sqlite:${db}`)
  await s.putArticle(talks('kept', '2023-10-26', 'VOA'))
  await s.close()
  const undo = makeReadOnly(ro)
  if (!undo) return t.skip('cannot make a folder read-only here (root without mount rights)')
  try {
    const r = cli(['ingest', '--db', `sqlite:${db}`, '--threads', '0', '--quiet', article])
    assert.equal(r.status, 1)
    assert.match(r.stderr, /ro\.db: .*(read-only|cannot open)/)
  } finally {
    undo()
  }
  const again = await openStore(`sqlite:${db}`)
  try {
    assert.equal((await again.health()).articles, 1)
    assert.ok(await again.article('kept'))
  } finally {
    await again.close()
  }
})

test('a full disk (a size limit): clear error, the article in progress leaves no trace, earlier ones intact', async () => {
  const db = join(dir, 'full.db')
  const s = await openStore(`sqlite:${db}`, { maxBytes: 512 * 1024 })
  let stored = 0
  let err: unknown = null
  try {
    for (let i = 0; i < 2000 && !err; i++) {
      try {
        await s.putArticle(talks(`a${i}`, '2023-10-26', 'VOA', ` Paragraph ${i}: ${'padding words for a long article body. '.repeat(40)}`))
        stored++
      } catch (e) {
        err = e
      }
    }
  } finally {
    await s.close()
  }
  assert.ok(err instanceof StoreError, `expected a StoreError, got ${err}`)
  assert.match((err as Error).message, /full\.db: the disk is full or the database reached its size limit/)
  assert.ok(stored > 0)
  const d = new Database(db, { readonly: true })
  try {
    assert.equal(d.pragma('integrity_check', { simple: true }), 'ok')
    const n = (sql: string) => (d.prepare(sql).get() as { n: number }).n
    assert.equal(n('SELECT COUNT(*) AS n FROM articles'), stored)
    // Nothing of the failed article: every stored row belongs to a stored article.
    assert.equal(n('SELECT COUNT(*) AS n FROM mentions WHERE article_id NOT IN (SELECT id FROM articles)'), 0)
    assert.equal(n('SELECT COUNT(*) AS n FROM events WHERE article_id NOT IN (SELECT id FROM articles)'), 0)
    assert.equal(n('SELECT SUM(num_articles) AS n FROM clusters'), stored)
  } finally {
    d.close()
  }
})
