// The shared vocabulary of newsgraph. Everything else depends on this file; it depends on nothing.
// Offsets are half-open [start, end) UTF-16 code-unit positions into `article.text`.

export interface Span {
  start: number
  end: number
}

/** A raw input before extraction: what a source reader yields. */
export interface RawDocument {
  /** Name of the input for error messages: a path, a URL, `file.jsonl:12`, `crawl.warc.gz@1234`. */
  name: string
  id?: string
  text?: string
  html?: string
  /** Undecoded bytes of an HTML page (the extractor sniffs the charset); used when `html` is absent. */
  bytes?: Uint8Array
  /** Content-Type header, when the document came over HTTP or from a WARC. */
  contentType?: string
  url?: string
  title?: string
  published?: string
  source?: string
  language?: string
  authors?: string[]
  /** Where this document sits in a resumable stream (a WARC record's offset): ingest stores it to continue a stopped run. */
  resume?: { source: string; offset: number }
}

export interface Removed {
  text: string
  reason: string
}

/** An article ready for the reading stages: cleaned text plus metadata. */
export interface Article {
  id: string
  text: string
  title?: string | null
  url?: string | null
  published?: string | null
  source?: string | null
  language?: string | null
  authors?: string[]
  /** Lines dropped from the body before `text` was fixed (page furniture). */
  removed?: Removed[]
}

export interface Paragraph extends Span {
  index: number
}

export interface Sentence extends Span {
  index: number
  paragraph: number
  /** Index of the first token of this sentence in `doc.tokens`, and one past the last. */
  tokenStart: number
  tokenEnd: number
}

export interface Token extends Span {
  /** Universal POS tag from wink-nlp (NOUN, PROPN, VERB, AUX, ADP, DET, ...). */
  pos: string
  /** Lower-cased normal form. */
  norm: string
  /** Lemma where known (verbs and nouns), else the norm. */
  lemma: string
  sentence: number
}

export type EntityType = 'person' | 'organization' | 'country' | 'place' | 'group'

/** An actor as the SPEC prints it. Unknown fields are null, never guessed. */
export interface Actor extends Span {
  text: string
  name: string | null
  country: string | null
  sector: string | null
  code: string | null
}

export interface Place {
  text: string
  name: string
  country: string | null
  lat: number | null
  lon: number | null
}

export interface Mention extends Actor {
  type: EntityType
  /** Index of the sentence holding the mention. */
  sentence: number
  /** Where the mention came from: a dictionary entry id, a pattern id; shown by --explain. */
  origin: string
  /** True when the mention denotes an acting entity (a place used as a metonym for its government counts). */
  acts: boolean
  /** For place mentions: where it is. */
  place?: Place
  /** Role of a media outlet or other non-actor reference (e.g. a news agency is 'media'). */
  role?: 'actor' | 'media' | 'place'
}

export type Precision = 'day' | 'month' | 'year'

export interface DateMention extends Span {
  text: string
  sentence: number
  /** ISO date (YYYY-MM-DD, YYYY-MM or YYYY by precision), or null when it cannot be resolved. */
  date: string | null
  precision: Precision | null
}

export type Polarity = 'asserted' | 'negated' | 'uncertain' | 'hypothetical'

export type PloverType =
  | 'AGREE' | 'CONSULT' | 'SUPPORT' | 'CONCEDE' | 'COOPERATE' | 'AID' | 'RETREAT'
  | 'REQUEST' | 'ACCUSE' | 'REJECT' | 'THREATEN' | 'PROTEST' | 'SANCTION' | 'MOBILIZE' | 'COERCE' | 'ASSAULT'

export type Quad = 'VERBAL_COOPERATION' | 'MATERIAL_COOPERATION' | 'VERBAL_CONFLICT' | 'MATERIAL_CONFLICT'

export const QUAD_OF: Record<PloverType, Quad> = {
  AGREE: 'VERBAL_COOPERATION', CONSULT: 'VERBAL_COOPERATION', SUPPORT: 'VERBAL_COOPERATION', CONCEDE: 'VERBAL_COOPERATION',
  COOPERATE: 'MATERIAL_COOPERATION', AID: 'MATERIAL_COOPERATION', RETREAT: 'MATERIAL_COOPERATION',
  REQUEST: 'VERBAL_CONFLICT', ACCUSE: 'VERBAL_CONFLICT', REJECT: 'VERBAL_CONFLICT', THREATEN: 'VERBAL_CONFLICT',
  PROTEST: 'MATERIAL_CONFLICT', SANCTION: 'MATERIAL_CONFLICT', MOBILIZE: 'MATERIAL_CONFLICT', COERCE: 'MATERIAL_CONFLICT', ASSAULT: 'MATERIAL_CONFLICT',
}

export const PLOVER_TYPES = Object.keys(QUAD_OF) as PloverType[]

export interface Event {
  id: string
  type: PloverType
  mode: string | null
  context: string[]
  actor: Actor[]
  recipient: Actor[]
  polarity: Polarity
  date: string | null
  date_text: string | null
  location: Place | null
  reported_by: string | null
  quad: Quad
  sentence: { index: number; start: number; end: number }
  trigger: { text: string; start: number; end: number }
  explanation: string
}

export interface Quote extends Span {
  speaker: Actor | null
  text: string
}

export type Severity = 'info' | 'warning'

/** A content problem found while reading: it reaches the record's `warnings`, processing goes on. */
export interface ReportMessage {
  stage: string
  rule: string
  message: string
  severity: Severity
  span?: Span
}

export interface Doc {
  readonly article: Article
  paragraphs: Paragraph[]
  sentences: Sentence[]
  tokens: Token[]
  mentions: Mention[]
  dates: DateMention[]
  events: Event[]
  quotes: Quote[]
  report: ReportMessage[]
  /** Free space for stages to hand data to later stages (e.g. chunks); never printed. */
  scratch: Record<string, unknown>
}

/** The article record `newsgraph code` prints, one per line (SPEC.md). */
export interface ArticleRecord {
  id: string
  title: string | null
  url: string | null
  published: string | null
  source: string | null
  language: string | null
  text: string
  removed: Removed[]
  entities: Mention[]
  dates: DateMention[]
  events: Event[]
  quotes: Quote[]
  warnings: string[]
}

export interface Stage {
  name: string
  /** Doc fields (or named facts) this stage reads; checked when the pipeline is built. */
  requires: string[]
  /** Doc fields (or named facts) this stage fills. */
  assigns: string[]
  run(doc: Doc): void
}

/** An input that could not be used at all: reported with its name, the batch goes on. */
export class InputError extends Error {
  constructor(readonly input: string, readonly reason: string) {
    super(`${input}: ${reason}`)
    this.name = 'InputError'
  }
}

/** Outcome of coding one raw document. */
export type CodeResult =
  | { ok: true; input: string; record: ArticleRecord }
  | { ok: false; input: string; error: string }
