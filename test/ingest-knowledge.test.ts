// The actor knowledge base across runs: a person introduced with a title in one ingest resolves a
// bare mention in a later ingest; --no-learn shows the difference; the user's dictionary wins.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import { fromRoot } from '../src/core/paths.js'
import { openStore } from '../src/storage/store.js'

const BIN = fromRoot('bin', 'newsgraph.js')
const dir = mkdtempSync(join(tmpdir(), 'newsgraph-kb-'))
after(() => rmSync(dir, { recursive: true, force: true }))
const first = join(dir, 'first.txt')
const later = join(dir, 'later.txt')
// An invented person, so no shipped dictionary knows him: only the knowledge base can.
writeFileSync(first, "Iran's deputy foreign minister Dariush Farzanehpour met Russian officials in Moscow on Thursday to discuss the nuclear deal.\n")
writeFileSync(later, 'Farzanehpour criticized the European Union on Monday for delaying the talks.\n')
const firstKani = join(dir, 'first-kani.txt')
const laterKani = join(dir, 'later-kani.txt')
writeFileSync(firstKani, "Iran's deputy foreign minister Ali Bagheri Kani met Russian officials in Moscow on Thursday to discuss the nuclear deal.\n")
writeFileSync(laterKani, 'Bagheri Kani criticized the European Union on Monday for delaying the talks.\n')

function ingest(db: string, file: string, ...extra: string[]) {
  const r = spawnSync(process.execPath, [BIN, 'ingest', '--db', `sqlite:${db}`, '--threads', '0', '--quiet', '--published', '2023-10-27', ...extra, file], { encoding: 'utf8' })
  assert.equal(r.status, 0, r.stderr)
}

async function laterMention(db: string, text: string, id: string) {
  const s = await openStore(`sqlite:${db}`, { readonly: true })
  try {
    const ms = []
    for await (const m of s.exportMentions()) if (m.text === text) ms.push(m)
    return { mention: ms[0] ?? null, dossier: await s.actor(id) }
  } finally {
    await s.close()
  }
}

test('a person introduced with a title resolves a bare mention in a later run', async () => {
  const db = join(dir, 'learn.db')
  ingest(db, first)
  ingest(db, later)
  const { mention, dossier } = await laterMention(db, 'Farzanehpour', 'dariush-farzanehpour.irn')
  assert.ok(mention, 'the bare "Farzanehpour" is recognised')
  assert.deepEqual([mention.name, mention.country, mention.actor_id], ['Dariush Farzanehpour', 'IRN', 'dariush-farzanehpour.irn'])
  assert.ok(dossier)
  assert.equal(dossier.actor.mentions, 2)
  assert.ok(dossier.roles.some((r) => r.title === 'deputy foreign minister' && r.country === 'IRN'))
  assert.match(dossier.evidence[0].sentence_text, /^Iran's deputy foreign minister Dariush Farzanehpour met/)

  const off = join(dir, 'nolearn.db')
  ingest(off, first)
  ingest(off, later, '--no-learn')
  const without = await laterMention(off, 'Farzanehpour', 'dariush-farzanehpour.irn')
  assert.ok(!without.mention || without.mention.country !== 'IRN', 'without the knowledge base the bare name stays unresolved')
})

test("the user's dictionary wins over what was learned", async () => {
  const db = join(dir, 'dict.db')
  const dict = join(dir, 'dict')
  mkdirSync(dict)
  writeFileSync(join(dict, 'my-actors.jsonl'), JSON.stringify({ name: 'Ali Bagheri Kani', aliases: ['Bagheri Kani'], type: 'person', code: 'IRNGOVDIP' }) + '\n')
  ingest(db, firstKani)
  ingest(db, laterKani, '--dictionaries', dict)
  const { mention, dossier } = await laterMention(db, 'Bagheri Kani', 'ali-bagheri-kani.irn')
  assert.equal(dossier?.actor.origin, 'dictionary')
  assert.equal(dossier?.actor.code, 'IRNGOVDIP')
  assert.equal(mention?.code, 'IRNGOVDIP')
})
