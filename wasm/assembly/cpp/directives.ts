// Directives (C11 6.10 and GNU's) with gcc 12's texts: skipped groups are crossed directive
// by directive, never token by token, and an unknown directive is an error only in live code.

import { Name } from "./atoms";
import { PPCode, PPSeverity } from "./diagnostic";
import { directiveName } from "./lex";
import { IntVec, TK } from "./pptoken";
import { InactiveRange, IncludeEdge, PragmaRecord } from "./result";
import { Preprocessor, IncludeFrame } from "./preprocess";
import { destringize } from "./expand";
import { Origin } from "./include";

/** The open conditionals of the translation unit (each file's sit above its `base`). */
class Conditionals {
  /** The directive that opened or last continued it (If, Ifdef, Ifndef, Elif, Else…). */
  kind: IntVec = new IntVec(64);
  /** Whether a group of it was taken, and whether #else was seen. */
  taken: IntVec = new IntVec(64);
  sawElse: IntVec = new IntVec(64);
  /** Where its #if is: file and token of the `#`. */
  file: IntVec = new IntVec(64);
  tok: IntVec = new IntVec(64);
  /** Whether a condition of it read a name no macro defines as 0: which group is taken may
   *  then be wrong where headers are missing. */
  undefinedName: IntVec = new IntVec(64);

  get length(): i32 {
    return this.kind.length;
  }

  push(kind: i32, taken: bool, file: i32, tok: i32): void {
    this.kind.push(kind);
    this.taken.push(taken ? 1 : 0);
    this.sawElse.push(0);
    this.file.push(file);
    this.tok.push(tok);
    this.undefinedName.push(0);
  }

  pop(): void {
    this.kind.pop();
    this.taken.pop();
    this.sawElse.pop();
    this.file.pop();
    this.tok.pop();
    this.undefinedName.pop();
  }

  /** Whether an open conditional's condition read an undefined name. */
  anyUndefinedName(): bool {
    for (let i = 0; i < this.undefinedName.length; i++) if (this.undefinedName.get(i) != 0) return true;
    return false;
  }
}

/** Runs the directives of a translation unit. */
export class Directives {
  conds: Conditionals = new Conditionals();

  constructor(public pp: Preprocessor) {}

  /** Runs the directive whose `#` is token `h` of the top file, then any directives a
   *  skipped group leads to; leaves the file's cursor after the last one. */
  run(h: i32): void {
    while (h >= 0 && !this.pp.stopped()) h = this.one(h);
  }

  /** One directive; returns the next directive to run (the #elif / #else / #endif that
   *  ends a skipped group), or -1. */
  private one(h: i32): i32 {
    const pp = this.pp;
    const fr = pp.top as IncludeFrame;
    const lx = fr.lx;
    const end = lx.lineEnd(h);
    pp.dirEnd = end;
    fr.cur = end;
    const n = h + 1;
    if (n >= end) return -1; // the null directive
    const k = lx.kind(n);
    const name = unchecked(lx.atom[n]);
    if (k == TK.Number) {
      this.lineMarker(fr, h, end);
      return -1;
    }
    if (k != TK.Ident) {
      this.invalid(fr, n);
      return -1;
    }
    switch (name) {
      case Name.Define:
        this.define(fr, h, end);
        return -1;
      case Name.Undef:
        this.undef(fr, h, end);
        return -1;
      case Name.Include:
        this.include(fr, h, end, false, false);
        return -1;
      case Name.IncludeNext:
        this.include(fr, h, end, true, false);
        return -1;
      case Name.Import:
        this.include(fr, h, end, false, true);
        return -1;
      case Name.If:
        return this.ifDirective(fr, h, end);
      case Name.Ifdef:
        return this.ifdef(fr, h, end, true);
      case Name.Ifndef:
        return this.ifdef(fr, h, end, false);
      case Name.Elif:
      case Name.Elifdef:
      case Name.Elifndef:
        return this.elif(fr, h, end, name);
      case Name.Else:
        return this.elseDirective(fr, h, end);
      case Name.Endif:
        this.endif(fr, h, end);
        return -1;
      case Name.Error:
        this.diagnostic(fr, h, end, true);
        return -1;
      case Name.Warning:
        this.diagnostic(fr, h, end, false);
        return -1;
      case Name.Line:
        this.line(fr, h, end);
        return -1;
      case Name.Pragma:
        this.pragma(fr, h, end);
        return -1;
      case Name.Ident:
      case Name.Sccs:
      case Name.Assert:
      case Name.Unassert:
        return -1;
    }
    this.invalid(fr, n);
    return -1;
  }

  private invalid(fr: IncludeFrame, n: i32): void {
    this.pp.reportFile(PPCode.BAD_DIRECTIVE, PPSeverity.Error, "invalid preprocessing directive #" + this.pp.spellFile(fr.lx, n), fr.file, n);
  }

  private extraTokens(fr: IncludeFrame, at: i32, end: i32, dir: string): void {
    if (at < end) this.pp.reportFile(PPCode.EXTRA_TOKENS, PPSeverity.Warning, "extra tokens at end of #" + dir + " directive", fr.file, at);
  }

  /** The name after #define / #undef / #ifdef / #ifndef, or -1 (with gcc's error). */
  private macroName(fr: IncludeFrame, h: i32, end: i32, dir: string, defining: bool): i32 {
    const lx = fr.lx;
    const i = h + 2;
    if (i >= end) {
      this.pp.reportFileEnd(PPCode.BAD_DEFINE, PPSeverity.Error, "no macro name given in #" + dir + " directive", fr.file, h + 1);
      return -1;
    }
    if (lx.kind(i) != TK.Ident) {
      this.pp.reportFile(PPCode.BAD_DEFINE, PPSeverity.Error, "macro names must be identifiers", fr.file, i);
      return -1;
    }
    if (defining && unchecked(lx.atom[i]) == Name.Defined) {
      this.pp.reportFile(PPCode.BAD_DEFINE, PPSeverity.Error, '"defined" cannot be used as a macro name', fr.file, i);
      return -1;
    }
    return unchecked(lx.atom[i]);
  }

  // ------------------------------------------------------------ #define, #undef

  private define(fr: IncludeFrame, h: i32, end: i32): void {
    this.pp.defineAt(fr.sf, fr.file, this.pp.hashOrdinal(fr, h), h, end);
  }

  private undef(fr: IncludeFrame, h: i32, end: i32): void {
    const a = this.macroName(fr, h, end, "undef", true);
    if (a < 0) return;
    this.extraTokens(fr, h + 3, end, "undef");
    const m = this.pp.ex.macroOf(a);
    if (m != null && m.src == null && m.builtin != 0)
      this.pp.reportFile(PPCode.REDEFINED, PPSeverity.Warning, 'undefining "' + this.pp.atoms.text(a) + '"', fr.file, h + 2);
    this.pp.ex.define(a, null);
  }

  // ------------------------------------------------------------ #include

  private include(fr: IncludeFrame, h: i32, end: i32, next: bool, once: bool): void {
    const pp = this.pp;
    const lx = fr.lx;
    const dir = next ? "include_next" : once ? "import" : "include";
    const i = h + 2;
    let spelling = "";
    let angled = false;
    let ok = false;
    let at = i;
    if (i < end && (lx.kind(i) == TK.HeaderName || (lx.kind(i) == TK.String && pp.atoms.text(unchecked(lx.atom[i])).charCodeAt(0) == 34))) {
      const s = pp.atoms.text(unchecked(lx.atom[i]));
      spelling = s.substring(1, s.length - 1);
      angled = lx.kind(i) == TK.HeaderName;
      ok = true;
      this.extraTokens(fr, i + 1, end, dir);
    } else {
      // a macro-expanded name: "…" or < … >
      const ex = pp.ex;
      fr.cur = i;
      ex.wantsPadding = true;
      const t = ex.nextNonPadding();
      at = t;
      if (ex.kind(t) == TK.String && ex.spell(t).charCodeAt(0) == 34) {
        const s = ex.spell(t);
        spelling = s.substring(1, s.length - 1);
        ok = true;
      } else if (ex.isPunct(t, Name.Less)) {
        spelling = ex.glueHeaderName();
        angled = true;
        ok = true;
      }
      ex.wantsPadding = false;
      if (ok) {
        const rest = ex.nextNonPadding();
        if (ex.kind(rest) != TK.Eof) pp.report(PPCode.EXTRA_TOKENS, PPSeverity.Warning, "extra tokens at end of #" + dir + " directive", rest);
      } else {
        pp.report(PPCode.INCLUDE_SYNTAX, PPSeverity.Error, "#" + dir + ' expects "FILENAME" or <FILENAME>', t);
      }
      pp.endDirectiveExpansion();
      fr.cur = end;
      at = -1;
    }
    if (!ok) return;
    if (spelling.length == 0) {
      if (at >= 0) pp.reportFile(PPCode.INCLUDE_SYNTAX, PPSeverity.Error, "empty filename in #" + dir, fr.file, at);
      else pp.reportFile(PPCode.INCLUDE_SYNTAX, PPSeverity.Error, "empty filename in #" + dir, fr.file, h + 1);
      return;
    }
    let isNext = next;
    if (next && fr.resolved.origin == Origin.Main && pp.frames.length == 1) {
      pp.reportFile(PPCode.INCLUDE_NEXT_IN_MAIN, PPSeverity.Warning, "#include_next in primary source file", fr.file, h + 1);
      isNext = false;
    }
    const depth = pp.frames.length;
    if (depth >= pp.maxIncludeDepth) {
      pp.reportFileEnd(
        PPCode.INCLUDE_DEPTH,
        PPSeverity.Error,
        "#include nested depth " +
          depth.toString() +
          " exceeds maximum of " +
          pp.maxIncludeDepth.toString() +
          " (use -fmax-include-depth=DEPTH to increase the maximum)",
        fr.file,
        end - 1,
      );
      return;
    }
    const edge = new IncludeEdge(fr.file, unchecked(lx.line[h]), unchecked(lx.col[h]), spelling, angled, isNext);
    pp.res.includes.push(edge);
    pp.includeFile(fr, edge, h, once);
  }

  // ------------------------------------------------------------ conditionals

  /** Opens a conditional; skips its first group unless `value`. */
  private open(fr: IncludeFrame, h: i32, kind: i32, value: bool): i32 {
    this.conds.push(kind, value, fr.file, h);
    return value ? -1 : this.skip(fr, h);
  }

  private ifDirective(fr: IncludeFrame, h: i32, end: i32): i32 {
    const v = this.pp.evaluate(fr, h, end, "#if");
    const skipTo = this.open(fr, h, Name.If, v);
    if (this.pp.lastUsedUndefined) this.conds.undefinedName.set(this.conds.length - 1, 1);
    return skipTo;
  }

  private ifdef(fr: IncludeFrame, h: i32, end: i32, positive: bool): i32 {
    const dir = positive ? "ifdef" : "ifndef";
    const a = this.macroName(fr, h, end, dir, false);
    let v = false;
    if (a >= 0) {
      this.extraTokens(fr, h + 3, end, dir);
      v = (this.pp.ex.macroOf(a) != null) == positive;
    }
    return this.open(fr, h, positive ? Name.Ifdef : Name.Ifndef, v);
  }

  /** The conditional a #elif / #else / #endif in the top file belongs to, or -1. */
  private current(fr: IncludeFrame): i32 {
    const n = this.conds.length;
    return n > fr.condBase ? n - 1 : -1;
  }

  private elif(fr: IncludeFrame, h: i32, end: i32, kind: i32): i32 {
    const pp = this.pp;
    const c = this.current(fr);
    const dir = kind == Name.Elif ? "elif" : kind == Name.Elifdef ? "elifdef" : "elifndef";
    if (c < 0) {
      pp.reportFile(PPCode.UNBALANCED_ELSE, PPSeverity.Error, "#" + dir + " without #if", fr.file, h + 1);
      return -1;
    }
    if (this.conds.sawElse.get(c) != 0) {
      pp.reportFile(PPCode.ELIF_AFTER_ELSE, PPSeverity.Error, "#" + dir + " after #else", fr.file, h + 1);
      this.beganHere(c);
    }
    this.conds.kind.set(c, kind);
    if (this.conds.taken.get(c) != 0) return this.skip(fr, h);
    let v = false;
    if (kind == Name.Elif) {
      v = pp.evaluate(fr, h, end, "#elif");
      if (pp.lastUsedUndefined) this.conds.undefinedName.set(c, 1);
    } else {
      const a = this.macroName(fr, h, end, dir, false);
      if (a >= 0) {
        this.extraTokens(fr, h + 3, end, dir);
        v = (pp.ex.macroOf(a) != null) == (kind == Name.Elifdef);
      }
    }
    if (v) {
      this.conds.taken.set(c, 1);
      return -1;
    }
    return this.skip(fr, h);
  }

  private elseDirective(fr: IncludeFrame, h: i32, end: i32): i32 {
    const pp = this.pp;
    const c = this.current(fr);
    if (c < 0) {
      pp.reportFile(PPCode.UNBALANCED_ELSE, PPSeverity.Error, "#else without #if", fr.file, h + 1);
      return -1;
    }
    if (this.conds.sawElse.get(c) != 0) {
      pp.reportFile(PPCode.ELSE_AFTER_ELSE, PPSeverity.Error, "#else after #else", fr.file, h + 1);
      this.beganHere(c);
    }
    this.conds.sawElse.set(c, 1);
    this.conds.kind.set(c, Name.Else);
    this.extraTokens(fr, h + 2, end, "else");
    if (this.conds.taken.get(c) != 0) return this.skip(fr, h);
    this.conds.taken.set(c, 1);
    return -1;
  }

  private endif(fr: IncludeFrame, h: i32, end: i32): void {
    const c = this.current(fr);
    if (c < 0) {
      this.pp.reportFile(PPCode.UNBALANCED_ENDIF, PPSeverity.Error, "#endif without #if", fr.file, h + 1);
      return;
    }
    this.extraTokens(fr, h + 2, end, "endif");
    this.conds.pop();
  }

  private beganHere(c: i32): void {
    this.pp.reportFile(PPCode.CONDITIONAL_BEGAN_HERE, PPSeverity.Error, "the conditional began here", this.conds.file.get(c), this.conds.tok.get(c));
  }

  /** Skips the group after the directive at `h` (its conditional is the current one):
   *  crosses the directives of the file, keeping nested conditionals (their #else after
   *  #else is still an error), up to the #elif / #else / #endif of this conditional, which
   *  is returned to be run. -1 at the end of the file. */
  private skip(fr: IncludeFrame, h: i32): i32 {
    const lx = fr.lx;
    const own = this.conds.length - 1;
    const from = unchecked(lx.endLine[lx.lineEnd(h) - 1]) + 1;
    const hashes = lx.hashes;
    let k = firstHashAtOrAfter(hashes, fr.cur);
    while (k < hashes.length) {
      const g = hashes.get(k);
      k++;
      const d = directiveName(lx, g);
      if (d == Name.If || d == Name.Ifdef || d == Name.Ifndef) {
        this.conds.push(d, false, fr.file, g);
        continue;
      }
      const nested = this.conds.length - 1 > own;
      if (d == Name.Endif) {
        if (nested) {
          this.conds.pop();
          continue;
        }
        this.inactive(fr, from, unchecked(lx.line[g]) - 1);
        fr.cur = g;
        return g;
      }
      if (d == Name.Else || d == Name.Elif || d == Name.Elifdef || d == Name.Elifndef) {
        if (nested) {
          const c = this.conds.length - 1;
          if (this.conds.sawElse.get(c) != 0) {
            const dir = d == Name.Else ? "#else" : d == Name.Elif ? "#elif" : d == Name.Elifdef ? "#elifdef" : "#elifndef";
            this.pp.reportFile(d == Name.Else ? PPCode.ELSE_AFTER_ELSE : PPCode.ELIF_AFTER_ELSE, PPSeverity.Error, dir + " after #else", fr.file, g + 1);
            this.beganHere(c);
          }
          if (d == Name.Else) this.conds.sawElse.set(c, 1);
          continue;
        }
        this.inactive(fr, from, unchecked(lx.line[g]) - 1);
        fr.cur = g;
        return g;
      }
    }
    // the file ends inside the skipped group
    this.inactive(fr, from, lx.lines);
    fr.cur = lx.count;
    return -1;
  }

  private inactive(fr: IncludeFrame, from: i32, to: i32): void {
    if (to >= from) this.pp.res.inactive.push(new InactiveRange(fr.file, from, to));
  }

  /** At the end of a file: its conditionals that never closed, innermost first. */
  closeFile(fr: IncludeFrame): void {
    while (this.conds.length > fr.condBase) {
      const c = this.conds.length - 1;
      const kind = this.conds.kind.get(c);
      const dir =
        kind == Name.Ifdef
          ? "ifdef"
          : kind == Name.Ifndef
            ? "ifndef"
            : kind == Name.Elif
              ? "elif"
              : kind == Name.Else
                ? "else"
                : kind == Name.Elifdef
                  ? "elifdef"
                  : kind == Name.Elifndef
                    ? "elifndef"
                    : "if";
      this.pp.reportFile(PPCode.UNTERMINATED_IF, PPSeverity.Error, "unterminated #" + dir, this.conds.file.get(c), this.conds.tok.get(c));
      this.conds.pop();
    }
  }

  // ------------------------------------------------------------ #error, #warning, #line, #pragma

  private diagnostic(fr: IncludeFrame, h: i32, end: i32, isError: bool): void {
    const text = (isError ? "#error " : "#warning ") + this.pp.lineText(fr.lx, h + 2, end);
    if (isError) {
      const ds = this.pp.res.diagnostics;
      const before = ds.length;
      this.pp.reportFile(PPCode.ERROR_DIRECTIVE, PPSeverity.Error, text, fr.file, h + 1);
      if (ds.length > before && this.conds.anyUndefinedName()) ds[ds.length - 1].underUndefinedName = true;
    } else this.pp.reportFile(PPCode.WARNING_DIRECTIVE, PPSeverity.Warning, text, fr.file, h + 1);
  }

  private line(fr: IncludeFrame, h: i32, end: i32): void {
    const pp = this.pp;
    const ex = pp.ex;
    fr.cur = h + 2;
    const t = ex.nextNonPadding();
    const s = ex.kind(t) == TK.Number ? ex.spell(t) : "";
    let ok = s.length > 0;
    let n: i64 = 0;
    for (let i = 0; i < s.length && ok; i++) {
      const c = s.charCodeAt(i);
      if (c < 48 || c > 57) ok = false;
      else n = n * 10 + (c - 48);
    }
    if (!ok) {
      pp.report(PPCode.BAD_LINE, PPSeverity.Error, '"' + ex.spell(t) + '" after #line is not a positive integer', t);
      pp.endDirectiveExpansion();
      fr.cur = end;
      return;
    }
    const f = ex.nextNonPadding();
    if (ex.kind(f) == TK.String) {
      fr.presumed = destringize(ex.spell(f));
      const rest = ex.nextNonPadding();
      if (ex.kind(rest) != TK.Eof) pp.report(PPCode.EXTRA_TOKENS, PPSeverity.Warning, "extra tokens at end of #line directive", rest);
    } else if (ex.kind(f) != TK.Eof) {
      pp.report(PPCode.BAD_LINE, PPSeverity.Error, 'invalid filename "' + ex.spell(f) + '"', f);
    }
    pp.endDirectiveExpansion();
    fr.cur = end;
    // the line after the directive is line n
    const next = unchecked(fr.lx.endLine[end - 1]) + 1;
    fr.lineDelta = <i32>n - next;
  }

  private lineMarker(fr: IncludeFrame, h: i32, end: i32): void {
    // GNU `# 33 "file" flags`: as #line, without its checks
    const lx = fr.lx;
    const s = this.pp.atoms.text(unchecked(lx.atom[h + 1]));
    let n = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 48 || c > 57) return;
      n = n * 10 + (c - 48);
    }
    if (h + 2 < end && lx.kind(h + 2) == TK.String) fr.presumed = destringize(this.pp.atoms.text(unchecked(lx.atom[h + 2])));
    fr.lineDelta = n - (unchecked(lx.endLine[end - 1]) + 1);
  }

  private pragma(fr: IncludeFrame, h: i32, end: i32): void {
    const pp = this.pp;
    const lx = fr.lx;
    const text = pp.lineText(lx, h + 2, end);
    pp.res.pragmas.push(new PragmaRecord(fr.file, unchecked(lx.line[h]), text));
    pp.runPragma(fr, h + 2, end);
  }
}

/** The index in `hashes` of the first directive at or after token `pos`. */
function firstHashAtOrAfter(hashes: IntVec, pos: i32): i32 {
  let lo = 0,
    hi = hashes.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (hashes.get(mid) < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
