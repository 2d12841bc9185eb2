import { Command, CommanderError } from 'commander'
import { registerBench } from './bench.js'
import { registerCode } from './code.js'
import { registerServe } from './serve.js'
import { UsageError } from './options.js'
import { DictionaryError } from '../dictionaries/actors.js'
import { registerActors } from './actors.js'
import { registerEvents } from './events.js'
import { registerExport } from './export.js'
import { registerIngest } from './ingest.js'
import { registerWorker } from './worker.js'
import { registerEval } from './eval.js'

export function buildProgram(): Command {
  const program = new Command()
  program
    .name('newsgraph')
    .description('Turn news into political event data: who did what to whom, when, where, according to whom.')
    .showHelpAfterError()
    .exitOverride()
  registerCode(program)
  registerBench(program)
  registerServe(program)
  registerIngest(program)
  registerEvents(program)
  registerActors(program)
  registerExport(program)
  registerWorker(program)
  registerEval(program)
  return program
}

/** Runs the CLI and returns the exit code: 0 success, 1 some inputs failed, 2 usage error. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram()
  try {
    await program.parseAsync(argv)
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0
      return 2
    }
    if (e instanceof UsageError || e instanceof DictionaryError) {
      process.stderr.write(`newsgraph: ${e.message}\n`)
      return 2
    }
    throw e
  }
  return (program.getOptionValue('_exit') as number | undefined) ?? 0
}
