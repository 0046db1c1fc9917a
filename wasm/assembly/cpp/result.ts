// What preprocessing a translation unit yields: its tokens with their places and expansions,
// files and includes, inactive lines, definitions, invocations, intrinsic calls, diagnostics.

import { Atoms } from "./atoms";
import { PPDiagnostic } from "./diagnostic";
import { SourceFile } from "./filecache";
import { Origin, ResolvedFile } from "./include";
import { MacroDef } from "./macros";
import { digraphSpelling, IntVec, TF, TK, TokVec } from "./pptoken";

/** A file of the translation unit. */
export class PPFile {
  /** The index of the file that included it (-1 for the main file, forced includes and
   *  the command line), and the line of that #include. */
  includer: i32 = -1;
  includeLine: i32 = 0;
  constructor(
    public path: string,
    public name: string,
    public origin: Origin,
    public source: SourceFile,
    public resolved: ResolvedFile,
  ) {}
}

/** One #include (or -include) met in live code. */
export class IncludeEdge {
  /** The file it resolved to (index into files, -1 when not found). */
  resolved: i32 = -1;
  /** True when the file was not entered again: its guard macro was defined, or it said
   *  `#pragma once`. */
  skipped: bool = false;
  /** A `__has_include` probe rather than an #include. */
  probe: bool = false;
  constructor(
    public from: i32,
    public line: i32,
    public col: i32,
    public spelling: string,
    public angled: bool,
    public next: bool,
  ) {}
}

/** Lines of a file that conditional directives left out (inclusive). */
export class InactiveRange {
  constructor(
    public file: i32,
    public startLine: i32,
    public endLine: i32,
  ) {}
}

/** A call of an intrinsic (a name the caller intercepts instead of expanding): each
 *  argument as written and fully macro-expanded (ranges of `PPResult.side`), and the
 *  expansion of each requested snapshot macro at that point (-1 start: undefined). */
export class IntrinsicCall {
  rawStart: i32[] = [];
  rawEnd: i32[] = [];
  expStart: i32[] = [];
  expEnd: i32[] = [];
  snapStart: i32[] = [];
  snapEnd: i32[] = [];
  constructor(
    public name: i32,
    public record: i32,
    public hasArgs: bool,
  ) {}
}

/** Macro expansions, one record each: the macro, the expansion it happened inside (its
 *  parent, 0 for one written in a file), the outermost one (`top`), where the invocation
 *  is spelled (file, token index of its name and of its last token in that file), and the
 *  line __LINE__ gives inside it (gcc: the outermost expansion point, where an argument's
 *  pre-expansion counts as outermost). */
export class Expansions {
  def: Array<MacroDef | null>;
  name: IntVec;
  parent: IntVec;
  top: IntVec;
  startFile: IntVec;
  startTok: IntVec;
  endTok: IntVec;
  line: IntVec;

  constructor(capacity: i32 = 256) {
    this.def = new Array<MacroDef | null>(1);
    this.name = new IntVec(capacity);
    this.parent = new IntVec(capacity);
    this.top = new IntVec(capacity);
    this.startFile = new IntVec(capacity);
    this.startTok = new IntVec(capacity);
    this.endTok = new IntVec(capacity);
    this.line = new IntVec(capacity);
    // record 0: "not from an expansion"
    this.name.push(0);
    this.parent.push(0);
    this.top.push(0);
    this.startFile.push(-1);
    this.startTok.push(-1);
    this.endTok.push(-1);
    this.line.push(0);
  }

  get count(): i32 {
    return this.name.length;
  }

  /** Becomes a copy of the first `n` records of `x` (a checkpoint's, see Checkpoint.copyInto). */
  copyPrefix(x: Expansions, n: i32): void {
    this.def = x.def.slice(0, n);
    this.name.copyPrefix(x.name, n);
    this.parent.copyPrefix(x.parent, n);
    this.top.copyPrefix(x.top, n);
    this.startFile.copyPrefix(x.startFile, n);
    this.startTok.copyPrefix(x.startTok, n);
    this.endTok.copyPrefix(x.endTok, n);
    this.line.copyPrefix(x.line, n);
  }

  add(def: MacroDef | null, name: i32, parent: i32, file: i32, tok: i32, line: i32): i32 {
    const id = this.name.length;
    this.def.push(def);
    this.name.push(name);
    this.parent.push(parent);
    this.top.push(parent == 0 ? id : this.top.get(parent));
    this.startFile.push(file);
    this.startTok.push(tok);
    this.endTok.push(tok);
    this.line.push(line);
    return id;
  }
}

/** A macro invocation written in a workspace file, with the text it expands to. */
export class Invocation {
  text: string = "";
  constructor(public record: i32) {}
}

/** A #pragma (or _Pragma) met in live code, with its text after "pragma". */
export class PragmaRecord {
  constructor(
    public file: i32,
    public line: i32,
    public text: string,
  ) {}
}

/** The result of preprocessing one translation unit. */
export class PPResult {
  files: PPFile[] = [];
  /** The translation unit's tokens (no padding, no end token). */
  tokens: TokVec;
  /** Argument tokens of intrinsic calls. */
  side: TokVec = new TokVec(64);
  calls: IntrinsicCall[] = [];
  expansions: Expansions;
  includes: IncludeEdge[] = [];
  inactive: InactiveRange[] = [];
  /** Every #define executed, in order (definition sites). */
  definitions: MacroDef[] = [];
  /** The macros defined at the end, in the order they were defined. */
  macrosAtEnd: MacroDef[] = [];
  /** The macro each atom names at the end (null: none) and the define-only files included
   *  (whose names are macros too): every macro, for gcc's spelling suggestions. */
  macroTable: Array<MacroDef | null> = [];
  defineFiles: SourceFile[] = [];
  invocations: Invocation[] = [];
  pragmas: PragmaRecord[] = [];
  diagnostics: PPDiagnostic[] = [];
  /** Diagnostics past MAX_DIAGNOSTICS, counted only. */
  droppedDiagnostics: i32 = 0;
  /** True when preprocessing stopped early (a fatal error or a limit). */
  stopped: bool = false;
  errorCount: i32 = 0;
  /** Whether the run started at the checkpoint of an earlier one (cpp/checkpoint.ts). */
  resumed: bool = false;
  /** The checkpoint this run recorded or started at (0: none), and how many of `tokens` come
   *  before it: those are the same in every run of that checkpoint. */
  checkpoint: i32 = 0;
  checkpointTokens: i32 = 0;
  /** Files lexed in this run, and found already lexed in the cache. */
  lexedFiles: i32 = 0;
  cachedFiles: i32 = 0;
  /** Tokens macro expansion copied (see MAX_EXPANSION_WORK). */
  work: i64 = 0;

  /** `tokens` and `expansions` are sizes to start with (the previous run's, say). */
  constructor(
    public atoms: Atoms,
    tokens: i32 = 4096,
    expansions: i32 = 256,
  ) {
    this.tokens = new TokVec(tokens < 1024 ? 1024 : tokens);
    this.expansions = new Expansions(expansions < 256 ? 256 : expansions);
  }

  /** The spelling of token `i` of a token table (an intrinsic marker spells its name). */
  spell(v: TokVec, i: i32): string {
    const s = this.atoms.text(unchecked(v.atom[i]));
    return (v.flags(i) & TF.DIGRAPH) != 0 ? digraphSpelling(s) : s;
  }

  /** The output as text: one space where the source had whitespace (or a line end)
   *  before a token, or where two tokens would otherwise read as one (gcc's avoid_paste). */
  text(): string {
    return this.textOf(this.tokens, 0, this.tokens.length);
  }

  /** Tokens [from, to) of a token table as text (as text()). */
  textOf(t: TokVec, from: i32, to: i32): string {
    const parts: string[] = [];
    let prev = "";
    let prevKind = TK.Eof;
    for (let i = from; i < to; i++) {
      const s = this.spell(t, i);
      const k = t.kind(i);
      if (i > from && ((t.flags(i) & (TF.PREV_WHITE | TF.BOL)) != 0 || wouldPaste(prevKind, prev, k, s))) parts.push(" ");
      parts.push(s);
      prev = s;
      prevKind = k;
    }
    return parts.join("");
  }

  private loc: StaticArray<i32> = new StaticArray<i32>(4);

  /** Where the file token `tok` of file `file` is: [line, col, endLine, endCol] (zeros when
   *  unknown). The array is reused: read it before the next call. */
  where(file: i32, tok: i32): StaticArray<i32> {
    const out = this.loc;
    out[0] = 0;
    out[1] = 0;
    out[2] = 0;
    out[3] = 0;
    if (file < 0 || tok < 0 || file >= this.files.length) return out;
    const lx = this.files[file].source.lexed;
    if (tok >= lx.count) return out;
    out[0] = lx.line[tok];
    out[1] = lx.col[tok];
    out[2] = lx.endLine[tok];
    out[3] = lx.endCol[tok];
    return out;
  }

  /** The file a token of `v` is reported in: where it is written when it comes straight
   *  from a file, else where the outermost macro invocation that made it is written. */
  spanFile(v: TokVec, i: i32): i32 {
    const e = unchecked(v.exp[i]);
    if (e == 0) return unchecked(v.file[i]);
    return this.expansions.startFile.get(this.expansions.top.get(e));
  }

  /** [line, col, endLine, endCol] of the span spanFile() names. */
  span(v: TokVec, i: i32): StaticArray<i32> {
    const e = unchecked(v.exp[i]);
    if (e == 0) return this.where(unchecked(v.file[i]), unchecked(v.tok[i]));
    return this.invocationSpan(this.expansions.top.get(e));
  }

  /** [line, col, endLine, endCol] of an invocation: its name through its last token. */
  invocationSpan(r: i32): StaticArray<i32> {
    const x = this.expansions;
    const f = x.startFile.get(r);
    const end = x.endTok.get(r);
    let endLine = 0,
      endCol = 0;
    if (end > x.startTok.get(r)) {
      const b = this.where(f, end);
      endLine = b[2];
      endCol = b[3];
    }
    const a = this.where(f, x.startTok.get(r));
    if (endLine > 0) {
      a[2] = endLine;
      a[3] = endCol;
    }
    return a;
  }

  /** Whether token `i` of the output is an intrinsic marker; its call is `calls[tok]`. */
  isIntrinsic(i: i32): bool {
    return this.tokens.kind(i) == TK.Intrinsic;
  }
}

/** gcc's cpp_avoid_paste: whether two tokens written without a space would lex otherwise. */
export function wouldPaste(ak: TK, a: string, bk: TK, b: string): bool {
  if (a.length == 0 || b.length == 0) return false;
  const c = bk == TK.Punct ? b.charCodeAt(0) : -1;
  const wordA = ak == TK.Ident || ak == TK.Intrinsic;
  const wordB = bk == TK.Ident || bk == TK.Intrinsic;
  if (ak == TK.Punct) {
    const x = a;
    if (
      c == 61 &&
      (x == "=" ||
        x == "!" ||
        x == ">" ||
        x == "<" ||
        x == "+" ||
        x == "-" ||
        x == "*" ||
        x == "/" ||
        x == "%" ||
        x == "&" ||
        x == "|" ||
        x == "^" ||
        x == ">>" ||
        x == "<<")
    )
      return true;
    if (x == ">") return c == 62;
    if (x == "<") return c == 60 || c == 37 || c == 58;
    if (x == "+") return c == 43;
    if (x == "-") return c == 45 || c == 62;
    if (x == "/") return c == 47 || c == 42;
    if (x == "%") return c == 58 || c == 37;
    if (x == "&") return c == 38;
    if (x == "|") return c == 124;
    if (x == ":") return c == 58 || c == 62;
    if (x == "->") return c == 42;
    if (x == ".") return c == 46 || c == 37 || bk == TK.Number;
    if (x == "#") return c == 35 || c == 37;
    return false;
  }
  if (wordA) return wordB || bk == TK.Number || bk == TK.Char || bk == TK.String;
  if (ak == TK.Number) return bk == TK.Number || wordB || bk == TK.Char || c == 46 || c == 43 || c == 45;
  if (ak == TK.Other && a.charCodeAt(0) == 92) return wordB;
  return false;
}
