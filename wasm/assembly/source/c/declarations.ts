// Declarations (C11 6.7) as the reader needs them: declaration specifiers (storage class,
// type, qualifiers, GNU attributes; struct/union bodies read past, enum constants declared
// with their values wherever the enum is defined), declarators (which identifier is
// declared, whether it is a function and where its parameters are), parameter lists.
// Flat scans with counters: nothing here recurses on the input's nesting.

import { Attrs, matchClose, readAttribute } from "./attributes";
import { EF } from "./entities";
import { IntVec } from "./intvec";
import { K } from "./names";
import { Bind } from "./scope";
import { CK } from "./tokens";
import { VK } from "./values";
import { Walker } from "./walker";

/** Declaration specifiers. */
export class DeclSpec {
  /** EF.TYPEDEF, EXTERN, STATIC, INLINE, THREAD bits. */
  storage: i32 = 0;
  hasType: bool = false;
  isConst: bool = false;
  unsigned: bool = false;
  /** sizeof the type when it is a basic type or a typedef of one, else -1. */
  size: i32 = -1;
  isVoid: bool = false;
  attrs: Attrs = new Attrs();
  end: i32 = 0;

  reset(): void {
    this.storage = 0;
    this.hasType = false;
    this.isConst = false;
    this.unsigned = false;
    this.size = -1;
    this.isVoid = false;
    this.attrs.reset();
    this.end = 0;
  }
}

/** One declarator. */
export class Declarator {
  name: i32 = -1;
  nameTok: i32 = -1;
  isFunction: bool = false;
  paramOpen: i32 = -1;
  paramClose: i32 = -1;
  isArray: bool = false;
  isPointer: bool = false;
  asmName: i32 = -1;
  attrs: Attrs = new Attrs();
  end: i32 = 0;

  reset(): void {
    this.name = -1;
    this.nameTok = -1;
    this.isFunction = false;
    this.paramOpen = -1;
    this.paramClose = -1;
    this.isArray = false;
    this.isPointer = false;
    this.asmName = -1;
    this.attrs.reset();
    this.end = 0;
  }
}

/** True for keywords that can never be a declared name. */
export function isReserved(a: i32): bool { return a >= K.Typedef && a <= K.BHasAttribute; }

function isQualifier(a: i32): bool {
  return a == K.Const || a == K.Volatile || a == K.Restrict || a == K.SegGs || a == K.SegFs;
}

function isStorage(a: i32): bool {
  return a == K.Typedef || a == K.Extern || a == K.Static || a == K.Auto || a == K.Register ||
    a == K.ThreadLocal || a == K.Inline || a == K.Noreturn;
}

function isTypeKeyword(a: i32): bool {
  return (a >= K.Void && a <= K.TypeofUnqual) || a == K.Atomic;
}

/** NULL, true, false, THIS_MODULE, KBUILD_MODNAME in a toy file: never declared names. */
export function isToyConstant(a: i32): bool { return a >= K.TNull && a <= K.TKbuildModname; }

/** Kernel words a toy file writes that headers would turn into attributes or qualifiers. */
export function isToyAttribute(a: i32): bool { return a >= K.TInit && a <= K.TPrintf; }

/** Toy attribute words that take arguments: __aligned(8), __section("x"), __printf(1, 2). */
function toyTakesArgs(a: i32): bool { return a == K.TAligned || a == K.TSection || a == K.TPrintf; }

function applyToyAttribute(a: i32, attrs: Attrs): void {
  if (a == K.TUsed) attrs.flags |= EF.USED;
  else if (a == K.TExit) attrs.flags |= EF.EXIT_SECTION | EF.NOTRACE;
  else if (a == K.TNotrace) attrs.flags |= EF.NOTRACE;
  else if (a == K.TAlwaysInline) attrs.flags |= EF.ALWAYS_INLINE | EF.INLINE;
  else if (a == K.TWeak) attrs.flags |= EF.WEAK;
  else if (a == K.TNoreturn) attrs.flags |= EF.NORETURN;
}

export class Declarations {
  private stars: IntVec = new IntVec(16);
  private inner: DeclSpec = new DeclSpec();
  private innerD: Declarator = new Declarator();

  constructor(public w: Walker) {}

  /** Whether the statement at token i is a declaration. */
  startsDeclaration(i: i32): bool {
    const w = this.w;
    const t = w.t;
    if (t.kindAt(i) != CK.Ident) return false;
    const a = t.atomAt(i);
    if (a == K.Attribute) {
      // `__attribute__((fallthrough));` is a statement
      const close = matchClose(t, i + 1, w.lim);
      return !(close + 1 < w.lim && t.atomAt(close + 1) == K.Semi && t.kindAt(close + 1) == CK.Punct);
    }
    if (isStorage(a) || isQualifier(a) || isTypeKeyword(a) || a == K.Alignas) return true;
    const b = w.scope.lookup(a);
    const kind = w.scope.kindOf(b);
    if (kind == Bind.Typedef) return !(t.kindAt(i + 1) == CK.Punct && t.atomAt(i + 1) == K.Colon);
    if (kind != Bind.None || !w.toy) return false;
    if (isToyAttribute(a)) return true;
    if (isReserved(a) || isToyConstant(a)) return false;
    return this.looksLikeUnknownType(i);
  }

  /** A toy file's undeclared identifier at i reads as a type name when a declarator follows
   *  it: `u32 x`, `foo_t *p = ...`. */
  looksLikeUnknownType(i: i32): bool {
    const t = this.w.t;
    const n = i + 1;
    const k = t.kindAt(n);
    if (k == CK.Ident) {
      const a = t.atomAt(n);
      return !isReserved(a) || isQualifier(a) || isTypeKeyword(a) || a == K.Attribute;
    }
    if (k == CK.Punct && t.atomAt(n) == K.Star) {
      let j = n;
      while (t.kindAt(j) == CK.Punct && t.atomAt(j) == K.Star) j++;
      while (t.kindAt(j) == CK.Ident && isQualifier(t.atomAt(j))) j++;
      if (t.kindAt(j) != CK.Ident) return false;
      const after = t.atomAt(j + 1);
      return t.kindAt(j + 1) == CK.Punct && (after == K.Semi || after == K.Assign || after == K.Comma || after == K.LBracket || after == K.RParen);
    }
    return false;
  }

  /** Whether a type name starts at token i (after `(` of a cast, sizeof or a compound literal). */
  startsTypeName(i: i32): bool {
    const w = this.w;
    const t = w.t;
    if (t.kindAt(i) != CK.Ident) return false;
    const a = t.atomAt(i);
    if (isQualifier(a) || isTypeKeyword(a) || a == K.Attribute || a == K.Extension) return true;
    const kind = w.scope.kindOf(w.scope.lookup(a));
    if (kind == Bind.Typedef) return true;
    if (kind != Bind.None || !w.toy) return false;
    if (isToyAttribute(a)) return true;
    if (isReserved(a) || isToyConstant(a)) return false;
    // toy: `(u32)x`, `(foo_t *)p`
    const n = t.atomAt(i + 1);
    if (t.kindAt(i + 1) != CK.Punct) return false;
    if (n == K.Star) return true;
    if (n == K.RParen) {
      const k = t.kindAt(i + 2);
      const b = t.atomAt(i + 2);
      return k == CK.Ident && !isReserved(b) || k == CK.Number || k == CK.Char || k == CK.String ||
        (k == CK.Punct && (b == K.LParen || b == K.Tilde || b == K.Bang));
    }
    return false;
  }

  /** Reads declaration specifiers from token i into `s`; enum constants defined in them are
   *  declared in the current scope. Returns the index after them. */
  readSpecifiers(i: i32, s: DeclSpec): i32 {
    const w = this.w;
    const t = w.t;
    s.reset();
    let j = i;
    let longs = 0;
    let base = -1; // size of the basic type word seen (char 1, short 2, int 4...)
    let signedness = false;
    while (j < w.lim) {
      if (t.kindAt(j) != CK.Ident) break;
      const a = t.atomAt(j);
      if (isStorage(a)) {
        if (a == K.Typedef) s.storage |= EF.TYPEDEF;
        else if (a == K.Extern) s.storage |= EF.EXTERN;
        else if (a == K.Static) s.storage |= EF.STATIC;
        else if (a == K.Inline) s.storage |= EF.INLINE;
        else if (a == K.ThreadLocal) s.storage |= EF.THREAD;
        else if (a == K.Noreturn) s.attrs.flags |= EF.NORETURN;
        j++;
        continue;
      }
      if (isQualifier(a)) { if (a == K.Const) s.isConst = true; j++; continue; }
      if (a == K.Attribute) { j = readAttribute(t, j, w.lim, s.attrs); continue; }
      if (a == K.Extension) { j++; continue; }
      if (a == K.Alignas || (a == K.Atomic && t.atomAt(j + 1) == K.LParen && t.kindAt(j + 1) == CK.Punct)) {
        if (a == K.Atomic) s.hasType = true;
        j = matchClose(t, j + 1, w.lim) + 1;
        continue;
      }
      if (a == K.Atomic) { j++; continue; }
      if (a == K.Typeof || a == K.TypeofUnqual) {
        s.hasType = true;
        j = t.atomAt(j + 1) == K.LParen ? matchClose(t, j + 1, w.lim) + 1 : j + 1;
        continue;
      }
      if (a == K.Struct || a == K.Union || a == K.Enum) { s.hasType = true; j = this.readTagged(j, a == K.Enum); if (a == K.Enum) base = 4; continue; }
      if (isTypeKeyword(a)) {
        s.hasType = true;
        if (a == K.Unsigned) { s.unsigned = true; signedness = true; }
        else if (a == K.Signed) signedness = true;
        else if (a == K.Long) longs++;
        else if (a == K.Char) base = 1;
        else if (a == K.Short) base = 2;
        else if (a == K.Int) { if (base < 0) base = 4; }
        else if (a == K.Bool) { base = 1; s.unsigned = true; }
        else if (a == K.Void) { base = 1; s.isVoid = true; }
        else if (a == K.Int128) base = 16;
        else if (a == K.Float) base = 4;
        else if (a == K.Double) base = 8;
        else if (a == K.VaList) base = 24;
        j++;
        continue;
      }
      const b = w.scope.lookup(a);
      const kind = w.scope.kindOf(b);
      if (kind == Bind.Typedef && !s.hasType) {
        const td = w.scope.dataOf(b);
        s.hasType = true;
        s.unsigned = w.typedefUnsigned.get(td) != 0;
        s.size = w.typedefSize.get(td);
        j++;
        continue;
      }
      if (kind == Bind.None && w.toy) {
        if (isToyAttribute(a)) {
          applyToyAttribute(a, s.attrs);
          j++;
          if (toyTakesArgs(a) && t.atomAt(j) == K.LParen && t.kindAt(j) == CK.Punct) j = matchClose(t, j, w.lim) + 1;
          continue;
        }
        if (!s.hasType && !isReserved(a) && !isToyConstant(a) && this.looksLikeUnknownType(j)) { s.hasType = true; j++; continue; }
      }
      break;
    }
    if (s.size < 0) {
      if (longs > 0 && (base < 0 || base == 4)) s.size = 8;
      else if (longs > 0 && base == 8) s.size = 16;
      else if (base > 0) s.size = base;
      else if (signedness) s.size = 4;
    }
    s.end = j;
    return j;
  }

  /** struct/union/enum at token i (the keyword): tag, attributes, body. Returns the index after. */
  private readTagged(i: i32, isEnum: bool): i32 {
    const w = this.w;
    const t = w.t;
    let j = i + 1;
    let tag = false;
    while (j < w.lim && t.kindAt(j) == CK.Ident) {
      const a = t.atomAt(j);
      if (a == K.Attribute) { j = matchClose(t, j + 1, w.lim) + 1; continue; }
      if (w.toy && isToyAttribute(a)) { j++; continue; }
      if (isReserved(a) || tag) break;
      tag = true;
      j++;
    }
    // enum E : type { ... }
    if (isEnum && t.kindAt(j) == CK.Punct && t.atomAt(j) == K.Colon) {
      j++;
      while (j < w.lim && t.kindAt(j) == CK.Ident) j++;
    }
    if (!(t.kindAt(j) == CK.Punct && t.atomAt(j) == K.LBrace)) return j;
    const close = isEnum ? this.readEnumerators(j) : this.readMembers(j);
    j = close + 1;
    while (j < w.lim && t.kindAt(j) == CK.Ident && t.atomAt(j) == K.Attribute) j = matchClose(t, j + 1, w.lim) + 1;
    return j;
  }

  /** A struct or union body: members are not ordinary identifiers, but enums defined in it
   *  are. Returns the index of its `}`. */
  private readMembers(open: i32): i32 {
    const w = this.w;
    const t = w.t;
    let depth = 0;
    let j = open;
    while (j < w.lim) {
      const k = t.kindAt(j);
      if (k == CK.End) return j;
      const a = t.atomAt(j);
      if (k == CK.Punct) {
        if (a == K.LBrace) depth++;
        else if (a == K.RBrace) { depth--; if (depth <= 0) return j; }
      } else if (k == CK.Ident && a == K.Enum) {
        let e = j + 1;
        while (e < w.lim && (t.kindAt(e) == CK.Ident || (t.kindAt(e) == CK.Punct && t.atomAt(e) == K.Colon))) {
          if (t.atomAt(e) == K.Attribute) { e = matchClose(t, e + 1, w.lim) + 1; continue; }
          e++;
        }
        if (t.kindAt(e) == CK.Punct && t.atomAt(e) == K.LBrace) { j = this.readEnumerators(e) + 1; continue; }
      }
      j++;
    }
    return w.lim - 1;
  }

  /** `{ A, B = expr, ... }`: declares each constant with its value. Returns the `}`. */
  private readEnumerators(open: i32): i32 {
    const w = this.w;
    const t = w.t;
    let j = open + 1;
    let prevKind = VK.Known;
    let prev: i64 = -1;
    let prevUns = false;
    while (j < w.lim) {
      const k = t.kindAt(j);
      if (k == CK.End) return j;
      if (k == CK.Punct && t.atomAt(j) == K.RBrace) return j;
      if (k != CK.Ident) { j++; continue; }
      const name = t.atomAt(j);
      j++;
      while (t.kindAt(j) == CK.Ident && t.atomAt(j) == K.Attribute) j = matchClose(t, j + 1, w.lim) + 1;
      let vk = VK.Const;
      let v: i64 = 0;
      let uns = false;
      if (t.kindAt(j) == CK.Punct && t.atomAt(j) == K.Assign) {
        const e = this.endOfItem(j + 1, true);
        w.evalConst(j + 1, e);
        vk = w.rVK;
        v = w.rVal;
        uns = w.rUns;
        j = e;
      } else if (prevKind == VK.Known) {
        vk = VK.Known;
        v = prev + 1;
        uns = prevUns;
      }
      if (vk == VK.NotConst) vk = VK.Const;
      w.scope.bind(name, Bind.EnumConst, w.addConstant(vk, v, uns));
      prevKind = vk;
      prev = v;
      prevUns = uns;
      if (t.kindAt(j) == CK.Punct && t.atomAt(j) == K.Comma) j++;
    }
    return w.lim - 1;
  }

  /** The index of the `,` (or `;`, `}`, `)` closing the enclosing group) that ends an
   *  initializer or enumerator value starting at i; brackets are skipped whole. */
  endOfItem(i: i32, stopAtBrace: bool): i32 {
    const w = this.w;
    const t = w.t;
    let depth = 0;
    let j = i;
    while (j < w.lim) {
      const k = t.kindAt(j);
      if (k == CK.End) return j;
      if (k == CK.Punct) {
        const a = t.atomAt(j);
        if (a == K.LParen || a == K.LBracket || a == K.LBrace) depth++;
        else if (a == K.RParen || a == K.RBracket || a == K.RBrace) {
          if (depth == 0) return j;
          depth--;
        } else if (depth == 0 && (a == K.Comma || a == K.Semi)) return j;
      }
      j++;
    }
    return stopAtBrace ? w.lim - 1 : w.lim - 1;
  }

  /** Reads one declarator from token i into `d`; stops at `,` `;` `=` `{` `:` or a token
   *  that cannot continue it. Returns the index after it. */
  readDeclarator(i: i32, d: Declarator): i32 {
    const w = this.w;
    const t = w.t;
    d.reset();
    const stars = this.stars;
    stars.length = 0;
    let depth = 0;
    let nameDepth = -1;
    let suffixAllowed = false;
    let j = i;
    while (j < w.lim) {
      const k = t.kindAt(j);
      const a = t.atomAt(j);
      if (k == CK.Punct) {
        if (a == K.LParen) {
          if (d.name < 0 && !this.opensParameters(j + 1)) {
            stars.push(0);
            depth++;
            j++;
            continue;
          }
          const close = matchClose(t, j, w.lim);
          if (d.name >= 0 && suffixAllowed && !d.isArray && d.paramOpen < 0) {
            d.isFunction = true;
            d.paramOpen = j;
            d.paramClose = close;
          }
          suffixAllowed = false;
          j = close + 1;
          continue;
        }
        if (a == K.LBracket) {
          const close = matchClose(t, j, w.lim);
          if (d.name >= 0 && suffixAllowed && !d.isFunction) d.isArray = true;
          j = close + 1;
          continue;
        }
        if (a == K.RParen) {
          if (depth == 0) break;
          depth--;
          const hadStar = stars.length > 0 ? stars.pop() != 0 : false;
          if (d.name >= 0 && nameDepth > depth) {
            if (hadStar) suffixAllowed = false;
            nameDepth = depth;
          }
          j++;
          continue;
        }
        if (a == K.Star || a == K.Caret) {
          if (stars.length > 0) stars.set(stars.length - 1, 1);
          if (d.name < 0) d.isPointer = true;
          j++;
          continue;
        }
        break;
      }
      if (k != CK.Ident) break;
      if (a == K.Attribute) { j = readAttribute(t, j, w.lim, d.attrs); continue; }
      if (a == K.Asm) {
        const open = j + 1;
        if (t.atomAt(open) == K.LParen && t.kindAt(open) == CK.Punct) {
          const close = matchClose(t, open, w.lim);
          for (let s = open; s < close; s++) if (t.kindAt(s) == CK.String) {
            const text = t.text(s);
            d.asmName = t.names.intern(text.substring(1, text.length - 1));
            break;
          }
          j = close + 1;
          continue;
        }
        break;
      }
      if (isQualifier(a) || a == K.Atomic || a == K.Extension) { j++; continue; }
      if (w.toy && isToyAttribute(a) && w.scope.lookup(a) < 0) {
        applyToyAttribute(a, d.attrs);
        j++;
        if (toyTakesArgs(a) && t.atomAt(j) == K.LParen && t.kindAt(j) == CK.Punct) j = matchClose(t, j, w.lim) + 1;
        continue;
      }
      if (d.name < 0 && !isReserved(a)) {
        d.name = a;
        d.nameTok = j;
        nameDepth = depth;
        suffixAllowed = true;
        j++;
        continue;
      }
      break;
    }
    d.end = j;
    return j;
  }

  /** Whether `(` before token i opens a parameter list (not a declarator in parentheses). */
  private opensParameters(i: i32): bool {
    const w = this.w;
    const t = w.t;
    const k = t.kindAt(i);
    if (k == CK.Punct) { const a = t.atomAt(i); return a == K.RParen || a == K.Ellipsis; }
    if (k != CK.Ident) return false;
    const a = t.atomAt(i);
    if (isStorage(a) || isQualifier(a) || isTypeKeyword(a) || a == K.Attribute) return true;
    return w.scope.kindOf(w.scope.lookup(a)) == Bind.Typedef;
  }

  /** Declares the parameters of the list [open, close] as locals of the current walk, in
   *  order; their slots are appended to `slots`. */
  declareParameters(open: i32, close: i32, slots: IntVec): void {
    const w = this.w;
    const t = w.t;
    const s = this.inner;
    const d = this.innerD;
    const saved = w.lim;
    w.lim = close + 1;
    let j = open + 1;
    while (j < close) {
      if (t.kindAt(j) == CK.Punct && t.atomAt(j) == K.Ellipsis) { j++; continue; }
      const afterSpec = this.readSpecifiers(j, s);
      const after = this.readDeclarator(afterSpec, d);
      if (d.name >= 0) {
        const slot = w.addLocal(s.unsigned || d.isPointer, false, s.size);
        w.scope.bind(d.name, Bind.Local, slot);
        slots.push(slot);
      } else if (!s.isVoid) {
        slots.push(-1); // an unnamed parameter still takes an argument
      }
      j = after > j ? after : j + 1;
      // on to the next parameter
      while (j < close) {
        if (t.kindAt(j) == CK.Punct) {
          const a = t.atomAt(j);
          if (a == K.Comma) { j++; break; }
          if (a == K.LParen || a == K.LBracket || a == K.LBrace) { j = matchClose(t, j, close + 1) + 1; continue; }
        }
        j++;
      }
    }
    w.lim = saved;
  }
}
