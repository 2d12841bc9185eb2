import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { deserialize, serialize } from 'node:v8'
import { threadId } from 'node:worker_threads'
import type { EntityType } from '../core/types.js'
import { fromRoot } from '../core/paths.js'
import { CaseRule, caseRuleOf, phraseTokens } from './phrase.js'
import { TokenTrie, type TrieData } from './trie.js'

/** One coded role of an actor, possibly limited in time (PETRARCH's `[RUSGOV >080508]`). */
export interface Role {
  code: string
  country: string | null
  sector: string | null
  /** First day the role holds (YYYY-MM-DD), inclusive. */
  from?: string
  /** Last day the role holds, inclusive. */
  to?: string
}

export interface ActorEntry {
  name: string
  type: EntityType
  /** The words matched in text (empty in the compiled cache: the trie holds them). */
  phrases: string[]
  roles: Role[]
  /** Where the entry came from: `Phoenix.Countries.actors.txt:39559`, `my-actors.jsonl:3`. */
  origin: string
  /** Media outlets report events, they do not act in them. */
  role?: 'media'
}

export interface AgentEntry {
  phrases: string[]
  sector: string
  origin: string
}

/**
 * Actor entries by index. From the cache they are kept as JSON text and parsed when first
 * matched: an article meets a few dozen of the 27,000 entries, and building them all as objects
 * was most of the load time.
 */
export class EntryTable {
  private parsed: Array<ActorEntry | undefined>
  constructor(private readonly json: string[] | null, entries: ActorEntry[] | null) {
    this.parsed = entries ?? new Array(json!.length)
  }
  get length(): number {
    return this.parsed.length
  }
  get(i: number): ActorEntry {
    return (this.parsed[i] ??= JSON.parse(this.json![i]) as ActorEntry)
  }
  *[Symbol.iterator](): IterableIterator<ActorEntry> {
    for (let i = 0; i < this.parsed.length; i++) yield this.get(i)
  }
  /** The JSON lines the cache stores; phrases are dropped, the trie holds them. */
  toJson(): string[] {
    return this.json ?? this.parsed.map((e) => JSON.stringify({ ...e!, phrases: [] }))
  }
}

export interface CompiledDictionaries {
  actors: EntryTable
  agents: AgentEntry[]
  /** Phrase id -> entry index, and the phrase's case rule; ids index both arrays. */
  actorPhraseEntry: number[]
  actorPhraseRule: CaseRule[]
  agentPhraseEntry: number[]
  actorTrie: TokenTrie
  agentTrie: TokenTrie
  /**
   * Person entries by the last word of their names, each with the first word of that name
   * ("mugabe" -> [[entry of Robert Mugabe, "robert"]]): a bare surname after a title, or a name
   * spelled differently in its middle ("Omar El Bashir"), can still find its one dictionary person.
   * The third number is the entry's count of spellings: the news names a much-spelled person often.
   */
  surnames: Map<string, Array<[number, string, number]>>
}

/** Shipped dictionary files, relative to the package root. */
const SHIPPED_ACTOR_FILES = ['dictionaries/actors/phoenix.countries.jsonl', 'dictionaries/actors/phoenix.international.jsonl', 'dictionaries/actors/phoenix.milnonstate.jsonl', 'dictionaries/actors/media.jsonl', 'dictionaries/actors/extra.jsonl']
const SHIPPED_AGENT_FILES = ['dictionaries/agents/phoenix.agents.jsonl', 'dictionaries/agents/extra.jsonl']
/** Bump when the compiled shape changes so old caches are ignored. */
const CACHE_VERSION = 10

/** A user dictionary that cannot be used: the CLI reports it as a usage error (exit 2). */
export class DictionaryError extends Error {
  override name = 'DictionaryError'
}

function readJsonl<T>(path: string, label: string, check: (v: any, where: string) => T): T[] {
  const out: T[] = []
  const lines = readFileSync(path, 'utf8').split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim()
    if (line === '' || line.startsWith('#') || line.startsWith('//')) continue
    const where = `${label}:${i + 1}`
    let v: unknown
    try {
      v = JSON.parse(line)
    } catch (e) {
      throw new DictionaryError(`${where}: not valid JSON (${(e as Error).message})`)
    }
    out.push(check(v, where))
  }
  return out
}

const TYPES = new Set(['person', 'organization', 'country', 'place', 'group'])

/** CAMEO/Phoenix sector codes; the first one after the country is an actor's sector. */
const SECTORS = new Set(['GOV', 'MIL', 'REB', 'OPP', 'PTY', 'COP', 'JUD', 'SPY', 'MED', 'EDU', 'BUS', 'CRM', 'CVL', 'LEG', 'ELI', 'HLH', 'REF', 'MOD', 'RAD', 'AGR', 'LAB', 'ENV', 'HRI', 'UAF', 'DEV', 'REL', 'IGO', 'NGO', 'NGM', 'SET'])
const NON_STATE = new Set(['IGO', 'NGO', 'IMG', 'MNC', 'INT'])

/** Splits `IRNGOV` into country and sector; the first three letters are a country unless they are IGO, NGO... */
export function splitCode(code: string): { country: string | null; sector: string | null } {
  const parts: string[] = code.toUpperCase().match(/.{3}/g) ?? []
  if (parts.length === 0) return { country: null, sector: null }
  if (NON_STATE.has(parts[0])) return { country: null, sector: parts[0] === 'MNC' ? 'BUS' : parts[0] === 'INT' ? null : parts[0] }
  return { country: parts[0], sector: parts.slice(1).find((p) => SECTORS.has(p)) ?? null }
}

function checkActor(v: any, where: string): ActorEntry {
  if (!v || typeof v !== 'object' || typeof v.name !== 'string' || v.name.trim() === '') throw new DictionaryError(`${where}: an actor needs a "name"`)
  const type = v.type ?? 'person'
  if (!TYPES.has(type)) throw new DictionaryError(`${where}: "type" must be one of ${[...TYPES].join(', ')}`)
  const phrases: string[] = [v.name, ...(Array.isArray(v.aliases) ? v.aliases : []), ...(Array.isArray(v.phrases) ? v.phrases : [])].filter((p) => typeof p === 'string' && p.trim() !== '')
  let roles: Role[]
  if (Array.isArray(v.roles)) roles = v.roles
  else if (typeof v.code === 'string' || typeof v.country === 'string' || typeof v.sector === 'string') {
    const split = typeof v.code === 'string' ? splitCode(v.code) : { country: null, sector: null }
    const country = v.country ?? split.country
    const sector = v.sector ?? split.sector
    const role: Role = { code: v.code ?? `${country ?? ''}${sector ?? ''}`, country, sector }
    if (typeof v.from === 'string') role.from = v.from
    if (typeof v.to === 'string') role.to = v.to
    roles = [role]
  } else throw new DictionaryError(`${where}: an actor needs "code" (e.g. "IRNGOV"), "country"/"sector", or "roles"`)
  for (const r of roles) {
    if (!r || typeof r.code !== 'string') throw new DictionaryError(`${where}: every role needs a "code"`)
    for (const d of [r.from, r.to]) if (d !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new DictionaryError(`${where}: dates must be YYYY-MM-DD, got "${d}"`)
  }
  return { name: v.name, type, phrases, roles, origin: v.origin ?? where, ...(v.role === 'media' ? { role: 'media' as const } : {}) }
}

function checkAgent(v: any, where: string): AgentEntry {
  const phrases: string[] = typeof v?.phrase === 'string' ? [v.phrase] : Array.isArray(v?.phrases) ? v.phrases : []
  if (phrases.length === 0) throw new DictionaryError(`${where}: an agent needs "phrase" or "phrases"`)
  if (typeof v.sector !== 'string' || !/^[A-Z]{3}$/.test(v.sector)) throw new DictionaryError(`${where}: an agent needs a three-letter "sector" such as "GOV"`)
  return { phrases, sector: v.sector, origin: v.origin ?? where }
}

export function loadActorFile(path: string, label = path): ActorEntry[] {
  return readJsonl(path, label, checkActor)
}

export function loadAgentFile(path: string, label = path): AgentEntry[] {
  return readJsonl(path, label, checkAgent)
}

/**
 * The user's folder: `*actors*.jsonl` files hold actors, `*agents*.jsonl` files hold agents
 * (see dictionaries/README.md). Other files (verbs) belong to other stages and are skipped.
 */
export function loadUserDictionaries(dir: string): { actors: ActorEntry[]; agents: AgentEntry[] } {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new DictionaryError(`--dictionaries ${dir}: not a folder`)
  const actors: ActorEntry[] = []
  const agents: AgentEntry[] = []
  for (const f of readdirSync(dir).sort()) {
    if (!f.endsWith('.jsonl')) continue
    if (/actors/i.test(f)) actors.push(...loadActorFile(join(dir, f), join(dir, f)))
    else if (/agents/i.test(f)) agents.push(...loadAgentFile(join(dir, f), join(dir, f)))
  }
  return { actors, agents }
}

/** Builds the tries. Entries later in the list win over earlier ones for the very same phrase. */
export function compile(actors: ActorEntry[], agents: AgentEntry[]): CompiledDictionaries {
  const actorTrie = new TokenTrie()
  const agentTrie = new TokenTrie()
  const actorPhraseEntry: number[] = []
  const actorPhraseRule: CaseRule[] = []
  const agentPhraseEntry: number[] = []
  const surnames = new Map<string, Array<[number, string, number]>>()
  actors.forEach((e, i) => {
    for (const p of e.phrases) {
      let toks = phraseTokens(p)
      // "THE UNITED NATIONS": the article's own "the" stays outside the name
      if (toks.length > 1 && toks[0] === 'the') toks = toks.slice(1)
      if (toks.length === 0) continue
      if (e.type === 'person' && toks.length >= 2 && /^\p{L}[\p{L}'-]+$/u.test(toks[toks.length - 1])) {
        const list = surnames.get(toks[toks.length - 1]) ?? []
        if (!list.some(([x, f]) => x === i && f === toks[0])) list.push([i, toks[0], e.phrases.length])
        surnames.set(toks[toks.length - 1], list)
      }
      const id = actorPhraseEntry.length
      actorPhraseEntry.push(i)
      actorPhraseRule.push(caseRuleOf(p.replace(/^the\s+/i, ''), toks))
      actorTrie.add(toks, id)
    }
  })
  agents.forEach((e, i) => {
    for (const p of e.phrases) {
      // "THE POOR" keeps its article: without it "poor" would be an agent everywhere
      const toks = phraseTokens(p)
      if (toks.length === 0) continue
      const id = agentPhraseEntry.length
      agentPhraseEntry.push(i)
      agentTrie.add(toks, id)
    }
  })
  return { actors: new EntryTable(null, actors), agents, actorPhraseEntry, actorPhraseRule, agentPhraseEntry, actorTrie, agentTrie, surnames }
}

function shippedFiles(): string[] {
  return [...SHIPPED_ACTOR_FILES, ...SHIPPED_AGENT_FILES].map((f) => fromRoot(f)).filter((p) => existsSync(p))
}

function cacheKey(files: string[]): string {
  const h = createHash('sha1').update(String(CACHE_VERSION))
  for (const f of files) {
    const s = statSync(f)
    h.update(`${f}\0${s.size}\0${s.mtimeMs}\n`)
  }
  return h.digest('hex').slice(0, 16)
}

interface Serialized {
  actors: string[]
  agents: AgentEntry[]
  actorPhraseEntry: number[]
  actorPhraseRule: CaseRule[]
  agentPhraseEntry: number[]
  actorTrie: TrieData
  agentTrie: TrieData
  surnames: Map<string, Array<[number, string, number]>>
}

let shipped: CompiledDictionaries | undefined

/**
 * The shipped dictionaries, compiled once per process. The compiled form is kept in
 * `.cache/` (V8 serialization) keyed by the data files' sizes and times, so a fresh process
 * skips parsing and trie building.
 */
export function shippedDictionaries(): CompiledDictionaries {
  if (shipped) return shipped
  const files = shippedFiles()
  const cacheDir = fromRoot('.cache')
  const cachePath = join(cacheDir, `dictionaries-${cacheKey(files)}.v8`)
  if (existsSync(cachePath)) {
    try {
      const s = deserialize(readFileSync(cachePath)) as Serialized
      shipped = { ...s, actors: new EntryTable(s.actors, null), actorTrie: TokenTrie.from(s.actorTrie), agentTrie: TokenTrie.from(s.agentTrie) }
      return shipped
    } catch {
      // a damaged cache is rebuilt below
    }
  }
  const actors: ActorEntry[] = []
  const agents: AgentEntry[] = []
  for (const f of SHIPPED_ACTOR_FILES) if (existsSync(fromRoot(f))) actors.push(...loadActorFile(fromRoot(f), f))
  for (const f of SHIPPED_AGENT_FILES) if (existsSync(fromRoot(f))) agents.push(...loadAgentFile(fromRoot(f), f))
  shipped = compile(actors, agents)
  try {
    mkdirSync(cacheDir, { recursive: true })
    // phrases live on in the tries; the entries need only what a mention prints
    const slim = <T extends { phrases: string[] }>(e: T): T => ({ ...e, phrases: [] })
    const s: Serialized = { ...shipped, actors: shipped.actors.toJson(), agents: shipped.agents.map(slim), actorTrie: shipped.actorTrie.data(), agentTrie: shipped.agentTrie.data() }
    const tmp = `${cachePath}.${process.pid}.${threadId}.tmp`
    writeFileSync(tmp, serialize(s))
    renameSync(tmp, cachePath)
    // older compilations are dead weight once the data changed
    for (const f of readdirSync(cacheDir)) if (/^dictionaries-[0-9a-f]+\.v8$/.test(f) && join(cacheDir, f) !== cachePath) rmSync(join(cacheDir, f), { force: true })
  } catch {
    // a read-only install still works, it just compiles each time
  }
  return shipped
}

/**
 * The role an actor holds on `date` (YYYY-MM-DD): a dated role covering the date first, then an
 * undated one. Without a date, the open-ended role (the current one) or the undated default.
 * When only other periods' roles exist, the country is kept and the sector is unknown.
 */
export function resolveRole(roles: Role[], date: string | null | undefined): Role | null {
  if (roles.length === 0) return null
  const day = date ? date.slice(0, 10) : null
  if (day) {
    for (const r of roles) if ((r.from || r.to) && (!r.from || r.from <= day) && (!r.to || day <= r.to)) return r
    for (const r of roles) if (!r.from && !r.to) return r
  } else {
    for (const r of roles) if (r.from && !r.to) return r
    for (const r of roles) if (!r.from && !r.to) return r
  }
  const country = roles.find((r) => r.country)?.country ?? null
  return { code: country ?? roles[0].code.slice(0, 3), country, sector: null }
}
