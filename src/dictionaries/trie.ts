/**
 * A token trie: phrases are paths of normalised tokens, so a sentence is scanned once per start
 * token and each step is one Map lookup, however large the dictionary.
 */
export interface TrieNode {
  /** Next token -> child. */
  c?: Map<string, TrieNode>
  /** Ids of the phrases ending here. */
  h?: number[]
}

const NONE: Array<[number, number[]]> = []

export class TokenTrie {
  constructor(readonly root: TrieNode = {}) {}

  /** Can a phrase start with this token? A cheap test before `matchesAt`. */
  starts(norm: string): boolean {
    return this.root.c?.has(norm) ?? false
  }

  add(tokens: string[], id: number): void {
    let node = this.root
    for (const t of tokens) {
      node.c ??= new Map()
      let next = node.c.get(t)
      if (!next) node.c.set(t, (next = {}))
      node = next
    }
    ;(node.h ??= []).push(id)
  }

  /**
   * Every phrase starting at `norms[from]`, longest first, as [end, ids] pairs; `end` is exclusive.
   * Stops at `limit` (the sentence end).
   */
  matchesAt(norms: string[], from: number, limit: number): Array<[number, number[]]> {
    // most tokens start no phrase at all: answer those without allocating
    if (from >= limit || !this.root.c?.has(norms[from])) return NONE
    const out: Array<[number, number[]]> = []
    let node: TrieNode | undefined = this.root
    for (let i = from; i < limit && node?.c; i++) {
      node = node.c.get(norms[i])
      if (!node) break
      if (node.h) out.push([i + 1, node.h])
    }
    return out.reverse()
  }
}
