import type { Mention } from '../core/types.js'
import type { Role } from '../dictionaries/actors.js'

/** A lone capitalized word no dictionary knew ("Kani"): resolved here against the article's people. */
export interface PendingName {
  sentence: number
  start: number
  end: number
  text: string
  norm: string
}

export interface CorefInput {
  text: string
  /** Sorted by start; completed in place, and resolved pending names are added. */
  mentions: Mention[]
  pending: PendingName[]
  /** Title of a person mention ("IRN|deputy foreign minister"), for unnamed mentions of the same title. */
  titleKeys: Map<Mention, string>
  /** People known from earlier articles, for surnames this article never spells out. */
  knownPeople: Array<{ name: string; phrases: string[]; role: Role | null }>
}

/** Words that open a definite description of an organization named earlier ("the council"). */
export const DEFINITE_HEADS = new Set(['council', 'ministry', 'agency', 'court', 'parliament', 'committee', 'commission', 'assembly', 'government', 'group', 'movement', 'organization', 'alliance', 'union', 'bank', 'company'])

/** Is this UTF-16 code unit one the regular expression \s matches? */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c >= 0xa0 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff))
}

/** Index of the last \s character of s, -1 if none. With it `s.split(/\s+/).pop()` is `s.slice(lastSpace(s) + 1)`, without an array per mention. */
export function lastSpace(s: string): number {
  let i = s.length - 1
  while (i >= 0 && !isSpace(s.charCodeAt(i))) i--
  return i
}

/** Index of the first \s character of s, -1 if none. */
function firstSpace(s: string): number {
  for (let i = 0; i < s.length; i++) if (isSpace(s.charCodeAt(i))) return i
  return -1
}

/** The last word of a name of several words, lower-cased: `name.trim().split(/\s+/)` then its last part. */
function surname(name: string): string | null {
  const t = name.trim()
  const i = lastSpace(t)
  return i >= 0 ? t.slice(i + 1).toLowerCase() : null
}

/**
 * Within-article coreference:
 * - a lone surname ("Kani", "Bogdanov") takes the full name, country and sector of the person
 *   of the article (or of the known people) whose name ends with it;
 * - an unnamed title ("Iran's deputy foreign minister") takes the name of the person given the
 *   same title elsewhere in the article;
 * - a person named without affiliation takes one given to the same name elsewhere;
 * - "the council" takes the organization named earlier whose name ends with "council".
 */
export function resolveCoreference(input: CorefInput): void {
  const { mentions, pending, titleKeys, knownPeople, text } = input
  const people = mentions.filter((m) => m.type === 'person' && m.name)
  // the most informative mention of each person (one with a country) speaks for all of them
  const byName = new Map<string, Mention>()
  for (const m of people) {
    const prev = byName.get(m.name!)
    if (!prev || (!prev.country && m.country) || (!prev.sector && m.sector && prev.country === m.country)) byName.set(m.name!, m)
  }
  for (const m of people) {
    const best = byName.get(m.name!)!
    if (best !== m && !m.country && best.country) {
      m.country = best.country
      m.sector = best.sector
      m.code = best.code
    }
  }
  const bySurname = new Map<string, Mention | null>()
  for (const m of byName.values()) {
    const s = surname(m.name!)
    if (!s) continue
    const prev = bySurname.get(s)
    bySurname.set(s, prev === undefined || prev?.name === m.name ? m : null) // two people share it: ambiguous
  }
  // "Al-Sharaa" (a run of its own) after "Ahmed al-Sharaa": the longer name's last word
  for (const m of people) {
    if (m.country || !m.origin.startsWith('propn:') || /\s/.test(m.name!)) continue
    const ref = bySurname.get(m.name!.toLowerCase())
    if (ref && ref.name !== m.name) {
      m.name = ref.name
      m.country = ref.country
      m.sector = ref.sector
      m.code = ref.code
      m.origin += ';coref:surname'
    }
  }
  // "Masih" after "Masih Alinejad": a given name used alone, when one person of the article has it
  const byGiven = new Map<string, Mention | null>()
  for (const m of byName.values()) {
    const t = m.name!.trim()
    const sp = firstSpace(t)
    if (sp < 0) continue
    const g = t.slice(0, sp).toLowerCase()
    const prev = byGiven.get(g)
    byGiven.set(g, prev === undefined || prev?.name === m.name ? m : null)
  }
  // known people by surname and by one-word alias, built once: the list can hold thousands
  const knownBy = new Map<string, CorefInput['knownPeople'][number]>()
  for (const kp of knownPeople) {
    const sn = surname(kp.name)
    if (sn && !knownBy.has(sn)) knownBy.set(sn, kp)
    for (const ph of kp.phrases) if (!/\s/.test(ph.trim()) && !knownBy.has(ph.toLowerCase())) knownBy.set(ph.toLowerCase(), kp)
  }
  const added: Mention[] = []
  for (const p of pending) {
    let ref = bySurname.get(p.norm) ?? (bySurname.has(p.norm) ? null : byGiven.get(p.norm))
    if (ref) {
      added.push({ text: p.text, start: p.start, end: p.end, sentence: p.sentence, name: ref.name, type: 'person', country: ref.country, sector: ref.sector, code: ref.code, origin: 'coref:surname', acts: true, role: 'actor' })
      continue
    }
    const k = knownBy.get(p.norm)
    if (k) {
      const r = k.role
      added.push({ text: p.text, start: p.start, end: p.end, sentence: p.sentence, name: k.name, type: 'person', country: r?.country ?? null, sector: r?.sector ?? null, code: r?.code ?? null, origin: 'coref:known', acts: true, role: 'actor' })
    }
  }
  // titles: "Iran's deputy foreign minister" before or after "…, Ali Bagheri Kani"
  const nameOfTitle = new Map<string, string | null>()
  for (const [m, key] of titleKeys) {
    if (!m.name) continue
    const prev = nameOfTitle.get(key)
    nameOfTitle.set(key, prev === undefined || prev === m.name ? m.name : null)
  }
  for (const [m, key] of titleKeys) {
    if (m.name) continue
    const n = nameOfTitle.get(key)
    if (n) {
      m.name = n
      m.origin += ';coref:title'
    }
  }
  // "the council" after "UN Security Council"
  // mentions are in text order: the last organization seen for each head word is the referent
  const lastOrgByHead = new Map<string, Mention>()
  for (const m of mentions) {
    if (m.type === 'organization' && m.name && m.origin !== 'definite') {
      const w = m.name.toLowerCase()
      lastOrgByHead.set(w.slice(lastSpace(w) + 1), m)
    }
    if (m.name || m.type !== 'organization' && m.type !== 'group') continue
    const lower = m.text.toLowerCase()
    const head = lower.slice(lastSpace(lower) + 1)
    if (!DEFINITE_HEADS.has(head)) continue
    const before = text.slice(Math.max(0, m.start - 4), m.start).toLowerCase()
    if (!before.endsWith('the ')) continue
    const ref = lastOrgByHead.get(head)
    if (ref) {
      m.name = ref.name
      m.acts = true
      m.type = 'organization'
      m.country = ref.country
      m.sector = ref.sector
      m.code = ref.code
      m.origin += ';coref:definite'
    }
  }
  // a definite description nothing named earlier ("the council" with no council before) says nothing
  const vague = mentions.filter((m) => m.origin === 'definite' && !m.name)
  if (vague.length > 0) {
    const kept = mentions.filter((m) => !(m.origin === 'definite' && !m.name))
    mentions.length = 0
    mentions.push(...kept)
  }
  if (added.length > 0) {
    mentions.push(...added)
    mentions.sort((x, y) => x.start - y.start || y.end - x.end)
  }
}
