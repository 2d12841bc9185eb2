import type { ArticleRecord, Event } from '../core/types.js'

export type RecordFormat = 'json' | 'jsonl' | 'table'

/** A table when a person is reading, JSON lines when another program is. */
export function defaultFormat(stream: NodeJS.WriteStream = process.stdout): RecordFormat {
  return stream.isTTY ? 'table' : 'jsonl'
}

function clip(s: string, n: number): string {
  s = s.replace(/\s+/g, ' ')
  return s.length <= n ? s : s.slice(0, n - 1) + '…'
}

function actorList(list: { name: string | null; text: string; code: string | null }[]): string {
  return list.map((a) => `${a.name ?? a.text}${a.code ? ` [${a.code}]` : ''}`).join(' + ') || '—'
}

export function eventLine(e: Event): string {
  const pol = e.polarity === 'asserted' ? '' : ` (${e.polarity})`
  return `${e.type}${pol}  ${actorList(e.actor)} → ${actorList(e.recipient)}${e.date ? `  ${e.date}` : ''}${e.location ? `  @${e.location.name}` : ''}${e.reported_by ? `  via ${e.reported_by}` : ''}`
}

/** A readable rendering of one article record for a terminal. */
export function formatTable(r: ArticleRecord, explain = false): string {
  const out: string[] = []
  out.push(`── ${r.id}${r.title ? `  ${clip(r.title, 70)}` : ''}${r.published ? `  (${r.published})` : ''}`)
  if (r.removed.length) out.push(`   removed ${r.removed.length} line(s): ${[...new Set(r.removed.map((x) => x.reason))].join(', ')}`)
  const ents = new Map<string, { type: string; code: string | null; n: number }>()
  for (const m of r.entities) {
    const key = `${m.name ?? m.text}`
    const e = ents.get(key)
    if (e) e.n++
    else ents.set(key, { type: m.type, code: m.code, n: 1 })
  }
  if (ents.size) {
    out.push('   entities:')
    for (const [name, e] of ents) out.push(`     ${e.type.padEnd(12)} ${clip(name, 40).padEnd(40)} ${(e.code ?? '').padEnd(9)} ×${e.n}`)
  }
  if (r.dates.length) out.push('   dates: ' + r.dates.map((d) => `${d.text} → ${d.date ?? '?'}`).join('; '))
  if (r.events.length) {
    out.push('   events:')
    for (const e of r.events) {
      out.push(`     ${eventLine(e)}`)
      out.push(`       “${clip(r.text.slice(e.sentence.start, e.sentence.end), 110)}”`)
      if (explain) out.push(`       trigger “${e.trigger.text}”; ${e.explanation}`)
    }
  }
  if (r.quotes.length) {
    out.push('   quotes:')
    for (const q of r.quotes) out.push(`     ${q.speaker?.name ?? q.speaker?.text ?? '?'}: “${clip(q.text, 90)}”`)
  }
  for (const w of r.warnings) out.push(`   warning: ${w}`)
  return out.join('\n')
}

export function formatRecord(r: ArticleRecord, format: RecordFormat, explain = false): string {
  if (format === 'table') return formatTable(r, explain)
  if (format === 'json') return JSON.stringify(r, null, 2)
  return JSON.stringify(r)
}
