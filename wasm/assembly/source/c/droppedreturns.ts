// A `return` whose value has an error (a member its record lacks, a name nothing declares)
// is dropped by gcc (c-typeck.cc c_finish_return), so a function whose last statement it is
// runs off its end: kbuild's -Werror=return-type then fails it too, at the closing brace.
// That warning comes from the pass that lowers each function the call graph reaches
// (pass_warn_function_return), after every error of the front end: a function reached only
// through an initializer that has an error itself is never lowered (its initializer is
// dropped), nor is one nothing emitted refers to.

import { EntKind } from "./entities";
import { FallsOffEnd } from "./module";
import { K } from "./names";
import { CK, spanOf } from "./tokens";
import { TY } from "./types";
import { Walker } from "./walker";

/** The errors of a unit that make an expression erroneous, and the function bodies that
 *  hold them: what gcc drops for them. */
export class DroppedCode {
  /** Error tokens in order: undeclared names other than calls, missing members other than a
   *  designator's (gcc skips the designator and keeps its value). */
  private errors: i32[] = [];
  /** The bodies of the functions holding them: open, close and entity id, by position. */
  private bodies: i32[] = [];
  /** The statements gcc drops for them, as [start, end] token pairs. */
  private statements: i32[] = [];

  constructor(private w: Walker) {
    const u = w.undeclared.keys();
    for (let k = 0; k < u.length; k++) {
      const x = w.undeclared.get(u[k]);
      if (x != null && !x.call) this.errors.push(u[k]);
    }
    const m = w.missingMembers.keys();
    for (let k = 0; k < m.length; k++) if (!w.missingMembers.get(m[k]).designator) this.errors.push(m[k]);
    this.errors.sort((a, b) => a - b);
    if (this.errors.length > 0) this.locate();
  }

  /** Finds the bodies and the statements that hold the errors. */
  private locate(): void {
    const w = this.w;
    const ents = w.ents;
    const keys: i64[] = [];
    for (let k = 0; k < ents.count; k++) {
      const e = ents.peek(k);
      if (e.kind == EntKind.Function && e.bodyOpen >= 0 && e.bodyClose > e.bodyOpen) keys.push(((<i64>e.bodyOpen) << 32) | (<i64>k));
    }
    keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (let k = 0; k < keys.length; k++) {
      const e = ents.at(<i32>(keys[k] & 0xffffffff));
      this.bodies.push(e.bodyOpen);
      this.bodies.push(e.bodyClose);
      this.bodies.push(e.id);
    }
    for (let k = 0; k < this.errors.length; k++) {
      const b = this.bodyOf(this.errors[k]);
      if (b < 0) continue;
      this.statements.push(statementStart(w, this.errors[k], this.bodies[b]));
      this.statements.push(statementEnd(w, this.errors[k], this.bodies[b + 1]));
    }
  }

  get any(): bool {
    return this.errors.length > 0;
  }

  /** Whether token `tok` is in a statement gcc drops: what it refers to is gone with it. */
  dropped(tok: i32): bool {
    const r = this.statements;
    for (let k = 0; k + 1 < r.length; k += 2) if (tok >= r[k] && tok <= r[k + 1]) return true;
    return false;
  }

  /** Whether an initializer's tokens [from, to) hold an error: gcc then drops the whole
   *  initializer, and what only it refers to is not reached. */
  holdsError(from: i32, to: i32): bool {
    for (let k = 0; k < this.errors.length; k++) if (this.errors[k] >= from && this.errors[k] < to) return true;
    return false;
  }

  /** The functions whose last statement is a return gcc drops, among those the call graph
   *  reaches (`reached`: entity ids), in source order. */
  fallingOff(reached: Set<i32>): FallsOffEnd[] {
    const w = this.w;
    const types = w.types;
    const out: FallsOffEnd[] = [];
    let last = -1;
    for (let k = 0; k < this.errors.length; k++) {
      const b = this.bodyOf(this.errors[k]);
      if (b < 0 || this.bodies[b + 2] == last || !reached.has(this.bodies[b + 2])) continue;
      const f = w.ents.at(this.bodies[b + 2]);
      const result = types.baseOf(f.type);
      if (types.kindOf(f.type) != TY.Function || types.kindOf(result) == TY.Void || types.kindOf(result) == TY.Unknown) continue;
      const start = lastStatement(w, f.bodyOpen, f.bodyClose);
      if (start < 0 || !(w.kd(start) == CK.Ident && w.at(start) == K.Return) || this.errors[k] <= start) continue;
      last = f.id;
      out.push(new FallsOffEnd(w.t.names.text(f.atom), spanOf(w.t, f.bodyClose, f.bodyClose)));
    }
    return out;
  }

  /** The index in `bodies` of the body holding `tok`, or -1 (bodies do not nest). */
  private bodyOf(tok: i32): i32 {
    const b = this.bodies;
    let lo = 0;
    let hi = b.length / 3;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (b[mid * 3] < tok) lo = mid + 1;
      else hi = mid;
    }
    // the last body opening before tok
    const at = (lo - 1) * 3;
    return lo > 0 && tok < b[at + 1] ? at : -1;
  }
}

/** The first token of the last statement of the body [open, close] (after its labels), or -1. */
function lastStatement(w: Walker, open: i32, close: i32): i32 {
  if (!w.isP(close - 1, K.Semi)) return -1;
  return statementStart(w, close - 1, open);
}

/** The first token (after its labels) of the statement that holds token `tok` and ends at
 *  the first `;` after it at its depth, within a body opened at `open`. */
function statementStart(w: Walker, tok: i32, open: i32): i32 {
  let j = tok - 1;
  let depth = 0;
  while (j > open) {
    if (w.kd(j) == CK.Punct) {
      const a = w.at(j);
      if (a == K.RParen || a == K.RBracket) depth++;
      else if (a == K.LParen || a == K.LBracket) {
        // (the statement's own parentheses: an if or while's condition)
        if (depth == 0) break;
        depth--;
      } else if (depth == 0 && (a == K.Semi || a == K.LBrace)) break;
      else if (depth == 0 && a == K.RBrace) {
        // a compound literal's braces are the value's; a block's end the statement before
        let k = j - 1;
        let braces = 1;
        while (k > open && braces > 0) {
          if (w.isP(k, K.RBrace)) braces++;
          else if (w.isP(k, K.LBrace)) braces--;
          k--;
        }
        if (!w.isP(k, K.RParen)) break;
        j = k;
        continue;
      }
    }
    j--;
  }
  let start = j + 1;
  // labels: `out: return x;`
  while (w.kd(start) == CK.Ident && w.isP(start + 1, K.Colon) && !w.isP(start + 2, K.Colon)) start += 2;
  return start;
}

/** The `;` (or the closing parenthesis of a condition) that ends the statement holding `tok`. */
function statementEnd(w: Walker, tok: i32, close: i32): i32 {
  let j = tok + 1;
  let depth = 0;
  while (j < close) {
    if (w.kd(j) == CK.Punct) {
      const a = w.at(j);
      if (a == K.LParen || a == K.LBracket || a == K.LBrace) depth++;
      else if (a == K.RParen || a == K.RBracket || a == K.RBrace) {
        if (depth == 0) return j;
        depth--;
      } else if (depth == 0 && a == K.Semi) return j;
    }
    j++;
  }
  return close;
}
