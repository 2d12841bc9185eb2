import type { Command } from 'commander'
import { existsSync, readFileSync } from 'node:fs'
import type { Actor, Event } from '../core/types.js'
import { evaluate } from '../eval/run.js'
import { parseGold, type GoldEvent, type Score } from '../eval/score.js'
import { UsageError } from './options.js'

const pct = (x: number) => (x * 100).toFixed(1).padStart(5)
const actors = (xs: Actor[]) => xs.map((a) => `${a.name ?? a.text}[${a.code ?? a.country ?? '?'}]`).join('+') || '—'
const gold = (g: GoldEvent) => `${g.type} ${g.source.join('+') || '—'} → ${g.target.join('+') || '—'}`
const event = (e: Event) => `${e.type} ${actors(e.actor)} → ${actors(e.recipient)}  (trigger “${e.trigger.text}”)`

export function formatScore(s: Score & { records_used: number }, verbose: boolean): string {
  const lines: string[] = []
  const o = s.overall
  lines.push(`records ${s.records_used}   events: ${o.tp} correct, ${o.fp} false, ${o.fn} missed`)
  lines.push(`overall   P ${pct(o.precision)}  R ${pct(o.recall)}  F1 ${pct(o.f1)}`)
  lines.push('type        P      R      F1    tp  fp  fn')
  for (const [t, m] of Object.entries(s.byType)) {
    lines.push(`${t.padEnd(10)} ${pct(m.precision)}  ${pct(m.recall)}  ${pct(m.f1)}  ${String(m.tp).padStart(3)} ${String(m.fp).padStart(3)} ${String(m.fn).padStart(3)}`)
  }
  if (verbose) {
    for (const r of s.records) {
      if (r.missed.length === 0 && r.falseEvents.length === 0) continue
      lines.push('', `${r.id}: ${r.text}`)
      for (const g of r.missed) lines.push(`  MISSED ${gold(g)}`)
      for (const e of r.falseEvents) lines.push(`  FALSE  ${event(e)}`)
    }
  }
  return lines.join('\n')
}

export function registerEval(program: Command): void {
  program
    .command('eval')
    .description('score the coder against gold records (JSONL: text, date, events with source/target/type)')
    .argument('<gold>', 'gold JSONL file')
    .option('--origin <origin>', 'only records of this origin, e.g. plover-gsr')
    .option('--verbose', 'list missed gold events and false events')
    .option('--dictionaries <dir>', 'a folder of your own actor/verb dictionaries, layered over the shipped ones')
    .action((file: string, o) => {
      if (!existsSync(file)) throw new UsageError(`eval: ${file}: no such file`)
      let records
      try {
        records = parseGold(readFileSync(file, 'utf8'), file)
      } catch (e) {
        throw new UsageError(`eval: ${(e as Error).message}`)
      }
      const s = evaluate(records, { origin: o.origin, dictionaries: o.dictionaries })
      process.stdout.write(formatScore(s, !!o.verbose) + '\n')
    })
}
