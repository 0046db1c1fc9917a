// What one C translation unit says about symbols — the module facts the build consumes:
// exports, imports, license, description, init/exit, definitions and declarations, the
// symbols its object file references (with where), and the order gcc's assembly mentions them.

import { Severity } from "../../../shared/codes";
import { Finding, InlineStep, Span } from "../../diagnostics";
import { copyMap, copySet } from "../../util/maps";

/** A macro argument as written: one string literal, or an identifier, or anything else. */
export class MacroArg {
  constructor(
    public text: string,
    public isString: bool,
    public isIdent: bool,
    public value: string,
    public span: Span,
  ) {}
}

/** One EXPORT_SYMBOL* use. */
export class ExportDecl {
  /** DEFAULT_SYMBOL_NAMESPACE in force where this export stands (from #define or Kbuild). */
  defaultNs: MacroArg | null = null;
  /** The namespace as the object file records it, when the reader read it from there (a
   *  preprocessed file's export asm): the release's rules were applied already. */
  resolvedNs: string | null = null;
  constructor(
    public macro: string,
    public symbol: string,
    public gpl: bool,
    public nsArg: MacroArg | null,
    public forModules: bool,
    public span: Span,
  ) {}

  copy(): ExportDecl {
    const c = new ExportDecl(this.macro, this.symbol, this.gpl, this.nsArg, this.forModules, this.span);
    c.defaultNs = this.defaultNs;
    c.resolvedNs = this.resolvedNs;
    return c;
  }
}

/** One MODULE_IMPORT_NS. */
export class ImportDecl {
  /** Read from a preprocessed file's .modinfo: `arg.value` is final. */
  resolved: bool = false;
  constructor(
    public arg: MacroArg,
    public span: Span,
  ) {}

  copy(): ImportDecl {
    const c = new ImportDecl(this.arg, this.span);
    c.resolved = this.resolved;
    return c;
  }
}

/** A symbol the object file references, at its first reference. `via` names the inline
 *  function (as called from the module's own code) through which the reference was reached;
 *  `compiler` marks symbols gcc emits by itself (__fentry__, ...), which have no span. */
export class SymbolRef {
  /** The inline functions it is reached through, outermost first (none: the file's own code). */
  through: InlineStep[] = [];
  compiler: bool = false;
  constructor(
    public name: string,
    public isCall: bool,
    public span: Span,
  ) {}

  copy(): SymbolRef {
    const c = new SymbolRef(this.name, this.isCall, this.span);
    c.through = this.through.slice(0);
    c.compiler = this.compiler;
    return c;
  }
}

/** What gcc printed while compiling the file (its preprocessor's errors and warnings):
 *  `chain` is the "In file included from" lines, `where` the "file:line:col: " before the
 *  message ("" for none), `text` the message ("error: #error no"). */
export class CompilerMessage {
  constructor(
    public severity: Severity,
    public chain: string,
    public where: string,
    public text: string,
    public span: Span,
  ) {}
}

/** One name gcc reports, at its first use in a function (or at file scope). */
export class UndeclaredUse {
  /** The column gcc prints (gcc 11+ counts a tab to the next multiple of 8); set by the
   *  translation, which has the line's text. */
  displayCol: i32 = 0;
  /** A C library function gcc has as a built-in: the header gcc names ("" for none), and
   *  whether its type is not the implicit `int ()` (gcc warns of the mismatch). */
  header: string = "";
  mismatch: bool = false;
  /** A later call of such a built-in out of the blocks of its earlier implicit declarations:
   *  gcc declares it again, with the mismatch warning but no error. */
  redeclared: bool = false;
  /** Where gcc would add the #include: the line after the main file's last one entered (set
   *  by the translation). */
  includeLine: i32 = 0;
  /** Its token: source order among the unit's errors. */
  tok: i32 = 0;
  /** gcc's "In file included from" lines for its file ("" in the main file; set by the
   *  translation). */
  includedFrom: string = "";
  constructor(
    public name: string,
    public span: Span,
    /** Called: an implicit declaration of a function. */
    public call: bool,
    /** The function whose body holds it ("" at file scope). */
    public fn: string,
    /** The closest declared name so far, before macros ("" for none), and its distance. */
    public closest: string,
    public distance: i32,
  ) {}
}

/** A member its record does not have (read with the real headers): gcc's error. */
export class MissingMember {
  /** The column gcc prints for `at` (set by the translation, which has the line's text). */
  displayCol: i32 = 0;
  /** The member's token: source order among the unit's errors. */
  tok: i32 = 0;
  /** gcc's "In file included from" lines for its file ("" in the main file). */
  includedFrom: string = "";
  /** A designator's value that no member was left for: "struct" or "union" (gcc's excess
   *  elements warning, at `excessAt`, near the object `nearObject`), or "". */
  excess: string = "";
  /** An initializer's designator (gcc skips it and keeps the value), not a use in an expression. */
  designator: bool = false;
  /** The record is only declared, never defined: gcc's "invalid use of undefined type" (no member named). */
  undefinedType: bool = false;
  excessAt: Span | null = null;
  excessCol: i32 = 0;
  nearObject: string = "";
  constructor(
    public member: string,
    /** The record's type as gcc spells it, quoted (`'struct uart_state'`, `'const struct
     *  drv'`, `'foo_t' {aka 'struct foo'}`). */
    public record: string,
    /** The member as written. */
    public span: Span,
    /** Where gcc points: the member when it suggests another, else the `.` or `->`. */
    public at: Span,
    /** The function whose body holds it ("" at file scope). */
    public fn: string,
    /** The closest member gcc suggests ("" for none). */
    public suggestion: string,
  ) {}
}

/** A function that runs off its end because gcc dropped its last `return` (its value had an
 *  error): kbuild's -Werror=return-type error at the closing brace. */
export class FallsOffEnd {
  displayCol: i32 = 0;
  /** gcc's "In file included from" lines for its file ("" in the main file). */
  includedFrom: string = "";
  constructor(
    public fn: string,
    /** The body's closing brace. */
    public span: Span,
  ) {}
}

/** A function with external linkage defined without a previous prototype: gcc's
 *  -Wmissing-prototypes warning at its name (prototypes.ts). */
export class Unprototyped {
  displayCol: i32 = 0;
  tok: i32 = 0;
  /** gcc's "In file included from" lines for its file ("" in the main file). */
  includedFrom: string = "";
  constructor(
    public fn: string,
    public span: Span,
  ) {}
}

/** A macro invocation written in a workspace file: what it expands to and where the macro
 *  is defined (its file as gcc names it and line; "" for a built-in or -D macro). */
export class MacroUse {
  constructor(
    public macro: string,
    public span: Span,
    public expansion: string,
    public defFile: string,
    public defLine: i32,
  ) {}
}

/** What the preprocessor saw of the workspace's files, for the editor: lines left out by
 *  conditionals (one Span a range of whole lines) and macro invocations. */
export class PreprocessedView {
  inactive: Span[] = [];
  macros: MacroUse[] = [];
}

/** Where gcc's assembly output puts a piece of code or data. */
export enum AsmPart {
  Function = 0,
  ExitFunction = 1,
  Data = 2,
}

/** A name as gcc's assembly output first mentions it in one part: a call after its arguments
 *  (the last evaluated first), anything else where it stands. `at` counts in that order;
 *  `defines` marks the definition of a global. */
export class AsmRef {
  constructor(
    public name: string,
    public part: AsmPart,
    public at: i32,
    public defines: bool,
  ) {}

  copy(): AsmRef {
    return new AsmRef(this.name, this.part, this.at, this.defines);
  }
}

/** What one C file declares about symbols. */
export class ModuleSource {
  license: string | null = null;
  licenseSpan: Span = Span.none();
  hasDescription: bool = false;
  intree: bool = false;
  /** MODULE_SOFTDEP values (modinfo softdep=), in the order written, and where. */
  softdeps: string[] = [];
  softdepSpans: Span[] = [];
  exports: ExportDecl[] = [];
  imports: ImportDecl[] = [];
  /** The symbols the object file references and does not define: undefined-symbol
   *  candidates in order of first use (sim/build.ts decides which are undefined). */
  refs: SymbolRef[] = [];
  /** Functions and variables defined at file scope, with their span. */
  defined: Map<string, Span> = new Map();
  /** Prototypes and extern declarations (not definitions). */
  declared: Map<string, Span> = new Map();
  /** The declaration text of each defined or declared name (input to the CRC). */
  signatures: Map<string, string> = new Map();
  macros: Set<string> = new Set();
  /** Names in the order the compiler's assembly output mentions them (sim/symorder.ts). */
  asm: AsmRef[] = [];
  initFn: string = "";
  exitFn: string = "";
  findings: Finding[] = [];
  /** What the preprocessor saw (null for a file read without it). */
  preprocessed: PreprocessedView | null = null;
  /** gcc's own messages (its preprocessor's), printed in the build log. */
  compiler: CompilerMessage[] = [];
  /** Names nothing declares (read with the real headers): gcc's errors, in source order,
   *  each where gcc reports it (undeclared.ts). */
  undeclared: UndeclaredUse[] = [];
  /** Members records do not have (read with the real headers): gcc's errors, in source order
   *  (nomember.ts). */
  missingMembers: MissingMember[] = [];
  /** Functions gcc's dropped returns leave running off their end (droppedreturns.ts). */
  fallsOff: FallsOffEnd[] = [];
  /** Functions with external linkage defined without a previous prototype (prototypes.ts). */
  unprototyped: Unprototyped[] = [];
  /** The line after the MODULE_LICENSE statement, where `make nsdeps` adds imports. */
  importInsertLine: i32 = 0;
  /** True when the file was a preprocessed translation unit (headers expanded). */
  expanded: bool = false;
  /** Some header it includes was not found: a name only that header declares reads as
   *  undeclared here, which gcc (given the header) would not say. */
  lacksHeaders: bool = false;
  /** Names written at file scope as `NAME(..."text"...);` that no macro expanded: most likely
   *  macros of a header that was not found (a module-info macro such as IP_SET_MODULE_DESC). */
  unexpanded: string[] = [];
  constructor(
    public file: string,
    public name: string,
  ) {}

  /** A copy whose later changes leave this one as it was (the reader's checkpoint). */
  copy(): ModuleSource {
    const c = new ModuleSource(this.file, this.name);
    c.license = this.license;
    c.licenseSpan = this.licenseSpan;
    c.hasDescription = this.hasDescription;
    c.intree = this.intree;
    c.softdeps = this.softdeps.slice(0);
    c.softdepSpans = this.softdepSpans.slice(0);
    for (let i = 0; i < this.exports.length; i++) c.exports.push(this.exports[i].copy());
    for (let i = 0; i < this.imports.length; i++) c.imports.push(this.imports[i].copy());
    for (let i = 0; i < this.refs.length; i++) c.refs.push(this.refs[i].copy());
    c.defined = copyMap(this.defined);
    c.declared = copyMap(this.declared);
    c.signatures = copyMap(this.signatures);
    c.macros = copySet(this.macros);
    for (let i = 0; i < this.asm.length; i++) c.asm.push(this.asm[i].copy());
    c.initFn = this.initFn;
    c.exitFn = this.exitFn;
    for (let i = 0; i < this.findings.length; i++) c.findings.push(this.findings[i].copy());
    c.preprocessed = this.preprocessed;
    c.compiler = this.compiler.slice(0);
    c.undeclared = this.undeclared.slice(0);
    c.missingMembers = this.missingMembers.slice(0);
    c.fallsOff = this.fallsOff.slice(0);
    c.unprototyped = this.unprototyped.slice(0);
    c.importInsertLine = this.importInsertLine;
    c.expanded = this.expanded;
    c.lacksHeaders = this.lacksHeaders;
    c.unexpanded = this.unexpanded.slice(0);
    return c;
  }
}

/** Module name from a file name: basename without `.c`, `-` → `_` (the kernel's rule). */
export function moduleNameOf(file: string): string {
  let base = file;
  const slash = base.lastIndexOf("/");
  if (slash >= 0) base = base.substring(slash + 1);
  const dot = base.lastIndexOf(".");
  if (dot > 0) base = base.substring(0, dot);
  return base.replaceAll("-", "_");
}

function isWordChar(c: i32): bool {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c == 95 || (c >= 48 && c <= 57);
}

/** A namespace value as written in a -D flag or a #define: `"NS"`, `'"NS"'`, `NS`. */
export function argFromText(raw: string, span: Span): MacroArg {
  let v = raw.trim();
  if (v.length >= 2 && v.charCodeAt(0) == 39 && v.charCodeAt(v.length - 1) == 39) v = v.substring(1, v.length - 1); // shell quotes
  if (v.length >= 2 && v.charCodeAt(0) == 34 && v.charCodeAt(v.length - 1) == 34) {
    return new MacroArg(v, true, false, v.substring(1, v.length - 1), span);
  }
  let ident = v.length > 0;
  for (let i = 0; i < v.length; i++)
    if (!isWordChar(v.charCodeAt(i))) {
      ident = false;
      break;
    }
  return new MacroArg(v, false, ident, v, span);
}
