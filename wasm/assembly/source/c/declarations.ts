// Declarations (C11 6.7) as the reader needs them: declaration specifiers (storage class,
// type, qualifiers, GNU attributes; struct and union bodies laid out, enum constants
// declared with their values wherever the enum is defined), declarators (which identifier
// is declared, its type, whether it is a function and where its parameters are), type
// names and parameter lists. Flat scans with counters; the one recursion, a struct defined
// inside a struct, stops at MAX_RECORD_NESTING (deeper bodies are read past).

import { unescapeString } from "../lexer";
import { Attrs, matchClose, readAttribute, stringsIn } from "./attributes";
import { EF } from "./entities";
import { IntVec } from "./intvec";
import { K } from "./names";
import { Bind } from "./scope";
import { CK } from "./tokens";
import { T, TY } from "./types";
import { VK } from "./values";
import { LF, Walker } from "./walker";

/** Structs defined inside struct definitions the reader lays out before it reads past. */
const MAX_RECORD_NESTING = 48;

/** Declaration specifiers. */
export class DeclSpec {
  /** EF.TYPEDEF, EXTERN, STATIC, INLINE, THREAD bits. */
  storage: i32 = 0;
  hasType: bool = false;
  isConst: bool = false;
  /** The type the specifiers name (T.UNKNOWN when the reader cannot tell). */
  type: i32 = T.UNKNOWN;
  /** __auto_type: the initializer gives the type. */
  autoType: bool = false;
  /** How the type was written, for gcc's spelling of it: a typedef name's atom, SPELLED_TAG
   *  (a struct, union or basic type's keywords) or SPELLED_UNKNOWN (typeof, __auto_type). */
  alias: i32 = SPELLED_TAG;
  isVoid: bool = false;
  attrs: Attrs = new Attrs();
  end: i32 = 0;

  /** Takes o's specifiers over. */
  copyFrom(o: DeclSpec): void {
    this.storage = o.storage;
    this.hasType = o.hasType;
    this.isConst = o.isConst;
    this.type = o.type;
    this.autoType = o.autoType;
    this.alias = o.alias;
    this.isVoid = o.isVoid;
    this.attrs.copyFrom(o.attrs);
    this.end = o.end;
  }

  reset(): void {
    this.storage = 0;
    this.hasType = false;
    this.isConst = false;
    this.type = T.UNKNOWN;
    this.autoType = false;
    this.alias = SPELLED_TAG;
    this.isVoid = false;
    this.attrs.reset();
    this.end = 0;
  }
}

/** DeclSpec.alias: the type was written with its keywords (`struct foo`, `int`). */
export const SPELLED_TAG: i32 = -1;
/** DeclSpec.alias: how the type was written is not kept (typeof, __auto_type). */
export const SPELLED_UNKNOWN: i32 = -2;

/** One declarator. */
export class Declarator {
  name: i32 = -1;
  nameTok: i32 = -1;
  type: i32 = T.UNKNOWN;
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
    this.type = T.UNKNOWN;
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
export function isReserved(a: i32): bool {
  return a >= K.Typedef && a <= K.BHasAttribute;
}

function isQualifier(a: i32): bool {
  return a == K.Const || a == K.Volatile || a == K.Restrict || a == K.SegGs || a == K.SegFs;
}

function isStorage(a: i32): bool {
  return a == K.Typedef || a == K.Extern || a == K.Static || a == K.Auto || a == K.Register || a == K.ThreadLocal || a == K.Inline || a == K.Noreturn;
}

function isTypeKeyword(a: i32): bool {
  return (a >= K.Void && a <= K.TypeofUnqual) || a == K.Atomic;
}

/** NULL, true, false, THIS_MODULE, KBUILD_MODNAME in a toy file: never declared names. */
export function isToyConstant(a: i32): bool {
  return a >= K.TNull && a <= K.TKbuildModname;
}

/** Kernel words a toy file writes that headers would turn into attributes or qualifiers. */
export function isToyAttribute(a: i32): bool {
  return a >= K.TInit && a <= K.TPrintf;
}

/** Toy attribute words that take arguments: __aligned(8), __section("x"), __printf(1, 2). */
function toyTakesArgs(a: i32): bool {
  return a == K.TAligned || a == K.TSection || a == K.TPrintf;
}

function applyToyAttribute(a: i32, attrs: Attrs): void {
  if (a == K.TUsed) attrs.flags |= EF.USED;
  else if (a == K.TExit) attrs.flags |= EF.EXIT_SECTION | EF.NOTRACE;
  else if (a == K.TNotrace) attrs.flags |= EF.NOTRACE;
  else if (a == K.TAlwaysInline) attrs.flags |= EF.ALWAYS_INLINE | EF.INLINE;
  else if (a == K.TNoinline) attrs.flags |= EF.NOINLINE;
  else if (a == K.TWeak) attrs.flags |= EF.WEAK;
  else if (a == K.TNoreturn) attrs.flags |= EF.NORETURN;
  else if (a == K.TPacked) attrs.packed = true;
}

/** The basic type a combination of type words names. */
function basicType(base: i32, longs: i32, uns: bool, signedWord: bool): i32 {
  switch (base) {
    case K.Void:
      return T.VOID;
    case K.Bool:
      return T.BOOL;
    case K.Char:
      return uns ? T.UCHAR : signedWord ? T.SCHAR : T.CHAR;
    case K.Short:
      return uns ? T.USHORT : T.SHORT;
    case K.Int128:
      return uns ? T.UINT128 : T.INT128;
    case K.Float:
      return T.FLOAT;
    case K.Double:
      return longs > 0 ? T.LDOUBLE : T.DOUBLE;
    case K.VaList:
      return T.VALIST;
    default:
      if (longs >= 2) return uns ? T.ULLONG : T.LLONG;
      if (longs == 1) return uns ? T.ULONG : T.LONG;
      return uns ? T.UINT : T.INT;
  }
}

export class Declarations {
  private nesting: i32 = 0;
  // a declarator's derivations in the order read: depth, kind (0 pointer, 1 array, 2 function),
  // length, and whether a pointer is itself const (`* const`)
  private dDepth: IntVec = new IntVec(16);
  private dKind: IntVec = new IntVec(16);
  private dCount: IntVec = new IntVec(16);
  private dConst: IntVec = new IntVec(16);
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
      return (
        (k == CK.Ident && !isReserved(b)) ||
        k == CK.Number ||
        k == CK.Char ||
        k == CK.String ||
        (k == CK.Punct && (b == K.LParen || b == K.Tilde || b == K.Bang))
      );
    }
    return false;
  }

  /** A type name at i (specifiers and an abstract declarator): its type in `typeRead`, the
   *  index after it returned. */
  typeRead: i32 = T.UNKNOWN;
  readTypeName(i: i32): i32 {
    const s = new DeclSpec();
    const d = new Declarator();
    const j = this.readSpecifiers(i, s);
    const e = this.readDeclarator(j, d, s.type, s.isConst);
    this.typeRead = d.type;
    return e;
  }

  /** Reads declaration specifiers from token i into `s`; enum constants defined in them are
   *  declared in the current scope. Returns the index after them. */
  readSpecifiers(i: i32, s: DeclSpec): i32 {
    const w = this.w;
    const t = w.t;
    s.reset();
    let j = i;
    let longs = 0;
    let base = -1;
    let uns = false;
    let signedWord = false;
    let named = T.UNKNOWN; // a typedef's, a record's or typeof's type
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
      if (isQualifier(a)) {
        if (a == K.Const) s.isConst = true;
        j++;
        continue;
      }
      if (a == K.Attribute) {
        j = readAttribute(t, j, w.lim, s.attrs);
        continue;
      }
      if (a == K.Extension) {
        j++;
        continue;
      }
      if (a == K.Alignas) {
        j = matchClose(t, j + 1, w.lim) + 1;
        continue;
      }
      if (a == K.Atomic) {
        if (t.kindAt(j + 1) == CK.Punct && t.atomAt(j + 1) == K.LParen) {
          s.alias = SPELLED_UNKNOWN;
          const close = matchClose(t, j + 1, w.lim);
          this.readTypeName(j + 2);
          named = this.typeRead;
          s.hasType = true;
          j = close + 1;
        } else j++;
        continue;
      }
      if (a == K.Typeof || a == K.TypeofUnqual) {
        s.hasType = true;
        s.alias = SPELLED_UNKNOWN;
        if (t.kindAt(j + 1) == CK.Punct && t.atomAt(j + 1) == K.LParen) {
          const close = matchClose(t, j + 1, w.lim);
          if (this.startsTypeName(j + 2)) {
            this.readTypeName(j + 2);
            named = this.typeRead;
          } else {
            // the expression's inline calls are walked, whose declarations read into the
            // statement reader's specifiers: this declaration's so far are kept aside
            const kept = new DeclSpec();
            kept.copyFrom(s);
            w.evalType(j + 2, close);
            named = w.rType;
            s.copyFrom(kept);
            s.alias = SPELLED_UNKNOWN;
          }
          j = close + 1;
        } else j++;
        continue;
      }
      if (a == K.AutoType) {
        s.hasType = true;
        s.autoType = true;
        s.alias = SPELLED_UNKNOWN;
        j++;
        continue;
      }
      if (a == K.Struct || a == K.Union || a == K.Enum) {
        s.hasType = true;
        j = this.readTagged(j, a);
        named = this.tagRead;
        continue;
      }
      if (isTypeKeyword(a)) {
        s.hasType = true;
        if (a == K.Unsigned) uns = true;
        else if (a == K.Signed) signedWord = true;
        else if (a == K.Long) longs++;
        else if (a == K.Int) {
          if (base < 0) base = K.Int;
        } else if (a == K.Complex) {
          /* complex numbers: the base word decides the size well enough */
        } else base = a;
        if (a == K.Void) s.isVoid = true;
        j++;
        continue;
      }
      const b = w.scope.lookup(a);
      const kind = w.scope.kindOf(b);
      if (kind == Bind.Typedef && !s.hasType) {
        s.hasType = true;
        s.alias = a;
        named = w.scope.dataOf(b);
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
        if (!s.hasType && !isReserved(a) && !isToyConstant(a) && this.looksLikeUnknownType(j)) {
          s.hasType = true;
          j++;
          continue;
        }
      }
      break;
    }
    if (named != T.UNKNOWN) s.type = named;
    else if (base >= 0 || longs > 0 || uns || signedWord) s.type = basicType(base, longs, uns, signedWord);
    s.end = j;
    return j;
  }

  /** The type readTagged() read. */
  private tagRead: i32 = T.UNKNOWN;

  /** struct/union/enum at token i (the keyword): tag, attributes, body. Returns the index after. */
  private readTagged(i: i32, keyword: i32): i32 {
    const w = this.w;
    const t = w.t;
    const types = w.types;
    const isEnum = keyword == K.Enum;
    let j = i + 1;
    let tag = -1;
    const attrs = new Attrs();
    while (j < w.lim && t.kindAt(j) == CK.Ident) {
      const a = t.atomAt(j);
      // `struct tag __attribute__((used)) x`: an attribute after the tag is the declaration's
      if (a == K.Attribute && tag < 0) {
        j = readAttribute(t, j, w.lim, attrs);
        continue;
      }
      if (w.toy && isToyAttribute(a)) {
        applyToyAttribute(a, attrs);
        j++;
        continue;
      }
      if (isReserved(a) || tag >= 0) break;
      tag = a;
      if (!types.tagSeen.has(a)) types.tagSeen.set(a, j);
      j++;
    }
    // enum E : type { ... }
    if (isEnum && t.kindAt(j) == CK.Punct && t.atomAt(j) == K.Colon) {
      j++;
      while (j < w.lim && t.kindAt(j) == CK.Ident) j++;
    }
    const hasBody = t.kindAt(j) == CK.Punct && t.atomAt(j) == K.LBrace;
    let rt = T.UINT;
    if (isEnum) {
      if (hasBody) j = this.readEnumerators(j) + 1;
    } else {
      const isUnion = keyword == K.Union;
      if (hasBody) {
        // a body defines the tag here (a tag defined again in a block is a new type)
        rt = tag >= 0 && types.tags.has(tag) && types.recComplete.get(types.rec.get(types.tags.get(tag))) == 0 ? types.tags.get(tag) : types.newRecord(isUnion);
        if (tag >= 0) types.tags.set(tag, rt);
        types.recTag.set(types.rec.get(rt), tag);
        j = this.readMembers(j, rt);
      } else {
        rt = types.tagged(tag, isUnion);
      }
    }
    if (hasBody) {
      while (j < w.lim && t.kindAt(j) == CK.Ident && t.atomAt(j) == K.Attribute) j = readAttribute(t, j, w.lim, attrs);
      if (!isEnum) this.layOut(rt, attrs);
    }
    this.tagRead = rt;
    return j;
  }

  // the members of records being read (one list per nesting level, flattened)
  private mType: IntVec = new IntVec(64);
  private mBits: IntVec = new IntVec(64);
  private mAlign: IntVec = new IntVec(64);
  /** The member's name, or -1 (an anonymous struct or union member, or an unnamed bit-field). */
  private mName: IntVec = new IntVec(64);
  private mBase: IntVec = new IntVec(16);

  /** A struct or union body at `open`: its members (names, types, bit widths) are recorded
   *  for layOut(); enums defined in it declare their constants. Returns the index after `}`. */
  private readMembers(open: i32, rt: i32): i32 {
    const w = this.w;
    const t = w.t;
    const close = matchClose(t, open, w.lim);
    this.mBase.push(this.mType.length);
    if (this.nesting >= MAX_RECORD_NESTING) {
      // read past: the layout and the members stay unknown
      w.types.recExact.set(w.types.rec.get(rt), 0);
      this.mType.push(T.UNKNOWN);
      this.mBits.push(-1);
      this.mAlign.push(0);
      this.mName.push(-1);
      return close + 1;
    }
    this.nesting++;
    const s = new DeclSpec();
    const d = new Declarator();
    let j = open + 1;
    while (j < close) {
      const k = t.kindAt(j);
      if (k == CK.End) break;
      if (k == CK.Punct && t.atomAt(j) == K.Semi) {
        j++;
        continue;
      }
      if (k == CK.Ident && t.atomAt(j) == K.StaticAssert) {
        j = matchClose(t, j + 1, close) + 1;
        continue;
      }
      const start = j;
      const saved = w.lim;
      w.lim = close;
      j = this.readSpecifiers(j, s);
      let declared = false;
      while (j < close) {
        const before = j;
        j = this.readDeclarator(j, d, s.type, s.isConst);
        let bits = -1;
        if (t.kindAt(j) == CK.Punct && t.atomAt(j) == K.Colon) {
          const e = this.endOfItem(j + 1, true);
          w.evalConst(j + 1, e);
          bits = w.rVK == VK.Known ? <i32>w.rVal : 0;
          j = e;
          while (j < close && t.kindAt(j) == CK.Ident && t.atomAt(j) == K.Attribute) j = readAttribute(t, j, close, d.attrs);
        }
        if (d.name >= 0 || bits >= 0) {
          declared = true;
          if (d.name >= 0) w.types.addMember(rt, d.name, d.type);
          if (d.name >= 0 && bits > 0) w.types.setBitWidth(rt, d.name, bits);
          this.mType.push(d.type);
          this.mBits.push(bits);
          this.mAlign.push(d.attrs.aligned > s.attrs.aligned ? d.attrs.aligned : s.attrs.aligned);
          this.mName.push(d.name);
        }
        if (t.kindAt(j) == CK.Punct && t.atomAt(j) == K.Comma) {
          j++;
          continue;
        }
        if (j == before) break;
        break;
      }
      if (!declared && s.hasType && w.types.kindOf(s.type) == TY.Record) {
        // an anonymous struct or union member: its members are this record's
        w.types.addMember(rt, -1, s.type);
        this.mType.push(s.type);
        this.mBits.push(-1);
        this.mAlign.push(s.attrs.aligned);
        this.mName.push(-1);
      } else if (!s.hasType || (!declared && w.types.kindOf(s.type) != TY.Int) || (j < close && !(t.kindAt(j) == CK.Punct && t.atomAt(j) == K.Semi))) {
        // a declaration not understood (a type the reader does not know taken for the
        // member's name, say): the record may have members it did not see
        w.types.recExact.set(w.types.rec.get(rt), 0);
      }
      w.lim = saved;
      // on to the next member declaration
      while (j < close && !(t.kindAt(j) == CK.Punct && t.atomAt(j) == K.Semi)) {
        if (t.kindAt(j) == CK.Punct && (t.atomAt(j) == K.LBrace || t.atomAt(j) == K.LParen || t.atomAt(j) == K.LBracket)) j = matchClose(t, j, close + 1);
        j++;
      }
      if (j == start) j++;
    }
    this.nesting--;
    return close + 1;
  }

  /** Lays out the record the last readMembers() read (gcc's x86-64 rules: each member at
   *  its alignment, bit-fields packed in units of their type that they do not straddle;
   *  packed: no padding; aligned(N): at least N). */
  private layOut(rt: i32, attrs: Attrs): void {
    const types = this.w.types;
    if (this.mBase.length == 0) return;
    const from = this.mBase.pop();
    const isUnion = types.isUnion(rt);
    let bits: i64 = 0;
    let size: i64 = 0;
    let align = 1;
    let known = true;
    for (let k = from; k < this.mType.length; k++) {
      const mt = this.mType.get(k);
      const width = this.mBits.get(k);
      let ms = types.sizeOf(mt);
      let ma = attrs.packed ? 1 : types.alignOf(mt);
      if (this.mAlign.get(k) > ma) ma = this.mAlign.get(k);
      if (types.kindOf(mt) == TY.Array && types.count.get(mt) < 0) ms = 0; // a flexible array member
      if (ms < 0) {
        known = false;
        continue;
      }
      if (width >= 0) {
        const unit = <i64>ms * 8;
        if (width == 0) {
          if (unit > 0) bits = ((bits + unit - 1) / unit) * unit;
          continue;
        }
        if (isUnion) {
          if (<i64>ms > size) size = ms;
        } else {
          if (!attrs.packed && unit > 0 && (bits % unit) + <i64>width > unit) bits = ((bits + unit - 1) / unit) * unit;
          bits += width;
        }
        if (!attrs.packed && ma > align) align = ma;
        continue;
      }
      if (ma > align) align = ma;
      if (isUnion) {
        if (<i64>ms > size) size = ms;
        if (known) types.setOffset(rt, this.mName.get(k), mt, 0);
        continue;
      }
      const abits = <i64>ma * 8;
      const at = ((bits + abits - 1) / abits) * abits;
      if (known && at / 8 <= 0x7fffffff) types.setOffset(rt, this.mName.get(k), mt, <i32>(at / 8));
      bits = at + <i64>ms * 8;
    }
    this.mType.truncate(from);
    this.mBits.truncate(from);
    this.mAlign.truncate(from);
    this.mName.truncate(from);
    if (attrs.aligned > align) align = attrs.aligned;
    if (!isUnion) size = (bits + 7) / 8;
    size = ((size + align - 1) / align) * align;
    if (!known || size > 0x7fffffff) {
      types.complete(rt, -1, align);
      return;
    }
    types.complete(rt, <i32>size, align);
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
      if (k != CK.Ident) {
        j++;
        continue;
      }
      const name = t.atomAt(j);
      const nameTok = j++;
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
      w.scope.bind(name, Bind.EnumConst, w.addConstant(vk, v, uns), nameTok);
      prevKind = vk;
      prev = v;
      prevUns = uns;
      if (t.kindAt(j) == CK.Punct && t.atomAt(j) == K.Comma) j++;
    }
    return w.lim - 1;
  }

  /** The index of the `,` (or `;`, or the `}` `)` `]` closing the enclosing group) that ends
   *  an initializer or value starting at i; brackets are skipped whole. */
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

  /** The index of the `:` that ends a case label's value starting at i. */
  endOfCase(i: i32): i32 {
    const w = this.w;
    const t = w.t;
    let depth = 0;
    let pending = 0; // open `?` waiting for their `:`
    for (let j = i; j < w.lim; j++) {
      const k = t.kindAt(j);
      if (k == CK.End) return j;
      if (k != CK.Punct) continue;
      const a = t.atomAt(j);
      if (a == K.LParen || a == K.LBracket || a == K.LBrace) depth++;
      else if (a == K.RParen || a == K.RBracket || a == K.RBrace) {
        if (depth == 0) return j;
        depth--;
      } else if (depth == 0 && a == K.Question) pending++;
      else if (depth == 0 && a == K.Colon) {
        if (pending == 0) return j;
        pending--;
      } else if (depth == 0 && a == K.Semi) return j;
    }
    return w.lim - 1;
  }

  /** Reads one declarator from token i into `d` (its type derived from `base`, a const one
   *  when baseConst); stops at `,` `;` `=` `{` `:` or a token that cannot continue it.
   *  Returns the index after it. */
  readDeclarator(i: i32, d: Declarator, base: i32, baseConst: bool): i32 {
    const w = this.w;
    const t = w.t;
    d.reset();
    const stars = this.stars;
    const starMark = stars.length;
    const dd = this.dDepth,
      dk = this.dKind,
      dc = this.dCount,
      dq = this.dConst;
    const mark = dd.length;
    let depth = 0;
    let maxDepth = 0;
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
            if (depth > maxDepth) maxDepth = depth;
            j++;
            continue;
          }
          const close = matchClose(t, j, w.lim);
          if (d.name >= 0 && suffixAllowed && !d.isArray && d.paramOpen < 0) {
            d.isFunction = true;
            d.paramOpen = j;
            d.paramClose = close;
          }
          dd.push(depth);
          dk.push(2);
          dc.push(0);
          dq.push(0);
          suffixAllowed = false;
          j = close + 1;
          continue;
        }
        if (a == K.LBracket) {
          const close = matchClose(t, j, w.lim);
          if (d.name >= 0 && suffixAllowed && !d.isFunction) d.isArray = true;
          let n = -1;
          if (close > j + 1) {
            w.evalConst(j + 1, close);
            if (w.rVK == VK.Known && w.rVal >= 0 && w.rVal < 0x7fffffff) n = <i32>w.rVal;
          }
          dd.push(depth);
          dk.push(1);
          dc.push(n);
          dq.push(0);
          j = close + 1;
          continue;
        }
        if (a == K.RParen) {
          if (depth == 0) break;
          depth--;
          const hadStar = stars.length > starMark ? stars.pop() != 0 : false;
          if (d.name >= 0 && nameDepth > depth) {
            if (hadStar) suffixAllowed = false;
            nameDepth = depth;
          }
          j++;
          continue;
        }
        if (a == K.Star || a == K.Caret) {
          if (stars.length > starMark) stars.set(stars.length - 1, 1);
          if (d.name < 0) d.isPointer = true;
          dd.push(depth);
          dk.push(0);
          dc.push(0);
          dq.push(0);
          j++;
          continue;
        }
        break;
      }
      if (k != CK.Ident) break;
      if (a == K.Attribute) {
        j = readAttribute(t, j, w.lim, d.attrs);
        continue;
      }
      if (a == K.Asm) {
        const open = j + 1;
        if (t.atomAt(open) == K.LParen && t.kindAt(open) == CK.Punct) {
          const close = matchClose(t, open, w.lim);
          for (let s = open; s < close; s++)
            if (t.kindAt(s) == CK.String) {
              const text = t.text(s);
              d.asmName = t.names.intern(text.substring(1, text.length - 1));
              break;
            }
          j = close + 1;
          continue;
        }
        break;
      }
      if (isQualifier(a) || a == K.Atomic || a == K.Extension) {
        const last = dd.length - 1;
        if (a == K.Const && last >= mark && dk.get(last) == 0) dq.set(last, 1);
        j++;
        continue;
      }
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
    d.type = this.derive(base, baseConst, mark, maxDepth);
    dd.truncate(mark);
    dk.truncate(mark);
    dc.truncate(mark);
    dq.truncate(mark);
    stars.truncate(starMark);
    return j;
  }

  /** The declarator's type: at each depth from the outside in, its pointers apply first,
   *  then its suffixes from the right (C11 6.7.6). A pointer to what is const so far (the
   *  base, or a `* const` pointer; an array keeps its elements' const) is a `const T *`. */
  private derive(base: i32, baseConst: bool, mark: i32, maxDepth: i32): i32 {
    const types = this.w.types;
    const dd = this.dDepth,
      dk = this.dKind,
      dc = this.dCount,
      dq = this.dConst;
    if (base == T.UNKNOWN) return T.UNKNOWN;
    let ty = base;
    let isConst = baseConst;
    for (let level = 0; level <= maxDepth; level++) {
      for (let k = mark; k < dd.length; k++)
        if (dd.get(k) == level && dk.get(k) == 0) {
          ty = types.pointerTo(ty, isConst);
          isConst = dq.get(k) != 0;
        }
      for (let k = dd.length - 1; k >= mark; k--) {
        if (dd.get(k) != level) continue;
        if (dk.get(k) == 1) ty = types.arrayOf(ty, dc.get(k));
        else if (dk.get(k) == 2) {
          ty = types.functionReturning(ty);
          isConst = false;
        }
      }
    }
    return ty;
  }

  /** Whether `(` before token i opens a parameter list (not a declarator in parentheses). */
  private opensParameters(i: i32): bool {
    const w = this.w;
    const t = w.t;
    const k = t.kindAt(i);
    if (k == CK.Punct) {
      const a = t.atomAt(i);
      return a == K.RParen || a == K.Ellipsis;
    }
    if (k != CK.Ident) return false;
    const a = t.atomAt(i);
    if (isStorage(a) || isQualifier(a) || isTypeKeyword(a) || a == K.Attribute) return true;
    return w.scope.kindOf(w.scope.lookup(a)) == Bind.Typedef;
  }

  /** Declares the parameters of the list [open, close] as locals of the current walk, in
   *  order; their slots are appended to `slots` and their names' tokens to `names` (-1 for
   *  an unnamed one). */
  declareParameters(open: i32, close: i32, slots: IntVec, names: IntVec): void {
    const w = this.w;
    const t = w.t;
    const s = this.inner;
    const d = this.innerD;
    const saved = w.lim;
    w.lim = close + 1;
    let j = open + 1;
    while (j < close) {
      if (t.kindAt(j) == CK.Punct && t.atomAt(j) == K.Ellipsis) {
        j++;
        continue;
      }
      const afterSpec = this.readSpecifiers(j, s);
      const after = this.readDeclarator(afterSpec, d, s.type, s.isConst);
      if (d.name >= 0) {
        // an array parameter is a pointer
        const ty = w.types.kindOf(d.type) == TY.Array ? w.types.pointerTo(w.types.baseOf(d.type)) : d.type;
        const slot = w.addLocal(ty);
        if (s.isConst && !d.isPointer) w.localFlags.set(slot, w.localFlags.get(slot) | LF.CONST);
        w.localAlias.set(slot, s.alias);
        w.scope.bind(d.name, Bind.Local, slot, d.nameTok);
        slots.push(slot);
        names.push(d.nameTok);
      } else if (!(s.isVoid && w.types.kindOf(d.type) == TY.Void)) {
        slots.push(-1);
        names.push(-1);
      }
      j = after > j ? after : j + 1;
      // on to the next parameter
      while (j < close) {
        if (t.kindAt(j) == CK.Punct) {
          const a = t.atomAt(j);
          if (a == K.Comma) {
            j++;
            break;
          }
          if (a == K.LParen || a == K.LBracket || a == K.LBrace) {
            j = matchClose(t, j, close + 1) + 1;
            continue;
          }
        }
        j++;
      }
    }
    w.lim = saved;
  }
}

/** The number of elements the initializer at [a, end) gives an array of unknown bound: a
 *  string literal's characters and NUL, or a brace list's items; -1 with a designator
 *  (`[N] = x` sets the length by its index) or anything else. */
export function initializedLength(w: Walker, a: i32, end: i32): i32 {
  const t = w.t;
  if (t.kindAt(a) == CK.String) {
    let k = a;
    while (k < end && t.kindAt(k) == CK.String) k++;
    return k == end ? unescapeString(stringsIn(t, a, k)).length + 1 : -1;
  }
  if (!(t.kindAt(a) == CK.Punct && t.atomAt(a) == K.LBrace)) return -1;
  const close = matchClose(t, a, end);
  // the next element's index, and the length so far: a designator [k] (or GNU's [j ... k])
  // moves the index to k
  let at: i64 = 0;
  let length: i64 = 0;
  let empty = true;
  let depth = 0;
  for (let j = a + 1; j < close; j++) {
    const k = t.kindAt(j);
    if (k == CK.End) return -1;
    if (k != CK.Punct) {
      empty = false;
      continue;
    }
    const p = t.atomAt(j);
    if (p == K.LBracket && depth == 0 && empty) {
      const shut = matchClose(t, j, close);
      let from = j + 1;
      for (let q = j + 1; q < shut; q++) if (t.kindAt(q) == CK.Punct && t.atomAt(q) == K.Ellipsis) from = q + 1;
      w.evalConst(from, shut);
      if (w.rVK != VK.Known || w.rVal < 0 || w.rVal > 0x7fffffff) return -1;
      at = w.rVal;
      empty = false;
      j = shut;
      continue;
    }
    if (p == K.LBrace || p == K.LParen || p == K.LBracket) {
      depth++;
      empty = false;
    } else if (p == K.RBrace || p == K.RParen || p == K.RBracket) depth--;
    else if (p == K.Comma && depth == 0) {
      if (!empty) {
        at++;
        if (at > length) length = at;
      }
      empty = true;
    } else empty = false;
  }
  if (!empty && at + 1 > length) length = at + 1;
  return length > 0x7fffffff ? -1 : <i32>length;
}
