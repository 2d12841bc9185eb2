import { createReadStream } from 'node:fs'
import { readFile, readdir, stat } from 'node:fs/promises'
import { extname, join } from 'node:path'
import { createInterface } from 'node:readline'
import { InputError, type RawDocument } from '../core/types.js'
import { decodeText } from './decode.js'

export type InputKind = 'auto' | 'text' | 'html' | 'jsonl' | 'warc' | 'feed'

export type SourceItem = RawDocument | InputError

const KIND_BY_EXT: Record<string, InputKind> = {
  '.txt': 'text', '.text': 'text', '.md': 'text',
  '.html': 'html', '.htm': 'html', '.xhtml': 'html',
  '.jsonl': 'jsonl', '.ndjson': 'jsonl',
  '.warc': 'warc', '.gz': 'auto',
  '.rss': 'feed', '.atom': 'feed', '.xml': 'feed',
}

/** Guesses an input's kind from its name, then its first bytes. */
export function sniffKind(name: string, head: string): InputKind {
  const lower = name.toLowerCase()
  if (lower.endsWith('.warc.gz') || lower.endsWith('.warc')) return 'warc'
  const byExt = KIND_BY_EXT[extname(lower)]
  if (byExt && byExt !== 'auto') return byExt
  const h = head.trimStart().slice(0, 512)
  if (h.startsWith('WARC/') || head.startsWith('\x1f\x8b') && lower.includes('warc')) return 'warc'
  if (/^\{\s*"version"\s*:\s*"https?:\/\/jsonfeed\.org/.test(h)) return 'feed'
  if (extname(lower) === '.json') return /"items"\s*:/.test(head) ? 'feed' : 'jsonl'
  if (/^\{\s*"/.test(h)) return 'jsonl'
  if (/^<\?xml[^>]*>\s*<(rss|feed|rdf:RDF)\b/i.test(h) || /^<(rss|feed)\b/i.test(h)) return 'feed'
  if (/^(<!doctype html|<html|<head|<body|<article|<div|<p\b)/i.test(h)) return 'html'
  return 'text'
}

/** Expands file and folder arguments (folders recursively, sorted for a stable order). */
export async function* expandPaths(paths: string[]): AsyncGenerator<string | InputError> {
  for (const p of paths) {
    let st
    try {
      st = await stat(p)
    } catch (e: any) {
      yield new InputError(p, e?.code === 'ENOENT' ? 'no such file or folder' : `cannot read: ${e?.message ?? e}`)
      continue
    }
    if (st.isDirectory()) {
      const entries = (await readdir(p, { withFileTypes: true })).filter((e) => !e.name.startsWith('.')).sort((a, b) => a.name.localeCompare(b.name))
      yield* expandPaths(entries.map((e) => join(p, e.name)))
    } else yield p
  }
}

const JSONL_FIELDS = ['id', 'text', 'html', 'url', 'title', 'published', 'source', 'language'] as const

/** One JSONL line to a raw document, or the reason it is unusable. */
export function parseJsonlLine(name: string, line: string): SourceItem {
  let obj: any
  try {
    obj = JSON.parse(line)
  } catch (e: any) {
    return new InputError(name, `not valid JSON (${e.message})`)
  }
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return new InputError(name, 'a JSONL line must be an object like {"id": "...", "text": "..."}')
  if (typeof obj.text !== 'string' && typeof obj.html !== 'string') return new InputError(name, 'the object has neither a "text" nor an "html" string field')
  const doc: RawDocument = { name }
  for (const f of JSONL_FIELDS) {
    const v = obj[f]
    if (v === undefined || v === null) continue
    if (f === 'id' && typeof v === 'number') doc.id = String(v)
    else if (typeof v === 'string') (doc as any)[f] = v
    else return new InputError(name, `field "${f}" must be a string`)
  }
  if (Array.isArray(obj.authors)) doc.authors = obj.authors.filter((a: unknown) => typeof a === 'string')
  else if (typeof obj.author === 'string' && obj.author) doc.authors = [obj.author]
  return doc
}

/** Streams a JSONL file line by line: a 1 GB file never sits in memory whole. */
export async function* readJsonl(path: string, stream?: NodeJS.ReadableStream): AsyncGenerator<SourceItem> {
  const rl = createInterface({ input: stream ?? createReadStream(path), crlfDelay: Infinity })
  let n = 0
  for await (const line of rl) {
    n++
    if (line.trim() === '') continue
    yield parseJsonlLine(`${path}:${n}`, line)
  }
}

export async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const c of process.stdin) chunks.push(c as Buffer)
  return Buffer.concat(chunks)
}

/** Reads one file of the given kind (text, html, jsonl). Other kinds are handled by their own readers. */
export async function* readFileInput(path: string, kind: InputKind): AsyncGenerator<SourceItem> {
  if (kind === 'jsonl') {
    yield* readJsonl(path)
    return
  }
  let bytes: Buffer
  try {
    bytes = await readFile(path)
  } catch (e: any) {
    yield new InputError(path, `cannot read: ${e?.message ?? e}`)
    return
  }
  if (kind === 'html') {
    yield { name: path, bytes }
    return
  }
  try {
    yield { name: path, text: decodeText(path, bytes) }
  } catch (e) {
    yield e as InputError
  }
}
