import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { DictionaryError, loadUserDictionaries, resolveRole, shippedDictionaries, splitCode, type Role } from './actors.js'

const putin: Role[] = [
  { code: 'RUSELI', country: 'RUS', sector: 'ELI', from: '1970-01-01', to: '1999-08-09' },
  { code: 'RUSGOV', country: 'RUS', sector: 'GOV', from: '1999-12-31', to: '2008-05-07' },
  { code: 'RUSGOV', country: 'RUS', sector: 'GOV', from: '2008-05-08' },
  { code: 'RUSELI', country: 'RUS', sector: 'ELI' },
]

test('a dated role is chosen by the article date, the undated one outside every period', () => {
  assert.equal(resolveRole(putin, '2023-10-27')?.code, 'RUSGOV')
  assert.equal(resolveRole(putin, '1995-03-01')?.code, 'RUSELI')
  assert.equal(resolveRole(putin, '1999-10-01')?.code, 'RUSELI') // between periods: the default
  assert.equal(resolveRole(putin, '2008-05-08T10:00:00Z')?.code, 'RUSGOV')
})

test('without a date, the open-ended (current) role is used', () => {
  assert.equal(resolveRole(putin, null)?.code, 'RUSGOV')
  assert.equal(resolveRole([{ code: 'USAGOV', country: 'USA', sector: 'GOV', from: '2009-01-20', to: '2017-01-20' }, { code: 'USAELI', country: 'USA', sector: 'ELI' }], null)?.code, 'USAELI')
})

test('with only other periods\' roles the country stays and the sector is unknown', () => {
  const r = resolveRole([{ code: 'AFGGOV', country: 'AFG', sector: 'GOV', from: '1992-04-16', to: '1992-04-28' }], '2023-01-01')
  assert.deepEqual(r, { code: 'AFG', country: 'AFG', sector: null })
})

test('the shipped PETRARCH conversion keeps dated roles and file:line origins', () => {
  const d = shippedDictionaries()
  const all = [...d.actors]
  const p = all.find((e) => e.name === 'Vladimir Putin')!
  assert.match(p.origin, /^Phoenix\.Countries\.actors\.txt:\d+$/)
  assert.ok(p.roles.some((r) => r.code === 'RUSGOV' && r.from === '2008-05-08' && !r.to))
  const hamas = all.find((e) => e.origin.startsWith('Phoenix.MilNonState') && e.name === 'Hamas')!
  assert.equal(hamas.roles[0].country, 'PSE')
  // CAMEO's East Timor code becomes ISO's
  assert.ok(all.some((e) => e.roles.some((r) => r.country === 'TLS')))
  assert.ok(!all.some((e) => e.roles.some((r) => r.country === 'TMP')))
})

test('codes split into country and sector, IGO top levels have no country', () => {
  assert.deepEqual(splitCode('IRNGOV'), { country: 'IRN', sector: 'GOV' })
  assert.deepEqual(splitCode('IGOUNO'), { country: null, sector: 'IGO' })
  assert.deepEqual(splitCode('RUS'), { country: 'RUS', sector: null })
})

test('a user folder is read by file name; a bad line names file and line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ng-dict-'))
  try {
    writeFileSync(join(dir, 'my-actors.jsonl'), '# mine\n{"name": "Ali Bagheri Kani", "aliases": ["Kani"], "code": "IRNGOV"}\n')
    writeFileSync(join(dir, 'my-agents.jsonl'), '{"phrase": "peace envoy", "sector": "GOV"}\n')
    writeFileSync(join(dir, 'verbs.jsonl'), 'not mine, not read\n')
    const u = loadUserDictionaries(dir)
    assert.equal(u.actors.length, 1)
    assert.deepEqual(u.actors[0].roles[0], { code: 'IRNGOV', country: 'IRN', sector: 'GOV' })
    assert.equal(u.actors[0].origin, join(dir, 'my-actors.jsonl') + ':2')
    assert.equal(u.agents[0].sector, 'GOV')
    writeFileSync(join(dir, 'bad-actors.jsonl'), '{"name": "X", "code": "IRNGOV"}\n{"aliases": ["no name"]}\n')
    assert.throws(() => loadUserDictionaries(dir), (e: Error) => e instanceof DictionaryError && /bad-actors\.jsonl:2: an actor needs a "name"/.test(e.message))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  assert.throws(() => loadUserDictionaries(join(tmpdir(), 'ng-no-such-folder')), /not a folder/)
})
