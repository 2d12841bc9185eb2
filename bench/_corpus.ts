import { readFileSync } from 'node:fs'
import type { Article } from '../src/core/types.js'

/**
 * A JSONL corpus repeated until it holds at least `minBytes` of text, each copy with its own id,
 * so that a throughput figure is not noise. Shared by the reading and coding benches.
 */
export function loadRepeatedCorpus(path: string, minBytes: number, opts: { titles?: boolean } = {}): Article[] {
  const base: Article[] = []
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue
    const r = JSON.parse(line)
    if (typeof r.text !== 'string') continue
    const a: Article = { id: String(r.id ?? base.length), text: r.text, published: r.published ?? null }
    if (opts.titles) a.title = r.title ?? null
    base.push(a)
  }
  if (base.length === 0) throw new Error(`${path}: no JSONL records with a "text" field`)
  const out: Article[] = []
  let bytes = 0
  for (let round = 0; bytes < minBytes; round++) {
    for (const a of base) {
      out.push({ ...a, id: `${a.id}#${round}` })
      bytes += Buffer.byteLength(a.text)
    }
  }
  return out
}
