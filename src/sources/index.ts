import { open } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { InputError } from '../core/types.js'
import { decodeText } from './decode.js'
import { expandPaths, readFileInput, readJsonl, readStdin, sniffKind, type InputKind, type SourceItem } from './files.js'

export type { InputKind, SourceItem } from './files.js'

export interface SourceOptions {
  input?: InputKind
}

async function head(path: string): Promise<string> {
  const fh = await open(path, 'r')
  try {
    const buf = Buffer.alloc(1024)
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0)
    return buf.subarray(0, bytesRead).toString('latin1')
  } finally {
    await fh.close()
  }
}

/**
 * Every raw document named by the command line, in order. Unusable inputs come out as
 * InputError items so the caller can report them and go on with the rest.
 */
export async function* readSources(specs: string[], opts: SourceOptions = {}): AsyncGenerator<SourceItem> {
  const forced = opts.input ?? 'auto'
  for (const spec of specs) {
    if (spec === '-') {
      const bytes = await readStdin()
      const kind = forced !== 'auto' ? forced : sniffKind('stdin', bytes.subarray(0, 1024).toString('latin1'))
      if (kind === 'jsonl') yield* readJsonl('stdin', Readable.from([bytes]))
      else if (kind === 'html') yield { name: 'stdin', bytes }
      else {
        try {
          yield { name: 'stdin', text: decodeText('stdin', bytes) }
        } catch (e) {
          yield e as InputError
        }
      }
      continue
    }
    if (/^https?:\/\//i.test(spec)) {
      yield new InputError(spec, 'URL inputs are not supported yet')
      continue
    }
    for await (const p of expandPaths([spec])) {
      if (p instanceof InputError) {
        yield p
        continue
      }
      let kind = forced
      if (kind === 'auto') {
        try {
          kind = sniffKind(p, await head(p))
        } catch (e: any) {
          yield new InputError(p, `cannot read: ${e?.message ?? e}`)
          continue
        }
      }
      if (kind === 'warc' || kind === 'feed') {
        yield new InputError(p, `${kind} inputs are not supported yet`)
        continue
      }
      yield* readFileInput(p, kind)
    }
  }
}
