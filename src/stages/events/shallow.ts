// A shallow reading of one sentence from POS tags and actor mentions: where clauses start, which
// actor mentions form the subject or object of a verb, coordination, appositives, passives.
// No parser: every rule looks a bounded number of tokens left or right, so a sentence costs O(n).
import type { Doc, Mention, Sentence, Token } from '../../core/types.js'

/** How far right of a trigger an object or prepositional slot is looked for; news clauses rarely run longer. */
export const MAX_OBJECT_TOKENS = 25
/** How far left of a verb its subject is looked for. */
export const MAX_SUBJECT_TOKENS = 40

const SUBORDINATORS = new Set(['that', 'which', 'who', 'whom', 'whose', 'whether', 'if', 'because', 'although', 'though', 'while', 'whereas', 'when', 'after', 'before', 'since', 'unless', 'as', 'where'])
const RELATIVES = new Set(['which', 'who', 'whom', 'that'])
const QUOTE_CHARS = new Set(['"', '“', '”', '«', '»', '„'])
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", "'re", 'am'])
const TRAILING_SPEECH = new Set(['said', 'says', 'told', 'reported', 'added', 'announced', 'stated', 'confirmed', 'quoted'])
const CIRCUMSTANCE = new Set(['despite', 'after', 'before', 'following', 'amid', 'because', 'unlike', 'notwithstanding', 'while', 'whereas', 'although', 'though'])
export const LOCATIVE_PREPS = new Set(['in', 'at', 'near', 'inside', 'outside', 'across', 'throughout', 'around'])

export interface SentenceView {
  doc: Doc
  sentence: Sentence
  toks: Token[]
  /**
   * For each token of the sentence (relative index), the index in `mentions` covering it, or -1.
   * A plain array of small integers: a view is built per sentence, and allocating a typed array
   * (an ArrayBuffer each) cost more than all the reads of it.
   */
  mentionAt: number[]
  mentions: Mention[]
  /** First and last (relative) token of each mention, so no rule has to search for them. */
  firstTok: Map<Mention, number>
  lastTok: Map<Mention, number>
}

/** Relative index of the first token ending after `offset` (binary search: tokens are sorted). */
export function tokenAtOffset(v: SentenceView, offset: number): number {
  let lo = 0
  let hi = v.toks.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (v.toks[mid].end > offset) hi = mid
    else lo = mid + 1
  }
  return lo
}

export interface Group {
  mentions: Mention[]
  /** Relative token indices of the group's first and one-past-last token. */
  start: number
  end: number
}

export function viewOf(doc: Doc, sentence: Sentence, mentions: Mention[]): SentenceView {
  const toks = doc.tokens.slice(sentence.tokenStart, sentence.tokenEnd)
  const mentionAt: number[] = new Array<number>(toks.length).fill(-1)
  // Mentions are few per sentence; a two-pointer walk keeps this linear in tokens + mentions.
  // The actor stage hands them over in this order already: sort only when they are not.
  const byStart = (a: Mention, b: Mention) => a.start - b.start || b.end - a.end
  let sorted = true
  for (let k = 1; k < mentions.length && sorted; k++) sorted = byStart(mentions[k - 1], mentions[k]) <= 0
  const ms = sorted ? mentions.slice() : mentions.slice().sort(byStart)
  let j = 0
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]
    while (j < ms.length && ms[j].end <= t.start) j++
    // Prefer the longest mention that covers the token (the sort puts it first among equal starts).
    for (let k = j; k < ms.length && ms[k].start < t.end; k++) {
      if (ms[k].start <= t.start && ms[k].end >= t.end) {
        const cur = mentionAt[i] === -1 ? null : ms[mentionAt[i]]
        if (!cur || ms[k].end - ms[k].start > cur.end - cur.start) mentionAt[i] = k
      }
    }
  }
  return new View(doc, sentence, toks, mentionAt, ms)
}

/** A sentence view whose first/last-token maps are built on first use: only sentences that code an event read them. */
class View implements SentenceView {
  private first: Map<Mention, number> | null = null
  private last: Map<Mention, number> | null = null
  constructor(readonly doc: Doc, readonly sentence: Sentence, readonly toks: Token[], readonly mentionAt: number[], readonly mentions: Mention[]) {}
  get firstTok(): Map<Mention, number> {
    if (!this.first) this.index()
    return this.first!
  }
  get lastTok(): Map<Mention, number> {
    if (!this.last) this.index()
    return this.last!
  }
  private index(): void {
    const first = new Map<Mention, number>()
    const last = new Map<Mention, number>()
    for (let i = 0; i < this.toks.length; i++) {
      const mi = this.mentionAt[i]
      if (mi < 0) continue
      const m = this.mentions[mi]
      if (!first.has(m)) first.set(m, i)
      last.set(m, i)
    }
    this.first = first
    this.last = last
  }
}

export function isVerb(t: Token): boolean {
  return t.pos === 'VERB'
}

export function isQuote(t: Token): boolean {
  return QUOTE_CHARS.has(t.norm) || t.norm === "''" || t.norm === '``'
}

/** A token that can only be read as the start of another clause. */
function isClauseBoundary(v: SentenceView, i: number): boolean {
  const t = v.toks[i]
  if (v.mentionAt[i] >= 0) return false
  if (t.norm === ';' || t.norm === ':' || isQuote(t) || t.norm === '—' || t.norm === '–') return true
  if (t.pos === 'SCONJ' || (t.pos !== 'DET' && SUBORDINATORS.has(t.norm) && t.norm !== 'as')) return true
  if (t.pos === 'VERB') return true
  // A copula ("Zelenskyy ... is a neo-Nazi") is a main verb: a clause boundary unless a verb follows.
  if (t.pos === 'AUX') {
    for (let k = i + 1; k < v.toks.length && k <= i + 3; k++) {
      const n = v.toks[k]
      if (n.pos === 'VERB' || n.pos === 'AUX') return false
      if (n.pos !== 'ADV' && n.pos !== 'PART') return true
    }
  }
  return false
}

/** Index of the first token of the verb group ending at `verb`: auxiliaries, negation, adverbs. */
export function verbGroupStart(v: SentenceView, verb: number): number {
  let i = verb
  while (i > 0) {
    const t = v.toks[i - 1]
    if (v.mentionAt[i - 1] >= 0) break
    if (t.pos === 'AUX' || t.pos === 'PART' || (t.pos === 'ADV' && t.norm !== 'then') || t.norm === 'not' || t.norm === "n't") i--
    else break
  }
  return i
}

/** True when the verb group holds a form of "be" and the verb is a past participle: "was attacked". */
export function isPassive(v: SentenceView, groupStart: number, verb: number): boolean {
  let be = false
  let been = false
  for (let i = groupStart; i < verb; i++) {
    if (BE.has(v.toks[i].norm) || v.toks[i].norm === 'got') be = true
    if (v.toks[i].norm === 'been' || v.toks[i].norm === 'being') been = true
  }
  if (!be) return false
  const n = v.toks[verb].norm
  // "has been put under investigation": irregular participles look like their lemma.
  if (been && !n.endsWith('ing') && v.toks[verb + 1]?.norm !== 'to') return true
  // "is prepared to", "is opposed to", "is committed to": an adjectival participle, not a passive.
  if (v.toks[verb + 1]?.norm === 'to') return false
  return /(ed|en|wn|un|ht|t)$/.test(n) && n !== v.toks[verb].lemma
}

/** Groups the mentions found in [a, b): mentions joined by "and", "," or "&" (with only determiners and adjectives between) form one group. */
export function groupsIn(v: SentenceView, a: number, b: number, accept: (m: Mention) => boolean): Group[] {
  return scanGroups(v, a, b, accept, false)
}

/** `groupsIn(v, a, b, accept)[0]`: the scan stops once the first group is complete. */
export function firstGroupIn(v: SentenceView, a: number, b: number, accept: (m: Mention) => boolean): Group | undefined {
  return scanGroups(v, a, b, accept, true)[0]
}

function scanGroups(v: SentenceView, a: number, b: number, accept: (m: Mention) => boolean, firstOnly: boolean): Group[] {
  const groups: Group[] = []
  let cur: Group | null = null
  let gap = 0
  let sawConj = false
  // Members joined by commas alone ("A member of the Syrian parliament, Mohammed Mamoun") are an
  // apposition, one entity named twice; a list needs an "and"/"or" somewhere.
  // (Closing a group is written out twice below rather than as a closure: a closure over `cur` made
  // every call allocate a context, and this runs for every subject, object and cue.)
  let sawAnd = false
  for (let i = a; i < b; i++) {
    const mi = v.mentionAt[i]
    if (mi >= 0) {
      const m = v.mentions[mi]
      // Skip the rest of this mention's tokens.
      let j = i
      while (j + 1 < b && v.mentionAt[j + 1] === mi) j++
      const next = v.toks[j + 1]
      const modifier = next && (next.norm === '-' || (next.start === v.toks[j].end && next.norm.startsWith('-')))
      if (accept(m) && !modifier) {
        if (cur && sawConj && gap <= 3) {
          if (!cur.mentions.includes(m)) cur.mentions.push(m)
          cur.end = j + 1
        } else {
          // Two names and one comma are an apposition; three or more comma-joined names are a list (cut before its "and").
          if (cur && cur.mentions.length === 2 && !sawAnd) cur.mentions = cur.mentions.slice(0, 1)
          if (cur && firstOnly) return groups // the first group is complete
          sawAnd = false
          cur = { mentions: [m], start: i, end: j + 1 }
          groups.push(cur)
        }
      }
      gap = 0
      sawConj = false
      i = j
      continue
    }
    const t = v.toks[i]
    if (t.norm === 'and' || t.norm === ',' || t.norm === '&' || t.norm === 'as well as' || t.norm === 'or') { sawConj = true; if (t.norm !== ',') sawAnd = true; gap++; continue }
    if (t.pos === 'DET' || t.pos === 'ADJ' || t.norm === "'s" || t.norm === '’s') { gap++; continue }
    // Anything else closes coordination.
    gap = 99
    sawConj = false
  }
  if (cur && cur.mentions.length === 2 && !sawAnd) cur.mentions = cur.mentions.slice(0, 1)
  return groups
}

export interface Subject {
  group: Group | null
  /** Where the subject region starts (relative index). */
  regionStart: number
  /** Why the subject was chosen: a rule name for --explain. */
  rule: string
}

/** Head nouns that stand for the actor named after them ("leaders of the opposition", "officials from Hamas"). */
const RELATIONAL_HEADS = new Set(['groups', 'parties', 'organizations', 'organisations', 'activists', 'students', 'workers', 'elders', 'landowners', 'farmers', 'demonstrators', 'protesters', 'protestors', 'rebels', 'youths', 'villagers', 'residents', 'doctors', 'lawmakers', 'legislators', 'deputies', 'senators', 'inhabitants', 'refugees', 'settlers', 'journalists', 'authorities', 'guerrillas', 'insurgents', 'gunmen', 'leader', 'leaders', 'official', 'officials', 'representative', 'representatives', 'member', 'members', 'head', 'heads', 'group', 'delegation', 'delegations', 'envoy', 'envoys', 'spokesman', 'spokeswoman', 'spokesperson', 'forces', 'troops', 'soldiers', 'army', 'government', 'ministers', 'minister', 'diplomats', 'diplomat', 'negotiators', 'team', 'authorities', 'militants', 'fighters', 'police', 'supporters', 'units', 'chief', 'president', 'elders', 'judge', 'court'])
const OPENERS = new Set(['{', '(', '[', '“', '"', '‘', "'", '`', '``'])
const QUANTITY = new Set(['up', 'to', 'about', 'around', 'nearly', 'almost', 'over', 'some', 'tens', 'hundreds', 'thousands', 'millions', 'dozens', 'scores', 'third', 'half', 'quarter', 'most', 'many', 'several', 'more', 'than', 'least', 'at'])
const TITLE_HEADS = new Set(['emir', 'king', 'queen', 'prince', 'president', 'premier', 'prime', 'chancellor', 'minister', 'secretary', 'ambassador', 'foreign', 'defence', 'defense', 'interior', 'vice', 'deputy', 'top', 'senior', 'parliament', 'cabinet', 'military', 'navy', 'air', 'high', 'supreme', 'central', 'national', 'state', 'ruling', 'opposition', 'embassy', 'mission', 'security', 'police', 'foreign'])
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we'])

/**
 * The subject of the verb group starting at `g`: the noun phrase that opens the region between the
 * previous clause boundary and `g`, after skipping a fronted adverbial ("In response, ...",
 * "According to Tass, ..."). A named actor heading it is the subject; a relational head takes the
 * actor after it ("officials from Hamas"); a possessor of a non-actor head ("Moscow's relations")
 * or a non-actor head ("the fall of ...") gives no subject. A relative clause takes its antecedent.
 */
/** The first token after a date that opens the sentence (at its first or second token), or -1. */
function afterFrontedDate(v: SentenceView): number {
  const second = v.toks[1]
  if (!second) return -1
  for (const d of v.doc.dates) {
    if (d.sentence !== v.sentence.index || d.start > second.start || d.end <= v.toks[0].start) continue
    return tokenAtOffset(v, d.end)
  }
  return -1
}

export function subjectOf(v: SentenceView, g: number, accept: (m: Mention) => boolean): Subject {
  let a = g
  const limit = Math.max(0, g - MAX_SUBJECT_TOKENS)
  while (a > limit && !isClauseBoundary(v, a - 1)) a--
  const boundary = a > 0 ? v.toks[a - 1] : null
  if (a === g && boundary && RELATIVES.has(boundary.norm)) {
    // Relative clause: the antecedent sits just before "which"/"who" (and an optional comma).
    let e = a - 1
    if (e > 0 && v.toks[e - 1].norm === ',') e--
    const ante = groupsIn(v, Math.max(0, e - 12), e, accept)
    const last = ante[ante.length - 1]
    if (last && last.end === e) return { group: last, regionStart: a, rule: 'relative-clause antecedent' }
  }
  let start = a
  const first = v.toks[start]
  if (first && (first.pos === 'ADP' || first.pos === 'SCONJ' || first.norm === 'according' || first.norm === 'despite' || first.norm === 'following')) {
    for (let i = start; i < g; i++) if (v.toks[i].norm === ',') { start = i + 1; break }
    // "On Monday Russia agreed", "In 2019 Israel struck": a fronted date without its comma. The dates
    // stage has found the date; a preposition's phrase that is no date ("On the whole") is not skipped.
    if (start === a && a === 0) {
      const k = afterFrontedDate(v)
      if (k > 0 && k < g && v.mentionAt[k] >= 0) start = k
    }
  }
  // "..., a neo-Nazi, Israel has expressed": a named actor right before the verb, after a comma
  // that does not close an appositive, restarts the clause.
  if (g - 1 > start && v.toks[g - 1].norm !== ',') {
    const gs = groupsIn(v, start, g, accept)
    const last = gs[gs.length - 1]
    if (last && last.end === g && last.start > start && v.toks[last.start - 1].norm === ',') {
      return { group: last, regionStart: start, rule: 'subject after a fronted clause' }
    }
  }
  // Skip determiners, modifiers and quantities ("Up to 100", "Tens of thousands of") to the head of the first noun phrase.
  let h = start
  while (h < g) {
    const t = v.toks[h]
    // "NATO-member Norway": a hyphenated modifier in front of the head.
    if (v.toks[h + 1]?.norm === '-' && h + 2 < g) { h += 2; continue }
    if (v.mentionAt[h] >= 0) break
    if (t.pos === 'DET' || t.pos === 'ADJ' || t.pos === 'NUM' || t.pos === 'ADV' || t.pos === 'CCONJ' || t.norm === ',' || OPENERS.has(t.norm)) { h++; continue }
    if (QUANTITY.has(t.norm) && (t.pos === 'ADP' || t.pos === 'NOUN' || t.pos === 'PART' || t.pos === 'ADV')) { h++; continue }
    // wink tags a capitalized "Thousands"/"Dozens" opening a sentence as a proper noun
    if (QUANTITY.has(t.norm) && t.pos === 'PROPN' && h === 0 && v.toks[h + 1]?.norm === 'of') { h++; continue }
    if (t.norm === 'of' && h > start && (QUANTITY.has(v.toks[h - 1].norm) || v.toks[h - 1].pos === 'NUM')) { h++; continue }
    break
  }
  if (h >= g) return { group: null, regionStart: start, rule: 'no subject' }
  const ht = v.toks[h]
  if (v.mentionAt[h] >= 0) {
    const gr = firstGroupIn(v, h, g, accept)
    if (!gr || gr.start !== h) return { group: null, regionStart: start, rule: 'no subject' }
    const nx = v.toks[gr.end]
    if (nx && (nx.norm === "'s" || nx.norm === '’s' || nx.norm === "'")) {
      let k = gr.end + 1
      while (k < g && v.mentionAt[k] < 0 && v.toks[k].pos === 'ADJ') k++
      if (k < g && v.mentionAt[k] >= 0) {
        const head = firstGroupIn(v, k, g, accept)
        if (head && head.start === k) return { group: head, regionStart: start, rule: 'subject (possessed actor)' }
        return { group: gr, regionStart: start, rule: 'subject (possessor)' }
      }
      const headNoun = v.toks[k]
      // "Quatar's emir", "Taiwan's Vice Foreign Minister": a title or relational head acts for its possessor.
      if (headNoun && (RELATIONAL_HEADS.has(headNoun.norm) || TITLE_HEADS.has(headNoun.norm) || headNoun.pos === 'PROPN')) return { group: gr, regionStart: start, rule: `subject: ${headNoun.norm} of ${gr.mentions[0].text}` }
      return { group: null, regionStart: start, rule: 'possessor of a non-actor head' }
    }
    return { group: gr, regionStart: start, rule: 'subject' }
  }
  if (ht.pos === 'PRON' && SUBJECT_PRONOUNS.has(ht.norm)) return { group: null, regionStart: start, rule: 'pronoun' }
  if (ht.pos === 'NOUN' || ht.pos === 'PROPN') {
    // A noun chunk: its head is the last noun before a preposition, punctuation or the verb.
    let k = h
    while (k < g && v.mentionAt[k] < 0 && (v.toks[k].pos === 'NOUN' || v.toks[k].pos === 'PROPN' || v.toks[k].pos === 'ADJ' || v.toks[k].norm === '-')) k++
    if (k < g && v.mentionAt[k] >= 0) {
      // "U.N. helicopters" is caught above; "the rebel Revolutionary United Front": the named actor is the head.
      const gr = firstGroupIn(v, k, g, accept)
      if (gr && gr.start === k) return { group: gr, regionStart: start, rule: 'subject' }
    }
    const head = v.toks[k - 1]
    const prep = v.toks[k]
    if (head && RELATIONAL_HEADS.has(head.norm) && prep && ['of', 'from', 'for', 'in', 'throughout', 'across'].includes(prep.norm)) {
      const gr = firstGroupIn(v, k + 1, Math.min(g, k + 8), accept)
      if (gr) return { group: gr, regionStart: start, rule: `subject: ${head.norm} ${prep.norm} ${gr.mentions[0].text}` }
    }
    return { group: null, regionStart: start, rule: 'non-actor head noun' }
  }
  return { group: null, regionStart: start, rule: 'no subject' }
}

/** End (exclusive, relative) of the object region of a trigger ending at `from`. */
export function objectRegionEnd(v: SentenceView, from: number): number {
  const end = Math.min(v.toks.length, from + MAX_OBJECT_TOKENS)
  for (let i = from; i < end; i++) {
    const t = v.toks[i]
    if (v.mentionAt[i] >= 0) continue
    if (t.norm === ';' || t.norm === ':' || isQuote(t) || t.norm === '—') return i
    if ((t.norm === 'which' || t.norm === 'who') && i > from) return i
    // ", Human Rights Watch said Thursday": a trailing attribution is not part of the object.
    if (t.norm === ',' && i > from) {
      for (let k = i + 1; k < Math.min(v.toks.length, i + 9); k++) {
        const u = v.toks[k]
        if (u.pos === 'VERB') { if (TRAILING_SPEECH.has(u.norm)) return i; break }
      }
    }
    // A new finite clause after a comma or "and"/"but": the object slot ends before it.
    if (t.pos === 'VERB' && i > from) {
      const p = v.toks[i - 1]
      if (p.norm === ',' || p.pos === 'CCONJ' || p.pos === 'AUX' || p.pos === 'PRON' || v.mentionAt[i - 1] >= 0) return i
    }
    if (t.pos === 'SCONJ' && t.norm !== 'that' && i > from) return i
    // "techniques used against detainees": a participle right after a plain noun opens a reduced relative clause.
    if (t.pos === 'VERB' && i > from + 1 && /(ed|en)$/.test(t.norm) && t.norm !== t.lemma && v.toks[i - 1].pos === 'NOUN' && v.mentionAt[i - 1] < 0 && v.toks[i + 1]?.pos === 'ADP') return i
    // "despite Israel's wish", "after a coup": what follows is circumstance, not the object.
    if (CIRCUMSTANCE.has(t.norm) && i > from) return i
  }
  return end
}

/** The preposition governing the token at `i` (looking back over the noun phrase), or null. */
export function prepBefore(v: SentenceView, i: number, floor: number): string | null {
  for (let k = i - 1; k >= floor && k >= i - 6; k--) {
    const t = v.toks[k]
    if (t.pos === 'ADP') return t.norm
    if (t.pos === 'DET' || t.pos === 'ADJ' || t.pos === 'NUM' || t.norm === "'s" || t.norm === '’s' || v.mentionAt[k] >= 0 || t.pos === 'PROPN' || t.pos === 'NOUN') continue
    return null
  }
  return null
}
