// What a walk emits, as linked lists that concatenate in O(1): each expression carries the
// references it makes, in the order gcc's assembly mentions them (a call after its
// arguments, the last argument first), and a dead operand's list is simply dropped.

import { IntVec } from "./intvec";

/** An entry: a reference to an entity, or the expansion of an inlined function walk. */
export enum EK {
  Ref = 0,
  Inline = 1,
}

export class Ropes {
  kind: IntVec = new IntVec(256);
  data: IntVec = new IntVec(256);
  tok: IntVec = new IntVec(256);
  call: IntVec = new IntVec(256);
  next: IntVec = new IntVec(256);
  /** The result of concat(). */
  head: i32 = -1;
  tail: i32 = -1;

  /** A copy that shares nothing with this one. */
  copy(): Ropes {
    const c = new Ropes();
    c.kind = this.kind.copy();
    c.data = this.data.copy();
    c.tok = this.tok.copy();
    c.call = this.call.copy();
    c.next = this.next.copy();
    c.head = this.head;
    c.tail = this.tail;
    return c;
  }

  /** A new one-entry list (its index is both head and tail). */
  add(kind: EK, data: i32, tok: i32, call: bool): i32 {
    this.kind.push(<i32>kind);
    this.data.push(data);
    this.tok.push(tok);
    this.call.push(call ? 1 : 0);
    return this.next.push(-1);
  }

  /** Joins two lists (either may be empty: head -1); the result is in head/tail. */
  concat(h1: i32, t1: i32, h2: i32, t2: i32): void {
    if (h1 < 0) {
      this.head = h2;
      this.tail = t2;
      return;
    }
    if (h2 < 0) {
      this.head = h1;
      this.tail = t1;
      return;
    }
    this.next.set(t1, h2);
    this.head = h1;
    this.tail = t2;
  }
}
