// A fixed-window request counter per client address. Enough to stop one runaway script from
// starving everyone else on a single-machine workbench; not a defence against a botnet.

export interface RateLimitOptions {
  /** Requests allowed per client per window; 0 disables the limit. */
  max: number
  windowMs: number
}

/** Forget idle clients after this many windows so the map cannot grow without bound. */
const PRUNE_AFTER_WINDOWS = 2

export class RateLimiter {
  private hits = new Map<string, { count: number; start: number }>()
  private lastPrune = 0

  constructor(readonly opts: RateLimitOptions) {}

  /** Returns 0 when allowed, else the milliseconds until the client may try again. */
  take(client: string, now = Date.now()): number {
    if (this.opts.max <= 0) return 0
    if (now - this.lastPrune > this.opts.windowMs * PRUNE_AFTER_WINDOWS) this.prune(now)
    let h = this.hits.get(client)
    if (!h || now - h.start >= this.opts.windowMs) {
      h = { count: 0, start: now }
      this.hits.set(client, h)
    }
    h.count++
    return h.count > this.opts.max ? h.start + this.opts.windowMs - now : 0
  }

  private prune(now: number): void {
    this.lastPrune = now
    for (const [k, h] of this.hits) if (now - h.start >= this.opts.windowMs) this.hits.delete(k)
  }
}
