import { api } from '../api.ts'
import { eventTable, exportBar } from '../common.ts'
import { h } from '../dom.ts'
import { href, type Route } from '../router.ts'

/** Search: actors by name, and events whose sentence holds the words. */
export async function searchView(root: HTMLElement, r: Route): Promise<void> {
  const q = r.params.get('q') ?? ''
  const input = document.getElementById('search-q') as HTMLInputElement | null
  if (input && !input.value) input.value = q
  root.appendChild(h('h1', {}, `Search: ${q}`))
  if (!q) return
  const [actors, events] = await Promise.all([api.actors({ q, limit: 50 }), api.events({ q, limit: 100 })])
  root.append(
    h('section', { 'aria-labelledby': 'sr-actors' },
      h('h2', { id: 'sr-actors' }, `Actors (${actors.items.length}${actors.next ? '+' : ''})`),
      actors.items.length
        ? h('ul', { class: 'actor-list' }, actors.items.map((a) => h('li', {},
            h('a', { href: href(`actor/${encodeURIComponent(a.id)}`) }, a.name),
            h('span', { class: 'muted' }, ` ${[a.type, a.country, a.sector, a.code].filter(Boolean).join(' · ')} — ${a.events} events, ${a.mentions} mentions`))))
        : h('p', { class: 'empty' }, 'No actor by that name.')),
    h('section', { 'aria-labelledby': 'sr-events' },
      h('h2', { id: 'sr-events' }, `Events in sentences mentioning it (${events.items.length}${events.next ? '+' : ''})`),
      exportBar(() => events.items, 'newsgraph-search'),
      eventTable(events.items, `Events whose sentence matches ${q}`),
      events.next ? h('p', {}, h('a', { href: href('events', { q }) }, 'All matching events with filters')) : null),
  )
}
