import { h } from '../dom.ts'
import { api } from '../api.ts'
import { actorSuggest, PLOVER_TYPES, POLARITIES, QUADS, QUAD_LABEL } from '../common.ts'
import { go, type Route } from '../router.ts'

export const FILTER_KEYS = ['q', 'type', 'quad', 'polarity', 'actor', 'recipient', 'country', 'since', 'until'] as const

export function filterParams(r: Route): Record<string, string | undefined> {
  const p: Record<string, string | undefined> = {}
  for (const k of FILTER_KEYS) p[k] = r.params.get(k) ?? undefined
  return p
}

function field(label: string, control: HTMLElement): HTMLElement {
  return h('label', { class: 'field' }, h('span', {}, label), control)
}

function select(name: string, value: string | undefined, options: [string, string][]): HTMLSelectElement {
  return h('select', { name }, h('option', { value: '' }, 'any'), options.map(([v, l]) => h('option', { value: v, selected: v === value }, l)))
}

/** The event filters as a form; submitting changes the URL, so a filtered view can be bookmarked. */
export function filterForm(view: string, r: Route, keys: readonly string[] = FILTER_KEYS): HTMLFormElement {
  const p = filterParams(r)
  const input = (name: string, type = 'text', extra: Record<string, string> = {}) => h('input', { name, type, value: p[name] ?? '', ...extra })
  const actorInput = (name: string) => {
    const el = input(name, 'text', { placeholder: 'name, id, code or country', autocomplete: 'off' })
    return h('span', { class: 'suggest' }, el, actorSuggest(el, async (q) => (await api.actors({ q, limit: 10 })).items))
  }
  const all: Record<string, HTMLElement> = {
    q: field('Text', input('q', 'search', { placeholder: 'words in the sentence' })),
    type: field('Type', select('type', p.type, PLOVER_TYPES.map((t) => [t, t]))),
    quad: field('Quad class', select('quad', p.quad, QUADS.map((q) => [q, QUAD_LABEL[q]]))),
    polarity: field('Polarity', select('polarity', p.polarity, POLARITIES.map((x) => [x, x]))),
    actor: field('Actor', actorInput('actor')),
    recipient: field('Recipient', actorInput('recipient')),
    country: field('Country', input('country', 'text', { placeholder: 'e.g. RUS', maxlength: '3', pattern: '[A-Za-z]{3}' })),
    since: field('From', input('since', 'date')),
    until: field('To', input('until', 'date')),
  }
  const active = keys.filter((k) => p[k]).length
  // On a phone the filters would push the results off the first screen: folded unless in use.
  const open = active > 0 || window.matchMedia('(min-width: 761px)').matches
  const form = h('form', { class: 'filters', 'aria-label': 'Filter events' },
    h('details', { class: 'filter-box', open },
      h('summary', {}, active ? `Filters (${active} in use)` : 'Filters'),
      h('div', { class: 'filter-fields' }, keys.map((k) => all[k]), h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Apply'), h('a', { href: `#/${view}`, class: 'button-link' }, 'Clear')))))
  form.addEventListener('submit', (ev) => {
    ev.preventDefault()
    const data = new FormData(form)
    const out: Record<string, string> = {}
    for (const [k, v] of data) if (typeof v === 'string' && v.trim()) out[k] = v.trim()
    go(view, out)
  })
  return form
}
