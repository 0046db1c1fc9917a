// Values whose references wait for a read (liveuses.ts): a local's initial value, the value
// of a local given once, what an inline expansion returns. Where the expression is loads and
// addresses alone, all its references wait; where it is an inline call's value, that value's
// read waits (the call and its arguments stay).

import { isReserved } from "./declarations";
import { isAssignOp, K } from "./names";
import { EK } from "./ropes";
import { CK } from "./tokens";
import { Walker } from "./walker";

/** Makes the list head..tail (an expression's, tokens [from, to), whose value is an inline
 *  call's where `read` is its last entry) hold what only value `value` of walk `node` needs
 *  until something live reads that value. The list left to run regardless is in the ropes'
 *  head/tail; returns whether anything is held. */
export function holdValue(w: Walker, node: i32, value: i32, from: i32, to: i32, head: i32, tail: i32, read: i32): bool {
  const r = w.ropes;
  r.head = head;
  r.tail = tail;
  if (head < 0 || node < 0) return false;
  if (r.onlyLoads(head, tail) && onlyReads(w, from, to)) {
    r.head = r.tail = r.addParam(EK.Arg, node, value, from, head, tail);
    return true;
  }
  if (read < 0 || read != tail) return false;
  r.dropLast(head, tail);
  const held = r.addParam(EK.Arg, node, value, from, read, read);
  r.concat(r.head, r.tail, held, held);
  return true;
}

/** Whether tokens [from, to) only read: no call (a direct one's list would show it, not one
 *  through a pointer), no store, increment, volatile access or asm. */
function onlyReads(w: Walker, from: i32, to: i32): bool {
  for (let j = from; j < to; j++) {
    const k = w.kd(j);
    if (k == CK.Ident && (w.at(j) == K.Volatile || w.at(j) == K.Asm)) return false;
    if (k != CK.Punct) continue;
    const a = w.at(j);
    if (isAssignOp(a) || a == K.PlusPlus || a == K.MinusMinus) return false;
    if (a != K.LParen || j == from) continue;
    // a call: `f(`, `(*p)(`, `a[i](`; not `sizeof(`, a cast or a parenthesis
    const before = w.at(j - 1);
    const kb = w.kd(j - 1);
    if (kb == CK.Ident && !isReserved(before)) return false;
    if (kb == CK.Punct && (before == K.RParen || before == K.RBracket)) return false;
  }
  return true;
}
