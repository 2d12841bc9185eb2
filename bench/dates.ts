/**
 * Date quality: newsgraph's date expressions against the hand-read dates of 8 VOA development
 * articles (test/fixtures/voa-annotated/dates.ann). `newsgraph bench --suite dates`.
 */
import { readFileSync } from 'node:fs'
import { createCoder } from '../src/coder.js'
import { fromRoot } from '../src/core/paths.js'
import type { DateMention } from '../src/core/types.js'
import { loadGold } from './mentions.js'

export interface GoldDate {
  text: string
  start: number
  end: number
  date: string
  precision: 'day' | 'month' | 'year'
}

export interface DateScores {
  articles: number
  gold: number
  predicted: number
  /** Found: a predicted expression overlaps a gold one. */
  found: { precision: number; recall: number; f1: number }
  /** Of the found ones, the share resolved to the same date at the same precision. */
  resolved: number
  /** Found, resolved right, over all gold dates: what a user gets. */
  endToEnd: number
  errors: string[]
}

export function loadGoldDates(): Map<string, GoldDate[]> {
  const out = new Map<string, GoldDate[]>()
  for (const line of readFileSync(fromRoot('test', 'fixtures', 'voa-annotated', 'gold-dates.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue
    const r = JSON.parse(line)
    out.set(r.id, r.dates)
  }
  return out
}

export function scoreDates(predict?: (id: string, text: string, published: string) => DateMention[]): DateScores {
  const coder = createCoder()
  predict ??= (id, text, published) => {
    const res = coder.code({ name: `voa-annotated/${id}`, id, text, published })
    if (!res.ok) throw new Error(`voa-annotated/${id}: ${res.error}`)
    return res.record.dates
  }
  const gold = loadGoldDates()
  const articles = loadGold().filter((a) => gold.has(a.id))
  let nGold = 0
  let nPred = 0
  let tp = 0
  let right = 0
  const errors: string[] = []
  for (const a of articles) {
    const g = gold.get(a.id)!
    const p = predict(a.id, a.text, a.published)
    nGold += g.length
    nPred += p.length
    const used = new Set<number>()
    for (const gd of g) {
      const i = p.findIndex((pd, k) => !used.has(k) && pd.start < gd.end && gd.start < pd.end)
      if (i < 0) {
        errors.push(`${a.id} missed "${gd.text}" (${gd.date})`)
        continue
      }
      used.add(i)
      tp++
      if (p[i].date === gd.date && p[i].precision === gd.precision) right++
      else errors.push(`${a.id} "${p[i].text}" → ${p[i].date} (${p[i].precision}), gold ${gd.date} (${gd.precision})`)
    }
    p.forEach((pd, k) => {
      if (!used.has(k)) errors.push(`${a.id} spurious "${pd.text}" → ${pd.date}`)
    })
  }
  const precision = nPred ? tp / nPred : 0
  const recall = nGold ? tp / nGold : 0
  return {
    articles: articles.length,
    gold: nGold,
    predicted: nPred,
    found: { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 },
    resolved: tp ? right / tp : 0,
    endToEnd: nGold ? right / nGold : 0,
    errors,
  }
}

export async function run(opts: { quiet?: boolean } = {}): Promise<DateScores> {
  const s = scoreDates()
  if (opts.quiet) return s
  const say = (x: string) => process.stdout.write(x + '\n')
  say(`gold        ${s.articles} hand-read VOA articles, ${s.gold} date expressions; newsgraph ${s.predicted}`)
  say(`found       P ${s.found.precision.toFixed(3)}  R ${s.found.recall.toFixed(3)}  F1 ${s.found.f1.toFixed(3)}`)
  say(`resolved    ${(s.resolved * 100).toFixed(1)}% of found ones to the gold date and precision; ${(s.endToEnd * 100).toFixed(1)}% of all gold dates end to end`)
  for (const e of s.errors) say(`  ${e}`)
  return s
}
