export interface Route {
  path: string[]
  params: URLSearchParams
}

/** Routes live in the URL hash so every view can be bookmarked and the server serves one page. */
export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '')
  const i = raw.indexOf('?')
  const p = i < 0 ? raw : raw.slice(0, i)
  const q = i < 0 ? '' : raw.slice(i + 1)
  return { path: p.split('/').filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(q) }
}

export function href(path: string, params: Record<string, string | undefined | null> = {}): string {
  const u = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) if (v) u.set(k, v)
  const s = u.toString()
  return `#/${path}${s ? `?${s}` : ''}`
}

export function go(path: string, params: Record<string, string | undefined | null> = {}): void {
  location.hash = href(path, params)
}
