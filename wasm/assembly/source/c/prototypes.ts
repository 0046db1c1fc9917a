// A function with external linkage defined without a prototype before it: gcc's
// -Wmissing-prototypes warning at its name (c-decl.cc start_function), which kbuild turns on
// from 6.8. A declaration without parameters (`int f();`) is not a prototype; static and
// inline functions and `main` are not warned about.

import { EF, EntKind } from "./entities";
import { Unprototyped } from "./module";
import { K } from "./names";
import { spanOf } from "./tokens";
import { Walker } from "./walker";

/** The unit's functions defined in the workspace's own code without a previous prototype, in
 *  source order. */
export function unprototypedDefinitions(w: Walker): Unprototyped[] {
  const t = w.t;
  const ents = w.ents;
  const toks: i32[] = [];
  for (let k = 0; k < ents.count; k++) {
    const e = ents.peek(k);
    if (e.kind != EntKind.Function || e.bodyOpen < 0 || e.defTok < 0 || e.isStatic() || e.has(EF.INLINE)) continue;
    const at = e.defTok;
    const f = t.file[at];
    if (f < 0 || f >= t.files.length || t.systemFiles.has(f) || t.exp[at] != 0 || t.text(at) == "main") continue;
    if (e.declTok >= 0 && e.declTok < at && isPrototype(w, e.declTok)) continue;
    toks.push(at);
  }
  toks.sort((a, b) => a - b);
  const out: Unprototyped[] = [];
  for (let k = 0; k < toks.length; k++) {
    const u = new Unprototyped(t.text(toks[k]), spanOf(t, toks[k], toks[k]));
    u.tok = toks[k];
    out.push(u);
  }
  return out;
}

/** Whether the declarator named at `name` has a parameter list (`f(void)`, `f(int)`), not `f()`. */
function isPrototype(w: Walker, name: i32): bool {
  if (!w.isP(name + 1, K.LParen)) return true;
  return !w.isP(name + 2, K.RParen);
}
