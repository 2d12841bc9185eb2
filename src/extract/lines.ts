/** Line-level rules for furniture that survives DOM cleaning: each names its reason. */
import type { Removed } from '../core/types.js'

const RULES: { reason: string; re: RegExp }[] = [
  { reason: 'dateline', re: /^(first )?(published|updated|posted|last updated|last modified|modified)\b.{0,60}\d.{0,40}$/i },
  { reason: 'caption', re: /^(image|media|photo|picture)\s*(copyright|caption|credit)\b|^\(?(image|photo|picture|credit|foto)( credit)?\s*:.{0,120}$|^image \d+ of \d+$|\((image|photo)( credit)?:[^)]*\)$/i },
  // A photo credit glued to the end of a caption ("...in MayCredit: The Siberian Times"); case matters, "a line of credit: $5m" is prose.
  { reason: 'caption', re: /Credit:\s*[^.]{0,60}$/ },
  { reason: 'advert', re: /^(advert|advertisement|anzeige|publicidad|publicité|sponsored|continue reading( below)?|skip to (main )?content|loading( content)?\s*\.*|this slideshow requires javascript\.?|media playback is unsupported on your device)$/i },
  { reason: 'read-more', re: /^(read more|related|see also|more|more from .{1,40}|more stories|recommended( for you)?|you (may|might) also like\.*|don'?t miss|also read|leggi anche|lees ook|lire aussi|weitere artikel|tags?|topics|comments?|post comment.*|about the author|share( this)?( article| story| post)?|source|highlights)\s*:?\s*(\(.{0,10}\))?$/i },
  { reason: 'read-more', re: /^(read more|related|see also|also read|read also|also|watch|listen|more)\s*[:|]\s*.{0,160}$/i },
  { reason: 'newsletter', re: /^(?=.{0,200}$).*\b(sign up|subscribe|newsletter|inbox)\b.{0,80}\b(newsletter|updates|inbox|emails?|today|free)\b.{0,60}$|^subscribe$|^sign in$/i },
  { reason: 'share', re: /^(share|tweet|email|print|whatsapp|facebook|twitter|pinterest|linkedin|reddit|copy link)(\s*[|/·•]?\s*(share|tweet|email|print|whatsapp|facebook|twitter|pinterest|pint|linkedin|reddit|baixar|copy link))*$/i },
  { reason: 'follow', re: /^(follow (us|him|her|them)|click here|get the .{0,40} app|join our .{0,60})\b.{0,160}$/i },
  { reason: 'credits', re: /^(?:(?:[Aa]dditional )?[Rr]eporting|[Ww]riting|[Ee]diting|[Cc]ompiled|[Cc]ontributing|[Cc]ontributors?)(?: by|:)\s+\p{Lu}.{0,250}$/u },
  { reason: 'newsletter', re: /^(?=.{0,160}$)(subscribe|sign up|get|want|join|click|register)\b.*\b(newsletters?|inbox|subscribe|sign up|email)\b/i },
  { reason: 'contact', re: /^(have a (news )?tip\b|.{0,60}\b(can|may) be (reached|contacted) at\b).{0,200}$/i },
  { reason: 'copyright', re: /^(copyright|©|\(c\))\s.{0,160}$|all rights reserved\.?$/i },
]

/** Month and weekday names and date filler words in the languages news comes in most; what is left of a date line once they go is nothing. */
const DATE_WORDS = new RegExp('(?<!\\p{L})(' + [
  'jan(uary)?', 'feb(ruary)?', 'mar(ch)?', 'apr(il)?', 'may', 'june?', 'july?', 'aug(ust)?', 'sep(t|tember)?', 'oct(ober)?', 'nov(ember)?', 'dec(ember)?',
  'mon(day)?', 'tue(s|sday)?', 'wed(nesday)?', 'thu(rs|rsday)?', 'fri(day)?', 'sat(urday)?', 'sun(day)?', 'am', 'pm', 'gmt', 'utc', '[ecmp][sd]t', 'at', 'on', 'of', 'the',
  'janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro', 'segunda|terça|quarta|quinta|sexta', 'feira', 'sábado', 'domingo', 'de', 'às', 'del?', 'el',
  'enero', 'febrero', 'marzo', 'mayo', 'junio', 'julio', 'septiembre', 'octubre', 'noviembre', 'diciembre',
  'gen', 'ago', 'set', 'ott', 'dic', 'gennaio', 'febbraio', 'aprile', 'maggio', 'giugno', 'luglio', 'settembre', 'ottobre', 'dicembre',
  'janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre', 'le', 'à',
  'januar', 'februar', 'märz', 'juni', 'juli', 'oktober', 'dezember', 'um', 'uhr', 'am',
].join('|') + ')(?!\\p{L})\\.?', 'giu')
/** A date/time line is short; a longer line with a date in it is a sentence. */
const DATE_LINE_MAX_CHARS = 60

/** A line that is only a date or time ("September 10, 2018 |", "sexta-feira, 22 de outubro de 2010 às 20:13"). */
export function isDateLine(line: string): boolean {
  if (line.length > DATE_LINE_MAX_CHARS || !/\d/.test(line)) return false
  if (!/\b(1[89]|20)\d\d\b|\d{1,2}:\d{2}/.test(line)) return false
  return line.replace(DATE_WORDS, ' ').replace(/[^\p{L}]+/gu, '').length === 0
}

/** Lines that are only punctuation or a lone number ("6", "___", "|") are layout residue. */
const RESIDUE = /^[^\p{L}\p{N}]+$|^\d{1,3}$/u

export function cleanLines(lines: string[], removed: Removed[]): string[] {
  const out: string[] = []
  for (const line of lines) {
    if (RESIDUE.test(line)) {
      removed.push({ text: line, reason: 'layout' })
      continue
    }
    if (isDateLine(line)) {
      removed.push({ text: line, reason: 'dateline' })
      continue
    }
    const rule = RULES.find((r) => r.re.test(line))
    if (rule) {
      removed.push({ text: line, reason: rule.reason })
      continue
    }
    out.push(line)
  }
  return out
}
