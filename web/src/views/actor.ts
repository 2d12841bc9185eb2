import { api } from '../api.ts'
import { eventTable, exportBar, QUAD_COLOR } from '../common.ts'
import { append, h } from '../dom.ts'
import { href, type Route } from '../router.ts'
import { timeline } from './chart.ts'

export async function actorView(root: HTMLElement, r: Route): Promise<void> {
  const id = r.path[1] ?? ''
  const d = await api.actor(id)
  const a = d.actor
  const row = (k: string, v: string | number | null) => [h('dt', {}, k), h('dd', {}, v === null || v === '' ? '—' : String(v))]
  const maxType = Math.max(1, ...d.event_types.map((t) => t.as_actor + t.as_recipient))
  append(root, [
    h('h1', {}, a.name),
    h('div', { class: 'dossier' },
      h('section', { 'aria-labelledby': 'd-id' },
        h('h2', { id: 'd-id' }, 'Identity'),
        h('dl', { class: 'facts' },
          row('Type', a.type), row('Country', a.country), row('Sector', a.sector), row('Code', a.code),
          row('Known from', a.origin === 'dictionary' ? 'your dictionary' : 'articles'),
          row('Seen', a.first_seen ? `${a.first_seen.slice(0, 10)} – ${(a.last_seen ?? a.first_seen).slice(0, 10)}` : null),
          row('Mentions', a.mentions), row('Events', a.events),
          row('Also called', d.aliases.join(', ') || null))),
      h('section', { 'aria-labelledby': 'd-roles' },
        h('h2', { id: 'd-roles' }, 'Roles over time'),
        d.roles.length
          ? h('div', { class: 'table-wrap' }, h('table', {}, h('thead', {}, h('tr', {}, ['Role', 'Sector', 'Country', 'From', 'To', 'Mentions'].map((c) => h('th', { scope: 'col' }, c)))),
              h('tbody', {}, d.roles.map((x) => h('tr', {}, h('td', {}, x.title ?? '—'), h('td', {}, x.sector ?? '—'), h('td', {}, x.country ?? '—'), h('td', {}, x.first_seen?.slice(0, 10) ?? '—'), h('td', {}, x.last_seen?.slice(0, 10) ?? '—'), h('td', {}, x.mentions))))))
          : h('p', { class: 'empty' }, 'No roles recorded.')),
      h('section', { 'aria-labelledby': 'd-cp' },
        h('h2', { id: 'd-cp' }, 'Counterparts'),
        d.counterparts.length
          ? h('div', { class: 'table-wrap' }, h('table', {}, h('thead', {}, h('tr', {}, ['Counterpart', `${a.name} → them`, `them → ${a.name}`, 'Pair'].map((c) => h('th', { scope: 'col' }, c)))),
              h('tbody', {}, d.counterparts.map((c) => h('tr', {},
                h('td', {}, h('a', { href: href(`actor/${encodeURIComponent(c.actor_id)}`) }, c.name), c.code ? h('span', { class: 'muted' }, ` ${c.code}`) : null),
                h('td', {}, c.as_actor), h('td', {}, c.as_recipient),
                h('td', {}, h('a', { href: href('dyad', { a: a.id, b: c.actor_id }), 'aria-label': `${a.name} and ${c.name} over time` }, 'over time')))))))
          : h('p', { class: 'empty' }, 'No counterparts yet.')),
      h('section', { 'aria-labelledby': 'd-types' },
        h('h2', { id: 'd-types' }, 'Event types'),
        d.event_types.length
          ? h('div', { class: 'table-wrap' }, h('table', { class: 'bars' }, h('thead', {}, h('tr', {}, ['Type', 'As actor', 'As recipient', ''].map((c) => h('th', { scope: 'col' }, c)))),
              h('tbody', {}, d.event_types.map((t) => h('tr', {}, h('td', {}, t.type), h('td', {}, t.as_actor), h('td', {}, t.as_recipient),
                h('td', { 'aria-hidden': 'true' }, h('span', { class: 'bar', style: `width:${(100 * (t.as_actor + t.as_recipient)) / maxType}%` })))))))
          : h('p', { class: 'empty' }, 'No events yet.'))),
    h('section', { 'aria-labelledby': 'd-tl' },
      h('h2', { id: 'd-tl' }, 'Timeline'),
      timeline(d.timeline, QUAD_COLOR),
      exportBar(() => d.timeline, `newsgraph-actor-${a.id}`),
      eventTable(d.timeline, `Latest events involving ${a.name}`),
      h('p', {}, h('a', { href: href('events', { actor: a.id }) }, `All events with ${a.name} as actor`), ' · ', h('a', { href: href('events', { recipient: a.id }) }, 'as recipient'), ' · ', h('a', { href: href('graph', { actor: a.id }) }, 'network'))),
    d.evidence.length
      ? h('section', { 'aria-labelledby': 'd-ev' },
          h('h2', { id: 'd-ev' }, 'Why we think so'),
          h('ul', { class: 'evidence-list' }, d.evidence.map((e) => h('li', {},
            h('q', {}, e.sentence_text), ' ',
            h('a', { href: href(`article/${encodeURIComponent(e.article_id)}`) }, `article${e.published ? ` of ${e.published.slice(0, 10)}` : ''}`)))))
      : null,
  ])
}
