// The translation unit at file scope (C11 6.9): each external declaration in turn — module
// macros and markers, top-level asm, _Static_assert, declarations and definitions. A
// definition's body or initializer is only located here (brackets counted); the walks read
// it later, and only if gcc would emit it.

import { Msg, Severity, Stage } from "../../../shared/codes";
import { Finding } from "../../diagnostics";
import { unescapeString } from "../lexer";
import { matchClose, stringsIn } from "./attributes";
import { DeclSpec, Declarator, initializedLength } from "./declarations";
import { EF, EntKind } from "./entities";
import { Facts } from "./facts";
import { FT } from "./frames";
import { IntVec } from "./intvec";
import { K } from "./names";
import { TY } from "./types";
import { NF } from "./nodes";
import { passedAllocSize } from "./passedalloc";
import { Bind } from "./scope";
import { symbolsCalledIn } from "./statements";
import { CK, spanOf } from "./tokens";
import { ModuleSource } from "./module";
import { VK } from "./values";
import { Walker } from "./walker";

export class FileScope {
  private spec: DeclSpec = new DeclSpec();
  private d: Declarator = new Declarator();

  constructor(
    public w: Walker,
    public facts: Facts,
    public mod: ModuleSource,
  ) {}

  /** Reads the external declarations from token `from` on; stops before the one at `stop`
   *  and returns `stop` if one starts there, else reads to the end and returns -1. */
  run(from: i32 = 0, stop: i32 = -1): i32 {
    const w = this.w;
    const t = w.t;
    let i = from;
    while (i < t.length) {
      if (i == stop) return i;
      const k = t.kindAt(i);
      if (k == CK.End) break;
      if (k == CK.Directive) {
        this.facts.directive(i);
        i++;
        continue;
      }
      if (k == CK.Punct) {
        const a = t.atomAt(i);
        if (a == K.Semi) {
          i++;
          continue;
        }
        if (a == K.RBrace || a == K.RParen || a == K.RBracket) {
          const text = a == K.RBrace ? "unbalanced '}' at file scope" : "unbalanced '" + t.text(i) + "'";
          this.mod.findings.push(new Finding(Stage.Read, Severity.Warning, Msg.READ_UNBALANCED, text, spanOf(t, i, i), this.mod.name));
          i++;
          continue;
        }
      }
      if (k == CK.Ident) {
        const a = t.atomAt(i);
        const next = this.facts.statement(i);
        if (next >= 0) {
          i = next;
          continue;
        }
        if (a == K.Asm) {
          i = this.topLevelAsm(i);
          continue;
        }
        if (a == K.StaticAssert) {
          i++;
          if (t.kindAt(i) == CK.Punct && t.atomAt(i) == K.LParen) i = matchClose(t, i, t.length) + 1;
          continue;
        }
        if (a == K.Extension) {
          i++;
          continue;
        }
      }
      const after = this.declaration(i);
      i = after > i ? after : i + 1;
    }
    return -1;
  }

  /** `asm("...");` at file scope: what it calls, and an export's record. */
  private topLevelAsm(i: i32): i32 {
    const w = this.w;
    const t = w.t;
    let j = i + 1;
    while (t.kindAt(j) == CK.Ident && (t.atomAt(j) == K.Volatile || t.atomAt(j) == K.Inline)) j++;
    if (!(t.kindAt(j) == CK.Punct && t.atomAt(j) == K.LParen)) return j;
    const close = matchClose(t, j, t.length);
    const text = stringsIn(t, j + 1, close);
    this.facts.exportAsm(text, i, close);
    const names = symbolsCalledIn(text);
    for (let k = 0; k < names.length; k++) this.facts.rootRef(j + 1, t.names.intern(names[k]), true);
    const labels = labelsDefinedIn(unescapeString(text));
    for (let k = 0; k < labels.length; k++) {
      const e = w.ents.get(t.names.intern(labels[k]), EntKind.Undeclared);
      e.flags |= EF.ASM_DEFINED;
    }
    j = close + 1;
    if (t.kindAt(j) == CK.Punct && t.atomAt(j) == K.Semi) j++;
    return j;
  }

  /** One declaration or function definition starting at i; returns the index after it. */
  private declaration(i: i32): i32 {
    const w = this.w;
    const t = w.t;
    const s = this.spec;
    const d = this.d;
    let j = w.decls.readSpecifiers(i, s);
    // a toy file's macro invocation at file scope: `static DEFINE_MUTEX(lock);`, `late_initcall(f);`
    if (
      w.toy &&
      !s.hasType &&
      (s.storage & EF.TYPEDEF) == 0 &&
      t.kindAt(j) == CK.Ident &&
      w.scope.lookup(t.atomAt(j)) < 0 &&
      t.kindAt(j + 1) == CK.Punct &&
      t.atomAt(j + 1) == K.LParen
    ) {
      const close = matchClose(t, j + 1, t.length);
      const after = close + 1;
      if (!(t.kindAt(after) == CK.Punct && t.atomAt(after) == K.LBrace)) {
        this.macroArgs(j + 1, close);
        return t.kindAt(after) == CK.Punct && t.atomAt(after) == K.Semi ? after + 1 : after;
      }
    }
    const start = i;
    this.names.length = 0;
    this.functions.length = 0;
    while (true) {
      const before = j;
      j = w.decls.readDeclarator(j, d, s.type, s.isConst);
      if (d.name < 0) {
        if (j == before) {
          // nothing declared here: skip to the end of this declaration
          return this.skipDeclaration(j, start);
        }
      } else {
        const r = this.declare(start, d, j);
        if (r >= 0) return r; // a function definition ends the declaration
        this.names.push(d.nameTok);
        this.functions.push(d.isFunction ? 1 : 0);
        j = this.afterInitializer(j, d);
      }
      if (t.kindAt(j) == CK.Punct && t.atomAt(j) == K.Comma) {
        j++;
        continue;
      }
      if (t.kindAt(j) == CK.Punct && t.atomAt(j) == K.Semi) {
        this.recordFacts(start, j);
        return j + 1;
      }
      return this.skipDeclaration(j, start);
    }
  }

  /** Skips to the `;` that ends a declaration (a body in braces is skipped whole). */
  private skipDeclaration(j: i32, start: i32): i32 {
    const t = this.w.t;
    while (j < t.length) {
      const k = t.kindAt(j);
      if (k == CK.End) return j;
      if (k == CK.Punct) {
        const a = t.atomAt(j);
        if (a == K.Semi) {
          this.recordFacts(start, j);
          return j + 1;
        }
        if (a == K.LBrace || a == K.LParen || a == K.LBracket) {
          j = matchClose(t, j, t.length) + 1;
          if (a == K.LBrace) return j;
          continue;
        }
        if (a == K.RBrace || a == K.RParen || a == K.RBracket) return j;
      }
      if (k == CK.Directive) return j;
      j++;
    }
    return j;
  }

  /** The arguments of a toy file's file-scope macro are references of the module's own. */
  private macroArgs(open: i32, close: i32): void {
    const w = this.w;
    const node = w.nodes.add(-1, NF.DATA);
    const si = w.i,
      sl = w.lim,
      sn = w.curNode;
    w.i = open;
    w.lim = close + 1;
    w.curNode = node;
    const base = w.f.length;
    w.f.push(FT.Args, false, open);
    w.run(base);
    w.i = si;
    w.lim = sl;
    w.curNode = sn;
    w.nodes.mark(node, NF.DONE);
    const h = w.nodes.head.get(node);
    if (h >= 0) {
      let tail = h;
      let budget = w.ropes.next.length;
      while (w.ropes.next.get(tail) >= 0 && --budget > 0) tail = w.ropes.next.get(tail);
      this.facts.addRoots(h, tail);
    }
  }

  /** Binds one file-scope declarator and records what it declares or defines. Returns the
   *  index after a function definition's body, else -1. */
  private declare(start: i32, d: Declarator, j: i32): i32 {
    const w = this.w;
    const t = w.t;
    const s = this.spec;
    if ((s.storage & EF.TYPEDEF) != 0) {
      w.scope.bind(d.name, Bind.Typedef, d.type, d.nameTok);
      w.types.noteTypedef(d.type);
      return -1;
    }
    // `extern typeof(f) g;` (DECLARE_STATIC_CALL's trampoline) declares a function too
    const fn = d.isFunction || w.types.kindOf(d.type) == TY.Function;
    const e = w.ents.get(d.name, fn ? EntKind.Function : EntKind.Object);
    const b = w.scope.lookup(d.name);
    if (w.scope.kindOf(b) != Bind.Entity || w.scope.dataOf(b) != e.id) w.scope.bind(d.name, Bind.Entity, e.id, d.nameTok);
    const attrs = s.attrs.flags | d.attrs.flags;
    if (e.declTok < 0) {
      e.declTok = d.nameTok;
      if ((s.storage & EF.STATIC) != 0) e.flags |= EF.STATIC;
    }
    if ((s.storage & EF.EXTERN) != 0) e.flags |= EF.EXTERN;
    if ((s.storage & EF.INLINE) != 0) e.flags |= EF.INLINE;
    if ((s.storage & EF.THREAD) != 0) e.flags |= EF.THREAD;
    e.flags |=
      attrs &
      (EF.USED | EF.DIAGNOSE | EF.NOTRACE | EF.ALWAYS_INLINE | EF.GNU_INLINE | EF.WEAK | EF.NORETURN | EF.EXIT_SECTION | EF.MODINFO | EF.INLINE | EF.NOINLINE);
    // a const object: of a const type, or a `* const` pointer (or array of them)
    if (
      (s.isConst && !d.isPointer) ||
      (t.kindAt(d.nameTok - 1) == CK.Ident && t.atomAt(d.nameTok - 1) == K.Const && t.kindAt(d.nameTok - 2) == CK.Punct && t.atomAt(d.nameTok - 2) == K.Star)
    )
      e.flags |= EF.CONST;
    if (d.isArray) e.flags |= EF.ARRAY;
    if (d.asmName >= 0) e.asmName = d.asmName;
    e.alias = s.alias;
    // the type of the declaration that says most (a later one may complete an array)
    if (e.type == 0 || w.types.sizeOf(e.type) < 0) e.type = d.type;
    const alias = d.attrs.alias >= 0 ? d.attrs.alias : s.attrs.alias;
    if (alias >= 0) {
      e.aliasTarget = alias;
      e.defined = true;
    }
    const section = d.attrs.section.length > 0 ? d.attrs.section : s.attrs.section;
    if (section.length > 0) e.section = section;
    const allocSize = d.attrs.allocSize != 0 ? d.attrs.allocSize : s.attrs.allocSize;
    if (allocSize != 0) e.allocSize = allocSize;
    // a function definition
    if (fn && t.kindAt(j) == CK.Punct && t.atomAt(j) == K.LBrace) {
      const close = matchClose(t, j, t.length);
      if ((s.storage & EF.EXTERN) == 0) e.flags &= ~EF.EXTERN;
      e.defined = true;
      e.defTok = d.nameTok;
      e.defStart = start;
      e.bodyOpen = j;
      e.bodyClose = close;
      e.paramOpen = d.paramOpen;
      e.paramClose = d.paramClose;
      if (e.allocSize == 0) e.allocSize = passedAllocSize(w, e);
      const name = t.text(d.nameTok);
      // gnu_inline `extern inline` (the kernel's __FORTIFY_INLINE) defines no symbol
      const externInline = e.has(EF.EXTERN) && e.has(EF.INLINE) && !e.isStatic();
      if (!externInline && !this.mod.defined.has(name)) this.mod.defined.set(name, spanOf(t, d.nameTok, d.nameTok));
      if (!externInline && t.file[start] == t.mainFile) this.mod.signatures.set(name, this.signature(start, d.paramOpen));
      if (t.kindAt(close) == CK.End) {
        this.mod.findings.push(new Finding(Stage.Read, Severity.Warning, Msg.READ_UNBALANCED, "this '{' is never closed", spanOf(t, j, j), this.mod.name));
      }
      return close + 1;
    }
    if (!fn && (s.storage & EF.EXTERN) == 0) {
      // a definition, tentative or not
      e.defined = true;
      if (e.defStart < 0 || e.initStart < 0) {
        e.defTok = d.nameTok;
        e.defStart = start;
      }
      // a static const integer without an initializer is 0 for good (an initializer, read
      // next, says otherwise): applesmc's `static const int debug;` folds its tests away
      if (e.initStart < 0 && e.has(EF.CONST) && e.isStatic() && w.types.kindOf(d.type) == TY.Int) {
        e.vk = VK.Known;
        e.value = 0;
        e.unsigned = w.types.isUnsigned(d.type);
      }
    }
    return -1;
  }

  /** After a declarator: its initializer, if any. Returns the index after it. */
  private afterInitializer(j: i32, d: Declarator): i32 {
    const w = this.w;
    const t = w.t;
    if (!(t.kindAt(j) == CK.Punct && t.atomAt(j) == K.Assign) || (this.spec.storage & EF.TYPEDEF) != 0) return j;
    const e = w.ents.get(d.name, EntKind.Object);
    const a = j + 1;
    const end = w.decls.endOfItem(a, false);
    e.initStart = a;
    e.initEnd = end;
    e.defined = true;
    e.defTok = d.nameTok;
    // an array of unknown bound takes its length from the initializer (C11 6.7.9p22)
    const types = w.types;
    if (types.isArray(e.type) && types.count.get(e.type) < 0) {
      const n = initializedLength(w, a, end);
      if (n >= 0) e.type = types.arrayOf(types.baseOf(e.type), n);
    }
    // a const scalar's value folds wherever it is read
    if (e.has(EF.CONST) && !d.isArray && !d.isFunction && !(t.kindAt(a) == CK.Punct && t.atomAt(a) == K.LBrace)) {
      w.evalConst(a, end);
      if (w.rVK != VK.NotConst) {
        e.vk = w.rVK;
        e.value = w.rVal;
        e.unsigned = w.rUns || w.types.isUnsigned(e.type);
      }
    }
    if (e.has(EF.MODINFO)) this.facts.modinfo(stringsIn(t, a, end), this.spec.end > 0 ? this.spec.end - 1 : a, end);
    return end;
  }

  // the declarators of the declaration being read: name tokens, and which are functions
  private names: IntVec = new IntVec(8);
  private functions: IntVec = new IntVec(8);

  /** Declared and defined names, and the text their CRC is computed from (as toyc did). */
  private recordFacts(start: i32, end: i32): void {
    const t = this.w.t;
    const storage = this.spec.storage;
    if ((storage & EF.TYPEDEF) != 0) return;
    const mainFile = t.file[start] == t.mainFile;
    const sig = mainFile ? this.signature(start, end) : "";
    for (let k = 0; k < this.names.length; k++) {
      const tok = this.names.get(k);
      const fn = this.functions.get(k) != 0;
      const name = t.text(tok);
      if (fn || (storage & EF.EXTERN) != 0) {
        if (!this.mod.declared.has(name)) this.mod.declared.set(name, spanOf(t, tok, tok));
        if (!mainFile) continue; // a header's declaration: no CRC is computed from it
        if (fn) {
          if (!this.mod.signatures.has(name)) this.mod.signatures.set(name, sig);
        } else this.mod.signatures.set(name, sig);
      } else {
        if (!this.mod.defined.has(name)) this.mod.defined.set(name, spanOf(t, tok, tok));
        if (mainFile) this.mod.signatures.set(name, sig);
      }
    }
  }

  /** The declaration's tokens [a, b] without storage words and bodies, space-joined. */
  private signature(a: i32, b: i32): string {
    const t = this.w.t;
    const parts: string[] = [];
    let depth = 0;
    for (let j = a; j <= b && j < t.length; j++) {
      const k = t.kindAt(j);
      if (k == CK.Directive || k == CK.End) continue;
      if (k == CK.Punct && t.atomAt(j) == K.LBrace) {
        depth++;
        continue;
      }
      if (k == CK.Punct && t.atomAt(j) == K.RBrace) {
        depth--;
        continue;
      }
      if (depth > 0) continue;
      if (k == CK.Ident) {
        const s = t.text(j);
        if (s == "static" || s == "extern" || s == "inline" || s == "__init" || s == "__exit") continue;
      }
      parts.push(t.text(j));
    }
    return parts.join(" ");
  }
}

/** The symbols an asm text defines as labels (`name:`; not local labels like `1:`). */
function labelsDefinedIn(text: string): string[] {
  const out: string[] = [];
  const items = text.split("\n");
  for (let k = 0; k < items.length; k++) {
    const parts = items[k].split(";");
    for (let q = 0; q < parts.length; q++) {
      const item = parts[q].trim();
      if (item.length < 2 || item.charCodeAt(item.length - 1) != 58) continue;
      const name = item.substring(0, item.length - 1);
      const c0 = name.charCodeAt(0);
      if ((c0 >= 48 && c0 <= 57) || c0 == 46) continue;
      let ok = true;
      for (let i = 0; i < name.length && ok; i++) {
        const c = name.charCodeAt(i);
        ok = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c == 95 || c == 36 || c == 46;
      }
      if (ok && !out.includes(name)) out.push(name);
    }
  }
  return out;
}
