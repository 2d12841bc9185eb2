import land from 'world-atlas/land-110m.json'
import { api, type MapPoint, type StoredEvent } from '../api.ts'
import { errorBox, eventTable, exportBar, legend, QUAD_COLOR, QUADS } from '../common.ts'
import { clear, h, svg, text } from '../dom.ts'
import type { Route } from '../router.ts'
import { filterForm, filterParams } from './filters.ts'

// Equirectangular: one degree = K pixels. No tiles, no network: the outlines are bundled.
const K = 2
const W = 360 * K
const H = 180 * K

interface Topology {
  transform: { scale: [number, number]; translate: [number, number] }
  arcs: [number, number][][]
  objects: Record<string, { type: string; geometries: { type: string; arcs: number[][][] | number[][] }[] }>
}

/**
 * Decodes TopoJSON's delta-encoded, quantized arcs into an SVG path of the land. Rings cut by the
 * antimeridian (Chukotka, Fiji) are unwrapped and drawn on both edges, so no sliver runs across.
 */
function landPath(t: Topology): string {
  const [sx, sy] = t.transform.scale
  const [tx, ty] = t.transform.translate
  const arcs = t.arcs.map((arc) => {
    let x = 0
    let y = 0
    return arc.map(([dx, dy]) => {
      x += dx
      y += dy
      return [x * sx + tx, y * sy + ty] as [number, number]
    })
  })
  const draw = (pts: [number, number][], shift: number) =>
    'M' + pts.map(([lon, lat]) => `${((lon + shift + 180) * K).toFixed(1)},${((90 - lat) * K).toFixed(1)}`).join('L') + 'Z'
  const ring = (ids: number[]) => {
    const pts: [number, number][] = []
    for (const i of ids) {
      const a = i >= 0 ? arcs[i] : [...arcs[~i]].reverse()
      pts.push(...(pts.length ? a.slice(1) : a))
    }
    // Unwrap jumps of more than half the globe; a ring around the pole (Antarctica) does not close
    // when unwrapped and is drawn as it is.
    const un: [number, number][] = []
    let off = 0
    for (let i = 0; i < pts.length; i++) {
      if (i) {
        const d = pts[i][0] - pts[i - 1][0]
        if (d > 180) off -= 360
        else if (d < -180) off += 360
      }
      un.push([pts[i][0] + off, pts[i][1]])
    }
    if (off !== 0) return draw(pts, 0)
    const min = Math.min(...un.map((p) => p[0]))
    const max = Math.max(...un.map((p) => p[0]))
    let d = draw(un, 0)
    if (max > 180) d += draw(un, -360)
    if (min < -180) d += draw(un, 360)
    return d
  }
  let d = ''
  for (const obj of Object.values(t.objects)) {
    for (const g of obj.geometries) {
      const polys = (g.type === 'Polygon' ? [g.arcs] : g.arcs) as number[][][]
      for (const poly of polys) for (const r of poly) d += ring(r)
    }
  }
  return d
}

let cachedLand: string | null = null

function dominant(p: MapPoint) {
  return QUADS.reduce((best, q) => (p.quads[q] > p.quads[best] ? q : best), QUADS[0])
}

export async function mapView(root: HTMLElement, r: Route): Promise<void> {
  const params = filterParams(r)
  root.append(h('h1', {}, 'Map of event locations'), filterForm('map', r))
  const res = await api.places({ ...params, max_events: 5000 })
  const pts = res.points
  cachedLand ??= landPath(land as unknown as Topology)
  const detail = h('section', { class: 'place-detail', 'aria-live': 'polite', tabindex: '-1' })
  let shown: StoredEvent[] = []
  const open = async (p: MapPoint) => {
    clear(detail)
    detail.append(h('h2', {}, `${p.name}${p.country ? `, ${p.country}` : ''}: ${p.events} event${p.events === 1 ? '' : 's'}`))
    try {
      shown = await Promise.all(p.sample.map((id) => api.event(id)))
      detail.append(exportBar(() => shown, `newsgraph-place-${p.name}`), eventTable(shown, `Events in ${p.name}`))
    } catch (e) {
      detail.append(errorBox(e))
    }
    detail.focus()
  }
  const maxE = Math.max(1, ...pts.map((p) => p.events))
  const map = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'map', role: 'img', 'aria-label': `World map with ${pts.length} event locations; the table below lists them` },
    svg('rect', { x: 0, y: 0, width: W, height: H, fill: '#eef4f8' }),
    // No outline stroke: rings cut at the antimeridian would draw lines straight across the map.
    svg('path', { d: cachedLand, fill: '#d9d4c7', stroke: 'none' }))
  for (const p of [...pts].reverse()) {
    const c = svg('circle', { cx: (p.lon + 180) * K, cy: (90 - p.lat) * K, r: 3 + 9 * Math.sqrt(p.events / maxE), fill: QUAD_COLOR[dominant(p)], 'fill-opacity': 0.75, stroke: '#222', 'stroke-width': 0.6, class: 'place' })
    c.appendChild(svg('title', {}, text(`${p.name}: ${p.events} events`)))
    c.addEventListener('click', () => void open(p))
    map.appendChild(c)
  }
  root.append(
    h('p', { class: 'muted' }, `${res.events} events scanned${res.truncated ? ' (first part only; narrow the filters)' : ''}; ${pts.length} places. Natural Earth land outlines (public domain).`),
    legend(),
    h('div', { class: 'map-box' }, map),
    detail,
    h('h2', {}, 'Places'),
    pts.length
      ? h('div', { class: 'table-wrap' }, h('table', {},
          h('thead', {}, h('tr', {}, ['Place', 'Country', 'Events', 'Lat, lon'].map((c) => h('th', { scope: 'col' }, c)))),
          h('tbody', {}, pts.map((p) => h('tr', {},
            h('td', {}, h('button', { type: 'button', class: 'linkish', onclick: () => void open(p) }, p.name)),
            h('td', {}, p.country ?? '—'), h('td', {}, p.events), h('td', {}, `${p.lat.toFixed(2)}, ${p.lon.toFixed(2)}`))))))
      : h('p', { class: 'empty' }, 'No event with a known location matches.'),
  )
}
