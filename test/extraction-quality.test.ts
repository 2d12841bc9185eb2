// Extraction quality on the dev half of the scrapinghub article-extraction benchmark: the floor in
// bench/floors.json only moves up. Speed is measured by `newsgraph bench --suite extraction`, not here.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import { loadPages, measure, newsgraph } from '../bench/extraction.js'
import { fromRoot } from '../src/core/paths.js'

test('article extraction stays above its quality floor on the benchmark dev half', () => {
  const floors = JSON.parse(readFileSync(fromRoot('bench', 'floors.json'), 'utf8')).extraction as { f1: number; precision: number; recall: number }
  const pages = loadPages()
  assert.equal(pages.length, 109)
  const { summary } = measure(pages, newsgraph)
  const msg = `F1 ${summary.f1.toFixed(4)} P ${summary.precision.toFixed(4)} R ${summary.recall.toFixed(4)}`
  assert.ok(summary.f1 >= floors.f1, `F1 below floor ${floors.f1}: ${msg}`)
  assert.ok(summary.precision >= floors.precision, `precision below floor ${floors.precision}: ${msg}`)
  assert.ok(summary.recall >= floors.recall, `recall below floor ${floors.recall}: ${msg}`)
})
