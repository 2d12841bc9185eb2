// Direct quotes with their speakers, in the common orders: "“…,” Putin said", "“…,” said Putin",
// "Putin said: “…”", "Putin said that “…”", and a quote inside a clause whose subject speaks
// ("The ministry objected ..., labeling it as “support for terrorism”").
import type { Actor, Doc, Mention, Quote, Stage } from '../../core/types.js'
import { isSpeechVerb } from '../events/attribution.js'
import { isSubjectMention } from '../events/events.js'
import { groupsIn, subjectOf, tokenAtOffset, verbGroupStart, viewOf, type SentenceView } from '../events/shallow.js'

/** A quoted stretch of fewer words is a term or a scare quote (“priority”), not a quotation. */
export const MIN_QUOTE_WORDS = 2
/** Tokens after a closing quote mark in which "said X" / "X said" is looked for. */
const AFTER_QUOTE_TOKENS = 8

/** Tokens before a quote searched for the verb that introduces it; keeps long sentences linear. */
const SPEAKER_WINDOW = 60

const CLOSE = new Set(['”', '»'])

/** Char codes of the marks: " « » “ ” „. Every other code below « is skipped with one comparison. */
const STRAIGHT = 0x22
const LAQUO = 0xab
const RAQUO = 0xbb
const LDQUO = 0x201c
const RDQUO = 0x201d
const BDQUO = 0x201e

interface Span { start: number; end: number }

/**
 * Whether a quote body holds at least MIN_QUOTE_WORDS words, as `trim().split(/\s+/)` counts them
 * (\s and trim() share one white-space set). For two words, one linear regex test without
 * splitting: a non-space, white space, a non-space.
 */
function hasEnoughWords(body: string): boolean {
  return MIN_QUOTE_WORDS === 2 ? /\S\s+\S/.test(body) : body.split(/\s+/).filter(Boolean).length >= MIN_QUOTE_WORDS
}

/**
 * Quote spans (inside the marks) in one paragraph; unbalanced marks are ignored. Linear in the text.
 * This loop sees every character of the article and nearly none is a quote mark, so it reads char
 * codes (a `text[i]` string per character and a Set lookup cost more than the rest of the stage).
 */
export function findQuoteSpans(text: string, from: number, to: number): Span[] {
  const out: Span[] = []
  let open = -1
  let straight = -1
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i)
    if (c < LAQUO && c !== STRAIGHT) continue
    if (c === LDQUO || c === LAQUO || c === BDQUO) { if (open < 0) open = i + 1; continue } // nested opening marks stay inside the outer quote
    if (c === RDQUO || c === RAQUO) {
      if (open >= 0) { out.push({ start: open, end: i }); open = -1 }
      continue
    }
    if (c === STRAIGHT) {
      if (open >= 0) continue
      if (straight < 0) straight = i + 1
      else { out.push({ start: straight, end: i }); straight = -1 }
    }
  }
  return out
}

function toActor(m: Mention): Actor {
  return { text: m.text, start: m.start, end: m.end, name: m.name, country: m.country, sector: m.sector, code: m.code }
}

/** The most specific speaker in a subject phrase: a named person (often in apposition) beats a title or a country. */
function bestSpeaker(v: SentenceView, from: number, to: number): Mention | null {
  let first: Mention | null = null
  let person: Mention | null = null
  for (let i = from; i < to; i++) {
    const mi = v.mentionAt[i]
    if (mi < 0) continue
    const m = v.mentions[mi]
    if (!isSubjectMention(m)) continue
    first ??= m
    if (!person && m.type === 'person' && m.name) person = m
  }
  return person ?? first
}

const tokenAt = tokenAtOffset

export function speakerOf(v: SentenceView, qStart: number, qEnd: number): Mention | null {
  const toks = v.toks
  const a = tokenAt(v, qStart - 1) // the opening mark
  let b = tokenAt(v, qEnd) // the closing mark
  if (b < toks.length && toks[b].start < qEnd) b++
  // After the quote: “…,” Putin said / “…,” said Putin.
  let k = b + 1
  while (k < toks.length && (toks[k].norm === ',' || CLOSE.has(toks[k].norm))) k++
  if (k < toks.length && k <= b + AFTER_QUOTE_TOKENS) {
    if (toks[k].pos === 'VERB' && isSpeechVerb(toks[k].lemma, toks[k].norm)) {
      const g = groupsIn(v, k + 1, Math.min(toks.length, k + AFTER_QUOTE_TOKENS), isSubjectMention)[0]
      if (g && g.start <= k + 3) return bestSpeaker(v, g.start, Math.min(toks.length, k + AFTER_QUOTE_TOKENS))
    }
    const g = groupsIn(v, k, Math.min(toks.length, k + AFTER_QUOTE_TOKENS), isSubjectMention)[0]
    if (g && g.start === k || (g && g.start <= k + 2)) {
      for (let j = g.end; j < Math.min(toks.length, g.end + 6); j++) {
        if (toks[j].pos === 'VERB' && isSpeechVerb(toks[j].lemma, toks[j].norm)) return bestSpeaker(v, g.start, j)
        if (toks[j].norm === ',' || toks[j].norm === '.') break
      }
    }
  }
  // Before the quote: the nearest verb to the left speaks, or the clause it belongs to.
  for (let j = a - 1; j >= Math.max(0, a - SPEAKER_WINDOW); j--) {
    if (toks[j].pos !== 'VERB') continue
    const g = verbGroupStart(v, j)
    const before = g > 0 ? toks[g - 1] : null
    const participle = /ing$/.test(toks[j].norm) && !!before && (before.norm === ',' || before.pos === 'CCONJ')
    if (!participle) {
      const subj = subjectOf(v, g, isSubjectMention)
      if (subj.group) return bestSpeaker(v, subj.group.start, g)
      const any = bestSpeaker(v, subj.regionStart, g)
      if (any) return any
    }
    // A participle or coordinated verb ("..., adding that “…”"): the main clause's subject speaks.
    for (let f = Math.max(0, j - SPEAKER_WINDOW); f < j; f++) {
      if (toks[f].pos !== 'VERB') continue
      const fg = verbGroupStart(v, f)
      const main = subjectOf(v, fg, isSubjectMention)
      if (main.group) return bestSpeaker(v, main.group.start, fg)
    }
    break
  }
  return null
}

export function createQuotes(): Stage {
  return {
    name: 'quotes',
    requires: ['sentences', 'tokens', 'mentions'],
    assigns: ['quotes'],
    run(doc: Doc) {
      const text = doc.article.text
      const quotes: Quote[] = []
      const bySentence = new Map<number, Mention[]>()
      for (const m of doc.mentions) {
        const l = bySentence.get(m.sentence)
        if (l) l.push(m); else bySentence.set(m.sentence, [m])
      }
      let s = 0
      const views = new Map<number, SentenceView>()
      // speakerOf only ever returns a subject-capable mention of the sentence it reads, so a sentence
      // without one has no speaker to find: building its view (the stage's main cost) is skipped.
      const speakerIn = (i: number, qStart: number, qEnd: number): Mention | null => {
        const ms = bySentence.get(i)
        if (!ms || !ms.some(isSubjectMention)) return null
        let v = views.get(i)
        if (!v) views.set(i, (v = viewOf(doc, doc.sentences[i], ms)))
        return speakerOf(v, qStart, qEnd)
      }
      for (const p of doc.paragraphs) {
        for (const q of findQuoteSpans(text, p.start, p.end)) {
          if (!hasEnoughWords(text.slice(q.start, q.end))) continue
          while (s < doc.sentences.length && doc.sentences[s].end <= q.start) s++
          const sentence = doc.sentences[s]
          let speaker: Mention | null = null
          if (sentence && sentence.start <= q.start) {
            // A quote may run over several sentences: look for the speaker around both its ends.
            speaker = speakerIn(sentence.index, q.start, Math.min(q.end, sentence.end))
            if (!speaker) {
              let e = s
              while (e + 1 < doc.sentences.length && doc.sentences[e].end < q.end) e++
              if (e !== s) {
                speaker = speakerIn(e, Math.max(q.start, doc.sentences[e].start), q.end)
              }
            }
          }
          quotes.push({ start: q.start, end: q.end, text: text.slice(q.start, q.end), speaker: speaker ? toActor(speaker) : null })
        }
      }
      doc.quotes = quotes
    },
  }
}
