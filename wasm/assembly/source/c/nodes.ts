// Walks and their results: one node per walk of a function body (the out-of-line copy, or
// one inline expansion per distinct set of constant arguments) or of an initializer, with
// the references it emitted, the value its returns agree on, and what gcc adds for it
// (its stack protector, retpolines and sanitizer checks).

import { copyMap } from "../../util/maps";
import { IntVec, LongVec } from "./intvec";
import { VK } from "./values";

export namespace NF {
  /** The walk finished. */
  export const DONE: i32 = 1;
  /** An expansion at a call site rather than an emitted function. */
  export const INLINE: i32 = 2;
  /** An initializer (data), not a function. */
  export const DATA: i32 = 4;
  /** A local array or a local whose address is taken (-fstack-protector-strong). */
  export const STACK_PROTECT: i32 = 8;
  /** A call through a function pointer (a retpoline thunk). */
  export const INDIRECT_CALL: i32 = 16;
  /** Its references were collected for reachability. */
  export const SCANNED: i32 = 32;
  /** References from file scope (exports, module_init): no place in the assembly order. */
  export const NOASM: i32 = 64;
  /** An array index whose bounds check survives (ubsan.ts; CONFIG_UBSAN_BOUNDS). */
  export const UBSAN_BOUNDS: i32 = 128;
  /** The same into an array that ends a record reached through a pointer: only
   *  -fsanitize=bounds-strict checks it. */
  export const UBSAN_BOUNDS_TRAILING: i32 = 256;
  /** A shift whose count check survives (CONFIG_UBSAN_SHIFT). */
  export const UBSAN_SHIFT: i32 = 512;
  /** Some way out of the body is no tail call: where the body ends its function, gcc
   *  emits a `ret` there (with -mfunction-return=thunk-extern, a jump to
   *  __x86_return_thunk). A body left only by tail calls and noreturn calls has none. */
  export const RETURNS: i32 = 1024;
  /** An inline expansion whose body stored to memory or may have (a call): one used again
   *  makes what stores left before unknown too (memfacts.ts). */
  export const WRITES_MEMORY: i32 = 2048;
}

/** Nodes.retSize before any return, and of returns of objects sized only at run time. */
export const NO_RETURN_YET = -3;
export const RETURNS_RUN_TIME_SIZE = -2;

export class Nodes {
  entity: IntVec = new IntVec(256);
  flags: IntVec = new IntVec(256);
  head: IntVec = new IntVec(256);
  retKind: IntVec = new IntVec(256);
  retValue: LongVec = new LongVec(256);
  retUnsigned: IntVec = new IntVec(256);
  /** The bits any live return's value may have: the OR of its non-negative constants and
   *  of the bounds of its other values, -1 when one has none (gcc folds a check of an index
   *  whose known bits fit). */
  retBits: LongVec = new LongVec(256);
  /** The same of the values' own bounds, where a return's bound is one a test gave
   *  (expressions.ts OF.TESTED): the caller's value then has only these as its own. */
  retOwnBits: LongVec = new LongVec(256);
  /** The size of the object every live return that is no null pointer points to (gcc's
   *  object size of the pointer an inline call returns): a constant, RETURNS_RUN_TIME_SIZE
   *  (a size of its own at each call), -1 when one has none, NO_RETURN_YET before any. */
  retSize: IntVec = new IntVec(256);
  /** The registers its calls through pointers use (a bit per register, thunks.ts). */
  thunks: IntVec = new IntVec(256);
  /** Those of calls through a parameter where it came in: true only of an out-of-line copy. */
  paramThunks: IntVec = new IntVec(256);
  /** The inline expansion its body ends in by a tail call (`return wrap(x);`), -1: none.
   *  That body's own ways out are then this one's. */
  tailInline: IntVec = new IntVec(256);
  private memo: Map<string, i32> = new Map();

  /** A copy that shares nothing with this one. */
  copy(): Nodes {
    const c = new Nodes();
    c.entity = this.entity.copy();
    c.flags = this.flags.copy();
    c.head = this.head.copy();
    c.retKind = this.retKind.copy();
    c.retValue = this.retValue.copy();
    c.retUnsigned = this.retUnsigned.copy();
    c.retBits = this.retBits.copy();
    c.retOwnBits = this.retOwnBits.copy();
    c.retSize = this.retSize.copy();
    c.thunks = this.thunks.copy();
    c.paramThunks = this.paramThunks.copy();
    c.tailInline = this.tailInline.copy();
    c.memo = copyMap(this.memo);
    return c;
  }

  add(entity: i32, flags: i32): i32 {
    this.entity.push(entity);
    this.flags.push(flags);
    this.head.push(-1);
    this.retKind.push(-1); // no return seen yet
    this.retValue.push(0);
    this.retUnsigned.push(0);
    this.retBits.push(0);
    this.retOwnBits.push(0);
    this.retSize.push(NO_RETURN_YET);
    this.thunks.push(0);
    this.paramThunks.push(0);
    this.tailInline.push(-1);
    return this.entity.length - 1;
  }

  get count(): i32 {
    return this.entity.length;
  }
  @inline has(n: i32, f: i32): bool {
    return (this.flags.get(n) & f) != 0;
  }
  @inline mark(n: i32, f: i32): void {
    this.flags.set(n, this.flags.get(n) | f);
  }

  /** The value of the function's live returns when they all agree, else NotConst. */
  returnKind(n: i32): VK {
    const k = this.retKind.get(n);
    return k < 0 ? VK.NotConst : <VK>k;
  }

  /** Records one live `return` of value (k, v), at most `max` when that is known, and at
   *  most `own` by its own range (see retOwnBits), pointing to an object of `size` bytes
   *  (-1: unknown; a run-time size, isDynamicSize, is one of its own at each call). */
  addReturn(n: i32, k: VK, v: i64, uns: bool, max: i64 = -1, own: i64 = max, size: i32 = -1): void {
    // a null pointer points to no object: the others' size is the size (`return NULL;` of
    // devm_kmalloc_array's overflow)
    if (!(k == VK.Known && v == 0)) {
      const was = this.retSize.get(n);
      const now = size < -1 ? RETURNS_RUN_TIME_SIZE : size;
      if (was == NO_RETURN_YET || was == now) this.retSize.set(n, now);
      else if (was == -1 || now == -1) this.retSize.set(n, -1);
      else this.retSize.set(n, RETURNS_RUN_TIME_SIZE); // either of two: known only at run time
    }
    const cur = this.retKind.get(n);
    const bits = cur < 0 ? 0 : this.retBits.get(n);
    const bound = k == VK.Known ? v : max;
    this.retBits.set(n, bits >= 0 && bound >= 0 ? bits | bound : -1);
    const ownBits = cur < 0 ? 0 : this.retOwnBits.get(n);
    const ownBound = k == VK.Known ? v : own;
    this.retOwnBits.set(n, ownBits >= 0 && ownBound >= 0 ? ownBits | ownBound : -1);
    if (cur < 0) {
      this.retKind.set(n, <i32>k);
      this.retValue.set(n, v);
      this.retUnsigned.set(n, uns ? 1 : 0);
      return;
    }
    if (cur == <i32>VK.Known && k == VK.Known && this.retValue.get(n) == v) return;
    if (cur != <i32>VK.NotConst && k != VK.NotConst) {
      this.retKind.set(n, <i32>VK.Const);
      return;
    }
    this.retKind.set(n, <i32>VK.NotConst);
  }

  /** A way out of node n's body: by a tail call of the inline expansion `tail` (>= 0), by
   *  another tail call (-2), or otherwise (-1: a `ret`). Two different expansions in tail
   *  position are taken as a `ret` (no real code was seen to need more). */
  addExit(n: i32, tail: i32): void {
    if (tail == -2) return;
    const cur = this.tailInline.get(n);
    if (tail >= 0 && (cur < 0 || cur == tail)) this.tailInline.set(n, tail);
    else this.mark(n, NF.RETURNS);
  }

  /** The node of an inline expansion with these arguments, or -1. */
  findExpansion(key: string): i32 {
    return this.memo.has(key) ? this.memo.get(key) : -1;
  }
  rememberExpansion(key: string, n: i32): void {
    this.memo.set(key, n);
  }
}
