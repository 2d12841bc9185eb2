// The only way this UI makes elements. Children are nodes or strings, and strings always become
// text nodes: article text, names and sentences can hold `<script>` or `onerror=` and must stay
// words on the screen. There is no innerHTML anywhere in web/src (a test checks).

type Child = Node | string | number | null | undefined | false
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>

/** Only these URL schemes may go into href/src; anything else (javascript:, data:) is dropped. */
const SAFE_URL = /^(https?:|mailto:|#|\/(?!\/))/i

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag)
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, '').toLowerCase(), v)
    else if ((k === 'href' || k === 'src') && !SAFE_URL.test(String(v).trim())) continue
    else if (k === 'class') el.className = String(v)
    else el.setAttribute(k, v === true ? '' : String(v))
  }
  append(el, children)
  return el
}

export function append(el: Node, children: (Child | Child[])[]): void {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue
    el.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c)
  }
}

export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}, ...children: (SVGElement | Text | null)[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS('http://www.w3.org/2000/svg', tag)
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v))
  for (const c of children) if (c) el.appendChild(c)
  return el
}

export function text(s: string): Text {
  return document.createTextNode(s)
}

export function clear(el: Element): void {
  while (el.firstChild) el.removeChild(el.firstChild)
}

/** Tells screen-reader users what just happened (loaded, failed, exported). */
export function announce(msg: string): void {
  const s = document.getElementById('status')
  if (s) s.textContent = msg
}
