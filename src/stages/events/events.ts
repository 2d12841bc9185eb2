// The event coder: dictionary triggers + a shallow parse of each sentence -> PLOVER events with
// actor/recipient, polarity, date, location, attribution and the evidence that produced them.
import { contentHash } from '../../core/hash.js'
import { isSpeechVerb, reportCues, type ReportCue } from './attribution.js'
import { QUAD_OF, type Actor, type DateMention, type Doc, type Event, type Mention, type Place, type PloverType, type Polarity, type Stage, type Token } from '../../core/types.js'
import { shippedVerbDictionary, stem, type Coding, type NominalEntry, type Pattern, type VerbDictionary, type VerbEntry } from '../../dictionaries/verbs.js'
import { loadDiscards, type DiscardStart, type Discards } from './discards.js'
import { findSequence } from './match.js'
import { polarityOf, type PolarityReading } from './polarity.js'
import {
  firstGroupIn, groupsIn, isPassive, LOCATIVE_PREPS, MAX_OBJECT_TOKENS, objectRegionEnd, prepBefore, subjectOf, tokenAtOffset, verbGroupStart, viewOf,
  type Group, type SentenceView,
} from './shallow.js'

/** How far (tokens) an infinitive may sit after an event verb and still be its complement ("agreed ... to provide"). */
export const COMPLEMENT_WINDOW = 10
/** Sentences after an event searched for its date when the event sentence has none ("The talks ... on Thursday"). */
export const DATE_LOOKAHEAD_SENTENCES = 2
/** Hard cap on events per sentence: a pathological sentence cannot flood the output. */
export const MAX_EVENTS_PER_SENTENCE = 12
/** Word forms kept in the stage's vocabulary cache before it starts over (a large news vocabulary fits). */
const LEXICON_WORDS = 200_000

/** What the stage needs to know about a word form, looked up once per form (a vocabulary cache). */
interface WordInfo {
  /** Ids of the pattern anchors the word supplies. */
  anchors: readonly number[]
  /** The verb trie node the word starts, if it starts a dictionary verb. */
  verb: VerbDictionary['trie'] | undefined
  /** Discard phrases starting with the word. */
  discard: DiscardStart | undefined
  /** An intent adjective ("willing", "ready"): may open an intent trigger. */
  intent: boolean
}

const COOPERATIVE: ReadonlySet<PloverType> = new Set(['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT'])
const MATERIAL_CONFLICT: ReadonlySet<PloverType> = new Set(['ASSAULT', 'COERCE', 'SANCTION', 'MOBILIZE'])
/** Governors of an infinitive that make it an intention, not a fact ("is attempting to strike a balance"). */
const TRYING = new Set(['attempt', 'try', 'seek', 'aim', 'hope', 'want', 'wish', 'strive', 'struggle', 'need'])
/** Past forms of trying: the attempt was made. */
const ATTEMPTED = new Set(['attempted', 'tried'])
/** Words before "tried" that keep the attempt from having been made. */
const UNMADE = new Set(['would', 'could', 'might', 'may', 'will', 'should', 'not', "n't", 'never', 'to', 'if'])
/** Types whose made attempt is itself the event (an assassination attempt is an ASSAULT). */
const ATTEMPTABLE: ReadonlySet<PloverType> = new Set(['ASSAULT', 'COERCE'])
/** Event types whose that-clause states what was demanded, threatened, alleged or refused. */
const GOVERNING: ReadonlySet<PloverType> = new Set(['REQUEST', 'THREATEN', 'ACCUSE', 'REJECT', 'AGREE'])
/** Tokens after a threat or protest searched for the clause that names its target. */
const AIM_WINDOW = 25
/** A match score ("2-1", "4-0"): small numbers on both sides of a hyphen. */
const SCORE = /^(?:1?\d)[-–](?:1?\d)$/
/** Adjectives of intent ("willing to", "ready to"): PLOVER codes the announced intent as AGREE. */
const INTENT = new Set(['willing', 'ready', 'prepared', 'committed', 'eager', 'keen'])
const INTENT_CODE = '030'
/** How far after the verb the trigger text may reach to take in the pattern's noun ("had a meeting"). */
const TRIGGER_REACH = 3
const HEDGES = new Set(['expected', 'anticipated', 'believed', 'thought', 'reported', 'said', 'rumored', 'rumoured', 'alleged', 'supposed', 'understood', 'likely', 'set', 'due', 'poised', 'scheduled', 'slated', 'tipped'])
/** Modals that turn a reported clause into a demand on its subject. */
const MUST = new Set(['must', 'should'])
/** Nouns naming a demand whose that-clause says who must act ("its demand that Israel ease ..."). */
const DEMAND_NOUNS = new Set(['demand', 'demands', 'call', 'calls', 'appeal', 'appeals', 'request', 'requests', 'plea', 'pleas', 'ultimatum', 'insistence'])
/** CAMEO 100, "demand": what a "must" clause under a speech verb codes to. */
const DEMAND_CODE = '100'
const OBJECT_PRONOUNS = new Set(['it', 'them', 'him', 'her'])
const RECIPROCAL_PREPS = new Set(['between', 'among', 'amongst'])

/** Words that open an embedded clause; a place phrase after one belongs to that clause, not the event. */
const CLAUSE_OPENERS = new Set(['that', 'which', 'who', 'whom', 'whose', 'where', 'when', 'while', 'whether', 'if', 'because', 'after', 'before', 'since', 'as', 'until'])

/**
 * True when the locative phrase whose noun starts at `place` (relative index) belongs to the trigger's
 * own clause. After the trigger, a verb of another clause (an infinitive "to host", a participle, a finite
 * verb), a clause opener or a comma-separated attribution between them puts the place in another clause,
 * and a phrase right after an of-object ("the freeing of hostages in Gaza") modifies that noun. Before the
 * trigger ("In Moscow, X met Y"; "Protesters in Paris marched") no other verb may precede it.
 */
export function inOwnClause(v: SentenceView, trig: { start: number; end: number }, place: number): boolean {
  let prep = place - 1
  while (prep >= 0 && v.toks[prep].pos !== 'ADP') prep--
  if (prep < 0) return false
  if (place >= trig.end) {
    let lastPrep: string | null = null
    for (let k = trig.end; k < prep; k++) {
      const t = v.toks[k]
      if (v.mentionAt[k] >= 0) continue
      if (t.pos === 'VERB' || (t.pos === 'SCONJ') || CLAUSE_OPENERS.has(t.norm) || t.norm === ';' || t.norm === ':') return false
      if (t.pos === 'ADP') lastPrep = t.norm
      else if (t.norm === ',' || t.pos === 'CCONJ') lastPrep = null
    }
    // "the release of prisoners in Israel": the place phrase continues the of-object's noun phrase.
    return lastPrep !== 'of'
  }
  // Before the trigger, any other verb (save a reporting one) means another clause holds the place:
  // "After clashes erupted in Gaza, Egypt condemned Israel".
  const vg = verbGroupStart(v, trig.start)
  for (let k = 0; k < vg; k++) {
    if (v.mentionAt[k] >= 0) continue
    const t = v.toks[k]
    if (t.pos === 'VERB' && !isSpeechVerb(t.lemma, t.norm)) return false
  }
  return true
}

/** Words skipped to reach the head noun of an object ("a careful balance", "its own interests"). */
const OBJECT_FILLER = new Set(['DET', 'ADJ', 'NUM', 'PRON', 'ADV'])
/** Prepositions through which violence reaches its target ("attack on", "war against", "fire at"). */
const TARGET_PREPS = new Set(['on', 'against', 'at', 'upon'])

/**
 * The head noun of the object after relative index `from` (before `end`): the last noun of the first
 * noun phrase, or with `throughPrep` the phrase after one target preposition. A mention (an actor or
 * place) is a concrete head: null.
 */
export function objectHead(v: SentenceView, from: number, end: number, throughPrep: boolean): Token | null {
  let k = from
  if (throughPrep && k < end && TARGET_PREPS.has(v.toks[k].norm)) k++
  let head: Token | null = null
  for (; k < end; k++) {
    const t = v.toks[k]
    if (v.mentionAt[k] >= 0) return null
    if (t.pos === 'NOUN' || t.pos === 'PROPN') { head = t; continue }
    if (head) break
    if (OBJECT_FILLER.has(t.pos) || t.norm === "'s" || t.norm === '’s') continue
    break
  }
  return head
}

export interface EventStageOptions {
  dictionary?: VerbDictionary
  discards?: Discards
}

interface Trigger {
  /** Relative token indices [start, end) of the trigger words. */
  start: number
  end: number
  /** Relative index of the head word (the verb or event noun). */
  head: number
  /** End of the words shown as the trigger text (may take in the pattern's noun); slots use `end`. */
  shownEnd?: number
  coding: Coding
  nominal: boolean
  reciprocal: boolean
  /** The evidence for --explain; a dictionary verb's is written from `verb` only if it becomes an event (most do not). */
  explanation?: string[]
  verb?: { entry: VerbEntry; pattern: Pattern | null }
}

/** The trigger's evidence for --explain. */
function explain(trig: Trigger): string[] {
  if (!trig.verb) return [...(trig.explanation ?? [])]
  const { entry, pattern: p } = trig.verb
  return p
    ? [`verb “${entry.words.join(' ')}” in block ${entry.block} (${entry.ref})`, `pattern “${p.text}” (${p.ref}) → CAMEO ${p.code ?? '---'} → ${p.type ?? 'no PLOVER type'}`]
    : [`verb “${entry.words.join(' ')}” in block ${entry.block} (${entry.ref}), no pattern: block default CAMEO ${entry.code} → ${entry.type}`]
}

/** Endings of a past participle ("attacked", "taken", "shown", "held", "built", "fought"). */
const PARTICIPLE_ENDINGS = ['ed', 'en', 'wn', 'ld', 'lt', 'ught']
/** /(ed|en|wn|ld|lt|ught)$/ without a regex: it runs for every inflected verb. */
function hasParticipleEnding(n: string): boolean {
  for (const e of PARTICIPLE_ENDINGS) if (n.endsWith(e)) return true
  return false
}

/**
 * A verb form that modifies a noun instead of heading a clause: a reduced relative ("nationals
 * suspected by the West", "a resolution censuring ..."), a gerund after a preposition ("resorted to
 * throwing stones"), or part of a hyphenated compound ("peace-keeping").
 */
export function isModifierVerb(v: SentenceView, i: number, g: number): boolean {
  const t = v.toks[i]
  if (g < i) return false // it has its own auxiliaries: a clause
  const prev = i > 0 ? v.toks[i - 1] : null
  if (!prev) return false
  if (prev.norm === '-' || (prev.end === t.start && prev.norm.endsWith('-'))) return true
  const ing = t.norm.endsWith('ing')
  const participle = t.norm !== t.lemma && hasParticipleEnding(t.norm)
  // After "to", an -ing form is a gerund ("resorted to throwing stones"): an infinitive takes the base form.
  if (ing && (prev.pos === 'ADP' || prev.norm === 'to')) return true
  // "Algeria's leading activist", "the ruling party": an -ing word after a determiner or possessive is an adjective.
  if ((ing || participle) && (prev.pos === 'DET' || prev.norm === "'s" || prev.norm === '’s')) return true
  // A noun followed by a verb form heads a reduced relative only inside a clause that already has
  // its verb ("to disperse demonstrators protesting ..."); at the start it is the main verb ("Drones swarmed over ...").
  // A reported clause ("said Russia attacked ...") starts afresh: the search stops at a speech verb or "that".
  let earlierVerb = false
  for (let k = i - 2; k >= 0 && k >= i - 30; k--) {
    const u = v.toks[k]
    if (u.norm === 'that' || (u.pos === 'VERB' && isSpeechVerb(u.lemma, u.norm))) break
    if (u.pos === 'VERB' || u.pos === 'AUX') { earlierVerb = true; break }
  }
  const afterNoun = (prev.pos === 'NOUN' || prev.pos === 'PROPN') && v.mentionAt[i - 1] < 0 && earlierVerb
  if (afterNoun && ing) return true
  // "interrogate detainees held after ...": the same after a named group, once the clause has its verb.
  const afterMention = v.mentionAt[i - 1] >= 0 && earlierVerb
  if (afterMention && participle && v.toks[i + 1]?.pos === 'ADP' && v.toks[i + 1].norm !== 'to' && v.toks[i + 1].norm !== 'by') return true
  const next = v.toks[i + 1]
  if ((afterNoun || prev.norm === ',') && participle && next && next.norm === 'by') return true
  // "a meeting aimed at ...", "troops stationed in ...": a participle after a plain noun, then a preposition.
  if (afterNoun && participle && next && next.pos === 'ADP' && next.norm !== 'to') return true
  return false
}

/** End of a that-clause: the next semicolon, colon, quote, ", and"/", but", or the sentence end. */
function thatClauseEnd(v: SentenceView, from: number): number {
  for (let k = from; k < v.toks.length; k++) {
    const n = v.toks[k].norm
    if (n === ';' || n === ':' || n === '“' || n === '"') return k
    if (n === ',' && (v.toks[k + 1]?.pos === 'CCONJ')) return k
  }
  return v.toks.length
}

function toActor(m: Mention): Actor {
  return { text: m.text, start: m.start, end: m.end, name: m.name, country: m.country, sector: m.sector, code: m.code }
}

export function isActorMention(m: Mention): boolean {
  return m.acts !== false && m.role !== 'media' && m.role !== 'place'
}

/** In subject position a place with a country acts for its government ("Syria says", "Israeli helicopters"). */
export function isSubjectMention(m: Mention): boolean {
  return isActorMention(m) || (m.role !== 'media' && m.country !== null)
}

/** A recipient may also be a place standing for its country ("the expulsion ... from Russia"); locative uses are filtered by preposition. */
export function isRecipientMention(m: Mention): boolean {
  return isActorMention(m) || (m.role !== 'media' && m.country !== null && (m.type === 'place' || m.type === 'country'))
}

/** Sectors that make an actor political on their own (CAMEO/Phoenix agent codes). */
const POLITICAL_SECTORS = new Set(['GOV', 'MIL', 'REB', 'OPP', 'IGO', 'NGO', 'COP', 'JUD', 'LEG', 'PTY', 'SPY', 'UAF', 'INS', 'SEP', 'IMG', 'ELI', 'HRI', 'MED', 'REF', 'CVL', 'PPL', 'LAB', 'EDU'])

export function isPolitical(m: Mention): boolean {
  if (m.country) return true
  const code = m.code ?? ''
  return POLITICAL_SECTORS.has(code.slice(0, 3)) || (m.sector !== null && POLITICAL_SECTORS.has(m.sector) && m.sector !== 'CVL' && m.sector !== 'PPL' && m.sector !== 'LAB' && m.sector !== 'EDU' && m.sector !== 'MED')
}

/** Prepositions that tie an unplaced actor to a placed one: "demonstrators in Baghdad", "doctors from two American aid groups". */
const AFFILIATING = new Set(['of', 'from', 'in', 'for'])
/** Words that tie a group to a patron before a preposition ("loyal to", "linked to", "based in"). */
const AFFILIATING_ADJ = new Set(['loyal', 'linked', 'allied', 'tied', 'affiliated', 'close', 'based', 'backed', 'aligned', 'belonging'])
/** Sectors of a state's own agents: the groups they act on at home are, by default, of their country. */
const STATE_SECTORS = new Set(['GOV', 'MIL', 'COP', 'JUD', 'LEG', 'SPY'])
/** Heads of domestic groups that news names without a country ("rebels", "demonstrators"). */
const DOMESTIC_GROUPS = new Set(['rebels', 'demonstrators', 'protesters', 'protestors', 'opposition', 'students', 'workers', 'villagers', 'residents', 'civilians', 'detainees', 'prisoners', 'dissidents', 'activists', 'insurgents', 'militants', 'guerrillas', 'strikers', 'crowd', 'crowds', 'marchers', 'rioters', 'journalists', 'farmers', 'miners', 'squatters', 'settlers'])
/** Codes of international and transnational actors, which a sentence's country does not claim. */
const INTERNATIONAL = /^(IGO|NGO|IMG|MNC)/
/** Nouns a country adjective can modify without naming a participant ("the Russian language"). */
const THINGS = new Set(['language', 'languages', 'culture', 'music', 'literature', 'cuisine', 'food', 'product', 'products', 'goods', 'economy', 'currency', 'history', 'media', 'press', 'television', 'radio', 'film', 'films', 'art', 'style', 'model', 'tradition', 'origin', 'descent', 'passport', 'citizenship', 'nationality', 'flag', 'anthem'])
/** Heads of crowds: force against them by police or troops is repression. */
const CROWDS = new Set(['demonstrators', 'protesters', 'protestors', 'crowd', 'crowds', 'marchers', 'rioters', 'strikers', 'students', 'mourners'])

/**
 * An actor whose country the actor stage left unknown takes the country named right after it in
 * its own noun phrase ("Security forces in Guinea" -> GIN); the evidence goes to the explanation.
 */
function affiliate(v: SentenceView, m: Mention, why: string[]): Actor {
  const a = toActor(m)
  if (a.country) return a
  const end = v.lastTok.get(m) ?? tokenAtOffset(v, m.end) - 1
  let k = end + 1
  // "Militants loyal to Iraq's ...", "rebels linked to", "groups based in": a participle + preposition affiliates too.
  if (v.toks[k] && AFFILIATING_ADJ.has(v.toks[k].norm) && v.toks[k + 1] && ['to', 'with', 'in'].includes(v.toks[k + 1].norm)) k++
  if (!v.toks[k] || !AFFILIATING.has(v.toks[k].norm) && !['to', 'with'].includes(v.toks[k].norm)) return a
  if (['to', 'with'].includes(v.toks[k].norm) && !AFFILIATING_ADJ.has(v.toks[k - 1]?.norm ?? '')) return a
  k++
  let hops = 0
  while (v.toks[k] && v.mentionAt[k] < 0 && hops < 4 && ['DET', 'ADJ', 'NUM'].includes(v.toks[k].pos)) { k++; hops++ }
  const mi = v.toks[k] ? v.mentionAt[k] : -1
  if (mi < 0) return a
  const other = v.mentions[mi]
  if (!other.country || other === m) return a
  why.push(`${a.text}: country ${other.country} from "${other.text}"`)
  return { ...a, country: other.country, code: a.code && !a.code.startsWith(other.country) ? other.country + a.code : a.code ?? other.country }
}

function placeOf(m: Mention): Place {
  return m.place ?? { text: m.text, name: m.name ?? m.text, country: m.country, lat: null, lon: null }
}

/** Prepositions that make a date a deadline or a limit rather than the time of the event. */
const DEADLINE_PREPS = new Set(['by', 'until', 'till', 'before', 'through', 'within'])

export function createEvents(opts: EventStageOptions = {}): Stage {
  const dict = opts.dictionary ?? shippedVerbDictionary()
  const discards = opts.discards ?? loadDiscards()

  // One map lookup per word form answers every per-word question of the stage (anchors, verb trie,
  // discard phrases); `docWords[k]` holds the answer for doc.tokens[k].norm of the document being coded.
  const lexicon = new Map<string, WordInfo>()
  function wordInfo(w: string): WordInfo {
    let info = lexicon.get(w)
    if (!info) {
      info = {
        anchors: dict.anchorsOfWord(w), verb: dict.trie.next.get(w), discard: discards.startingWith(w),
        intent: INTENT.has(w),
      }
      if (lexicon.size >= LEXICON_WORDS) lexicon.clear()
      lexicon.set(w, info)
    }
    return info
  }
  let docWords: WordInfo[] = []

  // Anchors present in the sentence being coded (word stems and "&NAME" for every synonym set one of
  // its words starts), as a stamp per anchor id: present[id] === stamp. Marked once per sentence, on
  // its first dictionary verb, without allocating; a pattern whose literal words are absent cannot match.
  const present = new Int32Array(dict.anchorIndex.size)
  let stamp = 0
  let stampedView: SentenceView | null = null
  function markAnchors(v: SentenceView): void {
    if (stampedView === v) return
    stampedView = v
    if (++stamp === 0x7fffffff) { present.fill(0); stamp = 1 }
    const base = v.sentence.tokenStart
    for (let i = 0; i < v.toks.length; i++) {
      const t = v.toks[i]
      for (const id of docWords[base + i].anchors) present[id] = stamp
      if (t.lemma !== t.norm) for (const id of wordInfo(t.lemma).anchors) present[id] = stamp
    }
  }

  /** What a nominal key's first token can be (every prefix of a key ending before a space, and the key): most nouns are none. */
  const nominalStarts = new Set<string>()
  for (const key of dict.nominals.keys()) {
    nominalStarts.add(key)
    for (let k = key.indexOf(' '); k >= 0; k = key.indexOf(' ', k + 1)) nominalStarts.add(key.slice(0, k))
  }

  /** The deepest trie entry for a verb starting at toks[i]: phrasal verbs ("meet with") beat single words. */
  function lookupVerb(v: SentenceView, i: number): { entries: VerbEntry[]; end: number } | null {
    const t = v.toks[i]
    const byNorm = deepestEntry(v, i, docWords[v.sentence.tokenStart + i].verb, null)
    // The lemma's walk can only win when it differs from the norm's (a tie keeps the first).
    return t.lemma === t.norm ? byNorm : deepestEntry(v, i, wordInfo(t.lemma).verb, byNorm)
  }
  function deepestEntry(v: SentenceView, i: number, first: VerbDictionary['trie'] | undefined, best: { entries: VerbEntry[]; end: number } | null): { entries: VerbEntry[]; end: number } | null {
    let node = first
    let j = i + 1
    while (node) {
      if (node.entries.length && (!best || j > best.end)) best = { entries: node.entries, end: j }
      const t = v.toks[j]
      if (!t) break
      node = node.next.get(t.norm)
      j++
    }
    return best
  }

  function codeVerb(v: SentenceView, i: number, regionStart: number): Trigger | null {
    // Saying is attribution, not an event: the reported clause is coded by its own verb.
    if (isSpeechVerb(v.toks[i].lemma, v.toks[i].norm)) return null
    const hit = lookupVerb(v, i)
    if (!hit) return null
    let objEnd = objectRegionEnd(v, hit.end)
    // Patterns describe the verb's own objects: they do not reach into a "that" clause.
    for (let k = hit.end; k < objEnd; k++) if (v.toks[k].norm === 'that' && v.toks[k].pos !== 'DET') { objEnd = k; break }
    const nx = v.toks[hit.end]
    const nx2 = v.toks[hit.end + 1]
    // A verb taking a clause ("adding that", "thought it was") is saying or thinking: only a pattern makes it an event.
    const clausal = !nx || nx.norm === 'that' || nx.norm === ',' || nx.norm === ':' || nx.norm === '.' || (nx.pos === 'PRON' && !!nx2 && (nx2.pos === 'AUX' || nx2.pos === 'VERB'))
    markAnchors(v)
    // The winner is recorded, not explained: the explanation is written only if it becomes an event.
    let best: { coding: Coding; spec: number; end: number; entry: VerbEntry; pattern: Pattern | null } | null = null
    // Later files (our additions, the user's own) come first, so they win ties with PETRARCH's entries.
    for (let e = hit.entries.length - 1; e >= 0; e--) {
      const entry = hit.entries[e]
      // The block's patterns, most specific first: the first whose anchors are all present and that
      // matches wins; only a more specific pattern of a later entry can replace it.
      const { anchorStart, anchorIds, specificity } = entry
      const bestSpec = best ? best.spec : -1
      candidates: for (let j = 0; j < specificity.length; j++) {
        if (specificity[j] <= bestSpec) break
        for (let a = anchorStart[j]; a < anchorStart[j + 1]; a++) if (present[anchorIds[a]] !== stamp) continue candidates
        const p = entry.patterns[j]
        const pre = p.pre.length ? findSequence(dict, v.toks, p.pre, regionStart, i) : i
        if (pre < 0) continue
        const post = p.post.length ? findSequence(dict, v.toks, p.post, hit.end, objEnd) : hit.end
        if (post < 0) continue
        // The trigger text takes the pattern's first word when it follows closely ("held discussions").
        let end = hit.end
        const firstSyn = p.post.find((it) => it.kind === 'synset')
        const syn = firstSyn && firstSyn.kind === 'synset' ? dict.synsets.get(firstSyn.name) : undefined
        for (let k = hit.end; k < Math.min(objEnd, hit.end + TRIGGER_REACH); k++) {
          const tk = v.toks[k]
          if (p.anchors.includes(stem(tk.norm)) || p.anchors.includes(stem(tk.lemma)) || syn?.has(tk.norm) || syn?.has(tk.lemma)) { end = k + 1; break }
        }
        best = { coding: p, spec: p.specificity, end, entry, pattern: p }
        break
      }
      if (!best && entry.type && (!clausal || GOVERNING.has(entry.type))) best = { coding: entry, spec: 0, end: hit.end, entry, pattern: null }
    }
    if (!best || !best.coding.type) return null
    // "strike a balance", "hit a record": a light-verb idiom is no event, unless the pattern itself names the noun.
    const objAt = Math.max(hit.end, best.end)
    const head = objectHead(v, hit.end, objEnd, false)
    const anchors = 'anchors' in best.coding ? (best.coding as { anchors: string[] }).anchors : []
    if (head && dict.idioms.get(v.toks[i].lemma)?.has(head.norm) && !anchors.includes(stem(head.norm))) return null
    // "battled inflation", "launched an attack on corruption": violence against an abstraction is figurative.
    if (best.coding.type === 'ASSAULT') {
      const target = objectHead(v, objAt, objEnd, true)
      if (target && dict.abstractTargets.has(target.norm)) return null
    }
    return { start: i, end: hit.end, shownEnd: Math.max(hit.end, best.end), head: i, coding: best.coding, nominal: false, reciprocal: false, verb: { entry: best.entry, pattern: best.pattern } }
  }

  function codeNominal(v: SentenceView, i: number): Trigger | null {
    const t = v.toks[i]
    if (!nominalStarts.has(t.norm)) return null
    let entry: NominalEntry | undefined
    let end = i + 1
    const next = v.toks[i + 1]
    if (next) {
      entry = dict.nominals.get(t.norm + ' ' + next.norm)
      if (entry) end = i + 2
    }
    entry ??= dict.nominals.get(t.norm)
    if (!entry || !entry.type) return null
    // "war crimes", "war games", "attack helicopters": the noun modifies another noun.
    const after = v.toks[end]
    if (after && (after.pos === 'NOUN' || after.norm === '-') && v.mentionAt[end] < 0) return null
    if (entry.type === 'ASSAULT' && after && TARGET_PREPS.has(after.norm)) {
      const target = objectHead(v, end, Math.min(v.toks.length, end + MAX_OBJECT_TOKENS), true)
      if (target && dict.abstractTargets.has(target.norm)) return null
    }
    return { start: i, end, head: end - 1, coding: entry, nominal: true, reciprocal: entry.reciprocal, explanation: [`event noun “${t.norm}” (${entry.ref}) → CAMEO ${entry.code} → ${entry.type}`] }
  }

  function run(doc: Doc): void {
    const events: Event[] = []
    const mentionsBySentence = new Map<number, Mention[]>()
    for (const m of doc.mentions) {
      const list = mentionsBySentence.get(m.sentence)
      if (list) list.push(m); else mentionsBySentence.set(m.sentence, [m])
    }
    const datesBySentence = new Map<number, DateMention[]>()
    for (const d of doc.dates ?? []) {
      const list = datesBySentence.get(d.sentence)
      if (list) list.push(d); else datesBySentence.set(d.sentence, [d])
    }
    const storyDiscard = discards.story(doc)
    if (storyDiscard) {
      doc.report.push({ stage: 'events', rule: 'story-discard', message: `non-political story ("${storyDiscard}"): no events coded`, severity: 'info' })
      doc.events = []
      return
    }
    const words: WordInfo[] = (docWords = new Array<WordInfo>(doc.tokens.length))
    for (let k = 0; k < doc.tokens.length; k++) words[k] = wordInfo(doc.tokens[k].norm)
    const { paragraphs: discardedParagraphs, sentences: discardedSentences } = discards.dropped(doc, (k) => words[k].discard)

    for (const sentence of doc.sentences) {
      if (discardedParagraphs.has(sentence.paragraph) || discardedSentences.has(sentence.index)) continue
      const sentenceMentions = mentionsBySentence.get(sentence.index)
      if (!sentenceMentions) continue // require_dyad: no actor, no event
      // The last token that can open a verb or intent trigger (a non-speech word starting a dictionary
      // verb, an intent adjective). A verb after it can trigger nothing, and the subject it would pass on
      // (lastSubject, lastClauseSubject) reaches no trigger: its clause is not read at all.
      let lastVerbTrigger = -1
      for (let k = sentence.tokenEnd - 1; k >= sentence.tokenStart; k--) {
        const t = doc.tokens[k]
        const w = words[k]
        if (w.intent || (!isSpeechVerb(t.lemma, t.norm) && (w.verb || (t.lemma !== t.norm && wordInfo(t.lemma).verb)))) { lastVerbTrigger = k - sentence.tokenStart; break }
      }
      const v = viewOf(doc, sentence, sentenceMentions)
      // Reporting cues are read when the first trigger needs them: many sentences have none.
      let cues: ReportCue[] | null = null
      const found: Event[] = []
      let lastSubject: Group | null = null
      let lastClauseSubject: Group | null = null
      let lastEventHead = -100
      let governedUntil = -1
      let inQuote = false
      for (let i = 0; i < v.toks.length && found.length < MAX_EVENTS_PER_SENTENCE; i++) {
        const t = v.toks[i]
        // Words inside quotation marks are what someone said, not events the article asserts.
        if (t.norm === '“' || t.norm === '«') { inQuote = true; continue }
        if (t.norm === '”' || t.norm === '»') { inQuote = false; continue }
        if (t.norm === '"') { inQuote = !inQuote; continue }
        if (inQuote) continue
        // Only verbs, auxiliaries, nouns and adjectives can trigger below: skip the rest before any lookup.
        const pos = t.pos
        if (pos !== 'VERB' && pos !== 'AUX' && pos !== 'NOUN' && pos !== 'PROPN' && pos !== 'ADJ') continue
        if (v.mentionAt[i] >= 0 && pos !== 'VERB') continue
        if (i < governedUntil) continue
        let trig: Trigger | null = null
        const g = verbGroupStart(v, i)
        let subj = null as ReturnType<typeof subjectOf> | null
        const haveMain = t.pos === 'AUX' && (t.lemma === 'have' || t.norm === 'had') && !(v.toks[i + 1] && (v.toks[i + 1].pos === 'VERB' || v.toks[i + 1].pos === 'AUX' || v.toks[i + 1].pos === 'ADV'))
        if ((t.pos === 'AUX' || t.pos === 'VERB') && MUST.has(t.norm)) {
          const ev = demandOf(doc, v, i, (cues ??= reportCues(v)), datesBySentence)
          if (ev) { found.push(ev); governedUntil = thatClauseEnd(v, i + 1); continue }
        }
        if (t.pos === 'NOUN' && DEMAND_NOUNS.has(t.norm)) {
          const ev = nominalDemandOf(doc, v, i, (cues ??= reportCues(v)), datesBySentence)
          if (ev) { found.push(ev); governedUntil = thatClauseEnd(v, i + 1); continue }
        }
        // "is expected to", "was reported to", "are believed to": a hedge on the verb that follows, not an event.
        if (t.pos === 'VERB' && HEDGES.has(t.norm) && v.toks[i + 1]?.norm === 'to' && g < i) continue
        // "according to" attributes; it is never an event.
        if (t.norm === 'according' && v.toks[i + 1]?.norm === 'to') continue
        if ((t.pos === 'ADJ' || t.pos === 'VERB') && INTENT.has(t.norm) && v.toks[i + 1]?.norm === 'to') {
          // "Norway is willing to send ...", "Vietnam is committed to opening ...": expressed intent to cooperate (CAMEO 030).
          subj = subjectOf(v, g, isSubjectMention)
          if (subj.rule === 'pronoun' && lastSubject) subj = { group: lastSubject, regionStart: subj.regionStart, rule: 'pronoun subject = subject of the governing clause' }
          const coding = dict.toPlover(INTENT_CODE)
          if (coding.type) trig = { start: i, end: i + 1, head: i, coding, nominal: false, reciprocal: false, explanation: [`"${t.norm} to": expressed intent → CAMEO ${INTENT_CODE} → ${coding.type}`] }
        } else if (i <= lastVerbTrigger && ((t.pos === 'VERB' && !isModifierVerb(v, i, g)) || haveMain)) {
          subj = subjectOf(v, g, isSubjectMention)
          if (!subj.group && (v.toks[g]?.norm === 'to' || v.toks[g - 1]?.norm === 'to')) {
            // An infinitive's subject is the governing clause's: "Syria says it is willing to withdraw".
            let k = v.toks[g]?.norm === 'to' ? g : g - 1
            while (k > 0 && ['ADJ', 'ADV', 'AUX', 'PART', 'VERB'].includes(v.toks[k - 1].pos) && v.mentionAt[k - 1] < 0 && k > g - 6) k--
            if (k < g) {
              const outer = subjectOf(v, k, isSubjectMention)
              subj = outer.group ? { ...outer, rule: 'subject of the governing clause' } : outer
            }
          }
          trig = codeVerb(v, i, subj.regionStart)
          // Coordinated verbs and participles share the subject of the clause before them.
          const before = g > 0 ? v.toks[g - 1] : null
          const coordinated = before && (before.pos === 'CCONJ' || (before.norm === ',' && t.norm.endsWith('ing')))
          const participial = !!before && before.norm === ',' && t.norm.endsWith('ing') && g === i
          if (participial && lastSubject) {
            // "..., killing one person": a participle clause after a comma belongs to the main clause's subject.
            subj = { group: lastSubject, regionStart: subj.regionStart, rule: 'participle clause: subject of the main clause' }
          } else if (before?.pos === 'CCONJ' && g === i || (before?.pos === 'CCONJ' && v.toks[g].pos !== 'PRON')) {
            // "... killed one soldier and wounded two others": nothing stands between "and" and the verb, so the
            // verb shares the previous clause's subject, even when that clause had none we could name.
            subj = { group: lastClauseSubject, regionStart: subj.regionStart, rule: lastClauseSubject ? 'shared subject of coordinated verb' : 'coordinated verb without a named subject' }
          } else if (coordinated && lastSubject && !subj.group) {
            subj = { group: lastSubject, regionStart: subj.regionStart, rule: 'shared subject of coordinated verb' }
          } else if (subj.rule === 'pronoun' && lastSubject) {
            // "The rebels said they will release ...": the pronoun is the speaker of the governing clause.
            subj = { group: lastSubject, regionStart: subj.regionStart, rule: 'pronoun subject = subject of the governing clause' }
          }
          const infinitive = v.toks[g].norm === 'to' || (g > 0 && v.toks[g - 1].norm === 'to')
          if (subj.group && !infinitive && !coordinated) lastSubject = subj.group
          if (!infinitive && !coordinated && !participial) lastClauseSubject = subj.group
        } else if (t.pos === 'NOUN' || t.pos === 'PROPN') {
          trig = codeNominal(v, i)
        }
        if (!trig) continue
        const ev = buildEvent(doc, v, trig, g, subj, (cues ??= reportCues(v)), datesBySentence, lastEventHead)
        if (ev) {
          found.push(ev)
          lastEventHead = trig.end
          // "demanded that Hamas renounce ...": the that-clause is the content of the demand, not another event.
          if (GOVERNING.has(ev.type)) {
            for (let k = trig.end; k < Math.min(v.toks.length, trig.end + 4); k++) {
              if (v.toks[k].norm === 'that' && v.toks[k].pos !== 'DET') { governedUntil = thatClauseEnd(v, k + 1); break }
            }
          }
          i = Math.max(i, trig.end - 1)
        } else if (!trig.nominal) lastEventHead = trig.end
      }
      // One event per (type, actor, recipient) in a sentence: the first trigger is the evidence; an
      // event without a recipient adds nothing next to the same type and actor with one.
      const seen = new Set<string>()
      const akey = (e: Event) => e.type + '|' + e.polarity + '|' + e.actor.map((a) => a.code ?? a.country ?? a.text).join('+')
      const withRecipient = new Set(found.filter((e) => e.recipient.length > 0).map(akey))
      const typed = new Set<string>()
      for (const e of found) {
        if (e.recipient.length === 0) {
          if (withRecipient.has(akey(e)) || typed.has(akey(e))) continue
        }
        typed.add(akey(e))
        const key = e.id
        if (seen.has(key)) continue
        seen.add(key)
        events.push(e)
      }
    }
    doc.events = events
    docWords = [] // the document's word table is not kept past its run
  }

  function buildEvent(
    doc: Doc, v: SentenceView, trig: Trigger, g: number, subj: ReturnType<typeof subjectOf> | null,
    cues: ReportCue[], datesBySentence: Map<number, DateMention[]>, lastEventHead: number,
  ): Event | null {
    const toks = v.toks
    // Evidence found here; the trigger's own explanation goes first, written only once an event is built.
    const why: string[] = []
    // An infinitive right after another event verb is that verb's complement ("refuses to arm it").
    const toBefore = trig.start > 0 && toks[trig.start - 1].norm === 'to' && !trig.nominal
    if (toBefore && trig.start - lastEventHead <= COMPLEMENT_WINDOW && lastEventHead >= 0) return null
    // An event needs an actor, and an active verb with no subject has none (a passive's is after "by"):
    // decided here, before the object region is read, as most verb triggers end so.
    if (!trig.nominal && !subj?.group && !isPassive(v, g, trig.head)) return null
    let actors: Mention[] = []
    let recipients: Mention[] = []
    let slotRule = ''
    const used = new Set<Mention>()
    const objEnd = objectRegionEnd(v, trig.end)
    if (trig.nominal) {
      // "talks between X and Y", "X's invasion of Y", "the expulsion of the delegation from Russia".
      // The event noun's own phrase ends at a comma or a new clause.
      let npEnd = trig.end
      while (npEnd < objEnd && v.toks[npEnd].norm !== ',' && v.toks[npEnd].pos !== 'VERB') npEnd++
      const after = groupsIn(v, trig.end, npEnd, isRecipientMention)
      const between = after.find((gr) => RECIPROCAL_PREPS.has(prepBefore(v, gr.start, trig.end) ?? ''))
      let poss: Group | null = null
      let k = trig.start - 1
      while (k >= 0 && (toks[k].pos === 'ADJ' || toks[k].pos === 'NOUN' || toks[k].pos === 'PROPN') && v.mentionAt[k] < 0) k--
      if (k >= 1 && (toks[k].norm === "'s" || toks[k].norm === '’s' || toks[k].norm === "'")) {
        const gs = groupsIn(v, Math.max(0, k - 8), k, isActorMention)
        if (gs.length && gs[gs.length - 1].end === k) poss = gs[gs.length - 1]
      } else if (k >= 0 && v.mentionAt[k] >= 0 && k === trig.start - 1) {
        // "Russian airstrikes", "Hamas attack": a mention right before the noun is its agent.
        const gs = groupsIn(v, Math.max(0, k - 8), k + 1, isActorMention)
        if (gs.length && gs[gs.length - 1].end === k + 1) poss = gs[gs.length - 1]
      }
      const negDet = trig.start > 0 && toks[trig.start - 1].norm === 'no'
      if (between) {
        // A long list of participants runs past the noun phrase window: follow the coordination to its end.
        actors = firstGroupIn(v, between.start, v.toks.length, isRecipientMention)?.mentions ?? between.mentions
        slotRule = `participants after "${prepBefore(v, between.start, trig.end)}"`
      } else if (poss) {
        actors = poss.mentions
        const rec = after.find((gr) => ['of', 'on', 'against', 'with', 'to', 'into', 'from', 'toward', 'towards'].includes(prepBefore(v, gr.start, trig.end) ?? ''))
        // "last month's U.S. invasion", "Putin's war in Ukraine": an event noun without its target is background.
        if (!rec) return null
        recipients = rec.mentions
        slotRule = 'possessor of the event noun'
        if (trig.reciprocal && rec) { actors = [...actors, ...recipients]; recipients = [] }
      } else if (negDet && between === undefined) {
        return null
      } else return null
    } else {
      const passive = isPassive(v, g, trig.head)
      const subject = subj?.group ?? null
      const after = groupsIn(v, trig.end, objEnd, isRecipientMention).filter((gr) => !subject || !gr.mentions.some((m) => subject.mentions.includes(m)))
      const objectCandidates = after.filter((gr) => {
        const prep = prepBefore(v, gr.start, trig.end)
        const placeLike = gr.mentions.every((m) => m.type === 'place' || m.role === 'place')
        const actorLike = gr.mentions.some(isActorMention)
        return !(prep && LOCATIVE_PREPS.has(prep) && placeLike) && prep !== 'by' && prep !== 'according' && (actorLike || (prep !== null && !LOCATIVE_PREPS.has(prep)) || prep === null)
      })
      if (passive) {
        const by = after.find((gr) => prepBefore(v, gr.start, trig.end) === 'by')
        if (!by) return null
        actors = by.mentions
        if (subject) recipients = subject.mentions
        slotRule = 'passive: actor after "by", recipient is the subject'
      } else {
        if (subject) actors = subject.mentions
        // A recipient we can place (a country or organization code) beats a bare noun ("forces", "President").
        let obj = objectCandidates.find((gr) => gr.mentions.some((m) => m.country || m.code)) ?? objectCandidates[0] ?? null
        // "complained to the UN over Israeli raids": the accused is after over/against/about, the addressee after "to".
        if (trig.coding.type === 'ACCUSE') {
          // "investigating war crimes by Croatian extremists against Serb civilians": the accused is the agent after "by".
          const by = after.find((gr) => prepBefore(v, gr.start, trig.end) === 'by' && gr.mentions.some((m) => m.country))
          const accused = objectCandidates.find((gr) => ['against', 'over', 'about', 'of', 'for'].includes(prepBefore(v, gr.start, trig.end) ?? ''))
          if (by) obj = by
          else if (accused && obj && prepBefore(v, obj.start, trig.end) === 'to') obj = accused
        }
        // "refuses to arm it": an object pronoun before any named object points back to the last named non-subject.
        for (let i = trig.end; i < objEnd; i++) {
          if (obj && i >= obj.start) break
          if (OBJECT_PRONOUNS.has(toks[i].norm) && toks[i].pos === 'PRON') {
            const back = groupsIn(v, Math.max(0, trig.start - MAX_OBJECT_TOKENS), trig.start, isActorMention).filter((gr) => !subject || !gr.mentions.some((m) => subject.mentions.includes(m)))
            if (back.length) { obj = back[back.length - 1]; why.push(`"${toks[i].norm}" resolved to the last named actor before the verb`) }
            break
          }
        }
        // "contribute troops to a force in Liberia", "demonstrated in Serbia": with no placeable
        // recipient, the country where it happens is the target (PLOVER GSR practice), except for meetings.
        if ((!obj || !obj.mentions.some((m) => m.country || m.code)) && trig.coding.type !== 'CONSULT') {
          const where = after.find((gr) => LOCATIVE_PREPS.has(prepBefore(v, gr.start, trig.end) ?? '') && gr.mentions.some((m) => m.country && !actors.some((a) => a.country === m.country && a.type !== 'person')))
          if (where) { obj = where; why.push(`recipient: the country of "${where.mentions[0].text}" where it happened`) }
        }
        // "demanded an immediate admission by Moscow": for a demand or accusation, "by" names who must act.
        if (!obj && (trig.coding.type === 'REQUEST' || trig.coding.type === 'ACCUSE')) {
          const byGroup = after.find((gr) => prepBefore(v, gr.start, trig.end) === 'by' && gr.mentions.some((m) => m.country || m.code))
          if (byGroup) obj = byGroup
        }
        // "threatened to ban voting if Hamas ran", "staged demonstrations to demand reforms by Suharto's
        // government": a threat's condition or a protest's demand names whom it is aimed at.
        if ((!obj || !obj.mentions.some((m) => m.country || m.code)) && (trig.coding.type === 'THREATEN' || trig.coding.type === 'PROTEST')) {
          const limit = Math.min(toks.length, trig.end + AIM_WINDOW)
          for (let k = trig.end; k < limit; k++) {
            const n = toks[k].norm
            const opens = n === 'if' || n === 'unless' || (n === 'to' && ['demand', 'protest', 'press', 'oppose'].includes(toks[k + 1]?.norm ?? '')) || n === 'against'
            if (!opens) continue
            const aim = groupsIn(v, k + 1, limit, isRecipientMention).find((gr) => gr.mentions.some((m) => (m.country || m.code) && !actors.includes(m)))
            if (aim) { obj = aim; why.push(`recipient from the "${n}" clause`) }
            break
          }
        }
        if (obj) recipients = obj.mentions
        slotRule = subj?.rule ?? 'subject'
        // "X and Y met": with no recipient, a meeting's coordinated subject are all participants (PLOVER).
      }
    }
    // "U.S. Central Command, which oversees operations": a present-tense relative clause describes a
    // standing role or relation, background rather than an event.
    if (subj?.rule === 'relative-clause antecedent' && !trig.nominal) {
      const vt = toks[trig.head]
      if (vt.norm !== vt.lemma && /[^s]s$/.test(vt.norm) && g === trig.head) return null
    }
    for (const m of actors) used.add(m)
    // A recipient with exactly an actor's code is the actor again ("UN peacekeepers ... leaving UN troops").
    const actorCodes = new Set(actors.map((m) => m.code).filter((c): c is string => !!c))
    recipients = recipients.filter((m) => !used.has(m) && !(m.code && actorCodes.has(m.code)))
    // "restrictions on the use of the Russian language": a lone country adjective modifying a thing names no participant.
    recipients = recipients.filter((m) => {
      const a = v.firstTok.get(m) ?? -1
      if (a < 0 || v.lastTok.get(m) !== a || v.toks[a].pos === 'NOUN') return true
      const next = v.toks[a + 1]
      return !(next && next.pos === 'NOUN' && v.mentionAt[a + 1] < 0 && THINGS.has(next.lemma))
    })
    if (actors.length === 0) return null // require_dyad lesson: an event needs an actor
    // A meeting needs two sides: "Israel's Cabinet met" is an internal session, not a CONSULT.
    if (trig.coding.type === 'CONSULT' && actors.length === 1 && recipients.length === 0) return null
    // An event needs a political actor: one we can place in a country or a political sector.
    // Athletes, companies and "investors" with neither are what sports and market stories are made of.
    if (!actors.some(isPolitical) && !(recipients.some(isPolitical) && actors.some((m) => m.country || m.code))) return null
    // "Small investors in Hong Kong welcomed the deal": business actors with no political counterpart are a market story.
    if (actors.every((m) => m.sector === 'BUS') && !recipients.some(isPolitical)) return null
    // "Australia beat Colombia 2-1": a match score makes a physical-conflict verb a sports result.
    if (trig.coding.type === 'ASSAULT' && v.toks.some((t) => SCORE.test(t.norm))) return null
    const pol: PolarityReading = polarityOf(v, trig.start, g, trig.nominal)
    let type = trig.coding.type as PloverType
    let polarity: Polarity = pol.polarity
    if (pol.governor && TRYING.has(pol.governor)) {
      // PLOVER codes a made attempt at force or repression as the act ("attempt to assassinate", CAMEO 185):
      // "tried to hack", "attempted to assassinate" happened; "is attempting to" or "seeks to" is intent only.
      let at = -1
      for (let k = Math.max(0, g - 4); k < trig.start; k++) if (ATTEMPTED.has(toks[k].norm)) at = k
      // "would have tried", "did not try", "plans to try": the attempt itself is not asserted.
      const made = ATTEMPTABLE.has(type) && at >= 0 && !toks.slice(Math.max(0, at - 3), at).some((t) => UNMADE.has(t.norm))
      const onlyTheAttempt = pol.polarity === 'asserted' || (pol.polarity === 'hypothetical' && !pol.future && [...ATTEMPTED].some((w) => pol.reason === `hypothetical: "${w}"`))
      if (made && onlyTheAttempt) { polarity = 'asserted'; why.push('a made attempt at force counts as the act (PLOVER)') }
      else polarity = 'hypothetical'
    }
    if (polarity === 'hypothetical' && pol.future) {
      // PLOVER: announced future cooperation is AGREE; an announced future use of force is a THREAT.
      if (COOPERATIVE.has(type)) { why.push(`future ${type} → AGREE (PLOVER)`); type = 'AGREE'; polarity = 'asserted' }
      else if (MATERIAL_CONFLICT.has(type)) { why.push(`future ${type} → THREATEN (PLOVER)`); type = 'THREATEN'; polarity = 'asserted' }
    }
    if (pol.reason) why.push(pol.reason)
    const { date, dateText } = eventDate(doc, v, trig, cues, datesBySentence)
    const location = locationOf(v, trig)
    // The reporter is a cue outside the trigger that is not the event's own actor ("Tass reported", "according to X").
    const ts = toks[trig.start].start
    const te = toks[trig.end - 1].end
    const cue = cues.find((c) => (c.end <= ts || c.start >= te) && !(c.mention && actors.includes(c.mention))) ?? null
    const reportedBy = cue?.name ?? null
    const shown = trig.shownEnd ?? trig.end
    const trigText = doc.article.text.slice(toks[trig.start].start, toks[shown - 1].end)
    const actor = actors.map((m) => affiliate(v, m, why))
    const recipient = recipients.map((m) => affiliate(v, m, why))
    // "Egyptian police fired on demonstrators", "the Mozambique government accepted demands from rebels":
    // a domestic group with no country of its own, acted on by one country's state agents, is of that country.
    const home = actor.every((a) => a.country && a.country === actor[0].country && (!a.sector || STATE_SECTORS.has(a.sector))) ? actor[0]?.country ?? null : null
    if (home) {
      for (let r = 0; r < recipient.length; r++) {
        const a = recipient[r]
        const head = a.text.toLowerCase().split(/\s+/).pop() ?? ''
        if (a.country || !DOMESTIC_GROUPS.has(head)) continue
        why.push(`${a.text}: country ${home} of the state actor acting on them`)
        recipient[r] = { ...a, country: home, code: home + (a.sector ?? a.code ?? '') }
      }
    }
    // "Judge Alejandro Rivera opened investigations against Chilean officials": when the sentence names one
    // country only, a participant with none of its own (and no international code) is of that country.
    const named = new Set<string>()
    for (const m of v.mentions) if (m.country) named.add(m.country)
    if (named.size === 1) {
      const only = v.mentions.find((m) => m.country)!.country!
      const fill = (xs: Actor[]) => xs.map((a) => {
        if (a.country || (a.code && INTERNATIONAL.test(a.code))) return a
        why.push(`${a.text}: country ${only}, the only one the sentence names`)
        return { ...a, country: only, code: only + (a.sector ?? '') }
      })
      actor.splice(0, actor.length, ...fill(actor))
      recipient.splice(0, recipient.length, ...fill(recipient))
    }
    // PLOVER's COERCE is repression: security forces using force on demonstrators is COERCE, not ASSAULT.
    if (type === 'ASSAULT' && actor.some((a) => a.sector === 'COP' || a.sector === 'MIL') && recipient.some((a) => CROWDS.has(a.text.toLowerCase().split(/\s+/).pop() ?? ''))) {
      why.push('force used on demonstrators by security forces → COERCE (PLOVER: repression)')
      type = 'COERCE'
    }
    const key = (xs: Actor[]) => xs.map((a) => a.code ?? a.country ?? a.name ?? a.text).join('+')
    return {
      id: contentHash(doc.article.id, v.sentence.index, v.sentence.start, type, key(actor), key(recipient)),
      type,
      // A retyped event ("future ASSAULT → THREATEN", repression) keeps no mode of the old type.
      mode: type === trig.coding.type ? trig.coding.mode : null,
      context: trig.coding.context,
      actor,
      recipient,
      polarity,
      date,
      date_text: dateText,
      location,
      reported_by: reportedBy,
      quad: QUAD_OF[type],
      sentence: { index: v.sentence.index, start: v.sentence.start, end: v.sentence.end },
      trigger: { text: trigText, start: toks[trig.start].start, end: toks[shown - 1].end },
      explanation: [...explain(trig), ...why, `slots: ${slotRule}`, ...(cue ? [`reported_by from “${cue.rule}”`] : [])].join('; '),
    }
  }

  /**
   * "The ILO reiterated its demand today that Israel ease restrictions": a demand noun whose that-clause
   * names who must act is a REQUEST from the subject of the verb governing the noun to the clause's subject.
   */
  function nominalDemandOf(doc: Doc, v: SentenceView, i: number, cues: ReportCue[], datesBySentence: Map<number, DateMention[]>): Event | null {
    let that = -1
    for (let d = 1; d <= 3 && i + d < v.toks.length; d++) {
      const t = v.toks[i + d]
      if (t.norm === 'that') { that = i + d; break }
      if (t.pos === 'VERB' || t.pos === 'AUX' || v.mentionAt[i + d] >= 0 || t.norm === ',') break
    }
    if (that < 0) return null
    // The verb governing the noun: "reiterated (its) demand", "renewed a call", "issued an appeal".
    let k = i - 1
    while (k >= 0 && k >= i - 4 && v.mentionAt[k] < 0 && ['DET', 'PRON', 'ADJ', 'ADV'].includes(v.toks[k].pos)) k--
    if (k < 0 || v.toks[k].pos !== 'VERB') return null
    const speaker = subjectOf(v, verbGroupStart(v, k), isSubjectMention)
    if (!speaker.group) return null
    const clause = firstGroupIn(v, that + 1, Math.min(v.toks.length, that + 1 + MAX_OBJECT_TOKENS), isRecipientMention)
    // The clause must open with its subject ("that Israel ease"), not merely mention someone later.
    if (!clause || clause.start > that + 3) return null
    // A demand's clause is subjunctive ("that Israel ease", "that it should"); "the demand that Israel made" is a relative clause.
    const verb = v.toks[clause.end]
    if (!verb || !((verb.pos === 'VERB' && verb.norm === verb.lemma) || MUST.has(verb.norm) || verb.norm === 'be')) return null
    const coding = dict.toPlover(DEMAND_CODE)
    if (!coding.type) return null
    const trig: Trigger = { start: k, end: i + 1, head: i, coding, nominal: true, reciprocal: false, explanation: [`"${v.toks[k].norm} ... ${v.toks[i].norm} that": a demand on the clause's subject [${DEMAND_CODE}]`] }
    const pol = polarityOf(v, k, verbGroupStart(v, k), false)
    if (pol.polarity !== 'asserted') return null
    const why = explain(trig)
    const actor = speaker.group.mentions.map((m) => affiliate(v, m, why))
    const recipient = clause.mentions.filter((m) => !speaker.group!.mentions.includes(m)).map((m) => affiliate(v, m, why))
    if (recipient.length === 0) return null
    return requestEvent(doc, v, trig, k, i, actor, recipient, [...why, 'slots: subject of the governing verb -> subject of the that-clause'], cues, datesBySentence)
  }

  /**
   * "The Bush administration declared that China must drop barriers": a speaker saying another
   * actor must or should act is a REQUEST from the speaker to that actor.
   */
  function demandOf(doc: Doc, v: SentenceView, i: number, cues: ReportCue[], datesBySentence: Map<number, DateMention[]>): Event | null {
    const g = verbGroupStart(v, i)
    const target = subjectOf(v, g, isRecipientMention)
    if (!target.group) return null
    let k = target.group.start - 1
    // Skip the determiner, "that" and a time expression between the speech verb and the clause ("said on Friday that the ...").
    while (k >= 0 && k > target.group.start - 8 && v.mentionAt[k] < 0 && (v.toks[k].norm === 'that' || ['PROPN', 'NOUN', 'ADV', 'NUM', 'ADP', 'DET'].includes(v.toks[k].pos))) k--
    if (k < 0 || v.toks[k].pos !== 'VERB' || !isSpeechVerb(v.toks[k].lemma, v.toks[k].norm)) return null
    const speaker = subjectOf(v, verbGroupStart(v, k), isSubjectMention)
    if (!speaker.group) return null
    const coding = dict.toPlover(DEMAND_CODE)
    if (!coding.type) return null
    const trig: Trigger = { start: i, end: i + 1, head: i, coding, nominal: false, reciprocal: false, explanation: [`"${v.toks[k].norm} ... ${v.toks[i].norm}": a speaker says another actor ${v.toks[i].norm} act [${DEMAND_CODE}]`] }
    const why = explain(trig)
    const actor = speaker.group.mentions.map((m) => affiliate(v, m, why))
    const recipient = target.group.mentions.filter((m) => !speaker.group!.mentions.includes(m)).map((m) => affiliate(v, m, why))
    return requestEvent(doc, v, trig, k, i, actor, recipient, [...why, 'slots: speaker -> subject of the must-clause'], cues, datesBySentence)
  }

  /** A REQUEST from a speaker to the subject of the clause they govern, triggered by tokens k..i. */
  function requestEvent(doc: Doc, v: SentenceView, trig: Trigger, k: number, i: number, actor: Actor[], recipient: Actor[], why: string[], cues: ReportCue[], datesBySentence: Map<number, DateMention[]>): Event {
    const coding = trig.coding
    const { date, dateText } = eventDate(doc, v, trig, cues, datesBySentence)
    const key = (xs: Actor[]) => xs.map((a) => a.code ?? a.country ?? a.name ?? a.text).join('+')
    return {
      id: contentHash(doc.article.id, v.sentence.index, v.sentence.start, 'REQUEST', key(actor), key(recipient)),
      type: coding.type!, mode: coding.mode, context: coding.context, actor, recipient, polarity: 'asserted',
      date, date_text: dateText, location: locationOf(v, trig), reported_by: null, quad: QUAD_OF[coding.type!],
      sentence: { index: v.sentence.index, start: v.sentence.start, end: v.sentence.end },
      trigger: { text: doc.article.text.slice(v.toks[k].start, v.toks[i].end), start: v.toks[k].start, end: v.toks[i].end },
      explanation: why.join('; '),
    }
  }

  function eventDate(doc: Doc, v: SentenceView, trig: Trigger, cues: ReportCue[], bySentence: Map<number, DateMention[]>): { date: string | null; dateText: string | null } {
    // A date right after a reporting cue ("reported by Tass on Friday") dates the report, not the event.
    // "carbon neutral by 2050", "a ceasefire until March": a deadline is not when the event happened.
    const own = (bySentence.get(v.sentence.index) ?? []).filter((d) => !cues.some((c) => d.start >= c.start && d.start <= c.dateReach) && !isDeadline(v, d))
    const at = v.toks[trig.head].start
    const dist = (d: DateMention) => (at < d.start ? d.start - at : at >= d.end ? at - d.end : 0)
    const best = own.filter((d) => d.date).sort((a, b) => dist(a) - dist(b))[0]
    if (best) return { date: best.date, dateText: best.text }
    // "The talks, which took place on Thursday": a following sentence about the same event dates it.
    for (let s = v.sentence.index + 1; s <= v.sentence.index + DATE_LOOKAHEAD_SENTENCES && s < doc.sentences.length; s++) {
      const next = doc.sentences[s]
      if (next.paragraph !== v.sentence.paragraph) break
      const toks = doc.tokens.slice(next.tokenStart, Math.min(next.tokenEnd, next.tokenStart + 4))
      const refers = toks.length >= 2 && ['the', 'this', 'that', 'these', 'those'].includes(toks[0].norm) && toks.slice(1).some((t) => {
        const n = dict.nominals.get(t.norm)
        return n && n.type === trig.coding.type
      })
      if (!refers) continue
      const d = (bySentence.get(s) ?? []).find((x) => x.date)
      if (d) return { date: d.date, dateText: d.text }
    }
    return { date: null, dateText: null }
  }

  /** A date expression governed by a deadline preposition ("by 2050", "until the end of March"). */
  function isDeadline(v: SentenceView, d: DateMention): boolean {
    let k = tokenAtOffset(v, d.start) - 1
    // "by the end of 2024", "until early March": the preposition may stand before a determiner or modifier
    while (k > 0 && (v.toks[k].pos === 'DET' || v.toks[k].pos === 'ADJ' || v.toks[k].norm === 'end' || v.toks[k].norm === 'of')) k--
    return k >= 0 && DEADLINE_PREPS.has(v.toks[k].norm)
  }

  function locationOf(v: SentenceView, trig: Trigger): Place | null {
    // A place after a locative preposition, preferring one after the trigger ("held talks ... in Moscow").
    // The phrase must belong to the event's own verb phrase: not to an embedded clause ("decision to
    // host Hamas in Moscow") nor to a noun's of-modifier ("the freeing of hostages in the Gaza Strip").
    let best: Mention | null = null
    let bestDist = Infinity
    for (const m of v.mentions) {
      if (!(m.type === 'place' || m.role === 'place' || m.place)) continue
      const idx = v.firstTok.get(m) ?? -1
      if (idx < 0) continue
      const prep = prepBefore(v, idx, 0)
      if (!prep || !LOCATIVE_PREPS.has(prep)) continue
      if (!inOwnClause(v, trig, idx)) continue
      const d = idx >= trig.end ? idx - trig.end : (trig.start - idx) * 2
      if (d < bestDist) { best = m; bestDist = d }
    }
    return best ? placeOf(best) : null
  }

  return { name: 'events', requires: ['sentences', 'tokens', 'mentions'], assigns: ['events'], run }
}

