import type { Removed } from '../core/types.js'

/**
 * Page furniture that survives in plain-text articles (copied from a page, scraped, exported).
 * Each rule names the reason printed in `removed`. A rule sees one line (a paragraph) at a time.
 * Every rule is bounded in length: furniture is short, and a long line is an article paragraph
 * whatever words it contains (a whole article on one line must never be dropped).
 */

/** Teasers are a headline-sized lead cut off mid-sentence; longer lines ending in "…" are real paragraphs or quotes. */
const MAX_TEASER_CHARS = 260
/** Prompts, credits and share bars fit on a short line. */
const MAX_PROMPT_CHARS = 200
/** A byline names at most a handful of people and an outlet. */
const MAX_BYLINE_CHARS = 120

/** A teaser's ellipsis is glued to a cut-off word ("by a…"); "I know our president ..." with a space is speech trailing off. */
const ELLIPSIS_END = /[\p{L}\p{N},]\s?(\u2026|\.\.\.)$/u
/** Teasers are headline-sized; a short trailing-off line is more likely a quote fragment. */
const MIN_TEASER_WORDS = 7
/** Ends like "…" after a complete sentence ("He left. …") are a quoted cut, not a teaser. */
const SENTENCE_THEN_ELLIPSIS = /[.!?]["”’]?\s*(\u2026|\.\.\.)\s*$/

const LINE_RULES: { reason: string; max: number; test: (line: string) => boolean }[] = [
  // A teaser of another story: one line, cut off mid-sentence with an ellipsis.
  { reason: 'teaser', max: MAX_TEASER_CHARS, test: (l) => ELLIPSIS_END.test(l) && !/\s(\u2026|\.\.\.)$/.test(l) && !SENTENCE_THEN_ELLIPSIS.test(l) && !/^["“‘'(]/.test(l) && l.split(/\s+/).length >= MIN_TEASER_WORDS },
  { reason: 'read-more', max: MAX_PROMPT_CHARS, test: (l) => /^(read more|read also|also read|related( stories| articles| coverage)?|see also|more stories|more on this|recommended|watch|listen|more)\s*[:|>»-]/i.test(l) },
  { reason: 'read-more', max: MAX_PROMPT_CHARS, test: (l) => /^(read more|related stories|more stories|recommended( for you)?|you (may|might) also like|don'?t miss|continue reading|read the full (story|article))\W*$/i.test(l) },
  { reason: 'newsletter', max: MAX_PROMPT_CHARS, test: (l) => /(^(sign up|subscribe|register|get)|\b(sign up|subscribe|register) (for|to) our)\b.{0,60}\b(newsletter|updates|daily|briefing|inbox|emails?)\b/i.test(l) || /^(subscribe|sign up|sign in|log in|register)( now| here| today)?\W*$/i.test(l) },
  { reason: 'share', max: MAX_PROMPT_CHARS, test: (l) => /^(share( this)?( article| story| post)?|follow us|follow (him|her|them) on|click to share|share on|tweet|email|print|copy link)\b(\s*[:|/·•-]?\s*(share|facebook|twitter|x|whatsapp|linkedin|email|print|reddit|telegram|copy link|on \w+))*\W*$/i.test(l) || /^(follow us|like us|join us) on\b/i.test(l) },
  { reason: 'cookie', max: MAX_PROMPT_CHARS * 1.5, test: (l) => /\b(we use cookies|this (web)?site uses cookies|cookie (policy|settings|preferences)|accept (all )?cookies)\b/i.test(l) },
  { reason: 'advert', max: 60, test: (l) => /^(advertisement|advert|sponsored( content)?|story continues below( advertisement)?|skip (to main content|advertisement))$/i.test(l) },
  { reason: 'photo-credit', max: MAX_PROMPT_CHARS, test: (l) => /^(photos?|images?|pictures?|file photo|credits?|photo credit|image credit|caption)\s*[:/]|^\(?(ap|afp|reuters|getty images|epa)( photo)?\)?$|\((photos?|images?|file)( credit)?:?\s[^)]*\)$|\b(getty images|reuters\/[A-Z]|ap photo\/|afp via getty)\b/i.test(l) },
  { reason: 'byline', max: MAX_BYLINE_CHARS, test: (l) => /^[Bb]y\s+\p{Lu}[\p{L}.'’-]+(\s+\p{Lu}[\p{L}.'’-]+){0,3}(\s*(,|and|&)\s*\p{Lu}[\p{L}.'’-]+(\s+\p{Lu}[\p{L}.'’-]+){0,3})*(\s*[,|/–—-]\s*[\p{L} .]{2,40})?\s*$/u.test(l) },
  { reason: 'byline', max: MAX_BYLINE_CHARS, test: (l) => /^(reporting by|writing by|editing by|additional reporting by|compiled by)\b/i.test(l) },
  { reason: 'dateline', max: MAX_PROMPT_CHARS, test: (l) => /^(first )?(published|updated|posted|last updated|last modified)\s*(on|at)?\s*:?\s*\w+.{0,60}$/i.test(l) && /\d/.test(l) },
  { reason: 'copyright', max: MAX_PROMPT_CHARS, test: (l) => /^(copyright|©|\(c\))\s|\ball rights reserved\.?$/i.test(l) },
]

/**
 * A dateline opening the first paragraph: "MOSCOW —", "ISLAMABAD/PENTAGON —",
 * "MARANCHON, SPAIN —", "GAZA CITY (Reuters) -". Only the prefix goes; the paragraph stays.
 * The place must be in capitals so that an ordinary opening ("U.S. officials — ...") never matches.
 */
const DATELINE_PREFIX =
  /^((?:\p{Lu}[\p{Lu}.'’-]*(?: \p{Lu}[\p{Lu}.'’-]*){0,3})(?:\/\p{Lu}[\p{Lu}.'’ -]*)*(?:, \p{Lu}[\p{L}.'’ ]{1,30})?(?: \((?:AP|AFP|Reuters|VOA|dpa|Xinhua|TASS|Tass|UPI|Bloomberg|CNN|[A-Z]{2,8})\))?)\s*[—–-]{1,2}\s+(?=\S)/u
/** The capital letters that make a dateline place ("BLANTYRE"); at least this many so that "US —" or "I —" is not one. */
const MIN_DATELINE_CAPS = 3

function datelinePrefix(line: string): string | null {
  const m = DATELINE_PREFIX.exec(line)
  if (!m) return null
  const place = m[1].split(/[,(]/)[0]
  if ((place.match(/\p{Lu}/gu) ?? []).length < MIN_DATELINE_CAPS || /\p{Ll}/u.test(place)) return null
  return m[0]
}

/** Drops page-furniture lines from plain text; the article keeps every other line as a paragraph. */
export function cleanText(raw: string): { text: string; removed: Removed[] } {
  const removed: Removed[] = []
  const kept: string[] = []
  for (const rawLine of raw.replace(/\r\n?/g, '\n').split('\n')) {
    let line = rawLine.trim()
    if (line === '') continue
    const rule = LINE_RULES.find((r) => line.length <= r.max && r.test(line))
    if (rule) {
      removed.push({ text: line, reason: rule.reason })
      continue
    }
    if (kept.length === 0) {
      const prefix = datelinePrefix(line)
      if (prefix) {
        removed.push({ text: prefix.trim(), reason: 'dateline' })
        line = line.slice(prefix.length)
      }
    }
    kept.push(line)
  }
  return { text: kept.join('\n'), removed }
}
