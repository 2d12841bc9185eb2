import type { Command } from 'commander'
import { PLOVER_TYPES, QUAD_OF, type PloverType, type Polarity, type Quad } from '../core/types.js'
import { csvLine, EVENT_COLUMNS, eventRow } from '../storage/export.js'
import { MAX_LIMIT, type EventFilter, type StoredEvent } from '../storage/store.js'
import { dbOption, exitQuietlyOnClosedPipe, withStore } from './ingest.js'
import { parseChoice, parseIsoDate, parsePositiveInt } from './options.js'
import { eventLine } from './output.js'

/** Options shared by `events` and `export`: the filters of EventFilter, validated once here. */
export function filterOptions(cmd: Command): Command {
  return cmd
    .option('--actor <a>', 'actor id (from `newsgraph actors`), code (IRNGOV) or country (IRN)')
    .option('--recipient <a>', 'recipient id, code or country')
    .option('--country <iso3>', 'either side from this country')
    .option('--type <type>', `PLOVER event type (${PLOVER_TYPES.join(', ')})`)
    .option('--quad <quad>', 'VERBAL_COOPERATION|MATERIAL_COOPERATION|VERBAL_CONFLICT|MATERIAL_CONFLICT')
    .option('--polarity <p>', 'asserted|negated|uncertain|hypothetical')
    .option('--since <date>', 'from this day (YYYY-MM-DD), inclusive')
    .option('--until <date>', 'to this day (YYYY-MM-DD), inclusive')
    .option('-q, --q <words>', 'full-text search in the event sentences')
}

export function parseFilter(o: Record<string, string | undefined>): EventFilter {
  const f: EventFilter = {}
  if (o.actor) f.actor = o.actor
  if (o.recipient) f.recipient = o.recipient
  if (o.country) f.country = o.country.toUpperCase()
  if (o.type) f.type = parseChoice('--type', o.type.toUpperCase(), PLOVER_TYPES) as PloverType
  if (o.quad) f.quad = parseChoice('--quad', o.quad.toUpperCase(), [...new Set(Object.values(QUAD_OF))]) as Quad
  if (o.polarity) f.polarity = parseChoice('--polarity', o.polarity, ['asserted', 'negated', 'uncertain', 'hypothetical']) as Polarity
  if (o.since) f.since = parseIsoDate('--since', o.since)
  if (o.until) f.until = parseIsoDate('--until', o.until)
  if (o.q) f.q = o.q
  return f
}

export function eventTableLine(e: StoredEvent): string {
  const c = e.cluster
  return `${(e.date ?? e.published ?? '').slice(0, 10).padEnd(10)}  ${eventLine(e)}  [${c.num_articles} art/${c.num_sources} src]  ${e.source ?? ''} ${e.article_id}`
}

export function registerEvents(program: Command): void {
  filterOptions(dbOption(program.command('events')))
    .description('query stored events, newest first')
    .option('--limit <n>', `how many (default 50, at most ${MAX_LIMIT} per page)`, '50')
    .option('--cursor <c>', 'continue after the previous page (printed at its end)')
    .option('--format <f>', 'table|jsonl|csv (default: table on a terminal, jsonl otherwise)')
    .action(async (o) => {
      exitQuietlyOnClosedPipe()
      const filter = parseFilter(o)
      filter.limit = parsePositiveInt('--limit', o.limit)
      if (o.cursor) filter.cursor = o.cursor
      const format = o.format ? parseChoice('--format', o.format, ['table', 'jsonl', 'csv']) : process.stdout.isTTY ? 'table' : 'jsonl'
      await withStore(program, o.db, { readonly: !/^postgres/i.test(o.db) }, async (store) => {
        const page = await store.events(filter)
        if (format === 'csv') process.stdout.write(csvLine(EVENT_COLUMNS) + '\n')
        for (const e of page.items) {
          if (format === 'jsonl') process.stdout.write(JSON.stringify(e) + '\n')
          else if (format === 'csv') process.stdout.write(csvLine(Object.values(eventRow(e))) + '\n')
          else process.stdout.write(eventTableLine(e) + '\n' + `            “${e.sentence_text.replace(/\s+/g, ' ').slice(0, 140)}”\n`)
        }
        if (page.next) process.stderr.write(`newsgraph: more events: add --cursor ${page.next}\n`)
        else if (format === 'table' && page.items.length === 0) process.stderr.write('newsgraph: no events match\n')
        return 0
      })
    })
}
