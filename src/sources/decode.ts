import { InputError } from '../core/types.js'

/** Longest article body we accept; real news articles are well under 200k characters. */
export const MAX_TEXT_CHARS = 2_000_000
/** Share of control characters above which a file is taken for binary. */
const BINARY_CONTROL_SHARE = 0.1

/** Decodes bytes of a text input as UTF-8, refusing binary and invalid data with a reason. */
export function decodeText(name: string, bytes: Uint8Array): string {
  if (bytes.length === 0) throw new InputError(name, 'empty input: nothing to read')
  const sample = bytes.subarray(0, 8192)
  let control = 0
  for (const b of sample) {
    if (b === 0) throw new InputError(name, 'binary data (NUL bytes), not text: give a text, HTML, JSONL, feed or WARC file')
    if (b < 9 || (b > 13 && b < 32)) control++
  }
  if (control / sample.length > BINARY_CONTROL_SHARE) throw new InputError(name, 'binary data, not text: give a text, HTML, JSONL, feed or WARC file')
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new InputError(name, 'invalid UTF-8: re-encode the file as UTF-8 (e.g. iconv -f windows-1252 -t utf-8)')
  }
  return text.replace(/^\uFEFF/, '')
}

/** Checks a decoded article body before reading it. */
export function checkText(name: string, text: string): void {
  if (text.trim() === '') throw new InputError(name, 'empty input: no text to read')
  if (text.length > MAX_TEXT_CHARS) {
    throw new InputError(name, `text too long (${(text.length / 1e6).toFixed(1)} M characters; the limit is ${MAX_TEXT_CHARS / 1e6} M): not a single news article — split it or give it as JSONL, one article per line`)
  }
}
