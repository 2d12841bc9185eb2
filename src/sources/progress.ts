/** Progress of long WARC reads on stderr: records, bytes, articles/s — on a terminal in place, else a line now and then. */
import type { WarcProgress } from './warc.js'

/** Terminal refresh: often enough to look alive, rarely enough to cost nothing. */
const TTY_EVERY_MS = 500
/** Logs and pipes get a line this often, so a long batch run shows it is moving. */
const LOG_EVERY_MS = 30_000
/** Files smaller than this finish before progress would be worth printing. */
const MIN_BYTES = 50 * 1024 * 1024

function mib(n: number): string {
  return n >= 1 << 30 ? `${(n / (1 << 30)).toFixed(2)} GiB` : `${(n / (1 << 20)).toFixed(0)} MiB`
}

export function warcProgressPrinter(out: NodeJS.WriteStream = process.stderr): (p: WarcProgress) => void {
  const tty = !!out.isTTY
  const every = tty ? TTY_EVERY_MS : LOG_EVERY_MS
  let startedAt = 0
  let source = ''
  let last = 0
  return (p) => {
    if (p.totalBytes < MIN_BYTES) return
    const now = Date.now()
    if (p.source !== source) {
      source = p.source
      startedAt = now
      // The first record of a file prints at once: the log shows the run has started.
      last = 0
    }
    const done = p.bytes >= p.totalBytes
    if (!done && now - last < every) return
    last = now
    const secs = Math.max(0.001, (now - startedAt) / 1000)
    const line = `${p.source}: ${p.records} records, ${mib(p.bytes)} of ${mib(p.totalBytes)} (${Math.floor((100 * p.bytes) / p.totalBytes)}%), ${p.articles} articles, ${(p.articles / secs).toFixed(1)} articles/s, resume offset ${p.offset}`
    out.write(tty ? `\r${line}\x1b[K${done ? '\n' : ''}` : `newsgraph: ${line}\n`)
  }
}
