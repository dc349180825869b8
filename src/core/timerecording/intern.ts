/**
 * Small hash tables for the aggregator's hot loop: strings interned to dense integer ids (looked
 * up by a span of a chunk of text, so no substring is cut per field), and pairs of integers to
 * dense ids (so a bucket is found by ids, never by a key string built per row).
 *
 * Both are open-addressing tables over typed arrays: a lookup allocates nothing. Ids are dense
 * (0, 1, 2, … in order of first sight), so callers keep what belongs to an id in plain arrays.
 */
import { copyOf } from './values';

/** FNV-1a over the UTF-16 code units of `s[start, end)`. */
function hashSpan(s: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let k = start; k < end; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193);
  return h | 0;
}

/** Strings longer than this are interned through a `Map` (hashing them by hand would cost more). */
const LONG = 64;
const NEAR_MASK = 63;

/** Strings → dense ids. */
export class Interner {
  private readonly strings: string[] = [];
  private hashes = new Int32Array(16);
  /** Slot → id + 1 (0: empty). */
  private slots = new Int32Array(32);
  private mask = 31;
  /** Recently found ids by length and end characters (-1: none). */
  private readonly near = new Int32Array(NEAR_MASK + 1).fill(-1);
  private readonly long = new Map<string, number>();

  /** Number of distinct strings. */
  get size(): number {
    return this.strings.length;
  }

  /** The string of an id (a copy that shares no memory with the text it was found in). */
  get(id: number): string {
    return this.strings[id];
  }

  /** The id of `s` (added when new). */
  id(s: string): number {
    return this.idOfSpan(s, 0, s.length);
  }

  /** The id of `text.slice(start, end)`, without cutting it unless it is new. */
  idOfSpan(text: string, start: number, end: number): number {
    const len = end - start;
    if (len > LONG) return this.idOfLong(text.slice(start, end));
    // A small direct-mapped cache in front of the table, by length and end characters: an
    // export repeats few values, and mostly the previous row's. A hit costs one comparison.
    const near =
      len === 0 ? 0 : (len * 31 + text.charCodeAt(start) * 7 + text.charCodeAt(end - 1)) & NEAR_MASK;
    const cached = this.near[near];
    if (cached >= 0 && sameSpan(this.strings[cached], text, start, len)) return cached;
    const id = this.lookup(text, start, end);
    this.near[near] = id;
    return id;
  }

  private lookup(text: string, start: number, end: number): number {
    const len = end - start;
    const h = hashSpan(text, start, end);
    const mask = this.mask;
    let slot = h & mask;
    for (;;) {
      const v = this.slots[slot];
      if (v === 0) break;
      const id = v - 1;
      if (this.hashes[id] === h && sameSpan(this.strings[id], text, start, len)) return id;
      slot = (slot + 1) & mask;
    }
    const id = this.strings.length;
    this.strings.push(len === 0 ? '' : copyOf(text.slice(start, end)));
    if (id >= this.hashes.length) {
      const grown = new Int32Array(this.hashes.length * 2);
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.hashes[id] = h;
    this.slots[slot] = id + 1;
    if ((id + 1) * 2 > mask) this.rehash();
    return id;
  }

  /** Long strings (rare: a quoted paragraph) go through a Map, hashed natively. */
  private idOfLong(s: string): number {
    let id = this.long.get(s);
    if (id === undefined) {
      id = this.strings.length;
      const own = copyOf(s);
      this.strings.push(own);
      if (id >= this.hashes.length) {
        const grown = new Int32Array(this.hashes.length * 2);
        grown.set(this.hashes);
        this.hashes = grown;
      }
      this.long.set(own, id);
    }
    return id;
  }

  private rehash(): void {
    const size = this.slots.length * 2;
    const mask = size - 1;
    const slots = new Int32Array(size);
    for (let id = 0; id < this.strings.length; id++) {
      if (this.strings[id].length > LONG) continue;
      let slot = this.hashes[id] & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = id + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }
}

function sameSpan(s: string, text: string, start: number, len: number): boolean {
  return s.length === len && text.startsWith(s, start);
}

/** Pairs of 32-bit integers → dense ids. */
export class PairIds {
  private a = new Int32Array(32);
  private b = new Int32Array(32);
  /** Slot → id + 1 (0: empty). */
  private slots = new Int32Array(32);
  private mask = 31;
  private count = 0;

  /** Number of distinct pairs. */
  get size(): number {
    return this.count;
  }

  /** The id of (x, y); a new pair gets the next id (`size` before the call). */
  id(x: number, y: number): number {
    let h = Math.imul(x ^ 0x5bd1e995, 0x9e3779b1) ^ Math.imul(y + 0x7f4a7c15, 0x85ebca77);
    h ^= h >>> 15;
    const mask = this.mask;
    let slot = h & mask;
    for (;;) {
      const v = this.slots[slot];
      if (v === 0) break;
      if (this.a[v - 1] === x && this.b[v - 1] === y) return v - 1;
      slot = (slot + 1) & mask;
    }
    const id = this.count++;
    if (id >= this.a.length) {
      const a = new Int32Array(this.a.length * 2);
      a.set(this.a);
      this.a = a;
      const b = new Int32Array(this.b.length * 2);
      b.set(this.b);
      this.b = b;
    }
    this.a[id] = x;
    this.b[id] = y;
    this.slots[slot] = id + 1;
    if (this.count * 2 > mask) this.rehash();
    return id;
  }

  private rehash(): void {
    const size = this.slots.length * 2;
    const mask = size - 1;
    const slots = new Int32Array(size);
    for (let id = 0; id < this.count; id++) {
      const x = this.a[id];
      const y = this.b[id];
      let h = Math.imul(x ^ 0x5bd1e995, 0x9e3779b1) ^ Math.imul(y + 0x7f4a7c15, 0x85ebca77);
      h ^= h >>> 15;
      let slot = h & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = id + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }
}
