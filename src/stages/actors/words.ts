/**
 * Records per distinct word, found by the word's characters in the article text: an
 * open-addressing hash table probed with `text` from `start` to `end`, so reading a token
 * allocates no string. (A slice per token was a fifth of the actors stage's allocation, and
 * every scavenge that allocation triggers copies the article's freshly made tokens.)
 * Keyed by the word only, never by sentence or article text.
 */
export class WordTable<W extends { text: string }> {
  private slots: Int32Array
  private hashes: Int32Array
  private words: W[] = []

  /**
   * @param make builds the record of a word not seen before
   * @param max distinct words kept before the table starts afresh (a bound on memory)
   */
  constructor(
    private readonly make: (text: string) => W,
    private readonly max: number,
  ) {
    this.slots = new Int32Array(1 << 14).fill(-1)
    this.hashes = new Int32Array(1 << 14)
  }

  get size(): number {
    return this.words.length
  }

  /** The record of the word `text.slice(start, end)`. */
  get(text: string, start: number, end: number): W {
    // FNV-1a over the UTF-16 code units
    let h = 0x811c9dc5 | 0
    for (let k = start; k < end; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193)
    const mask = this.slots.length - 1
    const len = end - start
    for (let p = h & mask; ; p = (p + 1) & mask) {
      const id = this.slots[p]
      if (id < 0) return this.insert(p, h, text.slice(start, end))
      if (this.hashes[p] !== h) continue
      const w = this.words[id]
      const t = w.text
      if (t.length !== len) continue
      let k = 0
      while (k < len && t.charCodeAt(k) === text.charCodeAt(start + k)) k++
      if (k === len) return w
    }
  }

  private insert(p: number, h: number, word: string): W {
    if (this.words.length >= this.max) {
      this.words = []
      this.slots.fill(-1)
      return this.get(word, 0, word.length)
    }
    const w = this.make(word)
    this.slots[p] = this.words.length
    this.hashes[p] = h
    this.words.push(w)
    // at most half full: probes stay short
    if (this.words.length * 2 > this.slots.length) this.grow()
    return w
  }

  private grow(): void {
    const size = this.slots.length * 2
    const slots = new Int32Array(size).fill(-1)
    const hashes = new Int32Array(size)
    for (let p = 0; p < this.slots.length; p++) {
      const id = this.slots[p]
      if (id < 0) continue
      let q = this.hashes[p] & (size - 1)
      while (slots[q] >= 0) q = (q + 1) & (size - 1)
      slots[q] = id
      hashes[q] = this.hashes[p]
    }
    this.slots = slots
    this.hashes = hashes
  }
}
