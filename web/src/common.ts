import type { Quad, StoredEvent } from './api.ts'
import { announce, h } from './dom.ts'

export const QUADS: Quad[] = ['VERBAL_COOPERATION', 'MATERIAL_COOPERATION', 'VERBAL_CONFLICT', 'MATERIAL_CONFLICT']
export const QUAD_LABEL: Record<Quad, string> = {
  VERBAL_COOPERATION: 'Verbal cooperation',
  MATERIAL_COOPERATION: 'Material cooperation',
  VERBAL_CONFLICT: 'Verbal conflict',
  MATERIAL_CONFLICT: 'Material conflict',
}
/** Colour-blind-safe (Okabe–Ito): cooperation blues/greens, conflict orange/vermillion. */
export const QUAD_COLOR: Record<Quad, string> = {
  VERBAL_COOPERATION: '#56B4E9',
  MATERIAL_COOPERATION: '#009E73',
  VERBAL_CONFLICT: '#E69F00',
  MATERIAL_CONFLICT: '#D55E00',
}
export const PLOVER_TYPES = ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT']
export const POLARITIES = ['asserted', 'negated', 'uncertain', 'hypothetical']

export type Side = StoredEvent['actor'][number]

export function sideName(a: Side): string {
  return a.name ?? a.text
}

/** Link to an actor's dossier when the store knows its id; plain text otherwise. */
export function actorLinks(sides: Side[], ids: string[]): Node {
  const span = h('span', { class: 'actors' })
  sides.forEach((a, i) => {
    if (i) span.appendChild(document.createTextNode(', '))
    const id = ids[i]
    const label = sideName(a) + (a.country ? ` (${a.country})` : '')
    span.appendChild(id ? h('a', { href: `#/actor/${encodeURIComponent(id)}`, title: a.code ?? '' }, label) : h('span', {}, label))
  })
  if (!sides.length) span.appendChild(h('span', { class: 'muted' }, '—'))
  return span
}

export function quadBadge(e: { type: string; quad: Quad }): HTMLElement {
  return h('span', { class: 'badge', style: `--q:${QUAD_COLOR[e.quad]}`, title: QUAD_LABEL[e.quad] }, e.type)
}

/** Marks a date taken from the article's publication because the text gave none. */
export const PUBLISHED_MARK = '*'

export function eventDate(e: StoredEvent): string {
  return e.date ?? (e.published ? `${e.published.slice(0, 10)}${PUBLISHED_MARK}` : '—')
}

/** The event list used by every view: each row leads to the sentence it came from. */
export function eventTable(events: StoredEvent[], caption: string): HTMLElement {
  if (!events.length) return h('p', { class: 'empty' }, 'No events.')
  const note = events.some((e) => !e.date) ? h('p', { class: 'muted note' }, `${PUBLISHED_MARK} no date in the text: the article's publication date.`) : null
  return h(
    'div',
    { class: 'table-wrap' },
    note,
    h(
      'table',
      { class: 'events' },
      h('caption', { class: 'sr-only' }, caption),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Date'), h('th', { scope: 'col' }, 'Type'), h('th', { scope: 'col' }, 'Actor'), h('th', { scope: 'col' }, 'Recipient'), h('th', { scope: 'col' }, 'Where'), h('th', { scope: 'col' }, 'Evidence'))),
      h(
        'tbody',
        {},
        events.map((e) =>
          h(
            'tr',
            { class: e.polarity !== 'asserted' ? `pol-${e.polarity}` : '' },
            h('td', { class: 'nowrap', 'data-label': 'Date' }, eventDate(e)),
            h('td', { 'data-label': 'Type' }, quadBadge(e), e.polarity !== 'asserted' ? h('span', { class: 'polarity' }, ` ${e.polarity}`) : null),
            h('td', { 'data-label': 'Actor' }, actorLinks(e.actor, e.actor_ids)),
            h('td', { 'data-label': 'Recipient' }, actorLinks(e.recipient, e.recipient_ids)),
            h('td', { 'data-label': 'Where' }, e.location ? `${e.location.name}${e.location.country ? ` (${e.location.country})` : ''}` : '—'),
            h('td', { class: 'evidence', 'data-label': 'Evidence' }, h('a', { href: `#/article/${encodeURIComponent(e.article_id)}?event=${encodeURIComponent(e.id)}`, 'aria-label': `Evidence for ${e.type} event: ${e.sentence_text.slice(0, 80)}` }, snippet(e))),
          ),
        ),
      ),
    ),
  )
}

/** The sentence with its trigger emphasised, as text nodes. */
export function snippet(e: StoredEvent): Node {
  const s = e.sentence_text
  const a = e.trigger.start - e.sentence.start
  const b = e.trigger.end - e.sentence.start
  if (a < 0 || b > s.length || a >= b) return document.createTextNode(s)
  return h('span', {}, s.slice(0, a), h('strong', {}, s.slice(a, b)), s.slice(b))
}

// ---- export of the current view ----

const CSV_COLUMNS = ['id', 'date', 'type', 'quad', 'polarity', 'mode', 'context', 'actor_name', 'actor_country', 'actor_sector', 'actor_code', 'recipient_name', 'recipient_country', 'recipient_sector', 'recipient_code', 'location', 'location_country', 'lat', 'lon', 'reported_by', 'trigger', 'sentence', 'article_id', 'source', 'source_url', 'published']

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v)
  // A leading = + - @ would make a spreadsheet run the cell as a formula.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

export function toCsv(events: StoredEvent[]): string {
  const join = (xs: Side[], f: (a: Side) => string | null) => xs.map((a) => f(a) ?? '').join('; ')
  const rows = events.map((e) => [
    e.id, e.date, e.type, e.quad, e.polarity, e.mode, e.context.join('; '),
    join(e.actor, (a) => a.name ?? a.text), join(e.actor, (a) => a.country), join(e.actor, (a) => a.sector), join(e.actor, (a) => a.code),
    join(e.recipient, (a) => a.name ?? a.text), join(e.recipient, (a) => a.country), join(e.recipient, (a) => a.sector), join(e.recipient, (a) => a.code),
    e.location?.name, e.location?.country, e.location?.lat, e.location?.lon, e.reported_by, e.trigger.text, e.sentence_text, e.article_id, e.source, e.source_url, e.published,
  ])
  return [CSV_COLUMNS, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n'
}

/** PLOVER JSONL: the SPEC event record, plus where it came from. */
export function toJsonl(events: StoredEvent[]): string {
  return events
    .map((e) => JSON.stringify({
      id: e.id, type: e.type, mode: e.mode, context: e.context, actor: e.actor, recipient: e.recipient, polarity: e.polarity,
      date: e.date, date_text: e.date_text, location: e.location, reported_by: e.reported_by, quad: e.quad,
      sentence: e.sentence, trigger: e.trigger, explanation: e.explanation,
      article_id: e.article_id, source: e.source, source_url: e.source_url, published: e.published, sentence_text: e.sentence_text, cluster: e.cluster,
    }))
    .join('\n') + (events.length ? '\n' : '')
}

function download(name: string, type: string, body: string): void {
  const url = URL.createObjectURL(new Blob([body], { type }))
  const a = h('a', { download: name }) as HTMLAnchorElement
  a.href = url
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

/** Buttons that save exactly the events the view shows. */
export function exportBar(getEvents: () => StoredEvent[], name: string): HTMLElement {
  const save = (fmt: 'csv' | 'jsonl') => () => {
    const ev = getEvents()
    if (fmt === 'csv') download(`${name}.csv`, 'text/csv', toCsv(ev))
    else download(`${name}.jsonl`, 'application/x-ndjson', toJsonl(ev))
    announce(`Exported ${ev.length} events as ${fmt.toUpperCase()}`)
  }
  return h('div', { class: 'export', role: 'group', 'aria-label': 'Export this view' },
    h('span', { class: 'muted' }, 'Export: '),
    h('button', { type: 'button', onclick: save('csv') }, 'CSV'),
    h('button', { type: 'button', onclick: save('jsonl') }, 'PLOVER JSONL'))
}

export function errorBox(e: unknown): HTMLElement {
  const msg = e instanceof Error ? e.message : String(e)
  announce(`Error: ${msg}`)
  return h('p', { class: 'error', role: 'alert' }, msg)
}

export function legend(): HTMLElement {
  return h('ul', { class: 'legend', 'aria-label': 'Quad class colours' }, QUADS.map((q) => h('li', {}, h('span', { class: 'swatch', style: `background:${QUAD_COLOR[q]}` }), QUAD_LABEL[q])))
}

/** Wait after the last keystroke before asking the server for actor suggestions. */
const SUGGEST_DELAY_MS = 250
let suggestSeq = 0

/**
 * Makes a text input suggest actors by name as one types (a native datalist, so keyboard and
 * screen readers work as with any input); the value sent is the actor id the API filters on.
 */
export function actorSuggest(input: HTMLInputElement, search: (q: string) => Promise<{ id: string; name: string; country: string | null; events: number }[]>): HTMLElement {
  const list = h('datalist', { id: `actors-${++suggestSeq}` })
  input.setAttribute('list', list.id)
  let timer: ReturnType<typeof setTimeout> | undefined
  input.addEventListener('input', () => {
    clearTimeout(timer)
    const q = input.value.trim()
    if (q.length < 2) return
    timer = setTimeout(async () => {
      try {
        const items = await search(q)
        while (list.firstChild) list.removeChild(list.firstChild)
        for (const a of items) list.appendChild(h('option', { value: a.id, label: `${a.name}${a.country ? ` (${a.country})` : ''} — ${a.events} events` }))
      } catch {
        /* suggestions are a convenience; typing an id or code still works */
      }
    }, SUGGEST_DELAY_MS)
  })
  return list
}
