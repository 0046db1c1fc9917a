// The preprocessor of one translation unit: "<built-in>", "<command-line>", the -include
// files, then the main file, read through the IncludeSource and the FileCache into a PPResult.

import { HasAnswers } from "./answers";
import { Atoms, Name } from "./atoms";
import { PP_SEVERITY_NAMES, PPCode, PPDiagnostic, PPSeverity } from "./diagnostic";
import { Directives } from "./directives";
import { ExpanderHost, Expander, Intrinsic } from "./expand";
import { ExprEvaluator, ExprOptions } from "./expr";
import { FileCache, SourceFile } from "./filecache";
import { dirOf, IncludeSource, Origin, ResolvedFile } from "./include";
import { LexedFile } from "./lex";
import { MAX_DIAGNOSTICS, MAX_INCLUDE_DEPTH, MAX_INVOCATION_TEXT, MAX_OUTPUT_TOKENS } from "./limits";
import { Builtin, builtinMacro, MacroDef, parseDefine, sameDefinition } from "./macros";
import { DefineTable } from "./definetable";
import { digraphSpelling, TF, TK } from "./pptoken";
import { IncludeEdge, Invocation, PPFile, PPResult, PragmaRecord, wouldPaste } from "./result";
import { Checkpoint, leadingDirectivesEnd } from "./checkpoint";

/** A name the caller intercepts (see Intrinsic); `yieldTo` is a mask of 1 << Origin. */
export class IntrinsicSpec {
  constructor(
    public name: string,
    public funLike: bool,
    public yieldTo: i32,
  ) {}
}

/** What to preprocess and how. */
export class PPOptions {
  /** The main file (opened through the IncludeSource). */
  main: string = "";
  /** -include files, in order, read before the main file. */
  forced: string[] = [];
  /** gcc's predefined macros as #define lines (`gcc -dM -E` output), read as "<built-in>". */
  predefined: string = "";
  /** -D and -U in command-line order, as `#define X 1` / `#undef X` lines (see addDefine). */
  commandLine: string[] = [];
  intrinsics: IntrinsicSpec[] = [];
  /** Macros whose expansion each intrinsic call records (e.g. DEFAULT_SYMBOL_NAMESPACE). */
  snapshots: string[] = [];
  /** __has_attribute, __has_c_attribute and __has_builtin answers. */
  answers: HasAnswers = new HasAnswers();
  /** -Wundef. */
  warnUndef: bool = false;
  /** Stop at a fatal error as gcc does (false: go on, to learn every missing header). */
  stopAtFatal: bool = true;
  /** Record the expansion text of each invocation written in a main or workspace file. */
  recordInvocations: bool = true;
  /** List the macros defined at the end (res.macrosAtEnd): thousands with a kernel's
   *  autoconf.h, wanted only by `gcc -dM`-like answers. */
  listMacros: bool = true;
  /** -fmacro-prefix-map=OLD=NEW pairs (as `OLD=NEW`), applied to __FILE__ and __BASE_FILE__. */
  macroPrefixMap: string[] = [];
  /** Start at the previous run's checkpoint when it holds (cpp/checkpoint.ts). */
  resume: bool = true;

  /** -D names whose values are the translation unit's own (KBUILD_MODNAME): a checkpoint
   *  taken before any look-up of them also serves the other units of the main file's folder. */
  unitDefines: string[] = [];

  /** Everything that changes what a run does, as one string (a checkpoint's key), but the
   *  predefined text (compared apart: long, and the same string from run to run). */
  key(): string {
    return this.keyOf(false);
  }

  /** The key without what is the unit's own: the main file (but its folder) and the values
   *  of unitDefines. */
  sharedKey(): string {
    return this.keyOf(true);
  }

  private keyOf(shared: bool): string {
    const parts: string[] = [
      shared ? dirOf(this.main) : this.main,
      this.forced.join("\n"),
      shared ? this.sharedCommandLine() : this.commandLine.join("\n"),
      this.snapshots.join(","),
      this.macroPrefixMap.join(","),
    ];
    for (let i = 0; i < this.intrinsics.length; i++) {
      const x = this.intrinsics[i];
      parts.push(x.name + (x.funLike ? "()" : "") + x.yieldTo.toString());
    }
    parts.push(this.answers.key());
    parts.push(this.warnUndef ? "u" : "-");
    parts.push(this.stopAtFatal ? "f" : "-");
    parts.push(this.recordInvocations ? "i" : "-");
    return parts.join("\u0001");
  }

  private sharedCommandLine(): string {
    const lines: string[] = [];
    for (let i = 0; i < this.commandLine.length; i++) {
      const l = this.commandLine[i];
      let unit = false;
      for (let k = 0; k < this.unitDefines.length && !unit; k++) unit = l.startsWith("#define " + this.unitDefines[k] + " ");
      lines.push(unit ? l.substring(0, l.indexOf(" ", 8)) : l);
    }
    return lines.join("\n");
  }

  /** Adds a -D: `NAME`, `NAME=value` or `NAME(args)=body`, as gcc reads it. */
  addDefine(d: string): void {
    const eq = d.indexOf("=");
    this.commandLine.push(eq < 0 ? "#define " + d + " 1" : "#define " + d.substring(0, eq) + " " + d.substring(eq + 1));
  }

  /** Adds a -U. */
  addUndef(name: string): void {
    this.commandLine.push("#undef " + name);
  }
}

/** A file being read: its cursor, #line state and where it was included. */
export class IncludeFrame {
  cur: i32 = 0;
  lineDelta: i32 = 0;
  presumed: string;
  includeLine: i32 = 0;
  /** Read before the main file (predefined, command line, -include). */
  prologue: bool = false;
  constructor(
    public file: i32,
    public sf: SourceFile,
    public lx: LexedFile,
    public resolved: ResolvedFile,
    public condBase: i32,
  ) {
    this.presumed = resolved.name;
  }
}

/** The pseudo-file of the -D and -U options. */
const COMMAND_LINE = "<command-line>";

/** Preprocesses one translation unit. */
export function preprocess(cache: FileCache, source: IncludeSource, options: PPOptions): PPResult {
  cache.beginRun();
  const pp = new Preprocessor(cache, source, options);
  pp.run();
  return pp.res;
}

export class Preprocessor extends ExpanderHost {
  atoms: Atoms;
  res!: PPResult;
  ex!: Expander;
  expr!: ExprEvaluator;
  dirs!: Directives;
  frames: IncludeFrame[] = [];
  top: IncludeFrame | null = null;
  /** End (token index) of the directive line being read. */
  dirEnd: i32 = 0;
  maxIncludeDepth: i32 = MAX_INCLUDE_DEPTH;
  private prologue: ResolvedFile[] = [];
  private prologueNext: i32 = 0;
  private once: Set<string> = new Set();
  private stopFlag: bool = false;
  private mainName: string = "";
  private pushed: Map<i32, Array<MacroDef | null>> = new Map();
  private charUnsigned: i32;
  private wcharSize: i32;

  constructor(
    public cache: FileCache,
    public source: IncludeSource,
    public options: PPOptions,
  ) {
    super();
    this.atoms = cache.atoms;
    this.res = new PPResult(this.atoms, cache.lastTokens + (cache.lastTokens >> 4), cache.lastExpansions + (cache.lastExpansions >> 4));
    this.ex = new Expander(this.atoms, this, this.res);
    const eo = new ExprOptions();
    eo.warnUndef = options.warnUndef;
    this.expr = new ExprEvaluator(this.ex, this.atoms, eo);
    this.dirs = new Directives(this);
    this.charUnsigned = this.atoms.intern("__CHAR_UNSIGNED__");
    this.wcharSize = this.atoms.intern("__SIZEOF_WCHAR_T__");
  }

  run(): void {
    const o = this.options;
    this.defineBuiltins();
    for (let i = 0; i < o.intrinsics.length; i++) {
      const x = o.intrinsics[i];
      this.ex.addIntrinsic(new Intrinsic(this.atoms.intern(x.name), x.funLike, x.yieldTo));
    }
    for (let i = 0; i < o.snapshots.length; i++) this.ex.snapshots.push(this.atoms.intern(o.snapshots[i]));
    const main = this.source.open(o.main);
    if (main == null) {
      this.fatal(o.main + ": No such file or directory");
      return;
    }
    const m = main as ResolvedFile;
    this.mainName = m.name;
    this.key = o.key();
    const forced: ResolvedFile[] = [];
    for (let i = 0; i < o.forced.length; i++) {
      const f = this.source.open(o.forced[i]);
      if (f == null) {
        this.fatal(o.forced[i] + ": No such file or directory");
        return;
      }
      forced.push(f as ResolvedFile);
    }
    const commandLine = o.commandLine.length > 0 ? new ResolvedFile(COMMAND_LINE, o.commandLine.join("\n") + "\n", Origin.Builtin) : null;
    const cp = this.cache.checkpointOf(o.main);
    if (cp != null && o.resume && this.canResume(cp, m, forced)) this.resume(cp, m);
    else if (!(o.resume && this.resumeShared(m, forced, commandLine))) {
      this.cache.keepCheckpoint(o.main, null);
      for (let i = 0; i < o.unitDefines.length; i++) this.unitAtoms.push(this.atoms.intern(o.unitDefines[i]));
      this.pushFrame(m, null, 0, false);
      this.checkpointTok = leadingDirectivesEnd((this.top as IncludeFrame).lx);
      if (o.predefined.length > 0) this.prologue.push(new ResolvedFile("<built-in>", o.predefined, Origin.Builtin));
      if (commandLine != null) this.prologue.push(commandLine);
      for (let i = 0; i < forced.length; i++) this.prologue.push(forced[i]);
      this.nextPrologue();
    }
    this.expand();
    this.finish();
    this.res.lexedFiles = this.cache.misses;
    this.cache.lastTokens = this.res.tokens.length;
    this.cache.lastExpansions = this.res.expansions.count;
    this.res.work = this.ex.work;
    this.res.cachedFiles = this.cache.hits;
  }

  private defineBuiltins(): void {
    const ex = this.ex;
    ex.define(Name.File, builtinMacro(Name.File, Builtin.File));
    ex.define(Name.LineMacro, builtinMacro(Name.LineMacro, Builtin.Line));
    ex.define(Name.Counter, builtinMacro(Name.Counter, Builtin.Counter));
    // the main file's name: a checkpoint past its use serves no other unit
    const base = builtinMacro(Name.BaseFile, Builtin.BaseFile);
    base.watched = true;
    ex.define(Name.BaseFile, base);
    ex.define(Name.IncludeLevel, builtinMacro(Name.IncludeLevel, Builtin.IncludeLevel));
    ex.define(Name.Date, builtinMacro(Name.Date, Builtin.Date));
    ex.define(Name.Time, builtinMacro(Name.Time, Builtin.Time));
    ex.define(Name.Timestamp, builtinMacro(Name.Timestamp, Builtin.Timestamp));
    ex.define(Name.FileName, builtinMacro(Name.FileName, Builtin.FileName));
    ex.define(Name.PragmaOp, builtinMacro(Name.PragmaOp, Builtin.Pragma));
    ex.define(Name.HasInclude, builtinMacro(Name.HasInclude, Builtin.HasInclude));
    ex.define(Name.HasIncludeNext, builtinMacro(Name.HasIncludeNext, Builtin.HasIncludeNext));
    ex.define(Name.HasAttribute, builtinMacro(Name.HasAttribute, Builtin.HasAttribute));
    ex.define(Name.HasCppAttribute, builtinMacro(Name.HasCppAttribute, Builtin.HasCppAttribute));
    ex.define(Name.HasBuiltin, builtinMacro(Name.HasBuiltin, Builtin.HasBuiltin));
    ex.define(Name.HasCAttribute, builtinMacro(Name.HasCAttribute, Builtin.HasCAttribute));
  }

  /** The main loop: expanded tokens into the result. */
  private expand(): void {
    const ex = this.ex;
    const out = this.res.tokens;
    const toks = ex.toks;
    while (!this.stopFlag) {
      ex.trimArenas();
      const t = ex.next();
      const k = toks.kind(t);
      if (k == TK.Eof) break;
      if (k == TK.Padding) continue;
      if (out.length >= MAX_OUTPUT_TOKENS) {
        this.report(
          PPCode.LIMIT_EXCEEDED,
          PPSeverity.Fatal,
          "the translation unit has more than " + MAX_OUTPUT_TOKENS.toString() + " tokens (the most ksymns preprocesses); preprocessing stopped",
          -1,
        );
        this.stop();
        break;
      }
      out.pushFrom(toks, t);
      if ((toks.flags(t) & TF.UNTERMINATED) != 0) {
        const s = ex.spell(t);
        const q = s.indexOf("'") >= 0 && (s.indexOf('"') < 0 || s.indexOf("'") < s.indexOf('"')) ? "'" : '"';
        this.report(PPCode.UNTERMINATED_LITERAL, PPSeverity.Warning, "missing terminating " + q + " character", t);
      }
    }
  }

  /** After the last token: the macros left defined and the text of each invocation. */
  private finish(): void {
    const res = this.res;
    res.macroTable = this.ex.macros;
    res.defineFiles = this.tables;
    const seen = new Set<i32>();
    if (this.options.listMacros) {
      // a define-only file's macros not looked up yet are defined as well
      for (let t = 0; t < this.tables.length; t++) {
        const table = this.tables[t].table as DefineTable;
        for (let k = 0; k < table.count; k++) this.ex.macroOf(this.atoms.internRange(table.text, table.nameStart[k], table.nameEnd[k]));
      }
    }
    for (let i = 0; this.options.listMacros && i < res.definitions.length; i++) {
      const m = res.definitions[i];
      if (this.ex.macroOf(m.name) === m && !seen.has(m.name)) {
        seen.add(m.name);
        res.macrosAtEnd.push(m);
      }
    }
    if (!this.options.recordInvocations) return;
    const x = res.expansions;
    // a resumed run's invocations before its checkpoint are the checkpoint's, texts and all:
    // none spans it (it stands between two directives of the main file)
    let fromRecord = 1,
      fromTok = 0,
      kept = 0;
    if (this.resumedAt != null) {
      const cp = this.resumedAt as Checkpoint;
      const before = cp.res.invocations;
      while (kept < before.length && before[kept].record < cp.nExpansions) {
        const v = new Invocation(before[kept].record);
        v.text = before[kept].text;
        res.invocations.push(v);
        kept++;
      }
      fromRecord = cp.nExpansions;
      fromTok = cp.nTokens;
    }
    const index = new Int32Array(x.count);
    index.fill(-1);
    const parts: Array<string[]> = [];
    const lens: i32[] = [];
    // the first recorded invocation: a token of an earlier expansion is none of theirs (the
    // headers' tokens before it are most of a unit)
    let first = x.count;
    for (let r = fromRecord; r < x.count; r++) {
      if (x.parent.get(r) != 0) continue;
      const f = x.startFile.get(r);
      if (f < 0 || f >= res.files.length) continue;
      const origin = res.files[f].origin;
      if (origin != Origin.Main && origin != Origin.Workspace) continue;
      if (first == x.count) first = r;
      index[r] = res.invocations.length;
      res.invocations.push(new Invocation(r));
      parts.push([]);
      lens.push(0);
    }
    const t = res.tokens;
    const lastKind: TK[] = [];
    const last: string[] = [];
    for (let k = 0; k < parts.length; k++) {
      lastKind.push(TK.Eof);
      last.push("");
    }
    for (let i = fromTok; i < t.length; i++) {
      const e = unchecked(t.exp[i]);
      if (e < first) continue;
      const k = index[x.top.get(e)] - kept;
      if (k < 0 || lens[k] > MAX_INVOCATION_TEXT) continue;
      const s = res.spell(t, i);
      const p = parts[k];
      const kind = t.kind(i);
      if (p.length > 0 && ((t.flags(i) & TF.PREV_WHITE) != 0 || wouldPaste(lastKind[k], last[k], kind, s))) p.push(" ");
      p.push(s);
      lastKind[k] = kind;
      last[k] = s;
      lens[k] += s.length + 1;
    }
    for (let k = 0; k < parts.length; k++) {
      let s = parts[k].join("");
      if (s.length > MAX_INVOCATION_TEXT) s = s.substring(0, MAX_INVOCATION_TEXT) + "…";
      res.invocations[kept + k].text = s;
    }
  }
  /** The checkpoint this run started at, or null. */
  private resumedAt: Checkpoint | null = null;

  // ------------------------------------------------------------ files

  /** The translation unit's index of a file, adding it on first use. */
  private fileFor(r: ResolvedFile, includer: i32, line: i32, asTable: bool = false): i32 {
    const sf = this.cache.get(r.path, r.text, asTable);
    this.cache.touch(sf);
    if (sf.index >= 0) return sf.index;
    const res = this.res;
    sf.index = res.files.length;
    sf.origin = r.origin;
    const f = new PPFile(r.path, r.name, r.origin, sf, r);
    f.includer = includer;
    f.includeLine = line;
    res.files.push(f);
    return sf.index;
  }

  private pushFrame(r: ResolvedFile, includer: IncludeFrame | null, line: i32, prologue: bool): void {
    const idx = this.fileFor(r, includer == null ? -1 : includer.file, line);
    const sf = this.res.files[idx].source;
    const fr = new IncludeFrame(idx, sf, sf.lexed, r, this.dirs.conds.length);
    fr.includeLine = line;
    fr.prologue = prologue;
    this.frames.push(fr);
    this.top = fr;
    const open = sf.lexed.openComments;
    for (let i = 0; i + 1 < open.length; i += 2) {
      this.addDiagnostic(
        PPCode.UNTERMINATED_COMMENT,
        PPSeverity.Error,
        "unterminated comment",
        idx,
        open.get(i),
        open.get(i + 1),
        open.get(i),
        open.get(i + 1) + 2,
        0,
      );
    }
  }

  private nextPrologue(): void {
    if (this.prologueNext >= this.prologue.length) return;
    const r = this.prologue[this.prologueNext++];
    this.pushFrame(r, this.frames.length > 0 ? this.frames[0] : null, 0, true);
  }

  private endFile(): void {
    const fr = this.top as IncludeFrame;
    this.dirs.closeFile(fr);
    this.frames.pop();
    this.top = this.frames.length > 0 ? this.frames[this.frames.length - 1] : null;
    if (fr.prologue) this.nextPrologue();
  }

  /** Enters the file an #include names (after its directive, in frame `fr`). */
  /** The IncludeSource's answer, remembered for this run: the same name from the same
   *  folder (or, for <names> and #include_next, the same place in the search) is found once. */
  private findFile(spelling: string, angled: bool, includer: ResolvedFile, next: bool): ResolvedFile | null {
    const key = (next ? "n" + includer.dir.toString() : "") + (angled ? "<" : '"' + dirOf(includer.path)) + "\u0001" + spelling;
    if (this.found.has(key)) return this.found.get(key);
    const r = this.source.find(spelling, angled, includer, next);
    this.found.set(key, r);
    return r;
  }

  private found: Map<string, ResolvedFile | null> = new Map();

  includeFile(fr: IncludeFrame, edge: IncludeEdge, h: i32, once: bool): void {
    const found = this.findFile(edge.spelling, edge.angled, fr.resolved, edge.next);
    if (found == null) {
      this.reportFile(PPCode.INCLUDE_NOT_FOUND, PPSeverity.Fatal, edge.spelling + ": No such file or directory", fr.file, h + 2 < this.dirEnd ? h + 2 : h + 1);
      if (this.options.stopAtFatal) this.stop();
      return;
    }
    const r = found as ResolvedFile;
    const idx = this.fileFor(r, fr.file, edge.line, true);
    edge.resolved = idx;
    if (this.once.has(r.path)) {
      edge.skipped = true;
      return;
    }
    if (once) this.once.add(r.path);
    const sf = this.res.files[idx].source;
    const guard = sf.lexed.guard;
    if (guard >= 0 && this.ex.macroOf(guard) != null) {
      edge.skipped = true;
      return;
    }
    if (sf.table != null) {
      this.useTable(sf);
      return;
    }
    this.pushFrame(r, fr, edge.line, false);
  }

  // ------------------------------------------------------------ reading (ExpanderHost)

  readBase(): i32 {
    const ex = this.ex;
    while (true) {
      const fr = this.top;
      if (fr == null || this.stopFlag) return 0;
      const lx = fr.lx;
      const i = fr.cur;
      if (i == this.checkpointTok && this.frames.length == 1 && !ex.inDirective) this.capture(fr);
      if (ex.inDirective) {
        if (i >= this.dirEnd) return 0;
        fr.cur = i + 1;
        return ex.toks.push(unchecked(lx.kf[i]), unchecked(lx.atom[i]), fr.file, i, 0);
      }
      if (i >= lx.count) {
        if (ex.parsingArgs > 0) return 0;
        this.endFile();
        continue;
      }
      const kf = unchecked(lx.kf[i]);
      if ((kf & (TF.BOL << 8)) != 0 && unchecked(lx.atom[i]) == Name.Hash && (kf & 0xff) == TK.Punct && ex.parsingArgs != 1) {
        this.directive(i);
        continue;
      }
      fr.cur = i + 1;
      // gcc: a line's first token read while collecting arguments had whitespace before it
      const flags = (kf & (TF.BOL << 8)) != 0 && ex.parsingArgs == 2 ? kf | (TF.PREV_WHITE << 8) : kf;
      return ex.toks.push(flags, unchecked(lx.atom[i]), fr.file, i, 0);
    }
  }

  unreadBase(): void {
    const fr = this.top;
    if (fr != null && fr.cur > 0) fr.cur--;
  }

  /** Runs the directive at token `h` of the top file with gcc's state around it. */
  private directive(h: i32): void {
    const ex = this.ex;
    const parsing = ex.parsingArgs;
    const prevent = ex.preventExpansion;
    const frames = ex.frameCount;
    ex.parsingArgs = 0;
    ex.preventExpansion = 0;
    ex.inDirective = true;
    this.directiveFrames = frames;
    this.dirs.run(h);
    ex.unwind(0, frames);
    ex.inDirective = false;
    ex.wantsPadding = false;
    ex.parsingArgs = parsing;
    ex.preventExpansion = prevent;
  }

  private directiveFrames: i32 = 0;

  /** Drops what expanding a directive's tokens left on the expander's stacks. */
  endDirectiveExpansion(): void {
    this.ex.unwind(0, this.directiveFrames);
  }

  /** Evaluates the #if / #elif at `h` (its line ends at `end`). */
  evaluate(fr: IncludeFrame, h: i32, end: i32, dir: string): bool {
    const lx = fr.lx;
    const ex = this.ex;
    fr.cur = h + 2;
    this.dirEnd = end;
    const at = ex.toks.push(unchecked(lx.kf[h + 1]), unchecked(lx.atom[h + 1]), fr.file, h + 1, 0);
    this.expr.options.unsignedChar = ex.macroOf(this.charUnsigned) != null;
    const w = ex.macroOf(this.wcharSize);
    this.expr.options.shortWchar = w != null && w.count == 1 && this.atoms.text(w.atom[0]) == "2";
    const v = this.expr.evaluate(dir, at);
    this.lastUsedUndefined = this.expr.usedUndefined;
    this.endDirectiveExpansion();
    fr.cur = end;
    return v;
  }
  /** Whether the last #if or #elif read a name no macro defines as 0. */
  lastUsedUndefined: bool = false;

  presumedLine(file: i32, tok: i32): i32 {
    if (file < 0 || file >= this.res.files.length) return 0;
    const lx = this.res.files[file].source.lexed;
    const line = tok >= 0 && tok < lx.count ? unchecked(lx.line[tok]) : 0;
    for (let i = this.frames.length - 1; i >= 0; i--) if (this.frames[i].file == file) return line + this.frames[i].lineDelta;
    return line;
  }

  fileName(): string {
    return this.top == null ? "" : this.remap((this.top as IncludeFrame).presumed);
  }
  baseFileName(): string {
    return this.remap(this.mainName);
  }

  /** gcc's -fmacro-prefix-map: the first OLD that starts the name is replaced by NEW. */
  private remap(name: string): string {
    const map = this.options.macroPrefixMap;
    for (let i = 0; i < map.length; i++) {
      const eq = map[i].indexOf("=");
      const old = eq < 0 ? map[i] : map[i].substring(0, eq);
      if (name.startsWith(old)) return (eq < 0 ? "" : map[i].substring(eq + 1)) + name.substring(old.length);
    }
    return name;
  }
  includeLevel(): i32 {
    return this.frames.length - 1;
  }

  hasInclude(spelling: string, angled: bool, next: bool): bool {
    const fr = this.top;
    if (fr == null) return false;
    const edge = new IncludeEdge(fr.file, 0, 0, spelling, angled, next);
    edge.probe = true;
    const lx = fr.lx;
    if (fr.cur > 0 && fr.cur <= lx.count) {
      edge.line = unchecked(lx.line[fr.cur - 1]);
      edge.col = unchecked(lx.col[fr.cur - 1]);
    }
    const found = this.findFile(spelling, angled, fr.resolved, next && fr.resolved.origin != Origin.Main);
    if (found != null) edge.resolved = this.fileFor(found as ResolvedFile, fr.file, edge.line);
    this.res.includes.push(edge);
    return found != null;
  }

  hasAttribute(name: string, kind: i32): i32 {
    if (kind == 2) return 0; // __has_cpp_attribute: C++ only
    let n = name;
    const scope = n.indexOf("::");
    if (scope >= 0) {
      // gcc knows its own attributes as gnu::x (and __gnu__::x)
      const s = n.substring(0, scope);
      if (s != "gnu" && s != "__gnu__") return 0;
      n = n.substring(scope + 2);
    } else if (kind == 1) {
      const c = this.options.answers.cAttributes;
      return c.has(n) ? c.get(n) : 0;
    }
    if (n.length > 4 && n.startsWith("__") && n.endsWith("__")) n = n.substring(2, n.length - 2);
    const a = this.options.answers.attributes;
    return a.has(n) ? a.get(n) : 0;
  }

  hasBuiltin(name: string): i32 {
    const b = this.options.answers.builtins;
    return b.has(name) ? b.get(name) : 0;
  }

  pragma(text: string, at: i32): void {
    const ex = this.ex;
    const file = ex.kind(at) == TK.Eof ? -1 : unchecked(ex.toks.file[at]);
    const w = this.res.where(file, unchecked(ex.toks.tok[at]));
    this.res.pragmas.push(new PragmaRecord(file, w[0], text));
    const t = text.trim();
    if (t == "once") this.pragmaOnce(this.top as IncludeFrame, -1);
    else if (t.startsWith("push_macro") || t.startsWith("pop_macro")) {
      const q = t.indexOf('"');
      const r = t.lastIndexOf('"');
      if (q >= 0 && r > q) this.pushPopMacro(t.startsWith("push"), t.substring(q + 1, r));
    }
  }

  /** #pragma once / GCC system_header / GCC warning / GCC error / push_macro / pop_macro. */
  runPragma(fr: IncludeFrame, from: i32, end: i32): void {
    const lx = fr.lx;
    if (from >= end || lx.kind(from) != TK.Ident) return;
    const a = unchecked(lx.atom[from]);
    if (a == Name.Once) {
      this.pragmaOnce(fr, from);
      return;
    }
    if ((a == Name.PushMacro || a == Name.PopMacro) && from + 3 < end + 1 && from + 2 < end && lx.kind(from + 2) == TK.String) {
      const s = this.atoms.text(unchecked(lx.atom[from + 2]));
      this.pushPopMacro(a == Name.PushMacro, s.substring(1, s.length - 1));
      return;
    }
    if (a == Name.GCC && from + 1 < end && lx.kind(from + 1) == TK.Ident) {
      const b = unchecked(lx.atom[from + 1]);
      if ((b == Name.Warning || b == Name.Error) && from + 2 < end && lx.kind(from + 2) == TK.String) {
        const msg = this.atoms.text(unchecked(lx.atom[from + 2]));
        const text = msg.substring(1, msg.length - 1);
        if (b == Name.Warning) this.reportFile(PPCode.WARNING_DIRECTIVE, PPSeverity.Warning, text, fr.file, from + 1);
        else this.reportFile(PPCode.ERROR_DIRECTIVE, PPSeverity.Error, text, fr.file, from + 1);
      }
    }
  }

  private pragmaOnce(fr: IncludeFrame, at: i32): void {
    if (fr.resolved.origin == Origin.Main && this.frames.length == 1) {
      if (at >= 0) this.reportFile(PPCode.PRAGMA_ONCE_IN_MAIN, PPSeverity.Warning, "#pragma once in main file", fr.file, at);
      return;
    }
    this.once.add(fr.resolved.path);
  }

  private pushPopMacro(push: bool, name: string): void {
    const a = this.atoms.intern(name);
    if (push) {
      if (!this.pushed.has(a)) this.pushed.set(a, []);
      this.pushed.get(a).push(this.ex.macroOf(a));
    } else if (this.pushed.has(a) && this.pushed.get(a).length > 0) {
      this.ex.define(a, this.pushed.get(a).pop());
    }
  }

  stop(): void {
    this.stopFlag = true;
    this.res.stopped = true;
  }

  // ------------------------------------------------------------ checkpoints

  private key: string = "";
  /** The atoms of PPOptions.unitDefines, and whether a watched definition was looked up. */
  private unitAtoms: i32[] = [];
  private readUnitOwn: bool = false;
  /** Token of the main file where this run records its checkpoint (-1: none). */
  private checkpointTok: i32 = -1;

  /** Records the state at the checkpoint, when nothing is half expanded there. */
  private capture(fr: IncludeFrame): void {
    const ex = this.ex;
    this.checkpointTok = -1;
    if (ex.parsingArgs != 0 || ex.frameCount != 0 || ex.collecting.length != 0 || this.dirs.conds.length != 0 || this.stopFlag || fr.prologue) return;
    const cp = new Checkpoint(this.key, fr.lx, fr.cur, this.res, ex.macros);
    cp.counter = ex.counter;
    cp.work = ex.work;
    cp.once = this.once.values();
    const names = this.pushed.keys();
    for (let i = 0; i < names.length; i++) {
      cp.pushedNames.push(names[i]);
      cp.pushedDefs.push(this.pushed.get(names[i]).slice(0));
    }
    cp.lineDelta = fr.lineDelta;
    cp.presumed = fr.presumed;
    cp.layout = this.source.layout();
    for (let i = 0; i < this.prologue.length; i++) if (this.prologue[i].origin != Origin.Builtin) cp.forced.push(this.prologue[i]);
    cp.predefined = this.options.predefined;
    cp.mainName = this.mainName;
    cp.tables = this.tables.slice(0);
    cp.tableSeen = this.tableSeen.slice(0);
    this.cache.keepCheckpoint(this.options.main, cp);
    // nothing before it was the unit's own: the folder's other units may start here too
    if (!this.readUnitOwn && !this.once.has(this.options.main)) {
      cp.sharedKey = this.options.sharedKey();
      this.cache.keepShared(cp);
    }
    this.res.checkpoint = cp.id;
    this.res.checkpointTokens = cp.nTokens;
  }

  /** Whether a checkpoint holds for this run: same options, the main file the same up to
   *  it, the same forced files, and every #include and __has_include before it finding the
   *  same file with the same text. */
  private canResume(cp: Checkpoint, main: ResolvedFile, forced: ResolvedFile[]): bool {
    if (cp.key != this.key || !sameText(cp.predefined, this.options.predefined) || !cp.sameMainPrefix(main.text)) return false;
    return this.sameFilesAs(cp, main, forced);
  }

  /** Whether the forced files, and every #include and __has_include before the checkpoint,
   *  find the same files with the same texts now. */
  private sameFilesAs(cp: Checkpoint, main: ResolvedFile, forced: ResolvedFile[]): bool {
    if (forced.length != cp.forced.length) return false;
    for (let i = 0; i < forced.length; i++) if (forced[i].path != cp.forced[i].path || !sameText(forced[i].text, cp.forced[i].text)) return false;
    const files = cp.res.files;
    // the same paths exist: every search finds what it found, so only the texts are compared
    if (cp.layout.length > 0 && cp.layout == this.source.layout()) {
      // a header included again (behind its guard) was compared the first time
      const seen = new StaticArray<bool>(cp.nFiles);
      for (let i = 0; i < cp.nIncludes; i++) {
        const e = cp.res.includes[i];
        if (e.resolved < 0 || (e.resolved < cp.nFiles && unchecked(seen[e.resolved]))) continue;
        if (e.resolved < cp.nFiles) unchecked((seen[e.resolved] = true));
        const was = files[e.resolved];
        const now = this.source.open(was.path);
        if (now == null || !sameText(now.text, was.source.lexed.text)) return false;
      }
      return true;
    }
    for (let i = 0; i < cp.nIncludes; i++) {
      const e = cp.res.includes[i];
      const includer = e.from == 0 ? main : files[e.from].resolved;
      const found = this.source.find(e.spelling, e.angled, includer, e.next && (!e.probe || includer.origin != Origin.Main));
      if (found == null) {
        if (e.resolved >= 0) return false;
        continue;
      }
      if (e.resolved < 0) return false;
      const was = files[e.resolved];
      if (found.path != was.path || !sameText(found.text, was.source.lexed.text)) return false;
    }
    return true;
  }

  /** Starts this run at the checkpoint of another unit of the same folder, taken before
   *  anything that is a unit's own (cpp/checkpoint.ts): its results and macros, with this
   *  unit's command line and its definitions in place of the other's. */
  private resumeShared(main: ResolvedFile, forced: ResolvedFile[], commandLine: ResolvedFile | null): bool {
    const cp = this.cache.sharedOf(this.options.sharedKey());
    if (cp == null) return false;
    const c = cp as Checkpoint;
    if (!sameText(c.predefined, this.options.predefined) || !c.sameMainPrefix(main.text) || !this.sameFilesAs(c, main, forced)) return false;
    // the other unit's command line, and the definitions this one gives in its place
    let at = -1;
    for (let i = 0; i < c.nFiles && at < 0; i++) if (c.res.files[i].path == COMMAND_LINE) at = i;
    if (at < 0 != (commandLine == null)) return false;
    const olds: MacroDef[] = [];
    const news: MacroDef[] = [];
    let sf: SourceFile | null = null;
    if (commandLine != null) {
      const was = c.res.files[at].source;
      const now = this.cache.get(COMMAND_LINE, commandLine.text);
      if (now.lexed.hashes.length != was.lexed.hashes.length) return false;
      for (let k = 0; k < was.defs.length; k++) {
        const old = unchecked(was.defs[k]);
        if (old == null || !old.watched) continue;
        let def = unchecked(now.defs[k]);
        if (def == null) {
          def = parseDefine(now, now.lexed.hashes.get(k), this.atoms);
          now.defs[k] = def;
        }
        if (def.name != old.name || def.error != null) return false;
        def.watched = true;
        olds.push(old);
        news.push(def);
      }
      sf = now;
    }
    this.resume(c, main);
    if (sf != null) {
      const f = this.res.files[at];
      const g = new PPFile(f.path, f.name, f.origin, sf, commandLine as ResolvedFile);
      g.includer = f.includer;
      g.includeLine = f.includeLine;
      this.res.files[at] = g;
      this.cache.touch(sf);
      sf.index = at;
      sf.origin = Origin.Builtin;
    }
    const macros = this.ex.macros;
    const defs = this.res.definitions;
    for (let k = 0; k < olds.length; k++) {
      const a = olds[k].name;
      if (a < macros.length && unchecked(macros[a]) === olds[k]) unchecked((macros[a] = news[k]));
      for (let i = 0; i < defs.length; i++) if (defs[i] === olds[k]) defs[i] = news[k];
    }
    // the main file's name as it presumed it, unless a #line there renamed it
    const fr = this.top as IncludeFrame;
    if (fr.presumed == c.mainName) fr.presumed = main.name;
    return true;
  }

  /** Starts this run at a checkpoint: its results so far, its macros, the main file (new
   *  text, same tokens up to there) positioned after the leading directives. */
  private resume(cp: Checkpoint, main: ResolvedFile): void {
    const res = this.res;
    const ex = this.ex;
    cp.copyInto(res);
    this.resumedAt = cp;
    res.resumed = true;
    res.checkpoint = cp.id;
    res.checkpointTokens = cp.nTokens;
    const sf = this.cache.get(main.path, main.text);
    this.cache.touch(sf);
    sf.index = 0;
    sf.origin = Origin.Main;
    res.files[0] = new PPFile(main.path, main.name, Origin.Main, sf, main);
    for (let i = 1; i < res.files.length; i++) {
      const f = res.files[i].source;
      this.cache.touch(f);
      f.index = i;
      f.origin = res.files[i].origin;
    }
    ex.macros = cp.macros.slice(0);
    this.tables = cp.tables.slice(0);
    this.tableSeen = cp.tableSeen.slice(0);
    ex.tables = this.tables.length;
    ex.counter = cp.counter;
    ex.work = cp.work;
    for (let i = 0; i < cp.once.length; i++) this.once.add(cp.once[i]);
    for (let i = 0; i < cp.pushedNames.length; i++) this.pushed.set(cp.pushedNames[i], cp.pushedDefs[i].slice(0));
    const fr = new IncludeFrame(0, sf, sf.lexed, main, 0);
    fr.cur = cp.tok;
    fr.lineDelta = cp.lineDelta;
    fr.presumed = cp.presumed;
    this.frames.push(fr);
    this.top = fr;
    const line = unchecked(sf.lexed.line[cp.tok]);
    const open = sf.lexed.openComments;
    for (let i = 0; i + 1 < open.length; i += 2) {
      if (open.get(i) >= line)
        this.addDiagnostic(
          PPCode.UNTERMINATED_COMMENT,
          PPSeverity.Error,
          "unterminated comment",
          0,
          open.get(i),
          open.get(i + 1),
          open.get(i),
          open.get(i + 1) + 2,
          0,
        );
    }
  }
  stopped(): bool {
    return this.stopFlag;
  }

  // ------------------------------------------------------------ diagnostics

  /** The spelling of token `i` of a lexed file. */
  spellFile(lx: LexedFile, i: i32): string {
    const s = this.atoms.text(unchecked(lx.atom[i]));
    return (lx.flags(i) & TF.DIGRAPH) != 0 ? digraphSpelling(s) : s;
  }

  /** Tokens [from, end) of a line spelled as gcc prints a directive's text: one space
   *  where there was whitespace. */
  lineText(lx: LexedFile, from: i32, end: i32): string {
    const parts: string[] = [];
    for (let i = from; i < end; i++) {
      if (i > from && (lx.flags(i) & TF.PREV_WHITE) != 0) parts.push(" ");
      parts.push(this.spellFile(lx, i));
    }
    return parts.join("");
  }

  // ------------------------------------------------------------ #define

  /** The #define at token `h` of `sf` (the `ordinal`-th directive there, -1: unknown; `end`:
   *  the token after its line), in force from here; its definition is kept with the file.
   *  Returns it, or null when it is not a valid definition. */
  defineAt(sf: SourceFile, file: i32, ordinal: i32, h: i32, end: i32): MacroDef | null {
    let m: MacroDef | null = ordinal >= 0 ? unchecked(sf.defs[ordinal]) : null;
    if (m == null) {
      m = parseDefine(sf, h, this.atoms);
      if (ordinal >= 0) sf.defs[ordinal] = m;
    }
    const def = m as MacroDef;
    if (def.error != null) {
      const e = def.error!;
      if (e.tok < 0) this.reportFileEnd(PPCode.BAD_DEFINE, PPSeverity.Error, e.text, file, end - 1);
      else this.reportFile(PPCode.BAD_DEFINE, PPSeverity.Error, e.text, file, e.tok);
      return null;
    }
    const warnings = def.warnings;
    if (warnings != null)
      for (let i = 0; i < warnings.length; i++) this.reportFile(PPCode.DEFINE_WARNING, PPSeverity.Warning, warnings[i].text, file, warnings[i].tok);
    const old = this.ex.macroOf(def.name);
    if (old != null && !sameDefinition(old, def)) {
      this.reportFile(PPCode.REDEFINED, PPSeverity.Warning, '"' + this.atoms.text(def.name) + '" redefined', file, def.nameTok);
      if (old.src != null) this.reportDefinition(PPCode.PREVIOUS_DEFINITION, PPSeverity.Note, "this is the location of the previous definition", old);
    }
    if (!def.watched && sf.path == COMMAND_LINE && this.unitAtoms.includes(def.name)) def.watched = true;
    this.ex.define(def.name, def);
    this.res.definitions.push(def);
    return def;
  }

  // ------------------------------------------------------------ define-only files

  /** The define-only files included so far (cpp/definetable.ts), in order, and for each
   *  name how many of them it was looked up in. */
  private tables: SourceFile[] = [];
  private tableSeen: Int32Array = new Int32Array(0);

  /** Includes a define-only file: its names are looked up in it from now on; a name defined
   *  already is defined again now, from its line (and warns as gcc would, when it differs). */
  private useTable(sf: SourceFile): void {
    const table = sf.table as DefineTable;
    this.tables.push(sf);
    const n = this.tables.length;
    this.ex.tables = n;
    this.seenRoom(this.atoms.count);
    const macros = this.ex.macros;
    for (let a = 0; a < macros.length; a++) {
      if (unchecked(macros[a]) == null) continue;
      const k = table.find(this.atoms, a);
      if (k < 0) continue;
      unchecked((this.tableSeen[a] = n));
      const h = table.lex(k, sf.lexed, this.atoms);
      this.defineAt(sf, sf.index, k, h, sf.lexed.lineEnd(h));
    }
  }

  fromTables(atom: i32): MacroDef | null {
    const tables = this.tables;
    this.seenRoom(atom + 1);
    const from = unchecked(this.tableSeen[atom]);
    if (from >= tables.length) return null;
    unchecked((this.tableSeen[atom] = tables.length));
    // the last file included that defines it wins (two defining it differently do not warn)
    for (let t = tables.length - 1; t >= from; t--) {
      const sf = unchecked(tables[t]);
      const table = sf.table as DefineTable;
      const k = table.find(this.atoms, atom);
      if (k < 0) continue;
      const h = table.lex(k, sf.lexed, this.atoms);
      return this.defineAt(sf, sf.index, k, h, sf.lexed.lineEnd(h));
    }
    return null;
  }

  private seenRoom(n: i32): void {
    if (n <= this.tableSeen.length) return;
    const more = new Int32Array(max(n, this.atoms.count) + 1024);
    more.set(this.tableSeen);
    this.tableSeen = more;
  }

  noteWatched(): void {
    this.readUnitOwn = true;
  }

  /** The ordinal of the directive at token `h` among its file's directives. */
  hashOrdinal(fr: IncludeFrame, h: i32): i32 {
    const hs = fr.lx.hashes;
    let lo = 0,
      hi = hs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (hs.get(mid) < h) lo = mid + 1;
      else hi = mid;
    }
    return lo < hs.length && hs.get(lo) == h ? lo : -1;
  }

  /** gcc's include chain for a place in `file`. */
  private chainFor(file: i32): string {
    let k = -1;
    for (let i = this.frames.length - 1; i >= 0; i--)
      if (this.frames[i].file == file) {
        k = i;
        break;
      }
    const parts: string[] = [];
    if (k >= 0) {
      let j = k;
      while (j > 0) {
        const f = this.frames[j];
        if (f.prologue) {
          if (f.resolved.origin != Origin.Builtin) parts.push("<command-line>");
          break;
        }
        const inc = this.frames[j - 1];
        parts.push(inc.presumed + ":" + (f.includeLine + inc.lineDelta).toString());
        j--;
      }
    } else return firstInclusionChain(this.res, file);
    return chainText(parts);
  }

  private addDiagnostic(code: PPCode, sev: PPSeverity, text: string, file: i32, line: i32, col: i32, endLine: i32, endCol: i32, exp: i32): void {
    const res = this.res;
    if (sev == PPSeverity.Error || sev == PPSeverity.Fatal) res.errorCount++;
    if (res.diagnostics.length >= MAX_DIAGNOSTICS) {
      res.droppedDiagnostics++;
      return;
    }
    const d = new PPDiagnostic(code, sev, text, file, line, col, endLine, endCol);
    d.chain = file >= 0 ? this.chainFor(file) : "";
    d.expansion = exp;
    res.diagnostics.push(d);
  }

  /** A diagnostic at token `tok` of file `file`. */
  reportFile(code: PPCode, sev: PPSeverity, text: string, file: i32, tok: i32): void {
    const w = this.res.where(file, tok);
    this.addDiagnostic(code, sev, text, file, w[0], w[1], w[2], w[3], 0);
  }

  /** A diagnostic just after token `tok` (gcc's place for "nothing after this"). */
  reportFileEnd(code: PPCode, sev: PPSeverity, text: string, file: i32, tok: i32): void {
    const w = this.res.where(file, tok);
    this.addDiagnostic(code, sev, text, file, w[2], w[3], w[2], w[3], 0);
  }

  report(code: PPCode, sev: PPSeverity, text: string, at: i32): void {
    const ex = this.ex;
    if (at >= 0) {
      const exp = unchecked(ex.toks.exp[at]);
      const file = unchecked(ex.toks.file[at]);
      if (exp != 0) {
        // gcc's place: the token itself when it is written inside the invocation (an
        // argument), else the outermost invocation
        const x = this.res.expansions;
        const top = x.top.get(exp);
        const tok = unchecked(ex.toks.tok[at]);
        if (file == x.startFile.get(top) && tok >= x.startTok.get(top) && tok <= x.endTok.get(top)) {
          const w = this.res.where(file, tok);
          this.addDiagnostic(code, sev, text, file, w[0], w[1], w[2], w[3], exp);
          return;
        }
        const w = this.res.invocationSpan(top);
        this.addDiagnostic(code, sev, text, x.startFile.get(top), w[0], w[1], w[2], w[3], exp);
        return;
      }
      if (file >= 0) {
        this.reportFile(code, sev, text, file, unchecked(ex.toks.tok[at]));
        return;
      }
    }
    // where the current file is being read
    const fr = this.top;
    if (fr == null) {
      this.addDiagnostic(code, sev, text, -1, 0, 0, 0, 0, 0);
      return;
    }
    const i = fr.cur > 0 ? fr.cur - 1 : 0;
    if (fr.lx.count == 0) {
      this.addDiagnostic(code, sev, text, fr.file, 1, 1, 1, 1, 0);
      return;
    }
    this.reportFileEnd(code, sev, text, fr.file, i < fr.lx.count ? i : fr.lx.count - 1);
  }

  reportDefinition(code: PPCode, sev: PPSeverity, text: string, def: MacroDef): void {
    if (def.src == null) return;
    this.reportFile(code, sev, text, (def.src as SourceFile).index, def.nameTok);
  }

  private fatal(text: string): void {
    this.addDiagnostic(PPCode.INCLUDE_NOT_FOUND, PPSeverity.Fatal, text, -1, 0, 0, 0, 0, 0);
    this.stop();
  }
}

/** gcc's one-line form of a diagnostic: `file:line:col: severity: text`. */
/** gcc's include chain for a place in file `file` (an index of res.files) as its first
 *  inclusion reached it ("" in the main file). */
export function firstInclusionChain(res: PPResult, file: i32): string {
  const parts: string[] = [];
  let f = file;
  let guard = 0;
  while (f >= 0 && f < res.files.length && res.files[f].includer >= 0 && guard++ < MAX_INCLUDE_DEPTH) {
    const pf = res.files[f];
    parts.push(res.files[pf.includer].name + ":" + pf.includeLine.toString());
    f = pf.includer;
  }
  return chainText(parts);
}

/** "In file included from A:1,\n                 from B:2:" */
function chainText(parts: string[]): string {
  if (parts.length == 0) return "";
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    out.push(i == 0 ? "In file included from " : "\n                 from ");
    out.push(parts[i]);
    out.push(i == parts.length - 1 ? ":" : ",");
  }
  return out.join("");
}

export function formatDiagnostic(res: PPResult, d: PPDiagnostic): string {
  const where = d.file >= 0 ? res.files[d.file].name + ":" + d.line.toString() + ":" + d.col.toString() + ": " : "";
  return where + PP_SEVERITY_NAMES[d.severity] + ": " + d.text;
}

/** Whether two texts are the same (the same string object, or equal code units). */
function sameText(a: string, b: string): bool {
  return a === b || (a.length == b.length && memory.compare(changetype<usize>(a), changetype<usize>(b), (<usize>a.length) << 1) == 0);
}
