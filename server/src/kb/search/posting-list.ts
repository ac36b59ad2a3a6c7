// A growable posting list: document numbers with packed per-field term frequencies.
// Removed documents stay in the list until the index compacts; readers skip them.

/** title tf in bits 0–7, tags tf in bits 8–15, body tf in bits 16–31 (each capped). */
export function packTf(title: number, tags: number, body: number): number {
  return (Math.min(title, 255) | (Math.min(tags, 255) << 8) | (Math.min(body, 65535) << 16)) >>> 0;
}
export const tfTitle = (p: number): number => p & 0xff;
export const tfTags = (p: number): number => (p >>> 8) & 0xff;
export const tfBody = (p: number): number => p >>> 16;

export class PostingList {
  docs: Int32Array;
  tfs: Uint32Array;
  length = 0;

  constructor(capacity = 4) {
    this.docs = new Int32Array(capacity);
    this.tfs = new Uint32Array(capacity);
  }

  add(doc: number, packed: number): void {
    if (this.length === this.docs.length) {
      const cap = this.docs.length * 2;
      const docs = new Int32Array(cap);
      docs.set(this.docs);
      const tfs = new Uint32Array(cap);
      tfs.set(this.tfs);
      this.docs = docs;
      this.tfs = tfs;
    }
    this.docs[this.length] = doc;
    this.tfs[this.length] = packed;
    this.length++;
  }
}
