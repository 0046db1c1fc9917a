// Ordinary identifiers in scope (C11 6.2.1): typedef names, enum constants, locals and
// parameters, file-scope functions and objects. One chain of bindings per atom, newest
// first; closing a block pops what it declared. A binding also records the function walk it
// belongs to, so that an inline function walked at a call site sees file scope and its own
// locals, never its caller's.

import { IntVec } from "./intvec";

/** What a name is bound to. `data` indexes the matching table (typedefs, constants, the
 *  walk's locals, entities). */
export enum Bind {
  None = 0,
  Typedef,
  EnumConst,
  Local,
  Entity,
}

export class Scope {
  private head: Int32Array = new Int32Array(4096);
  // the bindings grow as a file declares: a small file touches little fresh memory
  private kind: IntVec = new IntVec(256);
  private data: IntVec = new IntVec(256);
  private walk: IntVec = new IntVec(256);
  private prev: IntVec = new IntVec(256);
  private atom: IntVec = new IntVec(256);
  /** The token where each binding's name was declared. */
  private pos: IntVec = new IntVec(256);
  private marks: IntVec = new IntVec(64);
  /** The function walk new bindings belong to (0: file scope). */
  walkId: i32 = 0;

  constructor() {
    this.head.fill(-1);
  }

  private ensure(a: i32): void {
    if (a < this.head.length) return;
    let cap = this.head.length << 1;
    while (cap <= a) cap <<= 1;
    const b = new Int32Array(cap);
    b.fill(-1);
    for (let i = 0; i < this.head.length; i++) unchecked((b[i] = this.head[i]));
    this.head = b;
  }

  /** A copy that shares nothing with this one. */
  copy(): Scope {
    const c = new Scope();
    c.head = this.head.slice(0);
    c.kind = this.kind.copy();
    c.data = this.data.copy();
    c.walk = this.walk.copy();
    c.prev = this.prev.copy();
    c.atom = this.atom.copy();
    c.pos = this.pos.copy();
    c.marks = this.marks.copy();
    c.walkId = this.walkId;
    return c;
  }

  /** Binds `a`, declared at token `at`, in the innermost open block (or at file scope when
   *  none is open). */
  bind(a: i32, kind: Bind, data: i32, at: i32): void {
    this.ensure(a);
    const n = this.kind.push(<i32>kind);
    this.data.push(data);
    this.walk.push(this.walkId);
    this.prev.push(unchecked(this.head[a]));
    this.atom.push(a);
    this.pos.push(at);
    unchecked((this.head[a] = n));
  }

  /** Every binding, oldest first (file scope, then the open blocks'): `count`, and each one's
   *  name, walk and where it was declared. gcc's spelling suggestions read them. */
  get count(): i32 {
    return this.kind.length;
  }
  @inline atomAt(n: i32): i32 {
    return this.atom.get(n);
  }
  @inline walkAt(n: i32): i32 {
    return this.walk.get(n);
  }
  @inline posAt(n: i32): i32 {
    return this.pos.get(n);
  }

  /** The binding `a` has here, or -1. */
  lookup(a: i32): i32 {
    if (a >= this.head.length) return -1;
    let n = unchecked(this.head[a]);
    const w = this.walkId;
    while (n >= 0) {
      const nw = this.walk.get(n);
      if (nw == 0 || nw == w) return n;
      n = this.prev.get(n);
    }
    return -1;
  }

  @inline kindOf(n: i32): Bind {
    return n < 0 ? Bind.None : <Bind>this.kind.get(n);
  }
  @inline dataOf(n: i32): i32 {
    return this.data.get(n);
  }

  /** Replaces what binding n points at (a const local whose value became known). */
  setData(n: i32, d: i32): void {
    this.data.set(n, d);
  }

  /** Opens a block. */
  open(): void {
    this.marks.push(this.kind.length);
  }

  /** Closes the innermost block, unbinding what it declared. */
  close(): void {
    if (this.marks.length == 0) return;
    const m = this.marks.pop();
    for (let n = this.kind.length - 1; n >= m; n--) unchecked((this.head[this.atom.get(n)] = this.prev.get(n)));
    this.kind.truncate(m);
    this.data.truncate(m);
    this.walk.truncate(m);
    this.prev.truncate(m);
    this.atom.truncate(m);
    this.pos.truncate(m);
  }

  /** How many blocks are open (to restore after a walk that stopped early). */
  get depth(): i32 {
    return this.marks.length;
  }

  /** Closes blocks until `depth` remain. */
  closeTo(depth: i32): void {
    while (this.marks.length > depth) this.close();
  }
}
