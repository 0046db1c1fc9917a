// The initializer items of read-only data: an element or member of a const object defined
// with an initializer reads as that item, as gcc folds such loads (fold_const_aggregate_ref):
// `strlen(names[1])` of `static const char * const names[] = { "a", "bc" }` is 2, and a
// fortified strscpy from an id table's `ids[0].name` copies a known string.

import { matchClose } from "./attributes";
import { K } from "./names";
import { CK } from "./tokens";
import { VK } from "./values";
import { Walker } from "./walker";

/** The item found by elementItem or memberItem: tokens [itemStart, itemEnd). */
export let itemStart: i32 = -1;
export let itemEnd: i32 = -1;

/** Finds element k of the braced initializer at `open` (positional items and `[i] =`,
 *  `[i ... j] =` designators). False where it has none or cannot be told. */
export function elementItem(w: Walker, open: i32, k: i64): bool {
  if (!w.isP(open, K.LBrace)) return false;
  const close = matchClose(w.t, open, w.lim);
  let at: i64 = 0;
  let j = open + 1;
  while (j < close) {
    let value = j;
    let last = at;
    if (w.isP(j, K.LBracket)) {
      const shut = matchClose(w.t, j, close);
      let dots = -1;
      for (let q = j + 1; q < shut; q++) if (w.isP(q, K.Ellipsis)) dots = q;
      w.evalConst(j + 1, dots >= 0 ? dots : shut);
      if (w.rVK != VK.Known) return false;
      at = w.rVal;
      last = at;
      if (dots >= 0) {
        w.evalConst(dots + 1, shut);
        if (w.rVK != VK.Known) return false;
        last = w.rVal;
      }
      // `[i].m = v` sets part of an element: not modelled
      if (!w.isP(shut + 1, K.Assign)) return false;
      value = shut + 2;
    } else if (w.isP(j, K.Dot)) return false;
    const end = w.decls.endOfItem(value, true);
    if (k >= at && k <= last) return found(value, end);
    at = last + 1;
    j = end + 1;
  }
  return false;
}

/** Finds member `name` (at `position` among the record's members, -1: not known) in the
 *  braced initializer at `open` (positional items and `.m =` designators). */
export function memberItem(w: Walker, open: i32, name: i32, position: i32): bool {
  if (!w.isP(open, K.LBrace)) return false;
  const close = matchClose(w.t, open, w.lim);
  let at = 0;
  let j = open + 1;
  while (j < close) {
    let value = j;
    let named = -1;
    if (w.isP(j, K.Dot) && w.kd(j + 1) == CK.Ident) {
      named = w.at(j + 1);
      // `.m.n = v` sets part of a member: not modelled
      if (!w.isP(j + 2, K.Assign)) {
        if (named == name) return false;
        value = j + 2;
      } else value = j + 3;
    } else if (w.isP(j, K.LBracket)) return false;
    const end = w.decls.endOfItem(value, true);
    if (named >= 0 ? named == name : position >= 0 && at == position) return found(value, end);
    // after `.m = v` positional items go on from m's place, which only the record knows
    if (named >= 0) at = -1 << 30;
    at++;
    j = end + 1;
  }
  return false;
}

function found(start: i32, end: i32): bool {
  if (end <= start) return false;
  itemStart = start;
  itemEnd = end;
  return true;
}
