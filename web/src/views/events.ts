import { api, type StoredEvent } from '../api.ts'
import { errorBox, eventTable, exportBar } from '../common.ts'
import { announce, clear, h } from '../dom.ts'
import type { Route } from '../router.ts'
import { filterForm, filterParams } from './filters.ts'

/** Rows per page: enough to scan, small enough to render at once. */
const PAGE = 100

export async function eventsView(root: HTMLElement, r: Route): Promise<void> {
  const params = filterParams(r)
  let events: StoredEvent[] = []
  let next: string | null = null
  const list = h('div', { class: 'list' })
  const more = h('button', { type: 'button', class: 'more', hidden: true }, 'Load more events')
  const count = h('p', { class: 'muted' })
  root.append(
    h('h1', {}, 'Events'),
    filterForm('events', r),
    h('div', { class: 'toolbar' }, count, exportBar(() => events, 'newsgraph-events')),
    list,
    more,
  )
  const draw = () => {
    clear(list)
    list.appendChild(eventTable(events, 'Events matching the filters'))
    count.textContent = `${events.length} event${events.length === 1 ? '' : 's'} shown${next ? ' (more available)' : ''}`
    more.hidden = !next
  }
  const page = await api.events({ ...params, limit: PAGE })
  events = page.items
  next = page.next
  draw()
  more.addEventListener('click', async () => {
    if (!next) return
    more.setAttribute('disabled', '')
    try {
      const p = await api.events({ ...params, limit: PAGE, cursor: next })
      events = events.concat(p.items)
      next = p.next
      draw()
      announce(`${p.items.length} more events loaded`)
    } catch (e) {
      list.appendChild(errorBox(e))
    }
    more.removeAttribute('disabled')
  })
}
