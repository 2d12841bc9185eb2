// Recently served read responses, by URL. Analysts (and the UI on every navigation) ask the same
// questions again within seconds: the default event list, a popular actor, a dyad. Serving those
// from memory leaves the database to the questions that are new.

export interface CacheOptions {
  /** How long an answer may be reused; another process ingesting is seen after at most this. 0 disables. */
  ttlMs: number
  maxEntries: number
  /** Bigger answers are not kept: they would crowd out many small ones. */
  maxBodyBytes: number
}

export class ResponseCache {
  private entries = new Map<string, { body: string; at: number }>()
  hits = 0
  misses = 0

  constructor(readonly opts: CacheOptions) {}

  get enabled(): boolean {
    return this.opts.ttlMs > 0 && this.opts.maxEntries > 0
  }

  get(key: string, now = Date.now()): string | undefined {
    const e = this.entries.get(key)
    if (!e || now - e.at > this.opts.ttlMs) {
      if (e) this.entries.delete(key)
      this.misses++
      return undefined
    }
    // Re-insert so the Map's order is least recently used first.
    this.entries.delete(key)
    this.entries.set(key, e)
    this.hits++
    return e.body
  }

  set(key: string, body: string, now = Date.now()): void {
    if (!this.enabled || body.length > this.opts.maxBodyBytes) return
    this.entries.delete(key)
    this.entries.set(key, { body, at: now })
    while (this.entries.size > this.opts.maxEntries) this.entries.delete(this.entries.keys().next().value as string)
  }

  /** After a write through this server: its own readers see the new article at once. */
  clear(): void {
    this.entries.clear()
  }

  get size(): number {
    return this.entries.size
  }
}
