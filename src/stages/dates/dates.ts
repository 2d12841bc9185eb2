import * as chrono from 'chrono-node'
import type { DateMention, Doc, Precision, Sentence, Stage } from '../../core/types.js'

/**
 * Date expressions: chrono-node finds them, we decide what they mean for news.
 *
 * - The reference is the article's `published` date. News talks about the past, so a bare
 *   weekday ("on Thursday") is the most recent such day on or before publication, and a month
 *   without a year is the most recent one, unless the sentence speaks of the future.
 * - A relative expression ("last year", "on Thursday", "March 14") is `null` when the article has
 *   no published date: it is never resolved against the machine's clock. We tell relative from
 *   absolute by parsing against two distant references: what moves with the reference is relative.
 * - Precision follows what the text says: "earlier this month" is a month, "last year" a year.
 */

/** Text without any of these words cannot hold a date chrono would find; skipping it keeps reading fast. A bare year is not a cue: chrono does not read one, YEAR_EXPR does. Nor is the modal "may", nor a bare unit ("for years", "the day"): only "last year", "this week", "... ago" make one a date. */
const DATE_CUE =
  /\b(?:jan|feb|mar|apr|may(?=\s+\d)|(?<=\b(?:in|of|since|until|by|early|late|mid-?|last|next|this)\s)may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december|tue|tues|thu|thur|thurs|fri|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tonight|yesterday|tomorrow|ago|(?:this|last|next|past|previous|coming)\s+(?:week|weekend|month|year|decade))\b|\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b/gi
/** chrono reads only this much text around each cue: parsing whole sentences costs more than the rest of reading. */
const WINDOW_CHARS = 28

/** Words just before a month or weekday that make it point forward ("will meet on Tuesday"). "would" is left out: in reported speech it is mostly past. */
const FUTURE_CUE = /\b(will|shall|next|upcoming|scheduled|plans?|planned|expected|is due|are due|due to|set to|set for|to be held|'ll|’ll)\b/i
/** How far before the date expression a future cue still governs it. */
const FUTURE_WINDOW_CHARS = 60
/** A month-day without a year this many days after publication is still this year's (an announced event); beyond it, last year's. */
const FUTURE_SLACK_DAYS = 31

/** Casual words chrono reads as dates that, in news, are not dates (modal "may", "now", "second"...). */
const NOT_A_DATE = /^(now|sun|sat|second|mon|wed|a day|one day|the day|that day|this day|day|days|the week|a week|a year|the year|a month|the month|the weekend|today's|tonight)$|\bin the day$|,\s*may$/i

/** Anchored to another event, not to publication ("three months after", "two days later"): we cannot place it. */
const ANCHORED_ELSEWHERE = /\b(after|later|before|earlier|prior)$/i

/** A stretch up to now or from now ("the past six months", "the next five years") is a period, not a date. */
const PERIOD = /^(the\s+)?(past|last|next|coming|previous)\s+((\d+|two|three|four|five|six|seven|eight|nine|ten|few|several|couple of)\s+)?(days|weeks|months|years|decades)$|^(the\s+)?past\s+(day|week|month|year|decade)$/i

/** A stretch of time ("after a week", "for two days") is a duration, not a date. */
const DURATION = /^(after|for|within|in|over|during|about|nearly|almost|more than|some)\s+(a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|few|a few|\d+)\b/i

/** Modifiers chrono leaves out that belong to the expression as a reader sees it. */
const LEADING_MODIFIER = /(?:\b(?:earlier|later|early|late|since|until|by|before|after|in|on|during)\s+)$/i

/**
 * A year after one of these prepositions, "the" or a possessive is a date, not a number ("in 2022", "since 1991", "the 2023 election", "Boko Haram’s 2014 abduction").
 * The match is the year itself and the words before it a lookbehind checked once its digits are found: with the
 * words first the regex was tried at every character of the sentence (4-10x slower over the bench's sentences). The
 * years found are the same as with a leading group, since two matches could not overlap (the words end in a letter,
 * a match in a digit).
 */
const YEAR_EXPR = /((?:1[89]|20)\d\d)(?<=(?:\b(?:in|since|by|during|until|till|of|from|before|after|early|late|mid-?|the)|['’]s)\s+\d{4})\b(?!\s*(?:%|percent|people|troops|soldiers|men|women|km|miles|tons|dollars))/gi

const DAY_MS = 86_400_000

/** Two references far apart, used only to tell relative expressions from absolute ones. */
const PROBE_A = new Date(Date.UTC(1950, 5, 15, 12))
const PROBE_B = new Date(Date.UTC(1987, 1, 10, 12))

/** The calendar day of a published date or date-time, at noon UTC so that no time zone moves it. */
export function referenceDate(published: string | null | undefined): Date | null {
  if (!published) return null
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(published.trim())
  if (!m) {
    const t = Date.parse(published)
    if (Number.isNaN(t)) return null
    const d = new Date(t)
    return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 12))
  }
  return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], 12))
}

function iso(y: number, m?: number, d?: number): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0')
  if (m === undefined) return p(y, 4)
  if (d === undefined) return `${p(y, 4)}-${p(m)}`
  return `${p(y, 4)}-${p(m)}-${p(d)}`
}

function cut(date: string, precision: Precision): string {
  return precision === 'year' ? date.slice(0, 4) : precision === 'month' ? date.slice(0, 7) : date.slice(0, 10)
}

interface Found {
  start: number
  end: number
  text: string
  date: string | null
  precision: Precision | null
}

const parser = chrono.casual

function parseAt(text: string, ref: Date): chrono.ParsedResult[] {
  return parser.parse(text, { instant: ref, timezone: 0 }, { forwardDate: false })
}

function ymd(r: chrono.ParsedResult): string {
  const s = r.start
  return iso(s.get('year') ?? 0, s.get('month') ?? 1, s.get('day') ?? 1)
}

function precisionOf(r: chrono.ParsedResult, text: string): Precision | null {
  const s = r.start
  // A week is finer than a month but there is no week precision: the month is what we can vouch for.
  if (/\bweeks?\b|\bweekend\b|\bfortnight\b/i.test(text)) return 'month'
  if (s.isCertain('day') || s.isCertain('weekday')) return 'day'
  if (/\b(yesterday|today|tomorrow|tonight|ago)\b/i.test(text) && /\bdays?\b|yesterday|today|tomorrow|tonight/i.test(text)) return 'day'
  if (s.isCertain('month')) return 'month'
  if (s.isCertain('year')) return 'year'
  return null
}

/** Resolves one chrono result against the article's reference, leaning to the past. */
/** `context` is the text that governs the expression's tense: what precedes it, or what follows a sentence-initial one. */
function resolve(r: chrono.ParsedResult, text: string, ref: Date, context: string): { date: string; precision: Precision } | null {
  const precision = precisionOf(r, text)
  if (!precision) return null
  const s = r.start
  const future = FUTURE_CUE.test(context.slice(-FUTURE_WINDOW_CHARS))
  let date = ymd(r)
  const refIso = ref.toISOString().slice(0, 10)
  const bareWeekday = s.isCertain('weekday') && !s.isCertain('day') && !/\b(next|this|last|past|coming)\b/i.test(text)
  if (bareWeekday) {
    // Most recent such weekday on or before publication: "Tass reported on Friday" in Friday's paper is that Friday.
    const wd = s.get('weekday') ?? 0
    const shift = future ? (wd - ref.getUTCDay() + 7) % 7 : -((ref.getUTCDay() - wd + 7) % 7)
    date = new Date(ref.getTime() + shift * DAY_MS).toISOString().slice(0, 10)
  } else if (s.isCertain('month') && !s.isCertain('year') && !/\b(this|last|next|past|coming|ago)\b/i.test(text)) {
    // A month (and day) with no year: the most recent one, unless the sentence looks ahead.
    const m = s.get('month')!
    const d = s.isCertain('day') ? s.get('day')! : 1
    let y = ref.getUTCFullYear()
    if (future) {
      if (cut(iso(y, m, d), precision) < cut(refIso, precision)) y++
    } else if (Date.UTC(y, m - 1, d, 12) - ref.getTime() > FUTURE_SLACK_DAYS * DAY_MS) y--
    date = iso(y, m, d)
  }
  return { date: cut(date, precision), precision }
}

/** Whether chrono's reading depends on the reference date (relative) or not (absolute). */
function isRelative(sentence: string, r: chrono.ParsedResult): boolean {
  const probe = (ref: Date) => parseAt(sentence, ref).find((x) => x.index === r.index)
  const a = probe(PROBE_A)
  const b = probe(PROBE_B)
  if (!a || !b) return true
  const p = precisionOf(r, r.text) ?? 'day'
  return cut(ymd(a), p) !== cut(ymd(b), p)
}

/** The same cues as DATE_CUE, as token norms: the stage finds them with set lookups over tokens it already has, not a regex over all text. */
const CUE_WORDS = new Set(
  'jan feb mar apr jun jul aug sep sept oct nov dec january february march april june july august september october november december tue tues thu thur thurs fri monday tuesday wednesday thursday friday saturday sunday today tonight yesterday tomorrow ago'.split(' '),
)
const CUE_DEICTIC = new Set(['this', 'last', 'next', 'past', 'previous', 'coming'])
const CUE_UNIT = new Set(['week', 'weekend', 'month', 'year', 'decade'])
const YEAR_TOKEN = /(?:^|\D)(?:1[89]|20)\d\d(?:\D|$)/
/** Words before "May" that make it the month ("in May", "since May"), whatever tag the tagger gave it. */
const MAY_BEFORE = new Set(['in', 'of', 'since', 'until', 'by', 'early', 'late', 'mid', 'last', 'next', 'this', 'from', 'to', 'through', 'before', 'after', 'during'])

/** Every norm the cue loop below acts on (before its '.' and 'mid-' trimming); a NUM token is looked at whatever its norm. */
const MAYBE_CUE = new Set([...CUE_WORDS, ...CUE_DEICTIC, 'may'])

/**
 * A pre-filter in front of the cue loop, which sees every token of every article: one bit per
 * (length, first, second and last char) shape of the norms it can act on, a cue word with or without
 * a trailing '.' and a leading 'mid-'. A clear bit proves the token is no cue with three char reads
 * and no string hashing; a set bit (cue words and a few look-alikes) goes on to the exact tests.
 */
const CUE_SHAPES = new Uint32Array(1 << 14)
function cueShape(n: string): number {
  return ((n.length & 15) << 15) | ((n.charCodeAt(0) & 31) << 10) | ((n.charCodeAt(1) & 31) << 5) | (n.charCodeAt(n.length - 1) & 31)
}
for (const w of MAYBE_CUE) {
  for (const v of [w, `${w}.`, `mid-${w}`, `mid-${w}.`]) {
    const k = cueShape(v)
    CUE_SHAPES[k >>> 5] |= 1 << (k & 31)
  }
}
/** False only for a norm of three or more characters whose shape no cue has (shorter norms are never cues: "may" is the shortest). */
function mayBeCue(n: string): boolean {
  if (n.length < 3) return false
  const k = cueShape(n)
  return (CUE_SHAPES[k >>> 5] & (1 << (k & 31))) !== 0
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday']
/** Deictic words the fast path reads itself; "past", "previous", "coming" and "decade" go to chrono (and mostly to PERIOD). */
const FAST_DEICTIC = new Set(['this', 'last', 'next'])
const FAST_UNIT = new Set(['week', 'weekend', 'month', 'year'])

/**
 * The two commonest date expressions in news, a bare weekday ("on Thursday") and "this/last/next
 * week|month|year", read without chrono: they are most of the dates in a news article, and a chrono
 * call per cue cost as much as the rest of reading.
 */
type FastCue =
  | { kind: 'weekday'; start: number; end: number; weekday: number }
  | { kind: 'deictic'; start: number; end: number; which: 'this' | 'last' | 'next'; unit: 'week' | 'weekend' | 'month' | 'year' }

export interface SentenceCues {
  /** Spans (relative to the sentence) for chrono to read around. */
  cues: [number, number][]
  fast: FastCue[]
  year: boolean
}

/**
 * Cue spans [start, end) in a sentence (offsets relative to it) from its tokens, and whether it holds a
 * year; null when it has none of these, as most sentences do (nothing is allocated for them).
 */
function tokenCues(doc: Doc, s: Sentence): SentenceCues | null {
  let found: SentenceCues | null = null
  const tokens = doc.tokens
  for (let t = s.tokenStart; t < s.tokenEnd; t++) {
    const tok = tokens[t]
    // This loop sees every token of the article and nearly none is a cue: the shape bitmap rules out
    // all but a few percent before any set lookup.
    let n = tok.norm
    if (tok.pos !== 'NUM' && !mayBeCue(n)) continue
    if (!MAYBE_CUE.has(n) && tok.pos !== 'NUM' && n.charCodeAt(n.length - 1) !== 46 && !n.startsWith('mid-')) continue
    if (n.charCodeAt(n.length - 1) === 46) n = n.slice(0, -1)
    if (n.startsWith('mid-')) n = n.slice(4)
    let hit = CUE_WORDS.has(n)
    const prevNorm = t > s.tokenStart ? tokens[t - 1].norm : ''
    if (hit && WEEKDAYS.includes(n) && !CUE_DEICTIC.has(prevNorm)) {
      (found ??= { cues: [], fast: [], year: false }).fast.push({ kind: 'weekday', start: tok.start - s.start, end: tok.end - s.start, weekday: WEEKDAYS.indexOf(n) })
      continue
    }
    if (!hit && FAST_DEICTIC.has(n)) {
      const next = tokens[t + 1]
      if (next && next.sentence === s.index && FAST_UNIT.has(next.norm)) {
        (found ??= { cues: [], fast: [], year: false }).fast.push({ kind: 'deictic', start: tok.start - s.start, end: next.end - s.start, which: n as 'this' | 'last' | 'next', unit: next.norm as 'week' | 'weekend' | 'month' | 'year' })
        t++
        continue
      }
    }
    if (!hit && n === 'may') {
      const next = tokens[t + 1]
      const prev = t > s.tokenStart ? tokens[t - 1] : null
      hit = (!!next && next.sentence === s.index && /^\d/.test(next.norm)) || (!!prev && MAY_BEFORE.has(prev.norm) && doc.article.text[tok.start] === 'M')
    } else if (!hit && CUE_DEICTIC.has(n)) {
      const next = tokens[t + 1]
      hit = !!next && next.sentence === s.index && CUE_UNIT.has(next.norm)
    } else if (!hit && tok.pos === 'NUM' && n.length >= 4) {
      if (!found?.year && YEAR_TOKEN.test(n)) (found ??= { cues: [], fast: [], year: false }).year = true
      if (/\d[/.-]\d/.test(n)) hit = /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$/.test(n)
    }
    if (hit) (found ??= { cues: [], fast: [], year: false }).cues.push([tok.start - s.start, tok.end - s.start])
  }
  return found
}

/** Stretches of the sentence around date cues, widened to word edges and merged when they touch. */
function cueWindows(sentence: string, given?: [number, number][]): [number, number][] {
  const out: [number, number][] = []
  const cues: [number, number][] = given ?? []
  if (!given) {
    DATE_CUE.lastIndex = 0
    let m: RegExpExecArray | null
    while ((m = DATE_CUE.exec(sentence))) cues.push([m.index, m.index + m[0].length])
  }
  for (const [cs, ce] of cues) {
    let a = Math.max(0, cs - WINDOW_CHARS)
    let b = Math.min(sentence.length, ce + WINDOW_CHARS)
    while (a > 0 && /\S/.test(sentence[a - 1])) a--
    while (b < sentence.length && /\S/.test(sentence[b])) b++
    const last = out[out.length - 1]
    if (last && a <= last[1]) last[1] = Math.max(last[1], b)
    else out.push([a, b])
  }
  return out
}

/** One chrono result, found in the window starting at `ws`, as a date mention of the sentence (or null when it is not one). */
function interpret(sentence: string, ws: number, win: string, r: chrono.ParsedResult, ref: Date | null): Found | null {
  // chrono keeps a trailing "of" or comma ("July of a possible resurgence"): not part of the date.
  let text = r.text.replace(/(\s+(of|in|on|at))?[\s,;:]*$/i, '')
  let start = ws + r.index
  if (text.trim() === '' || NOT_A_DATE.test(text.trim()) || /^(may|march)$/.test(text.trim()) || (DURATION.test(text) && !/\bago\b/i.test(text))) return null
  if (ANCHORED_ELSEWHERE.test(text) || PERIOD.test(text)) return null
  // A time of day alone ("at 3 p.m.") is not a date.
  if (!r.start.isCertain('day') && !r.start.isCertain('weekday') && !r.start.isCertain('month') && !r.start.isCertain('year') && !/yesterday|today|tomorrow|tonight|ago|last|next|this/i.test(text)) return null
  ;({ start, text } = withModifier(sentence, start, text))
  // A date opening the sentence is governed by the verb after it ("On Tuesday, Rubio will join..."), so look there for the future.
  const before = tenseContext(sentence, start, start + text.length)
  let resolved: { date: string; precision: Precision } | null = null
  if (ref) resolved = resolve(r, text, ref, before)
  else if (!isRelative(win, r)) resolved = resolve(r, text, PROBE_A, before)
  return { start, end: start + text.length, text, date: resolved?.date ?? null, precision: resolved?.precision ?? precisionOf(r, text) }
}

/** Adds a reader's leading modifier ("earlier this month", "late Monday") to an expression at [start, start + text.length). */
function withModifier(sentence: string, start: number, text: string): { start: number; text: string } {
  const lead = LEADING_MODIFIER.exec(sentence.slice(Math.max(0, start - 12), start))
  if (lead && /^(earlier|later|early|late)\b/i.test(lead[0])) return { start: start - lead[0].length, text: lead[0] + text }
  return { start, text }
}

/** The text that governs an expression's tense: what precedes it, or what follows when it opens the sentence. */
function tenseContext(sentence: string, start: number, end: number): string {
  return sentence.slice(0, start).trim() === '' ? sentence.slice(end, end + FUTURE_WINDOW_CHARS) : sentence.slice(0, start)
}

function shiftDays(ref: Date, days: number): Date {
  return new Date(ref.getTime() + days * DAY_MS)
}

/** A bare weekday or a "this/last/next" unit, read and resolved without chrono. */
function readFast(sentence: string, f: FastCue, ref: Date | null): Found | null {
  let start = f.start
  let end = f.end
  if (f.kind === 'weekday') {
    const on = /\bon\s+$/i.exec(sentence.slice(Math.max(0, start - 4), start))
    if (on) start -= on[0].length
    const part = /^\s+(morning|afternoon|evening|night)\b/i.exec(sentence.slice(end, end + 12))
    if (part) end += part[0].length
  }
  const m = withModifier(sentence, start, sentence.slice(start, end))
  start = m.start
  const text = m.text
  const precision: Precision = f.kind === 'weekday' ? 'day' : f.unit === 'year' ? 'year' : 'month'
  if (!ref) return { start, end: start + text.length, text, date: null, precision }
  let date: string
  if (f.kind === 'weekday') {
    const future = FUTURE_CUE.test(tenseContext(sentence, start, start + text.length).slice(-FUTURE_WINDOW_CHARS))
    const shift = future ? (f.weekday - ref.getUTCDay() + 7) % 7 : -((ref.getUTCDay() - f.weekday + 7) % 7)
    date = shiftDays(ref, shift).toISOString().slice(0, 10)
  } else {
    const step = f.which === 'this' ? 0 : f.which === 'last' ? -1 : 1
    if (f.unit === 'week' || f.unit === 'weekend') date = shiftDays(ref, 7 * step).toISOString().slice(0, 7)
    else if (f.unit === 'month') {
      const d = new Date(Date.UTC(ref.getUTCFullYear(), ref.getUTCMonth() + step, 1, 12))
      date = d.toISOString().slice(0, 7)
    } else date = String(ref.getUTCFullYear() + step)
  }
  return { start, end: start + text.length, text, date, precision }
}

/** Finds the date expressions in one sentence; offsets are relative to the sentence. */
export function findDates(sentence: string, ref: Date | null, cues?: SentenceCues): Found[] {
  const out: Found[] = []
  const chronoCues = cues ? [...cues.cues] : undefined
  const fast: FastCue[] = []
  // A fast cue near a chrono cue ("Friday, March 14") is chrono's to read as a whole.
  for (const f of cues?.fast ?? []) {
    if (cues!.cues.some(([a, b]) => a - WINDOW_CHARS < f.end && f.start < b + WINDOW_CHARS)) chronoCues!.push([f.start, f.end])
    else fast.push(f)
  }
  chronoCues?.sort((a, b) => a[0] - b[0])
  for (const f of fast) {
    const found = readFast(sentence, f, ref)
    if (found) out.push(found)
  }
  for (const [ws, we] of cueWindows(sentence, chronoCues)) {
    const win = sentence.slice(ws, we)
    for (const r of parseAt(win, ref ?? PROBE_A)) {
      const found = interpret(sentence, ws, win, r, ref)
      if (found && !out.some((f) => f.start < found.end && found.start < f.end)) out.push(found)
    }
  }
  YEAR_EXPR.lastIndex = 0
  let m: RegExpExecArray | null
  while ((!cues || cues.year) && (m = YEAR_EXPR.exec(sentence))) {
    const start = m.index
    const end = start + 4
    if (out.some((f) => f.start < end && start < f.end)) continue
    out.push({ start, end, text: m[1], date: m[1], precision: 'year' })
  }
  return out.sort((a, b) => a.start - b.start)
}

export function createDates(): Stage {
  return {
    name: 'dates',
    requires: ['sentences'],
    assigns: ['dates'],
    run(doc: Doc) {
      const text = doc.article.text
      const ref = referenceDate(doc.article.published)
      const dates: DateMention[] = []
      for (const s of doc.sentences) {
        const cues = tokenCues(doc, s)
        if (!cues) continue
        const st = text.slice(s.start, s.end)
        for (const f of findDates(st, ref, cues)) {
          dates.push({ start: s.start + f.start, end: s.start + f.end, text: f.text, sentence: s.index, date: f.date, precision: f.precision })
        }
      }
      doc.dates = dates
    },
  }
}

/**
 * The date expression that governs a token: among the dates of the same sentence, the nearest
 * one (a resolved date wins a tie). `null` when the sentence has none — the caller decides
 * whether to fall back to the article's published date.
 */
export function dateForSpan(doc: Doc, sentenceIndex: number, tokenIndex?: number): DateMention | null {
  const cands = doc.dates.filter((d) => d.sentence === sentenceIndex)
  if (cands.length === 0) return null
  if (tokenIndex === undefined || !doc.tokens[tokenIndex]) return cands.find((d) => d.date) ?? cands[0]
  const at = doc.tokens[tokenIndex].start
  const dist = (d: DateMention) => (at < d.start ? d.start - at : at >= d.end ? at - d.end : 0)
  return cands.reduce((best, d) => {
    const a = dist(d)
    const b = dist(best)
    return a < b || (a === b && d.date && !best.date) ? d : best
  })
}
