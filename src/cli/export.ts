import type { Command } from 'commander'
import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import { csvLine, EVENT_COLUMNS, eventRow, MENTION_COLUMNS, mentionRow, ploverRecord } from '../storage/export.js'
import { filterOptions, parseFilter } from './events.js'
import { dbOption, exitQuietlyOnClosedPipe, withStore } from './ingest.js'
import { parseChoice } from './options.js'

export function registerExport(program: Command): void {
  filterOptions(dbOption(program.command('export')))
    .description('write the whole database (or a filtered part) for analysis tools; streams, so any size works')
    .requiredOption('--format <f>', 'plover-json (PLOVER event JSONL) | events-csv (GDELT-style columns) | mentions-csv | jsonl (article records)')
    .option('-o, --output <file>', 'write here instead of standard output')
    .action(async (o) => {
      exitQuietlyOnClosedPipe()
      const format = parseChoice('--format', o.format, ['plover-json', 'events-csv', 'mentions-csv', 'jsonl'])
      const filter = parseFilter(o)
      const out = o.output ? createWriteStream(o.output) : process.stdout
      const write = async (s: string) => {
        if (!out.write(s)) await once(out, 'drain')
      }
      await withStore(program, o.db, { readonly: !/^postgres/i.test(o.db) }, async (store) => {
        let n = 0
        if (format === 'plover-json') for await (const e of store.exportEvents(filter)) (await write(JSON.stringify(ploverRecord(e)) + '\n'), n++)
        else if (format === 'events-csv') {
          await write(csvLine(EVENT_COLUMNS) + '\n')
          for await (const e of store.exportEvents(filter)) (await write(csvLine(Object.values(eventRow(e))) + '\n'), n++)
        } else if (format === 'mentions-csv') {
          await write(csvLine(MENTION_COLUMNS) + '\n')
          for await (const m of store.exportMentions({ since: filter.since, until: filter.until })) (await write(csvLine(Object.values(mentionRow(m))) + '\n'), n++)
        } else for await (const r of store.exportArticles()) (await write(JSON.stringify(r) + '\n'), n++)
        if (o.output) {
          out.end()
          await once(out, 'finish')
        }
        process.stderr.write(`newsgraph: exported ${n} ${format === 'jsonl' ? 'article(s)' : format === 'mentions-csv' ? 'mention(s)' : 'event(s)'}\n`)
        return 0
      })
    })
}
