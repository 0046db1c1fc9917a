// A workspace C file as kbuild compiles it: preprocessed with the kernel's flags (gcc's
// predefined macros, -D__KERNEL__ -DMODULE -DKBUILD_MODNAME, Kbuild's -D/-U/-I/-include,
// the forced kconfig.h and compiler_types.h, an autoconf.h made from the run's .config, the
// release's version numbers) against the workspace's files and the built-in prelude, then
// read by the C reader. The preprocessor's own errors are the compiler's.

import { Msg, Severity, Stage } from "../../shared/codes";
import { Finding, Span } from "../diagnostics";
import { SourceFile } from "../cpp/filecache";
import { DefineTable, knowDefineTable, tableOfLines } from "../cpp/definetable";
import { Builtin, MacroDef } from "../cpp/macros";
import { FileSystem, Origin, SearchPath } from "../cpp/include";
import { firstInclusionChain, IntrinsicSpec, PPOptions, preprocess } from "../cpp/preprocess";
import { PPResult } from "../cpp/result";
import { TK, TokVec } from "../cpp/pptoken";
import { Name } from "../cpp/atoms";
import { PPCode, PPSeverity, PP_SEVERITY_NAMES } from "../cpp/diagnostic";
import { useGccKbuild } from "../cpp/gcc";
import { preprocessorCache } from "../cpp/packed";
import { preludeFile, PRELUDE_DIR, PRELUDE_SHOWN } from "../prelude/index";
import { shownName, tokensOf } from "./unittokens";
import {
  CompilerMessage,
  CompilerModel,
  displayColumn,
  MacroUse,
  ModuleSource,
  moduleNameOf,
  PreprocessedView,
  readC,
  ReaderOptions,
  suggestionFor,
} from "./c/index";
import { KernelConfig } from "./config";
import { KbuildObject } from "./kbuild";
import { Workspace, WorkspaceFile } from "../workspace";
import {
  inPack,
  mayReadUnit,
  notePackUnit,
  noteUnitDeferred,
  noteUnitRead,
  PackReader,
  PACK_DIR,
  PACK_SHOWN,
  packForcedIncludes,
  packGeneration,
  packIncludeDirs,
  packKbuildDirs,
  packProfileFor,
} from "./headerpack";
import { GCC_INCLUDE, gccHeader, searchesGccInclude } from "./gccinclude";
import { ByteWriter, decodeText } from "../util/bytes";

const AUTOCONF = PRELUDE_DIR + "/generated/autoconf.h";
// made once: these are asked of every path the include search tries
const PRELUDE_PREFIX = PRELUDE_DIR + "/";
const GCC_PREFIX = GCC_INCLUDE + "/";

/** What the compiler knows of the kernel a run builds for. */
export class KernelHeaders {
  /** The #define lines of include/generated/autoconf.h for the run's configuration. */
  autoconf: string;
  compiler: CompilerModel;
  /** Whether kbuild passes -DCC_USING_FENTRY (CONFIG_FUNCTION_TRACER with an -mfentry arch). */
  fentry: bool;
  constructor(
    public release: i32,
    public sublevel: i32,
    config: KernelConfig,
  ) {
    this.autoconf = autoconfOf(config);
    this.fentry = config.get("CONFIG_FUNCTION_TRACER") == "y" && config.get("CONFIG_HAVE_FENTRY") == "y";
    this.compiler = CompilerModel.fromConfig(config, release);
  }
}

/** include/generated/autoconf.h as `make` writes it from a .config: `y` defines CONFIG_X 1,
 *  `m` defines CONFIG_X_MODULE 1, other values as written; `n` nothing. The last two made are
 *  kept: a run's configuration is mostly the last run's, or the one before (a light embed runs
 *  each workspace without the base kernel and then with it). */
function autoconfOf(c: KernelConfig): string {
  for (let i = 0; i < autoconfs.length; i++) if (autoconfs[i].config === c) return autoconfs[i].text;
  for (let i = 0; i < autoconfs.length; i++) {
    const a = autoconfs[i];
    if (a.config.table.sameAs(c.table)) {
      a.config = c;
      return a.text;
    }
  }
  // in the .config's order, as kconfig writes both files; written as bytes, made a string once
  const t = c.table;
  const out = new ByteWriter();
  out.reserve(t.count * 48); // a Debian .config's lines average about 40 bytes
  // each line's start and its name's end, for the file's define table
  const starts = new Int32Array(t.count + 1);
  const nameEnds = new Int32Array(t.count + 1);
  let lines = 0;
  for (let i = 0; i < t.count; i++) {
    const first = t.valueByte(i);
    const one = t.valueLength(i) == 1;
    if (first < 0 || (one && first == 110) || !t.keyStartsWithConfig(i)) continue;
    unchecked((starts[lines] = out.n));
    out.chunk(DEFINE_BYTES.dataStart, DEFINE_BYTES.length);
    t.write(i, 0, out);
    unchecked((nameEnds[lines] = out.n));
    lines++;
    if (one && first == 121) out.chunk(Y_BYTES.dataStart, Y_BYTES.length);
    else if (one && first == 109) {
      out.chunk(M_BYTES.dataStart, M_BYTES.length);
      unchecked((nameEnds[lines - 1] = out.n - 3)); // the name is CONFIG_X_MODULE
    } else {
      out.byte(32);
      t.write(i, 2, out);
      out.byte(10);
    }
  }
  const text = decodeText(out.buf.dataStart, out.n);
  // its define table, from where each line was written (as the text is ASCII, a byte offset
  // is a character offset): the preprocessor need not scan the text for its lines
  if (text.length == out.n) {
    const table = tableOfLines(text, starts, nameEnds, lines);
    if (table != null) knowDefineTable(table);
  }
  const made = new Autoconf(c, text);
  autoconfs.unshift(made);
  if (autoconfs.length > KEPT_AUTOCONFS) autoconfs.pop();
  return made.text;
}
const KEPT_AUTOCONFS = 2;
const DEFINE_BYTES = Uint8Array.wrap(String.UTF8.encode("#define "));
const Y_BYTES = Uint8Array.wrap(String.UTF8.encode(" 1\n"));
const M_BYTES = Uint8Array.wrap(String.UTF8.encode("_MODULE 1\n"));

/** An autoconf.h autoconfOf made, with the configuration it was made from. */
class Autoconf {
  constructor(
    public config: KernelConfig,
    public text: string,
  ) {}
}
/** Newest first. */
const autoconfs: Autoconf[] = [];

/** How one object is compiled: its module's name and kind, and Kbuild's flags for it. */
export class CompileFlags {
  constructor(
    public object: KbuildObject,
    public modname: string,
    public module: bool,
  ) {}
}

/** The workspace, the prelude and autoconf.h (and a header pack's files when one is used),
 *  as the preprocessor's file system. */
class TranslationFiles extends FileSystem {
  constructor(
    public ws: Workspace,
    public headers: KernelHeaders,
    public main: string,
    public pack: PackReader | null = null,
  ) {
    super();
  }
  read(path: string): string | null {
    if (this.pack != null && inPack(path)) return (this.pack as PackReader).read(path);
    if (path.startsWith(GCC_PREFIX)) return gccHeader(path);
    if (path.startsWith(PRELUDE_PREFIX)) {
      if (path == AUTOCONF) return this.headers.autoconf;
      return preludeFile(path.substring(PRELUDE_DIR.length + 1));
    }
    const f = this.ws.find(path);
    return f == null ? null : (f as WorkspaceFile).text();
  }
  layout(): string {
    if (this.layoutKey.length == 0) {
      // the prelude and gcc's headers are fixed; the pack's paths are, but a text not yet
      // supplied reads as missing until its generation
      const names: string[] = [];
      for (let i = 0; i < this.ws.files.length; i++) names.push(this.ws.files[i].name);
      names.sort(); // the host may list the same files in another order
      this.layoutKey = (this.pack != null ? "pack " + packGeneration() : "no pack") + "\n" + names.join("\n");
    }
    return this.layoutKey;
  }
  private layoutKey: string = "";
  originOf(path: string): Origin {
    if (path == this.main) return Origin.Main;
    return path.startsWith(PRELUDE_PREFIX) || inPack(path) || path.startsWith(GCC_PREFIX) ? Origin.System : Origin.Workspace;
  }
}

/** The export macros a file may use without a header (a toy file): intercepted so that the
 *  DEFAULT_SYMBOL_NAMESPACE in force where they stand is known; a definition wins. */
const TOY_EXPORTS: string[] = ["EXPORT_SYMBOL", "EXPORT_SYMBOL_GPL"];
const DEFAULT_NS = "DEFAULT_SYMBOL_NAMESPACE";
const ANY_ORIGIN: i32 = (1 << Origin.Main) | (1 << Origin.Workspace) | (1 << Origin.System) | (1 << Origin.Builtin);

/** gcc's predefined text and the release the prelude is written for; one string while the
 *  release stays (a run compares it with its checkpoint's). */
function predefinedFor(gcc: string, h: KernelHeaders): string {
  if (h.release != predefinedRelease || h.sublevel != predefinedSublevel || !predefinedText.startsWith(gcc)) {
    predefinedRelease = h.release;
    predefinedSublevel = h.sublevel;
    predefinedText =
      gcc +
      "#define __KSYMNS_VERSION " +
      (h.release / 100).toString() +
      "\n#define __KSYMNS_PATCHLEVEL " +
      (h.release % 100).toString() +
      "\n#define __KSYMNS_SUBLEVEL " +
      h.sublevel.toString() +
      "\n";
  }
  return predefinedText;
}
let predefinedRelease = -1;
let predefinedSublevel = -1;
let predefinedText = "";

/** The -D names each object file has its own value of (scripts/Makefile.lib). */
const UNIT_DEFINES: string[] = ["KBUILD_BASENAME", "KBUILD_MODNAME", "__KBUILD_MODNAME"];

function optionsFor(file: string, flags: CompileFlags, h: KernelHeaders, pack: bool): PPOptions {
  const o = new PPOptions();
  o.main = file;
  o.listMacros = false;
  useGccKbuild(o);
  o.predefined = predefinedFor(o.predefined, h);
  // scripts/Makefile.lib's order: -D__KERNEL__ first, then the module's names, then Kbuild's
  o.addDefine("__KERNEL__");
  // the real headers also see the top Makefile's CC_FLAGS_USING (-mfentry's)
  if (pack && h.fentry) o.addDefine("CC_USING_FENTRY");
  if (flags.module) o.addDefine("MODULE");
  // scripts/Makefile.lib: name-fix of the object's basename, as a module name is made
  const base = moduleNameOf(flags.object.source);
  o.addDefine('KBUILD_BASENAME="' + base + '"');
  o.addDefine('KBUILD_MODNAME="' + flags.modname + '"');
  o.addDefine("__KBUILD_MODNAME=kmod_" + flags.modname);
  o.unitDefines = UNIT_DEFINES;
  const d = flags.object.defines;
  for (let i = 0; i < d.length; i++) {
    if (d[i].startsWith("-D")) o.addDefine(d[i].substring(2));
    else if (d[i].startsWith("-U")) o.addUndef(d[i].substring(2));
  }
  if (pack) {
    const forced = packForcedIncludes();
    for (let i = 0; i < forced.length; i++) o.forced.push(forced[i]);
  } else {
    o.forced.push(PRELUDE_DIR + "/linux/kconfig.h");
    o.forced.push(PRELUDE_DIR + "/linux/compiler_types.h");
  }
  for (let i = 0; i < flags.object.forcedIncludes.length; i++) o.forced.push(flags.object.forcedIncludes[i]);
  for (let i = 0; i < TOY_EXPORTS.length; i++) o.intrinsics.push(new IntrinsicSpec(TOY_EXPORTS[i], true, ANY_ORIGIN));
  o.snapshots.push(DEFAULT_NS);
  // a header the prelude lacks must not stop the file (see addDiagnostics)
  o.stopAtFatal = false;
  return o;
}

/** A file read earlier, kept while its inputs are the same. */
class Kept {
  constructor(
    public key: string,
    public autoconf: string,
    public names: string,
    public used: string[],
    public texts: string[],
    public src: ModuleSource,
    public viaPack: bool,
  ) {}
}
const kept = new Map<string, Kept>();

/** The workspace files' names, one string (a new file can change what #include finds). */
function namesOf(ws: Workspace): string {
  const out: string[] = [];
  for (let i = 0; i < ws.files.length; i++) out.push(ws.files[i].name);
  return out.join("\n");
}

/** Compiles `file` (a workspace C file) with `flags` for the kernel `h`: the module facts of
 *  its object file, with the preprocessor's diagnostics as the compiler's. */
export function compileSource(ws: Workspace, file: string, flags: CompileFlags, h: KernelHeaders): ModuleSource {
  // with the profile's header pack, as kbuild compiles it; the prelude while the pack's
  // files are still loading (the run then names those it needed)
  const pack = packProfileFor(h.release).length > 0;
  const ob = flags.object;
  const key = [
    file,
    flags.modname,
    flags.module ? "m" : "y",
    h.release.toString(),
    h.sublevel.toString(),
    ob.defines.join(" "),
    ob.includeDirs.join(" "),
    ob.forcedIncludes.join(" "),
    pack ? packGeneration() : "",
  ].join("\u0002");
  const names = namesOf(ws);
  const cacheKey = file + "\u0003" + flags.object.object;
  if (kept.has(cacheKey)) {
    const k = kept.get(cacheKey);
    if (k.key == key && k.autoconf == h.autoconf && k.names == names && sameTexts(ws, k.used, k.texts)) {
      if (k.viaPack) notePackUnit();
      return k.src;
    }
  }
  // a unit of the pack once the heap is full of this run's garbage: the next run reads it
  if (pack && !mayReadUnit()) {
    noteUnitDeferred();
    return new ModuleSource(file, moduleNameOf(file));
  }
  let res: PPResult | null = null;
  let complete = false;
  if (pack) {
    const reader = new PackReader(h.autoconf);
    res = preprocessWith(new TranslationFiles(ws, h, file, reader), packIncludeDirs(), flags, optionsFor(file, flags, h, true));
    complete = !reader.incomplete;
    if (complete) notePackUnit();
    else {
      // what it found is not what a run finds once the pack's files are there
      preprocessorCache().dropCheckpoint((res as PPResult).checkpoint);
      res = null;
    }
  }
  if (res == null) res = preprocessWith(new TranslationFiles(ws, h, file), [PRELUDE_DIR], flags, optionsFor(file, flags, h, false));
  if (pack) noteUnitRead((res as PPResult).tokens.length);
  // a file read without the pack's files it needed is read again once they are there
  return readUnit(ws, file, h, res as PPResult, pack && complete, !pack || complete ? key : "", names, cacheKey);
}

/** Preprocesses with the kernel's -I folders first, then Kbuild's, then the prelude (for
 *  headers neither has). */
function preprocessWith(fs: TranslationFiles, kernelDirs: string[], flags: CompileFlags, o: PPOptions): PPResult {
  const bracket: string[] = [];
  for (let i = 0; i < kernelDirs.length; i++) bracket.push(kernelDirs[i]);
  const kbuild = kernelDirs.includes(PRELUDE_DIR) ? flags.object.includeDirs : packKbuildDirs(flags.object.includeDirs);
  for (let i = 0; i < kbuild.length; i++) bracket.push(kbuild[i]);
  // -isystem folders come after every -I folder
  if (searchesGccInclude(fs.headers.release)) bracket.push(GCC_INCLUDE);
  if (!bracket.includes(PRELUDE_DIR)) bracket.push(PRELUDE_DIR);
  return preprocess(preprocessorCache(), new SearchPath(fs, [], bracket), o);
}

/** The C reader over a preprocessed file; kept for the next run (`key` empty: not kept). */
function readUnit(ws: Workspace, file: string, h: KernelHeaders, res: PPResult, pack: bool, key: string, names: string, cacheKey: string): ModuleSource {
  const tokens = tokensOf(res, file, cacheKey);
  const options = new ReaderOptions();
  if (res.includes.length > 0) options.compiler = h.compiler;
  options.reportUndeclared = pack && !res.stopped && !lacksHeaders(res, false);
  const mod = readC(tokens, file, options);
  if (mod.undeclared.length > 0) placeUndeclared(ws, res, mod);
  for (let i = 0; i < mod.undeclared.length; i++) mod.undeclared[i].includedFrom = includedFrom(res, mod.undeclared[i].span.file);
  for (let i = 0; i < mod.missingMembers.length; i++) {
    const m = mod.missingMembers[i];
    m.includedFrom = includedFrom(res, m.at.file);
    m.displayCol = displayColumn(lineOf(textOf(ws, m.at.file), m.at.line), m.at.col);
    const v = m.excessAt;
    if (v != null) m.excessCol = displayColumn(lineOf(textOf(ws, v.file), v.line), v.col);
  }
  // a unit that turns the warning off or on with a pragma somewhere (the kernel's
  // __bpf_kfunc_start_defs) is not judged: where each pragma stands is not kept
  if (controlsDiagnostic(res, "-Wmissing-prototypes")) mod.unprototyped = [];
  for (let i = 0; i < mod.unprototyped.length; i++) {
    const u = mod.unprototyped[i];
    u.includedFrom = includedFrom(res, u.span.file);
    u.displayCol = displayColumn(lineOf(textOf(ws, u.span.file), u.span.line), u.span.col);
  }
  for (let i = 0; i < mod.fallsOff.length; i++) {
    const e = mod.fallsOff[i];
    e.includedFrom = includedFrom(res, e.span.file);
    e.displayCol = displayColumn(lineOf(textOf(ws, e.span.file), e.span.line), e.span.col);
  }
  addDiagnostics(res, mod, file, pack);
  mod.lacksHeaders = lacksHeaders(res, false);
  if (mod.lacksHeaders) mod.unexpanded = unexpandedCalls(res);
  mod.preprocessed = viewOf(res);
  const used: string[] = [];
  const texts: string[] = [];
  for (let i = 0; i < res.files.length; i++) {
    const p = res.files[i].path;
    if (res.files[i].origin == Origin.System) continue;
    const f = ws.find(p);
    if (f != null && !used.includes(p)) {
      used.push(p);
      texts.push((f as WorkspaceFile).text());
    }
  }
  if (kept.size > 256) kept.clear();
  if (key.length > 0) kept.set(cacheKey, new Kept(key, h.autoconf, names, used, texts, mod, pack));
  else kept.delete(cacheKey);
  return mod;
}

/** gcc's suggestion and column for each name nothing declares (the macros are the
 *  preprocessor's, the line's text the workspace's). */
function placeUndeclared(ws: Workspace, res: PPResult, mod: ModuleSource): void {
  const names: string[] = [];
  const builtin: bool[] = [];
  const table = res.macroTable;
  for (let a = 0; a < table.length; a++) {
    const m = unchecked(table[a]);
    if (m == null) continue;
    names.push(res.atoms.text(a));
    builtin.push((m as MacroDef).builtin != Builtin.None);
  }
  for (let f = 0; f < res.defineFiles.length; f++) {
    const t = res.defineFiles[f].table;
    if (t == null) continue;
    const d = t as DefineTable;
    for (let k = 0; k < d.count; k++) {
      const name = d.text.substring(d.nameStart[k], d.nameEnd[k]);
      // a name looked up is in the macro table already
      const a = res.atoms.lookup(name);
      if (a >= 0 && a < table.length && unchecked(table[a]) != null) continue;
      names.push(name);
      builtin.push(false);
    }
  }
  // gcc adds an #include after the main file's last one it entered (not one a guard skipped)
  let lastInclude = 0;
  for (let i = 0; i < res.includes.length; i++) {
    const e = res.includes[i];
    if (!e.probe && !e.skipped && e.resolved >= 0 && e.from >= 0 && e.from < res.files.length && res.files[e.from].origin == Origin.Main) lastInclude = e.line;
  }
  for (let i = 0; i < mod.undeclared.length; i++) {
    const u = mod.undeclared[i];
    u.includeLine = lastInclude + 1;
    if (u.header.length == 0) u.closest = suggestionFor(u, names, builtin);
    u.displayCol = displayColumn(lineOf(textOf(ws, u.span.file), u.span.line), u.span.col);
  }
}

/** Whether a pragma of the unit names diagnostic `option` (`GCC diagnostic ignored "..."`). */
function controlsDiagnostic(res: PPResult, option: string): bool {
  for (let i = 0; i < res.pragmas.length; i++) if (res.pragmas[i].text.includes(option)) return true;
  return false;
}

/** gcc's "In file included from" lines for a workspace file ("" for the main file). */
function includedFrom(res: PPResult, path: string): string {
  for (let i = 0; i < res.files.length; i++) if (res.files[i].path == path) return firstInclusionChain(res, i);
  return "";
}

function textOf(ws: Workspace, file: string): string {
  const f = ws.find(file);
  return f != null ? (f as WorkspaceFile).text() : "";
}

function lineOf(text: string, line: i32): string {
  let at = 0;
  for (let n = 1; n < line && at >= 0; n++) {
    at = text.indexOf("\n", at);
    if (at >= 0) at++;
  }
  if (at < 0) return "";
  const end = text.indexOf("\n", at);
  return end < 0 ? text.substring(at) : text.substring(at, end);
}

function sameTexts(ws: Workspace, used: string[], texts: string[]): bool {
  for (let i = 0; i < used.length; i++) {
    const f = ws.find(used[i]);
    if (f == null || (f as WorkspaceFile).text() != texts[i]) return false;
  }
  return true;
}

/** The preprocessor's diagnostics: errors and warnings as gcc prints them (with the
 *  "In file included from" chain), a header the prelude lacks as a note of ksymns. */
function addDiagnostics(res: PPResult, mod: ModuleSource, main: string, pack: bool): void {
  const missing = new Set<string>();
  const lacksKernel = lacksHeaders(res, true);
  for (let i = 0; i < res.diagnostics.length; i++) {
    const d = res.diagnostics[i];
    if (d.severity == PPSeverity.Note) continue;
    const f = d.file;
    const inFile = f >= 0 && f < res.files.length;
    // the place the user wrote: the diagnostic's own, or the #include of the header it is in
    let at = f,
      line = d.line,
      col = d.col,
      endLine = d.endLine,
      endCol = d.endCol;
    while (at >= 0 && at < res.files.length && res.files[at].origin == Origin.System && res.files[at].includer >= 0) {
      line = res.files[at].includeLine;
      col = 1;
      endLine = line;
      endCol = 1;
      at = res.files[at].includer;
    }
    const userFile = at >= 0 && at < res.files.length && res.files[at].origin != Origin.System ? res.files[at].path : main;
    const span = line > 0 ? new Span(userFile, line, col, endLine > 0 ? endLine : line, endCol > 0 ? endCol : col) : Span.at(main, 1);
    // with the real headers, a kernel header they lack is gcc's own fatal error
    if (d.code == PPCode.INCLUDE_NOT_FOUND && !(pack && angledMissing(res, d.text))) {
      const header = missingName(d.text);
      if (missing.has(header)) continue;
      missing.add(header);
      if (angledMissing(res, d.text)) {
        // a kernel header the prelude does not have: the real build finds it
        mod.findings.push(
          new Finding(
            Stage.Read,
            Severity.Info,
            Msg.READ_HEADER_NOT_BUILTIN,
            "<" + header + "> is not among ksymns' built-in kernel headers: the declarations it holds are taken from the kernel's export table",
            span,
            mod.name,
          ),
        );
      } else {
        // a file of the driver that was not pasted: gcc would stop, a snippet reads on
        mod.findings.push(
          new Finding(
            Stage.Read,
            Severity.Warning,
            Msg.READ_HEADER_NOT_BUILTIN,
            '"' +
              header +
              '" is not in the workspace: gcc would stop here (fatal error: ' +
              header +
              ": No such file or directory); ksymns reads on without it. Add the file to build as kbuild would",
            span,
            mod.name,
          ),
        );
      }
      continue;
    }
    if (lacksKernel && d.code == PPCode.IF_SYNTAX) {
      // most likely a function-like macro of a header the prelude lacks (KERNEL_VERSION
      // reached through a driver's own header, say): gcc, with the real header, reads it
      mod.findings.push(
        new Finding(
          Stage.Read,
          Severity.Info,
          Msg.READ_HEADER_NOT_BUILTIN,
          "this #if uses a macro ksymns does not know (" + d.text + "), likely from a kernel header it does not carry; the branch is taken as false",
          span,
          mod.name,
        ),
      );
      continue;
    }
    if (lacksKernel && d.code == PPCode.ERROR_DIRECTIVE && d.underUndefinedName) {
      // `#if PAGE_SIZE < 4096` with the header that defines PAGE_SIZE missing: gcc, with it,
      // most likely takes the other group
      mod.findings.push(
        new Finding(
          Stage.Read,
          Severity.Info,
          Msg.READ_HEADER_NOT_BUILTIN,
          d.text +
            " is reached because an #if around it reads a name no header here defines as 0, likely one from a kernel header ksymns does not carry; with that header the real build most likely does not reach it",
          span,
          mod.name,
        ),
      );
      continue;
    }
    const where = inFile ? shownName(res, f) + ":" + d.line.toString() + ":" + d.col.toString() + ": " : "";
    const text = PP_SEVERITY_NAMES[<i32>d.severity] + ": " + d.text;
    const chain = d.chain.length > 0 ? d.chain.replaceAll(PRELUDE_DIR + "/", PRELUDE_SHOWN + "/").replaceAll(PACK_DIR + "/", PACK_SHOWN + "/") : "";
    mod.compiler.push(new CompilerMessage(d.severity == PPSeverity.Warning ? Severity.Warning : Severity.Error, chain, where, text, span));
    // gcc stops at a fatal error
    if (d.severity == PPSeverity.Fatal) {
      mod.compiler.push(new CompilerMessage(Severity.Error, "", "", "compilation terminated.", span));
      return;
    }
  }
}

/** The names of the workspace's file-scope `NAME(..."text"...);` lines left as written: C has no
 *  such declaration since C99, so each is a macro the preprocessor did not know, and one given a
 *  string may make module information (IP_SET_MODULE_DESC("bitmap:ip", ...)). */
function unexpandedCalls(res: PPResult): string[] {
  const out: string[] = [];
  const t = res.tokens;
  const atoms = preprocessorCache().atoms;
  let braces = 0;
  let atStatement = true;
  for (let i = 0; i < t.length; i++) {
    const kind = unchecked(t.kf[i]) & 0xff;
    if (kind == TK.Padding || kind == TK.Eof) continue;
    const a = unchecked(t.atom[i]);
    if (kind == TK.Punct && a == Name.LBrace) braces++;
    else if (kind == TK.Punct && a == Name.RBrace) braces = max(braces - 1, 0);
    if (braces > 0) continue;
    const starts = atStatement;
    atStatement = kind == TK.Punct && (a == Name.Semicolon || a == Name.RBrace);
    // an identifier the expander made (an intrinsic's marker) has no spelling in the table
    if (!starts || kind != TK.Ident || a < 0 || a >= atoms.count) continue;
    const file = unchecked(t.file[i]);
    if (file < 0 || file >= res.files.length || res.files[file].origin == Origin.System) continue;
    // NAME ( ... ) ;
    let j = nextToken(t, i + 1);
    if (j < 0 || (unchecked(t.kf[j]) & 0xff) != TK.Punct || unchecked(t.atom[j]) != Name.LParen) continue;
    let depth = 0;
    let text = false;
    for (; j < t.length; j++) {
      if ((unchecked(t.kf[j]) & 0xff) == TK.String) text = true;
      if ((unchecked(t.kf[j]) & 0xff) != TK.Punct) continue;
      const p = unchecked(t.atom[j]);
      if (p == Name.LParen) depth++;
      else if (p == Name.RParen && --depth == 0) break;
      else if (p == Name.LBrace || p == Name.Semicolon) break;
    }
    if (j >= t.length || unchecked(t.atom[j]) != Name.RParen) continue;
    const k = nextToken(t, j + 1);
    if (k < 0 || (unchecked(t.kf[k]) & 0xff) != TK.Punct || unchecked(t.atom[k]) != Name.Semicolon) continue;
    // a description is a string: DEFINE_MUTEX(lock) and its kind give none
    if (!text) continue;
    const name = atoms.text(a);
    if (!out.includes(name)) out.push(name);
  }
  return out;
}

function nextToken(t: TokVec, i: i32): i32 {
  for (; i < t.length; i++) {
    const kind = unchecked(t.kf[i]) & 0xff;
    if (kind != TK.Padding) return kind == TK.Eof ? -1 : i;
  }
  return -1;
}

/** Whether an #include found nothing; `angledOnly`: an angled one (a kernel header the prelude
 *  lacks). A __has_include probe does not count. */
function lacksHeaders(res: PPResult, angledOnly: bool): bool {
  for (let i = 0; i < res.includes.length; i++) {
    const e = res.includes[i];
    if (e.resolved < 0 && !e.probe && (e.angled || !angledOnly)) return true;
  }
  return false;
}

/** Whether a "No such file" is for an angled (<...>) include, which the prelude may lack. */
function angledMissing(res: PPResult, text: string): bool {
  const name = missingName(text);
  for (let i = 0; i < res.includes.length; i++) {
    const e = res.includes[i];
    if (e.resolved < 0 && e.spelling == name) return e.angled;
  }
  return false;
}

/** The header a "NAME: No such file or directory" names. */
function missingName(text: string): string {
  const c = text.indexOf(": No such file");
  return c < 0 ? text : text.substring(0, c);
}

/** The inactive lines and macro invocations of the workspace's files. */
function viewOf(res: PPResult): PreprocessedView {
  const v = new PreprocessedView();
  for (let i = 0; i < res.inactive.length; i++) {
    const r = res.inactive[i];
    if (r.file < 0 || r.file >= res.files.length || res.files[r.file].origin == Origin.System) continue;
    v.inactive.push(new Span(res.files[r.file].path, r.startLine, 1, r.endLine, 1));
  }
  const x = res.expansions;
  for (let i = 0; i < res.invocations.length && i < MAX_MACRO_USES; i++) {
    const inv = res.invocations[i];
    const r = inv.record;
    const f = x.startFile.get(r);
    if (f < 0 || f >= res.files.length) continue;
    const at = res.invocationSpan(r);
    // where() below reuses the array invocationSpan() returned
    const span = new Span(res.files[f].path, at[0], at[1], at[2], at[3]);
    const def = x.def[r];
    let defFile = "",
      defLine = 0;
    if (def != null && def.src != null) {
      const df = (def.src as SourceFile).index;
      if (df >= 0 && df < res.files.length) {
        defFile = shownName(res, df);
        defLine = res.where(df, def.nameTok)[0];
      }
    }
    v.macros.push(new MacroUse(res.atoms.text(x.name.get(r)), span, inv.text, defFile, defLine));
  }
  return v;
}

/** How many invocations a file's view keeps (a generated file can hold far more). */
const MAX_MACRO_USES = 20000;
