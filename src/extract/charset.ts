/**
 * Bytes of a web page to text. Order of evidence: byte-order mark, then the HTTP Content-Type
 * charset, then <meta charset> / <meta http-equiv> in the first bytes, then UTF-8 if the bytes
 * are valid UTF-8, else windows-1252 (what browsers assume for legacy Western pages).
 * A declaration that the bytes contradict (declared UTF-8 but invalid; declared Latin-1 but the
 * bytes are clean multi-byte UTF-8) loses to the bytes. Never throws on bad bytes: the WHATWG
 * decoder replaces them with U+FFFD.
 */
import { InputError } from '../core/types.js'

/** Largest page we parse: news pages are well under 5 MB; a 4.5 MB page of 90,000 elements already takes ~450 MB of DOM. */
export const MAX_HTML_BYTES = 10 * 1024 * 1024
/** How far into the page <meta charset> is looked for (the HTML spec's prescan reads 1024 bytes; pages often put it later). */
const META_SCAN_BYTES = 8192

const ALIASES: Record<string, string> = {
  'latin1': 'windows-1252', 'latin-1': 'windows-1252', 'iso-8859-1': 'windows-1252', 'iso8859-1': 'windows-1252', 'us-ascii': 'windows-1252', 'ascii': 'windows-1252',
  'utf8': 'utf-8', 'unicode': 'utf-16le', 'utf-16': 'utf-16le', 'sjis': 'shift_jis', 'x-sjis': 'shift_jis', 'ms932': 'shift_jis', 'cp932': 'shift_jis', 'windows-31j': 'shift_jis',
  'gb2312': 'gbk', 'cp1251': 'windows-1251', 'cp1252': 'windows-1252', 'x-euc-jp': 'euc-jp',
}

/** A charset label to a name TextDecoder accepts, or null when unknown. */
export function normalizeCharset(label: string | null | undefined): string | null {
  if (!label) return null
  let l = label.trim().toLowerCase().replace(/^["']|["']$/g, '')
  l = ALIASES[l] ?? l
  try {
    return new TextDecoder(l).encoding
  } catch {
    return null
  }
}

export function charsetFromContentType(ct: string | null | undefined): string | null {
  const m = ct ? /charset\s*=\s*["']?([\w.:-]+)/i.exec(ct) : null
  return m ? normalizeCharset(m[1]) : null
}

function bomCharset(b: Uint8Array): { enc: string; skip: number } | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { enc: 'utf-8', skip: 3 }
  if (b[0] === 0xff && b[1] === 0xfe) return { enc: 'utf-16le', skip: 2 }
  if (b[0] === 0xfe && b[1] === 0xff) return { enc: 'utf-16be', skip: 2 }
  return null
}

/** UTF-16 without a BOM: every other byte NUL in an ASCII-heavy start ("<\0h\0t\0"). */
function utf16Guess(b: Uint8Array): string | null {
  const n = Math.min(b.length, 512) & ~1
  if (n < 8) return null
  let evenZero = 0, oddZero = 0
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenZero++
    if (b[i + 1] === 0) oddZero++
  }
  if (oddZero > n / 2 * 0.7 && evenZero < n / 2 * 0.1) return 'utf-16le'
  if (evenZero > n / 2 * 0.7 && oddZero < n / 2 * 0.1) return 'utf-16be'
  return null
}

export function charsetFromMeta(b: Uint8Array): string | null {
  const head = Buffer.from(b.buffer, b.byteOffset, Math.min(b.length, META_SCAN_BYTES)).toString('latin1')
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)
  const enc = m ? normalizeCharset(m[1]) : null
  // A page that reached us as bytes cannot really be UTF-16 when its ASCII prescan worked.
  return enc && enc.startsWith('utf-16') ? 'utf-8' : enc
}

function isUtf8(b: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b)
    return true
  } catch {
    return false
  }
}

function hasMultibyte(b: Uint8Array): boolean {
  for (const x of b) if (x >= 0x80) return true
  return false
}

/** windows-1252 at 0x80-0x9F (Node 20's TextDecoder wrongly decodes this label as ISO-8859-1, leaving C1 controls). */
const CP1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178'

function decode(enc: string, bytes: Uint8Array): string {
  const text = new TextDecoder(enc).decode(bytes)
  if (enc !== 'windows-1252') return text
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80])
}

export interface Decoded {
  text: string
  charset: string
  /** Where the charset came from: bom, header, meta, sniffed. */
  from: string
}

export function decodeHtml(name: string, bytes: Uint8Array, contentType?: string): Decoded {
  if (bytes.length === 0) throw new InputError(name, 'empty page: nothing to read')
  if (bytes.length > MAX_HTML_BYTES) {
    throw new InputError(name, `page too large (${(bytes.length / 1048576).toFixed(1)} MiB; the limit is ${MAX_HTML_BYTES / 1048576} MiB): not a single news article`)
  }
  const bom = bomCharset(bytes)
  if (bom) return { text: new TextDecoder(bom.enc).decode(bytes.subarray(bom.skip)), charset: bom.enc, from: 'bom' }
  const u16 = utf16Guess(bytes)
  if (u16) return { text: new TextDecoder(u16).decode(bytes), charset: u16, from: 'sniffed' }
  let enc = charsetFromContentType(contentType)
  let from = 'header'
  if (!enc) {
    enc = charsetFromMeta(bytes)
    from = 'meta'
  }
  const utf8 = isUtf8(bytes)
  if (enc === 'utf-8' && !utf8) {
    enc = 'windows-1252'
    from = 'sniffed'
  } else if (enc && enc !== 'utf-8' && utf8 && hasMultibyte(bytes) && /^(windows-125\d|iso-8859-\d+)$/.test(enc)) {
    // Clean multi-byte UTF-8 read as a single-byte charset would be mojibake: the declaration is wrong.
    enc = 'utf-8'
    from = 'sniffed'
  }
  if (!enc) {
    enc = utf8 ? 'utf-8' : 'windows-1252'
    from = 'sniffed'
  }
  return { text: decode(enc, bytes), charset: enc, from }
}
