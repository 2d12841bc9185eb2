/**
 * A token trie. The compiled form (`TrieData`, what the cache stores) is flat: every phrase is
 * a key of its tokens joined by spaces (tokens never contain spaces), two arrays of strings,
 * which the cache loads far faster than a tree of nodes. Loading rebuilds the tree of nodes
 * from the keys, because scanning walks it: one Map probe per token step with the text's own
 * token strings, where the flat form had to build and hash a joined string per step.
 */
export interface TrieData {
  keys: string[]
  ids: number[][]
}

/** One trie node: the phrases ending here (null if none) and the tokens that can follow. */
export interface TrieNode {
  ids: number[] | null
  next: Map<string, TrieNode> | null
  /**
   * A two-probe Bloom filter of the tokens in `next` (see tokenCode): a scanner that knows its next
   * token's code skips the Map probe when the token cannot be there, which is most of the time (the
   * node's Map is rarely in the processor's cache; the token's code is).
   */
  mask: number
  mask2: number
}

/** Two bit positions (0-31) for a token, from a hash of its characters, packed as `a | b << 5`. */
export function tokenCode(token: string): number {
  let h = 0x811c9dc5 | 0
  for (let k = 0; k < token.length; k++) h = Math.imul(h ^ token.charCodeAt(k), 0x01000193)
  return (h >>> 27) | (((h >>> 22) & 31) << 5)
}

/** May `node.next` hold the token of this tokenCode? False means surely not. */
export function mayFollow(node: TrieNode, code: number): boolean {
  return ((node.mask >>> (code & 31)) & 1) !== 0 && ((node.mask2 >>> (code >>> 5)) & 1) !== 0
}

const NONE: Array<[number, number[]]> = []

export class TokenTrie {
  /** Key -> phrase ids; the same arrays as the nodes' `ids`, kept for `data()`. */
  private readonly phrases = new Map<string, number[]>()
  /** First token -> its node. */
  private readonly roots = new Map<string, TrieNode>()

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
    if (prev) {
      // the node holds this very array
      prev.push(...ids)
      return
    }
    this.phrases.set(key, ids)
    let level = this.roots
    let node: TrieNode | undefined
    let from = 0
    for (;;) {
      const sp = key.indexOf(' ', from)
      const tok = sp < 0 ? key.slice(from) : key.slice(from, sp)
      node = level.get(tok)
      if (!node) level.set(tok, (node = { ids: null, next: null, mask: 0, mask2: 0 }))
      if (sp < 0) break
      level = node.next ??= new Map()
      from = sp + 1
      const sp2 = key.indexOf(' ', from)
      const code = tokenCode(sp2 < 0 ? key.slice(from) : key.slice(from, sp2))
      node.mask |= 1 << (code & 31)
      node.mask2 |= 1 << (code >>> 5)
    }
    node.ids = ids
  }

  add(tokens: string[], id: number): void {
    if (tokens.length > 0) this.addKey(tokens.join(' '), [id])
  }

  /** Can a phrase start with this token? A cheap test before `matchesAt`. */
  starts(norm: string): boolean {
    return this.roots.has(norm)
  }

  /** The node of phrases starting with this token: scanners walk on from it with `node.next`. */
  root(norm: string): TrieNode | undefined {
    return this.roots.get(norm)
  }

  /** Every token some phrase starts with. */
  firstTokens(): Iterable<string> {
    return this.roots.keys()
  }

  /**
   * Every phrase starting at `norms[from]`, longest first, as [end, ids] pairs; `end` is exclusive.
   * Stops at `limit` (the sentence end).
   */
  matchesAt(norms: string[], from: number, limit: number): Array<[number, number[]]> {
    if (from >= limit) return NONE
    let node = this.roots.get(norms[from])
    let out: Array<[number, number[]]> | null = null
    for (let i = from + 1; node; i++) {
      if (node.ids) (out ??= []).push([i, node.ids])
      if (i >= limit || !node.next) break
      node = node.next.get(norms[i])
    }
    return out ? out.reverse() : NONE
  }
}
