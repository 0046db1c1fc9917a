// An inline wrapper of an allocator: `static inline void *devm_kzalloc(struct device *dev,
// size_t size, gfp_t gfp) { return devm_kmalloc(dev, size, gfp | __GFP_ZERO); }` has no
// alloc_size of its own, but once gcc inlines it the pointer it returns is devm_kmalloc's,
// whose object size (alloc_size(2)) is the wrapper's argument: fortify's
// __builtin_dynamic_object_size sees it as if the caller had called devm_kmalloc.

import { listItems, matchClose } from "./attributes";
import { Entity } from "./entities";
import { K } from "./names";
import { CK, CTokens } from "./tokens";
import { Walker } from "./walker";

/** The alloc_size (Entity.allocSize's encoding) inline function `e` passes on: its body is
 *  `return g(...);` of a g with alloc_size whose size arguments are `e`'s parameters as they
 *  are; 0 for any other function. */
export function passedAllocSize(w: Walker, e: Entity): i32 {
  const t = w.t;
  const open = e.bodyOpen;
  if (!e.isInline() || open < 0 || e.paramOpen < 0 || !isIdent(t, open + 1, K.Return) || t.kindAt(open + 2) != CK.Ident) return 0;
  const call = open + 3;
  if (!isPunct(t, call, K.LParen)) return 0;
  const close = matchClose(t, call, e.bodyClose);
  if (!isPunct(t, close + 1, K.Semi) || close + 2 != e.bodyClose) return 0;
  const g = w.ents.find(t.atomAt(open + 2));
  if (g == null || (g as Entity).allocSize == 0) return 0;
  const starts = listItems(t, call, close);
  let out = 0;
  for (let shift = 0; shift <= 8; shift += 8) {
    const k = ((g as Entity).allocSize >> shift) & 0xff;
    if (k == 0) continue;
    // the argument is one name, ended by its comma or the call's `)`
    if (k >= starts.length) return 0;
    const a = starts[k - 1];
    if (t.kindAt(a) != CK.Ident || a + 1 != starts[k] - 1) return 0;
    const p = parameterIndex(t, e, t.atomAt(a));
    if (p < 0 || p > 0xfe) return 0;
    out |= (p + 1) << shift;
  }
  return out;
}

/** Which parameter of `e` (0: the first) the name `atom` declares, or -1. */
function parameterIndex(t: CTokens, e: Entity, atom: i32): i32 {
  const starts = listItems(t, e.paramOpen, e.paramClose);
  for (let p = 0; p + 1 < starts.length; p++) {
    for (let j = starts[p]; j < starts[p + 1] - 1; j++) if (t.kindAt(j) == CK.Ident && t.atomAt(j) == atom) return p;
  }
  return -1;
}

function isIdent(t: CTokens, j: i32, atom: i32): bool {
  return t.kindAt(j) == CK.Ident && t.atomAt(j) == atom;
}

function isPunct(t: CTokens, j: i32, atom: i32): bool {
  return t.kindAt(j) == CK.Punct && t.atomAt(j) == atom;
}
