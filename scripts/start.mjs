// `npm start`: build what is missing or stale, load the bundled sample corpus into ./newsgraph.db
// when that database is empty, then serve the workbench and print its address.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const bin = join(root, 'bin', 'newsgraph.js')
/** The seed article has no date of its own; this is when it appeared (data/sample/README.md). */
export const SEED_PUBLISHED = '2023-10-27'
export const SEED_ID = 'seed-moscow-talks'

function newest(dir, skip = new Set(['node_modules', 'dist'])) {
  let t = 0
  if (!existsSync(dir)) return 0
  for (const name of readdirSync(dir)) {
    if (skip.has(name)) continue
    const p = join(dir, name)
    const s = statSync(p)
    t = Math.max(t, s.isDirectory() ? newest(p, skip) : s.mtimeMs)
  }
  return t
}

function run(cmd, args, what, { mustPass = true } = {}) {
  console.error(`newsgraph start: ${what}`)
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' })
  if (r.status !== 0 && !mustPass) {
    console.error(`newsgraph start: ${what} reported errors (above); going on with what was built`)
    return
  }
  if (r.status !== 0) {
    console.error(`newsgraph start: ${what} failed (exit ${r.status}); fix the error above and run npm start again`)
    process.exit(r.status || 1)
  }
}

/** Compiles the TypeScript and the UI when their output is missing or older than the sources. */
export function ensureBuilt() {
  if (!existsSync(join(root, 'node_modules', '.package-lock.json'))) run('npm', ['install'], 'installing dependencies')
  const dist = join(root, 'dist', 'src', 'cli', 'main.js')
  const srcTime = Math.max(newest(join(root, 'src')), statSync(join(root, 'package.json')).mtimeMs)
  // tsc still writes JavaScript when it finds type errors; only a missing CLI is fatal.
  if (!existsSync(dist) || statSync(dist).mtimeMs < srcTime) run('npm', ['run', 'build', '--silent'], 'compiling TypeScript', { mustPass: false })
  if (!existsSync(dist)) {
    console.error('newsgraph start: the build produced no dist/src/cli/main.js; fix the errors above and run npm start again')
    process.exit(1)
  }
  const web = join(root, 'web', 'dist', 'index.html')
  if (!existsSync(web) || statSync(web).mtimeMs < Math.max(newest(join(root, 'web', 'src')), statSync(join(root, 'web', 'index.html')).mtimeMs)) run('npm', ['run', 'build:web', '--silent'], 'building the web UI')
}

/** The sample corpus as ingest sources: the VOA stories plus the seed wrapped in JSONL to give it its date. */
export function sampleSources(dir) {
  const seed = readFileSync(join(root, 'data', 'sample', 'seed-moscow-talks.txt'), 'utf8')
  const wrapper = join(dir, 'seed-moscow-talks.jsonl')
  writeFileSync(wrapper, JSON.stringify({ id: SEED_ID, text: seed, published: SEED_PUBLISHED, source: 'seed article' }) + '\n')
  return [wrapper, join(root, 'data', 'sample', 'voa_stories.jsonl')]
}

export async function articleCount(db) {
  const { openStore } = await import(join(root, 'dist', 'src', 'storage', 'store.js'))
  const store = await openStore(db)
  try {
    return (await store.health()).articles
  } finally {
    await store.close()
  }
}

/** Ingests the sample corpus with the real `newsgraph ingest`; returns its exit status. */
export function ingestSample(db, extra = []) {
  const dir = mkdtempSync(join(tmpdir(), 'newsgraph-sample-'))
  try {
    const r = spawnSync(process.execPath, [bin, 'ingest', '--db', db, '--quiet', ...extra, ...sampleSources(dir)], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] })
    return r.status ?? 1
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

async function main() {
  ensureBuilt()
  const db = process.env.NEWSGRAPH_DB ?? 'sqlite:./newsgraph.db'
  if ((await articleCount(db)) === 0) {
    console.error(`newsgraph start: loading the sample corpus (89 VOA stories + the seed article) into ${db}`)
    const status = ingestSample(db)
    if (status === 2) process.exit(2)
    if (status !== 0) console.error('newsgraph start: some sample articles failed (see above); serving the rest')
  }
  const port = process.env.PORT ?? '8080'
  const child = spawn(process.execPath, [bin, 'serve', '--db', db, '--port', port], { cwd: process.cwd(), stdio: 'inherit' })
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig))
  child.on('exit', (code) => process.exit(code ?? 0))
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main()
