/**
 * A token trie kept flat: every phrase is a key of its tokens joined by spaces (tokens never
 * contain spaces), and every proper prefix of a phrase is in `prefixes`. Scanning a sentence is
 * then one Set/Map probe per token step, however large the dictionary, and the compiled form is
 * two arrays of strings, which the cache loads far faster than a tree of nodes.
 */
export interface TrieData {
  keys: string[]
  ids: number[][]
}

const NONE: Array<[number, number[]]> = []

export class TokenTrie {
  private readonly phrases = new Map<string, number[]>()
  private readonly prefixes = new Set<string>()
  private readonly firsts = new Set<string>()
  /** First token -> the tokens that can follow it: most continuations end here, before any string is built. */
  private readonly seconds = new Map<string, Set<string>>()

  static from(data: TrieData): TokenTrie {
    const t = new TokenTrie()
    for (let i = 0; i < data.keys.length; i++) t.addKey(data.keys[i], data.ids[i])
    return t
  }

  data(): TrieData {
    return { keys: [...this.phrases.keys()], ids: [...this.phrases.values()] }
  }

  private addKey(key: string, ids: number[]): void {
    const prev = this.phrases.get(key)
    if (prev) prev.push(...ids)
    else this.phrases.set(key, ids)
    let sp = key.indexOf(' ')
    const first = sp < 0 ? key : key.slice(0, sp)
    this.firsts.add(first)
    if (sp >= 0) {
      const sp2 = key.indexOf(' ', sp + 1)
      let set = this.seconds.get(first)
      if (!set) this.seconds.set(first, (set = new Set()))
      set.add(sp2 < 0 ? key.slice(sp + 1) : key.slice(sp + 1, sp2))
    }
    while (sp >= 0) {
      this.prefixes.add(key.slice(0, sp))
      sp = key.indexOf(' ', sp + 1)
    }
  }

  add(tokens: string[], id: number): void {
    if (tokens.length > 0) this.addKey(tokens.join(' '), [id])
  }

  /** Can a phrase start with this token? A cheap test before `matchesAt`. */
  starts(norm: string): boolean {
    return this.firsts.has(norm)
  }

  /** Every token some phrase starts with. */
  firstTokens(): Iterable<string> {
    return this.firsts
  }

  /**
   * Every phrase starting at `norms[from]`, longest first, as [end, ids] pairs; `end` is exclusive.
   * Stops at `limit` (the sentence end).
   */
  matchesAt(norms: string[], from: number, limit: number): Array<[number, number[]]> {
    // most tokens start no phrase at all: answer those without allocating
    if (from >= limit || !this.firsts.has(norms[from])) return NONE
    let out: Array<[number, number[]]> | null = null
    let key = norms[from]
    const ids1 = this.phrases.get(key)
    if (ids1) out = [[from + 1, ids1]]
    if (from + 1 >= limit || !this.seconds.get(key)?.has(norms[from + 1])) return out ?? NONE
    for (let i = from + 1; ; ) {
      key = key + ' ' + norms[i]
      const ids = this.phrases.get(key)
      if (ids) (out ??= []).push([i + 1, ids])
      if (++i >= limit || !this.prefixes.has(key)) break
    }
    return out ? out.reverse() : NONE
  }
}
