// Static functions gcc expands where they are called because they are called once
// (-finline-functions-called-once, on from -O1; the kernel turns it off only with
// CONFIG_DEBUG_SECTION_MISMATCH, which no Debian kernel sets). Expanded, such a function sees
// its caller's arguments: a local whose address it takes stays a register (no stack
// protector), a constant length lets the mem* expander and fortify decide. A function counts
// when its name is called once in all the code, from a function that is not itself inline (an
// inline caller's copies would call it more than once), and its address is never taken (gcc
// would keep the function out of line then; a local or parameter of that name is another
// thing).

import { EF, EntKind, Entity } from "./entities";
import { K } from "./names";
import { CK } from "./tokens";
import { Walker } from "./walker";

/** The ids of the functions of `w`'s unit that gcc inlines as called once. */
export function calledOnceFunctions(w: Walker): Set<i32> {
  const t = w.t;
  const ents = w.ents;
  const out = new Set<i32>();
  // candidates by name, and where the first of them is declared (code before cannot call them)
  const byAtom = new Map<i32, i32>();
  let from = t.length;
  for (let k = 0; k < ents.count; k++) {
    const e = ents.peek(k);
    if (e.aliasTarget >= 0) {
      const target = ents.find(e.aliasTarget);
      if (target != null) byAtom.set((target as Entity).atom, -1);
    }
    if (!candidate(w, e) || byAtom.has(e.atom)) continue;
    byAtom.set(e.atom, e.id);
    const at = e.declTok >= 0 ? e.declTok : e.defTok;
    if (at >= 0 && at < from) from = at;
  }
  if (from >= t.length) return out;
  // the code after `from`: function bodies and initializers, each once (a block-scope
  // static's initializer is inside its function's body)
  const starts: i64[] = [];
  for (let k = 0; k < ents.count; k++) {
    const e = ents.peek(k);
    if (e.kind == EntKind.Function && e.bodyOpen >= from) starts.push(range(e.bodyOpen, e.bodyClose + 1, k));
    else if (e.kind == EntKind.Object && e.initStart >= from && e.initEnd > e.initStart) starts.push(range(e.initStart, e.initEnd, k));
  }
  starts.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const calls = new Map<i32, i32>();
  let done = 0;
  for (let q = 0; q < starts.length; q++) {
    const a = <i32>(starts[q] >> 40);
    const b = <i32>((starts[q] >> 20) & 0xfffff) + a;
    const owner = ents.peek(<i32>(starts[q] & 0xfffff));
    for (let j = a > done ? a : done; j < b; j++) {
      if (t.kindAt(j) != CK.Ident || !byAtom.has(t.atomAt(j))) continue;
      const id = byAtom.get(t.atomAt(j));
      if (id < 0) continue;
      if (t.kindAt(j - 1) == CK.Punct && (t.atomAt(j - 1) == K.Dot || t.atomAt(j - 1) == K.Arrow)) continue;
      const call = t.kindAt(j + 1) == CK.Punct && t.atomAt(j + 1) == K.LParen;
      // the name not called: a local or parameter of that name, or the function's address
      // (gcc keeps the function out of line then)
      if (!call && (declaresHere(w, owner, j) || namesParameter(w, owner, t.atomAt(j)))) continue;
      // more than one call, or one from a function that is not emitted once: never counted
      if (!call || owner.id == id || owner.kind != EntKind.Function || owner.isInline() || calls.has(id)) byAtom.set(t.atomAt(j), -1);
      else calls.set(id, 1);
    }
    if (b > done) done = b;
  }
  const ids = calls.keys();
  for (let k = 0; k < ids.length; k++) if (byAtom.get(ents.peek(ids[k]).atom) == ids[k]) out.add(ids[k]);
  return out;
}

/** Whether the name at token j is declared there: after a type's last word or a `*`. */
export function declaresHere(w: Walker, owner: Entity, j: i32): bool {
  const t = w.t;
  if (owner.kind != EntKind.Function) return false;
  if (t.kindAt(j - 1) == CK.Punct)
    return t.atomAt(j - 1) == K.Star && (t.kindAt(j - 2) == CK.Ident || (t.kindAt(j - 2) == CK.Punct && t.atomAt(j - 2) == K.Star));
  const before = t.atomAt(j - 1);
  return t.kindAt(j - 1) == CK.Ident && before != K.Return && before != K.Case && before != K.Sizeof;
}

/** Whether `atom` names a parameter of function `owner`. */
export function namesParameter(w: Walker, owner: Entity, atom: i32): bool {
  if (owner.kind != EntKind.Function || owner.paramOpen < 0) return false;
  for (let j = owner.paramOpen + 1; j < owner.paramClose; j++) if (w.t.kindAt(j) == CK.Ident && w.t.atomAt(j) == atom) return true;
  return false;
}

/** A start, a length and an entity in one sortable key (tokens below 2^23, lengths and ids
 *  below 2^20). */
function range(a: i32, b: i32, id: i32): i64 {
  const n = b - a;
  return ((<i64>a) << 40) | ((<i64>(n < 0xfffff ? n : 0xfffff)) << 20) | (<i64>(id & 0xfffff));
}

/** A static function with a body that gcc may inline: not inline already, not kept out of
 *  line by an attribute, and with a fixed argument list. */
function candidate(w: Walker, e: Entity): bool {
  if (e.kind != EntKind.Function || e.bodyOpen < 0 || !e.isStatic() || e.isInline()) return false;
  if (e.has(EF.NOINLINE | EF.USED | EF.WEAK | EF.DIAGNOSE | EF.NORETURN)) return false;
  for (let j = e.paramOpen; j >= 0 && j < e.paramClose; j++) if (w.t.kindAt(j) == CK.Punct && w.t.atomAt(j) == K.Ellipsis) return false;
  return true;
}
