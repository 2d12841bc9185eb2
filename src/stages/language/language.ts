import type { Doc, Stage } from '../../core/types.js'

/**
 * Language check of our own: newsgraph's dictionaries and patterns are English, so the point
 * is to warn when an article is not, not to identify every language on earth. Two signals:
 * the writing system (Cyrillic, Arabic, Han...) and the share of common function words of a
 * few Latin-script languages. No dependency: a 50-word list per language is enough for a
 * news article and costs microseconds.
 */

/** Characters read from the start of the article: enough words to decide, cheap on huge inputs. */
const SAMPLE_CHARS = 2000
/** Fewer words than this and any guess is noise; we say nothing. */
const MIN_WORDS = 8
/** Share of letters in one non-Latin script above which the text is in that script. */
const SCRIPT_SHARE = 0.4
/** English function words make up 35-50% of running news text; below this share it is not English. */
const MIN_ENGLISH_SHARE = 0.12
/** Another language's function words must beat English's share by this factor to be named. */
const OTHER_LANGUAGE_MARGIN = 1.5

const STOPWORDS: Record<string, string> = {
  en: 'the of and to a in is that for it was on with as by at from his he are be this have has had not but or an they which were their said who will would been its her she we than after about also more when there out into up one new over',
  es: 'el la de que y en los las del se por un una con para es al lo como más pero sus le ya o este ha porque esta entre cuando muy sin sobre también me hasta hay donde quien desde todo nos durante todos uno les ni contra otros ese eso fue',
  fr: 'le la les de des du et en un une est que qui dans pour pas sur au aux par avec ce cette il elle ne se plus sont ont été son sa ses mais ou leur nous vous je lui comme tout fait être',
  de: 'der die das und in den von zu mit sich des auf für ist im dem nicht ein eine als auch es an werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über einen so zum war haben nur oder aber vor zur bis',
  pt: 'o a os as de do da dos das e em no na nos nas um uma que para com por se não mais como foi ao pelo pela seu sua são também está ele ela entre quando muito já',
  it: 'il lo la i gli le di del della dei delle e che in un una per con non si è da al alla sono come ma anche più questo questa ha nel nella sul sulla',
  nl: 'de het een en van in is op te dat die voor met zijn niet aan er om ook als dan bij of uit maar nog wel door naar heeft hij ze wordt werd over',
  id: 'yang dan di ke dari ini itu dengan untuk tidak dalam akan pada juga oleh ada adalah sebagai karena kami mereka tersebut bahwa telah sudah',
  tr: 've bir bu da de için ile olarak çok daha gibi olan ama en sonra kadar değil ise mi ne var ya şu tarafından',
}

const LANGUAGE_NAMES: Record<string, string> = {
  en: 'English', es: 'Spanish', fr: 'French', de: 'German', pt: 'Portuguese', it: 'Italian', nl: 'Dutch', id: 'Indonesian', tr: 'Turkish',
  ru: 'Cyrillic-script (e.g. Russian, Ukrainian)', ar: 'Arabic-script (e.g. Arabic, Persian, Urdu)', zh: 'Chinese', ja: 'Japanese', ko: 'Korean',
  he: 'Hebrew', el: 'Greek', hi: 'Devanagari-script (e.g. Hindi)', th: 'Thai', ka: 'Georgian', hy: 'Armenian',
}

const SCRIPTS: [string, RegExp][] = [
  ['ru', /\p{Script=Cyrillic}/u],
  ['ar', /\p{Script=Arabic}/u],
  ['ja', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['zh', /\p{Script=Han}/u],
  ['ko', /\p{Script=Hangul}/u],
  ['he', /\p{Script=Hebrew}/u],
  ['el', /\p{Script=Greek}/u],
  ['hi', /\p{Script=Devanagari}/u],
  ['th', /\p{Script=Thai}/u],
  ['ka', /\p{Script=Georgian}/u],
  ['hy', /\p{Script=Armenian}/u],
]

/** Script of each non-Latin code point seen so far (null: none of SCRIPTS), so each distinct character is tested once. */
const SCRIPT_OF = new Map<number, string | null>()
function scriptOf(cp: number): string | null {
  let code = SCRIPT_OF.get(cp)
  if (code === undefined) {
    const ch = String.fromCodePoint(cp)
    code = null
    for (const [c, re] of SCRIPTS) if (re.test(ch)) { code = c; break }
    SCRIPT_OF.set(cp, code)
  }
  return code
}
const LETTER = /^\p{L}$/u
/** Whether a non-ASCII code point is a letter, remembered per code point. */
const LETTER_OF = new Map<number, boolean>()
function isLetter(cp: number): boolean {
  let yes = LETTER_OF.get(cp)
  if (yes === undefined) LETTER_OF.set(cp, (yes = LETTER.test(String.fromCodePoint(cp))))
  return yes
}

const CODES = Object.keys(STOPWORDS)

/**
 * The function words in an open-addressing table keyed by a hash of their char codes, so the word
 * loop below hashes each word as it scans it and compares codes only on a table hit: slicing every
 * word of the sample into a string for a Map lookup was most of this stage's cost.
 */
const TABLE_BITS = 12 // 4096 slots for ~400 words: probes are short and most non-function words hit an empty slot
const TABLE_MASK = (1 << TABLE_BITS) - 1
const STOP_WORDS: string[] = []
/** For each entry of STOP_WORDS, the indices (into CODES) of the languages it belongs to. */
const STOP_LANGS: number[][] = []
/** Slot -> 1 + index into STOP_WORDS, 0 when empty. */
const STOP_TABLE = new Int32Array(1 << TABLE_BITS)
/** Longest function word in code units: a longer word is not looked up. */
let MAX_STOP_LENGTH = 0

function wordHash(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193) // FNV-1a step, per code unit
}
const HASH_SEED = 0x811c9dc5 | 0

CODES.forEach((code, li) => {
  for (const w of STOPWORDS[code].split(' ')) {
    let k = STOP_WORDS.indexOf(w)
    if (k < 0) {
      k = STOP_WORDS.push(w) - 1
      STOP_LANGS.push([])
      let h = HASH_SEED
      for (let i = 0; i < w.length; i++) h = wordHash(h, w.charCodeAt(i))
      let slot = h & TABLE_MASK
      while (STOP_TABLE[slot] !== 0) slot = (slot + 1) & TABLE_MASK
      STOP_TABLE[slot] = k + 1
      MAX_STOP_LENGTH = Math.max(MAX_STOP_LENGTH, w.length)
    }
    STOP_LANGS[k].push(li)
  }
})

/** Index into STOP_WORDS of the word text[from, to) with hash h, or -1. */
function stopWordAt(text: string, from: number, to: number, h: number): number {
  const n = to - from
  for (let slot = h & TABLE_MASK; STOP_TABLE[slot] !== 0; slot = (slot + 1) & TABLE_MASK) {
    const k = STOP_TABLE[slot] - 1
    const w = STOP_WORDS[k]
    if (w.length !== n) continue
    let i = 0
    while (i < n && w.charCodeAt(i) === text.charCodeAt(from + i)) i++
    if (i === n) return k
  }
  return -1
}

export interface LanguageGuess {
  /** ISO 639-1 code, or 'und' when there is too little text to tell. */
  language: string
  name: string
  /** Share of words that are English function words (for explaining the decision). */
  englishShare: number
}

/** Counts the word lower[from, to) (hash h): a hit for each language it is a function word of. */
function countWord(lower: string, from: number, to: number, h: number, hits: number[]): void {
  if (to - from > MAX_STOP_LENGTH) return
  const k = stopWordAt(lower, from, to, h)
  if (k >= 0) for (const l of STOP_LANGS[k]) hits[l]++
}

/** Whether a code point of the lowercased text belongs to a word: letters and apostrophes. */
function isWordCodePoint(cp: number): boolean {
  if ((cp >= 97 && cp <= 122) || cp === 39 || cp === 0x2019 || (cp >= 65 && cp <= 90)) return true
  return cp >= 0x80 && isLetter(cp)
}

export function detectLanguage(text: string): LanguageGuess {
  const sample = text.slice(0, SAMPLE_CHARS)
  // Scripts are counted on the sample, words read from its lowercase, in one pass over both: this
  // loop sees the first 2000 characters of every article, and two passes cost twice one. Positions
  // in `lower` are the sample's shifted by one for each "İ" before them, the only character whose
  // lowercase is longer ("i" + U+0307); every other lowercase has the same UTF-16 length.
  const lower = sample.toLowerCase()
  let letters = 0
  const counts = new Map<string, number>()
  const hits = new Array<number>(CODES.length).fill(0)
  let nwords = 0
  let from = -1 // where in `lower` the word being read starts, -1 between words
  let h = HASH_SEED // hash of the word's code units so far
  let j = 0 // position in `lower` of sample[i]
  for (let i = 0; i < sample.length; i++, j++) {
    const c = sample.charCodeAt(i)
    if (c < 0x80) {
      // ASCII, nearly all of an English article: its lowercase is itself with A-Z moved to a-z.
      const lc = c >= 65 && c <= 90 ? c + 32 : c
      if (lc >= 97 && lc <= 122) letters++
      else if (lc !== 39) {
        if (from >= 0) { nwords++; countWord(lower, from, j, h, hits); from = -1 }
        continue
      }
      if (from < 0) { from = j; h = HASH_SEED }
      h = wordHash(h, lc)
      continue
    }
    // Beyond ASCII. Script: Latin-1 and Latin Extended letters are Latin; beyond them, which script?
    // Curly quotes and dashes land there in every English article.
    const cp = sample.codePointAt(i)!
    if (c >= 0xc0 && c <= 0x24f) letters++
    else if (c > 0x24f) {
      const code = scriptOf(cp)
      if (code !== null) { counts.set(code, (counts.get(code) ?? 0) + 1); letters++ }
    }
    // Words: the character's lowercase in `lower`, one code point (two for "İ"), may be in a word or end one.
    const end = j + (c === 0x130 ? 2 : cp > 0xffff ? 2 : 1)
    while (j < end) {
      const lcp = lower.codePointAt(j)!
      const width = lcp > 0xffff ? 2 : 1
      if (isWordCodePoint(lcp)) {
        if (from < 0) { from = j; h = HASH_SEED }
        h = wordHash(h, lower.charCodeAt(j))
        if (width === 2) h = wordHash(h, lower.charCodeAt(j + 1))
      } else if (from >= 0) { nwords++; countWord(lower, from, j, h, hits); from = -1 }
      j += width
    }
    j--
    if (cp > 0xffff) i++
  }
  if (from >= 0) { nwords++; countWord(lower, from, lower.length, h, hits) }
  // Japanese mixes Han with kana: kana anywhere decides it; Han counts toward it too.
  if (counts.has('ja') && counts.has('zh')) counts.set('ja', counts.get('ja')! + counts.get('zh')!)
  const englishShare = nwords ? hits[0] / nwords : 0
  for (const [code, n] of [...counts].sort((a, b) => b[1] - a[1])) {
    if (letters > 0 && n / letters >= SCRIPT_SHARE) return { language: code, name: LANGUAGE_NAMES[code], englishShare }
  }
  if (nwords < MIN_WORDS) return { language: 'und', name: 'undetermined', englishShare }
  let best = 'en'
  let bestShare = englishShare
  for (let i = 1; i < CODES.length; i++) {
    const share = hits[i] / nwords
    if (share > bestShare * OTHER_LANGUAGE_MARGIN) { best = CODES[i]; bestShare = share }
  }
  if (best === 'en' && englishShare < MIN_ENGLISH_SHARE) return { language: 'und', name: 'undetermined', englishShare }
  return { language: best, name: LANGUAGE_NAMES[best], englishShare }
}

/** Warns about non-English articles and fills `article.language` when the input did not say. */
export function createLanguage(): Stage {
  return {
    name: 'language',
    requires: ['article'],
    assigns: ['language'],
    run(doc: Doc) {
      const article = doc.article
      const guess = detectLanguage(article.text)
      const declared = article.language ? article.language.toLowerCase().split(/[-_]/)[0] : null
      if (!declared && guess.language !== 'und') article.language = guess.language
      const looksOther = guess.language !== 'en' && guess.language !== 'und'
      if (!looksOther && (!declared || declared === 'en')) return
      const said = looksOther
        ? `text looks ${guess.name} (${guess.language}; ${Math.round(guess.englishShare * 100)}% English function words)`
        : `declared language "${article.language}"`
      doc.report.push({
        stage: 'language',
        rule: 'not-english',
        severity: 'warning',
        message: `${said}, not English: newsgraph reads English only, so entities and events will be missing or wrong`,
      })
    },
  }
}
