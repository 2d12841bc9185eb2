// Scale-out test: jobs queued in PostgreSQL, three worker processes, one killed with SIGKILL while it
// holds a job. Every article must end up stored exactly once and every job done.
import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import pg from 'pg'
import { fromRoot } from '../src/core/paths.js'
import { dropTestSchemas, testPostgresUrl } from '../src/storage/postgres/test-db.js'

const BIN = fromRoot('bin', 'newsgraph.js')
/** The first ARTICLES VOA stories, in jobs of BATCH: three workers share ten jobs. */
const ARTICLES = 40
const BATCH = 4
/** Seconds before a dead worker's job is handed out again: short to keep the test quick. */
const LEASE = 3
const skip = process.env.NEWSGRAPH_NO_POSTGRES ? 'PostgreSQL is not available here (NEWSGRAPH_NO_POSTGRES)' : false
const url = testPostgresUrl()
const dir = mkdtempSync(join(tmpdir(), 'newsgraph-scaleout-'))
after(async () => {
  rmSync(dir, { recursive: true, force: true })
  await dropTestSchemas([url])
})
const CORPUS = join(dir, 'voa40.jsonl')
writeFileSync(CORPUS, readFileSync(fromRoot('data', 'sample', 'voa_stories.jsonl'), 'utf8').split('\n').slice(0, ARTICLES).join('\n') + '\n')

test('three workers, one killed midway: every article stored exactly once', { skip, timeout: 180_000 }, async () => {
  const q = spawnSync(process.execPath, [BIN, 'ingest', '--db', url, '--enqueue', '--batch', String(BATCH), CORPUS], { encoding: 'utf8' })
  assert.equal(q.status, 0, q.stderr)
  assert.match(q.stderr, /10 job\(s\) queued/)

  const schema = new URL(url).searchParams.get('schema')!
  const u = new URL(url)
  u.searchParams.delete('schema')
  const db = new pg.Client({ connectionString: u.toString() })
  await db.connect()
  await db.query(`SET search_path TO "${schema}"`)
  try {
    const workers = [0, 1, 2].map(() => {
      const p = spawn(process.execPath, [BIN, 'worker', '--db', url, '--threads', '0', '--lease', String(LEASE)], { stdio: ['ignore', 'ignore', 'pipe'] })
      let err = ''
      p.stderr!.on('data', (d) => (err += d))
      return { p, done: new Promise<{ code: number | null; err: string }>((res) => p.on('exit', (code) => res({ code, err }))) }
    })
    // Kill whichever worker first holds a job after some articles are stored.
    let victim = -1
    for (let i = 0; i < 2400 && victim < 0; i++) {
      const r = await db.query(`SELECT j.worker, (SELECT COUNT(*) FROM articles) AS n FROM jobs j WHERE j.state = 'running' ORDER BY j.id LIMIT 1`)
      const pid = r.rows.length && Number(r.rows[0].n) > 0 ? Number(String(r.rows[0].worker).split(':').pop()) : -1
      const w = workers.findIndex((x) => x.p.pid === pid)
      if (w >= 0) {
        workers[w].p.kill('SIGKILL')
        victim = w
      } else await new Promise((res) => setTimeout(res, 25))
    }
    assert.ok(victim >= 0, 'no worker was ever caught holding a job')
    const results = await Promise.all(workers.map((w) => w.done))
    assert.equal(results[victim].code, null, 'the victim died by the signal')
    results.splice(victim, 1)
    for (const r of results) assert.equal(r.code, 0, r.err)

    const n = async (sql: string) => Number((await db.query(sql)).rows[0].n)
    assert.equal(await n('SELECT COUNT(*) AS n FROM articles'), ARTICLES)
    assert.equal(await n('SELECT COUNT(DISTINCT content_hash) AS n FROM articles'), ARTICLES)
    assert.equal(await n('SELECT COUNT(*) AS n FROM inputs'), ARTICLES)
    assert.equal(await n(`SELECT COUNT(*) AS n FROM jobs WHERE state <> 'done'`), 0)
    // The killed worker's job was redone by another worker.
    assert.ok((await n('SELECT MAX(attempts) AS n FROM jobs')) >= 2)
  } finally {
    await db.end()
  }
})
