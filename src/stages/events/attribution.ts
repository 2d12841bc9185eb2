// Attribution: who reports a sentence's events ("according to Tass", "Tass reported", "the Kremlin
// said"). The reporter is not an actor of the reported event; its name goes to `reported_by`.
import type { Mention } from '../../core/types.js'
import { firstGroupIn, groupsIn, subjectOf, verbGroupStart, type SentenceView } from './shallow.js'

/** Tokens after a reporting cue that still belong to it ("Tass reported on Friday"). */
export const CUE_DATE_REACH_TOKENS = 5

export const SPEECH_VERBS = new Set([
  'say', 'said', 'says', 'state', 'tell', 'told', 'announce', 'report', 'add', 'claim', 'declare', 'note',
  'insist', 'confirm', 'quote', 'write', 'wrote', 'tweet', 'post', 'explain', 'stress', 'assert',
  'reiterate', 'repeat', 'argue', 'maintain', 'contend', 'emphasize', 'emphasise', 'underline',
])

export const QUOTE_CHARS_RE = /["“”«»„]/

export interface ReportCue {
  /** Character offsets of the cue in the article text. */
  start: number
  end: number
  /** Dates starting before this offset belong to the report, not to the event. */
  dateReach: number
  name: string
  mention: Mention | null
  rule: string
  /** Relative token index of the speech verb, when there is one. */
  verb: number
}

function nameOf(m: Mention): string {
  return m.name ?? m.text
}

const anyMention = (_m: Mention) => true

export function isSpeechVerb(lemma: string, norm: string): boolean {
  return SPEECH_VERBS.has(lemma) || SPEECH_VERBS.has(norm)
}

export function reportCues(v: SentenceView): ReportCue[] {
  const cues: ReportCue[] = []
  const toks = v.toks
  const reach = (i: number) => toks[Math.min(toks.length - 1, i + CUE_DATE_REACH_TOKENS)].end
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]
    // "according to X"
    if (t.norm === 'according' && toks[i + 1]?.norm === 'to') {
      const gs = groupsIn(v, i + 2, Math.min(toks.length, i + 10), anyMention)
      if (gs.length) {
        const m = gs[0].mentions.find((x) => x.role === 'media') ?? gs[0].mentions[gs[0].mentions.length - 1]
        const endTok = gs[0].end - 1
        cues.push({ start: t.start, end: toks[endTok].end, dateReach: reach(endTok), name: nameOf(m), mention: m, rule: 'according to', verb: -1 })
      }
      continue
    }
    // "(as) reported by X", "quoted by X"
    if ((t.norm === 'reported' || t.norm === 'quoted' || t.norm === 'cited') && toks[i + 1]?.norm === 'by') {
      const gs = groupsIn(v, i + 2, Math.min(toks.length, i + 12), anyMention)
      if (gs.length) {
        const all = gs.flatMap((gr) => gr.mentions)
        const m = all.find((x) => x.role === 'media') ?? gs[0].mentions[gs[0].mentions.length - 1]
        const last = gs.find((gr) => gr.mentions.includes(m)) ?? gs[0]
        cues.push({ start: t.start, end: toks[last.end - 1].end, dateReach: reach(last.end - 1), name: nameOf(m), mention: m, rule: `${t.norm} by`, verb: i })
      }
      continue
    }
    if (t.pos !== 'VERB' || !isSpeechVerb(t.lemma, t.norm)) continue
    // "said X" (inverted, after the reported clause) or "X said".
    const inverted = firstGroupIn(v, i + 1, Math.min(toks.length, i + 6), anyMention)
    const beforeVerb = i > 0 ? toks[i - 1] : null
    if (inverted && inverted.start === i + 1 && beforeVerb && (beforeVerb.norm === ',' || /["”]/.test(beforeVerb.norm))) {
      const m = inverted.mentions[0]
      cues.push({ start: t.start, end: toks[inverted.end - 1].end, dateReach: reach(inverted.end - 1), name: nameOf(m), mention: m, rule: `said ${nameOf(m)}`, verb: i })
      continue
    }
    const g = verbGroupStart(v, i)
    const subj = subjectOf(v, g, anyMention)
    if (subj.group) {
      const m = subj.group.mentions.find((x) => x.role === 'media') ?? subj.group.mentions[0]
      cues.push({ start: toks[subj.group.start].start, end: t.end, dateReach: reach(i), name: nameOf(m), mention: m, rule: `${nameOf(m)} ${t.norm}`, verb: i })
    }
  }
  return cues
}
