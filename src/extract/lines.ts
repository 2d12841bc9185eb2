/** Line-level rules for furniture that survives DOM cleaning: each names its reason. */
import type { Removed } from '../core/types.js'

const RULES: { reason: string; re: RegExp }[] = [
  { reason: 'dateline', re: /^(first )?(published|updated|posted|last updated|last modified|modified)\b.{0,60}\d.{0,40}$/i },
  { reason: 'caption', re: /^(image|media|photo|picture)\s*(copyright|caption|credit)\b|^\(?(image|photo|picture|credit|foto)( credit)?\s*:.{0,120}$|^image \d+ of \d+$|\((image|photo)( credit)?:[^)]*\)$|credit:\s*[^.]{0,60}$/i },
  { reason: 'advert', re: /^(advert|advertisement|anzeige|publicidad|publicité|sponsored|continue reading( below)?|skip to (main )?content|loading( content)?\s*\.*|this slideshow requires javascript\.?|media playback is unsupported on your device)$/i },
  { reason: 'read-more', re: /^(read more|related|see also|more|more from .{1,40}|more stories|recommended( for you)?|you (may|might) also like\.*|don'?t miss|also read|leggi anche|lees ook|lire aussi|weitere artikel|tags?|topics|comments?|post comment.*|about the author|share( this)?( article| story| post)?|source|highlights)\s*:?\s*(\(.{0,10}\))?$/i },
  { reason: 'read-more', re: /^(read more|related|see also|also read|read also|also|watch|listen|more)\s*[:|]\s*.{0,160}$/i },
  { reason: 'newsletter', re: /\b(sign up|subscribe|newsletter|inbox)\b.{0,80}\b(newsletter|updates|inbox|emails?|today|free)\b.{0,60}$|^subscribe$|^sign in$/i },
  { reason: 'share', re: /^(share|tweet|email|print|whatsapp|facebook|twitter|pinterest|linkedin|reddit|copy link)(\s*[|/·•]?\s*(share|tweet|email|print|whatsapp|facebook|twitter|pinterest|pint|linkedin|reddit|baixar|copy link))*$/i },
  { reason: 'follow', re: /^(follow (us|him|her|them)|click here|get the .{0,40} app|join our .{0,60})\b.{0,160}$/i },
  { reason: 'copyright', re: /^(copyright|©|\(c\))\s.{0,160}$|all rights reserved\.?$/i },
]

/** Lines that are only punctuation or a lone number ("6", "___", "|") are layout residue. */
const RESIDUE = /^[^\p{L}\p{N}]+$|^\d{1,3}$/u

export function cleanLines(lines: string[], removed: Removed[]): string[] {
  const out: string[] = []
  for (const line of lines) {
    if (RESIDUE.test(line)) {
      removed.push({ text: line, reason: 'layout' })
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
