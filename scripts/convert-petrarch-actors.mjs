#!/usr/bin/env node
// Dev-time converter: PETRARCH2 actor and agent dictionaries -> compact JSONL under dictionaries/.
// Never run at run time; the converted files are committed with their origin (file:line) per entry.
// Usage: node scripts/convert-petrarch-actors.mjs [SRC_DIR]
//   SRC_DIR defaults to /work/shared/data/petrarch2-dictionaries
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(join(root, 'package.json'))
const isoCountries = require('i18n-iso-countries')
const ISO3 = new Set(Object.keys(isoCountries.getAlpha3Codes()))

const src = process.argv[2] ?? '/work/shared/data/petrarch2-dictionaries'

// CAMEO country codes that are not the ISO 3166-1 alpha-3 code of the same country.
// Historic states keep their (withdrawn) ISO alpha-3 code; Kosovo takes the widely used XKX.
const CAMEO_TO_ISO = { SUN: 'SUN', TMP: 'TLS', KSV: 'XKX', USR: 'SUN', ROM: 'ROU', ZAR: 'COD', SRP: 'SRB', ANG: 'AGO', DDR: 'DDR', YUG: 'YUG', SCG: 'SCG', CSK: 'CSK' }
// Top levels that are not countries but are kept as the code's first part (and as the sector).
const NON_STATE_TOP = new Set(['IGO', 'NGO', 'IMG', 'MNC', 'INT', 'UIS'])
// CAMEO/Phoenix sector (agent) codes; the first one after the country is the actor's sector.
const SECTORS = new Set(['GOV', 'MIL', 'REB', 'OPP', 'PTY', 'COP', 'JUD', 'SPY', 'MED', 'EDU', 'BUS', 'CRM', 'CVL', 'LEG', 'ELI', 'HLH', 'REF', 'MOD', 'RAD', 'AGR', 'LAB', 'ENV', 'HRI', 'UAF', 'DEV', 'REL', 'IGO', 'NGO', 'NGM', 'SET', 'PPL'])
// Two-digit years in PETRARCH dates: below this pivot they are 20xx, else 19xx (files date from 2014).
const TWO_DIGIT_YEAR_PIVOT = 30

function isoOf(cameo) {
  if (CAMEO_TO_ISO[cameo]) return CAMEO_TO_ISO[cameo]
  return ISO3.has(cameo) ? cameo : null
}

/** Splits a CAMEO code into country (ISO), sector and the ISO-normalised code. */
export function splitCode(raw) {
  const code = raw.replace(/^~/, '')
  if (!/^[A-Z]{3}([A-Z]{3})*$/.test(code)) return null
  const parts = code.match(/.{3}/g)
  let country = null
  let sector = null
  let rest = parts
  const iso = isoOf(parts[0])
  if (iso) {
    country = iso
    rest = parts.slice(1)
  } else if (NON_STATE_TOP.has(parts[0])) {
    // e.g. MNCCANMED: a Canadian media company; IGOUNO: an IGO
    const inner = parts[1] ? isoOf(parts[1]) : null
    if (inner) country = inner
    sector = parts[0] === 'MNC' ? 'BUS' : parts[0] === 'INT' ? null : parts[0]
    rest = parts.slice(inner ? 2 : 1)
  } else {
    // a region (MEA, WAF...) or religion (MOS, CHR...) top level: no country
    rest = parts.slice(1)
  }
  for (const p of rest) if (SECTORS.has(p) && p !== 'ELI') { sector = p; break }
  if (!sector && rest.includes('ELI')) sector = 'ELI'
  const normalised = (country && iso ? country : parts[0]) + parts.slice(1).join('')
  return { code: normalised, country, sector }
}

function parseDate(s) {
  let y, m, d
  if (/^\d{8}$/.test(s)) [y, m, d] = [s.slice(0, 4), s.slice(4, 6), s.slice(6, 8)]
  else if (/^\d{6}$/.test(s)) {
    const yy = Number(s.slice(0, 2))
    y = String(yy < TWO_DIGIT_YEAR_PIVOT ? 2000 + yy : 1900 + yy)
    m = s.slice(2, 4)
    d = s.slice(4, 6)
  } else return undefined
  if (Number(m) < 1 || Number(m) > 12 || Number(d) < 1 || Number(d) > 31) return undefined
  return `${y}-${m}-${d}`
}

/** `[RUSGOV >080508]` -> {code:'RUSGOV', country:'RUS', sector:'GOV', from:'2008-05-08'}; null when unusable. */
function parseRole(inner, where, problems) {
  const [rawCode, ...rest] = inner.trim().split(/\s+/)
  const dates = rest.join('') // `> 140608` occurs with a stray space
  if (!rawCode || rawCode === '---') return null
  const split = splitCode(rawCode)
  if (!split) {
    problems.push(`${where}: unreadable code [${inner}]`)
    return null
  }
  const role = { ...split }
  if (dates) {
    let m
    let ok = false
    if ((m = /^>(\d+)$/.exec(dates))) ok = (role.from = parseDate(m[1])) !== undefined
    else if ((m = /^<(\d+)$/.exec(dates))) ok = (role.to = parseDate(m[1])) !== undefined
    else if ((m = /^(\d+)-(\d+)$/.exec(dates))) {
      role.from = parseDate(m[1])
      role.to = parseDate(m[2])
      ok = role.from !== undefined && role.to !== undefined
    }
    if (!ok) {
      problems.push(`${where}: unreadable date restriction [${inner}], role dropped`)
      return null
    }
  }
  return role
}

/** PETRARCH phrase -> words separated by single spaces, original case kept. */
function phraseOf(raw) {
  return raw.replace(/_/g, ' ').replace(/\s+/g, ' ').trim()
}

const ACRONYM_KEEP = /^(?:[A-Z]\.)+$|^[A-Z]{2,3}$/
const LOWER_WORDS = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'to', 'de', 'la', 'du', 'des', 'al', 'el', 'bin', 'ibn', 'von', 'van', 'der'])

/** VLADIMIR PUTIN -> Vladimir Putin; UN SECURITY COUNCIL -> UN Security Council. */
export function titleCase(phrase) {
  return phrase
    .split(' ')
    .map((w, i) => {
      if (ACRONYM_KEEP.test(w) && !LOWER_WORDS.has(w.toLowerCase())) return w
      const lw = w.toLowerCase()
      if (i > 0 && LOWER_WORDS.has(lw)) return lw
      return lw.replace(/(^|[-'(])(\p{L})/gu, (_, a, b) => a + b.toUpperCase())
    })
    .join(' ')
}

function readActors(file, problems) {
  const text = readFileSync(join(src, file), 'latin1')
  const lines = text.split(/\r?\n/)
  const entries = []
  let current = null // entry receiving synonyms
  let pending = [] // roots still waiting for their code block
  const flushRoles = (roles) => {
    for (const e of pending) e.roles.push(...roles)
    if (roles.length > 0) pending = []
  }
  for (let i = 0; i < lines.length; i++) {
    const where = `${file}:${i + 1}`
    const raw = lines[i]
    if (/^\s*#/.test(raw) || raw.trim() === '') continue
    const hash = raw.indexOf('#')
    const comment = hash >= 0 ? raw.slice(hash + 1).trim() : ''
    const body = (hash >= 0 ? raw.slice(0, hash) : raw).replace(/\s+$/, '')
    const roles = []
    // `[---]` marks a phrase PETRARCH knows and deliberately leaves uncoded (INDIAN_OCEAN)
    let uncoded = false
    for (const m of body.matchAll(/\[([^\]]*)\]/g)) {
      if (m[1].trim().startsWith('---')) uncoded = true
      const r = parseRole(m[1], where, problems)
      if (r) roles.push(r)
    }
    const words = body.replace(/\[[^\]]*\]/g, '').trim()
    if (/^\s/.test(raw) && words === '') {
      // an indented code line: roles of the pending group
      if (pending.length === 0 && current) pending = [current]
      flushRoles(roles)
      continue
    }
    if (words.startsWith('+')) {
      if (!current) {
        problems.push(`${where}: synonym before any entry`)
        continue
      }
      const p = phraseOf(words.slice(1))
      if (p) current.phrases.push(p)
      if (roles.length > 0) {
        pending = pending.includes(current) ? pending : [current, ...pending]
        flushRoles(roles)
      }
      continue
    }
    const p = phraseOf(words)
    if (!p) continue
    current = { phrase: p, phrases: [p], roles: [], origin: where, comment }
    entries.push(current)
    if (roles.length > 0) current.roles.push(...roles)
    else if (!uncoded) pending.push(current)
  }
  for (const e of pending) problems.push(`${e.origin}: entry "${e.phrase}" has no code, dropped`)
  return entries.filter((e) => e.roles.length > 0)
}

function typeOf(e, file) {
  // a country's own entry carries only country codes, some dated (UKRAINE: SUNUKR until 1991, then UKR)
  if (file.includes('Countries') && e.roles.every((r) => r.sector === null && r.code.length <= 6) && e.roles.some((r) => /^[A-Z]{3}$/.test(r.code) && r.country)) return 'country'
  const dated = e.roles.some((r) => r.from || r.to)
  const eli = e.roles.some((r) => r.sector === 'ELI')
  if (/CountryInfo|IGOrulers/i.test(e.comment) || dated || eli) return 'person'
  const only = e.roles.length === 1 ? e.roles[0] : null
  if (file.includes('Countries') && only && /^[A-Z]{3}$/.test(only.code)) return only.country ? 'country' : 'place'
  return 'organization'
}

// Same list as src/stages/places/gazetteer.ts: names news uses where i18n-iso-countries has only the official one.
const SHORT_COUNTRY_NAMES = { KOR: 'South Korea', VAT: 'Vatican City', FLK: 'Falkland Islands', VGB: 'British Virgin Islands', VIR: 'U.S. Virgin Islands', SYR: 'Syria', LAO: 'Laos', MDA: 'Moldova', FSM: 'Micronesia', VNM: 'Vietnam', BRN: 'Brunei', SUN: 'Soviet Union', YUG: 'Yugoslavia', DDR: 'East Germany', CSK: 'Czechoslovakia', SCG: 'Serbia and Montenegro', XKX: 'Kosovo' }

function nameOf(e, type) {
  if (type === 'country') {
    const c = e.roles.find((r) => /^[A-Z]{3}$/.test(r.code) && r.country).country
    if (SHORT_COUNTRY_NAMES[c]) return SHORT_COUNTRY_NAMES[c]
    // the short alias ("Iran", "Russia") unless it is an acronym ("UK", "USA")
    const alias = isoCountries.getName(c, 'en', { select: 'alias' })
    const n = alias && alias !== alias.toUpperCase() ? alias : isoCountries.getName(c, 'en')
    if (n) return n
  }
  const phrase = e.phrase.replace(/^THE\s+(?=\S)/i, '')
  // people's names have no acronyms: "JOE BIDEN" is Joe Biden, not JOE Biden
  return type === 'person' ? titleCase(phrase.toLowerCase()).replace(/(^| )(?:Al|El)-/g, (m) => m.toLowerCase()).replace(/^al-/, 'Al-') : titleCase(phrase)
}

// Given names, learned from the people the dictionaries list (their first word), so that an
// undated "BASHAR AL-ASSAD [SYRGOV]" is typed a person and the stage can tell "Geir Pedersen"
// from "Truth Social". A name must open at least this many people's entries to count.
const MIN_FIRST_NAME_PEOPLE = 2
const NOT_FIRST_NAMES = new Set(['president', 'prime', 'king', 'queen', 'prince', 'princess', 'sheikh', 'sheik', 'general', 'gen', 'the', 'al', 'el', 'de', 'sir', 'lord', 'dr', 'mr', 'mrs', 'ms', 'emir', 'sultan', 'former', 'chief', 'minister', 'foreign', 'defense', 'secretary', 'senator', 'governor', 'ayatollah', 'imam', 'pope', 'cardinal', 'bishop', 'archbishop', 'rev', 'colonel', 'col', 'maj', 'major', 'captain', 'lt', 'admiral', 'marshal', 'crown', 'vice', 'deputy', 'speaker', 'chairman', 'mayor', 'judge', 'justice', 'un', 'u.n.', 'us', 'u.s.', 'new', 'north', 'south', 'east', 'west', 'saint', 'st', 'san', 'santa', 'abu', 'bin', 'ibn'])
const firstNameCounts = new Map()
function learnFirstNames(entries, file) {
  for (const e of entries) {
    if (typeOf(e, file) !== 'person') continue
    const words = e.phrase.toLowerCase().split(' ')
    if (words.length < 2) continue
    const w = words[0].replace(/\.$/, '')
    if (w.length < 3 || NOT_FIRST_NAMES.has(w) || !/^[a-z'-]+$/.test(w)) continue
    firstNameCounts.set(w, (firstNameCounts.get(w) ?? 0) + 1)
  }
}
function firstNames() {
  return new Set([...firstNameCounts].filter(([, n]) => n >= MIN_FIRST_NAME_PEOPLE).map(([w]) => w))
}

function convertActors(file, outName, problems, given) {
  const entries = readActors(file, problems)
  const out = []
  for (const e of entries) {
    let type = typeOf(e, file)
    const words = e.phrase.toLowerCase().split(' ')
    if (type === 'organization' && words.length >= 2 && words.length <= 4 && given.has(words[0]) && !ORG_WORDS.test(e.phrase)) type = 'person'
    // one-word synonyms that are ordinary English words would fire on every capitalized use
    const phrases = [...new Set(e.phrases)].filter((p) => !COMMON_WORD_SYNONYMS.has(p.toLowerCase()))
    if (phrases.length === 0) continue
    out.push(JSON.stringify({ name: nameOf(e, type), type, phrases, roles: e.roles, origin: e.origin }))
  }
  mkdirSync(join(root, 'dictionaries/actors'), { recursive: true })
  writeFileSync(join(root, 'dictionaries/actors', outName), out.join('\n') + '\n')
  return out.length
}

function expandSubs(phrase, subs) {
  const m = /!([A-Z]+)!/.exec(phrase)
  if (!m) return [phrase]
  const alts = subs.get(m[1])
  if (!alts) return [phrase.replace(m[0], m[1])]
  return alts.flatMap((a) => expandSubs(phrase.replace(m[0], a), subs))
}

function plural(phrase) {
  const words = phrase.split(' ')
  const last = words[words.length - 1]
  let p
  if (/[^aeiou]y$/i.test(last)) p = last.slice(0, -1) + 'IES'
  else if (/(s|x|z|ch|sh)$/i.test(last)) p = last + 'ES'
  else p = last + 'S'
  return [...words.slice(0, -1), p].join(' ')
}

function convertAgents(problems) {
  const file = 'Phoenix.agents.txt'
  const lines = readFileSync(join(src, file), 'latin1').split(/\r?\n/)
  const subs = new Map()
  const out = []
  for (let i = 0; i < lines.length; i++) {
    const where = `${file}:${i + 1}`
    const raw = lines[i]
    if (/^\s*#/.test(raw) || raw.trim() === '') continue
    const body = raw.replace(/#.*$/, '').trim()
    let m
    if ((m = /^!([A-Z]+)!\s*=\s*(.*)$/.exec(body))) {
      subs.set(m[1], m[2].split(',').map((s) => s.trim()).filter(Boolean))
      continue
    }
    const codeM = /\[([^\]]*)\]/.exec(body)
    if (!codeM) {
      problems.push(`${where}: agent without code, dropped`)
      continue
    }
    const code = codeM[1].trim()
    // `~GOV` is a sector; `IGO~` marks an agent that is itself an international actor
    const sector = code.startsWith('~') ? code.slice(1, 4) : code.replace('~', '').slice(0, 3)
    if (!/^[A-Z]{3}$/.test(sector)) {
      problems.push(`${where}: unreadable agent code [${code}], dropped`)
      continue
    }
    const pluralM = /\{([^}]*)\}/.exec(body)
    const head = phraseOf(body.slice(0, Math.min(codeM.index, pluralM ? pluralM.index : Infinity)))
    if (!head) continue
    const phrases = new Set()
    for (const p of expandSubs(head, subs)) {
      phrases.add(phraseOf(p))
      if (!pluralM && !/!/.test(head)) phrases.add(plural(phraseOf(p)))
    }
    if (pluralM) for (const p of pluralM[1].split(',').map((s) => phraseOf(s))) if (p) for (const q of expandSubs(p, subs)) phrases.add(phraseOf(q))
    out.push(JSON.stringify({ phrases: [...phrases], sector, code, origin: where }))
  }
  mkdirSync(join(root, 'dictionaries/agents'), { recursive: true })
  writeFileSync(join(root, 'dictionaries/agents/phoenix.agents.jsonl'), out.join('\n') + '\n')
  return out.length
}

const ORG_WORDS = /\b(ARMY|FORCES?|PARTY|FRONT|MOVEMENT|COUNCIL|MINISTRY|BANK|UNION|COMMITTEE|COMMISSION|ORGANI[SZ]ATION|ASSOCIATION|AGENCY|GROUP|BRIGADES?|COURT|UNIVERSITY|INSTITUTE|CORPS|GUARD|POLICE|LEAGUE|FOUNDATION|FUND|COMPANY|CORPORATION|NEWS|TIMES|RADIO|TELEVISION)\b/
// Found by matching the one-word phrases against lower-case words of the VOA sample corpus.
const COMMON_WORD_SYNONYMS = new Set(['organization', 'youth', 'champagne', 'home', 'state', 'government', 'republic', 'capital', 'national', 'people'])
const problems = []
for (const f of ['Phoenix.Countries.actors.txt', 'Phoenix.International.actors.txt']) learnFirstNames(readActors(f, []), f)
const given = firstNames()
writeFileSync(join(root, 'dictionaries/actors/first-names.txt'), '# Given names: first words of the people in the PETRARCH2 Phoenix actor files (MIT, see LICENSE.petrarch2), used by at least ' + MIN_FIRST_NAME_PEOPLE + ' entries.\n' + [...given].sort().join('\n') + '\n')
const counts = {
  countries: convertActors('Phoenix.Countries.actors.txt', 'phoenix.countries.jsonl', problems, given),
  international: convertActors('Phoenix.International.actors.txt', 'phoenix.international.jsonl', problems, given),
  milnonstate: convertActors('Phoenix.MilNonState.actors.txt', 'phoenix.milnonstate.jsonl', problems, given),
  firstNames: given.size,
  agents: convertAgents(problems),
}
for (const dir of ['actors', 'agents']) copyFileSync(join(src, 'LICENSE'), join(root, 'dictionaries', dir, 'LICENSE.petrarch2'))
writeFileSync(join(root, 'dictionaries/actors/conversion-problems.txt'), problems.join('\n') + '\n')
console.log(JSON.stringify(counts), `${problems.length} problems (dictionaries/actors/conversion-problems.txt)`)
