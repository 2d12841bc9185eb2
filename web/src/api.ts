// The UI's whole view of the server: the HTTP API of SPEC.md and nothing else.
import type { ActorDossier, DyadSeries, Health, Page, StoredActor, StoredArticle, StoredEvent } from '../../src/storage/store.ts'

export type { ActorDossier, DyadSeries, Health, Page, StoredActor, StoredArticle, StoredEvent }
export type Quad = StoredEvent['quad']

export interface GraphNode { id: string; name: string; country: string | null; code: string | null; events: number }
export interface GraphEdge { source: string; target: string; weight: number; quads: Record<Quad, number>; quad: Quad }
export interface Graph { nodes: GraphNode[]; edges: GraphEdge[]; events: number; truncated: boolean }
export interface MapPoint { name: string; country: string | null; lat: number; lon: number; events: number; quads: Record<Quad, number>; sample: string[] }
export interface Places { points: MapPoint[]; events: number; truncated: boolean }

export class ApiFailure extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message)
  }
}

export type Params = Record<string, string | number | undefined | null>

export function qs(params: Params): string {
  const u = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') u.set(k, String(v))
  const s = u.toString()
  return s ? `?${s}` : ''
}

async function get<T>(path: string, params: Params = {}): Promise<T> {
  const res = await fetch(`/api/${path}${qs(params)}`, { headers: { Accept: 'application/json' } })
  let body: unknown = null
  try {
    body = await res.json()
  } catch {
    throw new ApiFailure(res.status, 'bad_response', `the server answered ${res.status} without JSON`)
  }
  if (!res.ok) {
    const e = (body as { error?: { code?: string; message?: string } }).error
    throw new ApiFailure(res.status, e?.code ?? 'error', e?.message ?? `request failed (${res.status})`)
  }
  return body as T
}

const enc = encodeURIComponent
export const api = {
  health: () => get<Health>('health'),
  events: (p: Params) => get<Page<StoredEvent>>('events', p),
  event: (id: string) => get<StoredEvent>(`events/${enc(id)}`),
  actors: (p: Params) => get<Page<StoredActor>>('actors', p),
  actor: (id: string) => get<ActorDossier>(`actors/${enc(id)}`),
  dyad: (p: Params) => get<DyadSeries>('dyads', p),
  article: (id: string) => get<StoredArticle>(`articles/${enc(id)}`),
  graph: (p: Params) => get<Graph>('graph', p),
  places: (p: Params) => get<Places>('places', p),
}
