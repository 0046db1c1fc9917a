// The counter of a counted `for` loop, whose range gcc's value-range propagation knows inside
// the body: in `for (i = 0; i < K; i++)` every use of i before the body changes it lies in
// [0, K - 1], so a check gcc emits as ordinary code (-fsanitize=shift's `i > 31`) folds away
// there. An array index's check is not such code (ubsan.ts) and is not helped by it.

import { Bind } from "./scope";
import { CK } from "./tokens";
import { K } from "./names";
import { VK, parseNumber } from "./values";
import { LF, Walker } from "./walker";

/** The loop counter found by findLoopCounter: its local slot and largest value in the body,
 *  and its first value when the initialization sets it to a number and the step only
 *  increases it (-1: not known). */
export let counterSlot: i32 = -1;
export let counterMax: i64 = -1;
export let counterFirst: i64 = -1;
/** The local whose bound bounds the counter (`i < max`), which the body must leave as it
 *  is (the caller checks), or -1 for a constant bound. */
export let counterBoundName: i32 = -1;
/** The step adds one to the counter (`i++`): the loop ends with it at its bound plus one. */
export let counterByOne: bool = false;

/** Looks at `for (init; cond; step)` (token ranges from its three parts' starts; `close`: the
 *  `)`) for `i < K` or `i <= K` leading the condition with a constant K (or a bounded local,
 *  counterBoundName), i a local that is unsigned, or signed, set to a constant of at least 0
 *  by the initialization and only increased by the step. A while loop (`while (pos <
 *  LID_RESUME_MAX)`) has neither (init and step -1): its condition ends at `close`, its
 *  counter is unsigned. Sets counterSlot (-1: none) and counterMax. */
export function findLoopCounter(w: Walker, init: i32, cond: i32, step: i32, close: i32): void {
  resetLoopCounter();
  const condEnd = step >= 0 ? step - 1 : close;
  if (cond < 0 || w.kd(cond) != CK.Ident || !(w.isP(cond + 1, K.Lt) || w.isP(cond + 1, K.Le))) return;
  const name = w.at(cond);
  const b = w.scope.lookup(name);
  if (w.scope.kindOf(b) != Bind.Local) return;
  const slot = w.scope.dataOf(b);
  // the bound: up to the first top-level && or the end of the condition
  let end = cond + 2;
  let depth = 0;
  while (end < condEnd) {
    if (w.kd(end) == CK.Punct) {
      const a = w.at(end);
      if (a == K.LParen || a == K.LBracket) depth++;
      else if (a == K.RParen || a == K.RBracket) depth--;
      else if (depth == 0 && (a == K.AndAnd || a == K.OrOr || a == K.Question || a == K.Comma)) break;
    }
    end++;
  }
  if (end < condEnd && !w.isP(end, K.AndAnd)) return; // `i < K || x` bounds nothing
  w.evalConst(cond + 2, end);
  let bound = w.rVK == VK.Known ? w.rVal : -1;
  if (w.rVK != VK.Known && end == cond + 3 && !(step >= 0 && names(w, w.at(cond + 2), step, close))) {
    // a local with a bound of its own (`max = nfproto == NFPROTO_ARP ? 3 : 5`)
    bound = boundOfLocal(w, w.at(cond + 2));
    counterBoundName = w.at(cond + 2);
  }
  if (bound <= 0 || bound > 0x7fffffff) return;
  const max = w.isP(cond + 1, K.Lt) ? bound - 1 : bound;
  const first = init >= 0 ? firstNumber(w, name, init, cond - 1) : -1;
  const increases = step >= 0 && onlyIncreases(w, name, step, close);
  if ((w.localFlags.get(slot) & LF.UNSIGNED) == 0 && !(first >= 0 && increases)) return;
  counterSlot = slot;
  counterMax = max;
  if (increases) counterFirst = first;
  const n = close - step;
  counterByOne = increases && (n == 2 || (n == 3 && w.t.text(step + 2) == "1"));
}

/** Finds no loop counter (findLoopCounter's answer when the body changes its bound). */
export function resetLoopCounter(): void {
  counterSlot = -1;
  counterMax = -1;
  counterFirst = -1;
  counterBoundName = -1;
  counterByOne = false;
}

/** Whether tokens [from, to) name `name`. */
function names(w: Walker, name: i32, from: i32, to: i32): bool {
  for (let j = from; j < to; j++) if (w.kd(j) == CK.Ident && w.at(j) == name) return true;
  return false;
}

/** The bound of the local named `name` where the loop starts (-1: none, or not a local). */
function boundOfLocal(w: Walker, name: i32): i64 {
  const b = w.scope.lookup(name);
  return w.scope.kindOf(b) == Bind.Local ? w.rangedBound(w.scope.dataOf(b)) : -1;
}

/** The number the initialization [from, to) ends by setting `name` to (`i = 0`), or -1. */
function firstNumber(w: Walker, name: i32, from: i32, to: i32): i64 {
  for (let j = from; j + 2 < to + 1; j++)
    if (
      w.kd(j) == CK.Ident &&
      w.at(j) == name &&
      w.isP(j + 1, K.Assign) &&
      w.kd(j + 2) == CK.Number &&
      (j + 3 >= to || w.isP(j + 3, K.Comma) || w.isP(j + 3, K.Semi))
    ) {
      const v = parseNumber(w.t.text(j + 2));
      return v >= 0 ? v : -1;
    }
  return -1;
}

/** Whether the step [from, to) is `i++`, `++i` or `i += <number>` alone. */
function onlyIncreases(w: Walker, name: i32, from: i32, to: i32): bool {
  const n = to - from;
  if (n == 2) return (w.at(from) == name && w.isP(from + 1, K.PlusPlus)) || (w.isP(from, K.PlusPlus) && w.at(from + 1) == name);
  return n == 3 && w.at(from) == name && w.isP(from + 1, K.PlusAssign) && w.kd(from + 2) == CK.Number;
}
