#!/usr/bin/env node
/**
 * Codes the sample corpus, the seed, the gold sentences and the non-political fixtures and prints one
 * JSON line per document with everything the stages produced. A refactor meant to change speed, not
 * results, is checked by diffing two snapshots:
 *   node scripts/code-snapshot.mjs > /tmp/before.jsonl   (on the old build)
 *   node scripts/code-snapshot.mjs > /tmp/after.jsonl && diff /tmp/before.jsonl /tmp/after.jsonl
 * Run `npm run build` first: it reads dist/.
 */
import { readFileSync } from 'node:fs'
import { createCoder } from '../dist/src/coder.js'
import { fromRoot } from '../dist/src/core/paths.js'

const jsonl = (p) => readFileSync(fromRoot(p), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l))
const docs = [
  ...jsonl('data/sample/voa_stories.jsonl').map((r, i) => ({ id: `voa:${r.id ?? i}`, text: r.text, title: r.title ?? null, published: r.published ?? null })),
  { id: 'seed', text: readFileSync(fromRoot('data/sample/seed-moscow-talks.txt'), 'utf8'), published: '2023-10-27' },
  ...jsonl('test/fixtures/gold/events-dev.jsonl').map((r) => ({ id: r.id, text: r.text, published: r.date ?? null })),
  ...jsonl('test/fixtures/nonpolitical/voa.jsonl').map((r, i) => ({ id: `np-voa:${i}`, text: r.text, published: r.published ?? null })),
  ...jsonl('test/fixtures/nonpolitical/extraction-benchmark.jsonl').map((r, i) => ({ id: `np-ex:${i}`, text: r.text, published: null })),
]
const coder = createCoder()
for (const d of docs) {
  const r = coder.code({ name: d.id, text: d.text, title: d.title, published: d.published })
  process.stdout.write(JSON.stringify(r.ok ? { input: d.id, ...r.record } : { input: d.id, error: r.error }) + '\n')
}
