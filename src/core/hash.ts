import { createHash } from 'node:crypto'

/** A short stable id for content: 16 hex chars of SHA-256. */
export function contentHash(...parts: (string | number | null | undefined)[]): string {
  const h = createHash('sha256')
  for (const p of parts) {
    h.update(String(p ?? ''))
    h.update('\u0000')
  }
  return h.digest('hex').slice(0, 16)
}
