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
 * Sentences, tokens and part-of-speech tags from wink-nlp, one paragraph at a time so that a
 * sentence never crosses a line break. Token offsets are recovered from wink's own
 * value + preceding-spaces stream, which reproduces the input exactly.
 */
export function createSegmenter(): Stage {
  const nlp = wink()
  const its = nlp.its
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
        const values = wdoc.tokens().out(its.value) as string[]
        const spaces = wdoc.tokens().out(its.precedingSpaces) as string[]
        const pos = wdoc.tokens().out(its.pos) as string[]
        const norms = wdoc.tokens().out(its.normal) as string[]
        const lemmas = wdoc.tokens().out(its.lemma as any) as string[]
        // Map wink token index -> our token index (whitespace tokens are dropped).
        const ours = new Int32Array(values.length + 1)
        let offset = para.start
        for (let i = 0; i < values.length; i++) {
          offset += spaces[i].length
          const v = values[i]
          ours[i] = tokens.length
          if (pos[i] !== 'SPACE' && v.trim() !== '') {
            tokens.push({ start: offset, end: offset + v.length, pos: pos[i], norm: norms[i], lemma: lemmas[i] || norms[i], sentence: -1 })
          }
          offset += v.length
        }
        ours[values.length] = tokens.length
        wdoc.sentences().each((s: any) => {
          const [a, b] = s.out(its.span) as [number, number]
          const tokenStart = ours[a]
          const tokenEnd = ours[b + 1]
          if (tokenEnd <= tokenStart) return
          const index = sentences.length
          for (let t = tokenStart; t < tokenEnd; t++) tokens[t].sentence = index
          sentences.push({ index, paragraph: para.index, start: tokens[tokenStart].start, end: tokens[tokenEnd - 1].end, tokenStart, tokenEnd })
        })
      }
      doc.tokens = tokens
      doc.sentences = sentences
    },
  }
}
