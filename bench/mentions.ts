/**
 * Mention quality: newsgraph's typed person/organization/place mentions against the hand
 * annotation of VOA articles in test/fixtures/voa-annotated (see its README for the conventions).
 * `newsgraph bench --suite mentions` prints precision/recall/F1 overall and per type.
 */
import { readFileSync } from 'node:fs'
import { createCoder } from '../src/coder.js'
import { fromRoot } from '../src/core/paths.js'
import type { EntityType, Mention } from '../src/core/types.js'

export type MentionClass = 'person' | 'organization' | 'place'
export const CLASSES: MentionClass[] = ['person', 'organization', 'place']

/** The gold has three classes; newsgraph's five types fold into them (a country is a place, a group an organization). */
export const CLASS_OF: Record<EntityType, MentionClass> = {
  person: 'person',
  organization: 'organization',
  group: 'organization',
  country: 'place',
  place: 'place',
}

export interface GoldMention {
  text: string
  start: number
  end: number
  type: EntityType
  name: string
  country: string | null
}

export interface GoldArticle {
  id: string
  url: string
  section: string
  title: string
  published: string
  text: string
  mentions: GoldMention[]
}

export interface PRF {
  tp: number
  fp: number
  fn: number
  precision: number
  recall: number
  f1: number
}

export interface MentionScores {
  articles: number
  gold: number
  predicted: number
  /** Spans overlap and classes agree (the headline figure). */
  overall: PRF
  perClass: Record<MentionClass, PRF>
  /** Exact same span and class. */
  exact: PRF
  /** Spans overlap, class ignored: how well names are found at all. */
  untyped: PRF
  /** Predicted mentions left out of scope because they hold no capitalized word ("media", "officials"). */
  unnamedPredicted: number
  /** Share of matched mentions whose country agrees with the gold, where both give one. */
  countryAgreement: number | null
  drift: string[]
  errors: { article: string; kind: 'fp' | 'fn' | 'type'; text: string; detail: string }[]
}

/** `gold.jsonl` is the development set; `gold-heldout.jsonl` is scored only in aggregate, so that tuning on printed errors does not leak into it. */
export function loadGold(file = 'gold.jsonl'): GoldArticle[] {
  return readFileSync(fromRoot('test', 'fixtures', 'voa-annotated', file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l))
}

function prf(tp: number, fp: number, fn: number): PRF {
  const precision = tp + fp ? tp / (tp + fp) : 0
  const recall = tp + fn ? tp / (tp + fn) : 0
  return { tp, fp, fn, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 }
}

/** The gold annotates named entities only; a prediction with no capitalized word is a generic agent, outside that scope. */
export function inScope(m: { text: string }): boolean {
  return /\p{Lu}/u.test(m.text)
}

interface Pair {
  g: number
  p: number
  overlap: number
}

/** One-to-one matching, largest overlap first: a long predicted span cannot claim two gold names. */
function match(gold: GoldMention[], pred: Mention[], sameClass: boolean, exact: boolean): Pair[] {
  const pairs: Pair[] = []
  for (let g = 0; g < gold.length; g++) {
    for (let p = 0; p < pred.length; p++) {
      const a = gold[g]
      const b = pred[p]
      if (sameClass && CLASS_OF[a.type] !== CLASS_OF[b.type]) continue
      if (exact ? a.start !== b.start || a.end !== b.end : !(a.start < b.end && b.start < a.end)) continue
      pairs.push({ g, p, overlap: Math.min(a.end, b.end) - Math.max(a.start, b.start) })
    }
  }
  pairs.sort((x, y) => y.overlap - x.overlap)
  const gUsed = new Set<number>()
  const pUsed = new Set<number>()
  const out: Pair[] = []
  for (const pr of pairs) {
    if (gUsed.has(pr.g) || pUsed.has(pr.p)) continue
    gUsed.add(pr.g)
    pUsed.add(pr.p)
    out.push(pr)
  }
  return out
}

/** What is scored: by default newsgraph's own reading of the article; tests pass other predictors to check the scorer. */
export type Predictor = (art: GoldArticle) => { text: string; entities: Mention[] }

function newsgraphPredictor(): Predictor {
  const coder = createCoder()
  return (art) => {
    const res = coder.code({ name: `voa-annotated/${art.id}`, id: art.id, text: art.text, published: art.published })
    if (!res.ok) throw new Error(`voa-annotated/${art.id}: ${res.error}`)
    return res.record
  }
}

export function scoreMentions(gold: GoldArticle[] = loadGold(), predict: Predictor = newsgraphPredictor()): MentionScores {
  const counts = { overall: [0, 0, 0], exact: [0, 0, 0], untyped: [0, 0, 0] }
  const per: Record<MentionClass, number[]> = { person: [0, 0, 0], organization: [0, 0, 0], place: [0, 0, 0] }
  const drift: string[] = []
  const errors: MentionScores['errors'] = []
  let nGold = 0
  let nPred = 0
  let unnamed = 0
  let countryAgree = 0
  let countryBoth = 0
  for (const art of gold) {
    const record = predict(art)
    // Offsets are into the cleaned text as it was annotated: if cleaning changes it, the gold no longer applies.
    if (record.text !== art.text) {
      drift.push(art.id)
      continue
    }
    const all = record.entities
    const pred = all.filter(inScope)
    unnamed += all.length - pred.length
    nGold += art.mentions.length
    nPred += pred.length
    const typed = match(art.mentions, pred, true, false)
    const add = (c: number[], tp: number, fp: number, fn: number) => {
      c[0] += tp
      c[1] += fp
      c[2] += fn
    }
    add(counts.overall, typed.length, pred.length - typed.length, art.mentions.length - typed.length)
    const ex = match(art.mentions, pred, true, true)
    add(counts.exact, ex.length, pred.length - ex.length, art.mentions.length - ex.length)
    const un = match(art.mentions, pred, false, false)
    add(counts.untyped, un.length, pred.length - un.length, art.mentions.length - un.length)
    const gHit = new Set(typed.map((x) => x.g))
    const pHit = new Set(typed.map((x) => x.p))
    for (const c of CLASSES) {
      const tp = typed.filter((x) => CLASS_OF[art.mentions[x.g].type] === c).length
      add(per[c], tp, pred.filter((m) => CLASS_OF[m.type] === c).length - tp, art.mentions.filter((m) => CLASS_OF[m.type] === c).length - tp)
    }
    for (const x of typed) {
      const g = art.mentions[x.g]
      const p = pred[x.p]
      if (g.country && p.country) {
        countryBoth++
        if (g.country === p.country) countryAgree++
      }
    }
    const untypedByG = new Map(un.map((x) => [x.g, x.p]))
    art.mentions.forEach((g, i) => {
      if (gHit.has(i)) return
      const p = untypedByG.get(i)
      if (p !== undefined && !pHit.has(p)) errors.push({ article: art.id, kind: 'type', text: g.text, detail: `gold ${g.type}, predicted ${pred[p].type} "${pred[p].text}"` })
      else errors.push({ article: art.id, kind: 'fn', text: g.text, detail: `${g.type} at ${g.start}` })
    })
    pred.forEach((p, i) => {
      if (!pHit.has(i) && !un.some((x) => x.p === i)) errors.push({ article: art.id, kind: 'fp', text: p.text, detail: `${p.type} via ${p.origin}` })
    })
  }
  return {
    articles: gold.length,
    gold: nGold,
    predicted: nPred,
    overall: prf(counts.overall[0], counts.overall[1], counts.overall[2]),
    perClass: { person: prf(per.person[0], per.person[1], per.person[2]), organization: prf(per.organization[0], per.organization[1], per.organization[2]), place: prf(per.place[0], per.place[1], per.place[2]) },
    exact: prf(counts.exact[0], counts.exact[1], counts.exact[2]),
    untyped: prf(counts.untyped[0], counts.untyped[1], counts.untyped[2]),
    unnamedPredicted: unnamed,
    countryAgreement: countryBoth ? countryAgree / countryBoth : null,
    drift,
    errors,
  }
}

const fmt = (s: PRF) => `P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  F1 ${s.f1.toFixed(3)}  (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`

/** How many errors of each kind to print: enough to see patterns, short enough to read. */
const SHOW_ERRORS = 15

export async function run(opts: { quiet?: boolean } = {}): Promise<MentionScores> {
  const s = scoreMentions()
  if (opts.quiet) return s
  const say = (x: string) => process.stdout.write(x + '\n')
  say(`gold        ${s.articles} hand-annotated VOA articles, ${s.gold} mentions; newsgraph ${s.predicted} named mentions (+${s.unnamedPredicted} generic ones out of scope)`)
  if (s.drift.length) say(`DRIFT       text cleaning changed articles ${s.drift.join(', ')}: their gold offsets no longer apply, they are skipped`)
  say(`typed       ${fmt(s.overall)}   [span overlap + same class]`)
  for (const c of CLASSES) say(`  ${c.padEnd(13)} ${fmt(s.perClass[c])}`)
  say(`exact span  ${fmt(s.exact)}`)
  say(`untyped     ${fmt(s.untyped)}`)
  if (s.countryAgreement !== null) say(`country     ${(s.countryAgreement * 100).toFixed(1)}% of matched mentions agree with the gold country`)
  for (const kind of ['fn', 'fp', 'type'] as const) {
    const list = s.errors.filter((e) => e.kind === kind)
    const label = { fn: 'missed', fp: 'spurious', type: 'wrong type' }[kind]
    say(`${label} (${list.length}): ${list.slice(0, SHOW_ERRORS).map((e) => `${e.text} [${e.detail}]`).join('; ')}${list.length > SHOW_ERRORS ? '; …' : ''}`)
  }
  const h = scoreMentions(loadGold('gold-heldout.jsonl'))
  say(`held out    ${h.articles} articles, ${h.gold} mentions (scores only; its errors are never printed)`)
  say(`  typed       ${fmt(h.overall)}`)
  for (const c of CLASSES) say(`  ${c.padEnd(13)} ${fmt(h.perClass[c])}`)
  say(`  untyped     ${fmt(h.untyped)}`)
  return s
}
