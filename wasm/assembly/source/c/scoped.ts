// What a local is known to hold inside conditionally run code: a branch's assignment or
// test tells something (an object size, a bound, a constant) that holds until that code is
// left or a label is reached (gcc's SSA name of the assignment, which a later merge replaces
// by a PHI). Each entry keeps the bound the local had before, to give it back then.

import { IntVec, LongVec } from "./intvec";

/** What made a scoped entry. */
export namespace SE {
  /** An assignment: what it told is joined where the branches meet (Walker.joinBranches). */
  export const ASSIGNED: i32 = 0;
  /** The code's condition (a test's bound): nothing to join. */
  export const TESTED: i32 = 1;
}

export class ScopedFacts {
  private slots: IntVec = new IntVec(16);
  private depths: IntVec = new IntVec(16);
  private makers: IntVec = new IntVec(16);
  // the local's bound before the entry (Walker.localMax, its TESTED/DERIVED flags,
  // localOwn, localHi)
  private maxes: LongVec = new LongVec(16);
  private flags: IntVec = new IntVec(16);
  private owns: LongVec = new LongVec(16);
  private his: LongVec = new LongVec(16);

  get count(): i32 {
    return this.slots.length;
  }

  copy(): ScopedFacts {
    const c = new ScopedFacts();
    c.slots = this.slots.copy();
    c.depths = this.depths.copy();
    c.makers = this.makers.copy();
    c.maxes = this.maxes.copy();
    c.flags = this.flags.copy();
    c.owns = this.owns.copy();
    c.his = this.his.copy();
    return c;
  }

  /** Local `slot` is given facts under `depth` conditions; the arguments after `maker` are
   *  what it held before. */
  push(slot: i32, depth: i32, maker: i32, max: i64, flags: i32, own: i64, hi: i64): void {
    this.slots.push(slot);
    this.depths.push(depth);
    this.makers.push(maker);
    this.maxes.push(max);
    this.flags.push(flags);
    this.owns.push(own);
    this.his.push(hi);
  }

  @inline slot(k: i32): i32 {
    return this.slots.get(k);
  }
  @inline depth(k: i32): i32 {
    return this.depths.get(k);
  }
  @inline maker(k: i32): i32 {
    return this.makers.get(k);
  }
  @inline maxBefore(k: i32): i64 {
    return this.maxes.get(k);
  }
  @inline flagsBefore(k: i32): i32 {
    return this.flags.get(k);
  }
  @inline ownBefore(k: i32): i64 {
    return this.owns.get(k);
  }
  @inline hiBefore(k: i32): i64 {
    return this.his.get(k);
  }

  /** Drops the entries of the locals in `drop`, keeping the others in order. */
  dropSlots(drop: Set<i32>): void {
    let kept = 0;
    for (let k = 0; k < this.slots.length; k++) if (!drop.has(this.slots.get(k))) this.move(k, kept++);
    this.truncate(kept);
  }

  truncate(n: i32): void {
    this.slots.truncate(n);
    this.depths.truncate(n);
    this.makers.truncate(n);
    this.maxes.truncate(n);
    this.flags.truncate(n);
    this.owns.truncate(n);
    this.his.truncate(n);
  }

  private move(from: i32, to: i32): void {
    if (from == to) return;
    this.slots.set(to, this.slots.get(from));
    this.depths.set(to, this.depths.get(from));
    this.makers.set(to, this.makers.get(from));
    this.maxes.set(to, this.maxes.get(from));
    this.flags.set(to, this.flags.get(from));
    this.owns.set(to, this.owns.get(from));
    this.his.set(to, this.his.get(from));
  }
}
