// Parameters gcc's interprocedural constant propagation fixes (-fipa-cp, on from -O2): a
// static function only ever called by name, whose every call passes the same constant for a
// parameter, is compiled with that constant in the parameter's place (ch9200's
// control_read(..., 0x02, ...) calls kmalloc(2), kmalloc_caches then). It need not be inline:
// noinline keeps it out of line, not its callers' constants out of it (rd.constprop.0).
// Calls with different constants would need a clone, which -O2 does not make; their range
// still reaches the body (-fipa-vrp): adt7411's read_10_bit(..., lsb_shift) called with 0, 2,
// 4 and 6 shifts by at most 6, also through a caller passing its own parameter on
// (eeepc-laptop's store_sys_acpi(dev, cm, ...) → set_acpi(eeepc, cm, value)).

import { matchClose } from "./attributes";
import { declaresHere, namesParameter } from "./calledonce";
import { EF, EntKind, Entity } from "./entities";
import { K } from "./names";
import { CK } from "./tokens";
import { VK } from "./values";
import { Walker } from "./walker";

/** A parameter no constant fixes. */
export const NOT_FIXED: i64 = i64.MIN_VALUE;

/** What gcc propagates into the parameters of the functions of a unit, by function id, in
 *  parameter order. */
export class IpaParameters {
  /** The constant every call passes (NOT_FIXED where the calls disagree or pass none). */
  fixed: Map<i32, i64[]> = new Map();
  /** The largest of the constants every call passes where none is negative, else -1. */
  largest: Map<i32, i64[]> = new Map();
}

/** The parameters of `w`'s unit's functions that gcc propagates constants into. */
export function ipaConstants(w: Walker): IpaParameters {
  const t = w.t;
  const ents = w.ents;
  const params = new IpaParameters();
  const out = params.fixed;
  const byAtom = new Map<i32, i32>();
  for (let k = 0; k < ents.count; k++) {
    const e = ents.peek(k);
    if (e.aliasTarget >= 0) {
      const target = ents.find(e.aliasTarget);
      if (target != null) byAtom.set((target as Entity).atom, -1);
    }
    if (candidate(w, e) && !byAtom.has(e.atom)) byAtom.set(e.atom, e.id);
  }
  if (byAtom.size == 0) return params;
  // the calls passing a parameter of their caller on (the callee, its parameter, the caller,
  // the caller's parameter)
  throughCallee.length = 0;
  throughParam.length = 0;
  throughOwner.length = 0;
  throughOwnerParam.length = 0;
  // every function body and initializer, each once, with its owner
  for (let k = 0; k < ents.count; k++) {
    const owner = ents.peek(k);
    let a = -1,
      b = -1;
    if (owner.kind == EntKind.Function && owner.bodyOpen >= 0 && owner.defTok >= 0 && owner.bodyOpen > owner.defTok) {
      a = owner.bodyOpen;
      b = owner.bodyClose;
    } else if (owner.kind == EntKind.Object && owner.initStart >= 0) {
      a = owner.initStart;
      b = owner.initEnd;
    }
    for (let j = a; j >= 0 && j < b; j++) {
      if (t.kindAt(j) != CK.Ident || !byAtom.has(t.atomAt(j))) continue;
      const id = byAtom.get(t.atomAt(j));
      if (id < 0) continue;
      if (t.kindAt(j - 1) == CK.Punct && (t.atomAt(j - 1) == K.Dot || t.atomAt(j - 1) == K.Arrow)) continue;
      const call = t.kindAt(j + 1) == CK.Punct && t.atomAt(j + 1) == K.LParen;
      if (!call) {
        // a local or parameter of that name, or the function's address: no constants then
        if (!declaresHere(w, owner, j) && !namesParameter(w, owner, t.atomAt(j))) byAtom.set(t.atomAt(j), -1);
        continue;
      }
      const close = matchClose(t, j + 1, b + 1);
      const values = argumentValues(w, owner, j + 1, close);
      for (let p = 0; p < passedOn.length; p++)
        if (passedOn[p] >= 0) {
          throughCallee.push(id);
          throughParam.push(p);
          throughOwner.push(owner.id);
          throughOwnerParam.push(passedOn[p]);
        }
      const callee = ents.peek(id);
      if (values.length != parameterCount(w, callee)) {
        byAtom.set(t.atomAt(j), -1);
        continue;
      }
      if (!out.has(id)) {
        out.set(id, values);
        const largest: i64[] = [];
        for (let p = 0; p < values.length; p++) largest.push(UNSEEN);
        params.largest.set(id, largest);
      } else {
        const seen = out.get(id);
        for (let p = 0; p < seen.length; p++) if (seen[p] != values[p]) seen[p] = NOT_FIXED;
      }
      const largest = params.largest.get(id);
      for (let p = 0; p < values.length; p++) if (passedOn[p] < 0) largest[p] = largestOf(largest[p], values[p] == NOT_FIXED ? -1 : values[p]);
    }
  }
  // a parameter passed on is at most what the caller's is (unknown for a caller gcc does not
  // propagate into), until nothing changes
  for (let round = 0, changed = true; changed && round < 16; round++) {
    changed = false;
    for (let k = 0; k < throughCallee.length; k++) {
      const largest = params.largest.has(throughCallee[k]) ? params.largest.get(throughCallee[k]) : null;
      if (largest == null) continue;
      const from = params.largest.has(throughOwner[k]) ? params.largest.get(throughOwner[k]) : null;
      const v = from != null && throughOwnerParam[k] < from.length ? from[throughOwnerParam[k]] : -1;
      if (v == UNSEEN) continue;
      const now = largestOf(largest[throughParam[k]], v);
      if (now != largest[throughParam[k]]) {
        largest[throughParam[k]] = now;
        changed = true;
      }
    }
  }
  const ranged = params.largest.values();
  for (let k = 0; k < ranged.length; k++) for (let p = 0; p < ranged[k].length; p++) if (ranged[k][p] == UNSEEN) ranged[k][p] = -1;
  // drop the functions whose address was taken after their first call was seen
  const ids = out.keys();
  for (let k = 0; k < ids.length; k++)
    if (byAtom.get(ents.peek(ids[k]).atom) != ids[k]) {
      out.delete(ids[k]);
      params.largest.delete(ids[k]);
    }
  return params;
}

/** A parameter's largest value while only calls passing a parameter on have been seen. */
const UNSEEN: i64 = -2;

/** The largest of what a parameter was given so far (`sofar`, UNSEEN at first) and `v` (-1: a
 *  value not known, or negative, which leaves it unknown). */
function largestOf(sofar: i64, v: i64): i64 {
  if (sofar == -1 || v < 0) return -1;
  return sofar == UNSEEN || v > sofar ? v : sofar;
}

const throughCallee: i32[] = [];
const throughParam: i32[] = [];
const throughOwner: i32[] = [];
const throughOwnerParam: i32[] = [];

/** Per argument of the last argumentValues() call: the index of the calling function's
 *  parameter it is alone, else -1. */
const passedOn: i32[] = [];

/** The constant each argument of the call whose list is [open, close] passes, NOT_FIXED for
 *  one that is no constant (or names a parameter of the calling function). */
function argumentValues(w: Walker, owner: Entity, open: i32, close: i32): i64[] {
  const t = w.t;
  const values: i64[] = [];
  passedOn.length = 0;
  if (close == open + 1) return values;
  let from = open + 1;
  let depth = 0;
  for (let j = open + 1; j <= close; j++) {
    if (t.kindAt(j) == CK.Punct) {
      const a = t.atomAt(j);
      if (a == K.LParen || a == K.LBracket || a == K.LBrace) depth++;
      else if ((a == K.RParen || a == K.RBracket || a == K.RBrace) && j < close) depth--;
    }
    if (!(j == close || (depth == 0 && t.kindAt(j) == CK.Punct && t.atomAt(j) == K.Comma))) continue;
    let mentionsParameter = false;
    for (let q = from; q < j; q++) if (t.kindAt(q) == CK.Ident && namesParameter(w, owner, t.atomAt(q))) mentionsParameter = true;
    w.evalConst(from, j);
    values.push(!mentionsParameter && w.rVK == VK.Known ? w.rVal : NOT_FIXED);
    passedOn.push(j == from + 1 && mentionsParameter ? parameterIndex(w, owner, t.atomAt(from)) : -1);
    from = j + 1;
  }
  return values;
}

/** The index of function `e`'s parameter named `atom`, or -1. */
function parameterIndex(w: Walker, e: Entity, atom: i32): i32 {
  const t = w.t;
  let n = 0;
  let depth = 0;
  for (let j = e.paramOpen + 1; j >= 1 && j < e.paramClose; j++) {
    if (t.kindAt(j) == CK.Ident && t.atomAt(j) == atom) return depth == 0 ? n : -1;
    if (t.kindAt(j) != CK.Punct) continue;
    const a = t.atomAt(j);
    if (a == K.LParen || a == K.LBracket) depth++;
    else if (a == K.RParen || a == K.RBracket) depth--;
    else if (a == K.Comma && depth == 0) n++;
  }
  return -1;
}

/** How many parameters function `e` declares (0 for `(void)`). */
function parameterCount(w: Walker, e: Entity): i32 {
  const t = w.t;
  if (e.paramOpen < 0 || e.paramClose <= e.paramOpen + 1) return 0;
  if (e.paramClose == e.paramOpen + 2 && t.kindAt(e.paramOpen + 1) == CK.Ident && t.atomAt(e.paramOpen + 1) == K.Void) return 0;
  let n = 1;
  let depth = 0;
  for (let j = e.paramOpen + 1; j < e.paramClose; j++) {
    if (t.kindAt(j) != CK.Punct) continue;
    const a = t.atomAt(j);
    if (a == K.LParen || a == K.LBracket) depth++;
    else if (a == K.RParen || a == K.RBracket) depth--;
    else if (a == K.Comma && depth == 0) n++;
  }
  return n;
}

/** A static function with a body gcc compiles out of line, its arguments fixed in number. */
function candidate(w: Walker, e: Entity): bool {
  if (e.kind != EntKind.Function || e.bodyOpen < 0 || !e.isStatic() || e.isInline() || w.calledOnce.has(e.id)) return false;
  if (e.has(EF.USED | EF.WEAK)) return false;
  for (let j = e.paramOpen; j >= 0 && j < e.paramClose; j++) if (w.t.kindAt(j) == CK.Punct && w.t.atomAt(j) == K.Ellipsis) return false;
  return true;
}
