import type { Article, ArticleRecord, Doc, Stage } from './types.js'

export class PipelineError extends Error {}

/** Builds a pipeline and checks, once, that every stage's `requires` is assigned by an earlier stage. */
export function createPipeline(stages: Stage[], provided: string[] = ['article']): (doc: Doc) => Doc {
  const have = new Set(provided)
  for (const stage of stages) {
    const missing = stage.requires.filter((r) => !have.has(r))
    if (missing.length > 0) {
      throw new PipelineError(`stage "${stage.name}" requires ${missing.join(', ')}, which no earlier stage assigns`)
    }
    for (const a of stage.assigns) have.add(a)
  }
  return (doc: Doc) => {
    for (const stage of stages) stage.run(doc)
    return doc
  }
}

export function newDoc(article: Article): Doc {
  return {
    article,
    paragraphs: [],
    sentences: [],
    tokens: [],
    mentions: [],
    dates: [],
    events: [],
    quotes: [],
    report: [],
    scratch: {},
  }
}

export function toRecord(doc: Doc): ArticleRecord {
  const a = doc.article
  return {
    id: a.id,
    title: a.title ?? null,
    url: a.url ?? null,
    published: a.published ?? null,
    source: a.source ?? null,
    language: a.language ?? null,
    text: a.text,
    removed: a.removed ?? [],
    entities: doc.mentions,
    dates: doc.dates,
    events: doc.events,
    quotes: doc.quotes,
    warnings: doc.report.filter((m) => m.severity === 'warning').map((m) => `${m.stage}/${m.rule}: ${m.message}`),
  }
}
