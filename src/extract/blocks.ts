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
  // Iterative walk: malformed pages can nest tens of thousands of elements, past the call stack.
  const stack: any[] = [root]
  while (stack.length) {
    const node = stack.pop()
    if (typeof node === 'string') {
      parts.push(node)
      continue
    }
    const type = node.nodeType
    if (type === 3) {
      // Source line breaks inside text are plain whitespace; only block boundaries make lines.
      parts.push((node.data ?? node.textContent ?? '').replace(/[\r\n]+/g, ' '))
      continue
    }
    if (type !== 1 && type !== 9 && type !== 11) continue
    const tag: string = node.tagName ?? ''
    if (SKIP_TAGS.has(tag)) continue
    const block = BLOCK_TAGS.has(tag)
    if (block) parts.push('\n')
    else if (tag === 'TD' || tag === 'TH') parts.push(' ')
    if (block) stack.push('\n')
    const children: any[] = []
    for (let c = node.firstChild; c; c = c.nextSibling) children.push(c)
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i])
  }
  const out: string[] = []
  for (const line of parts.join('').split('\n')) {
    const t = line.replace(/[\s\u00a0\u200b]+/g, ' ').trim()
    if (t) out.push(t)
  }
  return out
}

/** Nesting depth of the element tree, counted without recursion; stops counting past `limit`. */
export function domDepth(root: any, limit: number): number {
  let max = 0
  const stack: [any, number][] = [[root, 1]]
  while (stack.length) {
    const [el, d] = stack.pop()!
    if (d > max) {
      max = d
      if (max > limit) return max
    }
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) stack.push([c, d + 1])
  }
  return max
}
