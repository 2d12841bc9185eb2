import type { Command } from 'commander'
import { readdirSync } from 'node:fs'
import { Worker } from 'node:worker_threads'
import { CODING_THREAD_LIMITS } from '../ingest/pool.js'
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

function inCodingThread(file: string, opts: BenchOptions): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const w = new Worker(fromRoot('dist', 'bench', '_thread.js'), { workerData: { module: file, opts }, resourceLimits: CODING_THREAD_LIMITS })
    let figures: unknown
    w.on('message', (m) => (figures = m))
    w.on('error', reject)
    w.on('exit', (code) => (code === 0 ? resolve(figures) : reject(new Error(`bench thread exited with code ${code}`))))
  })
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
        const file = fromRoot('dist', 'bench', `${name}.js`)
        const mod = await import(file)
        process.stdout.write(`\n== bench ${name}\n`)
        const opts = { suite: name, corpus: o.corpus, db: o.db } satisfies BenchOptions
        // Throughput suites measure coding where ingest does it: in a coding thread with its heap limits.
        if (mod.IN_CODING_THREAD) await inCodingThread(file, opts)
        else await mod.run(opts)
      }
    })
}
