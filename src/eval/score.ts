// Scoring coded events against gold records (format of test/fixtures/gold/README.md).
// Matching rules (stated in the README section "Scoring"):
// - only `asserted` events count as predictions: a negated/uncertain/hypothetical event claims nothing;
// - an event matches a gold event when the PLOVER type is equal, the actor matches and the recipient matches;
// - actors compare at country level (ISO alpha-3 or a non-state top level such as IGO/NGO), after
//   normalizing CAMEO's non-ISO codes (JAP -> JPN, ITL -> ITA, ...); sectors are not compared;
// - actor: the predicted actors share a country with the gold sources (a compound gold actor is
//   matched by any one member); gold `---` (unknown) matches any predicted actor;
// - recipient: with gold targets, the predicted recipients share a country with them; without
//   (reciprocal events put every participant in `source`, or the target is optional), the predicted
//   recipients must be empty or all among the gold sources ("X met Y" matches reciprocal [X, Y]);
// - each gold event is matched at most once; unmatched asserted predictions are false events.
import type { Event, PloverType } from '../core/types.js'
import { PLOVER_TYPES } from '../core/types.js'

export interface GoldEvent {
  source: string[]
  target: string[]
  type: PloverType | null
  cameo?: string | null
  map?: string
}

export interface GoldRecord {
  id: string
  text: string
  date?: string
  origin?: string
  events: GoldEvent[]
  meta?: Record<string, unknown>
}

/** CAMEO/Phoenix country codes that are not ISO 3166-1 alpha-3, as the GSR and PETRARCH use them. */
export const CODE_ALIASES: Record<string, string> = {
  JAP: 'JPN', ITL: 'ITA', GMY: 'DEU', GER: 'DEU', UK: 'GBR', UKG: 'GBR', KOS: 'XKX', ROM: 'ROU', ZAR: 'COD',
  TMP: 'TLS', BUR: 'MMR', SER: 'SRB', YUG: 'SRB', SUN: 'RUS', USR: 'RUS', SCG: 'SRB', PAL: 'PSE', WBG: 'PSE', GZS: 'PSE',
}

export function normCode(code: string | null | undefined): string | null {
  if (!code) return null
  const c = code.trim().toUpperCase()
  if (c === '' || c.startsWith('---')) return null
  const top = c.slice(0, 3)
  return CODE_ALIASES[top] ?? top
}

export function actorKey(a: { country: string | null; code: string | null }): string | null {
  return normCode(a.country) ?? normCode(a.code)
}

export interface Match {
  tp: number
  fp: number
  fn: number
}

export interface RecordResult {
  id: string
  text: string
  gold: GoldEvent[]
  predicted: Event[]
  matched: { gold: GoldEvent; event: Event }[]
  missed: GoldEvent[]
  falseEvents: Event[]
}

export interface Score {
  overall: Match & { precision: number; recall: number; f1: number }
  byType: Record<string, Match & { precision: number; recall: number; f1: number }>
  records: RecordResult[]
}

export function eventMatches(e: Event, g: GoldEvent): boolean {
  if (e.type !== g.type) return false
  const src = new Set(g.source.map(normCode))
  const tgt = new Set(g.target.map(normCode).filter((x): x is string => x !== null))
  const act = e.actor.map(actorKey)
  const rec = e.recipient.map(actorKey).filter((x): x is string => x !== null)
  if (act.length === 0) return false
  const unknownSource = [...src].every((s) => s === null)
  if (!unknownSource && !act.some((a) => a !== null && src.has(a))) return false
  if (tgt.size > 0) return rec.some((r) => tgt.has(r))
  return rec.every((r) => src.has(r))
}

/** Whether a gold event takes part in the score: typed, and for unit-test rows only exact CAMEO mappings. */
export function scorable(r: GoldRecord, g: GoldEvent): boolean {
  if (!g.type) return false
  if (r.origin === 'petrarch2-unittest' && g.map !== 'exact') return false
  return true
}

function prf(m: Match) {
  const precision = m.tp + m.fp === 0 ? 0 : m.tp / (m.tp + m.fp)
  const recall = m.tp + m.fn === 0 ? 0 : m.tp / (m.tp + m.fn)
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
  return { ...m, precision, recall, f1 }
}

export function score(pairs: { record: GoldRecord; events: Event[] }[]): Score {
  const total: Match = { tp: 0, fp: 0, fn: 0 }
  const byType = new Map<string, Match>()
  const bump = (t: string, k: keyof Match) => {
    const m = byType.get(t) ?? { tp: 0, fp: 0, fn: 0 }
    m[k]++
    byType.set(t, m)
    total[k]++
  }
  const records: RecordResult[] = []
  for (const { record, events } of pairs) {
    const predicted = events.filter((e) => e.polarity === 'asserted')
    const used = new Set<Event>()
    const res: RecordResult = { id: record.id, text: record.text, gold: record.events, predicted, matched: [], missed: [], falseEvents: [] }
    for (const g of record.events) {
      if (!scorable(record, g)) {
        // An unscorable gold event (a CAMEO statement, a test-only code) still explains a prediction on the same dyad.
        for (const e of predicted) if (!used.has(e) && eventMatches({ ...e, type: g.type ?? e.type } as Event, { ...g, type: g.type ?? e.type })) used.add(e)
        continue
      }
      const hit = predicted.find((e) => !used.has(e) && eventMatches(e, g))
      if (hit) {
        used.add(hit)
        res.matched.push({ gold: g, event: hit })
        bump(g.type!, 'tp')
      } else {
        res.missed.push(g)
        bump(g.type!, 'fn')
      }
    }
    for (const e of predicted) {
      if (used.has(e)) continue
      res.falseEvents.push(e)
      bump(e.type, 'fp')
    }
    records.push(res)
  }
  const types: Score['byType'] = {}
  for (const t of PLOVER_TYPES) if (byType.has(t)) types[t] = prf(byType.get(t)!)
  return { overall: prf(total), byType: types, records }
}

export function parseGold(text: string, name: string): GoldRecord[] {
  const out: GoldRecord[] = []
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return
    let r: GoldRecord
    try {
      r = JSON.parse(line)
    } catch (e) {
      throw new Error(`${name}:${i + 1}: not a JSON object (${(e as Error).message})`)
    }
    if (typeof r.text !== 'string' || !Array.isArray(r.events)) throw new Error(`${name}:${i + 1}: a gold record needs "text" and "events"`)
    r.id ??= `${name}:${i + 1}`
    out.push(r)
  })
  return out
}

/** Records a text-only coder can be held to (README caveats: disabled cases and broken-parse cases are skipped). */
export function usable(r: GoldRecord): boolean {
  const meta = (r.meta ?? {}) as { sentence_attr?: string; flags?: string[] }
  if (meta.sentence_attr === 'false') return false
  if ((meta.flags ?? []).includes('error:bad_input_parse')) return false
  return true
}
