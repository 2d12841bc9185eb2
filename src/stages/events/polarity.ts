// Polarity of an event trigger: asserted, negated, uncertain or hypothetical, from cues in its verb
// group and in the clauses that govern it. A cue looks at a bounded window, so the cost is linear.
import type { Polarity } from '../../core/types.js'
import type { SentenceView } from './shallow.js'

/** Tokens left of the trigger searched for governing cues ("It is unclear if ...", "X denied that ..."). */
export const GOVERNOR_WINDOW = 25

const NEGATORS = new Set(['not', "n't", 'never', 'no', 'neither', 'nor', 'without'])
const UNCERTAIN_WORDS = new Set(['unclear', 'uncertain', 'whether', 'may', 'might', 'possibly', 'perhaps', 'allegedly', 'unconfirmed', 'reportedly considering', 'rumored', 'rumoured'])
const HYPOTHETICAL_MODALS = new Set(['could', 'would', 'should', 'can', 'must', "'d"])
export const FUTURE = new Set(['will', "'ll", 'shall', 'wo'])
const HYPOTHETICAL_GOVERNORS = new Set(['if', 'unless', 'expected', 'anticipated', 'likely', 'unlikely', 'planned', 'plans', 'plan', 'intends', 'intend', 'intended', 'hopes', 'proposed', 'considering', 'ready', 'willing', 'prepared', 'set', 'going', 'scheduled', 'due', 'poised', 'wants', 'want', 'seeks', 'seek', 'attempting', 'attempt', 'trying', 'try', 'aims', 'aim', 'threatened', 'threatens', 'threaten', 'vowed', 'vows', 'pledged', 'promised', 'offered', 'agreed', 'urged', 'asked', 'called'])
/** Governors that announce intent: with "will"-like force, cooperative intentions become AGREE (PLOVER). */
const FUTURE_GOVERNORS = new Set(['planned', 'plans', 'plan', 'intends', 'intend', 'intended', 'ready', 'willing', 'prepared', 'set', 'going', 'scheduled', 'due', 'poised', 'vowed', 'vows', 'pledged', 'promised', 'offered', 'agreed'])
const DENIAL = new Set(['deny', 'denied', 'denies', 'denying', 'dismissed', 'refuted', 'rejected'])
const SPEECH = new Set(['said', 'says', 'say', 'stated', 'announced', 'told', 'added', 'declared', 'confirmed'])
/** Words whose that-clause states a demand or proposal, not a fact. */
const DEMANDING = new Set(['demand', 'demands', 'demanded', 'demanding', 'insist', 'insists', 'insisted', 'urge', 'urges', 'urged', 'request', 'requests', 'requested', 'call', 'calls', 'appeal', 'appeals', 'proposal', 'proposed', 'proposes', 'suggested', 'suggests', 'recommended', 'recommends', 'ultimatum', 'plea', 'ordered', 'ruled', 'decreed'])
const TRYING_LEMMAS = new Set(['attempt', 'attempting', 'try', 'trying', 'seek', 'seeks', 'aim', 'aims', 'hope', 'hopes', 'want', 'wants'])

export interface PolarityReading {
  polarity: Polarity
  /** True when the non-asserted reading is an announced future ("will", "plans to"). */
  future: boolean
  /** The word that governs an infinitive trigger ("attempting" in "attempting to strike"). */
  governor: string | null
  reason: string | null
}

export function polarityOf(v: SentenceView, trig: number, groupStart: number, nominal: boolean): PolarityReading {
  const toks = v.toks
  let governor: string | null = null
  // The verb group itself: "did not meet", "could attack", "will visit".
  for (let i = groupStart; i < trig; i++) {
    const n = toks[i].norm
    if (NEGATORS.has(n)) return { polarity: 'negated', future: false, governor, reason: `negated by "${n}"` }
  }
  if (nominal && trig > 0) {
    const d = toks[trig - 1].norm
    if (d === 'no' || d === 'without') return { polarity: 'negated', future: false, governor, reason: `negated by "${d}"` }
  }
  let future = false
  let hypothetical: string | null = null
  for (let i = groupStart; i < trig; i++) {
    const n = toks[i].norm
    if (n === 'may' || n === 'might') return { polarity: 'uncertain', future: false, governor, reason: `uncertain: "${n}"` }
    if (FUTURE.has(n)) future = true
    else if (HYPOTHETICAL_MODALS.has(n)) hypothetical = n
  }
  // An infinitive: what governs "to"? ("refuses to", "is expected to", "is attempting to").
  if (groupStart > 0 && toks[groupStart].norm === 'to' || (trig > 0 && toks[trig - 1].norm === 'to')) {
    const toAt = toks[groupStart].norm === 'to' ? groupStart : trig - 1
    for (let k = toAt - 1; k >= Math.max(0, toAt - 3); k--) {
      const n = toks[k].norm
      if (toks[k].pos === 'VERB' || toks[k].pos === 'ADJ' || HYPOTHETICAL_GOVERNORS.has(n)) { governor = toks[k].lemma; if (TRYING_LEMMAS.has(n)) governor = toks[k].lemma; break }
    }
    // "failed to uphold", "failing to stop": what one fails to do did not happen.
    if (governor === 'fail') return { polarity: 'negated', future: false, governor, reason: `negated: "${toks[toAt - 1]?.norm ?? 'fail'} to"` }
    if (governor) {
      const gNorm = toks[toAt - 1]?.norm ?? ''
      if (FUTURE_GOVERNORS.has(gNorm) || FUTURE_GOVERNORS.has(governor)) future = true
      else if (HYPOTHETICAL_GOVERNORS.has(gNorm) || HYPOTHETICAL_GOVERNORS.has(governor)) hypothetical ??= gNorm
    }
  }
  // Governing clauses to the left: "It is unclear if", "Peskov denied that", "if", "is anticipated that".
  let speech = false
  for (let k = groupStart - 1; k >= Math.max(0, groupStart - GOVERNOR_WINDOW); k--) {
    const t = toks[k]
    const n = t.norm
    if (n === ';') break
    if (DENIAL.has(n) && (toks[k + 1]?.norm === 'that' || toks[k + 1]?.norm === 'reports' || toks[k + 1]?.norm === 'claims')) {
      return { polarity: 'negated', future: false, governor, reason: `denied: "${n}"` }
    }
    if (n === 'unclear' || n === 'uncertain' || n === 'whether' || (n === 'clear' && toks[k - 1]?.norm === 'not') || (n === 'clear' && toks[k - 2]?.norm === 'not')) {
      return { polarity: 'uncertain', future: false, governor, reason: `uncertain: "${n}"` }
    }
    if (UNCERTAIN_WORDS.has(n) && (n === 'allegedly' || n === 'possibly' || n === 'perhaps')) {
      return { polarity: 'uncertain', future: false, governor, reason: `uncertain: "${n}"` }
    }
    if (n === 'if' || n === 'unless') {
      // "It is unclear if ...": the doubt, not the condition, governs.
      for (let j = k - 1; j >= Math.max(0, k - 3); j--) if (toks[j].norm === 'unclear' || toks[j].norm === 'clear' || toks[j].norm === 'uncertain' || toks[j].norm === 'know') return { polarity: 'uncertain', future: false, governor, reason: `uncertain: "${toks[j].norm} ${n}"` }
      hypothetical ??= n
      break
    }
    if ((n === 'anticipated' || n === 'expected' || n === 'likely' || n === 'unlikely') && k >= groupStart - 6) hypothetical ??= n
    // "demanded that Israel ease restrictions", "its call today for X to": what is demanded has not happened.
    if (DEMANDING.has(n) && [1, 2, 3].some((d) => toks[k + d]?.norm === 'that' && toks.slice(k + 1, k + d).every((t) => t.pos !== 'VERB'))) {
      hypothetical ??= n
      break
    }
    if (SPEECH.has(n)) speech = true
  }
  if (hypothetical === 'would' && speech) { future = true; hypothetical = null }
  if (future && !hypothetical) return { polarity: 'hypothetical', future: true, governor, reason: 'announced future' }
  if (hypothetical) return { polarity: 'hypothetical', future: false, governor, reason: `hypothetical: "${hypothetical}"` }
  return { polarity: 'asserted', future: false, governor, reason: null }
}
