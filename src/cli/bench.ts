import type { Command } from 'commander'
import { readdirSync } from 'node:fs'
import { fromRoot } from '../core/paths.js'
import { UsageError } from './options.js'

/**
 * `newsgraph bench` runs the benchmark suites in bench/: each bench/<name>.ts exports
 * `run(opts)` and prints its own figures. Speed is measured here, never in a timed unit test.
 */
export interface BenchOptions {
  suite: string
  corpus?: string
  db?: string
  minBytes?: number
}

function suites(): string[] {
  const dir = fromRoot('dist', 'bench')
  try {
    return readdirSync(dir).filter((f) => f.endsWith('.js') && !f.endsWith('.test.js') && !f.startsWith('_')).map((f) => f.slice(0, -3)).sort()
  } catch {
    return []
  }
}

export function registerBench(program: Command): void {
  program
    .command('bench')
    .description(`measure throughput and quality (suites: ${suites().join(', ') || 'none built'}; default: reading)`)
    .option('--suite <name>', 'which suite to run, or "all"', 'reading')
    .option('--corpus <path>', 'corpus to read (default: the bundled VOA sample)')
    .option('--db <url>', 'database for storage suites')
    .action(async (o) => {
      const all = suites()
      const chosen = o.suite === 'all' ? all : [o.suite]
      for (const name of chosen) {
        if (!all.includes(name)) throw new UsageError(`no benchmark suite "${name}" (have: ${all.join(', ')})`)
        const mod = await import(fromRoot('dist', 'bench', `${name}.js`))
        process.stdout.write(`\n== bench ${name}\n`)
        await mod.run({ suite: name, corpus: o.corpus, db: o.db } satisfies BenchOptions)
      }
    })
}
