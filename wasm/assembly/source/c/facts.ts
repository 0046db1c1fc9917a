// The module facts of a translation unit, as include/linux/{export,module}.h make them:
// from the prelude's marker statements (__ksymns_export(...), see notes/FRONTEND.md), from the
// macros as written where no header defined them (a toy file; or a release that lacks the
// macro, which gcc then reads as a declaration), and from what real headers leave after
// preprocessing (.modinfo strings, the .export_symbol asm of 6.5+).

import { Msg, Severity, Stage } from "../../../shared/codes";
import { Finding, Span } from "../../diagnostics";
import { stringBody } from "../lexer";
import { listItems, matchClose } from "./attributes";
import { splitDirective } from "../lexer";
import { EntKind } from "./entities";
import { K } from "./names";
import { EK } from "./ropes";
import { Bind } from "./scope";
import { CK, spanOf } from "./tokens";
import { argFromText, ExportDecl, ImportDecl, MacroArg, ModuleSource } from "./module";
import { Walker } from "./walker";

const EXPORT_MACROS: string[] = [
  "EXPORT_SYMBOL",
  "EXPORT_SYMBOL_GPL",
  "EXPORT_SYMBOL_NS",
  "EXPORT_SYMBOL_NS_GPL",
  "EXPORT_SYMBOL_GPL_FOR_MODULES",
  "EXPORT_SYMBOL_FOR_MODULES",
];

export class Facts {
  /** DEFAULT_SYMBOL_NAMESPACE in force (Kbuild's, then the file's #define / #undef). */
  curDefault: MacroArg | null;
  /** References the file makes outside any function or object: exported symbols,
   *  module_init/exit functions, arguments of macros a toy file invokes. */
  rootHead: i32 = -1;
  rootTail: i32 = -1;

  constructor(
    public w: Walker,
    public mod: ModuleSource,
    defaultNs: MacroArg | null,
  ) {
    this.curDefault = defaultNs;
  }

  private span(a: i32, b: i32): Span {
    return spanOf(this.w.t, a, b);
  }

  private finding(sev: Severity, id: Msg, text: string, a: i32, b: i32): void {
    this.mod.findings.push(new Finding(Stage.Read, sev, id, text, this.span(a, b), this.mod.name));
  }

  /** A reference from file scope to the name at token `tok`. */
  rootRef(tok: i32, atom: i32, call: bool): void {
    const w = this.w;
    const b = w.scope.lookup(atom);
    const e = w.scope.kindOf(b) == Bind.Entity ? w.ents.at(w.scope.dataOf(b)) : w.ents.get(atom, EntKind.Undeclared);
    const entry = w.ropes.add(EK.Ref, e.id, tok, call);
    w.ropes.concat(this.rootHead, this.rootTail, entry, entry);
    this.rootHead = w.ropes.head;
    this.rootTail = w.ropes.tail;
  }

  /** Appends references (a walk's result) to the root list. */
  addRoots(h: i32, t: i32): void {
    this.w.ropes.concat(this.rootHead, this.rootTail, h, t);
    this.rootHead = this.w.ropes.head;
    this.rootTail = this.w.ropes.tail;
  }

  /** A toy file's `#define` / `#undef`: macro names, and DEFAULT_SYMBOL_NAMESPACE. */
  directive(tok: i32): void {
    const d = splitDirective(this.w.t.text(tok));
    const rest = d[1];
    if (d[0] == "define") {
      let k = 0;
      while (k < rest.length && isWordChar(rest.charCodeAt(k))) k++;
      const macro = rest.substring(0, k);
      if (macro.length == 0) return;
      this.mod.macros.add(macro);
      if (macro == "DEFAULT_SYMBOL_NAMESPACE") this.curDefault = argFromText(rest.substring(k).trim(), this.span(tok, tok));
    } else if (d[0] == "undef") {
      if (rest == "DEFAULT_SYMBOL_NAMESPACE") this.curDefault = null;
    }
  }

  /** Argument n as written. */
  private argAt(bounds: i32[], n: i32): MacroArg | null {
    const t = this.w.t;
    if (n + 1 >= bounds.length) return null;
    const a = bounds[n],
      b = bounds[n + 1] - 2;
    if (b < a) return null;
    let allStrings = true;
    const texts: string[] = [];
    const values: string[] = [];
    for (let j = a; j <= b; j++) {
      texts.push(t.text(j));
      if (t.kindAt(j) != CK.String) allStrings = false;
      else values.push(stringBody(t.text(j)));
    }
    const span = this.span(a, b);
    const text = texts.join(allStrings ? " " : "");
    if (allStrings) return new MacroArg(text, true, false, values.join(""), span);
    const isIdent = a == b && t.kindAt(a) == CK.Ident;
    return new MacroArg(text, false, isIdent, text, span);
  }

  private badArgs(name: string, expected: string, a: i32, b: i32): void {
    this.finding(Severity.Warning, Msg.READ_BAD_MACRO_ARGS, name + " expects " + expected + "; this use is ignored", a, b);
  }

  /** Whether the statement at i is a module macro or a marker; if so reads it and returns
   *  the index after it, else -1. */
  statement(i: i32): i32 {
    const w = this.w;
    const t = w.t;
    if (t.kindAt(i) != CK.Ident || !(t.kindAt(i + 1) == CK.Punct && t.atomAt(i + 1) == K.LParen)) return -1;
    const atom = t.atomAt(i);
    const isMarker = atom >= K.MExport && atom <= K.MModuleExit;
    if (!isMarker) {
      if (w.scope.lookup(atom) >= 0) return -1;
      const name = t.text(i);
      const known =
        isExportMacro(name) ||
        name.startsWith("MODULE_") ||
        name == "module_init" ||
        name == "module_exit" ||
        (name.startsWith("module_") && name.endsWith("_driver"));
      if (!known) return -1;
    }
    const open = i + 1;
    const close = matchClose(t, open, t.length);
    const bounds = listItems(this.w.t, open, close);
    const nargs = bounds.length - 1;
    let next = close + 1;
    if (t.kindAt(next) == CK.Punct && t.atomAt(next) == K.Semi) next++;
    const name = t.text(i);
    if (t.kindAt(close) == CK.End) {
      this.finding(Severity.Error, Msg.READ_UNBALANCED, "unterminated argument list of " + name, i, i);
      return next;
    }
    const span = this.span(i, close);
    if (isMarker) {
      this.marker(atom, i, close, bounds, nargs, span);
      return next;
    }
    if (isExportMacro(name)) {
      this.exportStatement(name, bounds, nargs, span, i, this.curDefault);
      return next;
    }
    const a0 = this.argAt(bounds, 0);
    if (name == "MODULE_LICENSE") {
      if (a0 != null && a0.isString) this.license(a0.value, span, t.endLine[close]);
      else this.badArgs(name, "a string literal", i, close);
    } else if (name == "MODULE_IMPORT_NS") {
      if (a0 != null && nargs == 1) this.mod.imports.push(new ImportDecl(a0, span));
      else this.badArgs(name, "one namespace", i, close);
    } else if (name == "MODULE_DESCRIPTION") {
      this.mod.hasDescription = true;
    } else if (name == "MODULE_SOFTDEP") {
      if (a0 != null && a0.isString) this.softdep(a0.value, span);
    } else if (name == "MODULE_INFO") {
      const a1 = this.argAt(bounds, 1);
      if (a0 != null && a1 != null && a0.text == "intree" && a1.isString && a1.value == "Y") this.mod.intree = true;
      if (a0 != null && a1 != null && a0.text == "softdep" && a1.isString) this.softdep(a1.value, span);
    } else if (name == "MODULE_DEVICE_TABLE") {
      this.identArgs(bounds, 1, 2);
    } else if (name == "module_init" || name == "module_exit") {
      if (a0 != null) {
        if (name == "module_init") this.mod.initFn = a0.text;
        else this.mod.exitFn = a0.text;
        if (a0.isIdent) this.rootRef(bounds[0], t.atomAt(bounds[0]), false);
      }
    } else if (name.startsWith("module_") && name.endsWith("_driver")) {
      if (a0 != null) this.mod.initFn = a0.text;
      this.identArgs(bounds, 0, nargs);
    }
    return next;
  }

  /** Root references for the arguments [from, to) that are single identifiers. */
  private identArgs(bounds: i32[], from: i32, to: i32): void {
    const t = this.w.t;
    for (let n = from; n < to && n + 1 < bounds.length; n++) {
      const a = bounds[n];
      if (bounds[n + 1] - 2 == a && t.kindAt(a) == CK.Ident) this.rootRef(a, t.atomAt(a), false);
    }
  }

  private license(value: string, span: Span, endLine: i32): void {
    this.mod.license = value;
    this.mod.licenseSpan = span;
    this.mod.importInsertLine = endLine + 1;
  }

  private softdep(value: string, span: Span): void {
    this.mod.softdeps.push(value);
    this.mod.softdepSpans.push(span);
  }

  private marker(atom: i32, i: i32, close: i32, bounds: i32[], nargs: i32, span: Span): void {
    const t = this.w.t;
    const a0 = this.argAt(bounds, 0);
    switch (atom) {
      case K.MExport:
      case K.MExportDefault:
      case K.MExportNs: {
        if (a0 == null || !a0.isIdent) {
          this.badArgs(t.text(i), "a macro name", i, close);
          return;
        }
        const macro = a0.text;
        const rest = new Array<i32>();
        // the symbol and namespace arguments, as the user's macro would have them
        rest.push(bounds[1]);
        for (let n = 2; n < bounds.length; n++) rest.push(bounds[n]);
        let def: MacroArg | null = null;
        if (atom == K.MExportDefault) def = this.argAt(bounds, 2);
        if (atom == K.MExportNs) {
          this.exportStatement(macro, rest, nargs - 1, span, i, null);
        } else {
          const sym = [bounds[1], bounds.length > 2 ? bounds[2] : close + 1];
          // __ksymns_export_default(M, sym, ns): sym ends before the namespace argument
          this.exportStatement(macro, sym, 1, span, i, def);
        }
        return;
      }
      case K.MImportNs:
        if (a0 != null && nargs == 1) this.mod.imports.push(new ImportDecl(a0, span));
        else this.badArgs("MODULE_IMPORT_NS", "one namespace", i, close);
        return;
      case K.MLicense:
        if (a0 != null && a0.isString) this.license(a0.value, span, t.endLine[close]);
        else this.badArgs("MODULE_LICENSE", "a string literal", i, close);
        return;
      case K.MModinfo: {
        const a1 = this.argAt(bounds, 1);
        if (a0 == null) return;
        if (a0.text == "description") this.mod.hasDescription = true;
        else if (a0.text == "intree" && a1 != null && a1.isString && a1.value == "Y") this.mod.intree = true;
        else if (a0.text == "license" && a1 != null && a1.isString) this.license(a1.value, span, t.endLine[close]);
        else if (a0.text == "softdep" && a1 != null && a1.isString) this.softdep(a1.value, span);
        return;
      }
      case K.MModuleInit:
      case K.MModuleExit:
        if (a0 == null) return;
        if (atom == K.MModuleInit) this.mod.initFn = a0.text;
        else this.mod.exitFn = a0.text;
        if (a0.isIdent) this.rootRef(bounds[0], t.atomAt(bounds[0]), false);
        return;
      default:
    }
  }

  private exportStatement(macro: string, bounds: i32[], nargs: i32, span: Span, tok: i32, def: MacroArg | null): void {
    const t = this.w.t;
    if (!EXPORT_MACROS.includes(macro)) {
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
    e.defaultNs = def;
    this.mod.exports.push(e);
    this.rootRef(bounds[0], t.atomAt(bounds[0]), false);
  }

  /** A string placed in .modinfo (what MODULE_LICENSE and friends become): "tag=value". */
  modinfo(text: string, a: i32, b: i32): void {
    const eq = text.indexOf("=");
    if (eq < 0) return;
    const tag = text.substring(0, eq);
    const value = text.substring(eq + 1);
    const span = this.span(a, b);
    if (tag == "license") this.license(value, span, span.endLine);
    else if (tag == "description") this.mod.hasDescription = true;
    else if (tag == "intree" && value == "Y") this.mod.intree = true;
    else if (tag == "softdep") this.softdep(value, span);
    else if (tag == "import_ns") {
      const d = new ImportDecl(new MacroArg('"' + value + '"', true, false, value, span), span);
      d.resolved = true;
      this.mod.imports.push(d);
    }
  }

  /** A top-level asm statement: 6.5+'s `__export_symbol_<sym>:` with its license and
   *  namespace strings (include/linux/export.h's ___EXPORT_SYMBOL). */
  exportAsm(text: string, a: i32, b: i32): void {
    const at = text.indexOf("__export_symbol_");
    if (at < 0) return;
    const s = unescape(text);
    const items = s.split(";");
    for (let k = 0; k < items.length; k++) {
      const item = items[k].trim();
      if (!item.startsWith("__export_symbol_") || !item.endsWith(":")) continue;
      const sym = item.substring(16, item.length - 1);
      const lic = k + 1 < items.length ? quoted(items[k + 1]) : "";
      const ns = k + 2 < items.length ? quoted(items[k + 2]) : "";
      const gpl = lic == "GPL";
      const macro = ns.length > 0 ? (gpl ? "EXPORT_SYMBOL_NS_GPL" : "EXPORT_SYMBOL_NS") : gpl ? "EXPORT_SYMBOL_GPL" : "EXPORT_SYMBOL";
      const span = this.span(a, b);
      const e = new ExportDecl(macro, sym, gpl, ns.length > 0 ? new MacroArg(ns, false, true, ns, span) : null, false, span);
      e.resolvedNs = ns;
      this.mod.exports.push(e);
    }
  }
}

function isExportMacro(name: string): bool {
  return EXPORT_MACROS.includes(name) || (name.startsWith("EXPORT_SYMBOL") && name.length > 13);
}

function isWordChar(c: i32): bool {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c == 95 || (c >= 48 && c <= 57);
}

/** A C string's escapes \" and \\ undone. */
function unescape(s: string): string {
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i + 1 < s.length; i++) {
    if (s.charCodeAt(i) != 92) continue;
    const n = s.charCodeAt(i + 1);
    if (n == 34 || n == 92) {
      parts.push(s.substring(from, i));
      from = i + 1;
      i++;
    }
  }
  parts.push(s.substring(from));
  return parts.join("");
}

/** The strings of an asm directive (`.asciz "GPL"`, `.ascii "" "\0"`) joined, `\0` dropped. */
function quoted(item: string): string {
  const parts: string[] = [];
  let i = 0;
  while (i < item.length) {
    const q = item.indexOf('"', i);
    if (q < 0) break;
    const e = item.indexOf('"', q + 1);
    if (e < 0) break;
    parts.push(item.substring(q + 1, e));
    i = e + 1;
  }
  return parts.join("").replaceAll("\\0", "");
}
