import './style.css'
import { announce, clear, h } from './dom.ts'
import { errorBox } from './common.ts'
import { actorView } from './views/actor.ts'
import { articleView } from './views/article.ts'
import { dyadView } from './views/dyad.ts'
import { eventsView } from './views/events.ts'
import { graphView } from './views/graph.ts'
import { mapView } from './views/map.ts'
import { searchView } from './views/search.ts'
import { go, parseRoute, type Route } from './router.ts'

const views: Record<string, (root: HTMLElement, r: Route) => Promise<void>> = {
  '': eventsView,
  events: eventsView,
  search: searchView,
  article: articleView,
  actor: actorView,
  dyad: dyadView,
  graph: graphView,
  map: mapView,
}

let seq = 0
async function render(): Promise<void> {
  const main = document.getElementById('main')!
  const route = parseRoute(location.hash)
  const view = views[route.path[0] ?? '']
  const mine = ++seq
  clear(main)
  for (const a of document.querySelectorAll('header nav a')) {
    const target = parseRoute((a as HTMLAnchorElement).getAttribute('href') ?? '').path[0] ?? ''
    if (target === (route.path[0] ?? '')) a.setAttribute('aria-current', 'page')
    else a.removeAttribute('aria-current')
  }
  if (!view) {
    main.appendChild(h('p', { class: 'error' }, `No such view: ${route.path.join('/')}`))
    return
  }
  const box = h('div', { class: 'view', 'aria-busy': 'true' })
  main.appendChild(box)
  try {
    await view(box, route)
  } catch (e) {
    if (mine === seq) box.appendChild(errorBox(e))
  }
  box.setAttribute('aria-busy', 'false')
  if (mine === seq) {
    const title = box.querySelector('h1')?.textContent
    document.title = title ? `${title} — newsgraph` : 'newsgraph'
    announce(title ? `${title} loaded` : 'Loaded')
  }
}

document.getElementById('search')!.addEventListener('submit', (ev) => {
  ev.preventDefault()
  const q = (document.getElementById('search-q') as HTMLInputElement).value.trim()
  if (q) go('search', { q })
})
window.addEventListener('hashchange', () => {
  void render().then(() => document.getElementById('main')?.focus({ preventScroll: true }))
})
void render()
