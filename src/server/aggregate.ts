// The network graph and the map are summaries of a filtered set of events. The Store has no
// aggregate query for them, so the server pages through at most `max` events and folds them.
import type { Quad } from '../core/types.js'
import type { EventFilter, Store, StoredEvent } from '../storage/store.js'
import { MAX_LIMIT } from '../storage/store.js'

export async function scanEvents(store: Store, filter: EventFilter, max: number): Promise<{ events: StoredEvent[]; truncated: boolean }> {
  const events: StoredEvent[] = []
  let cursor: string | undefined
  for (;;) {
    const page = await store.events({ ...filter, limit: Math.min(MAX_LIMIT, max - events.length), cursor })
    events.push(...page.items)
    if (!page.next) return { events, truncated: false }
    if (events.length >= max) return { events, truncated: true }
    cursor = page.next
  }
}

type QuadCounts = Record<Quad, number>
const zero = (): QuadCounts => ({ VERBAL_COOPERATION: 0, MATERIAL_COOPERATION: 0, VERBAL_CONFLICT: 0, MATERIAL_CONFLICT: 0 })

export interface GraphNode {
  id: string
  name: string
  country: string | null
  code: string | null
  events: number
}
export interface GraphEdge {
  source: string
  target: string
  weight: number
  quads: QuadCounts
  /** The quad class with most events on this edge (ties: the first in PLOVER order). */
  quad: Quad
}

/** An event side without a stored actor id is still drawn, keyed by its code or name. */
function sideId(ids: string[], actors: StoredEvent['actor'], i: number): string | null {
  return ids[i] || actors[i]?.code || actors[i]?.name || null
}

function dominant(q: QuadCounts): Quad {
  let best: Quad = 'VERBAL_COOPERATION'
  for (const k of Object.keys(q) as Quad[]) if (q[k] > q[best]) best = k
  return best
}

export function buildGraph(events: StoredEvent[]): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const nodes = new Map<string, GraphNode>()
  const edges = new Map<string, GraphEdge>()
  const node = (id: string, a: StoredEvent['actor'][number] | undefined) => {
    let n = nodes.get(id)
    if (!n) nodes.set(id, (n = { id, name: a?.name ?? a?.text ?? id, country: a?.country ?? null, code: a?.code ?? null, events: 0 }))
    return n
  }
  for (const e of events) {
    const seen = new Set<string>()
    for (let i = 0; i < e.actor.length; i++) {
      const s = sideId(e.actor_ids, e.actor, i)
      if (!s) continue
      for (let j = 0; j < e.recipient.length; j++) {
        const t = sideId(e.recipient_ids, e.recipient, j)
        if (!t || t === s) continue
        for (const [id, a] of [[s, e.actor[i]], [t, e.recipient[j]]] as const) {
          if (!seen.has(id)) {
            seen.add(id)
            node(id, a).events++
          }
        }
        const key = `${s}\u0000${t}`
        let edge = edges.get(key)
        if (!edge) edges.set(key, (edge = { source: s, target: t, weight: 0, quads: zero(), quad: e.quad }))
        edge.weight++
        edge.quads[e.quad]++
      }
    }
  }
  for (const e of edges.values()) e.quad = dominant(e.quads)
  return { nodes: [...nodes.values()], edges: [...edges.values()] }
}

export interface MapPoint {
  name: string
  country: string | null
  lat: number
  lon: number
  events: number
  quads: QuadCounts
  /** A few event ids at this place, to click through to. */
  sample: string[]
}

/** How many event ids a map point carries for click-through. */
const MAP_SAMPLE_EVENTS = 5

export function buildPlaces(events: StoredEvent[]): MapPoint[] {
  const points = new Map<string, MapPoint>()
  for (const e of events) {
    const l = e.location
    if (!l || l.lat === null || l.lon === null || !Number.isFinite(l.lat) || !Number.isFinite(l.lon)) continue
    const key = `${l.name}|${l.lat.toFixed(2)}|${l.lon.toFixed(2)}`
    let p = points.get(key)
    if (!p) points.set(key, (p = { name: l.name, country: l.country, lat: l.lat, lon: l.lon, events: 0, quads: zero(), sample: [] }))
    p.events++
    p.quads[e.quad]++
    if (p.sample.length < MAP_SAMPLE_EVENTS) p.sample.push(e.id)
  }
  return [...points.values()].sort((a, b) => b.events - a.events)
}
