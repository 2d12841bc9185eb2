// Small hand-made SVG charts: two chart kinds did not justify a charting library.
import type { DyadSeries, Quad, StoredEvent } from '../api.ts'
import { QUAD_COLOR, QUAD_LABEL } from '../common.ts'
import { h, svg, text } from '../dom.ts'

const W = 720
const H = 240
const PAD = { l: 40, r: 10, t: 14, b: 40 }

function dayNumber(iso: string): number {
  return Date.UTC(+iso.slice(0, 4), +(iso.slice(5, 7) || '1') - 1, +(iso.slice(8, 10) || '1')) / 86_400_000
}

/** Cooperation above the axis, conflict below, one stacked bar per period. */
export function dyadChart(s: DyadSeries, names: { a: string; b: string }): HTMLElement {
  const pts = s.points
  const coop = (p: DyadSeries['points'][number]) => p.verbal_cooperation + p.material_cooperation
  const conf = (p: DyadSeries['points'][number]) => p.verbal_conflict + p.material_conflict
  const maxUp = Math.max(1, ...pts.map(coop))
  const maxDown = Math.max(1, ...pts.map(conf))
  const plotH = H - PAD.t - PAD.b
  const zero = PAD.t + (plotH * maxUp) / (maxUp + maxDown)
  const scale = plotH / (maxUp + maxDown)
  const bw = Math.max(2, Math.min(40, (W - PAD.l - PAD.r) / Math.max(1, pts.length) - 2))
  const x = (i: number) => PAD.l + i * ((W - PAD.l - PAD.r) / Math.max(1, pts.length))
  const label = `${names.a} and ${names.b}: cooperation (up) versus conflict (down) per ${s.period}, ${pts.length} periods`
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img', 'aria-label': label })
  root.appendChild(svg('line', { x1: PAD.l, x2: W - PAD.r, y1: zero, y2: zero, stroke: '#555' }))
  root.appendChild(svg('text', { x: 4, y: PAD.t + 8, class: 'axis' }, text(`+${maxUp}`)))
  root.appendChild(svg('text', { x: 4, y: H - PAD.b, class: 'axis' }, text(`−${maxDown}`)))
  const stack: [Quad, (p: DyadSeries['points'][number]) => number, 1 | -1][] = [
    ['VERBAL_COOPERATION', (p) => p.verbal_cooperation, 1],
    ['MATERIAL_COOPERATION', (p) => p.material_cooperation, 1],
    ['VERBAL_CONFLICT', (p) => p.verbal_conflict, -1],
    ['MATERIAL_CONFLICT', (p) => p.material_conflict, -1],
  ]
  const every = Math.max(1, Math.ceil(pts.length / 8))
  pts.forEach((p, i) => {
    let up = zero
    let down = zero
    for (const [q, f, dir] of stack) {
      const v = f(p)
      if (!v) continue
      const hgt = v * scale
      const y = dir > 0 ? (up -= hgt) : down
      if (dir < 0) down += hgt
      const r = svg('rect', { x: x(i) + 1, y, width: bw, height: Math.max(1, hgt), fill: QUAD_COLOR[q] })
      r.appendChild(svg('title', {}, text(`${p.period}: ${v} ${QUAD_LABEL[q].toLowerCase()}`)))
      root.appendChild(r)
    }
    if (i % every === 0) root.appendChild(svg('text', { x: x(i) + 1, y: H - PAD.b + 14, class: 'axis' }, text(p.period)))
  })
  if (!pts.length) root.appendChild(svg('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle' }, text('no events between these two')))
  const table = h('details', {}, h('summary', {}, 'Chart data as a table'),
    h('table', {}, h('thead', {}, h('tr', {}, ['Period', 'Verbal coop.', 'Material coop.', 'Verbal conflict', 'Material conflict', `${names.a} → ${names.b}`, `${names.b} → ${names.a}`].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, pts.map((p) => h('tr', {}, [p.period, p.verbal_cooperation, p.material_cooperation, p.verbal_conflict, p.material_conflict, p.a_to_b, p.b_to_a].map((v) => h('td', {}, v)))))))
  return h('figure', { class: 'chart-box' }, root, h('figcaption', { class: 'muted' }, label), table)
}

/** One dot per event along time, one row per quad class. */
export function timeline(events: StoredEvent[], colors: Record<Quad, string>): HTMLElement | null {
  const dated = events.filter((e) => e.date ?? e.published)
  if (!dated.length) return null
  const days = dated.map((e) => dayNumber((e.date ?? e.published)!))
  const lo = Math.min(...days)
  const hi = Math.max(lo + 1, ...days)
  const th = 110
  const rows: Quad[] = ['VERBAL_COOPERATION', 'MATERIAL_COOPERATION', 'VERBAL_CONFLICT', 'MATERIAL_CONFLICT']
  const root = svg('svg', { viewBox: `0 0 ${W} ${th}`, class: 'chart timeline', role: 'img', 'aria-label': `Timeline of ${dated.length} events` })
  rows.forEach((q, i) => root.appendChild(svg('line', { x1: PAD.l, x2: W - PAD.r, y1: 12 + i * 22, y2: 12 + i * 22, stroke: '#ddd' })))
  dated.forEach((e, i) => {
    const cx = PAD.l + ((days[i] - lo) / (hi - lo)) * (W - PAD.l - PAD.r)
    const c = svg('circle', { cx, cy: 12 + rows.indexOf(e.quad) * 22, r: 5, fill: colors[e.quad], 'fill-opacity': 0.8 })
    c.appendChild(svg('title', {}, text(`${e.date ?? e.published?.slice(0, 10)} ${e.type}: ${e.sentence_text.slice(0, 120)}`)))
    root.appendChild(c)
  })
  const fmt = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10)
  root.appendChild(svg('text', { x: PAD.l, y: th - 6, class: 'axis' }, text(fmt(lo))))
  root.appendChild(svg('text', { x: W - PAD.r, y: th - 6, class: 'axis', 'text-anchor': 'end' }, text(fmt(hi))))
  return h('figure', { class: 'chart-box' }, root)
}
