/**
 * False events on non-political news: sports, markets, culture, science stories
 * (test/fixtures/nonpolitical). Prints asserted events per 1,000 sentences and the events found.
 * `newsgraph bench --suite nonpolitical [--corpus file.jsonl]`.
 */
import { readFileSync } from 'node:fs'
import { createCoder } from '../src/coder.js'
import { fromRoot } from '../src/core/paths.js'

export interface NonPoliticalOptions { corpus?: string; quiet?: boolean }

export async function run(opts: NonPoliticalOptions = {}) {
  const say = (s: string) => { if (!opts.quiet) process.stdout.write(s + '\n') }
  const files = opts.corpus ? [opts.corpus] : ['extraction-benchmark.jsonl', 'voa.jsonl'].map((f) => fromRoot('test', 'fixtures', 'nonpolitical', f))
  const coder = createCoder()
  let articles = 0
  let sentences = 0
  let asserted = 0
  let all = 0
  const bySection: Record<string, { sentences: number; events: number }> = {}
  const examples: string[] = []
  for (const f of files) {
    for (const line of readFileSync(f, 'utf8').split('\n')) {
      if (!line.trim()) continue
      const r = JSON.parse(line)
      const res = coder.code({ name: r.id, id: r.id, text: r.text, title: r.title, published: r.published ?? '2019-11-20' })
      if (!res.ok) continue
      articles++
      const n = new Set(res.record.events.map((e) => e.sentence.index)).size
      const sents = res.record.text.split(/(?<=[.!?])\s+/).length
      sentences += sents
      const ev = res.record.events.filter((e) => e.polarity === 'asserted')
      asserted += ev.length
      all += res.record.events.length
      const sec = (bySection[r.section ?? 'other'] ??= { sentences: 0, events: 0 })
      sec.sentences += sents
      sec.events += ev.length
      for (const e of ev.slice(0, 2)) if (examples.length < 12) examples.push(`  ${r.id.slice(0, 16)} ${e.type} ${e.actor.map((a) => a.name ?? a.text).join('+')} → ${e.recipient.map((a) => a.name ?? a.text).join('+') || '—'}  “${e.trigger.text}”`)
      void n
    }
  }
  const rate = (e: number, s: number) => ((1000 * e) / Math.max(1, s)).toFixed(1)
  say(`non-political stories: ${articles} articles, ~${sentences} sentences`)
  say(`asserted events per 1,000 sentences: ${rate(asserted, sentences)}  (${asserted} asserted, ${all} in all)`)
  say(`  by section: ${Object.entries(bySection).map(([k, v]) => `${k} ${rate(v.events, v.sentences)}`).join(', ')}`)
  if (examples.length) say(`examples:\n${examples.join('\n')}`)
  return { articles, sentences, asserted, all, perThousand: (1000 * asserted) / Math.max(1, sentences) }
}
