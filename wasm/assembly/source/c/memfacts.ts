// What straight-line stores leave in memory: after `dev->hard_mtu = 1516;` a read of
// dev->hard_mtu is 1516 (gcc's FRE forwards the stored value) until anything may change it.
// A fact is a slot of the object a pointer value points to: the value's id
// (Walker.localOrigin), a byte offset and a size. Any call, store through another pointer
// value (the kernel builds with -fno-strict-aliasing: any pointer may point anywhere), asm,
// label or loop forgets them all; the end of a branch forgets those it recorded.

import { IntVec, LongVec } from "./intvec";

export class MemoryFacts {
  private origin: IntVec = new IntVec(8);
  private offset: IntVec = new IntVec(8);
  private size: IntVec = new IntVec(8);
  private depth: IntVec = new IntVec(8);
  private value: LongVec = new LongVec(8);
  /** Changes with every change of the facts (inline expansions read under other facts are
   *  other expansions). */
  version: i32 = 0;
  /** Inline expansions read for an expression that is never run (typeof, sizeof): what
   *  they store or call changes nothing. */
  frozen: i32 = 0;

  get count(): i32 {
    return this.origin.length;
  }

  copy(): MemoryFacts {
    const c = new MemoryFacts();
    c.origin = this.origin.copy();
    c.offset = this.offset.copy();
    c.size = this.size.copy();
    c.depth = this.depth.copy();
    c.value = this.value.copy();
    c.version = this.version;
    c.frozen = this.frozen;
    return c;
  }

  /** Anything may have changed memory. */
  forgetAll(): void {
    if (this.origin.length == 0 || this.frozen > 0) return;
    this.truncate(0);
  }

  /** A store of `size` bytes at `offset` into what pointer value `origin` points to, of a
   *  known value or not, under `depth` pending conditions. */
  store(origin: i32, offset: i32, size: i32, depth: i32, known: bool, value: i64): void {
    if (this.frozen > 0) return;
    let kept = 0;
    for (let k = 0; k < this.origin.length; k++) {
      // another pointer value may point to the same bytes; this one's other bytes stay
      const other = this.origin.get(k) != origin;
      const overlaps = this.offset.get(k) < offset + size && offset < this.offset.get(k) + this.size.get(k);
      if (other || overlaps) continue;
      this.move(k, kept++);
    }
    this.truncate(kept);
    if (known) {
      this.origin.push(origin);
      this.offset.push(offset);
      this.size.push(size);
      this.depth.push(depth);
      this.value.push(value);
    }
    this.version++;
  }

  /** The value stored at exactly that slot, or i64.MIN_VALUE where none is known. */
  load(origin: i32, offset: i32, size: i32): i64 {
    for (let k = this.origin.length - 1; k >= 0; k--)
      if (this.origin.get(k) == origin && this.offset.get(k) == offset && this.size.get(k) == size) return this.value.get(k);
    return i64.MIN_VALUE;
  }

  /** Code under more than `depth` conditions was left: what it stored may not have run. */
  leave(depth: i32): void {
    if (this.frozen > 0) return;
    let kept = 0;
    for (let k = 0; k < this.origin.length; k++) if (this.depth.get(k) <= depth) this.move(k, kept++);
    if (kept != this.origin.length) this.truncate(kept);
  }

  private move(from: i32, to: i32): void {
    if (from == to) return;
    this.origin.set(to, this.origin.get(from));
    this.offset.set(to, this.offset.get(from));
    this.size.set(to, this.size.get(from));
    this.depth.set(to, this.depth.get(from));
    this.value.set(to, this.value.get(from));
  }

  private truncate(n: i32): void {
    this.origin.truncate(n);
    this.offset.truncate(n);
    this.size.truncate(n);
    this.depth.truncate(n);
    this.value.truncate(n);
    this.version++;
  }
}
