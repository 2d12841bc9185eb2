import cytoscape from 'cytoscape'
import { api, type Graph } from '../api.ts'
import { legend, QUAD_COLOR, QUAD_LABEL } from '../common.ts'
import { h } from '../dom.ts'
import { go, href, type Route } from '../router.ts'
import { filterForm, filterParams } from './filters.ts'

/** Nodes drawn at most: beyond this a force layout on this page turns into a hairball and a wait. */
const MAX_NODES = 60
/** Links drawn when the user set no minimum: more turn the picture into a hairball. */
const MAX_EDGES = 150
/** Links listed under the graph: the busiest; the rest are a filter away. */
const MAX_LINKS_LISTED = 100

/** Keeps the busiest actors so the picture stays readable; the table below lists what is drawn. */
function prune(g: Graph, minWeight: number): Graph {
  const edges = g.edges.filter((e) => e.weight >= minWeight)
  const keep = new Set(
    g.nodes
      .filter((n) => edges.some((e) => e.source === n.id || e.target === n.id))
      .sort((a, b) => b.events - a.events)
      .slice(0, MAX_NODES)
      .map((n) => n.id),
  )
  return { ...g, nodes: g.nodes.filter((n) => keep.has(n.id)), edges: edges.filter((e) => keep.has(e.source) && keep.has(e.target)) }
}

export async function graphView(root: HTMLElement, r: Route): Promise<void> {
  const params = filterParams(r)
  const asked = Number(r.params.get('min')) || 0
  const form = filterForm('graph', r)
  const minInput = h('input', { name: 'min', type: 'number', min: '1', value: asked ? String(asked) : '' })
  const minField = h('label', { class: 'field' }, h('span', {}, 'Min. events per link'), minInput)
  const actions = form.querySelector('.actions')!
  actions.parentElement!.insertBefore(minField, actions)
  root.append(h('h1', {}, 'Network of actors'), form)
  const raw = await api.graph({ ...params, max_events: 3000 })
  let minWeight = Math.max(1, asked)
  if (!asked && raw.edges.length > MAX_EDGES) {
    // The smallest minimum that keeps the drawing readable; shown in the field so it can be changed.
    const ws = raw.edges.map((e) => e.weight).sort((a, b) => b - a)
    minWeight = ws[MAX_EDGES - 1]
    if (ws.filter((w) => w >= minWeight).length > MAX_EDGES * 1.5) minWeight++
    minInput.value = String(minWeight)
  }
  const g = prune(raw, minWeight)
  const box = h('div', { class: 'graph', id: 'graph', role: 'img', 'aria-label': `Network of ${g.nodes.length} actors and ${g.edges.length} links; the table below lists them` })
  root.append(
    h('p', { class: 'muted' }, `${raw.events} events${raw.truncated ? ' (the latest only; narrow the filters)' : ''}; ${g.nodes.length} actors, ${g.edges.length} links${minWeight > 1 ? ` with at least ${minWeight} events` : ''}. Click an actor for its dossier, a link for the pair over time.`),
    legend(),
    box,
  )
  const maxW = Math.max(1, ...g.edges.map((e) => e.weight))
  const maxN = Math.max(1, ...g.nodes.map((n) => n.events))
  const cy = cytoscape({
    container: box,
    elements: [
      ...g.nodes.map((n) => ({ data: { id: n.id, label: n.name, size: 14 + 36 * Math.sqrt(n.events / maxN) } })),
      ...g.edges.map((e, i) => ({ data: { id: `e${i}`, source: e.source, target: e.target, width: 1 + 7 * Math.sqrt(e.weight / maxW), color: QUAD_COLOR[e.quad] } })),
    ],
    style: [
      { selector: 'node', style: { label: 'data(label)', width: 'data(size)', height: 'data(size)', 'background-color': '#4a5568', color: '#1a202c', 'font-size': 10, 'min-zoomed-font-size': 7, 'text-valign': 'bottom', 'text-margin-y': 3, 'text-wrap': 'ellipsis', 'text-max-width': '120px' } },
      { selector: 'edge', style: { width: 'data(width)', 'line-color': 'data(color)', 'target-arrow-color': 'data(color)', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', opacity: 0.85 } },
      { selector: 'node:selected', style: { 'background-color': '#2b6cb0' } },
    ],
    layout: { name: 'cose', animate: false, padding: 20, nodeRepulsion: () => 12000, idealEdgeLength: () => 90, nodeDimensionsIncludeLabels: true } as cytoscape.LayoutOptions,
    wheelSensitivity: 0.3,
  })
  cy.on('tap', 'node', (ev) => go(`actor/${encodeURIComponent(ev.target.id())}`))
  cy.on('tap', 'edge', (ev) => go('dyad', { a: ev.target.data('source'), b: ev.target.data('target') }))
  const name = new Map(g.nodes.map((n) => [n.id, n.name]))
  const edges = [...g.edges].sort((a, b) => b.weight - a.weight).slice(0, MAX_LINKS_LISTED)
  root.append(
    h('h2', {}, `Links (${edges.length < g.edges.length ? `busiest ${edges.length} of ` : ''}${g.edges.length})`),
    h('div', { class: 'table-wrap' },
      h('table', {},
        h('caption', { class: 'sr-only' }, 'Actor pairs by number of events'),
        h('thead', {}, h('tr', {}, ['From', 'To', 'Events', 'Mostly', ''].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, edges.map((e) => h('tr', {},
          h('td', {}, h('a', { href: href(`actor/${encodeURIComponent(e.source)}`) }, name.get(e.source) ?? e.source)),
          h('td', {}, h('a', { href: href(`actor/${encodeURIComponent(e.target)}`) }, name.get(e.target) ?? e.target)),
          h('td', {}, e.weight),
          h('td', {}, h('span', { class: 'swatch', style: `background:${QUAD_COLOR[e.quad]}` }), ` ${QUAD_LABEL[e.quad]}`),
          h('td', {}, h('a', { href: href('dyad', { a: e.source, b: e.target }) }, 'over time'))))))),
  )
}
