// A header of nothing but `#define`s, such as the kernel's include/generated/autoconf.h
// (about 9,500 lines for a Debian .config), is not read line by line on each inclusion: its
// names are bound to placeholders, and a placeholder becomes the parsed definition the first
// time the name is looked up. Every translation unit includes autoconf.h while it uses a few
// dozen CONFIG_ names; the macros it ends with, and every answer, are the same.

import { Name } from "./atoms";
import { SourceFile } from "./filecache";
import { LexedFile } from "./lex";
import { MacroDef } from "./macros";
import { TF, TK } from "./pptoken";

/** Fewer defines than this are read as any header is (nothing to gain). */
const MIN_DEFERRED = 64;

/** The `#define` lines of a define-only file, in order, each with its placeholder. */
export class DeferredDefines {
  names: i32[] = [];
  /** Token index of each line's `#`, and its ordinal among the file's directives. */
  hashes: i32[] = [];
  placeholders: MacroDef[] = [];
}

/** The file's defines when it holds `#define NAME …` lines only (each name once, enough of
 *  them to matter), else null. */
export function deferredDefinesOf(sf: SourceFile): DeferredDefines | null {
  const lx = sf.lexed;
  if (lx.hashes.length < MIN_DEFERRED || lx.hashes.length != countLines(lx)) return null;
  const d = new DeferredDefines();
  const seen = new Set<i32>();
  for (let k = 0; k < lx.hashes.length; k++) {
    const h = lx.hashes.get(k);
    if (h + 2 >= lx.count || unchecked(lx.atom[h + 1]) != Name.Define || lx.kind(h + 1) != TK.Ident || lx.kind(h + 2) != TK.Ident) return null;
    if ((lx.flags(h + 1) & TF.BOL) != 0 || (lx.flags(h + 2) & TF.BOL) != 0) return null;
    const name = unchecked(lx.atom[h + 2]);
    if (seen.has(name)) return null;
    seen.add(name);
    const p = new MacroDef();
    p.name = name;
    p.pending = k;
    p.src = sf;
    p.nameTok = h + 2;
    d.names.push(name);
    d.hashes.push(h);
    d.placeholders.push(p);
  }
  return d;
}

/** Lines that start with a token: every one must be a directive. */
function countLines(lx: LexedFile): i32 {
  let n = 0;
  for (let i = 0; i < lx.count; i++) if ((lx.flags(i) & TF.BOL) != 0) n++;
  return n;
}
