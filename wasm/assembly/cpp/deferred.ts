// A header of nothing but `#define`s, such as the kernel's include/generated/autoconf.h
// (about 9,500 lines for a Debian .config), is not read line by line on each inclusion: its
// names are bound to the file's placeholder, which becomes a name's parsed definition the
// first time the name is looked up. Every translation unit includes autoconf.h while it uses a few
// dozen CONFIG_ names; the macros it ends with, and every answer, are the same.

import { Name } from "./atoms";
import { SourceFile } from "./filecache";
import { LexedFile } from "./lex";
import { MacroDef } from "./macros";
import { TF, TK } from "./pptoken";

/** Fewer defines than this are read as any header is (nothing to gain). */
const MIN_DEFERRED = 64;

/** The `#define` lines of a define-only file, in order. Every name stands for one shared
 *  placeholder until looked up (thousands of names, a few dozen looked up). */
export class DeferredDefines {
  names: i32[] = [];
  /** Token index of each line's `#`, and its ordinal among the file's directives. */
  hashes: i32[] = [];
  placeholder: MacroDef = new MacroDef();
  /** Line (+1) of each name by atom, from the file's lowest atom on (0: not defined here). */
  private first: i32 = 0;
  private lines: Int32Array = new Int32Array(0);

  /** The line that defines `atom`, or -1. */
  lineOf(atom: i32): i32 {
    const i = atom - this.first;
    return i >= 0 && i < this.lines.length ? unchecked(this.lines[i]) - 1 : -1;
  }

  /** Indexes the names; false when one is defined twice. */
  index(): bool {
    const names = this.names;
    let lo = i32.MAX_VALUE,
      hi = -1;
    for (let k = 0; k < names.length; k++) {
      lo = min(lo, unchecked(names[k]));
      hi = max(hi, unchecked(names[k]));
    }
    this.first = lo;
    this.lines = new Int32Array(hi - lo + 1);
    for (let k = 0; k < names.length; k++) {
      const i = unchecked(names[k]) - lo;
      if (unchecked(this.lines[i]) != 0) return false;
      unchecked((this.lines[i] = k + 1));
    }
    return true;
  }
}

/** The file's defines when it holds `#define NAME …` lines only (each name once, enough of
 *  them to matter), else null. */
export function deferredDefinesOf(sf: SourceFile): DeferredDefines | null {
  const lx = sf.lexed;
  if (lx.hashes.length < MIN_DEFERRED || lx.hashes.length != countLines(lx)) return null;
  const d = new DeferredDefines();
  for (let k = 0; k < lx.hashes.length; k++) {
    const h = lx.hashes.get(k);
    if (h + 2 >= lx.count || unchecked(lx.atom[h + 1]) != Name.Define || lx.kind(h + 1) != TK.Ident || lx.kind(h + 2) != TK.Ident) return null;
    if ((lx.flags(h + 1) & TF.BOL) != 0 || (lx.flags(h + 2) & TF.BOL) != 0) return null;
    d.names.push(unchecked(lx.atom[h + 2]));
    d.hashes.push(h);
  }
  if (!d.index()) return null;
  d.placeholder.pending = 0;
  d.placeholder.src = sf;
  return d;
}

/** Lines that start with a token: every one must be a directive. */
function countLines(lx: LexedFile): i32 {
  let n = 0;
  for (let i = 0; i < lx.count; i++) if ((lx.flags(i) & TF.BOL) != 0) n++;
  return n;
}
