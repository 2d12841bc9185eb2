// Starts what the test suite needs when it is not already running: PostgreSQL for the
// scale-out store. Safe to run again; prints what it did.
import { execSync, spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'

function pgReady() {
  const r = spawnSync('pg_isready', ['-h', '127.0.0.1', '-p', '5432'], { stdio: 'ignore' })
  return r.status === 0
}

export function ensurePostgres() {
  if (pgReady()) return true
  if (!existsSync('/etc/postgresql')) {
    console.error('ensure-services: PostgreSQL is not installed here (no /etc/postgresql); postgres tests will be skipped')
    return false
  }
  const version = readdirSync('/etc/postgresql')[0]
  console.error(`ensure-services: starting PostgreSQL ${version}`)
  try {
    execSync(`pg_ctlcluster --skip-systemctl-redirect ${version} main start`, { stdio: 'inherit' })
  } catch (e) {
    console.error('ensure-services: could not start PostgreSQL:', e.message)
  }
  for (let i = 0; i < 30 && !pgReady(); i++) execSync('sleep 1')
  return pgReady()
}

if (import.meta.url === `file://${process.argv[1]}`) ensurePostgres()
