/**
 * WARC / WARC.gz reader (CC-NEWS layout: `response` records with HTTP headers, gzip per record).
 * Streams the file: only one record's payload is ever held, and only for HTML responses —
 * other records (request, metadata, revisit, PDF and image responses) are skipped by their
 * headers before their payload is read. Each document carries its record offset so a
 * stopped run can resume there.
 */
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib'
import { WARCParser } from 'warcio'
import { InputError, type RawDocument } from '../core/types.js'
import { MAX_HTML_BYTES } from '../extract/charset.js'

export interface WarcProgress {
  source: string
  records: number
  articles: number
  skipped: number
  /** Compressed bytes of the file read so far, and the file size. */
  bytes: number
  totalBytes: number
  /** Offset of the next record to read: where a resumed run starts. */
  offset: number
}

export interface WarcOptions {
  /** Resume: offset of the last record already processed; reading restarts there and skips that record. */
  after?: number
  onProgress?: (p: WarcProgress) => void
}

/** Bytes after the last record that may be padding (CRLFs) rather than a cut-off record. */
const TRAILING_SLACK = 8

const HTML_TYPE = /^\s*(text\/html|application\/xhtml\+xml)\b/i

/** Why a record is not an article page, or null when it is one. */
function skipReason(type: string, contentType: string | null, status: number | null): string | null {
  if (type !== 'response' && type !== 'resource') return type
  if (status !== null && (status < 200 || status >= 300)) return `status ${status}`
  if (!contentType || !HTML_TYPE.test(contentType)) return contentType ?? 'no content type'
  return null
}

/** HTTP chunked transfer coding to the plain body. */
function dechunk(b: Uint8Array): Uint8Array {
  const buf = Buffer.from(b.buffer, b.byteOffset, b.length)
  const out: Buffer[] = []
  let i = 0
  while (i < buf.length) {
    const eol = buf.indexOf('\r\n', i)
    if (eol < 0) break
    const size = parseInt(buf.subarray(i, eol).toString('latin1').split(';')[0].trim(), 16)
    if (!(size > 0)) break
    out.push(buf.subarray(eol + 2, eol + 2 + size))
    i = eol + 2 + size + 2
  }
  return Buffer.concat(out)
}

function inflate(b: Uint8Array, encoding: string): Uint8Array {
  const opts = { maxOutputLength: MAX_HTML_BYTES }
  if (encoding.includes('gzip')) return gunzipSync(b, opts)
  if (encoding.includes('br')) return brotliDecompressSync(b, opts)
  if (encoding.includes('deflate')) {
    try {
      return inflateSync(b, opts)
    } catch (e: any) {
      // Some servers send raw deflate without the zlib wrapper.
      if (/larger than|maxOutputLength/i.test(String(e?.message))) throw e
      return inflateRawSync(b, opts)
    }
  }
  throw new Error(`unknown content encoding "${encoding}"`)
}

/** First "WARC/1." line start at or after `from` in an uncompressed file, or -1; streams, so memory stays bounded. */
async function findRecordStart(path: string, from: number): Promise<number> {
  const marker = Buffer.from('\nWARC/1.')
  let pos = from
  let carry = Buffer.alloc(0)
  for await (const chunk of createReadStream(path, { start: from })) {
    const buf = Buffer.concat([carry, chunk as Buffer])
    const i = buf.indexOf(marker)
    if (i >= 0) return pos - carry.length + i + 1
    carry = buf.subarray(Math.max(0, buf.length - marker.length))
    pos += (chunk as Buffer).length
  }
  return -1
}

export async function* readWarc(path: string, opts: WarcOptions = {}): AsyncGenerator<RawDocument | InputError> {
  let size = 0
  try {
    size = (await stat(path)).size
  } catch (e: any) {
    yield new InputError(path, e?.code === 'ENOENT' ? 'no such file' : `cannot read: ${e?.message ?? e}`)
    return
  }
  const start = opts.after ?? 0
  const stream = createReadStream(path, { start })
  const parser = new WARCParser(stream)
  const p: WarcProgress = { source: path, records: 0, articles: 0, skipped: 0, bytes: start, totalBytes: size, offset: start }
  let offset = start
  let lastEnd = start
  try {
    for (;;) {
      let record
      try {
        record = await parser.parse()
      } catch (e: any) {
        yield new InputError(`${path}@${offset}`, `corrupt or truncated WARC record: ${e?.message ?? e}; the rest of the file is skipped`)
        break
      }
      if (!record) {
        // warcio ends quietly on a cut-off last record: bytes left after the last whole record mean truncation.
        const compressed = !!(parser as any)._reader?.compressed
        if (compressed) {
          const tail = size - (start + parser.offset)
          if (tail > TRAILING_SLACK) yield new InputError(`${path}@${start + parser.offset}`, `truncated WARC: the last ${tail} bytes are not a whole record (the file was cut off); the records before it were read`)
        } else {
          const at = p.records && lastEnd > size ? offset : await findRecordStart(path, Math.max(offset + 1, lastEnd - TRAILING_SLACK))
          if (at >= 0) yield new InputError(`${path}@${at}`, `truncated WARC: the record at byte ${at} is cut off; the records before it were read`)
        }
        break
      }
      offset = start + parser.offset
      // Uncompressed files: the next record cannot start before this one's declared block ends.
      lastEnd = offset + record.warcContentLength
      const name = `${path}@${offset}`
      p.records++
      if (!/^\d+$/.test(record.warcHeader('Content-Length') ?? '')) {
        yield new InputError(name, 'truncated or corrupt WARC record: its header block has no Content-Length; the rest of the file is skipped')
        break
      }
      if (opts.after !== undefined && offset === opts.after) {
        // The record the previous run ended on is already done.
        p.skipped++
        continue
      }
      const type = record.warcType ?? ''
      const http = record.httpHeaders
      const contentType = http?.headers.get('content-type') ?? (type === 'resource' ? record.warcHeader('Content-Type') ?? null : null)
      const status = http ? Number(http.statusCode) || null : null
      const reason = skipReason(type, contentType, status)
      const declared = record.warcContentLength
      if (reason === null && declared > MAX_HTML_BYTES) {
        yield new InputError(name, `record payload too large (${(declared / 1048576).toFixed(1)} MiB; the limit is ${MAX_HTML_BYTES / 1048576} MiB)`)
        p.skipped++
        continue
      }
      if (reason !== null) {
        p.skipped++
      } else {
        let bytes: Uint8Array
        const encoding = (http?.headers.get('content-encoding') ?? '').trim().toLowerCase()
        try {
          // A compressed payload is inflated here with an output cap, so a gzip bomb stops at the cap.
          bytes = encoding && encoding !== 'identity' ? await record.readFully(false) : await record.readFully(true)
        } catch (e: any) {
          yield new InputError(name, `truncated WARC record: ${e?.message ?? e}`)
          break
        }
        if (encoding && encoding !== 'identity') {
          try {
            bytes = inflate(/chunked/i.test(http?.headers.get('transfer-encoding') ?? '') ? dechunk(bytes) : bytes, encoding)
          } catch (e: any) {
            yield new InputError(name, /larger than|maxOutputLength|RangeError/i.test(`${e?.name} ${e?.message}`) ? `payload too large after ${encoding} decompression (over ${MAX_HTML_BYTES / 1048576} MiB): not a news page` : `cannot decode the ${encoding} payload: ${e?.message ?? e}`)
            p.skipped++
            continue
          }
        }
        // warcio's record reader counts down the declared length; anything left means the file ended early.
        const left = Number((record as any)._reader?.limit ?? 0)
        if (left > 0) {
          yield new InputError(name, `truncated WARC record: the payload ends ${left} bytes before its declared length`)
          p.skipped++
          break
        }
        p.articles++
        yield { name, url: record.warcTargetURI ?? undefined, bytes, contentType: contentType ?? undefined, published: undefined, resume: { source: path, offset } }
      }
      p.bytes = Math.min(size, start + parser.offset + parser.recordLength)
      p.offset = p.bytes
      opts.onProgress?.({ ...p })
    }
  } finally {
    stream.destroy()
  }
  opts.onProgress?.({ ...p, bytes: size })
}
