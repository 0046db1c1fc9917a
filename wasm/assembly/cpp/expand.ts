// Macro expansion as gcc's libcpp does it (macro.cc), with GNU's and C23's extensions; where
// gcc recurses (argument pre-expansion), a frame on an explicit stack, so that nesting costs
// memory, never native stack. Tokens live in arenas trimmed between top-level tokens.

import { Atoms, Name } from "./atoms";
import { PPCode, PPSeverity } from "./diagnostic";
import { lexedAtom, lexOne } from "./lex";
import { MAX_EXPANSION_WORK, MAX_EXPANSIONS } from "./limits";
import { Builtin, MacroDef } from "./macros";
import { IntVec, PadSource, packKF, TF, TK, TokVec } from "./pptoken";
import { IntrinsicCall, PPResult } from "./result";
import { SourceFile } from "./filecache";

/** What the expander needs from the preprocessor around it. */
export abstract class ExpanderHost {
  /** The next token of the current file, copied into the expander's token arena (its
   *  index). Eof at the end of a directive line, at the end of the file while arguments
   *  are collected, and at the end of the translation unit. Runs the directives it meets. */
  abstract readBase(): i32;
  /** Steps back over the token readBase() returned last. */
  abstract unreadBase(): void;
  /** The line __LINE__ gives for a token written at (file, tok). */
  abstract presumedLine(file: i32, tok: i32): i32;
  /** __FILE__ in the current file, and the main file's name. */
  abstract fileName(): string;
  abstract baseFileName(): string;
  /** __INCLUDE_LEVEL__ in the current file. */
  abstract includeLevel(): i32;
  /** Whether an #include (`next`: #include_next) of this name would find a file. */
  abstract hasInclude(spelling: string, angled: bool, next: bool): bool;
  /** __has_attribute (kind 0), __has_c_attribute (1) or __has_cpp_attribute (2) of a name
   *  (`scope::name` when scoped), and __has_builtin. */
  abstract hasAttribute(name: string, kind: i32): i32;
  abstract hasBuiltin(name: string): i32;
  /** A _Pragma met in live code. */
  abstract pragma(text: string, at: i32): void;
  /** A diagnostic at token `at` of the expander's arena (-1: where the file is being read). */
  abstract report(code: PPCode, severity: PPSeverity, text: string, at: i32): void;
  /** The macro a name has from a define-only file included (cpp/definetable.ts), defined
   *  now, or null; asked once a name for each file. */
  abstract fromTables(atom: i32): MacroDef | null;
  /** A watched definition (MacroDef.watched) was looked up. */
  abstract noteWatched(): void;
  /** A note at a definition. */
  abstract reportDefinition(code: PPCode, severity: PPSeverity, text: string, def: MacroDef): void;
  /** Stops the translation unit (a limit was reached). */
  abstract stop(): void;
  /** Whether the translation unit was stopped. */
  abstract stopped(): bool;
}

/** A name the caller intercepts: its invocations become one Intrinsic token with the
 *  arguments as written and expanded. `yield` lists origins (bits of 1 << Origin) whose
 *  own #define of the name wins over interception. */
export class Intrinsic {
  constructor(
    public name: i32,
    public funLike: bool,
    public yieldMask: i32,
  ) {}
}

/** The arguments of one invocation, and their pre-expansion state. */
class Frame {
  def: MacroDef | null = null;
  intrinsic: Intrinsic | null = null;
  nameTok: i32 = 0;
  record: i32 = 0;
  argc: i32 = 0;
  nargs: i32 = 0;
  /** Raw arguments: ranges of `ptrs` (an Eof barrier follows each); -1 start for an
   *  omitted variadic argument (GNU: `, ## __VA_ARGS__` then drops the comma). */
  rawStart: IntVec = new IntVec(8);
  rawEnd: IntVec = new IntVec(8);
  /** Expanded arguments: ranges of `sink`; -1 start when not expanded. */
  expStart: IntVec = new IntVec(8);
  expEnd: IntVec = new IntVec(8);
  stringified: IntVec = new IntVec(8);
  /** Snapshot macros of an intrinsic: the pseudo-argument of each (-1: undefined). */
  snapArg: IntVec = new IntVec(2);
  order: IntVec = new IntVec(8);
  orderPos: i32 = 0;
  expanding: i32 = -1;
  sinkBase: i32 = 0;

  reset(): void {
    this.def = null;
    this.intrinsic = null;
    this.rawStart.clear();
    this.rawEnd.clear();
    this.expStart.clear();
    this.expEnd.clear();
    this.stringified.clear();
    this.snapArg.clear();
    this.order.clear();
    this.orderPos = 0;
    this.expanding = -1;
    this.argc = 0;
    this.nargs = 0;
  }

  addArg(start: i32, end: i32): void {
    this.rawStart.push(start);
    this.rawEnd.push(end);
    this.expStart.push(-1);
    this.expEnd.push(-1);
    this.stringified.push(-1);
    this.nargs++;
  }
}

/** Returned by step() when it started pre-expanding arguments instead of giving a token. */
const FRAME_STARTED: i32 = -1;

/** Token indexes of the arena's permanent tokens. */
const EOF_TOKEN: i32 = 0;
const AVOID_PASTE: i32 = 1;

// gcc's vaopt_state::update results
const VA_INCLUDE = 0,
  VA_DROP = 1,
  VA_BEGIN = 2,
  VA_END = 3;

/** The macro expander of one translation unit: a stack of token contexts, each expanding
 *  macro disabled until its context is popped (a name met while disabled is painted and
 *  never expands again); arguments collected unexpanded, then pre-expanded (a Frame each)
 *  before substitution; padding tokens so that `#` spaces its result exactly as gcc. */
export class Expander {
  /** Tokens (data), and pointers to them (contexts and raw arguments are ranges here). */
  toks: TokVec = new TokVec(1024);
  ptrs: IntVec = new IntVec(1024);
  /** Expanded arguments in progress (a stack: an inner frame's arguments above an outer's). */
  sink: IntVec = new IntVec(1024);
  /** Arguments being collected (a stack: a directive inside arguments can collect more). */
  collecting: IntVec = new IntVec(256);
  /** Start and end (in `collecting`) of each argument being collected (a stack too). */
  private marks: IntVec = new IntVec(64);
  // contexts: a range of ptrs, a read position, the macro whose expansion it is (its name
  // atom, -1 for none) and whether the read came from a context (for backing up)
  private cStart: IntVec = new IntVec(64);
  private cEnd: IntVec = new IntVec(64);
  private cCur: IntVec = new IntVec(64);
  private cMacro: IntVec = new IntVec(64);
  /** The token arena's length when each context was pushed: every token a context reads
   *  lies below it. */
  private cMark: IntVec = new IntVec(64);
  private frames: Frame[] = [];
  private frameTop: i32 = 0;
  /** Macros by atom (null: not a macro), intrinsics by atom, disabled flags by atom. */
  macros: Array<MacroDef | null> = [];
  private intrinsics: Array<Intrinsic | null> = [];
  private disabled: Uint8Array = new Uint8Array(1024);
  /** Snapshot names an intrinsic call records. */
  snapshots: i32[] = [];
  // state as gcc's pfile->state
  inDirective: bool = false;
  wantsPadding: bool = false;
  preventExpansion: i32 = 0;
  parsingArgs: i32 = 0;
  counter: i32 = 0;
  /** Tokens copied by expansion so far (bounded by MAX_EXPANSION_WORK). */
  work: i64 = 0;
  private lastFromContext: bool = false;
  private builtinDepth: i32 = 0;

  constructor(
    public atoms: Atoms,
    public host: ExpanderHost,
    public res: PPResult,
  ) {
    this.toks.push(packKF(TK.Eof, 0), 0, -1, -1, 0);
    this.toks.push(packKF(TK.Padding, 0), PadSource.NONE, -1, -1, 0);
  }

  // ---------------------------------------------------------------- the macro table

  /** The macro a name means now, or null. */
  @inline macroOf(atom: i32): MacroDef | null {
    const m = atom < this.macros.length ? unchecked(this.macros[atom]) : null;
    if (m != null) {
      if (m.watched) this.host.noteWatched();
      return m;
    }
    return this.tables != 0 ? this.host.fromTables(atom) : null;
  }

  /** How many define-only files were included (cpp/definetable.ts). */
  tables: i32 = 0;

  define(atom: i32, m: MacroDef | null): void {
    // sized once for every atom known (grown a slot at a time it would be copied a dozen times)
    if (this.macros.length <= atom) this.macros.length = max(atom + 1, this.atoms.count);
    unchecked((this.macros[atom] = m));
  }

  addIntrinsic(x: Intrinsic): void {
    while (this.intrinsics.length <= x.name) this.intrinsics.push(null);
    this.intrinsics[x.name] = x;
  }

  @inline private isDisabled(atom: i32): bool {
    return atom < this.disabled.length && unchecked(this.disabled[atom]) != 0;
  }

  private setDisabled(atom: i32, on: bool): void {
    if (atom >= this.disabled.length) {
      let cap = this.disabled.length;
      while (cap <= atom) cap <<= 1;
      const d = new Uint8Array(cap);
      memory.copy(d.dataStart, this.disabled.dataStart, <usize>this.disabled.length);
      this.disabled = d;
    }
    unchecked((this.disabled[atom] = on ? 1 : 0));
  }

  /** Forgets the tokens no context can still read. Call only between top-level tokens
   *  (nothing may hold a token index): with no context all but the permanent tokens go;
   *  else everything above the top context's tokens (contexts are pushed in arena order),
   *  so that a deep expansion runs in memory bounded by its live contexts. */
  trimArenas(): void {
    if (this.frameTop != 0 || this.collecting.length != 0) return;
    const d = this.cStart.length;
    if (d == 0) {
      this.toks.truncate(2);
      this.ptrs.clear();
      this.sink.clear();
      return;
    }
    const mark = this.cMark.get(d - 1);
    if (mark < this.toks.length) this.toks.truncate(mark);
    const end = this.cEnd.get(d - 1);
    if (end < this.ptrs.length) this.ptrs.truncate(end);
  }

  // ---------------------------------------------------------------- tokens

  @inline kind(t: i32): TK {
    return this.toks.kind(t);
  }
  @inline flags(t: i32): i32 {
    return this.toks.flags(t);
  }
  @inline atom(t: i32): i32 {
    return unchecked(this.toks.atom[t]);
  }
  @inline isPunct(t: i32, a: i32): bool {
    return this.toks.kind(t) == TK.Punct && unchecked(this.toks.atom[t]) == a;
  }

  /** A copy of token `t` with other flags. */
  private withFlags(t: i32, flags: i32): i32 {
    const v = this.toks;
    return v.push((unchecked(v.kf[t]) & 0xff) | (flags << 8), unchecked(v.atom[t]), unchecked(v.file[t]), unchecked(v.tok[t]), unchecked(v.exp[t]));
  }

  /** A copy of token `t` in expansion `exp`. */
  private inExpansion(t: i32, exp: i32): i32 {
    const v = this.toks;
    return v.push(unchecked(v.kf[t]), unchecked(v.atom[t]), unchecked(v.file[t]), unchecked(v.tok[t]), exp);
  }

  /** gcc's padding_token(source). */
  private padding(source: i32): i32 {
    return this.toks.push(packKF(TK.Padding, 0), (this.flags(source) & TF.PREV_WHITE) != 0 ? PadSource.WHITE : PadSource.TIGHT, -1, -1, 0);
  }

  /** The spelling of a token. */
  spell(t: i32): string {
    const k = this.kind(t);
    if (k == TK.Padding || k == TK.Eof) return "";
    return this.res.spell(this.toks, t);
  }

  // ---------------------------------------------------------------- contexts

  get depth(): i32 {
    return this.cStart.length;
  }

  /** Invocations whose arguments are being collected or pre-expanded. */
  get frameCount(): i32 {
    return this.frameTop;
  }

  private pushContext(start: i32, end: i32, macro: i32): void {
    this.cStart.push(start);
    this.cEnd.push(end);
    this.cCur.push(start);
    this.cMacro.push(macro);
    this.cMark.push(this.toks.length);
  }

  /** A context continuing the current macro (gcc's _cpp_push_token_context with NULL). */
  private pushOne(t: i32): void {
    const start = this.ptrs.length;
    this.ptrs.push(t);
    const n = this.cMacro.length;
    this.pushContext(start, start + 1, n > 0 ? this.cMacro.get(n - 1) : -1);
  }

  private popContext(): void {
    const n = this.cMacro.length;
    const macro = this.cMacro.get(n - 1);
    if (macro >= 0 && (n < 2 || this.cMacro.get(n - 2) != macro)) this.setDisabled(macro, false);
    this.cStart.pop();
    this.cEnd.pop();
    this.cCur.pop();
    this.cMacro.pop();
    this.cMark.pop();
  }

  /** Drops every context and frame above the given depths (end of a directive, or a stop). */
  unwind(depth: i32, frames: i32): void {
    while (this.cStart.length > depth) this.popContext();
    while (this.frameTop > frames) {
      this.frameTop--;
      this.sink.truncate(this.frames[this.frameTop].sinkBase);
    }
  }

  /** Steps back over the token read last (one token, as gcc's _cpp_backup_tokens). */
  unread(): void {
    this.backup();
  }

  private backup(): void {
    if (this.lastFromContext && this.cCur.length > 0) {
      const n = this.cCur.length - 1;
      this.cCur.set(n, this.cCur.get(n) - 1);
    } else this.host.unreadBase();
  }

  private count(n: i32): bool {
    this.work += n;
    if (this.work <= MAX_EXPANSION_WORK) return true;
    if (!this.host.stopped()) {
      this.host.report(
        PPCode.LIMIT_EXCEEDED,
        PPSeverity.Fatal,
        "macro expansion copied more than " +
          MAX_EXPANSION_WORK.toString() +
          " tokens (the most ksymns expands in one translation unit); preprocessing stopped",
        -1,
      );
      this.host.stop();
    }
    return false;
  }

  // ---------------------------------------------------------------- reading

  /** The next fully macro-expanded token at the caller's level (padding included, as
   *  gcc's cpp_get_token). Pre-expansion of arguments happens inside. */
  next(): i32 {
    const base = this.frameTop;
    let pending = -1;
    while (true) {
      let t: i32;
      if (pending >= 0) {
        t = pending;
        pending = -1;
      } else {
        if (this.host.stopped()) {
          this.unwind(0, base);
          return EOF_TOKEN;
        }
        t = this.step();
        if (t == FRAME_STARTED) continue;
      }
      if (this.frameTop == base) return t;
      const fr = this.frames[this.frameTop - 1];
      if (this.kind(t) != TK.Eof) {
        this.sink.push(t);
        continue;
      }
      // the barrier of the argument being expanded
      this.popContext();
      fr.expEnd.set(fr.expanding, this.sink.length);
      fr.orderPos++;
      if (this.advance(fr)) continue;
      const result = this.complete(fr);
      if (result >= 0 && !this.inDirective) pending = result;
    }
  }

  /** The next token that is not padding. */
  nextNonPadding(): i32 {
    while (true) {
      const t = this.next();
      if (this.kind(t) != TK.Padding) return t;
    }
  }

  /** One step of gcc's cpp_get_token_1. */
  private step(): i32 {
    while (true) {
      let t: i32;
      const d = this.cStart.length;
      if (d == 0) {
        t = this.host.readBase();
        this.lastFromContext = false;
      } else {
        const cur = this.cCur.get(d - 1);
        if (cur < this.cEnd.get(d - 1)) {
          this.cCur.set(d - 1, cur + 1);
          t = this.ptrs.get(cur);
          this.lastFromContext = true;
          if ((this.flags(t) & TF.PASTE_LEFT) != 0) {
            this.pasteAll(t);
            if (this.inDirective) continue;
            return this.padding(t);
          }
        } else {
          this.popContext();
          if (this.inDirective) continue;
          return AVOID_PASTE;
        }
      }
      if (this.kind(t) != TK.Ident) return t;
      const fl = this.flags(t);
      if ((fl & TF.NO_EXPAND) != 0) return t;
      const a = this.atom(t);
      const x = a < this.intrinsics.length && !this.inDirective ? unchecked(this.intrinsics[a]) : null;
      const m = this.macroOf(a);
      if (x != null && (m == null || m.src == null || ((1 << ((m.src as SourceFile).origin as i32)) & x.yieldMask) == 0)) {
        if (this.preventExpansion > 0) return t;
        const r = this.enterIntrinsic(x, t);
        if (r == 0) return t;
        if (r == 2) return FRAME_STARTED;
        if (this.inDirective) continue;
        return this.padding(t);
      }
      if (m == null) return t;
      if (this.isDisabled(a)) return this.withFlags(t, fl | TF.NO_EXPAND);
      if (this.preventExpansion > 0) return t;
      const r = this.enter(m, t);
      if (r == 0) return t;
      if (r == 2) return FRAME_STARTED;
      if (this.inDirective) continue;
      return this.padding(t);
    }
  }

  // ---------------------------------------------------------------- entering a macro

  /** gcc's enter_macro_context: 0 not expanded, 1 a context was pushed, 2 a frame now
   *  pre-expands the arguments. */
  private enter(m: MacroDef, nameTok: i32): i32 {
    if (m.builtin != Builtin.None) return this.builtin(m, nameTok);
    const fr = this.newFrame();
    fr.def = m;
    fr.nameTok = nameTok;
    this.closeTok = -1;
    if (m.funLike) {
      this.preventExpansion++;
      this.parsingArgs = 1;
      const ok = this.invocation(fr, m.paramCount, m.variadic, nameTok);
      this.parsingArgs = 0;
      this.preventExpansion--;
      if (!ok || !this.argumentsOk(fr, m, nameTok)) {
        this.frameTop--;
        return 0;
      }
    }
    fr.record = this.record(m, m.name, nameTok);
    if (m.paramCount == 0) {
      this.frameTop--;
      this.pushBody(m, fr.record);
      return 1;
    }
    for (let i = 0; i < m.order.length; i++) fr.order.push(m.order[i]);
    if (m.vaOpt && !fr.order.includes(m.paramCount - 1)) fr.order.push(m.paramCount - 1);
    fr.sinkBase = this.sink.length;
    if (this.advance(fr)) return 2;
    this.complete(fr);
    return 1;
  }

  private newFrame(): Frame {
    if (this.frameTop == this.frames.length) this.frames.push(new Frame());
    const fr = this.frames[this.frameTop++];
    fr.reset();
    return fr;
  }

  /** A new expansion record for an invocation whose name is token `nameTok`. Its parent is
   *  the expansion the name came from, or the invocation whose argument is being
   *  pre-expanded, whichever is more recent. */
  private record(def: MacroDef | null, name: i32, nameTok: i32): i32 {
    let parent = unchecked(this.toks.exp[nameTok]);
    for (let i = this.frameTop - 1; i >= 0; i--) {
      const fr = this.frames[i];
      if (fr.expanding >= 0) {
        if (fr.record > parent) parent = fr.record;
        break;
      }
    }
    const x = this.res.expansions;
    const exp = unchecked(this.toks.exp[nameTok]);
    const file = unchecked(this.toks.file[nameTok]);
    const tok = unchecked(this.toks.tok[nameTok]);
    const line = exp == 0 ? this.host.presumedLine(file, tok) : x.line.get(exp);
    const id = x.add(def, name, parent, file, tok, line);
    if (id >= MAX_EXPANSIONS && !this.host.stopped()) {
      this.host.report(
        PPCode.LIMIT_EXCEEDED,
        PPSeverity.Fatal,
        "more than " + MAX_EXPANSIONS.toString() + " macro expansions (the most ksymns records in one translation unit); preprocessing stopped",
        nameTok,
      );
      this.host.stop();
    }
    if (this.closeTok >= 0) this.extendTo(id, this.closeTok);
    return id;
  }

  /** Widens the outermost invocation of `id` to a later token written in its file. */
  private extendTo(id: i32, t: i32): void {
    if (unchecked(this.toks.exp[t]) != 0) return;
    const x = this.res.expansions;
    const top = x.top.get(id);
    const f = unchecked(this.toks.file[t]);
    const k = unchecked(this.toks.tok[t]);
    if (f == x.startFile.get(top) && k > x.endTok.get(top)) x.endTok.set(top, k);
    if (id != top && f == x.startFile.get(id) && k > x.endTok.get(id)) x.endTok.set(id, k);
  }

  /** Pushes an object-like (or parameterless) macro's body. */
  private pushBody(m: MacroDef, rec: i32): void {
    const n = m.count;
    if (!this.count(n + 1)) return;
    const start = this.ptrs.length;
    const file = m.src == null ? -1 : (m.src as SourceFile).index;
    for (let i = 0; i < n; i++) {
      this.ptrs.push(this.toks.push(unchecked(m.kf[i]), unchecked(m.atom[i]), file, unchecked(m.tok[i]), rec));
    }
    this.pushContext(start, start + n, m.name);
    this.setDisabled(m.name, true);
  }

  /** The `)` of the invocation being entered (-1 for an object-like macro). */
  private closeTok: i32 = -1;

  /** gcc's funlike_invocation_p and collect_args: looks for `(` and collects the
   *  arguments into the frame. `params` < 0: split at every comma (intrinsics). */
  private invocation(fr: Frame, params: i32, variadic: bool, nameTok: i32): bool {
    this.closeTok = -1;
    let padding = -1;
    let t: i32;
    while (true) {
      t = this.step();
      if (this.kind(t) != TK.Padding) break;
      const ps = this.atom(t);
      if (padding < 0 || this.atom(padding) == PadSource.NONE || (this.atom(padding) != PadSource.WHITE && ps == PadSource.NONE)) padding = t;
    }
    if (!this.isPunct(t, Name.LParen)) {
      if (this.kind(t) != TK.Eof || this.lastFromContext) {
        this.backup();
        if (padding >= 0) this.pushOne(padding);
      }
      return false;
    }
    this.parsingArgs = 2;
    return this.collect(fr, params, variadic, nameTok);
  }

  private collect(fr: Frame, params: i32, variadic: bool, nameTok: i32): bool {
    const base = this.collecting.length;
    const marks = this.marks;
    const markBase = marks.length;
    let argc = 0;
    let t = 0;
    let copied = 0;
    do {
      argc++;
      const start = this.collecting.length;
      let depth = 0;
      while (true) {
        t = this.step();
        const k = this.kind(t);
        if (k == TK.Padding) {
          if (this.collecting.length == start) continue;
        } else if (k == TK.Punct) {
          const a = this.atom(t);
          if (a == Name.LParen) depth++;
          else if (a == Name.RParen) {
            if (depth-- == 0) break;
          } else if (a == Name.Comma && depth == 0 && !(params >= 0 && variadic && argc == params)) break;
        } else if (k == TK.Eof) break;
        this.collecting.push(t);
        copied++;
      }
      let end = this.collecting.length;
      while (end > start && this.kind(this.collecting.get(end - 1)) == TK.Padding) end--;
      this.collecting.truncate(end);
      marks.push(start);
      marks.push(end);
    } while (!(this.isPunct(t, Name.RParen) || this.kind(t) == TK.Eof));
    if (!this.count(copied)) {
      this.collecting.truncate(base);
      marks.truncate(markBase);
      return false;
    }
    if (this.kind(t) == TK.Eof) {
      if (this.lastFromContext) this.backup();
      this.collecting.truncate(base);
      marks.truncate(markBase);
      this.host.report(
        PPCode.UNTERMINATED_ARGS,
        PPSeverity.Error,
        'unterminated argument list invoking macro "' + this.atoms.text(this.atom(nameTok)) + '"',
        -1,
      );
      return false;
    }
    this.closeTok = t;
    // move the arguments to the pointer arena, each followed by the Eof barrier
    for (let i = 0; i < argc; i++) {
      const s = marks.get(markBase + 2 * i),
        e = marks.get(markBase + 2 * i + 1);
      const at = this.ptrs.length;
      for (let j = s; j < e; j++) this.ptrs.push(this.collecting.get(j));
      this.ptrs.push(EOF_TOKEN);
      fr.addArg(at, at + e - s);
    }
    this.collecting.truncate(base);
    marks.truncate(markBase);
    fr.argc = argc;
    return true;
  }

  private argCount(fr: Frame, i: i32): i32 {
    return fr.rawStart.get(i) < 0 ? 0 : fr.rawEnd.get(i) - fr.rawStart.get(i);
  }

  /** gcc's _cpp_arguments_ok, and the GNU rule that an omitted variadic argument is "null"
   *  (so that `, ## __VA_ARGS__` drops the comma). */
  private argumentsOk(fr: Frame, m: MacroDef, _nameTok: i32): bool {
    const paramc = m.paramCount;
    let argc = fr.argc;
    if (argc == 1 && paramc == 0 && this.argCount(fr, 0) == 0) argc = 0;
    const name = this.atoms.text(m.name);
    if (argc != paramc) {
      if (argc < paramc && argc + 1 == paramc && m.variadic) {
        // the variadic argument omitted: as if empty, but "null"
      } else {
        const text =
          argc < paramc
            ? 'macro "' + name + '" requires ' + paramc.toString() + " arguments, but only " + argc.toString() + " given"
            : 'macro "' + name + '" passed ' + argc.toString() + " arguments, but takes just " + paramc.toString();
        this.host.report(PPCode.MACRO_ARGS_COUNT, PPSeverity.Error, text, this.closeTok);
        this.host.reportDefinition(PPCode.MACRO_DEFINED_HERE, PPSeverity.Note, 'macro "' + name + '" defined here', m);
        return false;
      }
    }
    // keep exactly paramc argument slots
    while (fr.nargs < paramc) fr.addArg(-1, -1);
    if (m.variadic && (argc < paramc || (argc == 1 && this.argCount(fr, 0) == 0))) {
      fr.rawStart.set(paramc - 1, -1);
      fr.rawEnd.set(paramc - 1, -1);
    }
    fr.nargs = paramc;
    return true;
  }

  // ---------------------------------------------------------------- pre-expansion

  /** Starts pre-expanding the next argument that needs it; false when none is left. */
  private advance(fr: Frame): bool {
    while (fr.orderPos < fr.order.length) {
      const a = fr.order.get(fr.orderPos);
      const s = fr.rawStart.get(a);
      if (s < 0 || fr.rawEnd.get(a) == s || fr.expStart.get(a) >= 0) {
        if (fr.expStart.get(a) < 0) {
          fr.expStart.set(a, this.sink.length);
          fr.expEnd.set(a, this.sink.length);
        }
        fr.orderPos++;
        continue;
      }
      fr.expanding = a;
      fr.expStart.set(a, this.sink.length);
      this.pushContext(s, fr.rawEnd.get(a) + 1, -1);
      return true;
    }
    fr.expanding = -1;
    return false;
  }

  /** Substitutes a frame whose arguments are expanded (an intrinsic becomes its marker);
   *  returns the padding token to hand the level below. */
  private complete(fr: Frame): i32 {
    if (fr.intrinsic != null) this.pushOne(this.intrinsicMarker(fr));
    else {
      const m = fr.def as MacroDef;
      this.replaceArgs(fr, m);
      this.setDisabled(m.name, true);
    }
    this.sink.truncate(fr.sinkBase);
    this.frameTop--;
    return this.padding(fr.nameTok);
  }

  // ---------------------------------------------------------------- substitution

  /** The argument tokens to substitute: a copy in this expansion unless made inside it. */
  private putArg(t: i32, rec: i32): void {
    const k = this.kind(t);
    if (k != TK.Padding && unchecked(this.toks.exp[t]) < rec) t = this.inExpansion(t, rec);
    this.ptrs.push(t);
  }

  /** Sets or clears PASTE_LEFT on the token at ptrs[p] as on body token `src`. */
  private copyPasteFlag(p: i32, srcFlags: i32): void {
    const t = this.ptrs.get(p);
    const f = this.flags(t);
    const want = (srcFlags & TF.PASTE_LEFT) != 0 ? f | TF.PASTE_LEFT : f & ~TF.PASTE_LEFT;
    this.ptrs.set(p, this.withFlags(t, want));
  }

  /** gcc's replace_args, second half: builds the expansion and pushes it. */
  private replaceArgs(fr: Frame, m: MacroDef): void {
    const rec = fr.record;
    const file = m.src == null ? -1 : (m.src as SourceFile).index;
    const outStart = this.ptrs.length;
    const varArg = m.paramCount - 1;
    // __VA_OPT__ tracking (gcc's vaopt_state during expansion)
    let vaState = 0;
    let vaUpdate = -1; // -1 unknown, else VA_INCLUDE / VA_DROP
    let vaStringify = false;
    let vaStart = -1; // ptrs index of the token before __VA_OPT__'s contents (-1: none)
    let total = 0;
    for (let i = 0; i < m.count; i++) {
      const bkf = unchecked(m.kf[i]);
      const bkind = bkf & 0xff;
      const bflags = bkf >>> 8;
      const batom = unchecked(m.atom[i]);
      const prevPaste = i > 0 && ((unchecked(m.kf[i - 1]) >>> 8) & TF.PASTE_LEFT) != 0;
      // __VA_OPT__
      let vs = VA_INCLUDE;
      if (m.variadic) {
        if (bkind == TK.Ident && batom == Name.VaOpt) {
          vaState = 1;
          vaStringify = (bflags & TF.STRINGIFY_ARG) != 0;
          vs = VA_BEGIN;
        } else if (vaState == 1) {
          vaState = 2;
          if (vaUpdate < 0) vaUpdate = this.vaArgPresent(fr, varArg) ? VA_INCLUDE : VA_DROP;
          vs = VA_DROP;
        } else if (vaState >= 2) {
          if (vaState == 2) vaState = 3;
          if (bkind == TK.Punct && batom == Name.LParen) vaState++;
          else if (bkind == TK.Punct && batom == Name.RParen) {
            vaState--;
            if (vaState == 2) {
              vaState = 0;
              vs = VA_END;
            }
          }
          if (vs != VA_END) vs = vaUpdate;
        }
      }
      if (vs != VA_INCLUDE) {
        if (vs == VA_BEGIN) {
          if (i > 0 && !prevPaste) this.ptrs.push(this.bodyPadding(bflags));
          vaStart = this.ptrs.length > outStart ? this.ptrs.length - 1 : -1;
        } else if (vs == VA_END) {
          const start = vaStart;
          vaStart = -1;
          let pasteFlag = this.ptrs.length > outStart ? this.ptrs.length - 1 : -1;
          if (vaStringify) {
            const first = start >= 0 ? start + 1 : outStart;
            let count = start >= 0 ? pasteFlag - start : this.ptrs.length - outStart;
            // paste what needs pasting first, then stringify
            let j = 0;
            for (let k = 0; k < count; k++, j++) {
              let tk = this.ptrs.get(first + k);
              if ((this.flags(tk) & TF.PASTE_LEFT) != 0) {
                let rhs = 0;
                do {
                  if (k + 1 >= count) break;
                  rhs = this.ptrs.get(first + ++k);
                  const r = this.paste(tk, rhs, rec);
                  if (r < 0) {
                    tk = this.withFlags(tk, this.flags(tk) & ~TF.PASTE_LEFT);
                    --k;
                    break;
                  }
                  tk = r;
                } while ((this.flags(rhs) & TF.PASTE_LEFT) != 0);
              }
              this.ptrs.set(first + j, tk);
            }
            count = j;
            this.ptrs.truncate(first + count);
            let s = this.stringify(first, first + count, rec, file, unchecked(m.tok[i]));
            this.ptrs.truncate(first);
            if ((bflags & TF.PASTE_LEFT) != 0) s = this.withFlags(s, this.flags(s) | TF.PASTE_LEFT);
            this.ptrs.push(s);
            continue;
          }
          if (start >= 0 && pasteFlag == start && (this.flags(this.ptrs.get(start)) & TF.PASTE_LEFT) != 0) this.copyPasteFlag(start, 0);
          if ((bflags & TF.PASTE_LEFT) != 0) {
            while (pasteFlag >= 0 && pasteFlag != start && this.ptrs.get(pasteFlag) == AVOID_PASTE) {
              this.ptrs.truncate(pasteFlag);
              pasteFlag = this.ptrs.length > outStart ? this.ptrs.length - 1 : -1;
            }
            if (pasteFlag >= 0 && this.kind(this.ptrs.get(pasteFlag)) != TK.Padding) this.copyPasteFlag(pasteFlag, bflags);
          } else this.ptrs.push(AVOID_PASTE);
        }
        continue;
      }
      if (bkind != TK.MacroArg) {
        this.ptrs.push(this.toks.push(bkf, batom, file, unchecked(m.tok[i]), rec));
        total++;
        continue;
      }
      const a = batom;
      let pasteFlag = -1;
      let from = 0,
        to = 0; // range of `src`
      let src: IntVec = this.ptrs;
      let single = -1;
      if ((bflags & TF.STRINGIFY_ARG) != 0) {
        if (fr.stringified.get(a) < 0) {
          const s = fr.rawStart.get(a);
          fr.stringified.set(
            a,
            s < 0 ? this.stringify(0, 0, rec, file, unchecked(m.tok[i])) : this.stringify(s, fr.rawEnd.get(a), rec, file, unchecked(m.tok[i])),
          );
        }
        single = fr.stringified.get(a);
      } else if ((bflags & TF.PASTE_LEFT) != 0) {
        from = fr.rawStart.get(a);
        to = fr.rawEnd.get(a);
        if (from < 0) {
          from = 0;
          to = 0;
        }
      } else if (prevPaste) {
        from = fr.rawStart.get(a);
        to = fr.rawEnd.get(a);
        const isNull = from < 0;
        if (isNull) {
          from = 0;
          to = 0;
        }
        if (this.ptrs.length > outStart) {
          const last = this.ptrs.length - 1;
          if (this.isPunct(this.ptrs.get(last), Name.Comma) && m.variadic && a == varArg) {
            if (isNull) this.ptrs.truncate(last);
            else pasteFlag = last;
          } else if (to == from) pasteFlag = last;
        }
      } else {
        src = this.sink;
        from = fr.expStart.get(a);
        to = fr.expEnd.get(a);
        if (from < 0) {
          from = 0;
          to = 0;
        }
        if (vaStart >= 0 && this.ptrs.length - 1 == vaStart) {
          while (from < to && this.kind(this.sink.get(from)) == TK.Padding) from++;
        }
      }
      // padding on the left of an argument (unless the right operand of ##)
      if ((!this.inDirective || this.wantsPadding) && i > 0 && !prevPaste && !(vaStart >= 0 && this.ptrs.length - 1 == vaStart)) {
        this.ptrs.push(this.bodyPadding(bflags));
      }
      const n = single >= 0 ? 1 : to - from;
      if (n > 0) {
        if (single >= 0) this.ptrs.push(single);
        else for (let j = from; j < to; j++) this.putArg(src.get(j), rec);
        total += n;
        if ((bflags & TF.PASTE_LEFT) != 0) pasteFlag = this.ptrs.length - 1;
      }
      // avoid paste on the right (even when the argument is empty)
      if (!this.inDirective && (bflags & TF.PASTE_LEFT) == 0) this.ptrs.push(AVOID_PASTE);
      if (pasteFlag >= 0) this.copyPasteFlag(pasteFlag, bflags);
    }
    this.count(total + 1);
    this.pushContext(outStart, this.ptrs.length, m.name);
  }

  /** A padding token whose source is a body token with these flags. */
  private bodyPadding(flags: i32): i32 {
    return this.toks.push(packKF(TK.Padding, 0), (flags & TF.PREV_WHITE) != 0 ? PadSource.WHITE : PadSource.TIGHT, -1, -1, 0);
  }

  /** Whether the variadic argument has tokens after expansion (__VA_OPT__). */
  private vaArgPresent(fr: Frame, a: i32): bool {
    if (fr.rawStart.get(a) < 0) return false;
    const s = fr.expStart.get(a),
      e = fr.expEnd.get(a);
    for (let j = s; j < e; j++) if (this.kind(this.sink.get(j)) != TK.Padding) return true;
    return false;
  }

  // ---------------------------------------------------------------- # and ##

  /** gcc's stringify_arg over ptrs[from, to): a space where the token (or the padding
   *  before it) had whitespace before it, string and character literals escaped. */
  private stringify(from: i32, to: i32, rec: i32, file: i32, tok: i32): i32 {
    const parts: string[] = ['"'];
    let source = PadSource.NONE; // gcc's `source`: none, a token without whitespace, with
    let backslashes = 0;
    let wrote = false;
    for (let i = from; i < to; i++) {
      const t = this.ptrs.get(i);
      const k = this.kind(t);
      if (k == TK.Padding) {
        const ps = this.atom(t);
        if (source == PadSource.NONE || (source == PadSource.TIGHT && ps == PadSource.NONE)) source = ps;
        continue;
      }
      if (wrote) {
        if (source == PadSource.NONE) source = (this.flags(t) & TF.PREV_WHITE) != 0 ? PadSource.WHITE : PadSource.TIGHT;
        if (source == PadSource.WHITE) parts.push(" ");
      }
      source = PadSource.NONE;
      const s = this.spell(t);
      if (k == TK.String || k == TK.Char) parts.push(quoteString(s));
      else parts.push(s);
      wrote = true;
      if (k == TK.Other && s.charCodeAt(0) == 92) backslashes++;
      else backslashes = 0;
    }
    let text = parts.join("");
    if ((backslashes & 1) != 0) {
      this.host.report(PPCode.BAD_STRINGIFY, PPSeverity.Warning, "invalid string literal, ignoring final '\\'", -1);
      text = text.substring(0, text.length - 1);
    }
    text += '"';
    return this.toks.push(packKF(TK.String, 0), this.atoms.intern(text), file, tok, rec);
  }

  /** gcc's paste_all_tokens: `lhs` has PASTE_LEFT; its right operands follow it in the
   *  current context. The result goes into a context of its own. */
  private pasteAll(lhs: i32): void {
    const d = this.cStart.length - 1;
    const rec = unchecked(this.toks.exp[lhs]);
    let rhs = 0;
    do {
      const cur = this.cCur.get(d);
      if (cur >= this.cEnd.get(d)) break;
      this.cCur.set(d, cur + 1);
      rhs = this.ptrs.get(cur);
      const r = this.paste(lhs, rhs, rec);
      if (r < 0) {
        this.cCur.set(d, cur);
        lhs = this.withFlags(lhs, this.flags(lhs) & ~TF.PASTE_LEFT);
        break;
      }
      lhs = r;
    } while ((this.flags(rhs) & TF.PASTE_LEFT) != 0);
    this.pushOne(lhs);
  }

  /** Pastes two tokens; the new token, or -1 (and an error) when the spellings do not
   *  make one preprocessing token. */
  private paste(lhs: i32, rhs: i32, rec: i32): i32 {
    const a = this.spell(lhs);
    const rk = this.kind(rhs);
    const b = rk == TK.Padding ? "" : this.spell(rhs);
    const avoidComment = this.isPunct(lhs, Name.Slash) && !this.isPunct(rhs, Name.Assign);
    const text = avoidComment ? a + " " + b : a + b;
    const kf = lexOne(text, this.atoms);
    if (kf < 0 || this.kind(lhs) == TK.Intrinsic || rk == TK.Intrinsic) {
      this.host.report(PPCode.BAD_PASTE, PPSeverity.Error, 'pasting "' + a + '" and "' + b + '" does not give a valid preprocessing token', lhs);
      return -1;
    }
    const flags = (kf >>> 8) | (this.flags(lhs) & TF.PREV_WHITE);
    return this.toks.push((kf & 0xff) | (flags << 8), lexedAtom, unchecked(this.toks.file[lhs]), unchecked(this.toks.tok[lhs]), rec);
  }

  // ---------------------------------------------------------------- built-in macros

  private builtin(m: MacroDef, nameTok: i32): i32 {
    const b = m.builtin;
    const exp = unchecked(this.toks.exp[nameTok]);
    let text = "";
    let kind = TK.Number;
    switch (b) {
      case Builtin.Line: {
        text = this.lineOf(nameTok).toString();
        break;
      }
      case Builtin.File:
        kind = TK.String;
        text = quoteFileName(this.host.fileName());
        break;
      case Builtin.FileName: {
        const f = this.host.fileName();
        kind = TK.String;
        text = quoteFileName(f.substring(f.lastIndexOf("/") + 1));
        break;
      }
      case Builtin.BaseFile:
        kind = TK.String;
        text = quoteFileName(this.host.baseFileName());
        break;
      case Builtin.IncludeLevel:
        text = this.host.includeLevel().toString();
        break;
      case Builtin.Counter:
        text = (this.counter++).toString();
        break;
      case Builtin.Date:
        kind = TK.String;
        text = '"Jan  1 1970"';
        break;
      case Builtin.Time:
        kind = TK.String;
        text = '"00:00:00"';
        break;
      case Builtin.Timestamp:
        kind = TK.String;
        text = '"Thu Jan  1 00:00:00 1970"';
        break;
      case Builtin.Pragma: {
        if (this.inDirective || this.frameTop > 0) return 0;
        this.doPragmaOperator(nameTok);
        return 1;
      }
      default: {
        // __has_include and friends
        if (!this.inDirective) {
          this.host.report(PPCode.BUILTIN_MISUSE, PPSeverity.Error, '"' + this.atoms.text(m.name) + '" used outside of preprocessing directive', nameTok);
        }
        text = this.hasOperator(m, nameTok).toString();
      }
    }
    const t = this.toks.push(
      packKF(kind, this.flags(nameTok) & TF.PREV_WHITE),
      this.atoms.intern(text),
      unchecked(this.toks.file[nameTok]),
      unchecked(this.toks.tok[nameTok]),
      exp,
    );
    this.pushOne(t);
    return 1;
  }

  /** __LINE__: the line of the token, or of the expansion it comes from (gcc's outermost
   *  expansion point, which an argument's pre-expansion resets). */
  private lineOf(nameTok: i32): i32 {
    const exp = unchecked(this.toks.exp[nameTok]);
    if (exp == 0) return this.host.presumedLine(unchecked(this.toks.file[nameTok]), unchecked(this.toks.tok[nameTok]));
    return this.res.expansions.line.get(exp);
  }

  /** __has_include(...), __has_attribute(...) and the like: reads `( operand )`. */
  private hasOperator(m: MacroDef, nameTok: i32): i32 {
    if (this.builtinDepth > 32) {
      this.host.report(PPCode.BUILTIN_MISUSE, PPSeverity.Error, '"' + this.atoms.text(m.name) + '" nested too deeply', nameTok);
      return 0;
    }
    this.builtinDepth++;
    const name = this.atoms.text(m.name);
    let result = 0;
    const isInclude = m.builtin == Builtin.HasInclude || m.builtin == Builtin.HasIncludeNext;
    const savedPad = this.wantsPadding;
    if (isInclude) this.wantsPadding = true;
    let t = this.nextNonPadding();
    const paren = this.isPunct(t, Name.LParen);
    if (paren) t = this.nextNonPadding();
    else this.host.report(PPCode.BUILTIN_MISUSE, PPSeverity.Error, "missing '(' before \"" + name + '" operand', t);
    if (isInclude) {
      let spelling = "";
      let angled = true;
      let ok = true;
      if (this.kind(t) == TK.String || this.kind(t) == TK.HeaderName) {
        const s = this.spell(t);
        angled = this.kind(t) == TK.HeaderName;
        spelling = s.substring(1, s.length - 1);
      } else if (this.isPunct(t, Name.Less)) {
        spelling = this.glueHeaderName();
      } else {
        this.host.report(PPCode.BUILTIN_MISUSE, PPSeverity.Error, 'operator "' + name + '" requires a header-name', t);
        ok = false;
      }
      this.wantsPadding = savedPad;
      if (ok && this.host.hasInclude(spelling, angled, m.builtin == Builtin.HasIncludeNext)) result = 1;
    } else if (this.kind(t) == TK.Ident) {
      let s = this.atoms.text(this.atom(t));
      if (m.builtin == Builtin.HasBuiltin) result = this.host.hasBuiltin(s);
      else {
        // a scoped name: `gnu::packed` (C has no `::` token)
        const c1 = this.nextNonPadding();
        if (this.isPunct(c1, Name.Colon)) {
          const c2 = this.nextNonPadding();
          const n = this.isPunct(c2, Name.Colon) ? this.nextNonPadding() : c2;
          s = this.kind(n) == TK.Ident ? s + "::" + this.atoms.text(this.atom(n)) : "";
        } else this.unread();
        const kind = m.builtin == Builtin.HasCAttribute ? 1 : m.builtin == Builtin.HasCppAttribute ? 2 : 0;
        result = s.length > 0 ? this.host.hasAttribute(s, kind) : 0;
      }
    } else {
      this.host.report(PPCode.BUILTIN_MISUSE, PPSeverity.Error, 'macro "' + name + '" requires an identifier', t);
    }
    if (paren) {
      const c = this.nextNonPadding();
      if (!this.isPunct(c, Name.RParen)) {
        this.host.report(PPCode.BUILTIN_MISUSE, PPSeverity.Error, "missing ')' after \"" + name + '" operand', c);
        if (this.kind(c) == TK.Eof) this.backup();
      }
    }
    this.builtinDepth--;
    return result;
  }

  /** gcc's glue_header_name: the spelling between `<` and `>` of a macro-made header name. */
  glueHeaderName(): string {
    const parts: string[] = [];
    while (true) {
      const t = this.nextNonPadding();
      if (this.isPunct(t, Name.Greater)) break;
      if (this.kind(t) == TK.Eof) {
        this.host.report(PPCode.INCLUDE_SYNTAX, PPSeverity.Error, "missing terminating > character", -1);
        break;
      }
      if ((this.flags(t) & TF.PREV_WHITE) != 0 && parts.length > 0) parts.push(" ");
      parts.push(this.spell(t));
    }
    return parts.join("");
  }

  /** _Pragma("...") in running text: recorded as a pragma, consumed. Its operand is
   *  macro-expanded first, as gcc's get__Pragma_string reads it (the kernel's __diag() writes
   *  `_Pragma(__diag_str(GCC diagnostic s))`). */
  private doPragmaOperator(nameTok: i32): void {
    let t = this.nextNonPadding();
    let ok = this.isPunct(t, Name.LParen);
    let text = "";
    if (ok) {
      t = this.nextNonPadding();
      ok = this.kind(t) == TK.String;
      if (ok) text = destringize(this.spell(t));
      if (ok) {
        t = this.nextNonPadding();
        ok = this.isPunct(t, Name.RParen);
      }
    }
    if (!ok) {
      this.host.report(PPCode.BAD_PRAGMA, PPSeverity.Error, "_Pragma takes a parenthesized string literal", nameTok);
      if (this.kind(t) == TK.Eof) this.backup();
      return;
    }
    this.host.pragma(text, nameTok);
  }

  // ---------------------------------------------------------------- intrinsics

  /** An intrinsic met where it would expand: collects and pre-expands its arguments (and
   *  the snapshot macros), then completes as one marker token. */
  private enterIntrinsic(x: Intrinsic, nameTok: i32): i32 {
    const fr = this.newFrame();
    fr.intrinsic = x;
    fr.nameTok = nameTok;
    if (x.funLike) {
      this.preventExpansion++;
      this.parsingArgs = 1;
      const ok = this.invocation(fr, -1, false, nameTok);
      this.parsingArgs = 0;
      this.preventExpansion--;
      if (!ok) {
        this.frameTop--;
        return 0;
      }
      if (fr.argc == 1 && this.argCount(fr, 0) == 0) {
        fr.rawStart.clear();
        fr.rawEnd.clear();
        fr.expStart.clear();
        fr.expEnd.clear();
        fr.stringified.clear();
        fr.nargs = 0;
        fr.argc = 0;
      }
    } else this.closeTok = -1;
    fr.record = this.record(null, x.name, nameTok);
    const args = fr.nargs;
    // snapshot macros as pseudo-arguments: one identifier token each
    for (let i = 0; i < this.snapshots.length; i++) {
      const a = this.snapshots[i];
      if (this.macroOf(a) == null) {
        fr.snapArg.push(-1);
        continue;
      }
      const at = this.ptrs.length;
      this.ptrs.push(this.toks.push(packKF(TK.Ident, 0), a, -1, -1, 0));
      this.ptrs.push(EOF_TOKEN);
      fr.snapArg.push(fr.nargs);
      fr.addArg(at, at + 1);
    }
    for (let i = 0; i < fr.nargs; i++) fr.order.push(i);
    fr.argc = args;
    fr.sinkBase = this.sink.length;
    if (this.advance(fr)) return 2;
    this.complete(fr);
    return 1;
  }

  /** Records an intrinsic call; returns its marker token. */
  private intrinsicMarker(fr: Frame): i32 {
    const x = fr.intrinsic as Intrinsic;
    const res = this.res;
    const call = new IntrinsicCall(x.name, fr.record, x.funLike);
    const side = res.side;
    for (let i = 0; i < fr.argc; i++) {
      call.rawStart.push(side.length);
      const s = fr.rawStart.get(i),
        e = fr.rawEnd.get(i);
      for (let j = s; j < e; j++) side.pushFrom(this.toks, this.ptrs.get(j));
      call.rawEnd.push(side.length);
      call.expStart.push(side.length);
      this.copyExpanded(fr, i);
      call.expEnd.push(side.length);
    }
    for (let i = 0; i < fr.snapArg.length; i++) {
      const a = fr.snapArg.get(i);
      if (a < 0) {
        call.snapStart.push(-1);
        call.snapEnd.push(-1);
        continue;
      }
      call.snapStart.push(side.length);
      this.copyExpanded(fr, a);
      call.snapEnd.push(side.length);
    }
    const index = res.calls.length;
    res.calls.push(call);
    const nt = fr.nameTok;
    return this.toks.push(packKF(TK.Intrinsic, this.flags(nt) & TF.PREV_WHITE), x.name, -1, index, fr.record);
  }

  private copyExpanded(fr: Frame, a: i32): void {
    const s = fr.expStart.get(a),
      e = fr.expEnd.get(a);
    for (let j = s; j < e; j++) {
      const t = this.sink.get(j);
      if (this.kind(t) != TK.Padding) this.res.side.pushFrom(this.toks, t);
    }
  }
}

/** gcc's cpp_quote_string around a spelling: `\` and `"` escaped. */
export function quoteString(s: string): string {
  let plain = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c == 92 || c == 34 || c == 10) {
      plain = false;
      break;
    }
  }
  if (plain) return s;
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c == 92 || c == 34) out.push("\\");
    out.push(c == 10 ? "n" : String.fromCharCode(c));
  }
  return out.join("");
}

function quoteFileName(name: string): string {
  return '"' + quoteString(name) + '"';
}

/** The contents of a string literal token as _Pragma reads it (C11 6.10.9: the prefix and
 *  quotes removed, \" and \\ unescaped). */
export function destringize(s: string): string {
  const q = s.indexOf('"');
  if (q < 0) return s;
  const end = s.length - 1;
  const out: string[] = [];
  for (let i = q + 1; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c == 92 && i + 1 < end && (s.charCodeAt(i + 1) == 34 || s.charCodeAt(i + 1) == 92)) {
      out.push(String.fromCharCode(s.charCodeAt(i + 1)));
      i++;
      continue;
    }
    out.push(String.fromCharCode(c));
  }
  return out.join("");
}
