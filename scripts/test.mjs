// The whole test suite: unit tests next to the code, end-to-end and quality tests under test/.
// Runs the compiled JavaScript in dist/ (npm test builds first).
import { spawnSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { ensurePostgres } from './ensure-services.mjs'
import { ensureChromium } from './ensure-chromium.mjs'

function find(dir, out = []) {
  let entries
  try { entries = readdirSync(dir) } catch { return out }
  for (const name of entries) {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) find(p, out)
    else if (name.endsWith('.test.js')) out.push(p)
  }
  return out
}

if (!ensurePostgres()) process.env.NEWSGRAPH_NO_POSTGRES = '1'
if (!ensureChromium()) process.env.NEWSGRAPH_NO_CHROMIUM = '1'
const only = process.argv.slice(2)
const files = find('dist').filter((f) => only.length === 0 || only.some((o) => f.includes(o))).sort()
const r = spawnSync(process.execPath, ['--test', '--test-concurrency=2', '--test-reporter=spec', ...files], { stdio: 'inherit' })
process.exit(r.status ?? 1)
