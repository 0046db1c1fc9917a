// C types as gcc lays them out for x86-64 (the SysV ABI, kbuild's -funsigned-char): sizes
// and alignments of basic types, pointers, arrays and records (struct and union layout with
// bit-fields, packed and aligned), so that sizeof, __builtin_types_compatible_p, _Generic,
// `switch (sizeof(x))` and __builtin_object_size fold as they do in gcc — the kernel's
// headers decide which calls survive with them (kmalloc's size classes, percpu accessors,
// static keys, fortify's checks).

import { copyMap } from "../../util/maps";
import { IntVec } from "./intvec";
import { Names } from "./names";

/** What a type is. */
export enum TY {
  Unknown = 0,
  Void,
  Int,
  Float,
  Pointer,
  Array,
  Record,
  Function,
}

/** Type ids of the basic types (the first entries of every table). */
export namespace T {
  export const UNKNOWN = 0;
  export const VOID = 1;
  export const CHAR = 2;
  export const SCHAR = 3;
  export const UCHAR = 4;
  export const SHORT = 5;
  export const USHORT = 6;
  export const INT = 7;
  export const UINT = 8;
  export const LONG = 9;
  export const ULONG = 10;
  export const LLONG = 11;
  export const ULLONG = 12;
  export const BOOL = 13;
  export const INT128 = 14;
  export const UINT128 = 15;
  export const FLOAT = 16;
  export const DOUBLE = 17;
  export const LDOUBLE = 18;
  export const VALIST = 19;
}

export class Types {
  kind: IntVec = new IntVec(256);
  size: IntVec = new IntVec(256);
  align: IntVec = new IntVec(256);
  uns: IntVec = new IntVec(256);
  /** Pointer target, array element, function result. */
  base: IntVec = new IntVec(256);
  /** Array length (-1: unknown or flexible). */
  count: IntVec = new IntVec(256);
  /** The record of a Record type. */
  rec: IntVec = new IntVec(256);
  /** 1 for a pointer to a const-qualified type (`const T *`): the one qualifier modelled,
   *  as _Generic tells `const struct device *` from `struct device *` (dev_fwnode). */
  toConst: IntVec = new IntVec(256);
  private pointers: Map<i32, i32> = new Map();
  private constPointers: Map<i32, i32> = new Map();
  private arrays: Map<i64, i32> = new Map();
  private functions: Map<i32, i32> = new Map();

  // records: union or struct, complete, size, align, members by name, anonymous members
  recUnion: IntVec = new IntVec(256);
  recComplete: IntVec = new IntVec(256);
  recType: IntVec = new IntVec(256);
  recMembers: Array<Map<i32, i32>> = [];
  recAnonymous: Array<i32[]> = [];
  /** Byte offsets once laid out: of named members by name, of anonymous members by type. */
  recOffsets: Array<Map<i32, i32>> = [];
  recAnonOffsets: Array<Map<i32, i32>> = [];
  /** The widths of bit-field members by name (a bit-field has no byte offset). */
  recBitWidths: Array<Map<i32, i32>> = [];
  /** The member declared last: its name, or -1 with recLastAnon holding an anonymous
   *  struct or union member's type. */
  recLastName: IntVec = new IntVec(256);
  recLastAnon: IntVec = new IntVec(256);
  /** The members in declaration order: a name, or ~type for an anonymous struct or union
   *  member (gcc's spelling suggestions consider them in this order). */
  recOrder: Array<i32[]> = [];
  /** 1 when every member declaration of the body was understood: only then does a name
   *  missing from it mean the record has no such member. */
  recExact: IntVec = new IntVec(256);
  /** 1 when a typedef names the record itself: gcc may then spell it by that name. */
  recAliased: IntVec = new IntVec(256);
  /** The tag that named the record where its body was read, or -1. */
  recTag: IntVec = new IntVec(256);
  /** struct/union/enum tags (one namespace; the reader keeps one table per translation unit). */
  tags: Map<i32, i32> = new Map();
  /** Where each tag (an enum's too) was first written: gcc's spelling suggestions read them. */
  tagSeen: Map<i32, i32> = new Map();
  /** Whether a record's members are its own (0: shared with a copy, see copy()). */
  private recOwned: IntVec = new IntVec(256);

  constructor() {
    this.add(TY.Unknown, -1, 1, false, 0, 0, -1);
    this.add(TY.Void, 1, 1, false, 0, 0, -1);
    this.add(TY.Int, 1, 1, true, 0, 0, -1); // char: kbuild passes -funsigned-char
    this.add(TY.Int, 1, 1, false, 0, 0, -1);
    this.add(TY.Int, 1, 1, true, 0, 0, -1);
    this.add(TY.Int, 2, 2, false, 0, 0, -1);
    this.add(TY.Int, 2, 2, true, 0, 0, -1);
    this.add(TY.Int, 4, 4, false, 0, 0, -1);
    this.add(TY.Int, 4, 4, true, 0, 0, -1);
    this.add(TY.Int, 8, 8, false, 0, 0, -1);
    this.add(TY.Int, 8, 8, true, 0, 0, -1);
    this.add(TY.Int, 8, 8, false, 0, 0, -1);
    this.add(TY.Int, 8, 8, true, 0, 0, -1);
    this.add(TY.Int, 1, 1, true, 0, 0, -1);
    this.add(TY.Int, 16, 16, false, 0, 0, -1);
    this.add(TY.Int, 16, 16, true, 0, 0, -1);
    this.add(TY.Float, 4, 4, false, 0, 0, -1);
    this.add(TY.Float, 8, 8, false, 0, 0, -1);
    this.add(TY.Float, 16, 16, false, 0, 0, -1);
    this.add(TY.Record, 24, 8, false, 0, 0, -1);
  }

  /** A copy that later changes to either leave the other as it was. */
  copy(): Types {
    const c = new Types();
    c.kind = this.kind.copy();
    c.size = this.size.copy();
    c.align = this.align.copy();
    c.uns = this.uns.copy();
    c.base = this.base.copy();
    c.count = this.count.copy();
    c.rec = this.rec.copy();
    c.toConst = this.toConst.copy();
    c.pointers = copyMap(this.pointers);
    c.constPointers = copyMap(this.constPointers);
    c.arrays = copyMap(this.arrays);
    c.functions = copyMap(this.functions);
    c.recUnion = this.recUnion.copy();
    c.recComplete = this.recComplete.copy();
    c.recType = this.recType.copy();
    c.recMembers = this.recMembers.slice(0);
    c.recAnonymous = this.recAnonymous.slice(0);
    c.recOffsets = this.recOffsets.slice(0);
    c.recAnonOffsets = this.recAnonOffsets.slice(0);
    c.recBitWidths = this.recBitWidths.slice(0);
    c.recLastName = this.recLastName.copy();
    c.recLastAnon = this.recLastAnon.copy();
    c.recOrder = this.recOrder.slice(0);
    c.recExact = this.recExact.copy();
    c.recAliased = this.recAliased.copy();
    c.recTag = this.recTag.copy();
    c.tags = copyMap(this.tags);
    c.tagSeen = copyMap(this.tagSeen);
    // the members are shared now: the first change on either side copies them (nearly all
    // records are complete and never change again)
    this.recOwned.data.fill(0, 0, this.recUnion.length);
    c.recOwned = this.recOwned.copy();
    return c;
  }

  private add(kind: TY, size: i32, align: i32, uns: bool, base: i32, count: i32, rec: i32): i32 {
    this.kind.push(<i32>kind);
    this.size.push(size);
    this.align.push(align);
    this.uns.push(uns ? 1 : 0);
    this.base.push(base);
    this.count.push(count);
    this.toConst.push(0);
    return this.rec.push(rec);
  }

  @inline kindOf(t: i32): TY {
    return <TY>this.kind.get(t);
  }
  /** sizeof, or -1 when it is not known here. */
  @inline sizeOf(t: i32): i32 {
    return this.size.get(t);
  }
  @inline alignOf(t: i32): i32 {
    return this.align.get(t);
  }
  @inline isUnsigned(t: i32): bool {
    return this.uns.get(t) != 0;
  }
  @inline baseOf(t: i32): i32 {
    return this.base.get(t);
  }
  /** Whether a value of integer type `from` that may be negative, converted to `to`, keeps
   *  the upper bound gcc's mem* expander guesses from: a signed type as wide or wider, or a
   *  64-bit unsigned one (-1 wraps to its top: one anti-range; a narrower unsigned type
   *  leaves two ranges once widened to size_t). */
  keepsUpperBound(from: i32, to: i32): bool {
    if (this.kindOf(to) != TY.Int) return false;
    return this.isUnsigned(to) ? this.sizeOf(to) == 8 : this.sizeOf(to) >= this.sizeOf(from);
  }

  /** Whether a value of integer type `from` becomes another value in integer type `to`
   *  (another size or signedness: gcc's conversion to a new SSA name, not a useless one). */
  converts(from: i32, to: i32): bool {
    if (this.kindOf(from) != TY.Int || this.kindOf(to) != TY.Int) return false;
    return this.sizeOf(from) != this.sizeOf(to) || this.isUnsigned(from) != this.isUnsigned(to);
  }

  /** Whether integer type t keeps a value of type `from` at most `max` unchanged: it is as
   *  wide, or the value fits below its sign bit (an unsigned long & 63 in an int). */
  holds(t: i32, from: i32, max: i64): bool {
    const size = this.sizeOf(t);
    if (size >= this.sizeOf(from)) return true;
    return size > 0 && size < 8 && max >= 0 && max < (<i64>1) << (<i64>size * 8 - 1);
  }
  isPointer(t: i32): bool {
    return this.kindOf(t) == TY.Pointer;
  }
  isArray(t: i32): bool {
    return this.kindOf(t) == TY.Array;
  }
  isScalar(t: i32): bool {
    const k = this.kindOf(t);
    return k == TY.Int || k == TY.Pointer || k == TY.Float;
  }

  /** A pointer to t, to a const-qualified t when toConst. */
  pointerTo(t: i32, toConst: bool = false): i32 {
    const known = toConst ? this.constPointers : this.pointers;
    if (known.has(t)) return known.get(t);
    const p = this.add(TY.Pointer, 8, 8, true, t, 0, -1);
    if (toConst) this.toConst.set(p, 1);
    known.set(t, p);
    return p;
  }

  /** Whether t is a pointer to a const-qualified type. */
  @inline pointsToConst(t: i32): bool {
    return this.toConst.get(t) != 0;
  }

  /** An array of n elements (n < 0: unknown or flexible). */
  arrayOf(t: i32, n: i32): i32 {
    const key = ((<i64>t) << 32) | (<i64>(<u32>n));
    if (this.arrays.has(key)) return this.arrays.get(key);
    const es = this.sizeOf(t);
    const size = n >= 0 && es >= 0 ? (<i64>n * es > 0x7fffffff ? -1 : n * es) : n < 0 ? -1 : 0;
    const a = this.add(TY.Array, size, this.alignOf(t), false, t, n, -1);
    this.arrays.set(key, a);
    return a;
  }

  functionReturning(t: i32): i32 {
    if (this.functions.has(t)) return this.functions.get(t);
    const f = this.add(TY.Function, 1, 1, false, t, 0, -1);
    this.functions.set(t, f);
    return f;
  }

  /** The record type a tag names, made (incomplete) on first sight. */
  tagged(tag: i32, isUnion: bool): i32 {
    if (tag >= 0 && this.tags.has(tag)) return this.tags.get(tag);
    const t = this.newRecord(isUnion);
    if (tag >= 0) this.tags.set(tag, t);
    this.recTag.set(this.rec.get(t), tag);
    return t;
  }

  /** A new record (an anonymous one, or one whose tag is declared again in a block). */
  newRecord(isUnion: bool): i32 {
    const r = this.recUnion.push(isUnion ? 1 : 0);
    this.recOwned.push(1);
    this.recComplete.push(0);
    this.recMembers.push(new Map());
    this.recAnonymous.push([]);
    this.recOffsets.push(new Map());
    this.recAnonOffsets.push(new Map());
    this.recBitWidths.push(new Map());
    this.recLastName.push(-1);
    this.recLastAnon.push(-1);
    this.recOrder.push([]);
    this.recExact.push(1);
    this.recAliased.push(0);
    this.recTag.push(-1);
    const t = this.add(TY.Record, -1, 1, false, 0, 0, r);
    this.recType.push(t);
    return t;
  }

  isUnion(t: i32): bool {
    const r = this.rec.get(t);
    return r >= 0 && this.recUnion.get(r) != 0;
  }

  /** Records a member of record type `t` (name -1: an anonymous struct or union member). */
  addMember(t: i32, name: i32, type: i32): void {
    const r = this.rec.get(t);
    if (r < 0) return;
    this.own(r);
    if (name >= 0) this.recMembers[r].set(name, type);
    else if (this.kindOf(type) == TY.Record) this.recAnonymous[r].push(type);
    this.recOrder[r].push(name >= 0 ? name : ~type);
    this.recLastName.set(r, name);
    this.recLastAnon.set(r, name >= 0 ? -1 : type);
  }

  /** How many structs member `name` of record `t` ends, from `t` down through anonymous
   *  members (unions end any member and do not count), or -1 where one does not end. */
  recordsEnded(t: i32, name: i32): i32 {
    let steps = 0;
    let guard = 0;
    while (++guard < 64) {
      const r = this.rec.get(t);
      if (this.kindOf(t) != TY.Record || r < 0) return -1;
      const union = this.recUnion.get(r) != 0;
      if (this.recMembers[r].has(name)) return union ? steps : this.recLastName.get(r) == name ? steps + 1 : -1;
      const anon = this.recAnonymous[r];
      let inner = -1;
      for (let k = 0; k < anon.length; k++) if (this.memberOf(anon[k], name) != T.UNKNOWN) inner = anon[k];
      if (inner < 0) return -1;
      if (!union) {
        if (this.recLastAnon.get(r) != inner) return -1;
        steps++;
      }
      t = inner;
    }
    return -1;
  }

  /** Whether member `name` of record type `t` ends it: no other member follows it, in `t`
   *  or in the anonymous members that hold it (every member of a union ends it). This is
   *  gcc's array_at_struct_end_p for a reference through a pointer (tree.cc, gcc 12). */
  endsRecord(t: i32, name: i32): bool {
    return this.recordsEnded(t, name) >= 0;
  }

  /** Makes record r's member tables this copy's own before a change (they are shared with
   *  the copy they came from until then). */
  private own(r: i32): void {
    if (this.recOwned.get(r) != 0) return;
    this.recMembers[r] = copyMap(this.recMembers[r]);
    this.recAnonymous[r] = this.recAnonymous[r].slice(0);
    this.recOffsets[r] = copyMap(this.recOffsets[r]);
    this.recAnonOffsets[r] = copyMap(this.recAnonOffsets[r]);
    this.recBitWidths[r] = copyMap(this.recBitWidths[r]);
    this.recOrder[r] = this.recOrder[r].slice(0);
    this.recOwned.set(r, 1);
  }

  /** Member `name` (-1: the anonymous member of type `type`) of record type `t` starts
   *  `offset` bytes into it. */
  setOffset(t: i32, name: i32, type: i32, offset: i32): void {
    const r = this.rec.get(t);
    if (r < 0) return;
    this.own(r);
    if (name >= 0) this.recOffsets[r].set(name, offset);
    else this.recAnonOffsets[r].set(type, offset);
  }

  /** The byte offset of member `name` in record type `t` (looking into anonymous members),
   *  or -1 when the layout is not known. */
  offsetOf(t: i32, name: i32): i32 {
    let at = 0;
    let guard = 0;
    while (++guard < 64) {
      const r = this.rec.get(t);
      if (this.kindOf(t) != TY.Record || r < 0 || this.recComplete.get(r) == 0) return -1;
      if (this.recMembers[r].has(name)) return this.recOffsets[r].has(name) ? at + this.recOffsets[r].get(name) : -1;
      const anon = this.recAnonymous[r];
      let inner = -1;
      for (let k = 0; k < anon.length; k++) if (this.memberOf(anon[k], name) != T.UNKNOWN) inner = anon[k];
      if (inner < 0 || !this.recAnonOffsets[r].has(inner)) return -1;
      at += this.recAnonOffsets[r].get(inner);
      t = inner;
    }
    return -1;
  }

  /** Member `name` of record type `t` is a bit-field `width` bits wide. */
  setBitWidth(t: i32, name: i32, width: i32): void {
    const r = this.rec.get(t);
    if (r < 0) return;
    this.own(r);
    this.recBitWidths[r].set(name, width);
  }

  /** The width of bit-field member `name` of record type `t` (looking into anonymous
   *  members), or -1 for a member that is not a bit-field. */
  bitWidthOf(t: i32, name: i32): i32 {
    let guard = 0;
    while (++guard < 64) {
      const r = this.rec.get(t);
      if (this.kindOf(t) != TY.Record || r < 0) return -1;
      if (this.recMembers[r].has(name)) return this.recBitWidths[r].has(name) ? this.recBitWidths[r].get(name) : -1;
      const anon = this.recAnonymous[r];
      let inner = -1;
      for (let k = 0; k < anon.length; k++) if (this.memberOf(anon[k], name) != T.UNKNOWN) inner = anon[k];
      if (inner < 0) return -1;
      t = inner;
    }
    return -1;
  }

  /** A record's layout is done. */
  complete(t: i32, size: i32, align: i32): void {
    const r = this.rec.get(t);
    if (r < 0) return;
    this.recComplete.set(r, 1);
    this.size.set(t, size);
    this.align.set(t, align < 1 ? 1 : align);
  }

  /** The type of member `name` of record type `t` (looking into anonymous members), or UNKNOWN. */
  memberOf(t: i32, name: i32): i32 {
    const r = this.holderOf(t, name);
    return r < 0 ? T.UNKNOWN : this.recMembers[r].get(name);
  }

  /** The record (t's, or an anonymous member's) whose own member `name` is, or -1. */
  private holderOf(t: i32, name: i32): i32 {
    if (this.kindOf(t) != TY.Record || this.rec.get(t) < 0) return -1;
    const todo: i32[] = [t];
    let guard = 0;
    while (todo.length > 0 && ++guard < 256) {
      const r = this.rec.get(todo.pop());
      if (r < 0) continue;
      if (this.recMembers[r].has(name)) return r;
      const anon = this.recAnonymous[r];
      for (let k = 0; k < anon.length; k++) todo.push(anon[k]);
    }
    return -1;
  }

  /** A typedef names type t: a record's may then be spelled by that name. */
  noteTypedef(t: i32): void {
    const r = this.rec.get(t);
    if (this.kindOf(t) == TY.Record && r >= 0) this.recAliased.set(r, 1);
  }

  /** gcc's spelling of record type t by its keywords (`struct tag`, `union tag`, `struct
   *  <anonymous>`), or "" for another type. */
  recordSpelling(t: i32, names: Names): string {
    const r = this.rec.get(t);
    if (this.kindOf(t) != TY.Record || r < 0) return "";
    const kind = this.recUnion.get(r) != 0 ? "union " : "struct ";
    const tag = this.recTag.get(r);
    return kind + (tag >= 0 ? names.text(tag) : "<anonymous>");
  }

  /** Whether a typedef names record type t (an expression of it may be spelled by that name). */
  isAliased(t: i32): bool {
    const r = this.rec.get(t);
    return r >= 0 && this.recAliased.get(r) != 0;
  }

  /** Whether record type t has no tag. */
  isAnonymous(t: i32): bool {
    const r = this.rec.get(t);
    return r >= 0 && this.recTag.get(r) < 0;
  }

  /** Whether t is a struct or union whose body the unit never read (only declared). */
  isIncompleteRecord(t: i32): bool {
    const r = this.rec.get(t);
    return this.kindOf(t) == TY.Record && r >= 0 && this.recComplete.get(r) == 0;
  }

  /** Whether record type `t` has member `name` (looking into anonymous members). */
  hasMember(t: i32, name: i32): bool {
    return this.holderOf(t, name) >= 0;
  }

  /** Whether a name missing from record type `t` is one it lacks: its body and those of its
   *  anonymous members were read, and every member declaration in them understood. */
  knowsAllMembers(t: i32): bool {
    const r = this.rec.get(t);
    if (this.kindOf(t) != TY.Record || r < 0 || this.recComplete.get(r) == 0 || this.recExact.get(r) == 0) return false;
    const anon = this.recAnonymous[r];
    for (let k = 0; k < anon.length; k++) if (!this.knowsAllMembers(anon[k])) return false;
    return true;
  }

  /** The member names of record type `t` in gcc's order for a suggestion (c-typeck.cc
   *  lookup_field_fuzzy_find_candidates): each member in turn, an anonymous member's own
   *  members where it stands. */
  memberNames(t: i32, out: i32[]): void {
    const r = this.rec.get(t);
    if (this.kindOf(t) != TY.Record || r < 0) return;
    const order = this.recOrder[r];
    for (let k = 0; k < order.length; k++) {
      if (order[k] >= 0) out.push(order[k]);
      else this.memberNames(~order[k], out);
    }
  }

  /** The place after member `name` among record type t's own members (where a positional
   *  initializer item after `.name = x` goes), or -1 when an anonymous member holds it. */
  memberPlace(t: i32, name: i32): i32 {
    const r = this.rec.get(t);
    if (this.kindOf(t) != TY.Record || r < 0) return -1;
    const at = this.recOrder[r].indexOf(name);
    return at < 0 ? -1 : at + 1;
  }

  /** The type of record type t's member at `place` (an anonymous member's record type), or
   *  UNKNOWN past the last. */
  memberAtPlace(t: i32, place: i32): i32 {
    const r = this.rec.get(t);
    if (this.kindOf(t) != TY.Record || r < 0 || place >= this.recOrder[r].length) return T.UNKNOWN;
    const m = this.recOrder[r][place];
    return m >= 0 ? this.recMembers[r].get(m) : ~m;
  }

  /** How many members record type t has of its own (an anonymous member counts once). */
  memberCount(t: i32): i32 {
    const r = this.rec.get(t);
    return this.kindOf(t) != TY.Record || r < 0 ? 0 : this.recOrder[r].length;
  }

  /** Where member `name` stands among record t's members in declaration order (a
   *  positional initializer's item), or -1: not a member of its own, or an anonymous
   *  member (whose place is not kept) leaves it unknown. */
  memberPosition(t: i32, name: i32): i32 {
    if (this.kindOf(t) != TY.Record || this.rec.get(t) < 0) return -1;
    const r = this.rec.get(t);
    if (this.recAnonymous[r].length > 0 || !this.recMembers[r].has(name)) return -1;
    return this.recMembers[r].keys().indexOf(name);
  }

  /** The type an expression of type t has as an operand (arrays and functions decay). */
  decayed(t: i32): i32 {
    const k = this.kindOf(t);
    if (k == TY.Array) return this.pointerTo(this.baseOf(t));
    if (k == TY.Function) return this.pointerTo(t);
    return t;
  }

  /** The type *p has, for p of type t. */
  pointee(t: i32): i32 {
    const k = this.kindOf(t);
    if (k == TY.Pointer || k == TY.Array) return this.baseOf(t);
    if (k == TY.Function) return t;
    return T.UNKNOWN;
  }

  /** gcc's __builtin_types_compatible_p: 1, 0, or -1 when a side is not known. Of the
   *  qualifiers only a pointer's const target is modelled (`const T *` is not `T *`). */
  compatible(a: i32, b: i32): i32 {
    let guard = 0;
    while (++guard < 64) {
      if (a == T.UNKNOWN || b == T.UNKNOWN) return -1;
      if (a == b) return 1;
      const ka = this.kindOf(a),
        kb = this.kindOf(b);
      if (ka != kb) return 0;
      if (ka == TY.Pointer) {
        if (this.pointsToConst(a) != this.pointsToConst(b)) return 0;
        a = this.baseOf(a);
        b = this.baseOf(b);
        continue;
      }
      if (ka == TY.Array) {
        const ca = this.count.get(a),
          cb = this.count.get(b);
        if (ca >= 0 && cb >= 0 && ca != cb) return 0;
        a = this.baseOf(a);
        b = this.baseOf(b);
        continue;
      }
      if (ka == TY.Function) return 1;
      return 0;
    }
    return -1;
  }

  /** The integer promotions and usual arithmetic conversions of a binary operator. */
  arithmetic(a: i32, b: i32): i32 {
    const ka = this.kindOf(a),
      kb = this.kindOf(b);
    if (ka == TY.Unknown || kb == TY.Unknown) return T.UNKNOWN;
    if (ka == TY.Float || kb == TY.Float) return this.sizeOf(a) >= this.sizeOf(b) && ka == TY.Float ? a : b;
    if (ka != TY.Int || kb != TY.Int) return T.UNKNOWN;
    const pa = this.promoted(a),
      pb = this.promoted(b);
    const sa = this.sizeOf(pa),
      sb = this.sizeOf(pb);
    if (sa != sb) return sa > sb ? pa : pb;
    return this.isUnsigned(pa) ? pa : pb;
  }

  /** The integer promotion of t. */
  promoted(t: i32): i32 {
    if (this.kindOf(t) == TY.Int && this.sizeOf(t) < 4) return T.INT;
    return t;
  }
}
