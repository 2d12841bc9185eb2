// The query and export commands on a small ingested database, through the real CLI.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { fromRoot } from '../src/core/paths.js'
import { EVENT_COLUMNS, MENTION_COLUMNS } from '../src/storage/export.js'

const BIN = fromRoot('bin', 'newsgraph.js')
const FIXTURE = fromRoot('test', 'fixtures', 'dedup', 'kenya-somalia-icj.jsonl')
const dir = mkdtempSync(join(tmpdir(), 'newsgraph-cli-'))
const db = `sqlite:${join(dir, 'q.db')}`
after(() => rmSync(dir, { recursive: true, force: true }))

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' })
  return r
}

before(() => {
  const r = cli('ingest', '--db', db, '--threads', '0', '--quiet', FIXTURE)
  assert.equal(r.status, 0, r.stderr)
  assert.match(r.stderr, /3 article\(s\) stored/)
  // The same file again: every input is recognised as already stored.
  const again = cli('ingest', '--db', db, '--threads', '0', '--quiet', FIXTURE)
  assert.match(again.stderr, /0 article\(s\) stored, 0 event\(s\), 0 duplicate\(s\), 3 already stored/)
})

test('events: filters, JSONL and CSV, cursor paging', () => {
  const r = cli('events', '--db', db, '--type', 'REJECT', '--actor', 'KEN', '--recipient', 'SOM', '--format', 'jsonl')
  assert.equal(r.status, 0, r.stderr)
  const evs = r.stdout.trim().split('\n').map((l) => JSON.parse(l))
  assert.equal(evs.length, 3)
  assert.ok(evs.every((e) => e.type === 'REJECT' && e.cluster.num_sources === 3))
  const csv = cli('events', '--db', db, '--type', 'REJECT', '--format', 'csv').stdout.trim().split('\n')
  assert.equal(csv[0], EVENT_COLUMNS.join(','))
  assert.ok(csv.length >= 4)
  const p1 = cli('events', '--db', db, '--limit', '2', '--format', 'jsonl')
  const cursor = /--cursor (\S+)/.exec(p1.stderr)?.[1]
  assert.ok(cursor, p1.stderr)
  const p2 = cli('events', '--db', db, '--limit', '2', '--cursor', cursor, '--format', 'jsonl')
  const ids1 = p1.stdout.trim().split('\n').map((l) => JSON.parse(l).id)
  const ids2 = p2.stdout.trim().split('\n').map((l) => JSON.parse(l).id)
  assert.equal(ids1.length, 2)
  assert.ok(ids2.every((id) => !ids1.includes(id)))
  const bad = cli('events', '--db', db, '--type', 'HUG')
  assert.equal(bad.status, 2)
  assert.match(bad.stderr, /--type must be one of/)
})

test('export: plover-json, events-csv, mentions-csv, jsonl', () => {
  const out = join(dir, 'events.csv')
  const r = cli('export', '--db', db, '--format', 'events-csv', '-o', out)
  assert.equal(r.status, 0, r.stderr)
  const lines = readFileSync(out, 'utf8').trim().split('\n')
  assert.equal(lines[0], EVENT_COLUMNS.join(','))
  const n = Number(/exported (\d+) event/.exec(r.stderr)?.[1])
  assert.equal(lines.length, n + 1)
  const plover = cli('export', '--db', db, '--format', 'plover-json').stdout.trim().split('\n').map((l) => JSON.parse(l))
  assert.equal(plover.length, n)
  assert.ok(plover.every((e) => e.source_url && e.sentence_text && typeof e.num_sources === 'number'))
  const mentions = cli('export', '--db', db, '--format', 'mentions-csv').stdout.trim().split('\n')
  assert.equal(mentions[0], MENTION_COLUMNS.join(','))
  const arts = cli('export', '--db', db, '--format', 'jsonl').stdout.trim().split('\n').map((l) => JSON.parse(l))
  assert.deepEqual(arts.map((a) => a.id).sort(), ['coastal-times-1121', 'horn-observer-0315', 'voa-6203336'])
  assert.ok(arts.every((a) => a.events.length > 0 && a.entities.length > 0))
})

test('actors: search and dossier', () => {
  const r = cli('actors', '--db', db, '-q', 'kenya', '--format', 'jsonl')
  assert.equal(r.status, 0, r.stderr)
  const list = r.stdout.trim().split('\n').map((l) => JSON.parse(l))
  const kenya = list.find((a) => a.country === 'KEN' && a.type === 'country')
  assert.ok(kenya, r.stdout)
  const d = JSON.parse(cli('actors', '--db', db, kenya.id, '--format', 'jsonl').stdout)
  assert.ok(d.event_types.some((t: { type: string }) => t.type === 'REJECT'))
  assert.ok(d.counterparts.length > 0)
  const none = cli('actors', '--db', db, 'nobody-at-all')
  assert.equal(none.status, 1)
  assert.match(none.stderr, /no actor "nobody-at-all"/)
})
