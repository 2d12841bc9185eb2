import type { Command } from 'commander'
import { createCoder } from '../coder.js'
import { readSources, type InputKind } from '../sources/index.js'
import { warcProgressPrinter } from '../sources/progress.js'
import { defaultFormat, formatRecord, type RecordFormat } from './output.js'
import { parseChoice, parseIsoDate, UsageError } from './options.js'

export function registerCode(program: Command): void {
  program
    .command('code')
    .description('code articles and print their records (touches no database)')
    .argument('[inputs...]', 'files, folders, globs, JSONL, feeds, WARC, http(s) URLs, or - for standard input', ['-'])
    .option('--published <date>', 'reference date YYYY-MM-DD for relative dates when an article carries none')
    .option('--input <kind>', 'auto|text|html|jsonl|warc|feed', 'auto')
    .option('--format <format>', 'json|jsonl|table (default: table on a terminal, jsonl otherwise)')
    .option('--explain', 'show which dictionary entries and patterns produced each event')
    .option('--dictionaries <dir>', 'a folder of your own actor/verb dictionaries, layered over the shipped ones')
    .action(async (inputs: string[], o) => {
      const input = parseChoice('--input', o.input, ['auto', 'text', 'html', 'jsonl', 'warc', 'feed']) as InputKind
      const format = (o.format ? parseChoice('--format', o.format, ['json', 'jsonl', 'table']) : defaultFormat()) as RecordFormat
      const published = o.published ? parseIsoDate('--published', o.published) : undefined
      const coder = createCoder({ published, dictionaries: o.dictionaries })
      let failed = 0
      let ok = 0
      for await (const item of readSources(inputs, { input, onProgress: warcProgressPrinter() })) {
        if (item instanceof Error) {
          failed++
          process.stderr.write(`newsgraph: ${item.message}\n`)
          continue
        }
        const res = coder.code(item)
        if (!res.ok) {
          failed++
          process.stderr.write(`newsgraph: ${res.input}: ${res.error}\n`)
          continue
        }
        ok++
        for (const w of res.record.warnings) if (/language/.test(w)) process.stderr.write(`newsgraph: ${res.input}: warning: ${w}\n`)
        process.stdout.write(formatRecord(res.record, format, !!o.explain) + '\n')
      }
      if (failed) process.stderr.write(`newsgraph: ${ok} article(s) coded, ${failed} input(s) failed\n`)
      program.setOptionValue('_exit', failed ? 1 : 0)
    })
}

export { UsageError }
