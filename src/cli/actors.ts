import type { Command } from 'commander'
import type { EntityType } from '../core/types.js'
import { dbOption, exitQuietlyOnClosedPipe, withStore } from './ingest.js'
import { parseChoice, parsePositiveInt } from './options.js'

export function registerActors(program: Command): void {
  dbOption(program.command('actors'))
    .description('query stored actors with the evidence behind them; give an id for its dossier')
    .argument('[id]', 'an actor id: prints its dossier (roles over time, counterparts, event types, timeline, evidence)')
    .option('-q, --q <text>', 'name, alias, code or country')
    .option('--country <iso3>', 'only actors of this country')
    .option('--type <type>', 'person|organization|country|place|group')
    .option('--limit <n>', 'how many', '30')
    .option('--format <f>', 'table|jsonl (default: table on a terminal)')
    .action(async (id: string | undefined, o) => {
      exitQuietlyOnClosedPipe()
      const format = o.format ? parseChoice('--format', o.format, ['table', 'jsonl']) : process.stdout.isTTY ? 'table' : 'jsonl'
      const limit = parsePositiveInt('--limit', o.limit)
      const type = o.type ? (parseChoice('--type', o.type, ['person', 'organization', 'country', 'place', 'group']) as EntityType) : undefined
      await withStore(program, o.db, { readonly: !/^postgres/i.test(o.db) }, async (store) => {
        if (id) {
          const d = await store.actor(id, { timelineLimit: limit })
          if (!d) {
            process.stderr.write(`newsgraph: no actor "${id}" (search with: newsgraph actors -q NAME)\n`)
            return 1
          }
          if (format === 'jsonl') {
            process.stdout.write(JSON.stringify(d) + '\n')
            return 0
          }
          const a = d.actor
          const out = [`${a.name}  [${a.id}]  ${a.type ?? ''} ${a.country ?? ''} ${a.sector ?? ''} ${a.code ?? ''}  (${a.origin}; ${a.mentions} mentions, ${a.events} events, ${a.first_seen ?? '?'} … ${a.last_seen ?? '?'})`]
          if (d.aliases.length) out.push(`  also: ${d.aliases.slice(0, 8).join(' | ')}`)
          for (const r of d.roles) out.push(`  role: ${[r.title, r.sector, r.country].filter(Boolean).join(', ') || '—'}  ${r.first_seen} … ${r.last_seen}  ×${r.mentions}`)
          for (const e of d.evidence.slice(0, 5)) out.push(`  evidence (${e.published ?? '?'}, ${e.article_id}): “${e.sentence_text.replace(/\s+/g, ' ').slice(0, 160)}”`)
          if (d.event_types.length) out.push('  event types: ' + d.event_types.map((t) => `${t.type} ${t.as_actor}/${t.as_recipient}`).join(', ') + '  (as actor/as recipient)')
          if (d.counterparts.length) out.push('  counterparts: ' + d.counterparts.slice(0, 10).map((c) => `${c.name} ${c.as_actor}/${c.as_recipient}`).join(', '))
          for (const e of d.timeline) out.push(`  ${(e.date ?? e.published ?? '').slice(0, 10)}  ${e.type}  ${e.actor.map((x) => x.name ?? x.text).join('+')} → ${e.recipient.map((x) => x.name ?? x.text).join('+')}  (${e.article_id})`)
          process.stdout.write(out.join('\n') + '\n')
          return 0
        }
        const page = await store.actors({ q: o.q, country: o.country, type, limit })
        for (const a of page.items) {
          if (format === 'jsonl') {
            process.stdout.write(JSON.stringify(a) + '\n')
            continue
          }
          process.stdout.write(`${a.name.slice(0, 36).padEnd(36)} ${(a.type ?? '').padEnd(12)} ${(a.code ?? a.country ?? '').padEnd(10)} ${String(a.mentions).padStart(6)} mentions ${String(a.events).padStart(5)} events  ${a.first_seen ?? ''}…${a.last_seen ?? ''}  ${a.origin === 'dictionary' ? '(your dictionary) ' : ''}${a.id}\n`)
          if (format === 'table') {
            const d = await store.actor(a.id, { timelineLimit: 0 })
            const ev = d?.evidence[0]
            if (ev) process.stdout.write(`    evidence: “${ev.text}” (${ev.article_id}, ${ev.published ?? '?'})\n`)
          }
        }
        if (page.next) process.stderr.write(`newsgraph: more actors: raise --limit\n`)
        return 0
      })
    })
}
