import { api } from '../api.ts'
import { actorSuggest, errorBox, eventTable, exportBar, legend } from '../common.ts'
import { h } from '../dom.ts'
import { go, href, type Route } from '../router.ts'
import { dyadChart } from './chart.ts'

/** Resolves what the user typed (an id, a code, a country or a name) to a label for the heading. */
async function label(x: string): Promise<string> {
  try {
    if (/^[A-Z]{3}$/.test(x)) {
      const c = await api.actors({ q: x, type: 'country', limit: 5 })
      return c.items.find((a) => a.country === x)?.name ?? x
    }
    return (await api.actor(x)).actor.name
  } catch {
    return x
  }
}

export async function dyadView(root: HTMLElement, r: Route): Promise<void> {
  const a = r.params.get('a') ?? ''
  const b = r.params.get('b') ?? ''
  const period = r.params.get('period') ?? 'month'
  const search = async (q: string) => (await api.actors({ q, limit: 10 })).items
  const inA = h('input', { name: 'a', value: a, required: true, autocomplete: 'off', placeholder: 'name, id, code or country, e.g. RUS' })
  const inB = h('input', { name: 'b', value: b, required: true, autocomplete: 'off', placeholder: 'e.g. UKR' })
  const form = h('form', { class: 'filters', 'aria-label': 'Choose two actors' },
    h('label', { class: 'field' }, h('span', {}, 'First actor'), h('span', { class: 'suggest' }, inA, actorSuggest(inA, search))),
    h('label', { class: 'field' }, h('span', {}, 'Second actor'), h('span', { class: 'suggest' }, inB, actorSuggest(inB, search))),
    h('label', { class: 'field' }, h('span', {}, 'Per'), h('select', { name: 'period' }, ['day', 'week', 'month', 'year'].map((p) => h('option', { value: p, selected: p === period }, p)))),
    h('label', { class: 'field' }, h('span', {}, 'From'), h('input', { name: 'since', type: 'date', value: r.params.get('since') ?? '' })),
    h('label', { class: 'field' }, h('span', {}, 'To'), h('input', { name: 'until', type: 'date', value: r.params.get('until') ?? '' })),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Show')))
  form.addEventListener('submit', (ev) => {
    ev.preventDefault()
    const d = new FormData(form)
    const p: Record<string, string> = {}
    for (const [k, v] of d) if (typeof v === 'string' && v.trim()) p[k] = v.trim()
    go('dyad', p)
  })
  if (!a || !b) {
    root.append(h('h1', {}, 'Dyad'), h('p', {}, 'Two actors — how their cooperation and conflict developed, with the events under it.'), form)
    return
  }
  const [na, nb] = await Promise.all([label(a), label(b)])
  root.append(h('h1', {}, `${na} – ${nb}`), form)
  try {
    const s = await api.dyad({ a, b, period, since: r.params.get('since'), until: r.params.get('until'), events: 200 })
    root.append(
      legend(),
      dyadChart(s, { a: na, b: nb }),
      h('h2', {}, `Events (${s.events.length})`),
      exportBar(() => s.events, `newsgraph-dyad-${a}-${b}`),
      eventTable(s.events, `Events between ${na} and ${nb}`),
      h('p', {}, h('a', { href: href('events', { actor: a, recipient: b }) }, `All ${na} → ${nb} events`), ' · ', h('a', { href: href('events', { actor: b, recipient: a }) }, `All ${nb} → ${na} events`)),
    )
  } catch (e) {
    root.appendChild(errorBox(e))
  }
}
