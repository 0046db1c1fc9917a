// The toy C reader: what a module's source says about symbols (exports, imports, license,
// definitions, undefined uses), as include/linux/{export,module}.h would make of it.
// Comments, strings and preprocessor lines never produce uses.

import { Msg, Severity, Stage } from "../../shared/codes";
import { Finding, Span } from "../diagnostics";
import { lexC, LexIssue, stringBody, Tok, Token } from "./lexer";

/** A macro argument as written: one string literal, or an identifier, or anything else. */
export class MacroArg {
  constructor(public text: string, public isString: bool, public isIdent: bool, public value: string, public span: Span) {}
}

/** One EXPORT_SYMBOL* use. */
export class ExportDecl {
  /** DEFAULT_SYMBOL_NAMESPACE in force where this export stands (from #define or Kbuild). */
  defaultNs: MacroArg | null = null;
  constructor(
    public macro: string,
    public symbol: string,
    public gpl: bool,
    public nsArg: MacroArg | null,
    public forModules: bool,
    public span: Span,
  ) {}
}

/** One MODULE_IMPORT_NS. */
export class ImportDecl {
  constructor(public arg: MacroArg, public span: Span) {}
}

/** A symbol the file refers to, at its first reference. */
export class SymbolRef {
  constructor(public name: string, public isCall: bool, public span: Span) {}
}

/** Where gcc's assembly output puts a piece of code or data. */
export enum AsmPart { Function = 0, ExitFunction = 1, Data = 2 }

/** A name as gcc's assembly output first mentions it in one part: a call after its arguments
 *  (the last evaluated first), anything else where it stands. `at` counts in that order;
 *  `defines` marks the definition of a global. */
export class AsmRef {
  constructor(public name: string, public part: AsmPart, public at: i32, public defines: bool) {}
}

/** A call in a body whose ")" has not come yet: the names of its arguments, one list each. */
class PendingCall {
  args: string[][] = [[]];
  constructor(public name: string, public depth: i32) {}
  /** Argument names last argument first, then the call itself. */
  emitted(): string[] {
    const out: string[] = [];
    for (let i = this.args.length - 1; i >= 0; i--) for (let j = 0; j < this.args[i].length; j++) out.push(this.args[i][j]);
    out.push(this.name);
    return out;
  }
}
const MAX_CALL_NESTING = 32;

/** What one C file declares about symbols. */
export class ModuleSource {
  license: string | null = null;
  licenseSpan: Span = Span.none();
  hasDescription: bool = false;
  intree: bool = false;
  exports: ExportDecl[] = [];
  imports: ImportDecl[] = [];
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
  /** The line after the MODULE_LICENSE statement, where `make nsdeps` adds imports. */
  importInsertLine: i32 = 0;
  constructor(public file: string, public name: string) {}
}

const EXPORT_MACROS: string[] = [
  "EXPORT_SYMBOL", "EXPORT_SYMBOL_GPL", "EXPORT_SYMBOL_NS", "EXPORT_SYMBOL_NS_GPL",
  "EXPORT_SYMBOL_GPL_FOR_MODULES", "EXPORT_SYMBOL_FOR_MODULES",
];

const C_KEYWORDS: string[] = [
  "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else", "enum",
  "extern", "float", "for", "goto", "if", "inline", "int", "long", "register", "restrict", "return",
  "short", "signed", "sizeof", "static", "struct", "switch", "typedef", "union", "unsigned", "void",
  "volatile", "while", "_Bool", "bool", "typeof", "__typeof__", "asm", "__asm__", "_Static_assert",
  "static_assert", "__attribute__", "__always_inline", "noinline", "__init", "__exit", "__initdata",
  "__exitdata", "__user", "__iomem", "__rcu", "__percpu", "__force", "__must_check", "__maybe_unused",
  "__used", "__cold", "__read_mostly", "__ro_after_init", "alignof", "_Alignof", "__builtin_expect",
  "offsetof", "true", "false", "NULL", "THIS_MODULE", "KBUILD_MODNAME", "__func__", "__FUNCTION__",
  "__LINE__", "__FILE__", "__VA_ARGS__", "defined",
];

let keywordSet: Set<string> | null = null;
function isKeyword(s: string): bool {
  if (keywordSet == null) {
    const k = new Set<string>();
    for (let i = 0; i < C_KEYWORDS.length; i++) k.add(C_KEYWORDS[i]);
    keywordSet = k;
  }
  return (keywordSet as Set<string>).has(s);
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

function spanOf(file: string, a: Token, b: Token): Span {
  return new Span(file, a.line, a.col, b.endLine, b.endCol);
}

/** Reads one C file. `defaultNs` is DEFAULT_SYMBOL_NAMESPACE from Kbuild flags, if any. */
export function readToyC(file: string, src: string, defaultNs: MacroArg | null): ModuleSource {
  const mod = new ModuleSource(file, moduleNameOf(file));
  const issues: LexIssue[] = [];
  const toks = withoutDeadCode(lexC(src, issues));
  for (let i = 0; i < issues.length; i++) {
    mod.findings.push(new Finding(Stage.Read, Severity.Warning, Msg.READ_UNBALANCED, issues[i].message, Span.at(file, issues[i].line)));
  }
  const r = new Reader(mod, toks, defaultNs);
  r.run();
  return mod;
}

/** Drops what `#if 0` … `#else`/`#elif`/`#endif` hides: dead code is never compiled, so it
 *  neither defines nor uses anything. Other conditionals are kept whole: both branches count. */
function withoutDeadCode(toks: Token[]): Token[] {
  const out: Token[] = [];
  let depth = 0; // nesting inside a dead region
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.kind == Tok.Directive) {
      const d = t.text.substring(1).trim();
      if (depth > 0) {
        if (d.startsWith("if")) depth++;
        else if (d.startsWith("endif")) depth--;
        else if (depth == 1 && (d.startsWith("else") || d.startsWith("elif"))) depth = 0;
        continue;
      }
      if (d == "if 0" || d.startsWith("if 0 ") || d.startsWith("if 0/") || d == "if (0)") { depth = 1; continue; }
    } else if (depth > 0 && t.kind != Tok.End) continue;
    out.push(t);
  }
  return out;
}

class Reader {
  i: i32 = 0;
  curDefault: MacroArg | null;
  refSeen: Set<string> = new Set();
  asmSeen: Set<string> = new Set();
  constructor(public mod: ModuleSource, public t: Token[], defaultNs: MacroArg | null) {
    this.curDefault = defaultNs;
  }

  peek(k: i32 = 0): Token {
    const j = this.i + k;
    return j < this.t.length ? this.t[j] : this.t[this.t.length - 1];
  }

  run(): void {
    // file scope: a sequence of directives, macro statements, declarations and definitions
    while (this.peek().kind != Tok.End) {
      const tok = this.peek();
      if (tok.kind == Tok.Directive) { this.directive(tok); this.i++; continue; }
      if (tok.kind == Tok.Punct && (tok.text == ";" || tok.text == "}")) {
        if (tok.text == "}") this.finding(Severity.Warning, Msg.READ_UNBALANCED, "unbalanced '}' at file scope", tok, tok);
        this.i++;
        continue;
      }
      if (tok.kind == Tok.Ident && this.peek(1).kind == Tok.Punct && this.peek(1).text == "(" && this.macroStatement(tok)) continue;
      this.declaration();
    }
  }

  finding(sev: Severity, id: Msg, text: string, a: Token, b: Token): void {
    this.mod.findings.push(new Finding(Stage.Read, sev, id, text, spanOf(this.mod.file, a, b), this.mod.name));
  }

  directive(tok: Token): void {
    const body = tok.text.substring(1).trim();
    let j = 0;
    while (j < body.length && isWordChar(body.charCodeAt(j))) j++;
    const name = body.substring(0, j);
    const rest = body.substring(j).trim();
    if (name == "define") {
      let k = 0;
      while (k < rest.length && isWordChar(rest.charCodeAt(k))) k++;
      const macro = rest.substring(0, k);
      if (macro.length == 0) return;
      this.mod.macros.add(macro);
      if (macro == "DEFAULT_SYMBOL_NAMESPACE") {
        const value = rest.substring(k).trim();
        const span = new Span(this.mod.file, tok.line, tok.col, tok.endLine, tok.endCol);
        this.curDefault = argFromText(value, span);
      }
    } else if (name == "undef") {
      if (rest == "DEFAULT_SYMBOL_NAMESPACE") this.curDefault = null;
    }
  }

  /** Index of the token closing the group opened at `open` (or the End token). */
  matchClose(open: i32): i32 {
    let depth = 0;
    for (let j = open; j < this.t.length; j++) {
      const k = this.t[j];
      if (k.kind == Tok.End) return j;
      if (k.kind != Tok.Punct) continue;
      if (k.text == "(" || k.text == "[" || k.text == "{") depth++;
      else if (k.text == ")" || k.text == "]" || k.text == "}") { depth--; if (depth == 0) return j; }
    }
    return this.t.length - 1;
  }

  /** Comma-separated arguments of the call whose "(" is at `open`, as token ranges. */
  splitArgs(open: i32, close: i32): i32[] {
    const bounds: i32[] = [open + 1];
    let depth = 0;
    for (let j = open + 1; j < close; j++) {
      const k = this.t[j];
      if (k.kind != Tok.Punct) continue;
      if (k.text == "(" || k.text == "[" || k.text == "{") depth++;
      else if (k.text == ")" || k.text == "]" || k.text == "}") depth--;
      else if (k.text == "," && depth == 0) bounds.push(j + 1);
    }
    bounds.push(close + 1);
    return bounds;
  }

  argAt(bounds: i32[], n: i32): MacroArg | null {
    if (n + 1 >= bounds.length) return null;
    const a = bounds[n], b = bounds[n + 1] - 2; // b: last token of the argument
    if (b < a) return null;
    const first = this.t[a], last = this.t[b];
    const span = spanOf(this.mod.file, first, last);
    let allStrings = true;
    const texts: string[] = [];
    const values: string[] = [];
    for (let j = a; j <= b; j++) {
      texts.push(this.t[j].text);
      if (this.t[j].kind != Tok.String) allStrings = false; else values.push(stringBody(this.t[j].text));
    }
    const text = texts.join(allStrings ? " " : "");
    if (allStrings) return new MacroArg(text, true, false, values.join(""), span);
    const isIdent = a == b && first.kind == Tok.Ident;
    return new MacroArg(text, false, isIdent, text, span);
  }

  /** MODULE_* and EXPORT_* statements at file scope. Returns false when `tok` is not one. */
  macroStatement(tok: Token): bool {
    const name = tok.text;
    const isExport = EXPORT_MACROS.includes(name) || (name.startsWith("EXPORT_SYMBOL") && name.length > 13);
    const known = isExport || name.startsWith("MODULE_") || name == "module_init" || name == "module_exit" ||
      (name.startsWith("module_") && name.endsWith("_driver"));
    if (!known) return false;
    const open = this.i + 1;
    const close = this.matchClose(open);
    const bounds = this.splitArgs(open, close);
    const nargs = bounds.length - 1;
    const closeTok = this.t[close];
    const span = spanOf(this.mod.file, tok, closeTok);
    this.i = close + 1;
    if (this.peek().kind == Tok.Punct && this.peek().text == ";") this.i++;
    if (closeTok.kind == Tok.End) {
      this.finding(Severity.Error, Msg.READ_UNBALANCED, "unterminated argument list of " + name, tok, tok);
      return true;
    }
    if (isExport) { this.exportStatement(name, bounds, nargs, span, tok); return true; }
    const a0 = this.argAt(bounds, 0);
    if (name == "MODULE_LICENSE") {
      if (a0 != null && a0.isString) {
        this.mod.license = a0.value;
        this.mod.licenseSpan = span;
        this.mod.importInsertLine = closeTok.endLine + 1;
      } else this.badArgs(name, "a string literal", tok, closeTok);
    } else if (name == "MODULE_IMPORT_NS") {
      if (a0 != null && nargs == 1) this.mod.imports.push(new ImportDecl(a0, span));
      else this.badArgs(name, "one namespace", tok, closeTok);
    } else if (name == "MODULE_DESCRIPTION") {
      this.mod.hasDescription = true;
    } else if (name == "MODULE_INFO") {
      const a1 = this.argAt(bounds, 1);
      if (a0 != null && a1 != null && a0.text == "intree" && a1.isString && a1.value == "Y") this.mod.intree = true;
    } else if (name == "module_init") {
      if (a0 != null) this.mod.initFn = a0.text;
      if (a0 != null && a0.isIdent) this.ref(a0.text, false, a0.span);
    } else if (name == "module_exit") {
      if (a0 != null) this.mod.exitFn = a0.text;
      if (a0 != null && a0.isIdent) this.ref(a0.text, false, a0.span);
    } else if (name.startsWith("module_") && name.endsWith("_driver")) {
      if (a0 != null) this.mod.initFn = a0.text;
    }
    return true;
  }

  badArgs(name: string, expected: string, a: Token, b: Token): void {
    this.finding(Severity.Warning, Msg.READ_BAD_MACRO_ARGS, name + " expects " + expected + "; this use is ignored", a, b);
  }

  exportStatement(macro: string, bounds: i32[], nargs: i32, span: Span, tok: Token): void {
    const known = EXPORT_MACROS.includes(macro);
    if (!known) {
      this.finding(Severity.Warning, Msg.READ_UNKNOWN_EXPORT_MACRO, "unknown export macro " + macro + "; no kernel defines it", tok, tok);
      return;
    }
    const wantsNs = macro.includes("_NS") || macro.includes("FOR_MODULES");
    const sym = this.argAt(bounds, 0);
    if (sym == null || !sym.isIdent || nargs != (wantsNs ? 2 : 1)) {
      this.badArgs(macro, wantsNs ? "a symbol and a namespace" : "one symbol", tok, tok);
      return;
    }
    const ns = wantsNs ? this.argAt(bounds, 1) : null;
    const gpl = macro.includes("GPL") || macro.includes("FOR_MODULES");
    const e = new ExportDecl(macro, sym.text, gpl, ns, macro.includes("FOR_MODULES"), span);
    e.defaultNs = this.curDefault;
    this.mod.exports.push(e);
    this.ref(sym.text, false, sym.span);
  }

  /** A declaration or definition at file scope, up to its ";" or function body. */
  declaration(): void {
    const start = this.i;
    let sawAssign = false;
    let firstParen = -1;
    let sawExtern = false;
    let sawTypedef = false;
    while (true) {
      const k = this.peek();
      if (k.kind == Tok.End) break;
      if (k.kind == Tok.Directive) { this.directive(k); this.i++; continue; }
      if (k.kind == Tok.Ident && k.text == "extern") sawExtern = true;
      if (k.kind == Tok.Ident && k.text == "typedef") sawTypedef = true;
      if (k.kind == Tok.Punct) {
        if (k.text == ";") { this.i++; break; }
        if (k.text == "=") { sawAssign = true; this.i++; continue; }
        if (k.text == "(") {
          if (firstParen < 0 && !sawAssign) firstParen = this.i;
          const close = this.matchClose(this.i);
          if (sawAssign) this.scanRefs(this.i, close, AsmPart.Data);
          this.i = close + 1;
          continue;
        }
        if (k.text == "[") { const close = this.matchClose(this.i); if (sawAssign) this.scanRefs(this.i, close, AsmPart.Data); this.i = close + 1; continue; }
        if (k.text == "{") {
          const close = this.matchClose(this.i);
          if (!sawAssign && firstParen >= 0 && !sawTypedef) {
            // a function definition
            const nameTok = this.nameBefore(start, firstParen);
            const part = this.hasWord(start, firstParen, "__exit") ? AsmPart.ExitFunction : AsmPart.Function;
            if (nameTok != null) {
              this.define(nameTok, this.signatureText(start, firstParen));
              if (!this.hasWord(start, firstParen, "static")) this.asmRef((nameTok as Token).text, part, true);
            }
            this.scanRefs(this.i, close, part);
            this.i = close + 1;
            return;
          }
          if (sawAssign) this.scanRefs(this.i, close, AsmPart.Data);
          this.i = close + 1;
          continue;
        }
        if (k.text == ")" || k.text == "]" || k.text == "}") {
          this.finding(Severity.Warning, Msg.READ_UNBALANCED, "unbalanced '" + k.text + "'", k, k);
          this.i++;
          if (k.text == "}") break;
          continue;
        }
      }
      this.i++;
    }
    const end = this.i - 1;
    if (sawTypedef) return;
    // a declaration: a prototype, an extern, or a variable definition
    if (firstParen >= 0) {
      const nameTok = this.nameBefore(start, firstParen);
      if (nameTok == null) return;
      // a lower-case macro invocation such as module_param(x, int, 0644) also lands here; harmless
      if (!this.mod.declared.has(nameTok.text)) this.mod.declared.set(nameTok.text, spanOf(this.mod.file, nameTok, nameTok));
      if (!this.mod.signatures.has(nameTok.text)) this.mod.signatures.set(nameTok.text, this.signatureText(start, end));
      return;
    }
    // variables: the identifier before "=", "[" or ";" (first declarator only is enough)
    let nameTok: Token | null = null;
    for (let j = start; j <= end && j < this.t.length; j++) {
      const k = this.t[j];
      if (k.kind == Tok.Punct && (k.text == "=" || k.text == "[" || k.text == ";" || k.text == ",")) break;
      if (k.kind == Tok.Ident && !isKeyword(k.text)) nameTok = k;
    }
    if (nameTok == null) return;
    const tokName = (nameTok as Token).text;
    if (sawExtern) {
      if (!this.mod.declared.has(tokName)) this.mod.declared.set(tokName, spanOf(this.mod.file, nameTok as Token, nameTok as Token));
      this.mod.signatures.set(tokName, this.signatureText(start, end));
    } else if (isUpper(tokName) && start < end && this.t[start + 1].kind == Tok.Punct && this.t[start + 1].text == "(") {
      // DEFINE_MUTEX(x); and friends
    } else {
      this.define(nameTok as Token, this.signatureText(start, end));
      if (!this.hasWord(start, end, "static")) this.asmRef(tokName, AsmPart.Data, true);
    }
  }

  hasWord(a: i32, b: i32, word: string): bool {
    for (let j = a; j < b && j < this.t.length; j++) if (this.t[j].kind == Tok.Ident && this.t[j].text == word) return true;
    return false;
  }

  asmRef(name: string, part: AsmPart, defines: bool): void {
    const key = name + "\n" + part.toString();
    if (this.asmSeen.has(key)) return;
    this.asmSeen.add(key);
    this.mod.asm.push(new AsmRef(name, part, this.mod.asm.length, defines));
  }

  define(nameTok: Token, sig: string): void {
    if (!this.mod.defined.has(nameTok.text)) this.mod.defined.set(nameTok.text, spanOf(this.mod.file, nameTok, nameTok));
    this.mod.signatures.set(nameTok.text, sig);
  }

  /** The identifier naming the declarator whose parameter list opens at `paren`. */
  nameBefore(start: i32, paren: i32): Token | null {
    for (let j = paren - 1; j >= start; j--) {
      const k = this.t[j];
      if (k.kind == Tok.Ident && !isKeyword(k.text)) return k;
      if (k.kind == Tok.Punct && k.text == "*") continue;
      if (k.kind == Tok.Ident) continue;
      break;
    }
    return null;
  }

  signatureText(a: i32, b: i32): string {
    const parts: string[] = [];
    let depth = 0;
    for (let j = a; j <= b && j < this.t.length; j++) {
      const k = this.t[j];
      if (k.kind == Tok.Directive || k.kind == Tok.End) continue;
      if (k.kind == Tok.Punct && k.text == "{" ) { depth++; continue; }
      if (k.kind == Tok.Punct && k.text == "}") { depth--; continue; }
      if (depth > 0) continue;
      if (k.kind == Tok.Ident && (k.text == "static" || k.text == "extern" || k.text == "inline" || k.text == "__init" || k.text == "__exit")) continue;
      parts.push(k.text);
    }
    return parts.join(" ");
  }

  /** Identifiers referenced between two token indexes (a body or an initializer). */
  scanRefs(a: i32, b: i32, part: AsmPart): void {
    // A call is emitted after its arguments, and gcc evaluates those last one first: calls
    // wait in `open` until their ")" (nesting deeper than MAX_CALL_NESTING is emitted at once).
    const open: PendingCall[] = [];
    let depth = 0;
    for (let j = a; j <= b && j < this.t.length; j++) {
      const k = this.t[j];
      if (k.kind == Tok.Directive) { this.directive(k); continue; }
      if (k.kind == Tok.Punct) {
        if (k.text == "(") depth++;
        else if (k.text == "," && open.length > 0 && open[open.length - 1].depth == depth - 1) open[open.length - 1].args.push([]);
        else if (k.text == ")") {
          depth--;
          while (open.length > 0 && open[open.length - 1].depth >= depth) this.emitAsm(open.pop().emitted(), open, part);
        }
        continue;
      }
      if (k.kind != Tok.Ident || isKeyword(k.text)) continue;
      if (j > 0) {
        const p = this.t[j - 1];
        if (p.kind == Tok.Punct && (p.text == "." || p.text == "->")) continue;
      }
      const next = j + 1 < this.t.length ? this.t[j + 1] : k;
      const isCall = next.kind == Tok.Punct && next.text == "(";
      this.ref(k.text, isCall, spanOf(this.mod.file, k, k));
      if (isCall && open.length < MAX_CALL_NESTING) open.push(new PendingCall(k.text, depth));
      else this.emitAsm([k.text], open, part);
    }
    while (open.length > 0) this.emitAsm(open.pop().emitted(), open, part);
  }

  emitAsm(names: string[], open: PendingCall[], part: AsmPart): void {
    if (open.length > 0) {
      const args = open[open.length - 1].args;
      const into = args[args.length - 1];
      for (let i = 0; i < names.length; i++) into.push(names[i]);
      return;
    }
    for (let i = 0; i < names.length; i++) this.asmRef(names[i], part, false);
  }

  ref(name: string, isCall: bool, span: Span): void {
    if (this.refSeen.has(name)) {
      if (isCall) {
        // remember that it is called somewhere
        for (let i = 0; i < this.mod.refs.length; i++) if (this.mod.refs[i].name == name) { this.mod.refs[i].isCall = true; break; }
      }
      return;
    }
    this.refSeen.add(name);
    this.mod.refs.push(new SymbolRef(name, isCall, span));
  }
}

function isWordChar(c: i32): bool { return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c == 95 || (c >= 48 && c <= 57); }
function isUpper(s: string): bool {
  for (let i = 0; i < s.length; i++) { const c = s.charCodeAt(i); if (c >= 97 && c <= 122) return false; }
  return true;
}

/** A namespace value as written in a -D flag or a #define: `"NS"`, `'"NS"'`, `NS`. */
export function argFromText(raw: string, span: Span): MacroArg {
  let v = raw.trim();
  if (v.length >= 2 && v.charCodeAt(0) == 39 && v.charCodeAt(v.length - 1) == 39) v = v.substring(1, v.length - 1); // shell quotes
  if (v.length >= 2 && v.charCodeAt(0) == 34 && v.charCodeAt(v.length - 1) == 34) {
    return new MacroArg(v, true, false, v.substring(1, v.length - 1), span);
  }
  let ident = v.length > 0;
  for (let i = 0; i < v.length; i++) if (!isWordChar(v.charCodeAt(i))) { ident = false; break; }
  return new MacroArg(v, false, ident, v, span);
}
