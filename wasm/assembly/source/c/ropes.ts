// What a walk emits, as linked lists that concatenate in O(1): each expression carries the
// references it makes, in the order gcc's assembly mentions them (a call after its
// arguments, the last argument first), and a dead operand's list is simply dropped.

import { IntVec } from "./intvec";

/** An entry: a reference to an entity, or the expansion of an inlined function walk. */
export enum EK {
  Ref = 0,
  Inline = 1,
  /** References held for a value (data: a walk's node, call: which value, sub: the held
   *  list): they count only where something live reads that value (liveuses.ts). The value
   *  is a parameter of an inline expansion (call: its index; gcc drops an argument the
   *  inlined body does not use), a local's initial one (USES_LOCAL + slot) or what an
   *  expansion returns (USES_RESULT). */
  Arg = 2,
  /** A read of such a value (data: the node, call: which value). */
  Use = 3,
}

/** An Arg's or Use's value: the initial one of the walk's local in slot k is USES_LOCAL + k. */
export const USES_LOCAL: i32 = 0x10000000;
/** An Arg's or Use's value: what an inline expansion returns. */
export const USES_RESULT: i32 = 0x7fffffff;

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

  /** Whether the list head..tail holds only loads and addresses (references that are no
   *  call, reads of held values): no call, no inline expansion. */
  onlyLoads(head: i32, tail: i32): bool {
    for (let i = head; i >= 0; i = this.next.get(i)) {
      const kind = <EK>this.kind.get(i);
      if (kind != EK.Use && (kind != EK.Ref || this.call.get(i) != 0)) return false;
      if (i == tail) break;
    }
    return true;
  }

  /** The list head..tail without its last entry, in head/tail (-1 when that was all). */
  dropLast(head: i32, tail: i32): void {
    this.head = this.tail = -1;
    if (head == tail) return;
    let x = head;
    while (x >= 0 && this.next.get(x) != tail) x = this.next.get(x);
    if (x < 0) return;
    this.next.set(x, -1);
    this.head = head;
    this.tail = x;
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
