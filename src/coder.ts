import { contentHash } from './core/hash.js'
import { createPipeline, newDoc, toRecord } from './core/pipeline.js'
import { InputError, type Article, type CodeResult, type Doc, type RawDocument, type Stage } from './core/types.js'
import { extractHtml, extractHtmlBytes } from './extract/html.js'
import { cleanText } from './extract/text.js'
import { checkText } from './sources/decode.js'
import { createDates } from './stages/dates/dates.js'
import { createLanguage } from './stages/language/language.js'
import { createSegmenter } from './stages/segmenter/segmenter.js'
import { createActorStage, type KnownActor } from './stages/actors/actors.js'
import { createEvents } from './stages/events/events.js'
import { createQuotes } from './stages/quotes/quotes.js'
import { loadVerbDictionary } from './dictionaries/verbs.js'

/**
 * Documents a coding thread codes together, stage by stage (codeMany): measured 6-8% less CPU than
 * article by article on the bench corpus (scripts/stage-cpu.mjs-style A/B, 8 alternating rounds).
 */
export const CODE_BATCH = 8

export interface CoderOptions {
  /** Reference date (YYYY-MM-DD) for relative dates when an article carries none. */
  published?: string
  /** A folder of the user's own dictionary files, layered over the shipped ones. */
  dictionaries?: string
  /** Actors learned from earlier articles (e.g. from the database), so a later bare surname resolves. */
  knownActors?: KnownActor[]
}

export interface Coder {
  /** Turns a raw document into a cleaned Article; throws InputError when it is unusable. */
  toArticle(raw: RawDocument): Article
  /** Runs the reading stages over an article. */
  read(article: Article): Doc
  /** Both, with errors caught: never throws for bad input. */
  code(raw: RawDocument): CodeResult
  /**
   * Codes several documents stage by stage (every document through one stage, then the next), which
   * keeps each stage's code and dictionaries warm in the CPU caches. Never throws for one document: an
   * unusable input or a failing stage becomes that document's error result; the others are coded.
   */
  codeMany(raws: RawDocument[]): CodeResult[]
  stages: Stage[]
}

export function createCoder(opts: CoderOptions = {}): Coder {
  const stages: Stage[] = [createLanguage(), createSegmenter(), createActorStage({ dictionaries: opts.dictionaries, knownActors: opts.knownActors }), createDates(),
    createEvents(opts.dictionaries ? { dictionary: loadVerbDictionary(opts.dictionaries) } : {}), createQuotes()]
  const run = createPipeline(stages)

  function toArticle(raw: RawDocument): Article {
    let text: string
    let removed: Article['removed'] = []
    let meta: Partial<Article> = {}
    if (raw.html !== undefined || raw.bytes !== undefined) {
      const ex = raw.html !== undefined
        ? extractHtml(raw.html, { url: raw.url, name: raw.name })
        : extractHtmlBytes(raw.bytes!, { url: raw.url, name: raw.name, contentType: raw.contentType })
      const cleaned = cleanText(ex.text)
      text = cleaned.text
      removed = [...ex.removed, ...cleaned.removed]
      meta = { title: ex.title, published: ex.published, url: ex.url, source: ex.source, language: ex.language, authors: ex.authors }
      if (text.trim() === '') throw new InputError(raw.name, 'no article text found in the page')
    } else if (raw.text !== undefined) {
      checkText(raw.name, raw.text)
      const cleaned = cleanText(raw.text)
      text = cleaned.text
      removed = cleaned.removed
      if (text.trim() === '') throw new InputError(raw.name, 'nothing left after removing page furniture')
    } else throw new InputError(raw.name, 'no text or html')
    checkText(raw.name, text)
    return {
      id: raw.id ?? contentHash(text),
      text,
      title: raw.title ?? meta.title ?? null,
      url: raw.url ?? meta.url ?? null,
      published: raw.published ?? meta.published ?? opts.published ?? null,
      source: raw.source ?? meta.source ?? null,
      language: raw.language ?? meta.language ?? null,
      authors: raw.authors ?? meta.authors ?? [],
      removed,
    }
  }

  function read(article: Article): Doc {
    return run(newDoc(article))
  }

  function code(raw: RawDocument): CodeResult {
    try {
      const article = toArticle(raw)
      return { ok: true, input: raw.name, record: toRecord(read(article)) }
    } catch (e) {
      if (e instanceof InputError) return failure(raw, e)
      throw e
    }
  }

  function codeMany(raws: RawDocument[]): CodeResult[] {
    const results: CodeResult[] = new Array(raws.length)
    const docs: (Doc | null)[] = raws.map((raw, i) => {
      try {
        return newDoc(toArticle(raw))
      } catch (e) {
        results[i] = failure(raw, e)
        return null
      }
    })
    for (const stage of stages) {
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i]
        if (!doc) continue
        try {
          stage.run(doc)
        } catch (e) {
          results[i] = failure(raws[i], e)
          docs[i] = null
        }
      }
    }
    for (let i = 0; i < docs.length; i++) if (docs[i]) results[i] = { ok: true, input: raws[i].name, record: toRecord(docs[i]!) }
    return results
  }

  return { toArticle, read, code, codeMany, stages }
}

/** An input's error result: its own reason for bad input, the stack for a bug in a stage. */
function failure(raw: RawDocument, e: unknown): CodeResult {
  if (e instanceof InputError) return { ok: false, input: e.input, error: e.reason }
  return { ok: false, input: raw.name, error: `internal error while coding: ${(e as Error)?.stack ?? e}` }
}
