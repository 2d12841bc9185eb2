/**
 * Ids for distinct words, found by the word's characters in the article text: an
 * open-addressing hash table probed with `text` from `start` to `end`, so reading a token
 * allocates no string. (A slice per token was a fifth of the actors stage's allocation, and
 * every scavenge that allocation triggers copies the article's freshly made tokens.)
 *
 * Everything a probe reads sits in a few compact typed arrays (slots, characters), not in
 * objects spread over the heap: the stage runs right after the segmenter has filled the
 * processor's caches with other data, and each scattered object read was a cache miss per token.
 * Keyed by the word only, never by sentence or article text.
 */
export class WordTable {
  /** [hash, id + 1] per slot; 0 as id + 1 marks an empty slot. */
  private slots = new Int32Array(2 << 14)
  /** The words' characters, one word after another. */
  private chars = new Uint16Array(1 << 16)
  /** Word id -> where its characters start in `chars`; `starts[id + 1]` is where they end. */
  private starts = new Int32Array(1 << 14)
  private count = 0

  /**
   * @param added told of each new word and its id, for the caller's tables by id
   * @param max distinct words kept before the table starts afresh (a bound on memory); ids then
   *   start again from 0, and `added` is told of them again
   */
  constructor(
    private readonly added: (text: string, id: number) => void,
    private readonly max: number,
  ) {}

  get size(): number {
    return this.count
  }

  /** The id of the word `text.slice(start, end)`. */
  id(text: string, start: number, end: number): number {
    // FNV-1a over the UTF-16 code units
    let h = 0x811c9dc5 | 0
    for (let k = start; k < end; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193)
    const slots = this.slots
    const mask = (slots.length >> 1) - 1
    const len = end - start
    for (let p = h & mask; ; p = (p + 1) & mask) {
      const id = slots[2 * p + 1] - 1
      if (id < 0) return this.insert(p, h, text, start, end)
      if (slots[2 * p] !== h) continue
      const from = this.starts[id]
      if (this.starts[id + 1] - from !== len) continue
      let k = 0
      while (k < len && this.chars[from + k] === text.charCodeAt(start + k)) k++
      if (k === len) return id
    }
  }

  private insert(p: number, h: number, text: string, start: number, end: number): number {
    if (this.count >= this.max) {
      this.count = 0
      this.slots.fill(0)
      return this.id(text, start, end)
    }
    const id = this.count++
    const from = this.starts[id]
    const len = end - start
    if (id + 2 > this.starts.length) this.starts = grown(this.starts, id + 2)
    if (from + len > this.chars.length) this.chars = grown(this.chars, from + len)
    for (let k = 0; k < len; k++) this.chars[from + k] = text.charCodeAt(start + k)
    this.starts[id + 1] = from + len
    this.slots[2 * p] = h
    this.slots[2 * p + 1] = id + 1
    // at most half full: probes stay short
    if (this.count * 2 > this.slots.length >> 1) this.rehash()
    this.added(text.slice(start, end), id)
    return id
  }

  private rehash(): void {
    const old = this.slots
    const slots = new Int32Array(old.length * 2)
    const mask = (slots.length >> 1) - 1
    for (let p = 0; p < old.length; p += 2) {
      if (old[p + 1] === 0) continue
      let q = old[p] & mask
      while (slots[2 * q + 1] !== 0) q = (q + 1) & mask
      slots[2 * q] = old[p]
      slots[2 * q + 1] = old[p + 1]
    }
    this.slots = slots
  }
}

function grown<T extends Int32Array | Uint16Array>(a: T, need: number): T {
  let size = a.length * 2
  while (size < need) size *= 2
  const b = new (a.constructor as new (n: number) => T)(size)
  b.set(a)
  return b
}
