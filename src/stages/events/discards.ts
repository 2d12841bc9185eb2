// PETRARCH's discard lists: phrases that mark sports, entertainment, market and disaster stories.
// Story-level phrases in the title or lead drop the whole story; anywhere else they drop their
// paragraph (a scraped page often carries unrelated teasers). Sentence-level phrases drop a sentence.
import { readFileSync } from 'node:fs'
import { fromRoot } from '../../core/paths.js'
import type { Doc } from '../../core/types.js'

/** Sentences from the top of an article that count as its lead for story-level discards. */
export const LEAD_SENTENCES = 2

export interface Discards {
  /** The phrase that makes the whole story non-political, or null. */
  story(doc: Doc): string | null
  paragraphs(doc: Doc): Set<number>
  sentence(text: string): boolean
}

interface Entry { phrase: string; exact?: boolean }

function compile(entries: Entry[]): RegExp | null {
  if (entries.length === 0) return null
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  // One alternation, longest first, compiled once: matching a sentence is a single regex scan.
  const alts = entries.map((e) => esc(e.phrase).replace(/ /g, '\\s+') + (e.exact ? '' : '(?:e?s)?')).sort((a, b) => b.length - a.length)
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alts.join('|')})(?![\\p{L}\\p{N}])`, 'iu')
}

export function createDiscards(story: Entry[], sentence: Entry[]): Discards {
  const storyRe = compile(story)
  const sentenceRe = compile(sentence)
  return {
    story(doc) {
      if (!storyRe) return null
      const lead = [doc.article.title ?? '']
      for (const s of doc.sentences.slice(0, LEAD_SENTENCES)) lead.push(doc.article.text.slice(s.start, s.end))
      const m = storyRe.exec(lead.join('\n'))
      return m ? m[0] : null
    },
    paragraphs(doc) {
      const out = new Set<number>()
      if (!storyRe) return out
      for (const p of doc.paragraphs) if (storyRe.test(doc.article.text.slice(p.start, p.end))) out.add(p.index)
      return out
    },
    sentence(text) {
      return sentenceRe ? sentenceRe.test(text) || (storyRe?.test(text) ?? false) : false
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
