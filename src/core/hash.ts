import { createHash } from 'node:crypto'

/**
 * A short stable id for content: 16 hex chars of SHA-256 over the parts, each followed by a NUL.
 * One update with the joined string hashes the same bytes as an update per part, at a fraction of
 * the calls (event ids hash six parts for every event coded).
 */
export function contentHash(...parts: (string | number | null | undefined)[]): string {
  let joined = ''
  for (const p of parts) joined += String(p ?? '') + '\u0000'
  return createHash('sha256').update(joined).digest('hex').slice(0, 16)
}
