import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after } from 'node:test'
import { openStore } from '../store.js'
import { storeContract } from '../store.contract.js'

const dir = mkdtempSync(join(tmpdir(), 'newsgraph-sqlite-'))
after(() => rmSync(dir, { recursive: true, force: true }))
let n = 0

storeContract('sqlite', { open: () => openStore(`sqlite:${join(dir, `t${n++}.db`)}`) })
