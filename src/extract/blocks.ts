/** DOM → text with one line per block element: what both the extractor and the baseline print. */

/** Elements that start a new line; inline elements join their neighbours with at most a space. A table row is one line, its cells space-separated. */
export const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION',
  'SUMMARY', 'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'UL', 'CAPTION', 'CENTER', 'HGROUP', 'MENU',
])

const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'svg', 'HEAD', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'SELECT', 'BUTTON', 'TEXTAREA', 'INPUT'])

/** The text of an element, one line per block, whitespace collapsed, empty lines dropped. */
export function blockLines(root: any): string[] {
  const parts: string[] = []
  const walk = (node: any): void => {
    const type = node.nodeType
    if (type === 3) {
      // Source line breaks inside text are plain whitespace; only block boundaries make lines.
      parts.push((node.data ?? node.textContent ?? '').replace(/[\r\n]+/g, ' '))
      return
    }
    if (type !== 1 && type !== 9 && type !== 11) return
    const tag: string = node.tagName ?? ''
    if (SKIP_TAGS.has(tag)) return
    const block = BLOCK_TAGS.has(tag)
    if (block) parts.push('\n')
    else if (tag === 'TD' || tag === 'TH') parts.push(' ')
    for (let c = node.firstChild; c; c = c.nextSibling) walk(c)
    if (block) parts.push('\n')
  }
  walk(root)
  const out: string[] = []
  for (const line of parts.join('').split('\n')) {
    const t = line.replace(/[\s\u00a0\u200b]+/g, ' ').trim()
    if (t) out.push(t)
  }
  return out
}
