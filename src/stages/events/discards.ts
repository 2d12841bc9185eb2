// PETRARCH's discard lists: phrases that mark sports, entertainment, market and disaster stories.
// Story-level phrases in the title or lead drop the whole story; anywhere else they drop their
// paragraph (a scraped page often carries unrelated teasers). Sentence-level phrases drop a sentence.
// Phrases are matched over tokens through a first-word index: one pass over the text.
import { readFileSync } from 'node:fs'
import { fromRoot } from '../../core/paths.js'
import type { Doc, Token } from '../../core/types.js'

/** Sentences from the top of an article that count as its lead for story-level discards. */
export const LEAD_SENTENCES = 2

export interface Discards {
  /** The phrase that makes the whole story non-political, or null. */
  story(doc: Doc): string | null
  paragraphs(doc: Doc): Set<number>
  /** Sentence indices dropped by a sentence-level (or story-level) phrase. */
  sentences(doc: Doc): Set<number>
  /**
   * `paragraphs` and `sentences` in one pass over the tokens: what the stage uses. `startsAt(k)`,
   * when given, is `startingWith(doc.tokens[k].norm)` already looked up by the caller.
   */
  dropped(doc: Doc, startsAt?: (k: number) => DiscardStart | undefined): { paragraphs: Set<number>; sentences: Set<number> }
  /** The story- and sentence-level phrases starting with a word, or undefined (most words). */
  startingWith(word: string): DiscardStart | undefined
  /** For plain text (tests): whether a sentence-level phrase occurs. */
  sentence(text: string): boolean
}

interface Entry { phrase: string; exact?: boolean }
export interface DiscardStart { story?: string[][]; sentence?: string[][] }
type Index = Map<string, string[][]>

function words(s: string): string[] {
  return s.toLowerCase().match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu) ?? []
}

function index(entries: Entry[]): Index {
  const idx: Index = new Map()
  for (const e of entries) {
    const ws = words(e.phrase)
    if (ws.length === 0) continue
    const list = idx.get(ws[0])
    if (list) list.push(ws); else idx.set(ws[0], [ws])
  }
  return idx
}

const plural = (a: string, b: string) => a === b || a === b + 's' || a === b + 'es'

/** The first phrase of `idx` found in the word sequence, or null. */
function scan(idx: Index, ws: string[]): string | null {
  for (let i = 0; i < ws.length; i++) {
    const cands = idx.get(ws[i])
    if (!cands) continue
    for (const p of cands) {
      if (i + p.length > ws.length) continue
      let ok = true
      for (let k = 1; k < p.length && ok; k++) ok = k === p.length - 1 ? plural(ws[i + k], p[k]) : ws[i + k] === p[k]
      if (ok) return p.join(' ')
    }
  }
  return null
}

function tokenWords(toks: Token[]): string[] {
  return toks.map((t) => t.norm)
}

/** `scan` over the norms of toks[from, to) in place: run on every sentence, so it builds no word array. */
function scanTokens(idx: Index, toks: Token[], from: number, to: number): string | null {
  for (let i = from; i < to; i++) {
    const cands = idx.get(toks[i].norm)
    const p = cands ? phraseAt(cands, toks, i, to) : null
    if (p) return p.join(' ')
  }
  return null
}

/** The first of `cands` (phrases starting with toks[i]'s word) that toks[i, to) continues, or null. */
function phraseAt(cands: string[][], toks: Token[], i: number, to: number): string[] | null {
  for (const p of cands) {
    if (i + p.length > to) continue
    let ok = true
    for (let k = 1; k < p.length && ok; k++) ok = k === p.length - 1 ? plural(toks[i + k].norm, p[k]) : toks[i + k].norm === p[k]
    if (ok) return p
  }
  return null
}

export function createDiscards(story: Entry[], sentence: Entry[]): Discards {
  const storyIdx = index(story)
  const sentenceIdx = index(sentence)
  // Both lists by first word in one map, so the per-token pass costs one lookup.
  const both = new Map<string, DiscardStart>()
  for (const [w, ps] of storyIdx) both.set(w, { story: ps })
  for (const [w, ps] of sentenceIdx) {
    const e = both.get(w)
    if (e) e.sentence = ps; else both.set(w, { sentence: ps })
  }
  return {
    story(doc) {
      const lead = words(doc.article.title ?? '')
      for (const s of doc.sentences.slice(0, LEAD_SENTENCES)) lead.push(...tokenWords(doc.tokens.slice(s.tokenStart, s.tokenEnd)))
      return scan(storyIdx, lead)
    },
    paragraphs(doc) {
      const out = new Set<number>()
      for (const s of doc.sentences) {
        if (out.has(s.paragraph)) continue
        if (scanTokens(storyIdx, doc.tokens, s.tokenStart, s.tokenEnd)) out.add(s.paragraph)
      }
      return out
    },
    sentences(doc) {
      const out = new Set<number>()
      for (const s of doc.sentences) if (scanTokens(sentenceIdx, doc.tokens, s.tokenStart, s.tokenEnd)) out.add(s.index)
      return out
    },
    dropped(doc, startsAt) {
      const paragraphs = new Set<number>()
      const sentences = new Set<number>()
      for (const s of doc.sentences) {
        let wantStory = !paragraphs.has(s.paragraph)
        let wantSentence = true
        for (let i = s.tokenStart; i < s.tokenEnd && (wantStory || wantSentence); i++) {
          const e = startsAt ? startsAt(i) : both.get(doc.tokens[i].norm)
          if (!e) continue
          if (wantStory && e.story && phraseAt(e.story, doc.tokens, i, s.tokenEnd)) { paragraphs.add(s.paragraph); wantStory = false }
          if (wantSentence && e.sentence && phraseAt(e.sentence, doc.tokens, i, s.tokenEnd)) { sentences.add(s.index); wantSentence = false }
        }
      }
      return { paragraphs, sentences }
    },
    startingWith(word) {
      return both.get(word)
    },
    sentence(text) {
      return scan(sentenceIdx, words(text)) !== null
    },
  }
}

let shipped: Discards | undefined

export function loadDiscards(): Discards {
  if (shipped) return shipped
  const data = JSON.parse(readFileSync(fromRoot('dictionaries', 'verbs', 'discards.json'), 'utf8')) as { story: Entry[]; sentence: Entry[] }
  shipped = createDiscards(data.story, data.sentence)
  return shipped
}
