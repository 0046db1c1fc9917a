// Names nothing declares, read with the kernel's real headers: gcc stops the build on each.
// A call is an implicit declaration of a function (an error through the kernel's
// -Werror=implicit-function-declaration, gcc 14's own), any other use is "undeclared".
// gcc offers the closest name in scope (c-decl.cc lookup_name_fuzzy): the bindings of the
// open blocks and then of file scope, newest first, struct/union/enum tags among them (only
// functions and pointers to functions for a call), then a macro if it is strictly closer.
// Closeness is spellcheck.cc's: Damerau-Levenshtein where a change of case costs half an
// edit, meaningful up to about a third of the longer name.

import { matchClose } from "./attributes";
import { EntKind } from "./entities";
import { UndeclaredUse } from "./module";
import { K } from "./names";
import { Bind } from "./scope";
import { spanOf } from "./tokens";
import { TY } from "./types";
import { Walker } from "./walker";

const BASE_COST = 2;
const CASE_COST = 1;

/** spellcheck.cc's get_edit_distance: optimal string alignment, a case change costing 1 and
 *  any other edit 2. */
export function editDistance(s: string, t: string): i32 {
  const ls = s.length;
  const lt = t.length;
  if (ls == 0) return BASE_COST * lt;
  if (lt == 0) return BASE_COST * ls;
  let twoAgo = new Int32Array(ls + 1);
  let oneAgo = new Int32Array(ls + 1);
  let next = new Int32Array(ls + 1);
  for (let j = 0; j <= ls; j++) oneAgo[j] = j * BASE_COST;
  for (let i = 0; i < lt; i++) {
    next[0] = (i + 1) * BASE_COST;
    const ti = t.charCodeAt(i);
    for (let j = 0; j < ls; j++) {
      const sj = s.charCodeAt(j);
      const cost = sj == ti ? 0 : lower(sj) == lower(ti) ? CASE_COST : BASE_COST;
      let best = min(next[j] + BASE_COST, oneAgo[j + 1] + BASE_COST);
      best = min(best, oneAgo[j] + cost);
      if (i > 0 && j > 0 && sj == t.charCodeAt(i - 1) && s.charCodeAt(j - 1) == ti) best = min(best, twoAgo[j - 1] + BASE_COST);
      next[j + 1] = best;
    }
    const spare = twoAgo;
    twoAgo = oneAgo;
    oneAgo = next;
    next = spare;
  }
  return oneAgo[ls];
}

function lower(c: i32): i32 {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/** The largest distance at which a candidate is a meaningful suggestion (a third of the
 *  longer length, rounded down when the lengths are close). */
export function distanceCutoff(goalLen: i32, candidateLen: i32): i32 {
  const most = max(goalLen, candidateLen);
  const least = min(goalLen, candidateLen);
  if (most <= 1) return 0;
  if (most - least <= 1) return BASE_COST * max(most / 3, 1);
  return (BASE_COST * (most + 2)) / 3;
}

/** spellcheck.h's best_match: the first candidate strictly closest, if meaningful. */
export class BestMatch {
  best: string = "";
  constructor(
    public goal: string,
    public distance: i32 = i32.MAX_VALUE,
  ) {}

  consider(candidate: string): void {
    const apart = abs(candidate.length - this.goal.length);
    if (apart >= this.distance || apart > distanceCutoff(this.goal.length, candidate.length)) return;
    const d = editDistance(this.goal, candidate);
    if (d < this.distance) {
      this.distance = d;
      this.best = candidate;
    }
  }

  /** The suggestion gcc makes ("" for none). */
  meaningful(): string {
    if (this.best.length == 0 || this.distance == 0) return "";
    return this.distance > distanceCutoff(this.goal.length, this.best.length) ? "" : this.best;
  }
}

/** Names reserved for the implementation (`__x`, `_X`): suggested only for a name that
 *  starts with an underscore itself. */
export function reservedName(s: string): bool {
  if (s.length < 2 || s.charCodeAt(0) != 95) return false;
  const c = s.charCodeAt(1);
  return c == 95 || (c >= 65 && c <= 90);
}

/** Records the undeclared name at token `tok` once, with the closest name declared before it. */
export function noteUndeclared(w: Walker, tok: i32): void {
  const t = w.t;
  if (w.undeclared.has(tok)) return;
  // only the workspace's own code: the headers are gcc's
  const f = t.file[tok];
  if (f < 0 || f >= t.files.length || t.systemFiles.has(f)) {
    w.undeclared.set(tok, null);
    return;
  }
  const name = t.text(tok);
  if (predefined(name)) {
    w.undeclared.set(tok, null);
    return;
  }
  const call = w.isP(tok + 1, K.LParen);
  const builtin = call ? builtinLibraryFunction(name) : -1;
  // (gcc names the header of a library function it knows instead of a near name)
  const m = builtin >= 0 ? new BestMatch(name) : closestDeclared(w, tok, name, call);
  const u = new UndeclaredUse(name, spanOf(t, tok, tok), call, enclosingFunction(w, tok), m.best, m.distance);
  if (builtin >= 0) {
    u.header = BUILTIN_HEADERS[builtin >> 1];
    u.mismatch = (builtin & 1) != 0;
  }
  u.tok = tok;
  w.undeclared.set(tok, u);
}

// The C library functions gcc has as built-ins, by header (builtins.def; header_for_builtin_fn):
// gcc notes the header of one called undeclared, and warns that the implicit `int ()` does
// not match those that do not return int (BUILTIN_OTHER). Measured: puts, putchar, malloc,
// strncpy (gcc 12 and 14).
const BUILTIN_HEADERS = ["<string.h>", "<stdio.h>", "<stdlib.h>", "<ctype.h>"];
const BUILTIN_INT = [
  "memcmp strcmp strncmp",
  "printf fprintf sprintf snprintf vprintf vfprintf vsprintf vsnprintf puts fputs putchar putc fputc scanf fscanf sscanf vscanf vsscanf",
  "abs",
  "isalnum isalpha isblank iscntrl isdigit isgraph islower isprint ispunct isspace isupper isxdigit tolower toupper",
];
const BUILTIN_OTHER = [
  "memchr memcpy memmove memset strcat strchr strcpy strcspn strdup strlen strncat strncpy strndup strnlen strpbrk strrchr strspn strstr stpcpy",
  "",
  "malloc calloc realloc free abort exit labs llabs",
  "",
];

/** A library function gcc has as a built-in: its header's index << 1, | 1 when its type is
 *  not `int ()`; -1 for another name. */
function builtinLibraryFunction(name: string): i32 {
  for (let h = 0; h < BUILTIN_HEADERS.length; h++) {
    if (BUILTIN_INT[h].split(" ").includes(name)) return h << 1;
    if (BUILTIN_OTHER[h].length > 0 && BUILTIN_OTHER[h].split(" ").includes(name)) return (h << 1) | 1;
  }
  return -1;
}

/** The names C and gcc declare in every function body. */
function predefined(name: string): bool {
  return name == "__func__" || name == "__FUNCTION__" || name == "__PRETTY_FUNCTION__";
}

/** The uses gcc reports, in source order: a call once per file (the implicit declaration
 *  declares it), another use once per function (once at file scope). An implicit declaration
 *  is the block's where it is made: a built-in called again out of those blocks is declared
 *  again, with gcc's mismatch warning each time (c-decl.cc implicitly_declare). */
export function reportedUndeclared(w: Walker): UndeclaredUse[] {
  const toks = w.undeclared.keys();
  toks.sort((a, b) => a - b);
  const out: UndeclaredUse[] = [];
  const declared = new Set<string>();
  const inFunction = new Set<string>();
  // the blocks [open, close] of each built-in's implicit declarations
  const blocks = new Map<string, i32[]>();
  for (let k = 0; k < toks.length; k++) {
    const u = w.undeclared.get(toks[k]);
    if (u == null) continue;
    if (u.call && u.mismatch) {
      if (!blocks.has(u.name)) blocks.set(u.name, []);
      const seen = blocks.get(u.name);
      if (declared.has(u.name)) {
        if (within(seen, toks[k])) continue;
        const again = new UndeclaredUse(u.name, u.span, true, u.fn, u.closest, u.distance);
        again.header = u.header;
        again.mismatch = true;
        again.redeclared = true;
        again.tok = u.tok;
        out.push(again);
      }
      const open = enclosingBrace(w, toks[k]);
      seen.push(open);
      seen.push(open >= 0 ? matchClose(w.t, open, w.t.length - 1) : w.t.length);
      if (declared.has(u.name)) continue;
    }
    const key = u.fn + " " + u.name;
    if (declared.has(u.name) || inFunction.has(key)) continue;
    if (u.call) declared.add(u.name);
    else inFunction.add(key);
    out.push(u);
  }
  return out;
}

function within(blocks: i32[], tok: i32): bool {
  for (let k = 0; k + 1 < blocks.length; k += 2) if (tok > blocks[k] && tok < blocks[k + 1]) return true;
  return false;
}

/** The `{` of the innermost block holding token `tok`, or -1 at file scope. */
function enclosingBrace(w: Walker, tok: i32): i32 {
  let depth = 0;
  for (let j = tok - 1; j >= 0; j--) {
    if (w.isP(j, K.RBrace)) depth++;
    else if (w.isP(j, K.LBrace)) {
      if (depth == 0) return j;
      depth--;
    }
  }
  return -1;
}

/** The closest name in scope at `tok` among the bindings gcc would consider. */
function closestDeclared(w: Walker, tok: i32, goal: string, call: bool): BestMatch {
  const s = w.scope;
  const m = new BestMatch(goal);
  const underscore = goal.startsWith("_");
  // the open blocks' bindings (this walk's), newest first
  const walk = s.walkId;
  for (let n = s.count - 1; n >= 0; n--) {
    if (walk == 0 || s.walkAt(n) != walk || s.posAt(n) >= tok) continue;
    consider(w, m, n, call, underscore);
  }
  // file scope and the tags, newest first, as declared before `tok`
  const at: i64[] = [];
  for (let n = 0; n < s.count; n++) if (s.walkAt(n) == 0 && s.posAt(n) < tok && s.posAt(n) >= 0) at.push(((<i64>s.posAt(n)) << 32) | ((<i64>n) << 1));
  if (!call) {
    const tags = w.types.tagSeen.keys();
    for (let k = 0; k < tags.length; k++) {
      const p = w.types.tagSeen.get(tags[k]);
      if (p < tok) at.push(((<i64>p) << 32) | ((<i64>tags[k]) << 1) | 1);
    }
  }
  at.sort((a, b) => (a > b ? -1 : a < b ? 1 : 0));
  for (let k = 0; k < at.length; k++) {
    const v = at[k];
    const x = <i32>((v & 0xffffffff) >> 1);
    if ((v & 1) != 0) {
      const tag = w.t.names.text(x);
      if (underscore || !reservedName(tag)) m.consider(tag);
    } else consider(w, m, x, call, underscore);
  }
  return m;
}

function consider(w: Walker, m: BestMatch, n: i32, call: bool, underscore: bool): void {
  const s = w.scope;
  const name = w.t.names.text(s.atomAt(n));
  if (!underscore && reservedName(name)) return;
  const kind = s.kindOf(n);
  if (kind == Bind.Entity) {
    const e = w.ents.at(s.dataOf(n));
    if (e.kind == EntKind.Undeclared) return;
    if (call && e.kind != EntKind.Function && !pointsToFunction(w, e.type)) return;
  } else if (call && (kind != Bind.Local || !pointsToFunction(w, w.localType.get(s.dataOf(n))))) return;
  m.consider(name);
}

function pointsToFunction(w: Walker, type: i32): bool {
  const types = w.types;
  return types.kindOf(type) == TY.Pointer && types.kindOf(types.pointee(type)) == TY.Function;
}

/** The name of the function whose body holds token `tok`, or "" at file scope. */
export function enclosingFunction(w: Walker, tok: i32): string {
  const ents = w.ents;
  for (let k = 0; k < ents.count; k++) {
    const e = ents.peek(k);
    if (e.kind == EntKind.Function && e.bodyOpen >= 0 && e.bodyOpen < tok && tok < e.bodyClose) return w.t.names.text(e.atom);
  }
  return "";
}

/** The suggestion gcc makes for `u` once the macros are known: one strictly closer than the
 *  closest declared name wins. `macros` are the macros defined (`builtin[k]`: __FILE__ and
 *  its kind, suggested even though their names are reserved). */
export function suggestionFor(u: UndeclaredUse, macros: string[], builtin: bool[]): string {
  const byMacro = new BestMatch(u.name, u.distance);
  for (let k = 0; k < macros.length; k++) if (builtin[k] || !reservedName(macros[k])) byMacro.consider(macros[k]);
  const macro = byMacro.meaningful();
  if (macro.length > 0) return macro;
  const declared = new BestMatch(u.name, u.distance);
  declared.best = u.closest;
  return declared.meaningful();
}

/** gcc 11's column: a tab advances to the next multiple of 8. */
export function displayColumn(line: string, col: i32): i32 {
  let d = 0;
  for (let i = 0; i < col - 1 && i < line.length; i++) d = line.charCodeAt(i) == 9 ? (d / 8 + 1) * 8 : d + 1;
  return d + 1;
}
