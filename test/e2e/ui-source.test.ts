// The UI makes every element through web/src/dom.ts, which turns strings into text nodes. This
// guards the rule at the source: no API that parses a string as markup or code may creep in.
import assert from 'node:assert/strict'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'node:test'
import { fromRoot } from '../../src/core/paths.js'

const FORBIDDEN = /\.innerHTML\b|\.outerHTML\s*=|insertAdjacentHTML|document\.write|\beval\s*\(|new Function\s*\(|createContextualFragment|srcdoc/

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n)
    return statSync(p).isDirectory() ? files(p) : /\.(ts|js|html)$/.test(n) ? [p] : []
  })
}

test('web/src never parses strings as HTML or code', () => {
  const all = [...files(fromRoot('web', 'src')), fromRoot('web', 'index.html')]
  assert.ok(all.length > 5)
  const bad = all.flatMap((f) => readFileSync(f, 'utf8').split('\n').map((line, i) => ({ f, i, line })).filter((x) => FORBIDDEN.test(x.line) && !/^\s*\/\//.test(x.line)))
  assert.deepEqual(bad.map((b) => `${b.f}:${b.i + 1}: ${b.line.trim()}`), [])
})

test('the guard itself catches what it must', () => {
  for (const s of ['el.innerHTML = x', 'el.insertAdjacentHTML("beforeend", x)', 'eval(x)', 'new Function(x)']) assert.match(s, FORBIDDEN)
  assert.doesNotMatch("h('p', {}, text)", FORBIDDEN)
})
