// Per-document columns in typed arrays (by document number) so the scoring loop reads flat memory
// instead of objects: liveness, filters, validity window and field lengths.
import { ARTICLE_KINDS, type ArticleKind } from './types.ts';

export const kindCode = (k: ArticleKind): number => ARTICLE_KINDS.indexOf(k);

export class DocColumns {
  alive = new Uint8Array(0);
  kind = new Uint8Array(0);
  isPublic = new Uint8Array(0);
  countyMask = new Int32Array(0);
  unit = new Int32Array(0);
  effectiveFrom = new Float64Array(0);
  expiresAt = new Float64Array(0);
  lenTitle = new Float32Array(0);
  lenTags = new Float32Array(0);
  lenBody = new Float32Array(0);
  private readonly units = new Map<string, number>();

  unitId(unit: string): number {
    let id = this.units.get(unit);
    if (id === undefined) {
      id = this.units.size + 1;
      this.units.set(unit, id);
    }
    return id;
  }

  /** -1 when the unit was never seen (so nothing matches). */
  knownUnitId(unit: string): number {
    return this.units.get(unit) ?? -1;
  }

  ensure(n: number): void {
    if (this.alive.length >= n) return;
    const cap = Math.max(n, 1024, this.alive.length * 2);
    const grow = <T extends Uint8Array | Int32Array | Float64Array | Float32Array>(
      old: T,
      make: (c: number) => T,
    ): T => {
      const next = make(cap);
      next.set(old);
      return next;
    };
    this.alive = grow(this.alive, (c) => new Uint8Array(c));
    this.kind = grow(this.kind, (c) => new Uint8Array(c));
    this.isPublic = grow(this.isPublic, (c) => new Uint8Array(c));
    this.countyMask = grow(this.countyMask, (c) => new Int32Array(c));
    this.unit = grow(this.unit, (c) => new Int32Array(c));
    this.effectiveFrom = grow(this.effectiveFrom, (c) => new Float64Array(c));
    this.expiresAt = grow(this.expiresAt, (c) => new Float64Array(c));
    this.lenTitle = grow(this.lenTitle, (c) => new Float32Array(c));
    this.lenTags = grow(this.lenTags, (c) => new Float32Array(c));
    this.lenBody = grow(this.lenBody, (c) => new Float32Array(c));
  }

  reset(): void {
    this.alive.fill(0);
  }
}
