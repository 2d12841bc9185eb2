// Matching PETRARCH-style pattern items against the tokens around a trigger.
import type { Token } from '../../core/types.js'
import type { Item, VerbDictionary } from '../../dictionaries/verbs.js'

/** How many tokens a prepositional phrase of a pattern may span after its preposition. */
export const MAX_PP_GAP = 6

export function wordMatches(t: Token, w: string, exact = false): boolean {
  if (t.norm === w) return true
  if (exact) return false
  if (t.lemma === w) return true
  // The tagger lemmatizes unevenly; plural and simple inflections are equal for dictionary purposes.
  // Compared without building "w + s" strings: this runs for every token a pattern item is tried on.
  const n = t.norm
  const d = n.length - w.length
  if (d === 1) return n.endsWith('s') && n.startsWith(w)
  if (d === 2) return (n.endsWith('es') && n.startsWith(w)) || (w.endsWith('y') && n === w.slice(0, -1) + 'ies')
  if (d === -1) return w.endsWith('s') && w.startsWith(n)
  if (d === -2) return w.endsWith('es') && w.startsWith(n)
  return false
}

/** Length in tokens of a match of `w` (possibly several words) starting at toks[i], or 0. */
function matchWordAt(toks: Token[], i: number, w: string, exact?: boolean): number {
  if (!w.includes(' ')) return wordMatches(toks[i], w, exact) ? 1 : 0
  const parts = w.split(' ')
  for (let k = 0; k < parts.length; k++) {
    const t = toks[i + k]
    if (!t) return 0
    if (k === parts.length - 1 ? !wordMatches(t, parts[k], exact) : t.norm !== parts[k]) return 0
  }
  return parts.length
}

function matchSynsetAt(dict: VerbDictionary, toks: Token[], i: number, name: string): number {
  const set = dict.synsets.get(name)
  if (!set) return 0
  const t = toks[i]
  let best = set.has(t.norm) || set.has(t.lemma) ? 1 : 0
  const multi = dict.multiword.get(name)?.get(t.norm)
  if (multi) {
    for (const parts of multi) {
      if (parts.length <= best || i + parts.length > toks.length) continue
      let ok = true
      for (let k = 1; k < parts.length && ok; k++) {
        const u = toks[i + k]
        ok = k === parts.length - 1 ? u.norm === parts[k] || u.lemma === parts[k] : u.norm === parts[k]
      }
      if (ok) best = parts.length
    }
  }
  return best
}

/** Length of a match of one item at toks[i] (0 = no match); zero-width items return -1. */
function matchItemAt(dict: VerbDictionary, toks: Token[], i: number, item: Item, end: number): number {
  switch (item.kind) {
    case 'word': return matchWordAt(toks, i, item.w, item.exact)
    case 'synset': return matchSynsetAt(dict, toks, i, item.name)
    case 'compound': {
      let k = i
      for (const w of item.words) {
        if (k >= end) return 0
        const n = matchItemAt(dict, toks, k, w, end)
        if (n === 0) return 0
        if (n > 0) k += n
      }
      return k - i
    }
    case 'pp': {
      if (!item.prep || !item.prep.includes(toks[i].norm)) return 0
      if (item.words.length === 0) return 1
      const r = findSequence(dict, toks, item.words, i + 1, Math.min(end, i + 1 + MAX_PP_GAP))
      return r < 0 ? 0 : r - i
    }
    default: return -1
  }
}

/**
 * Finds `items` in order within toks[from, end), gaps allowed; returns the index one past the
 * last matched token, or -1. Greedy leftmost matching: each item is taken at its first occurrence,
 * which keeps this O(items × window).
 */
export function findSequence(dict: VerbDictionary, toks: Token[], items: Item[], from: number, end: number): number {
  let pos = from
  for (const item of items) {
    let found = -1
    for (let i = pos; i < end; i++) {
      const n = matchItemAt(dict, toks, i, item, end)
      if (n < 0) { found = i; break }
      if (n > 0) { found = i + n; break }
    }
    if (found < 0) return -1
    pos = found
  }
  return pos
}
