// Loads the verb dictionaries (converted PETRARCH2 CAMEO.2.0 + newsgraph's own additions + a user's
// folder) and compiles them once into a trie over word forms. Nothing here runs per article.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fromRoot } from '../core/paths.js'
import { PLOVER_TYPES, type PloverType } from '../core/types.js'
import { DictionaryError } from './actors.js'

export type Item =
  | { kind: 'word'; w: string; exact?: boolean }
  | { kind: 'synset'; name: string }
  | { kind: 'compound'; words: Item[] }
  | { kind: 'pp'; prep: string[] | null; words: Item[] }
  | { kind: 'source' }
  | { kind: 'target' }
  | { kind: 'skip' }

interface RawPattern {
  pre: Item[] | string
  post: Item[] | string
  code?: string | null
  reverse?: string | null
  type?: PloverType | null
  line?: number
  found_under?: string | null
}

interface RawVerb {
  words: string[] | string
  forms?: string[]
  phrasal?: boolean
  line?: number
  code?: string | null
  type?: PloverType | null
}

interface RawBlock {
  id: string
  line?: number
  code?: string | null
  type?: PloverType | null
  verbs: RawVerb[]
  patterns: RawPattern[]
}

export interface RawNominal {
  /** The noun (lemma) and its plural or other forms. */
  words: string[]
  code?: string | null
  type?: PloverType | null
  /** Whether the noun names a meeting-like event whose participants are all actors. */
  reciprocal?: boolean
  line?: number
}

interface RawFile {
  format: string
  provenance?: unknown
  synsets?: Record<string, ({ w: string; exact?: boolean } | string)[]>
  blocks?: RawBlock[]
  nominals?: RawNominal[]
  plover?: Record<string, { type: string; mode: string | null; context: string[] }>
  transformations?: { rule: string; line: number }[]
  /** Blocks ("ID") or single verbs ("ID:verb") whose default code is dropped (patterns still apply): over-general PETRARCH defaults. */
  no_default?: string[]
  /** Verbs taken out of a block: { block, verb }. */
  suppress?: { block: string; verb: string }[]
  /**
   * Light-verb idioms: a verb (lemma) whose direct object is one of `objects` is no event of the
   * verb's type ("strike a balance", "hit a record"); `why` says which reading it is.
   */
  idioms?: { verb: string; objects: string[]; why: string }[]
  /** Nouns that cannot be the target of physical violence: "attack on corruption", "battled inflation". */
  abstract_targets?: { words: string[]; why: string }
}

export interface Coding {
  code: string | null
  type: PloverType | null
  mode: string | null
  context: string[]
}

export interface Pattern extends Coding {
  pre: Item[]
  post: Item[]
  /** Stems of the literal words the pattern needs: a cheap pre-check before matching it. */
  anchors: string[]
  /** The same anchors as small integers (`VerbDictionary.anchorIndex`), so the per-sentence check is an array lookup. */
  anchorIds: number[]
  /** Number of content words the pattern requires: the most specific match wins. */
  specificity: number
  /** Where the pattern came from, for --explain: `file:line`. */
  ref: string
  /** Position in its block after sorting: equally specific patterns keep the dictionary's order. */
  order: number
  /** The pattern in PETRARCH's notation, for --explain. */
  text: string
}

export interface VerbEntry extends Coding {
  block: string
  words: string[]
  ref: string
  patterns: Pattern[]
  /**
   * The patterns' anchor ids laid out flat: pattern j needs anchorIds[anchorStart[j] .. anchorStart[j + 1]).
   * With `specificity` (parallel to `patterns`) this lets the per-verb scan pick the candidates in
   * order from two typed arrays, without touching the pattern objects that cannot match.
   */
  anchorStart: Int32Array
  anchorIds: Int32Array
  specificity: Int32Array
}

export interface NominalEntry extends Coding {
  words: string[]
  reciprocal: boolean
  ref: string
}

interface TrieNode {
  next: Map<string, TrieNode>
  entries: VerbEntry[]
}

export interface VerbDictionary {
  /** Trie keyed by word forms (norms and lemmas); a path of words is a (phrasal) verb. */
  trie: TrieNode
  nominals: Map<string, NominalEntry>
  synsets: Map<string, Set<string>>
  /** For each synset, its multi-word members by first word (most members are one word: those need no joining). */
  multiword: Map<string, Map<string, string[][]>>
  /** Synonym sets by the first word of their members: which sets a sentence could match at all. */
  synsetsByWord: Map<string, string[]>
  /** Light-verb idioms: verb lemma -> object nouns (singular and plural) that make it no event. */
  idioms: Map<string, Set<string>>
  /** Abstract nouns: violence "on" or "against" them is figurative. */
  abstractTargets: Set<string>
  /** Every anchor any pattern needs, numbered: a sentence's present anchors fit in one typed array. */
  anchorIndex: Map<string, number>
  /**
   * Ids of the anchors a word form supplies (its stem, "&NAME" for each synonym set it starts),
   * restricted to anchors some pattern needs. Not memoized here: the events stage keeps one
   * vocabulary cache for everything it looks a word up for.
   */
  anchorsOfWord(w: string): readonly number[]
  /** Longest multi-word synset member, in words, so matching knows how far to look. */
  stats: { blocks: number; verbs: number; patterns: number; nominals: number; files: string[] }
  toPlover(code: string | null): Coding
}

const SHIPPED = ['cameo-2.0.json', 'newsgraph-additions.json']

/** Regular English inflections of a verb or noun, so a word matches whether or not the tagger lemmatized it. */
export function inflections(base: string): string[] {
  const out = [base]
  if (base.includes(' ')) return out
  const cons = /[^aeiou]$/.test(base)
  if (base.endsWith('e')) out.push(base + 's', base + 'd', base.slice(0, -1) + 'ing')
  else if (base.endsWith('y') && cons && !/[aeiou]y$/.test(base)) out.push(base.slice(0, -1) + 'ies', base.slice(0, -1) + 'ied', base + 'ing')
  else if (/(s|x|z|ch|sh)$/.test(base)) out.push(base + 'es', base + 'ed', base + 'ing')
  else out.push(base + 's', base + 'ed', base + 'ing')
  // Doubling the final consonant (ban -> banned, ship -> shipped): both spellings are harmless to index.
  if (/[^aeiou][aeiou][bdgklmnprt]$/.test(base)) out.push(base + base.slice(-1) + 'ed', base + base.slice(-1) + 'ing')
  return out
}

/** Parses the PETRARCH pattern mini-language (`* (WITH +) TALKS`) used by our own additions. */
export function parsePatternSide(text: string): Item[] {
  const toks = text.match(/\(|\)|\{|\}|[^\s(){}]+/g) ?? []
  const items: Item[] = []
  let pp: { kind: 'pp'; prep: string[] | null; words: Item[] } | null = null
  let compound: Item[] | null = null
  for (const t of toks) {
    if (t === '*') continue // the verb's own position: hand-written patterns may spell it out
    if (t === '(') { pp = { kind: 'pp', prep: null, words: [] }; continue }
    if (t === ')') { if (pp) items.push(pp); pp = null; continue }
    if (t === '{') { compound = []; continue }
    if (t === '}') {
      const c: Item = { kind: 'compound', words: compound ?? [] }
      if (pp) pp.words.push(c); else items.push(c)
      compound = null
      continue
    }
    let item: Item
    if (t === '$') item = { kind: 'source' }
    else if (t === '+') item = { kind: 'target' }
    else if (t === '^' || t === '%') item = { kind: 'skip' }
    else if (t.startsWith('&')) item = { kind: 'synset', name: t.slice(1).replace(/_$/, '') }
    else {
      const exact = t.endsWith('_') && t.length > 1
      item = { kind: 'word', w: (exact ? t.slice(0, -1) : t).toLowerCase().replace(/_/g, ' '), ...(exact ? { exact: true } : {}) }
    }
    if (compound) { compound.push(item); continue }
    if (pp) {
      if (pp.prep === null && item.kind === 'word') pp.prep = item.w.split('/')
      else pp.words.push(item)
      continue
    }
    items.push(item)
  }
  return items
}

/** A crude stem so that "talks"/"talk" and "sanctions"/"sanction" meet in the anchor pre-check. */
export function stem(w: string): string {
  if (w.length > 4 && w.endsWith('ies')) return w.slice(0, -3) + 'y'
  if (w.length > 3 && /(ches|shes|xes|ses|zes)$/.test(w)) return w.slice(0, -2)
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1)
  return w
}

/** What a pattern needs in the sentence: word stems, "&NAME" for a synonym set, a (single) preposition. */
function anchorsOf(items: Item[], out: string[] = []): string[] {
  for (const it of items) {
    if (it.kind === 'word') out.push(stem(it.w.split(' ')[0]))
    else if (it.kind === 'synset') out.push('&' + it.name)
    else if (it.kind === 'compound') anchorsOf(it.words, out)
    else if (it.kind === 'pp') {
      if (it.prep && it.prep.length === 1) out.push(stem(it.prep[0]))
      anchorsOf(it.words, out)
    }
  }
  return out
}

function itemText(it: Item): string {
  switch (it.kind) {
    case 'word': return it.w.toUpperCase().replace(/ /g, '_')
    case 'synset': return '&' + it.name
    case 'compound': return '{' + it.words.map(itemText).join(' ') + '}'
    case 'pp': return '(' + [(it.prep ?? []).join('/').toUpperCase(), ...it.words.map(itemText)].filter(Boolean).join(' ') + ')'
    case 'source': return '$'
    case 'target': return '+'
    default: return '^'
  }
}

export function patternText(pre: Item[], post: Item[]): string {
  return [...pre.map(itemText), '*', ...post.map(itemText)].join(' ')
}

function specificityOf(items: Item[]): number {
  let n = 0
  for (const it of items) {
    if (it.kind === 'word' || it.kind === 'synset') n++
    else if (it.kind === 'compound') n += specificityOf(it.words)
    else if (it.kind === 'pp') n += 1 + specificityOf(it.words)
  }
  return n
}

function isPlover(t: unknown): t is PloverType {
  return typeof t === 'string' && (PLOVER_TYPES as string[]).includes(t)
}

// One error class for every unusable user dictionary, so the CLI reports them all as usage errors.
export { DictionaryError }

/**
 * Loads the shipped verb files and, when given, every `*.json` verb file in the user's folder
 * (files with `"format": "newsgraph-verbs/1"`); later files add blocks and nominals, and a user's
 * block with the id of a shipped one replaces it.
 */
export function loadVerbDictionary(userDir?: string): VerbDictionary {
  const files: string[] = SHIPPED.map((f) => fromRoot('dictionaries', 'verbs', f))
  if (userDir) {
    const dir = existsSync(join(userDir, 'verbs')) ? join(userDir, 'verbs') : userDir
    if (existsSync(dir)) for (const f of readdirSync(dir).sort()) if (f.endsWith('.json')) files.push(join(dir, f))
  }
  const raw: { name: string; data: RawFile }[] = []
  for (const f of files) {
    let data: RawFile
    try {
      data = JSON.parse(readFileSync(f, 'utf8'))
    } catch (e) {
      throw new DictionaryError(`verb dictionary ${f}: cannot read it as JSON (${(e as Error).message}); fix or remove the file`)
    }
    if (data.format !== 'newsgraph-verbs/1') {
      if (raw.length < SHIPPED.length) throw new DictionaryError(`verb dictionary ${f}: format is not newsgraph-verbs/1`)
      continue // a user's folder may hold actor files too; skip what is not a verb file
    }
    raw.push({ name: f.split('/').slice(-1)[0], data })
  }
  return compile(raw)
}

export function compile(files: { name: string; data: RawFile }[]): VerbDictionary {
  const plover = new Map<string, Coding>()
  const synsets = new Map<string, Set<string>>()
  const blocks = new Map<string, { file: string; block: RawBlock }>()
  const nominalsRaw: { file: string; n: RawNominal }[] = []
  const noDefault = new Set<string>()
  const suppressed = new Set<string>()
  const idioms = new Map<string, Set<string>>()
  const abstractTargets = new Set<string>()
  for (const { data } of files) {
    for (const b of data.no_default ?? []) noDefault.add(b)
    for (const x of data.suppress ?? []) suppressed.add(`${x.block}\u0000${x.verb.toLowerCase()}`)
  }
  for (const { name, data } of files) {
    for (const [code, row] of Object.entries(data.plover ?? {})) {
      plover.set(code, { code, type: isPlover(row.type) ? row.type : null, mode: row.mode, context: row.context })
    }
    for (const [sname, members] of Object.entries(data.synsets ?? {})) {
      const set = synsets.get(sname) ?? new Set<string>()
      for (const m of members) {
        const w = typeof m === 'string' ? m.toLowerCase() : m.w
        const exact = typeof m === 'string' ? false : !!m.exact
        for (const f of exact ? [w] : inflections(w)) set.add(f)
      }
      synsets.set(sname, set)
    }
    for (const b of data.blocks ?? []) blocks.set(b.id, { file: name, block: b })
    for (const n of data.nominals ?? []) nominalsRaw.push({ file: name, n })
    for (const id of data.idioms ?? []) {
      const set = idioms.get(id.verb.toLowerCase()) ?? new Set<string>()
      for (const o of id.objects) for (const f of inflections(o.toLowerCase())) set.add(f)
      idioms.set(id.verb.toLowerCase(), set)
    }
    for (const w of data.abstract_targets?.words ?? []) for (const f of inflections(w.toLowerCase())) abstractTargets.add(f)
  }

  const multiword = new Map<string, Map<string, string[][]>>()
  const synsetsByWord = new Map<string, string[]>()
  for (const [name, set] of synsets) {
    for (const m of set) {
      const first = m.split(' ')[0]
      const list = synsetsByWord.get(first)
      if (!list) synsetsByWord.set(first, [name])
      else if (!list.includes(name)) list.push(name)
    }
    const byFirst = new Map<string, string[][]>()
    for (const m of set) {
      if (!m.includes(' ')) continue
      const parts = m.split(' ')
      const list = byFirst.get(parts[0])
      if (list) list.push(parts); else byFirst.set(parts[0], [parts])
    }
    multiword.set(name, byFirst)
  }

  function toPlover(code: string | null): Coding {
    if (code === null) return { code, type: null, mode: null, context: [] }
    // PLOVER's manual: a 4-digit code not in the table falls back to its 3- then 2-digit prefix.
    for (let c = code; c.length >= 2; c = c.slice(0, -1)) {
      const row = plover.get(c)
      if (row) return { code, type: row.type, mode: row.mode, context: row.context }
    }
    return { code, type: null, mode: null, context: [] }
  }

  function coding(code: string | null | undefined, type: PloverType | null | undefined): Coding {
    if (type !== undefined && type !== null) return { code: code ?? null, type, mode: null, context: [] }
    return toPlover(code ?? null)
  }

  const trie: TrieNode = { next: new Map(), entries: [] }
  const anchorIndex = new Map<string, number>()
  const anchorId = (a: string): number => {
    let id = anchorIndex.get(a)
    if (id === undefined) anchorIndex.set(a, (id = anchorIndex.size))
    return id
  }
  let nVerbs = 0
  let nPatterns = 0
  for (const { file, block } of blocks.values()) {
    const patterns: Pattern[] = (block.patterns ?? []).map((p) => {
      const pre = typeof p.pre === 'string' ? parsePatternSide(p.pre) : p.pre
      const post = typeof p.post === 'string' ? parsePatternSide(p.post) : p.post
      const anchors = [...new Set([...anchorsOf(pre), ...anchorsOf(post)])]
      const c = coding(p.code, p.type)
      // Literal objects with one key order (no spread): every pattern, entry and coding then shares
      // a hidden class, and the per-verb reads of them stay monomorphic (spread gave each its own).
      return {
        code: c.code,
        type: c.type,
        mode: c.mode,
        context: c.context,
        pre,
        post,
        anchors,
        anchorIds: anchors.map(anchorId),
        specificity: specificityOf(pre) + specificityOf(post),
        order: 0,
        text: patternText(pre, post),
        ref: `${file}:${p.line ?? block.id}`,
      }
    })
    // Most specific first, so the first match is the one to use.
    patterns.sort((a, b) => b.specificity - a.specificity)
    patterns.forEach((p, i) => { p.order = i })
    nPatterns += patterns.length
    const anchorStart = new Int32Array(patterns.length + 1)
    patterns.forEach((p, i) => { anchorStart[i + 1] = anchorStart[i] + p.anchorIds.length })
    const anchorIds = Int32Array.from(patterns.flatMap((p) => p.anchorIds))
    const specificity = Int32Array.from(patterns, (p) => p.specificity)
    for (const v of block.verbs) {
      const words = typeof v.words === 'string' ? v.words.toLowerCase().split(/\s+/) : v.words
      if (suppressed.has(`${block.id}\u0000${words.join(' ')}`)) continue
      // "BLOCK:verb" in no_default drops one verb's own code (PETRARCH's "fail [120]"): its patterns still apply.
      const own = noDefault.has(`${block.id}:${words.join(' ')}`) ? coding(null, null) : 'code' in v || v.type ? coding(v.code, v.type) : noDefault.has(block.id) ? coding(null, null) : coding(block.code, block.type)
      const entry: VerbEntry = {
        code: own.code, type: own.type, mode: own.mode, context: own.context,
        block: block.id, words, ref: `${file}:${v.line ?? block.line ?? block.id}`, patterns, anchorStart, anchorIds, specificity,
      }
      nVerbs++
      // Index the first word under all its forms; the rest of a phrasal verb must follow literally.
      const firstForms = new Set(inflections(words[0]))
      for (const f of v.forms ?? []) firstForms.add(f.split(' ')[0])
      for (const first of firstForms) {
        let node: TrieNode | undefined = trie.next.get(first)
        if (!node) trie.next.set(first, (node = { next: new Map(), entries: [] }))
        for (const w of words.slice(1)) {
          let nx: TrieNode | undefined = node.next.get(w)
          if (!nx) node.next.set(w, (nx = { next: new Map(), entries: [] }))
          node = nx
        }
        node.entries.push(entry)
      }
    }
  }

  const nominals = new Map<string, NominalEntry>()
  for (const { file, n } of nominalsRaw) {
    const c = coding(n.code, n.type)
    const entry: NominalEntry = { code: c.code, type: c.type, mode: c.mode, context: c.context, words: n.words, reciprocal: !!n.reciprocal, ref: `${file}:${n.line ?? n.words[0]}` }
    for (const w of n.words) nominals.set(w.toLowerCase(), entry)
  }

  const NO_ANCHORS: readonly number[] = []
  function anchorsOfWord(w: string): readonly number[] {
    const out: number[] = []
    const own = anchorIndex.get(stem(w))
    if (own !== undefined) out.push(own)
    const names = synsetsByWord.get(w)
    if (names) for (const n of names) {
      const id = anchorIndex.get('&' + n)
      if (id !== undefined) out.push(id)
    }
    return out.length ? out : NO_ANCHORS
  }

  return {
    trie,
    nominals,
    synsets,
    multiword,
    synsetsByWord,
    idioms,
    abstractTargets,
    anchorIndex,
    anchorsOfWord,
    stats: { blocks: blocks.size, verbs: nVerbs, patterns: nPatterns, nominals: nominals.size, files: files.map((f) => f.name) },
    toPlover,
  }
}

let shipped: VerbDictionary | undefined

/** The shipped dictionaries, compiled once per process. */
export function shippedVerbDictionary(): VerbDictionary {
  shipped ??= loadVerbDictionary()
  return shipped
}
