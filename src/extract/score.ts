/**
 * The scrapinghub article-extraction-benchmark metric (bench/data/article-extraction/README.md):
 * 4-token shingles of `\w+` tokens, multiset overlap per page, P and R averaged over pages, F1 of the means.
 */

/** Python's `\w` under re.UNICODE: letters, digits/numbers, underscore (no combining marks). */
const WORD = /[\p{L}\p{N}_]+/gu
/** Shingle width fixed by the benchmark. */
const SHINGLE = 4

export function tokens(text: string): string[] {
  return text.match(WORD) ?? []
}

export function shingles(text: string): Map<string, number> {
  const t = tokens(text)
  const out = new Map<string, number>()
  if (t.length === 0) return out
  const n = Math.min(SHINGLE, t.length)
  for (let i = 0; i + n <= t.length; i++) {
    const k = t.slice(i, i + n).join('\u0001')
    out.set(k, (out.get(k) ?? 0) + 1)
  }
  return out
}

export interface PageScore {
  tp: number
  fp: number
  fn: number
  exact: boolean
}

export function scorePage(predicted: string, truth: string): PageScore {
  const p = shingles(predicted)
  const t = shingles(truth)
  let tp = 0
  let np = 0
  let nt = 0
  for (const [k, c] of p) {
    np += c
    tp += Math.min(c, t.get(k) ?? 0)
  }
  for (const c of t.values()) nt += c
  const a = tokens(predicted)
  const b = tokens(truth)
  return { tp, fp: np - tp, fn: nt - tp, exact: a.length === b.length && a.every((x, i) => x === b[i]) }
}

export interface Summary {
  f1: number
  precision: number
  recall: number
  accuracy: number
  pages: number
}

export function summarize(scores: PageScore[]): Summary {
  let ps = 0, pn = 0, rs = 0, rn = 0, ex = 0
  for (const s of scores) {
    if (s.tp + s.fp > 0) { ps += s.tp / (s.tp + s.fp); pn++ }
    if (s.tp + s.fn > 0) { rs += s.tp / (s.tp + s.fn); rn++ }
    if (s.exact) ex++
  }
  const precision = pn ? ps / pn : 0
  const recall = rn ? rs / rn : 0
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0
  return { f1, precision, recall, accuracy: scores.length ? ex / scores.length : 0, pages: scores.length }
}
