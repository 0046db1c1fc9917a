// The build: what the compiler, the assembler and modpost (scripts/mod/modpost.c:
// read_dump, read_symbols, then check_exports per module) say about the workspace's
// modules, and the `.ko` images they produce.

import { Msg, Severity, Stage } from "../../shared/codes";
import { Finding, InlineStep, Span } from "../diagnostics";
import { Export, KoImage } from "../model";
import { ModuleSource, MacroArg, MissingMember, ExportDecl, UndeclaredUse, Unprototyped } from "../source/toyc";
import { Rules } from "../kernel/versions";
import * as T from "../kernel/messages";
import { isGplCompatible, moduleNamespaceAllows, MODULE_NS_PREFIX } from "./namespaces";
import { SymbolTable } from "./symtab";
import { RepeatedExport } from "./dumpcheck";
import { linkedSymbolOrder, modpostSymbolOrder, objectSymbolOrder } from "./symorder";

/** One unit of the build: a module (obj-m) or a part of vmlinux (obj-y), made from one C
 *  file or linked from several (`parts`, each as its own object file). */
export class BuildUnit {
  /** The object make links, as a workspace path without ".o" (`usb-storage`, `sub/foo`). */
  object: string;
  parts: ModuleSource[];
  constructor(
    public src: ModuleSource,
    public builtin: bool,
    object: string = "",
    parts: ModuleSource[] = [],
  ) {
    this.object = object.length > 0 ? (object.endsWith(".o") ? object.substring(0, object.length - 2) : object) : stemOf(src.file);
    this.parts = parts.length > 0 ? parts : [src];
  }
}

function stemOf(file: string): string {
  return file.endsWith(".c") ? file.substring(0, file.length - 2) : file;
}

export class BuildOptions {
  modversions: bool = true;
  allowMissingNsImports: bool = false;
  /** Build the way the kernel lab does when make refuses: KBUILD_MODPOST_WARN=1
   *  KBUILD_NSDEPS=1 and the license patch, so the loader can be shown anyway. */
  relaxed: bool = false;
}

export class BuildResult {
  findings: Finding[] = [];
  log: string[] = [];
  kos: KoImage[] = [];
  produced: bool[] = [];
  /** Exports of obj-y units: they join vmlinux. */
  builtinExports: Export[] = [];
  /** The namespaces each module lacks (what `make nsdeps` would add), per module index. */
  missingNs: string[][] = [];
  /** Each module's undefined symbols in the order modpost checks them. */
  unresolved: string[][] = [];
  compileFailed: bool = false;
  modpostFailed: bool = false;
}

/** FNV-1a over the declaration text: a stand-in for genksyms' CRC of the symbol's type. */
export function crcOf(text: string): u32 {
  let h: u32 = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= <u32>text.charCodeAt(i);
    h *= 0x01000193;
  }
  return h == 0 ? 1 : h;
}

class Ctx {
  res: BuildResult = new BuildResult();
  /** The first file that failed to compile: make stops there, so later files print nothing. */
  failedFile: string = "";
  /** A modpost error about a module the build compiled. */
  moduleFailed: bool = false;
  /** modpost errors about the tables read (read_dump), and the modules those rows belong to. */
  dumpErrors: Finding[] = [];
  dumpOwners: Set<string> = new Set();
  constructor(
    public r: Rules,
    public opt: BuildOptions,
  ) {}

  logs(src: ModuleSource): bool {
    if (this.failedFile.length == 0) this.failedFile = src.file;
    return this.failedFile == src.file;
  }

  /** A compiler (gcc) error in `file`, logged as gcc prints it; external builds run from
   *  the module's folder since 6.13, so the path lost its <M>/ prefix then. */
  compileError(src: ModuleSource, id: Msg, text: string, span: Span, file: string): void {
    this.res.findings.push(new Finding(Stage.Compile, Severity.Error, id, text, span, src.name));
    if (!this.logs(src)) return;
    const path = this.r.modpostRelativePaths ? file : "<M>/" + file;
    // a generated .mod.c has lines of its own: name the file only
    const where = file.endsWith(".mod.c") ? path : path + ":" + span.line.toString() + ":" + span.col.toString();
    this.res.log.push(where + ": " + text);
    this.res.compileFailed = true;
  }

  /** What gcc's preprocessor printed for `src`; its errors fail the compile. */
  compilerMessages(src: ModuleSource): void {
    for (let i = 0; i < src.compiler.length; i++) {
      const m = src.compiler[i];
      const error = m.severity == Severity.Error;
      this.res.findings.push(new Finding(Stage.Compile, m.severity, Msg.CC_PREPROCESSOR, m.text, m.span, src.name));
      if (error ? !this.logs(src) : this.failedFile.length > 0 && this.failedFile != src.file) continue;
      if (m.chain.length > 0) {
        const lines = m.chain.split("\n");
        for (let k = 0; k < lines.length; k++) if (lines[k].length > 0) this.res.log.push(this.inModuleDir(lines[k]));
      }
      this.res.log.push(this.inModuleDir(m.where) + m.text);
      if (error) this.res.compileFailed = true;
    }
  }

  /** gcc's errors for names nothing declares and members records lack (read with the real
   *  headers) and its missing-prototype warnings, in source order with its "In function"
   *  lines; before gcc 14 kbuild's -Werror= names itself at the end. */
  nameErrors(src: ModuleSource): void {
    const r = this.r;
    let context = "";
    this.lastFile = src.file;
    let noted = false;
    let promoted = false;
    const headers = new Set<string>();
    // the three kinds merged in source order: (token << 24) | (kind << 20) | index
    const order: i64[] = [];
    for (let i = 0; i < src.undeclared.length; i++) order.push(((<i64>src.undeclared[i].tok) << 24) | (<i64>i));
    for (let i = 0; i < src.missingMembers.length; i++) order.push(((<i64>src.missingMembers[i].tok) << 24) | (1 << 20) | (<i64>i));
    if (r.warnsMissingPrototypes) for (let i = 0; i < src.unprototyped.length; i++) order.push(((<i64>src.unprototyped[i].tok) << 24) | (2 << 20) | (<i64>i));
    order.sort((a: i64, b: i64): i32 => (a < b ? -1 : a > b ? 1 : 0));
    for (let k = 0; k < order.length; k++) {
      const kind = <i32>((order[k] >> 20) & 0xf);
      const i = <i32>(order[k] & 0xfffff);
      if (kind == 1) {
        context = this.missingMember(src, src.missingMembers[i], context);
        continue;
      }
      if (kind == 2) {
        context = this.unprototyped(src, src.unprototyped[i], context);
        continue;
      }
      const u = src.undeclared[i];
      if (u.redeclared) {
        context = this.redeclaredBuiltin(src, u, context);
        continue;
      }
      const text = u.call
        ? T.ccImplicitDeclaration(u.name, u.closest, r.implicitDeclarationIsError)
        : u.fn.length > 0
          ? T.ccUndeclaredInFunction(u.name, u.closest)
          : T.ccUndeclared(u.name, u.closest);
      this.res.findings.push(new Finding(Stage.Compile, Severity.Error, Msg.CC_UNDECLARED, text, u.span, src.name));
      this.res.compileFailed = true;
      if (!this.logs(src)) continue;
      const file = u.span.file;
      this.enterFile(file, u.includedFrom);
      context = this.enterFunction(file, u.fn, context);
      const where = this.inModuleDir(file + ":" + u.span.line.toString() + ":" + (r.gccDisplayColumns ? u.displayCol : u.span.col).toString() + ": ");
      this.res.log.push(where + text);
      if (!u.call && u.fn.length > 0 && !noted) {
        this.res.log.push(where + T.CC_UNDECLARED_ONCE);
        noted = true;
      }
      if (u.header.length > 0) {
        // the #include fix-it goes after the main file's last #include once a header
        const at = headers.has(u.header) ? where : this.inModuleDir(file + ":" + u.includeLine.toString() + ":1: ");
        headers.add(u.header);
        this.res.log.push(at + T.ccIncludeHeader(u.header, u.name));
        if (u.mismatch) {
          this.res.log.push(where + T.ccBuiltinMismatch(u.name));
          this.res.log.push(where + T.ccIncludeHeader(u.header, u.name));
        }
      }
      if (u.call && !r.implicitDeclarationIsError) promoted = true;
    }
    // after the front end's errors, the lowering passes': a function that runs off its end
    for (let i = 0; i < src.fallsOff.length; i++) {
      const e = src.fallsOff[i];
      this.res.findings.push(new Finding(Stage.Compile, Severity.Error, Msg.CC_NO_RETURN, T.CC_NO_RETURN, e.span, src.name));
      if (!this.logs(src)) continue;
      this.enterFile(e.span.file, e.includedFrom);
      context = this.enterFunction(e.span.file, e.fn, context);
      this.res.log.push(
        this.inModuleDir(e.span.file + ":" + e.span.line.toString() + ":" + (r.gccDisplayColumns ? e.displayCol : e.span.col).toString() + ": ") +
          T.CC_NO_RETURN,
      );
      promoted = true;
    }
    if (promoted && this.logs(src)) this.res.log.push(T.CC_WARNINGS_AS_ERRORS);
  }

  /** gcc's -Wmissing-prototypes warning (a file's warnings print unless another failed first). */
  private unprototyped(src: ModuleSource, u: Unprototyped, context: string): string {
    const text = T.ccNoPrototype(u.fn);
    this.res.findings.push(new Finding(Stage.Compile, Severity.Warning, Msg.CC_NO_PROTOTYPE, text, u.span, src.name));
    if (this.failedFile.length > 0 && this.failedFile != src.file) return context;
    this.enterFile(u.span.file, u.includedFrom);
    const now = this.enterFunction(u.span.file, "", context);
    this.res.log.push(
      this.inModuleDir(u.span.file + ":" + u.span.line.toString() + ":" + (this.r.gccDisplayColumns ? u.displayCol : u.span.col).toString() + ": ") + text,
    );
    return now;
  }

  /** A built-in called again out of the blocks of its implicit declarations: only gcc's
   *  mismatch warning and its note, at the call. */
  private redeclaredBuiltin(src: ModuleSource, u: UndeclaredUse, context: string): string {
    if (!this.logs(src)) return context;
    const file = u.span.file;
    this.enterFile(file, u.includedFrom);
    const now = this.enterFunction(file, u.fn, context);
    const where = this.inModuleDir(file + ":" + u.span.line.toString() + ":" + (this.r.gccDisplayColumns ? u.displayCol : u.span.col).toString() + ": ");
    this.res.log.push(where + T.ccBuiltinMismatch(u.name));
    this.res.log.push(where + T.ccIncludeHeader(u.header, u.name));
    return now;
  }

  /** gcc's error for member `m` its record lacks; returns the function now named. */
  private missingMember(src: ModuleSource, m: MissingMember, context: string): string {
    const text = m.undefinedType ? T.ccUndefinedType(m.record) : T.ccNoMember(m.record, m.member, m.suggestion);
    this.res.findings.push(new Finding(Stage.Compile, Severity.Error, m.undefinedType ? Msg.CC_UNDEFINED_TYPE : Msg.CC_NO_MEMBER, text, m.span, src.name));
    this.res.compileFailed = true;
    if (!this.logs(src)) return context;
    const file = m.at.file;
    this.enterFile(file, m.includedFrom);
    const now = this.enterFunction(file, m.fn, context);
    this.res.log.push(
      this.inModuleDir(file + ":" + m.at.line.toString() + ":" + (this.r.gccDisplayColumns ? m.displayCol : m.at.col).toString() + ": ") + text,
    );
    const v = m.excessAt;
    if (v != null) {
      const where = this.inModuleDir(v.file + ":" + v.line.toString() + ":" + (this.r.gccDisplayColumns ? m.excessCol : v.col).toString() + ": ");
      this.res.log.push(where + T.ccExcessElements(m.excess));
      this.res.log.push(where + T.ccNearInitialization(m.nearObject));
    }
    return now;
  }

  /** The file of the last compile message logged (gcc prints a header's include chain where
   *  its messages start). */
  private lastFile: string = "";

  private enterFile(file: string, includedFrom: string): void {
    if (file == this.lastFile) return;
    this.lastFile = file;
    if (includedFrom.length == 0) return;
    const lines = includedFrom.split("\n");
    for (let k = 0; k < lines.length; k++) this.res.log.push(this.inModuleDir(lines[k]));
  }

  /** gcc's "In function" line (or "At top level") where the function changes. */
  private enterFunction(file: string, fn: string, context: string): string {
    if (fn != context) this.res.log.push(this.inModuleDir(file + ": " + (fn.length > 0 ? T.ccInFunction(fn) : T.CC_AT_TOP_LEVEL)));
    return fn;
  }

  /** A gcc line naming a workspace file as make M= shows it: <M>/ before the name (not
   *  since 6.13, which builds from the module's folder; never before the kernel's ./include). */
  private inModuleDir(line: string): string {
    if (this.r.modpostRelativePaths || line.length == 0) return line;
    const FROM = "from ";
    const at = line.indexOf(FROM);
    const start = line.trimStart().startsWith("In file included from") || line.trimStart().startsWith(FROM) ? at + FROM.length : 0;
    const rest = line.substring(start);
    if (rest.startsWith("./") || rest.startsWith("/")) return line;
    return line.substring(0, start) + "<M>/" + rest;
  }

  /** An assembler (gas) error: it names gcc's temporary .s file, not the source. */
  asmError(src: ModuleSource, id: Msg, text: string, span: Span): void {
    this.res.findings.push(new Finding(Stage.Compile, Severity.Error, id, text, span, src.name));
    if (!this.logs(src)) return;
    this.res.log.push("<tmp>.s: " + text);
    this.res.compileFailed = true;
  }

  modpost(src: ModuleSource, id: Msg, sev: Severity, text: string, span: Span): Finding {
    const f = new Finding(Stage.Modpost, sev, id, text, span, src.name);
    this.res.findings.push(f);
    this.res.log.push(text);
    if (sev == Severity.Error) {
      this.res.modpostFailed = true;
      this.moduleFailed = true;
    }
    return f;
  }

  /** A modpost message about a row of an export table. */
  dump(e: Export, id: Msg, sev: Severity, text: string): Finding {
    const f = new Finding(Stage.Modpost, sev, id, text, e.span, e.owner).about(e.symbol, e.ns);
    this.res.findings.push(f);
    this.res.log.push(text);
    if (sev == Severity.Error) {
      this.res.modpostFailed = true;
      this.dumpErrors.push(f);
      this.dumpOwners.add(e.owner);
    }
    return f;
  }
}

/** The namespace an export ends up in, or null when the compiler/assembler refuses it. */
function exportNamespace(c: Ctx, src: ModuleSource, e: ExportDecl): string | null {
  const r = c.r;
  const file = src.file;
  if (e.resolvedNs != null) return e.resolvedNs as string; // read from a preprocessed file's export record
  if (e.forModules) {
    const has = e.macro == "EXPORT_SYMBOL_GPL_FOR_MODULES" ? r.hasGplForModules : r.hasForModules;
    if (!has) {
      c.compileError(src, Msg.CC_UNKNOWN_MACRO, T.ccExpectedParenBefore("string constant"), e.span, file);
      return null;
    }
    const a = e.nsArg as MacroArg;
    if (!a.isString) {
      c.asmError(src, Msg.CC_NS_IDENTIFIER, T.asJunk(a.text.substring(0, 1)), a.span);
      return null;
    }
    return MODULE_NS_PREFIX + a.value;
  }
  if (e.nsArg != null) {
    const a = e.nsArg as MacroArg;
    if (r.nsIsString) {
      if (a.isString) return a.value;
      c.asmError(src, Msg.CC_NS_IDENTIFIER, T.asJunk(a.text.substring(0, 1)), a.span);
      return null;
    }
    if (a.isString) {
      // stringified again: the name keeps its quotes; from 6.5 modpost writes it into .mod.c
      if (!r.exportsGeneratedByModpost) {
        c.asmError(src, Msg.CC_NS_QUOTED_TWICE, T.asJunk(a.value.substring(0, 1)), a.span);
        return null;
      }
      return '"' + a.value + '"';
    }
    return a.text; // the macro stringifies whatever tokens it is given
  }
  if (e.defaultNs != null) {
    const d = e.defaultNs as MacroArg;
    const ok = r.defaultNsIsString ? d.isString : d.isIdent;
    if (!ok) {
      const first = d.isString ? d.value.substring(0, 1) : d.text.substring(0, 1);
      c.asmError(src, Msg.CC_DEFAULT_NS_FORM, T.asJunk(first), e.span);
      return null;
    }
    return d.value;
  }
  return "";
}

function importValue(c: Ctx, src: ModuleSource, a: MacroArg, span: Span, resolved: bool): string | null {
  if (resolved) return a.value; // read from a preprocessed file's .modinfo
  if (c.r.nsIsString) {
    if (a.isString) return a.value;
    // gcc 14 on 6.19's headers also evaluates the name in a static assertion first
    if (c.r.importIdentifierExtraErrors) {
      c.compileError(src, Msg.CC_IMPORT_IDENTIFIER, T.ccUndeclared(a.text), a.span, src.file);
      c.compileError(src, Msg.CC_IMPORT_IDENTIFIER, T.ccStaticAssert(), span, src.file);
    }
    c.compileError(src, Msg.CC_IMPORT_IDENTIFIER, T.ccImportIdentifier(a.text), a.span, src.file);
    return null;
  }
  if (a.isString) return '"' + a.value + '"'; // stringified: import_ns keeps the quotes
  return a.text; // any tokens, stringified
}

/** Undefined symbols of a compiled file, as `nm -u` lists them, in order of first use. */
export function undefinedSymbols(src: ModuleSource, world: SymbolTable): string[] {
  const out: string[] = [];
  for (let i = 0; i < src.refs.length; i++) {
    const ref = src.refs[i];
    const n = ref.name;
    // the generated .mod.c defines __this_module (modpost: ignore_undef_symbol)
    if (src.defined.has(n) || src.macros.has(n) || n == THIS_MODULE) continue;
    if (ref.compiler || src.declared.has(n) || world.has(n)) out.push(n);
  }
  return out;
}

const THIS_MODULE = "__this_module";

/** Names kernel headers provide as macros or inline helpers: calls to them are never symbols. */
function isHeaderHelper(n: string): bool {
  return (
    n.startsWith("_") ||
    n.startsWith("pr_") ||
    n.startsWith("module_param") ||
    n.startsWith("BUILD_BUG_ON") ||
    n == "printk" ||
    n == "likely" ||
    n == "unlikely" ||
    n == "ARRAY_SIZE"
  );
}

/** Calls the file neither defines nor declares and no table exports: the reader takes them to
 *  come from a header. Against a table without vmlinux's exports these are the calls the base
 *  kernel's table could turn into uses. */
export function headerCalls(src: ModuleSource, world: SymbolTable): string[] {
  const out: string[] = [];
  for (let i = 0; i < src.refs.length; i++) {
    const ref = src.refs[i];
    const n = ref.name;
    if (!ref.isCall || src.defined.has(n) || src.macros.has(n) || src.declared.has(n) || world.has(n) || isHeaderHelper(n)) continue;
    out.push(n);
  }
  return out;
}

/** Compiles and runs modpost over the units against `base` (the kernel's export table).
 *  `pinned` holds Module.symvers rows for symbols the workspace's own modules export: the
 *  table the users were built against wins over the fresh export (a separate earlier build);
 *  `repeated` the table rows modpost reads as second exports. */
export function runBuild(
  units: BuildUnit[],
  base: SymbolTable,
  hasVmlinux: bool,
  pinned: Map<string, Export>,
  repeated: RepeatedExport[],
  r: Rules,
  opt: BuildOptions,
): BuildResult {
  const c = new Ctx(r, opt);
  const compiled = compile(c, units);
  const own = new Map<string, Export>();
  makeImages(c, units, compiled, own);
  if (c.res.compileFailed) return c.res; // make stops before modpost
  readDumps(c, repeated);
  const t = new SymbolTable().under(pinned).under(own).underAll(base);
  readExports(c, units, base, own);
  resolveSymbols(c, units, t);
  if (!hasVmlinux) {
    c.res.findings.push(new Finding(Stage.Modpost, Severity.Warning, Msg.MODPOST_NO_VMLINUX, T.modpostNoVmlinux(), Span.none()));
    c.res.log.push(T.modpostNoVmlinux());
  }
  readSymbols(c, units);
  checkExports(c, units, t, hasVmlinux);
  const modcFailed = compileModC(c, units);
  decideProduced(c, units, modcFailed);
  return c.res;
}

/** What the compiler and assembler make of each unit's exports and imports. */
class Compiled {
  /** Each export's namespace, or null when the compiler or assembler refused it. */
  nsOf: Array<Array<string | null>> = [];
  importsOf: string[][] = [];
}

/** The compile step: exports and imports as the C preprocessor, compiler and assembler see them. */
function compile(c: Ctx, units: BuildUnit[]): Compiled {
  const r = c.r;
  const out = new Compiled();
  for (let u = 0; u < units.length; u++) {
    const src = units[u].src;
    for (let p = 0; p < units[u].parts.length; p++) {
      c.compilerMessages(units[u].parts[p]);
      c.nameErrors(units[u].parts[p]);
    }
    const nss: Array<string | null> = [];
    const seen = new Set<string>();
    for (let i = 0; i < src.exports.length; i++) {
      const e = src.exports[i];
      if (seen.has(e.symbol)) {
        // the assembler meets the export's symbols twice: __kstrtab*/__ksymtab* up to 6.4,
        // the single __export_symbol_* marker from 6.5
        if (r.exportsGeneratedByModpost) c.asmError(src, Msg.CC_EXPORT_TWICE, T.asAlreadyDefined("__export_symbol_" + e.symbol), e.span);
        else {
          c.asmError(src, Msg.CC_EXPORT_TWICE, T.asAlreadyDefined("__kstrtab_" + e.symbol), e.span);
          c.asmError(src, Msg.CC_EXPORT_TWICE, T.asAlreadyDefined("__kstrtabns_" + e.symbol), e.span);
          c.asmError(src, Msg.CC_EXPORT_TWICE, T.asAlreadyDefined("__ksymtab_" + e.symbol), e.span);
        }
        nss.push(null);
        continue;
      }
      seen.add(e.symbol);
      // without a header it includes, the declaration may be the header's (the file says so)
      if (!src.defined.has(e.symbol) && !src.declared.has(e.symbol) && !src.lacksHeaders) {
        c.compileError(src, Msg.CC_UNKNOWN_MACRO, T.ccUndeclared(e.symbol), e.span, src.file);
        nss.push(null);
        continue;
      }
      nss.push(exportNamespace(c, src, e));
    }
    out.nsOf.push(nss);
    const imps: string[] = [];
    for (let i = 0; i < src.imports.length; i++) {
      const v = importValue(c, src, src.imports[i].arg, src.imports[i].span, src.imports[i].resolved);
      if (v != null) imps.push(v as string);
    }
    out.importsOf.push(imps);
  }
  return out;
}

/** The .ko images (and the obj-y units' exports, which join vmlinux: into `own`). */
function makeImages(c: Ctx, units: BuildUnit[], compiled: Compiled, own: Map<string, Export>): void {
  const res = c.res;
  for (let u = 0; u < units.length; u++) {
    const src = units[u].src;
    const ko = new KoImage(src.name, src.file);
    ko.license = src.license;
    ko.intree = src.intree;
    ko.importNs = compiled.importsOf[u];
    ko.hasInit = src.initFn.length > 0;
    ko.hasExit = src.exitFn.length > 0;
    for (let i = 0; i < src.exports.length; i++) {
      const ns = compiled.nsOf[u][i];
      if (ns == null) continue;
      const d = src.exports[i];
      const e = new Export(d.symbol, units[u].builtin ? "vmlinux" : src.name, d.gpl, ns as string);
      e.macro = d.macro;
      e.written = d.nsArg != null ? (d.nsArg as MacroArg).text : d.defaultNs != null ? (d.defaultNs as MacroArg).text : "";
      e.span = d.span;
      e.ownerPath = src.name;
      if (c.opt.modversions) {
        e.crc = crcOf(src.signatures.has(d.symbol) ? src.signatures.get(d.symbol) : d.symbol);
        e.hasCrc = true;
      }
      ko.exports.push(e);
    }
    res.kos.push(ko);
    res.produced.push(false);
    res.missingNs.push([]);
  }
  for (let u = 0; u < units.length; u++) {
    if (!units[u].builtin) continue;
    const ko = res.kos[u];
    for (let i = 0; i < ko.exports.length; i++) {
      res.builtinExports.push(ko.exports[i]);
      own.set(ko.exports[i].symbol, ko.exports[i]);
    }
  }
}

/** modpost's read_dump(): a table row it takes for a second export of its symbol. The error
 *  stops the build that read the table, not the earlier one that made the table's own
 *  workspace modules (the table is what their users were built against). */
function readDumps(c: Ctx, repeated: RepeatedExport[]): void {
  const r = c.r;
  for (let i = 0; i < repeated.length; i++) {
    const e = repeated[i].row;
    const p = repeated[i].previous;
    // modpost names modules by the table's module column, as written
    const prev = p.owner == "vmlinux" ? "vmlinux" : p.ownerPath + ".ko";
    c.dump(
      e,
      Msg.MODPOST_EXPORTED_TWICE,
      r.exportedTwiceIsError ? Severity.Error : Severity.Warning,
      T.modpostExportedTwice(r, e.ownerPath, e.symbol, prev),
    ).relaxable = false;
  }
}

/** modpost reads the kernel's table, then each module's own exports: a symbol vmlinux
 *  exports already is "exported twice". */
function readExports(c: Ctx, units: BuildUnit[], base: SymbolTable, own: Map<string, Export>): void {
  const r = c.r;
  for (let u = 0; u < units.length; u++) {
    if (units[u].builtin) continue;
    const ko = c.res.kos[u];
    for (let i = 0; i < ko.exports.length; i++) {
      const e = ko.exports[i];
      const prev = base.find(e.symbol);
      if (prev != null && !own.has(e.symbol) && (prev as Export).owner == "vmlinux") {
        const f = c.modpost(
          units[u].src,
          Msg.MODPOST_EXPORTED_TWICE,
          r.exportedTwiceIsError ? Severity.Error : Severity.Warning,
          T.modpostExportedTwice(r, modpostName(r, units[u].object), e.symbol, (prev as Export).owner),
          e.span,
        );
        f.relaxable = false;
      }
      own.set(e.symbol, e);
    }
  }
}

/** Each module's undefined symbols, in the order of its object file, its .ko and modpost. */
function resolveSymbols(c: Ctx, units: BuildUnit[], t: SymbolTable): void {
  const r = c.r;
  for (let u = 0; u < units.length; u++) {
    const src = units[u].src;
    const ko = c.res.kos[u];
    ko.headerCalls = headerCalls(src, t);
    ko.undefinedBySource = undefinedSymbols(src, t);
    const objectOrder = moduleObjectOrder(c, units[u], ko.undefinedBySource, ko.headerCalls);
    c.res.unresolved.push(modpostSymbolOrder(objectOrder, r));
    ko.undefined = linkedSymbolOrder(objectOrder);
    for (let i = 0; i < src.refs.length; i++) {
      const ref = src.refs[i];
      if (!ko.useSpans.has(ref.name)) {
        ko.useSpans.set(ref.name, ref.span);
        if (ref.through.length > 0) ko.useThrough.set(ref.name, ref.through);
      }
    }
  }
}

/** The undefined symbols of the object modpost reads: the compiler's object for a module of
 *  one file, else the `ld -r` of its parts (in link order) that kbuild makes the module's .o. */
function moduleObjectOrder(c: Ctx, unit: BuildUnit, undefinedNames: string[], calls: string[]): string[] {
  if (unit.parts.length == 1) return objectOrderOf(c, unit.parts[0], undefinedNames, calls);
  const wanted = new Set<string>();
  for (let i = 0; i < undefinedNames.length; i++) wanted.add(undefinedNames[i]);
  const all: string[] = [];
  const seen = new Set<string>();
  for (let p = 0; p < unit.parts.length; p++) {
    const part = unit.parts[p];
    const mine: string[] = [];
    for (let i = 0; i < part.refs.length; i++) if (wanted.has(part.refs[i].name)) mine.push(part.refs[i].name);
    const order = objectOrderOf(c, part, mine, calls);
    for (let i = 0; i < order.length; i++)
      if (!seen.has(order[i])) {
        seen.add(order[i]);
        all.push(order[i]);
      }
  }
  return linkedSymbolOrder(all);
}

/** One object file's undefined symbols as gcc, objtool and (before 5.19, for an exporting
 *  object with MODVERSIONS) kbuild's CRC re-link leave them. */
function objectOrderOf(c: Ctx, src: ModuleSource, undefinedNames: string[], calls: string[]): string[] {
  const order = objectSymbolOrder(src, undefinedNames, calls, c.r);
  return c.opt.modversions && c.r.relinksExportingObjects && src.exports.length > 0 ? linkedSymbolOrder(order) : order;
}

/** modpost's read_symbols(): license, description, explicit module: imports. */
function readSymbols(c: Ctx, units: BuildUnit[]): void {
  const r = c.r;
  for (let u = 0; u < units.length; u++) {
    if (units[u].builtin) continue;
    const src = units[u].src;
    const ko = c.res.kos[u];
    if (src.license == null) {
      c.modpost(
        src,
        Msg.MODPOST_NO_LICENSE,
        r.missingLicenseIsError ? Severity.Error : Severity.Warning,
        T.modpostNoLicense(r, units[u].object),
        Span.at(src.file, 1),
      );
    }
    if (r.moduleNamespaces) {
      for (let i = 0; i < ko.importNs.length; i++) {
        const ns = ko.importNs[i];
        if (ns.startsWith(MODULE_NS_PREFIX)) {
          c
            .modpost(src, Msg.MODPOST_IMPORT_MODULE_NS, Severity.Error, T.modpostImportModuleNs(r, units[u].object, ns), importSpan(src, ns))
            .about("", ns).relaxable = false;
        }
      }
    }
    if (r.warnsMissingDescription && !src.hasDescription) {
      if (src.unexpanded.length > 0) {
        // IP_SET_MODULE_DESC(...) of a header ksymns does not carry: gcc, with it, likely finds one
        c.res.findings.push(
          new Finding(
            Stage.Read,
            Severity.Info,
            Msg.READ_HEADER_NOT_BUILTIN,
            "no MODULE_DESCRIPTION() was found, but " +
              src.unexpanded.join("(), ") +
              "(), a macro of a kernel header ksymns does not carry, may give it; without one modpost says: " +
              T.modpostNoDescription(r, units[u].object),
            Span.at(src.file, 1),
            src.name,
          ),
        );
      } else c.modpost(src, Msg.MODPOST_NO_DESCRIPTION, Severity.Warning, T.modpostNoDescription(r, units[u].object), Span.at(src.file, 1));
    }
  }
}

/** modpost's check_exports(), module by module (newest first before 5.19: modpost prepended
 *  to its list): undefined symbols, namespaces not imported, GPL-only symbols; and the
 *  depends= it writes into the .mod.c (add_depends): each exporting module once, in the
 *  order of the symbols, by the last part of its path (make's file name, dashes kept). */
function checkExports(c: Ctx, units: BuildUnit[], t: SymbolTable, hasVmlinux: bool): void {
  const r = c.r;
  const res = c.res;
  const fileOf = new Map<string, string>();
  for (let u = 0; u < units.length; u++) fileOf.set(units[u].src.name, baseName(units[u].object));
  for (let n = 0; n < units.length; n++) {
    const u = r.modpostKeepsOrder ? n : units.length - 1 - n;
    if (units[u].builtin) continue;
    const src = units[u].src;
    const ko = res.kos[u];
    const gplOk = src.license == null || isGplCompatible(src.license as string);
    const unresolved = res.unresolved[u];
    for (let i = 0; i < unresolved.length; i++) {
      const sym = unresolved[i];
      const span = ko.useSpans.has(sym) ? ko.useSpans.get(sym) : Span.at(src.file, 1);
      const through = ko.useThrough.has(sym) ? ko.useThrough.get(sym) : NO_STEPS;
      if (!t.has(sym)) {
        if (hasVmlinux)
          c.modpost(src, Msg.MODPOST_UNDEFINED, Severity.Error, T.modpostUndefined(r, units[u].object, sym, false), span)
            .about(sym, "")
            .reachedThrough(through);
        continue;
      }
      const e = t.get(sym);
      if (e.owner != "vmlinux" && e.owner != src.name) {
        const dep = fileOf.has(e.owner) ? fileOf.get(e.owner) : baseName(e.ownerPath.length > 0 ? e.ownerPath : e.owner);
        if (!ko.depends.includes(dep)) ko.depends.push(dep);
      }
      if (c.opt.modversions && e.hasCrc) ko.versions.set(sym, e.crc);
      if (e.ns.length > 0 && !ko.importNs.includes(e.ns) && !(r.moduleNamespaces && moduleNamespaceAllows(e.ns, baseName(units[u].object), false))) {
        const warn = c.opt.allowMissingNsImports || !r.missingNsIsError;
        const f = c.modpost(
          src,
          Msg.MODPOST_NS_NOT_IMPORTED,
          warn ? Severity.Warning : Severity.Error,
          T.modpostNsNotImported(r, units[u].object, sym, e.ns, warn),
          span,
        );
        f.about(sym, e.ns).reachedThrough(through);
        if (!e.span.isNone()) f.withRelated(e.span, "exported here into namespace " + e.ns);
        if (!res.missingNs[u].includes(e.ns)) res.missingNs[u].push(e.ns);
      }
      if (!gplOk && e.gpl) {
        const f = c.modpost(src, Msg.MODPOST_GPL_ONLY, Severity.Error, T.modpostGplOnly(r, units[u].object, sym), span);
        f.about(sym, e.ns).reachedThrough(through);
        if (!e.span.isNone()) f.withRelated(e.span, "exported GPL-only here");
      }
    }
  }
}

const NO_STEPS: InlineStep[] = [];

/** The exporter's generated .mod.c of 6.5–6.12 cannot hold a quoted namespace; true when
 *  one failed to compile. */
function compileModC(c: Ctx, units: BuildUnit[]): bool {
  if (!c.r.exportsGeneratedByModpost || c.r.nsIsString) return false;
  let failed = false;
  for (let u = 0; u < units.length; u++) {
    const ko = c.res.kos[u];
    for (let i = 0; i < ko.exports.length; i++) {
      const ns = ko.exports[i].ns;
      if (ns.startsWith('"')) {
        c.compileError(
          units[u].src,
          Msg.CC_NS_QUOTED_TWICE,
          T.ccExpectedParenBefore("'" + ns.substring(1, ns.length - 1) + "'"),
          ko.exports[i].span,
          units[u].object + ".mod.c",
        );
        failed = true;
      }
    }
  }
  return failed;
}

/** Which .ko files make writes: none after an error, unless the relaxed build (KBUILD_MODPOST_WARN=1,
 *  -N and the license patch) gets past every error there was. */
function decideProduced(c: Ctx, units: BuildUnit[], modcFailed: bool): void {
  const res = c.res;
  let hard = false;
  for (let i = 0; i < res.findings.length; i++) {
    const f = res.findings[i];
    if (f.stage == Stage.Modpost && f.severity == Severity.Error && !f.relaxable && !c.dumpErrors.includes(f)) hard = true;
  }
  for (let u = 0; u < units.length; u++) {
    if (units[u].builtin) continue;
    // no relaxed build gets past a table's error (KBUILD_MODPOST_WARN keeps it an error)
    const dumpStops = c.dumpErrors.length > 0 && !c.dumpOwners.has(units[u].src.name);
    const failed = c.moduleFailed || dumpStops;
    res.produced[u] = !modcFailed && (!failed || (c.opt.relaxed && !hard && !dumpStops));
  }
}

/** The last part of a path: modpost matches `module:` namespaces against the module's own
 *  name as its object file writes it (`kvm-intel`, where the loader says `kvm_intel`). */
function baseName(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash >= 0 ? path.substring(slash + 1) : path;
}

function modpostName(r: Rules, mod: string): string {
  return r.modpostRelativePaths ? mod : "<M>/" + mod;
}

function importSpan(src: ModuleSource, ns: string): Span {
  for (let i = 0; i < src.imports.length; i++) {
    const a = src.imports[i].arg;
    if (a.value == ns || '"' + a.value + '"' == ns || a.text == ns) return src.imports[i].span;
  }
  return Span.at(src.file, 1);
}
