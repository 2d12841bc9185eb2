// Crash test: `newsgraph ingest` killed with SIGKILL midway, then run again, must leave the same
// database as one clean run: same articles, events, mentions and clusters, nothing doubled or lost.
import Database from 'better-sqlite3'
import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import { fromRoot } from '../src/core/paths.js'

const BIN = fromRoot('bin', 'newsgraph.js')
/**
 * VOA stories, each repeated with a marked copy so that contents differ: enough articles that the
 * ingest is still coding several write batches (64 articles each) after the first one commits,
 * however fast the machine — with 40, a quiet machine coded them all in one batch before the kill.
 */
const ARTICLES = 240
/** Kill once this many articles are committed: after the first write batch, well inside the corpus. */
const KILL_AFTER = 64
const dir = mkdtempSync(join(tmpdir(), 'newsgraph-crash-'))
after(() => rmSync(dir, { recursive: true, force: true }))
const CORPUS = join(dir, 'voa40.jsonl')
{
  const stories = readFileSync(fromRoot('data', 'sample', 'voa_stories.jsonl'), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l))
  const lines: string[] = []
  for (let copy = 0; lines.length < ARTICLES; copy++) {
    for (const s of stories) {
      if (lines.length >= ARTICLES) break
      lines.push(JSON.stringify(copy === 0 ? s : { ...s, id: `${s.id}-copy${copy}`, text: `${s.text}\nCopy ${copy} of this story.` }))
    }
  }
  writeFileSync(CORPUS, lines.join('\n') + '\n')
}

// --no-learn: with the knowledge base on, a resumed run knows the actors of the first half when it
// codes the second (knowledge grows across runs by design), so it may code more than a clean run.
const ARGS = ['--threads', '1', '--no-learn', '--quiet', CORPUS]

function ingest(db: string) {
  return spawnSync(process.execPath, [BIN, 'ingest', '--db', `sqlite:${db}`, ...ARGS], { encoding: 'utf8' })
}

function count(db: string): number {
  try {
    const d = new Database(db, { readonly: true, fileMustExist: true })
    try {
      return (d.prepare('SELECT COUNT(*) AS n FROM articles').get() as { n: number }).n
    } finally {
      d.close()
    }
  } catch {
    return 0
  }
}

function snapshot(db: string) {
  const d = new Database(db, { readonly: true })
  try {
    const q = (sql: string) => d.prepare(sql).all()
    return {
      articles: q('SELECT id, content_hash, input, text, extra FROM articles ORDER BY id'),
      inputs: q('SELECT input, article_id FROM inputs ORDER BY input'),
      mentions: q('SELECT article_id, idx, actor_id, text, name, code, m_start, m_end FROM mentions ORDER BY article_id, idx'),
      events: q('SELECT id, article_id, type, day, cluster_id, data FROM events ORDER BY id'),
      clusters: q('SELECT id, num_mentions, num_sources, num_articles, first_day, last_day FROM clusters ORDER BY id'),
      actors: q('SELECT id, name, mentions, events, first_seen, last_seen FROM actors ORDER BY id'),
      dyads: q('SELECT a, b, day, quad FROM event_dyads ORDER BY a, b, day, quad'),
      failures: q('SELECT input, error FROM failures ORDER BY input'),
      integrity: d.pragma('integrity_check', { simple: true }),
    }
  } finally {
    d.close()
  }
}

test('ingest killed with SIGKILL midway, then rerun, equals a clean run', { timeout: 300_000 }, async () => {
  const clean = join(dir, 'clean.db')
  const r = ingest(clean)
  assert.equal(r.status, 0, r.stderr)

  const crashed = join(dir, 'crashed.db')
  const child = spawn(process.execPath, [BIN, 'ingest', '--db', `sqlite:${crashed}`, ...ARGS], { stdio: 'ignore' })
  const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)))
  let atKill = 0
  for (;;) {
    atKill = count(crashed)
    if (atKill >= KILL_AFTER || child.exitCode !== null) break
    await new Promise((res) => setTimeout(res, 20))
  }
  child.kill('SIGKILL')
  await exited
  assert.ok(atKill >= KILL_AFTER, 'the ingest finished before it could be killed; the corpus is too small for this machine')
  const mid = count(crashed)
  assert.ok(mid < ARTICLES, `killed before the end (had ${mid} of ${ARTICLES})`)

  const again = ingest(crashed)
  assert.equal(again.status, 0, again.stderr)
  assert.match(again.stderr, new RegExp(`${mid} already stored`))
  const a = snapshot(clean)
  const b = snapshot(crashed)
  assert.equal(b.integrity, 'ok')
  assert.equal(b.articles.length, ARTICLES)
  assert.deepEqual(b, a)
})
