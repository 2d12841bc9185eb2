import type { Removed } from '../core/types.js'

/**
 * Page furniture that survives in plain-text articles. Each rule names the reason printed in
 * `removed`. A rule sees one line (a paragraph) at a time.
 */
const LINE_RULES: { reason: string; test: (line: string) => boolean }[] = [
  // A teaser of another story: one line, cut off mid-sentence with an ellipsis.
  { reason: 'teaser', test: (l) => /(\u2026|\.\.\.)\s*$/.test(l) && !/[.!?]["”’]?\s*(\u2026|\.\.\.)\s*$/.test(l) },
  { reason: 'read-more', test: (l) => /^(read more|related|see also|more stories|recommended|also read|watch|listen)\b\s*[:|-]/i.test(l) },
  { reason: 'newsletter', test: (l) => /\b(sign up|subscribe)\b.{0,60}\b(newsletter|updates|daily|briefing)\b/i.test(l) && l.length < 200 },
  { reason: 'share', test: (l) => /^(share( this)?( article| story)?|follow us|click to share|share on)\b.{0,80}$/i.test(l) },
  { reason: 'cookie', test: (l) => /\b(we use cookies|cookie policy|accept (all )?cookies)\b/i.test(l) && l.length < 300 },
  { reason: 'photo-credit', test: (l) => /^(photo|image|picture|file photo|credit)s?\s*[:/]|\((photo|image)s?:?\s[^)]*\)$|\b(getty images|reuters\/|ap photo|afp via getty)\b/i.test(l) && l.length < 200 },
  { reason: 'byline', test: (l) => /^by\s+[A-Z][\w.'’-]+(\s+[A-Z][\w.'’-]+){0,3}(\s*(,|and)\s*[A-Z][\w.'’-]+(\s+[A-Z][\w.'’-]+){0,3})*\s*$/.test(l) },
  { reason: 'dateline', test: (l) => /^(published|updated|posted|last updated)\s*[:]?\s*\w+.{0,60}$/i.test(l) && /\d/.test(l) },
]

/** Drops page-furniture lines from plain text; the article keeps every other line as a paragraph. */
export function cleanText(raw: string): { text: string; removed: Removed[] } {
  const removed: Removed[] = []
  const kept: string[] = []
  for (const rawLine of raw.replace(/\r\n?/g, '\n').split('\n')) {
    const line = rawLine.trim()
    if (line === '') continue
    const rule = LINE_RULES.find((r) => r.test(line))
    if (rule) removed.push({ text: line, reason: rule.reason })
    else kept.push(line)
  }
  return { text: kept.join('\n'), removed }
}
