// Serves the built UI (web/dist) from memory: a handful of files, read once, so a request never
// touches the disk and no path from the URL is ever joined onto the file system.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { extname, join, relative } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
}

export interface StaticFile {
  body: Buffer
  type: string
  /** Vite puts a content hash in asset names, so those may be cached for good. */
  immutable: boolean
}

export function loadStatic(root: string): Map<string, StaticFile> | null {
  if (!existsSync(join(root, 'index.html'))) return null
  const files = new Map<string, StaticFile>()
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name)
      if (statSync(p).isDirectory()) walk(p)
      else {
        const rel = '/' + relative(root, p).split('\\').join('/')
        files.set(rel, { body: readFileSync(p), type: TYPES[extname(p)] ?? 'application/octet-stream', immutable: rel.startsWith('/assets/') })
      }
    }
  }
  walk(root)
  return files
}

/**
 * Scripts only from our own origin and no inline script at all: even if article text were ever
 * turned into markup by mistake, a `<script>` or `onerror=` in it could not run.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

export const NOT_BUILT_PAGE = `<!doctype html><html lang="en"><meta charset="utf-8"><title>newsgraph</title>
<h1>newsgraph</h1><p>The web UI has not been built. Run <code>npm run build:web</code> (or <code>npm start</code>) and restart <code>newsgraph serve</code>. The API is available under <code>/api/</code>.</p></html>`
