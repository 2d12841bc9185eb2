// Phrases and text tokens meet in one normal form so that a dictionary phrase is matched
// token by token against what wink-nlp produced.

/** Lower case, curly apostrophes straightened: the key a token is looked up under. */
export function normToken(s: string): string {
  return s.toLowerCase().replace(/[’‘`]/g, "'")
}

/**
 * Splits a dictionary phrase the way wink-nlp splits running text: on spaces, with hyphens,
 * parentheses, commas and a possessive 's as tokens of their own.
 */
export function phraseTokens(phrase: string): string[] {
  const out: string[] = []
  for (const word of normToken(phrase).split(/[\s_]+/)) {
    if (!word) continue
    for (const part of word.split(/([-(),/])/)) {
      if (!part) continue
      const m = /^(.+?)('s|')$/.exec(part)
      if (m && m[1].length > 1) out.push(m[1], m[2])
      else out.push(part)
    }
  }
  return out
}

/** Words that stay lower case inside a proper name ("Ministry of Foreign Affairs"). */
export const NAME_FUNCTION_WORDS = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'at', 'to', 'de', 'la', 'le', 'du', 'des', 'da', 'do', 'al', 'el', 'bin', 'ibn', 'bint', 'von', 'van', 'der', 'den', 'y', 'e', '&', "'s", "'", '-', '(', ')', ',', '/', '.'])

/** How strictly a dictionary phrase must match the case of the text. */
export enum CaseRule {
  /** Agents ("minister", "police"): any case. */
  Any = 0,
  /** Names: every content word capitalized in the text ("Hamas", not "hamas"). */
  Capitalized = 1,
  /** Short acronyms ("US", "UN", "IS"): upper case in the text, so "us" is never the USA. */
  Upper = 2,
}

/** Acronyms this short collide with common words when matched case-blind ("US", "IS", "AP"). */
const SHORT_ACRONYM_MAX = 3

/**
 * A one-word phrase written in capitals and this short, or dotted ("U.S."), must be upper case
 * in the text. PETRARCH writes everything in capitals, so longer words ("IRAN") only need a capital.
 */
export function caseRuleOf(phrase: string, tokens: string[]): CaseRule {
  if (tokens.length === 1 && phrase.trim() === phrase.trim().toUpperCase() && (tokens[0].length <= SHORT_ACRONYM_MAX || /^([a-z]\.)+$/.test(tokens[0]))) return CaseRule.Upper
  return CaseRule.Capitalized
}

/** Does the text of tokens [from, to) satisfy the phrase's case rule? */
export function caseOk(rule: CaseRule, texts: string[], from: number, to: number): boolean {
  if (rule === CaseRule.Any) return true
  if (rule === CaseRule.Upper) {
    for (let i = from; i < to; i++) {
      const t = texts[i]
      if (t !== t.toUpperCase()) return false
    }
    return true
  }
  for (let i = from; i < to; i++) {
    const t = texts[i]
    const c = t.charCodeAt(0)
    // digits and punctuation pass; a letter must be upper case unless it is a function word
    if (t.toLowerCase() === t && t.toUpperCase() !== t && !NAME_FUNCTION_WORDS.has(normToken(t))) return false
    if (i === from && c >= 97 && c <= 122) return false
  }
  return true
}
