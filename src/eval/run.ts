// Codes gold records with the full coder and scores them; shared by `newsgraph eval`, the quality
// test and the benchmark so that all three measure the same thing.
import { readFileSync } from 'node:fs'
import { createCoder, type Coder } from '../coder.js'
import type { Event } from '../core/types.js'
import { parseGold, score, usable, type GoldRecord, type Score } from './score.js'

export interface EvalOptions {
  /** Keep only records of this origin (e.g. "plover-gsr"). */
  origin?: string
  dictionaries?: string
  coder?: Coder
}

export function codeRecord(coder: Coder, r: GoldRecord): Event[] {
  const res = coder.code({ name: r.id, id: r.id, text: r.text, published: r.date })
  return res.ok ? res.record.events : []
}

export function evaluate(records: GoldRecord[], opts: EvalOptions = {}): Score & { records_used: number } {
  const coder = opts.coder ?? createCoder({ dictionaries: opts.dictionaries })
  const chosen = records.filter((r) => usable(r) && (!opts.origin || r.origin === opts.origin))
  const s = score(chosen.map((record) => ({ record, events: codeRecord(coder, record) })))
  return { ...s, records_used: chosen.length }
}

export function evaluateFile(path: string, opts: EvalOptions = {}) {
  return evaluate(parseGold(readFileSync(path, 'utf8'), path), opts)
}
