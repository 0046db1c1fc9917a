// What a walk emits, as linked lists that concatenate in O(1): each expression carries the
// references it makes, in the order gcc's assembly mentions them (a call after its
// arguments, the last argument first), and a dead operand's list is simply dropped.

import { IntVec } from "./intvec";

/** An entry: a reference to an entity, or the expansion of an inlined function walk. */
export enum EK {
  Ref = 0,
  Inline = 1,
  /** An inline call's argument (data: the expansion's node, call: the parameter's index,
   *  sub: the argument's own list): its references count only where the expansion's live
   *  code reads that parameter (gcc drops an argument the inlined body does not use). */
  Arg = 2,
  /** A read of a parameter whose argument is an Arg (data: the expansion, call: its index). */
  Use = 3,
}

export class Ropes {
  kind: IntVec = new IntVec(256);
  data: IntVec = new IntVec(256);
  tok: IntVec = new IntVec(256);
  call: IntVec = new IntVec(256);
  next: IntVec = new IntVec(256);
  /** An Arg entry's own list (-1 for any other). */
  sub: IntVec = new IntVec(256);
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
    c.sub = this.sub.copy();
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
    this.sub.push(-1);
    return this.next.push(-1);
  }

  /** A one-entry list of kind Arg or Use for parameter `param` of expansion `node`, an Arg
   *  holding the list `head`..`tail` (which ends there from now on). */
  addParam(kind: EK, node: i32, param: i32, tok: i32, head: i32 = -1, tail: i32 = -1): i32 {
    const x = this.add(kind, node, tok, false);
    this.call.set(x, param);
    if (head >= 0) {
      this.next.set(tail, -1);
      this.sub.set(x, head);
    }
    return x;
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
