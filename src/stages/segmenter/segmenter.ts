import winkNLP from 'wink-nlp'
import model from 'wink-eng-lite-web-model'
import type { Doc, Paragraph, Sentence, Stage, Token } from '../../core/types.js'

type Wink = ReturnType<typeof winkNLP>
let shared: Wink | undefined

/** One wink instance per thread: loading the model costs ~100 ms, reading is the hot path. */
export function wink(): Wink {
  shared ??= winkNLP(model, ['sbd', 'pos'])
  return shared
}

/** Paragraphs are the non-blank lines: news text usually arrives one paragraph per line. */
export function splitParagraphs(text: string): Paragraph[] {
  const out: Paragraph[] = []
  const re = /[^\n]+/g
  let m: RegExpExecArray | null
  while ((m = re.exec(text))) {
    let start = m.index
    let end = start + m[0].length
    while (start < end && /\s/.test(text[start])) start++
    while (end > start && /\s/.test(text[end - 1])) end--
    if (end > start) out.push({ index: out.length, start, end })
  }
  return out
}

/**
 * Abbreviations that are always followed by a name or a number ("Pres. Macron", "Fig. 3"), so a
 * sentence never ends on them. "Inc.", "Jr.", "etc." are left out: they do end sentences.
 */
const NEVER_FINAL = new Set(
  'mr mrs ms dr prof pres gov sen sens rep reps gen lt col capt cmdr adm sgt maj brig cpl pvt amb hon rev fr msgr st mt ft fig figs no nos vol art sec atty supt insp det dept jan feb aug sept oct nov dec approx'.split(' '),
)
/**
 * Longest sentence we hand on, in tokens. Real news sentences stay well under 100 tokens; a longer
 * run is text without punctuation (a table, a list, a scrape gone wrong), and later stages look at
 * token pairs within a sentence, so it is cut into pieces of this size and reported.
 */
export const MAX_SENTENCE_TOKENS = 300

/** A word with a possessive "’s" glued on, as wink sometimes leaves it ("Khalil’s."). */
const POSSESSIVE = /^\p{L}[\p{L}\p{M}.-]*['’]s$/iu

/** Capitalized function words after an ellipsis start a new sentence ("He paused... Then he went on"). */
const SENTENCE_OPENER_POS = new Set(['PRON', 'DET', 'ADV', 'CCONJ', 'SCONJ', 'ADP', 'AUX'])

/**
 * Repairs wink's sentence boundaries on news text: splits after an ellipsis followed by a
 * capitalized function word, and joins where wink split after a title abbreviation, inside a
 * state abbreviation ("R-S.C."), in front of a lowercase word ("“Sure?” she asked"), or in the
 * middle of an ellipsis. Ranges are [tokenStart, tokenEnd) over `tokens`.
 */
export function repairSentences(text: string, tokens: Token[], ranges: [number, number][]): [number, number][] {
  const word = (t: number) => text.slice(tokens[t].start, tokens[t].end)
  const split: [number, number][] = []
  for (const [a, b] of ranges) {
    let from = a
    for (let t = a; t < b - 1; t++) {
      // Cheap test first: this loop sees every token of the article.
      const c = text.charCodeAt(tokens[t].start)
      if (c !== 0x2e && c !== 0x2026) continue
      if (/^(\.{3,}|…)$/.test(word(t)) && /^\p{Lu}/u.test(word(t + 1)) && SENTENCE_OPENER_POS.has(tokens[t + 1].pos)) {
        split.push([from, t + 1])
        from = t + 1
      }
    }
    split.push([from, b])
  }
  const out: [number, number][] = []
  for (const r of split) {
    const prev = out[out.length - 1]
    if (prev && prev[1] === r[0] && shouldJoin(text, tokens, prev, r)) prev[1] = r[1]
    else out.push([r[0], r[1]])
  }
  return out
}

function shouldJoin(text: string, tokens: Token[], prev: [number, number], next: [number, number]): boolean {
  const last = text.slice(tokens[prev[1] - 1].start, tokens[prev[1] - 1].end)
  const beforeLast = prev[1] - 2 >= prev[0] ? text.slice(tokens[prev[1] - 2].start, tokens[prev[1] - 2].end) : ''
  const nextText = text.slice(tokens[next[0]].start, tokens[Math.min(next[1], next[0] + 3) - 1].end)
  // "Pres." or "Pres" + "." as wink may split them.
  const abbrev = (last === '.' ? beforeLast : last.replace(/\.$/, '')).toLowerCase()
  if (last.endsWith('.') || last === '.') {
    if (NEVER_FINAL.has(abbrev)) return true
    // A single capital initial before a comma or another initial: "R-S.C.," split after "S.".
    if (/(^|[-.])\p{Lu}\.?$/u.test(last.length > 1 ? last : beforeLast + last) && /^\p{Lu}\.[,)]/u.test(nextText)) return true
  }
  // "U.K.-U.S." and "Kenya-U.S." split after the "U.": an initial after a hyphen continues.
  if (/[-–]\p{Lu}\.$/u.test(text.slice(Math.max(0, tokens[prev[1] - 1].end - 4), tokens[prev[1] - 1].end)) && /^\p{Lu}\./u.test(nextText)) return true
  // A "sentence" of punctuation only (a lone "…" between two sentences) belongs to the one before.
  let punctOnly = true
  for (let t = next[0]; t < next[1] && punctOnly; t++) punctOnly = tokens[t].pos === 'PUNCT' || tokens[t].pos === 'SYM'
  if (punctOnly) return true
  // The rest of an ellipsis, or a sentence that opens with a lowercase word: it continues the last one.
  if (/^\.+/.test(nextText)) return true
  if (/^["“”'‘’(\[]*\p{Ll}/u.test(nextText) && !/^(e\.g|i\.e|iphone|ebay)/i.test(nextText)) return true
  return false
}

/** "Khalil’s": a word of at least two characters with a possessive "’s"/"'s" glued on (cheap tests before the regex). */
function isPossessive(v: string): boolean {
  const n = v.length
  if (n < 4) return false
  const last = v.charCodeAt(n - 1)
  if (last !== 0x73 && last !== 0x53) return false
  const apostrophe = v.charCodeAt(n - 2)
  return (apostrophe === 0x27 || apostrophe === 0x2019) && POSSESSIVE.test(v)
}

/**
 * Where each wink token starts in `text`: wink's values are the text's own characters and only
 * whitespace lies between them, so a token starts at the first position, after skipping whitespace,
 * where its value is found. This saves asking wink for every token's preceding spaces (a new string
 * each). Null when the values cannot be laid on the text that way; the caller then uses wink's spaces.
 */
function tokenStarts(text: string, from: number, values: string[]): Int32Array | null {
  const starts = new Int32Array(values.length)
  let offset = from
  for (let i = 0; i < values.length; i++) {
    const v = values[i]
    while (!text.startsWith(v, offset)) {
      if (offset >= text.length || !isSpace(text.charCodeAt(offset))) return null
      offset++
    }
    starts[i] = offset
    offset += v.length
  }
  return starts
}

function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
}

/** Token starts from wink's own preceding-spaces stream, which reproduces the input exactly. */
function startsFromSpaces(from: number, values: string[], spaces: string[]): Int32Array {
  const starts = new Int32Array(values.length)
  let offset = from
  for (let i = 0; i < values.length; i++) {
    offset += spaces[i].length
    starts[i] = offset
    offset += values[i].length
  }
  return starts
}

type WinkTokens = ReturnType<ReturnType<Wink['readDoc']>['tokens']>

/**
 * A token's value and normal form are properties of its wink lexeme (its uniqueId), and its lemma of
 * the lexeme and the POS tag, except for the parts of a contraction ("ca" + "n't"), which wink
 * resolves per token. Three more passes over wink's tokens, each building an array of strings, are
 * replaced by a table kept per lexeme (the size of the vocabulary read so far); wink is asked token
 * by token for contractions and for lexemes or (lexeme, POS) pairs not seen before.
 * Measured (scripts/stage-cpu.mjs, 3 alternating pairs of builds): segmenter 1.02-1.08 CPU-s a pass
 * of the bench corpus against 1.14-1.16. A fresh process pays for it: over its first 89 distinct VOA
 * articles 16% of tokens miss the table and the segmenter costs 8% more (0.32 vs 0.29 CPU-s).
 * (An earlier try with Maps keyed by strings gained nothing: this one is keyed by wink's numeric ids,
 * one lookup per token.)
 */
function lexemeTable(nlp: Wink) {
  const its = nlp.its
  /** Per lexeme id: its value, its normal form, and [tag, lemma, tag, lemma, ...] for the tags it was read with. */
  const table = new Map<number, { value: string; normal: string; lemmas: string[] }>()
  return {
    read(wtokens: WinkTokens) {
      const ids = wtokens.out(its.uniqueId) as number[]
      const pos = wtokens.out(its.pos) as string[]
      const contraction = wtokens.out(its.contractionFlag) as boolean[]
      const n = ids.length
      const values = new Array<string>(n)
      const norms = new Array<string>(n)
      const lemmas = new Array<string>(n)
      for (let i = 0; i < n; i++) {
        const lex = contraction[i] ? undefined : table.get(ids[i])
        if (lex) {
          const tagged = lex.lemmas
          let k = 0
          while (k < tagged.length && tagged[k] !== pos[i]) k += 2
          if (k < tagged.length) {
            values[i] = lex.value
            norms[i] = lex.normal
            lemmas[i] = tagged[k + 1]
            continue
          }
        }
        const item = wtokens.itemAt(i)
        values[i] = item.out(its.value) as string
        norms[i] = item.out(its.normal) as string
        lemmas[i] = item.out(its.lemma as any) as string
        if (contraction[i]) continue
        if (lex) lex.lemmas.push(pos[i], lemmas[i])
        else table.set(ids[i], { value: values[i], normal: norms[i], lemmas: [pos[i], lemmas[i]] })
      }
      return { values, pos, norms, lemmas }
    },
  }
}

/**
 * Sentences, tokens and part-of-speech tags from wink-nlp, one paragraph at a time so that a
 * sentence never crosses a line break. Token offsets come from laying wink's token values on the text.
 */
export function createSegmenter(): Stage {
  const nlp = wink()
  const its = nlp.its
  const lexemes = lexemeTable(nlp)
  return {
    name: 'segmenter',
    requires: ['article'],
    assigns: ['paragraphs', 'sentences', 'tokens'],
    run(doc: Doc) {
      const text = doc.article.text
      doc.paragraphs = splitParagraphs(text)
      const tokens: Token[] = []
      const sentences: Sentence[] = []
      for (const para of doc.paragraphs) {
        const ptext = text.slice(para.start, para.end)
        const wdoc = nlp.readDoc(ptext)
        const wtokens = wdoc.tokens()
        const { values, pos, norms, lemmas } = lexemes.read(wtokens)
        // Map wink token index -> our token index (whitespace tokens are dropped).
        const ours = new Int32Array(values.length + 1)
        const starts = tokenStarts(text, para.start, values) ?? startsFromSpaces(para.start, values, wtokens.out(its.precedingSpaces) as string[])
        for (let i = 0; i < values.length; i++) {
          const v = values[i]
          const offset = starts[i]
          ours[i] = tokens.length
          if (pos[i] !== 'SPACE' && v.trim() !== '') {
            if (isPossessive(v)) {
              // wink keeps "Khalil’s" whole before a full stop, and then remembers it as a word: later reads
              // of the same text tokenize it whole too, so coding depended on what the process read before.
              // Splitting it here makes the tokens the same every time and "’s" a particle as elsewhere.
              const stem = v.length - 2
              const n = norms[i].length > 2 ? norms[i].slice(0, -2) : v.slice(0, stem).toLowerCase()
              tokens.push({ start: offset, end: offset + stem, pos: pos[i], norm: n, lemma: n, sentence: -1 })
              const suffix = v.slice(stem).toLowerCase()
              tokens.push({ start: offset + stem, end: offset + v.length, pos: 'PART', norm: suffix, lemma: suffix, sentence: -1 })
            } else tokens.push({ start: offset, end: offset + v.length, pos: pos[i], norm: norms[i], lemma: lemmas[i] || norms[i], sentence: -1 })
          }
        }
        ours[values.length] = tokens.length
        const ranges: [number, number][] = []
        for (const [a, b] of wdoc.sentences().out(its.span) as [number, number][]) {
          if (ours[b + 1] > ours[a]) ranges.push([ours[a], ours[b + 1]])
        }
        for (const [from, to] of repairSentences(text, tokens, ranges)) {
          if (to - from > MAX_SENTENCE_TOKENS) {
            doc.report.push({
              stage: 'segmenter',
              rule: 'long-sentence',
              severity: 'warning',
              message: `a sentence of ${to - from} tokens (no sentence punctuation?) was cut into pieces of ${MAX_SENTENCE_TOKENS}: events across the cuts are missed`,
              span: { start: tokens[from].start, end: tokens[to - 1].end },
            })
          }
          for (let tokenStart = from; tokenStart < to; tokenStart += MAX_SENTENCE_TOKENS) {
            const tokenEnd = Math.min(to, tokenStart + MAX_SENTENCE_TOKENS)
            const index = sentences.length
            for (let t = tokenStart; t < tokenEnd; t++) tokens[t].sentence = index
            sentences.push({ index, paragraph: para.index, start: tokens[tokenStart].start, end: tokens[tokenEnd - 1].end, tokenStart, tokenEnd })
          }
        }
      }
      doc.tokens = tokens
      doc.sentences = sentences
    },
  }
}
