// The C reader's checkpoint: file scope as it stood after the tokens a translation unit
// shares with its next run (the headers a driver includes first, see ../unittokens.ts), so
// that an edit below the #includes reads only what follows them. A resumed read is the read
// from scratch: what file scope had made there is copied, or shared until first changed
// (entities, record members: see Entities.copy, Types.copy), never changed in place.

import { Facts } from "./facts";
import { MacroArg, ModuleSource } from "./module";
import { CTokens } from "./tokens";
import { budgetFor, Walker } from "./walker";

/** File scope at token `at` of the tokens with prefix `prefix`, read with options `key`. */
class Checkpoint {
  constructor(
    public prefix: i32,
    public at: i32,
    public key: string,
    public w: Walker,
    public mod: ModuleSource,
    public curDefault: MacroArg | null,
    public rootHead: i32,
    public rootTail: i32,
    /** The walker's steps spent until then (its budget counts them). */
    public spent: i64,
  ) {}
}

/** One: the file being edited (a unit read with real headers holds a million tokens). */
let kept: Checkpoint | null = null;

/** What the read of a file depends on besides its tokens. */
export function readerKey(file: string, t: CTokens, defaultNs: MacroArg | null): string {
  let k = file + "\n" + (t.expanded ? "1" : "0") + t.mainFile.toString();
  if (defaultNs != null) {
    const d = defaultNs as MacroArg;
    const s = d.span;
    k += "\n" + d.text + "\n" + d.value + (d.isString ? "s" : "") + (d.isIdent ? "i" : "");
    k += "\n" + s.file + ":" + s.line.toString() + ":" + s.col.toString() + ":" + s.endLine.toString() + ":" + s.endCol.toString();
  }
  return k;
}

/** The file scope a read of `t` may resume at: where it stands is `at`, or -1 when none. */
export class Resumed {
  constructor(
    public at: i32,
    public w: Walker,
    public facts: Facts,
    public mod: ModuleSource,
  ) {}
}

/** Copies the checkpoint that fits `t` and `key` into a fresh walker, facts and module, or
 *  returns null when none fits. */
export function resumeFileScope(t: CTokens, key: string): Resumed | null {
  if (kept == null || t.prefixId == 0) return null;
  const cp = kept as Checkpoint;
  if (cp.prefix != t.prefixId || cp.key != key || cp.at > t.prefixLength) return null;
  const w = new Walker(t);
  w.copyFileScope(cp.w);
  w.budget -= cp.spent;
  const mod = cp.mod.copy();
  const facts = new Facts(w, mod, cp.curDefault);
  facts.rootHead = cp.rootHead;
  facts.rootTail = cp.rootTail;
  return new Resumed(cp.at, w, facts, mod);
}

/** Keeps a copy of file scope as it stands at token `at` (between two declarations, at the
 *  end of t's shared prefix), unless a walk is open or the walker gave up. */
export function keepFileScope(t: CTokens, key: string, at: i32, facts: Facts): void {
  const w = facts.w;
  if (w.walking || w.gaveUp) {
    kept = null;
    return;
  }
  const copy = new Walker(t);
  copy.copyFileScope(w);
  const spent = budgetFor(t) - w.budget;
  kept = new Checkpoint(t.prefixId, at, key, copy, facts.mod.copy(), facts.curDefault, facts.rootHead, facts.rootTail, spent);
}

/** Forgets the checkpoint (a read that could not make one for its file). */
export function dropFileScope(): void {
  kept = null;
}
