// A member its record does not have, read with the kernel's real headers: gcc stops the build
// on each use (c-typeck.cc build_component_ref), every one reported. gcc names the type as
// the expression has it (`const struct drv`) and offers the closest member
// (lookup_field_fuzzy: the members in order, an anonymous member's own where it stands); it
// points at the member when it has a suggestion, else at the `.` or `->` before it. A member
// of a struct the unit only declares is gcc's "invalid use of undefined type" instead.
//
// Only what is certain is reported: a record whose whole body was read and understood, used
// with `.` or `->` written in the workspace's own file (not in a macro's expansion), and
// spelled as gcc would: a record a typedef names is spelled by the name the expression's
// declaration wrote, known for a variable or parameter used directly (`p->m`, `s.m`).

import { SPELLED_TAG } from "./declarations";
import { MissingMember } from "./module";
import { Bind } from "./scope";
import { spanOf } from "./tokens";
import { BestMatch, enclosingFunction } from "./undeclared";
import { Walker } from "./walker";

/** Records that record type `rec` has no member at token `member` (after `.` or `->` at
 *  `op`, or an initializer's designator); `isConst`: the object is const-qualified; `alias`:
 *  how the declaration of the object (or of the pointer to it) wrote its type
 *  (DeclSpec.alias). */
export function noteMissingMember(w: Walker, op: i32, member: i32, rec: i32, isConst: bool, alias: i32, designator: bool = false): void {
  const t = w.t;
  if (w.missingMembers.has(member)) return;
  const f = t.file[member];
  if (f < 0 || f >= t.files.length || t.systemFiles.has(f) || t.file[op] != f || t.exp[op] != 0 || t.exp[member] != 0) return;
  const types = w.types;
  if (!types.knowsAllMembers(rec)) return;
  const spelled = spelledType(w, rec, isConst, alias);
  if (spelled.length == 0) return;
  const name = t.text(member);
  const names: i32[] = [];
  types.memberNames(rec, names);
  const m = new BestMatch(name);
  for (let k = 0; k < names.length; k++) m.consider(t.names.text(names[k]));
  const suggestion = m.meaningful();
  // (a designator's error is at the member either way)
  const at = suggestion.length > 0 || designator ? member : op;
  const u = new MissingMember(name, spelled, spanOf(t, member, member), spanOf(t, at, at), enclosingFunction(w, member), suggestion);
  u.tok = member;
  u.designator = designator;
  w.missingMembers.set(member, u);
}

/** Records that `.` or `->` at `op` reads a struct or union the unit only declares (gcc's
 *  "invalid use of undefined type", at the operator). */
export function noteUndefinedRecord(w: Walker, op: i32, rec: i32, isConst: bool, alias: i32): void {
  const t = w.t;
  if (w.missingMembers.has(op + 1)) return;
  const f = t.file[op];
  if (f < 0 || f >= t.files.length || t.systemFiles.has(f) || t.exp[op] != 0 || w.types.isAnonymous(rec)) return;
  const spelled = spelledType(w, rec, isConst, alias);
  if (spelled.length == 0) return;
  const u = new MissingMember("", spelled, spanOf(t, op, op + 1), spanOf(t, op, op), enclosingFunction(w, op), "");
  u.tok = op + 1;
  u.undefinedType = true;
  w.missingMembers.set(op + 1, u);
}

/** gcc's %qT of record type `rec` (quoted), as an expression whose declaration wrote its
 *  type as `alias` (DeclSpec.alias) has it: `'struct foo'`, `'foo_t' {aka 'const struct
 *  foo'}` (a typedef name keeps the qualifier in the aka only), `'anon_t'`; "" where it is not
 *  known how gcc spells it (a typedef names the record and the expression's spelling is lost). */
function spelledType(w: Walker, rec: i32, isConst: bool, alias: i32): string {
  const types = w.types;
  const plain = (isConst ? "const " : "") + types.recordSpelling(rec, w.t.names);
  if (alias >= 0) {
    const b = w.scope.lookup(alias);
    if (w.scope.kindOf(b) != Bind.Typedef || w.scope.dataOf(b) != rec) return types.isAliased(rec) ? "" : "'" + plain + "'";
    const name = "'" + w.t.names.text(alias) + "'";
    return types.isAnonymous(rec) ? name : name + " {aka '" + plain + "'}";
  }
  if (alias == SPELLED_TAG || !types.isAliased(rec)) return "'" + plain + "'";
  return "";
}

/** The member at `member` was a designator whose value went past the record's last member:
 *  gcc's "excess elements" warning at the value, near the object `object`. */
export function noteExcessElements(w: Walker, member: i32, value: i32, union: bool, object: string): void {
  if (!w.missingMembers.has(member)) return;
  const m = w.missingMembers.get(member);
  m.excess = union ? "union" : "struct";
  m.excessAt = spanOf(w.t, value, value);
  m.nearObject = object;
}

/** The members gcc reports, in source order. */
export function reportedMissingMembers(w: Walker): MissingMember[] {
  const toks = w.missingMembers.keys();
  toks.sort((a, b) => a - b);
  const out: MissingMember[] = [];
  for (let k = 0; k < toks.length; k++) out.push(w.missingMembers.get(toks[k]));
  return out;
}
