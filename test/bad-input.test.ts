import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fromRoot } from '../src/core/paths.js'

// Bad inputs through the real CLI (bin/newsgraph.js over dist/): each gets a clear message on
// stderr naming the input and the reason, the run goes on with the other inputs, and the exit
// code is 1 when any input failed.

const bin = fromRoot('bin', 'newsgraph.js')
const dir = mkdtempSync(join(tmpdir(), 'newsgraph-bad-'))
const seed = readFileSync(fromRoot('test', 'fixtures', 'seed', '000_e9edaf83f6315137.txt'), 'utf8')

const files = {
  good: join(dir, 'good.txt'),
  empty: join(dir, 'empty.txt'),
  binary: join(dir, 'image.bin'),
  badUtf8: join(dir, 'latin1.txt'),
  huge: join(dir, 'huge.txt'),
  spanish: join(dir, 'spanish.txt'),
}
writeFileSync(files.good, seed)
writeFileSync(files.empty, '')
// A PNG header and random-looking bytes, NULs included: what an image saved as an article looks like.
writeFileSync(files.binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, ...Array.from({ length: 2000 }, (_, i) => (i * 37) % 256)]))
// "Café in Moscow" in windows-1252: 0xE9 is not valid UTF-8 there.
writeFileSync(files.badUtf8, Buffer.concat([Buffer.from('The talks in Moscow were held at a caf'), Buffer.from([0xe9]), Buffer.from(' near the Kremlin on Thursday.\n')]))
writeFileSync(files.huge, 'Russia and Iran held talks in Moscow on Thursday. '.repeat(Math.ceil(20e6 / 50)))
writeFileSync(
  files.spanish,
  'El viceministro de Asuntos Exteriores de Irán mantuvo conversaciones con representantes de Hamás en Moscú, según informó la agencia estatal rusa Tass el viernes. ' +
    'Las conversaciones, que tuvieron lugar el jueves, giraron en torno a un posible alto el fuego y la entrega de ayuda humanitaria a Gaza.\n',
)

function run(args: string[]) {
  assert.ok(existsSync(fromRoot('dist', 'src', 'cli', 'main.js')), 'build first (npm run build): the CLI runs from dist/')
  const r = spawnSync(process.execPath, [bin, 'code', '--format', 'jsonl', '--published', '2023-10-27', ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, records: r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l)) }
}

const all = run(Object.values(files))
const lineFor = (path: string) => all.stderr.split('\n').filter((l) => l.includes(path))

test.after(() => rmSync(dir, { recursive: true, force: true }))

test('a run with bad inputs exits 1 and still prints the good ones', () => {
  assert.equal(all.code, 1, all.stderr)
  assert.equal(all.records.length, 2, 'the good article and the Spanish one are printed')
  assert.match(all.stderr, /2 article\(s\) coded, 4 input\(s\) failed/)
})

test('an empty file is named with the reason', () => {
  const l = lineFor(files.empty)
  assert.equal(l.length, 1)
  assert.match(l[0], /empty/)
})

test('a binary file is named with the reason', () => {
  const l = lineFor(files.binary)
  assert.equal(l.length, 1)
  assert.match(l[0], /binary/)
})

test('invalid UTF-8 is named with the reason and what to do', () => {
  const l = lineFor(files.badUtf8)
  assert.equal(l.length, 1)
  assert.match(l[0], /invalid UTF-8.*re-encode/)
})

test('a 20 MB single line is refused as too long, with its size', () => {
  const l = lineFor(files.huge)
  assert.equal(l.length, 1)
  assert.match(l[0], /too long \(20\.0 M characters/)
})

test('a non-English article is coded with a language warning on stderr and in the record', () => {
  const l = lineFor(files.spanish)
  assert.equal(l.length, 1)
  assert.match(l[0], /warning: .*language.*Spanish/)
  const rec = all.records.find((r) => /viceministro/.test(r.text))
  assert.ok(rec)
  assert.equal(rec.language, 'es')
  assert.ok(rec.warnings.some((w: string) => /language/.test(w)))
  const good = all.records.find((r) => /Moscow/.test(r.text))
  assert.deepEqual(good.warnings, [])
})

test('all inputs good: exit 0, nothing on stderr', () => {
  const r = run([files.good])
  assert.equal(r.code, 0)
  assert.equal(r.stderr, '')
  assert.equal(r.records.length, 1)
})
