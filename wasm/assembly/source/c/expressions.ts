// Expressions (C11 6.5 and GNU's) read by operator precedence on explicit operand and
// operator stacks. Each operand carries what gcc would know of its value (for dead code:
// `0 && f()`, `c ? a : b`, `__builtin_choose_expr`, `__builtin_constant_p`) and the
// references it makes, in assembly order. Only an identifier that names a file-scope
// function or object (or, in a toy file, nothing at all) is a reference: members after `.`
// and `->`, locals, parameters, enum constants, labels and the operands of sizeof, typeof,
// _Alignof, __builtin_offsetof, __builtin_types_compatible_p and __builtin_constant_p are not.
// A call of an inline function is expanded: its body is walked with the arguments' values.

import { unescapeString } from "../lexer";
import { matchClose, matchOpen, stringsIn } from "./attributes";
import { DeclSpec, Declarator, isReserved, isToyAttribute, SPELLED_UNKNOWN } from "./declarations";
import { EF, EntKind, Entity } from "./entities";
import { FT, STOP } from "./frames";
import { IntVec, LongVec } from "./intvec";
import { isAssignOp, K } from "./names";
import { NF, RETURNS_RUN_TIME_SIZE } from "./nodes";
import { EK, USES_LOCAL, USES_RESULT } from "./ropes";
import { holdValue } from "./heldvalues";
import { PrintedArgs, PrintedRange, printedRange } from "./printflength";
import { mergedResultRegister, parameterCallRegister, REG, rereadBaseRegister } from "./thunks";
import { Bind } from "./scope";
import { CK, CTokens } from "./tokens";
import { T, TY } from "./types";
import {
  foldBinary,
  foldFailed,
  isComparison,
  joinKinds,
  reversedComparison,
  literalIsInteger,
  literalUnsigned,
  parseCharLiteral,
  parseNumber,
  truncated,
  VK,
} from "./values";
import { LF, MAX_SPECIALIZATIONS, Walker } from "./walker";
import { indexCheckSurvives, shiftCheckSurvives } from "./ubsan";
import { bitBuiltinMax, bitBuiltinWidth, foldBitBuiltin } from "./bitbuiltins";
import { elementItem, itemEnd, itemStart, memberItem } from "./constinit";
import { noteMissingMember, noteUndefinedRecord } from "./nomember";
import { noteUndeclared } from "./undeclared";

/** Operand flags. */
namespace OF {
  export const UNS: i32 = 1;
  /** A bare identifier (a function designator when called). */
  export const DESIG: i32 = 2;
  /** Its value comes from an inline expansion still being walked. */
  export const PENDING: i32 = 4;
  /** An lvalue inside a local with automatic storage. */
  export const LOCAL_OBJ: i32 = 8;
  /** A compiler builtin named without a declaration; oEnt holds its atom. */
  export const BUILTIN: i32 = 16;
  /** Evaluating it never returns (a noreturn call, __builtin_unreachable). */
  export const NORETURN: i32 = 32;
  /** The address of (part of) a local with automatic storage. It makes the function one that
   *  -fstack-protector-strong guards only where it escapes: passed to a call, stored, or the
   *  value of a whole expression; gcc folds it away when it is only compared or discarded
   *  (typecheck()'s `(void)(&__dummy == &__dummy2)`). */
  export const LOCAL_ADDR: i32 = 64;
  /** A string literal (or an inline function's parameter given one): its value indexes
   *  Walker.strings, so *s, s[k] and __builtin_strlen(s) fold as gcc folds them after
   *  inlining (seq_puts()'s `__builtin_constant_p(*s)`). */
  export const STRING: i32 = 128;
  /** An lvalue inside an object reached through a pointer whose members so far each end
   *  their record: an array member here may run past its declared bound (gcc 12's
   *  array_at_struct_end_p), so its size is not known. */
  export const FLEX: i32 = 256;
  /** A value gcc knows only by folding, not an integer constant expression (C11 6.6): a
   *  local's, an inline call's, `x * 0` of a non-constant x. It is no null pointer
   *  constant, so __is_constexpr(x) is 0 for it as in gcc. */
  export const NOT_ICE: i32 = 512;
  /** A run-time object size (__builtin_dynamic_object_size of an object whose size gcc
   *  knows only at run time): its value is the size's id (see isDynamicSize), so two reads of
   *  one size compare equal as in gcc (fortify's `p_size != p_size_field`). */
  export const SIZE: i32 = 1024;
  /** Its value involves a name nothing declares (a constant the built-in prelude lacks):
   *  what gcc would know of it is not known here, so no sanitizer check is decided by it. */
  export const UNRESOLVED: i32 = 2048;
  /** A local (or a copy of it) whose bound (oMax) comes only from a branch that tested it
   *  and left (LF.TESTED): gcc's ranger knows it where it compares and computes, but the
   *  value's own range, which the mem* expander and gcc-14's bounds checks read, does not
   *  have it: that is oOwn (-1: none). */
  export const TESTED: i32 = 4096;
  /** Its bound (oMax) was computed from a TESTED one (`80 - len - 1` after `if (len >= 80)
   *  return;`): gcc's value ranges have it, so the mem* expander reads it, but gcc-14's
   *  sanitizer checks, placed before value ranges, see only the operands' own: oOwn. */
  export const DERIVED: i32 = 8192;
  /** An object reached through a pointer to const (`*p`, `p->m`, `p[i]` of a `const T *`
   *  p, and its members): `&` of it is a `const T *` again (_Generic tells them apart). */
  export const CONST_OBJ: i32 = 16384;
  /** The object a pointer points to (`*p`, the record of `p->m`), or a member of it reached
   *  through unions only; PT_LAST: through one record too, whose last member it is. gcc 12's
   *  addr_object_size takes an array member that may run past its bound by the whole
   *  object's size only where it climbs so from the array to that object; any deeper array
   *  has its declared size (p->in.tail of a struct member `in` is 8 bytes). */
  export const PT_TOP: i32 = 32768;
  export const PT_LAST: i32 = 65536;
}

/** Whether an object size (oSz0 and the like) is one gcc knows only at run time: an
 *  allocation of a size that is no constant (alloc_size), or what is left of one from an
 *  offset. Each is its own value, -2 and below; -1 is unknown. */
export function isDynamicSize(sz: i32): bool {
  return sz < -1;
}

let dynamicSizes: i32 = 0;

/** The size of what one of two values points to, each pointing to an object of a or b
 *  bytes: either's where they agree, else a run-time one where both are known (gcc's
 *  __builtin_dynamic_object_size of a PHI), else unknown. */
export function eitherSizeOf(a: i32, b: i32): i32 {
  if (a == b) return a;
  if (a == -1 || b == -1) return -1;
  const either = newDynamicSize();
  if (Expressions.lateAllocated.has(a) || Expressions.lateAllocated.has(b)) Expressions.lateAllocated.add(either);
  // __builtin_object_size of the choice is the larger size for types 0 and 1, the smaller for
  // 2 and 3, when both are known before run time
  const sa = staticSizes(a),
    sb = staticSizes(b);
  if (sa >= 0 && sb >= 0) {
    const max = (sa & 0xffffffff) > (sb & 0xffffffff) ? sa & 0xffffffff : sb & 0xffffffff;
    const min = sa >> 32 < sb >> 32 ? sa >> 32 : sb >> 32;
    Expressions.staticBounds.set(either, max | (min << 32));
  }
  return either;
}

/** The largest (low half) and least (high half) size object size `sz` can be that gcc knows
 *  before run time, or -1. */
function staticSizes(sz: i32): i64 {
  if (sz >= 0) return (<i64>sz) | ((<i64>sz) << 32);
  return Expressions.staticBounds.has(sz) ? Expressions.staticBounds.get(sz) : -1;
}

/** What __builtin_object_size (type 0 to 3) reads for object size `sz`: gcc's static
 *  answer, -1 (types 0, 1) or 0 (types 2, 3) when it has none. */
function staticObjectSize(sz: i32, type: i64): i64 {
  const s = staticSizes(sz);
  if (s < 0) return type >= 2 ? 0 : -1;
  return type >= 2 ? s >> 32 : s & 0xffffffff;
}

/** A run-time object size of its own. */
function newDynamicSize(): i32 {
  dynamicSizes = dynamicSizes < 0x3fffffff ? dynamicSizes + 1 : 1;
  return -1 - dynamicSizes;
}

// operator codes beyond the punctuator atoms
const OP_PAREN = 1001;
const OP_CALL = 1002;
const OP_INDEX = 1003;
const OP_TQ = 1004;
const OP_TC = 1005;
const OP_CAST = 1006;
const OP_NEG = 1007;
const OP_POS = 1008;
const OP_NOT = 1009;
const OP_BITNOT = 1010;
const OP_DEREF = 1011;
const OP_ADDR = 1012;
const OP_NOP = 1013;

// what an Expr frame does when a child frame returns to it
const R_OPERAND = 1;
const R_CONSTANT_P = 2;
const R_GENERIC = 3;
const R_OBJECT_SIZE = 4;
const R_STMT_EXPR = 5;
const R_DYNAMIC_OBJECT_SIZE = 6;

/** gcc's inline expansion of memcpy/memset with a constant length reaches this size before
 *  it calls the library (x86-64 generic tuning: rep movs up to 8 KiB). */
const INLINE_STRINGOP_MAX: i64 = 8192;

/** gcc 12 (x86-64, kbuild's -mno-sse) expands a memcmp of a constant length whose result is
 *  tested against zero by pieces of 8, 4, 2 and 1 bytes while it takes at most this many
 *  (compare_by_pieces; 32 bytes are, 23 and 33 are not); more is a memcmp call. */
const COMPARE_PIECES_MAX: i32 = 4;

/** gcc 11 and later fold a memmove to one load and one store where a single integer
 *  register holds it: a power of two up to MOVE_MAX, 8 bytes with kbuild's -mno-sse (gcc 10
 *  took 16). Any other stays a call, since the bytes may overlap (gimple_fold_builtin_memory_op
 *  turns it into a memcpy where it proves they do not, which is not followed here). */
const MEMMOVE_FOLD_MAX: i64 = 8;

/** Whether `n` bytes are what one register moves: 1, 2, 4 or 8 (MEMMOVE_FOLD_MAX). */
function oneRegisterMove(n: i64): bool {
  return n > 0 && n <= MEMMOVE_FOLD_MAX && (n & (n - 1)) == 0;
}
/** Whether builtin `name` may write memory (the mem* and string ones). */
function writesMemory(name: string): bool {
  return name.startsWith("__builtin_mem") || name.startsWith("__builtin_str") || name.startsWith("__builtin_stp") || name.startsWith("__builtin___");
}

/** stringCallOf's answer for a comparison gcc knows to find a difference: no call, and a
 *  value that tests nonzero. */
const DIFFERENT: i32 = -3;

/** How many loads of 8, 4, 2 and 1 bytes compare n bytes. */
function comparePieces(n: i64): i32 {
  const pieces = (n >> 3) + <i64>popcnt<i32>(<i32>(n & 7));
  return pieces > 64 ? 65 : <i32>pieces;
}

function isMarker(op: i32): bool {
  return op == OP_PAREN || op == OP_CALL || op == OP_INDEX || op == OP_TQ;
}

function precedence(op: i32): i32 {
  switch (op) {
    case OP_CAST:
    case OP_NEG:
    case OP_POS:
    case OP_NOT:
    case OP_BITNOT:
    case OP_DEREF:
    case OP_ADDR:
    case OP_NOP:
      return 14;
    case K.Star:
    case K.Slash:
    case K.Percent:
      return 13;
    case K.Plus:
    case K.Minus:
      return 12;
    case K.Shl:
    case K.Shr:
      return 11;
    case K.Lt:
    case K.Gt:
    case K.Le:
    case K.Ge:
      return 10;
    case K.EqEq:
    case K.Ne:
      return 9;
    case K.Amp:
      return 8;
    case K.Caret:
      return 7;
    case K.Pipe:
      return 6;
    case K.AndAnd:
      return 5;
    case K.OrOr:
      return 4;
    case OP_TC:
      return 3;
    case K.Comma:
    case K.Ellipsis:
      return 1;
    default:
      return isAssignOp(op) ? 2 : 0;
  }
}

function isBinary(a: i32): bool {
  return (a >= K.Amp && a <= K.OrOr && a != K.Tilde && a != K.Bang) || isAssignOp(a) || a == K.Ellipsis;
}

export class Expressions {
  oKind: IntVec = new IntVec(256);
  oVal: LongVec = new LongVec(256);
  oFl: IntVec = new IntVec(256);
  oHead: IntVec = new IntVec(256);
  oTail: IntVec = new IntVec(256);
  oEnt: IntVec = new IntVec(256);
  oLocal: IntVec = new IntVec(256);
  oTok: IntVec = new IntVec(256);
  oType: IntVec = new IntVec(256);
  /** What __builtin_object_size knows of the object the operand's value points to: the
   *  whole object's size from there (type 0) and the innermost subobject's (type 1), -1
   *  where gcc does not know it (tree-object-size.cc); and the same of the object the
   *  operand designates as an lvalue (what & of it gives). */
  oSz0: IntVec = new IntVec(256);
  oSz1: IntVec = new IntVec(256);
  oLv0: IntVec = new IntVec(256);
  oLv1: IntVec = new IntVec(256);
  /** The largest value an integer operand can have where gcc knows it from its type (an
   *  unsigned char or short widened), a mask, a remainder or a choice between such, -1
   *  where it does not (gcc's global value range, which decides how it expands mem*). */
  oMax: LongVec = new LongVec(256);
  /** A signed value's upper bound where it may be negative (Walker.localHi), -1: none. */
  oHi: LongVec = new LongVec(256);
  /** The least value of an operand whose bound gcc knows, where that is more than nothing
   *  (`k - x` of an x at most b is at least k - b), else -1: valid while its bound is still
   *  oMinOf, the one it was found with (an operator applied in place changes the bound). */
  oMin: LongVec = new LongVec(256);
  oMinOf: LongVec = new LongVec(256);
  /** Less than oMax where gcc's value ranges bound the value beyond what its front end sees
   *  (see ranges: `BIT(i + 3)` of a loop counter i below 5): they fold checks made as ordinary
   *  code (a shift's) but not an index's; -1: nothing more than oMax. */
  oRange: LongVec = new LongVec(256);
  /** With OF.TESTED or OF.DERIVED: the operand's own bound, -1 where it has none. */
  oOwn: LongVec = new LongVec(256);
  /** The function the operand's value is (a designator, &f, a cast of one, or an inline
   *  function's parameter given one), as an entity id, or -1: calling it is a direct call
   *  once gcc has inlined the function that calls it (kref_put's release). */
  oFn: IntVec = new IntVec(256);
  /** A comparison's local: the slot of the unsigned local it compares with a bounded value
   *  (-1: none), and that local's bound where it holds (-1: none) and where it fails: what
   *  gcc's ranger gives each arm of `x < y ? x : y` (min(), clamp()) on its edge. */
  oCmpSlot: IntVec = new IntVec(256);
  oCmpThen: LongVec = new LongVec(256);
  oCmpElse: LongVec = new LongVec(256);
  /** For a read-only object defined with an initializer (or an element or member of one):
   *  the tokens [oInit, oInitEnd) of its initializer item (constinit.ts); -1: none. */
  oInit: IntVec = new IntVec(256);
  oInitEnd: IntVec = new IntVec(256);
  /** The value id (Walker.localOrigin) of a local's value read, kept through conversions
   *  that do not change it; -1: none. */
  oOrigin: IntVec = new IntVec(256);
  /** The memory slot an lvalue `p->m` (`p->a.b`) is: p's value id and the byte offset, -1
   *  for any other operand (memfacts.ts). */
  oPathOrigin: IntVec = new IntVec(256);
  oPathOff: IntVec = new IntVec(256);
  /** For an inline call's value (or a conversion of it): the Use entry of its USES_RESULT
   *  ending its list, else -1 (heldvalues.ts). */
  oResult: IntVec = new IntVec(256);
  pOp: IntVec = new IntVec(256);
  pTok: IntVec = new IntVec(256);
  pData: IntVec = new IntVec(256);
  private spec: DeclSpec = new DeclSpec();
  private decl: Declarator = new Declarator();

  constructor(public w: Walker) {}

  /** Pushes an expression frame at the cursor. `stop`: STOP bits. */
  begin(dead: bool, stop: i32): void {
    const f = this.w.f;
    const fr = f.push(FT.Expr, dead, this.w.i);
    f.a.set(fr, this.oKind.length);
    f.b.set(fr, this.pOp.length);
    f.c.set(fr, stop);
  }

  /** Empties the stacks down to the given heights. */
  resetTo(vals: i32, ops: i32): void {
    this.oKind.truncate(vals);
    this.oVal.truncate(vals);
    this.oFl.truncate(vals);
    this.oHead.truncate(vals);
    this.oTail.truncate(vals);
    this.oEnt.truncate(vals);
    this.oLocal.truncate(vals);
    this.oTok.truncate(vals);
    this.oType.truncate(vals);
    this.oSz0.truncate(vals);
    this.oSz1.truncate(vals);
    this.oLv0.truncate(vals);
    this.oLv1.truncate(vals);
    this.oMax.truncate(vals);
    this.oHi.truncate(vals);
    this.oMin.truncate(vals);
    this.oMinOf.truncate(vals);
    this.oRange.truncate(vals);
    this.oOwn.truncate(vals);
    this.oFn.truncate(vals);
    this.oCmpSlot.truncate(vals);
    this.oCmpThen.truncate(vals);
    this.oCmpElse.truncate(vals);
    this.oInit.truncate(vals);
    this.oInitEnd.truncate(vals);
    this.oOrigin.truncate(vals);
    this.oPathOrigin.truncate(vals);
    this.oPathOff.truncate(vals);
    this.oResult.truncate(vals);
    this.pOp.truncate(ops);
    this.pTok.truncate(ops);
    this.pData.truncate(ops);
  }

  private push(vk: VK, val: i64, fl: i32, head: i32, tail: i32, ent: i32, local: i32, tok: i32, type: i32): i32 {
    this.oKind.push(<i32>vk);
    this.oVal.push(val);
    this.oFl.push(fl);
    this.oHead.push(head);
    this.oTail.push(tail);
    this.oEnt.push(ent);
    this.oLocal.push(local);
    this.oType.push(type);
    this.oSz0.push(-1);
    this.oSz1.push(-1);
    this.oLv0.push(-1);
    this.oLv1.push(-1);
    this.oMax.push(vk == VK.Known && val >= 0 ? val : this.typeMax(type));
    this.oHi.push(-1);
    this.oMin.push(-1);
    this.oMinOf.push(-1);
    this.oRange.push(-1);
    this.oOwn.push(-1);
    this.oFn.push(-1);
    this.oCmpSlot.push(-1);
    this.oCmpThen.push(-1);
    this.oCmpElse.push(-1);
    this.oInit.push(-1);
    this.oInitEnd.push(-1);
    this.oOrigin.push(-1);
    this.oPathOrigin.push(-1);
    this.oPathOff.push(-1);
    this.oResult.push(-1);
    return this.oTok.push(tok);
  }

  /** The largest value of an unsigned integer type narrower than int (its values widen
   *  unchanged), or -1. */
  private typeMax(type: i32): i64 {
    const types = this.w.types;
    const size = types.sizeOf(type);
    if (types.kindOf(type) != TY.Int || !types.isUnsigned(type) || size <= 0 || size > 2) return -1;
    return ((<i64>1) << (<i64>size * 8)) - 1;
  }

  /** How the declaration of the variable that operand t names wrote its type
   *  (DeclSpec.alias), SPELLED_UNKNOWN for any other operand. */
  private spelledAs(t: i32): i32 {
    const w = this.w;
    if ((this.oFl.get(t) & OF.DESIG) == 0) return SPELLED_UNKNOWN;
    if (this.oLocal.get(t) >= 0) return w.localAlias.get(this.oLocal.get(t));
    if (this.oEnt.get(t) >= 0) return w.ents.at(this.oEnt.get(t)).alias;
    return SPELLED_UNKNOWN;
  }

  /** Whether operand t, a record, is a const object: a const local or file-scope object it
   *  names, or one reached through a pointer to const. */
  private isConstObject(t: i32): bool {
    const w = this.w;
    if ((this.oFl.get(t) & OF.DESIG) != 0) {
      if (this.oLocal.get(t) >= 0) return (w.localFlags.get(this.oLocal.get(t)) & LF.CONST) != 0;
      if (this.oEnt.get(t) >= 0) return w.ents.at(this.oEnt.get(t)).has(EF.CONST);
    }
    return (this.oFl.get(t) & OF.CONST_OBJ) != 0;
  }

  /** The largest value member `name` of record type `rec` holds: an unsigned bit-field's
   *  by its width (an `unsigned char t:4` is at most 15), else its type's (typeMax). */
  private memberMax(rec: i32, name: i32, member: i32): i64 {
    const types = this.w.types;
    const width = types.bitWidthOf(rec, name);
    if (width <= 0 || width >= 63 || !types.isUnsigned(member)) return this.typeMax(member);
    return Expressions.lowerBound(this.typeMax(member), ((<i64>1) << width) - 1);
  }

  /** The smaller of two bounds (-1: none). */
  private static lowerBound(a: i64, b: i64): i64 {
    if (a < 0) return b;
    if (b < 0) return a;
    return a < b ? a : b;
  }

  /** Operand o designates an object of `lv0`/`lv1` bytes (whole object from here,
   *  subobject); an array decays to a pointer to it, which carries them. */
  private designates(o: i32, lv0: i32, lv1: i32): void {
    this.oLv0.set(o, lv0);
    this.oLv1.set(o, lv1);
    if (this.w.types.isArray(this.oType.get(o))) {
      this.oSz0.set(o, lv0);
      this.oSz1.set(o, lv1);
    } else {
      this.oSz0.set(o, -1);
      this.oSz1.set(o, -1);
    }
  }

  /** Operand o's value points to an object of `sz0`/`sz1` bytes. */
  private pointsTo(o: i32, sz0: i32, sz1: i32): void {
    this.oSz0.set(o, sz0);
    this.oSz1.set(o, sz1);
  }

  /** Operand t becomes member `name` (of type `member`) of record `rec`: the member is the
   *  subobject (type 1), as gcc 12's addr_object_size takes it, except an array member
   *  that may run past its bound (flexible, or, without -fstrict-flex-arrays, ending every
   *  record up to a pointer's target: array_at_struct_end_p), whose size gcc does not know.
   *  gcc's own tests: testsuite/g++.dg/ext/builtin-object-size1.C (`__builtin_object_size (&p->a, 1) ==
   *  sizeof (p->a)`, `(&p->c, 1)` of the last member -1, `(&p->a, 0)` -1). The whole
   *  object's remaining size (type 0) is what is left of the object the record is in from
   *  the member's offset on, where that object's size is known (a declared object, or one a
   *  pointer is known to point to); so is an array's that may run past its bound, for both
   *  types (samsung-laptop's `strlen(samsung->sdiag)` of a kzalloc(sizeof(*samsung))). */
  private memberSize(t: i32, arrow: bool, rec: i32, name: i32, member: i32): void {
    const types = this.w.types;
    const size = types.sizeOf(member);
    const trailing = !Expressions.strictFlexArrays && this.climbsToPointedObject(arrow ? OF.PT_TOP : this.oFl.get(t), rec, name, true) != 0;
    const flexible = types.isArray(member) && (types.count.get(member) < 0 || trailing);
    const whole = arrow ? this.oSz0.get(t) : this.oLv0.get(t);
    const at = types.offsetOf(rec, name);
    // in an allocation sized at run time, what the allocation leaves from the member (one
    // value for both types of a flexible array: gcc 12 and 14 fold their difference to 0)
    // (CompilerModel.lateAllocatorMembers: gcc 12 not of what kzalloc_noprof returns)
    const rest = isDynamicSize(whole) && at >= 0 ? Expressions.offsetSize(whole, <i64>at, 1) : -1;
    const left = whole >= 0 && at >= 0 && at <= whole ? whole - at : Expressions.lateAllocated.has(whole) ? -1 : rest;
    // (an array of none is one of size 0 to -fstrict-flex-arrays=3)
    const known = !flexible && (size > 0 || (size == 0 && Expressions.strictFlexArrays && types.isArray(member)));
    // an array that may run past its bound is sized by the whole object where that is known:
    // what is left of it from the member (addr_object_size takes the MEM_REF's object then)
    this.designates(t, left, known ? size : whole >= 0 ? left : arrow ? rest : -1);
  }

  /** Member `name` of `rec`, in an lvalue of flags `fl`: its OF.PT_TOP or PT_LAST, where it
   *  climbs to the object a pointer points to through unions and at most one record it ends
   *  (`array`: an array member, whose own record counts), else 0. */
  private climbsToPointedObject(fl: i32, rec: i32, name: i32, array: bool): i32 {
    const steps = this.w.types.recordsEnded(rec, name);
    if (steps < 0) return 0;
    const total = ((fl & OF.PT_LAST) != 0 ? 1 : (fl & OF.PT_TOP) != 0 ? 0 : 2) + steps;
    if (array) return total <= 1 ? OF.PT_TOP : 0;
    return total == 0 ? OF.PT_TOP : total == 1 ? OF.PT_LAST : 0;
  }

  /** OF.FLEX for member `name` of `rec` reached through a pointer: set while each member ends its record. */
  private flexAfter(rec: i32, name: i32): i32 {
    return this.w.types.endsRecord(rec, name) ? OF.FLEX : 0;
  }

  /** Whether the compiler modelled is gcc 12 or older (CompilerModel.lateAllocatorMembers). */
  static lateAllocatorMembers: bool = false;
  /** CompilerModel.strictFlexArrays of the compiler modelled. */
  static strictFlexArrays: bool = false;
  /** Run-time sizes of what an inline allocator that is not always_inline returns, where
   *  lateAllocatorMembers holds. */
  static lateAllocated: Set<i32> = new Set();
  /** The value id (Walker.localOrigin) each run-time object size was allocated with, where
   *  it has one (ids are never reused, so the map outlives walks and their copies). */
  static sizeOrigins: Map<i32, i32> = new Map();
  /** A run-time size's sizes known before run time (staticSizes), where it has them. */
  static staticBounds: Map<i32, i64> = new Map();

  /** Run-time sizes left from an offset, by the size and the offset. */
  private static offsets: Map<i64, i32> = new Map();

  /** Forgets the run-time sizes of the unit read before (they would only grow). */
  static startUnit(): void {
    Expressions.offsets.clear();
    Expressions.lateAllocated.clear();
    Expressions.staticBounds.clear();
    Expressions.sizeOrigins.clear();
  }

  /** What is left of run-time size `sz` `bytes` on (i64.MIN_VALUE: a run-time offset), one
   *  value for the same offset of the same size read in a row (gcc computes it once for both
   *  types; fortify's __struct_size(p) and __member_size(p) read p twice). */
  private static dynamicOffset(sz: i32, bytes: i64): i32 {
    const key = ((<i64>sz) << 40) ^ bytes;
    if (!Expressions.offsets.has(key)) {
      const left = newDynamicSize();
      Expressions.offsets.set(key, left);
      // a known offset from a size with static bounds keeps them, less the offset
      const s = staticSizes(sz);
      if (s >= 0 && bytes >= 0 && bytes <= s >> 32) Expressions.staticBounds.set(left, ((s & 0xffffffff) - bytes) | (((s >> 32) - bytes) << 32));
    }
    return Expressions.offsets.get(key);
  }

  /** What is left of size `sz` (known or run-time) after an offset known only at run time:
   *  __builtin_dynamic_object_size computes it, __builtin_object_size does not know it. An
   *  index of at most `most` (-1: unknown) into elements of `esize` bytes of a size known
   *  before run time leaves at least what follows the last element it reaches (gcc's value
   *  range of the size computed). */
  private static runTimeOffset(sz: i32, most: i64 = -1, esize: i32 = 0): i32 {
    if (sz == -1) return -1;
    const s = staticSizes(sz);
    const reach = most >= 0 && esize > 0 && most < 0x100000 ? most * <i64>esize : -1;
    if (s < 0 || reach < 0 || reach > s >> 32) return Expressions.dynamicOffset(sz, i64.MIN_VALUE);
    const left = Expressions.dynamicOffset(sz, i64.MIN_VALUE + 1 + reach);
    Expressions.staticBounds.set(left, (s & 0xffffffff) | (((s >> 32) - reach) << 32));
    return left;
  }

  /** What is left of an object of size `sz` (known or run-time; -1 stays unknown) to a
   *  pointer moved in it by an offset known only at run time. */
  static movedSize(sz: i32): i32 {
    return sz == -1 ? -1 : Expressions.dynamicOffset(sz, i64.MIN_VALUE);
  }

  /** The size two objects one of which a value points to have: either's where they agree,
   *  else a run-time one where both are known (gcc's __builtin_dynamic_object_size of a
   *  choice), else unknown. */
  private static eitherSize(a: i32, b: i32): i32 {
    return eitherSizeOf(a, b);
  }

  /** `sz` moved `by` elements of `elem` on (-1 stays unknown, as does running off its end). */
  private static offsetSize(sz: i32, by: i64, esize: i32): i32 {
    if (isDynamicSize(sz) && esize > 0) return by == 0 ? sz : Expressions.dynamicOffset(sz, by * <i64>esize);
    if (sz < 0 || esize <= 0) return -1;
    const left = <i64>sz - by * <i64>esize;
    return left >= 0 && left <= <i64>sz ? <i32>left : -1;
  }

  private pushValue(vk: VK, val: i64, uns: bool, type: i32): void {
    this.push(vk, val, uns ? OF.UNS : 0, -1, -1, -1, -1, -1, type);
  }

  private pushOp(op: i32, tok: i32, data: i32): void {
    this.pOp.push(op);
    this.pTok.push(tok);
    this.pData.push(data);
  }

  private popOp(): void {
    this.pOp.length--;
    this.pTok.length--;
    this.pData.length--;
  }

  private dropOperands(n: i32): void {
    this.resetTo(n, this.pOp.length);
  }

  /** Fills operand `o` (an inline call's result) with the value the walk's returns agree on. */
  fillReturn(o: i32, node: i32): void {
    if (o >= this.oKind.length) return;
    const n = this.w.nodes;
    this.oKind.set(o, <i32>n.returnKind(node));
    this.oVal.set(o, n.retValue.get(node));
    this.oFl.set(o, (this.oFl.get(o) & ~OF.PENDING) | OF.NOT_ICE | (n.retUnsigned.get(node) != 0 || this.w.types.isUnsigned(this.oType.get(o)) ? OF.UNS : 0));
    // returns of several constants: the value is one of them, within their bits
    const bits = n.retBits.get(node),
      own = n.retOwnBits.get(node);
    if (n.returnKind(node) != VK.Known && bits >= 0) {
      // a bound only a test in the callee gave stays one (the same SSA name once inlined)
      if (own != bits) {
        this.oFl.set(o, this.oFl.get(o) | OF.TESTED);
        this.oOwn.set(o, Expressions.lowerBound(this.oMax.get(o), own));
      }
      this.oMax.set(o, Expressions.lowerBound(this.oMax.get(o), bits));
    }
    // the object it returns (an allocator's, its alloc_size not the wrapper's own)
    const size = n.retSize.get(node);
    if (this.oSz0.get(o) == -1 && this.oSz1.get(o) == -1 && (size >= 0 || size == RETURNS_RUN_TIME_SIZE)) {
      const sz = size >= 0 ? size : newDynamicSize();
      this.pointsTo(o, sz, sz);
    }
  }

  step(fr: i32): void {
    const w = this.w;
    const f = w.f;
    const res = f.d.get(fr);
    if (res != 0) {
      f.d.set(fr, 0);
      this.resume(fr, res);
      return;
    }
    const i = w.i;
    const k = w.kd(i);
    const a = w.at(i);
    if (f.state.get(fr) == 0) this.operand(fr, i, k, a);
    else this.operator(fr, i, k, a);
  }

  private resume(fr: i32, res: i32): void {
    const w = this.w;
    if (res == R_CONSTANT_P) {
      const constant = w.rVK != VK.NotConst;
      if (w.isP(w.i, K.RParen)) w.i++;
      this.pushValue(VK.Known, constant ? 1 : 0, false, T.INT);
    } else if (res == R_GENERIC) {
      // the association _Generic chose: the rest of its list is read past
      w.i = <i32>w.f.v.get(fr);
      // a function chosen by name stays its designator (interface_to_usbdev's
      // `_Generic(intf, ...: __intf_to_usbdev)(intf)` is a direct call, inlined)
      const r = w.ropes;
      const fn = w.rFn;
      const named = fn >= 0 && w.rHead >= 0 && w.rHead == w.rTail && r.kind.get(w.rHead) == <i32>EK.Ref && r.data.get(w.rHead) == fn;
      const fl = (w.rUns ? OF.UNS : 0) | (named ? OF.DESIG : 0);
      const o = this.push(w.rVK, w.rVal, fl, w.rHead, w.rTail, named ? fn : -1, -1, named ? r.tok.get(w.rHead) : -1, w.rType);
      this.pointsTo(o, w.rSz0, w.rSz1);
      this.oFn.set(o, fn);
    } else if (res == R_OBJECT_SIZE || res == R_DYNAMIC_OBJECT_SIZE) {
      // __builtin_object_size (ptr, type): the pointer was read (never run); the type follows
      const close = <i32>w.f.v.get(fr);
      let type: i64 = 0;
      for (let j = close - 1; j > w.i; j--)
        if (w.t.kindAt(j) == CK.Number) {
          type = parseNumber(w.t.text(j));
          break;
        }
      w.i = close + 1;
      // gcc knows an object's size only where it sees the object; a correct build never
      // fails a check on it, which reads as "unknown": (size_t)-1 for types 0/1, 0 for 2/3
      const size = (type & 1) != 0 ? w.rSz1 : w.rSz0;
      // a size known only at run time is __builtin_dynamic_object_size's value, unknown to
      // __builtin_object_size
      if (isDynamicSize(size) && res == R_DYNAMIC_OBJECT_SIZE) this.push(VK.NotConst, <i64>size, OF.UNS | OF.SIZE | OF.NOT_ICE, -1, -1, -1, -1, -1, T.ULONG);
      else this.pushValue(VK.Known, staticObjectSize(size, type), true, T.ULONG);
    } else {
      this.push(w.rVK, w.rVal, (w.rUns ? OF.UNS : 0) | (w.rFlow == 2 ? OF.NORETURN : 0), w.rHead, w.rTail, -1, -1, -1, w.rType);
      // a statement expression's value is its last expression's
      if (res == R_STMT_EXPR) {
        const o = this.oKind.length - 1;
        this.pointsTo(o, w.rSz0, w.rSz1);
        if (w.rVK != VK.Known) this.oMax.set(o, Expressions.lowerBound(this.oMax.get(o), w.rMax));
        if (w.rVK != VK.Known) this.oHi.set(o, w.rHi);
        if (w.rVK != VK.Known) this.setLeast(o, w.rMin);
        // the whole statement (a fortified memcpy() whose value nobody reads): it ends as
        // the last statement inside it does, maybe in a tail call
        const stmt = this.wholeStatement(fr, o);
        if (stmt >= 0) w.f.e.set(stmt, w.tailStmt);
      }
    }
    w.rHead = -1;
    w.rTail = -1;
    w.rSz0 = -1;
    w.rSz1 = -1;
    w.rSize = -1;
    w.f.state.set(fr, 1);
  }

  // ---- operand position

  private operand(fr: i32, i: i32, k: CK, a: i32): void {
    const w = this.w;
    const f = w.f;
    switch (k) {
      case CK.End:
        this.finish(fr);
        return;
      case CK.Number: {
        const text = w.t.text(i);
        const v = parseNumber(text);
        if (literalIsInteger) this.pushValue(VK.Known, v, literalUnsigned, literalType(text, v, literalUnsigned));
        else this.pushValue(VK.Const, 0, false, T.DOUBLE);
        w.i++;
        f.state.set(fr, 1);
        return;
      }
      case CK.Char:
        this.pushValue(VK.Known, parseCharLiteral(w.t.text(i)), false, T.INT);
        w.i++;
        f.state.set(fr, 1);
        return;
      case CK.String: {
        while (w.kd(w.i) == CK.String) w.i++;
        const text = unescapeString(stringsIn(w.t, i, w.i));
        const o = this.push(VK.NotConst, w.strings.push(text) - 1, OF.STRING, -1, -1, -1, -1, i, w.types.pointerTo(T.CHAR));
        this.designates(o, text.length + 1, text.length + 1);
        this.pointsTo(o, text.length + 1, text.length + 1);
        f.state.set(fr, 1);
        return;
      }
      case CK.Directive:
        w.i++;
        return;
      case CK.Ident:
        this.identifier(fr, i, a);
        return;
      default:
        break;
    }
    // punctuators
    switch (a) {
      case K.LParen:
        this.paren(fr, i);
        return;
      case K.Amp:
        this.pushOp(OP_ADDR, i, 0);
        w.i++;
        return;
      case K.Star:
        this.pushOp(OP_DEREF, i, 0);
        w.i++;
        return;
      case K.Minus:
        this.pushOp(OP_NEG, i, 0);
        w.i++;
        return;
      case K.Plus:
        this.pushOp(OP_POS, i, 0);
        w.i++;
        return;
      case K.Bang:
        this.pushOp(OP_NOT, i, 0);
        w.i++;
        return;
      case K.Tilde:
        this.pushOp(OP_BITNOT, i, 0);
        w.i++;
        return;
      case K.PlusPlus:
      case K.MinusMinus:
        this.pushOp(OP_NOP, i, a == K.PlusPlus ? 1 : 0); // data: 1 for ++
        w.i++;
        return;
      case K.AndAnd:
        if (w.kd(i + 1) == CK.Ident) {
          w.i += 2;
          this.pushValue(VK.NotConst, 0, false, w.types.pointerTo(T.VOID));
          f.state.set(fr, 1);
          return;
        } // &&label
        this.finish(fr);
        return;
      case K.RParen: {
        const ops = this.pOp.length;
        if (ops > f.b.get(fr) && this.pOp.get(ops - 1) == OP_CALL && this.pData.get(ops - 1) == this.oKind.length - 1) {
          w.i++;
          f.state.set(fr, 1);
          this.finishCall(fr);
          return;
        }
        // an empty operand: let the operator position close the group
        this.pushValue(VK.NotConst, 0, false, T.UNKNOWN);
        f.state.set(fr, 1);
        return;
      }
      case K.Comma:
      case K.RBracket:
      case K.Colon:
        this.pushValue(VK.NotConst, 0, false, T.UNKNOWN);
        f.state.set(fr, 1);
        return;
      default:
        this.finish(fr);
        return;
    }
  }

  private identifier(fr: i32, i: i32, a: i32): void {
    const w = this.w;
    const f = w.f;
    switch (a) {
      case K.Sizeof:
      case K.Alignof:
        this.sizeofOperand(fr, i);
        return;
      case K.BTypesCompatibleP:
        this.typesCompatible(fr, i);
        return;
      case K.Generic:
        this.generic(fr, i);
        return;
      case K.BOffsetof:
      case K.BClassifyType:
      case K.BHasAttribute:
        this.skipCall(i);
        this.pushValue(VK.Const, 0, true, a == K.BOffsetof ? T.ULONG : T.INT);
        f.state.set(fr, 1);
        return;
      case K.BObjectSize:
      case K.BDynObjectSize:
        if (w.isP(i + 1, K.LParen)) {
          // the pointer is read for what it points to, never run
          f.v.set(fr, <i64>matchClose(w.t, i + 1, w.lim));
          w.i = i + 2;
          f.d.set(fr, a == K.BDynObjectSize ? R_DYNAMIC_OBJECT_SIZE : R_OBJECT_SIZE);
          this.begin(true, STOP.COMMA);
          return;
        }
        break;
      case K.BConstantP:
        if (w.isP(i + 1, K.LParen)) {
          w.i = i + 2;
          f.d.set(fr, R_CONSTANT_P);
          this.begin(true, 0);
          return;
        }
        break;
      case K.BVaArg: {
        const close = this.skipCall(i);
        // __builtin_va_arg(ap, type): the value has that type
        let type = T.UNKNOWN;
        for (let j = i + 2; j < close; j++)
          if (w.isP(j, K.Comma)) {
            w.decls.readTypeName(j + 1);
            type = w.decls.typeRead;
            break;
          }
        w.i = close + 1;
        this.pushValue(VK.NotConst, 0, false, type);
        f.state.set(fr, 1);
        return;
      }
      case K.BChooseExpr:
        this.push(VK.NotConst, 0, OF.BUILTIN, -1, -1, a, -1, i, T.UNKNOWN);
        w.i++;
        f.state.set(fr, 1);
        return;
      case K.Extension:
        w.i++;
        return;
      case K.Real:
      case K.Imag:
        this.pushOp(OP_NOP, i, 0);
        w.i++;
        return;
      case K.If:
      case K.Else:
      case K.Return:
      case K.For:
      case K.While:
      case K.Do:
      case K.Switch:
      case K.Case:
      case K.Default:
      case K.Break:
      case K.Continue:
      case K.Goto:
      case K.Asm:
      case K.StaticAssert:
      case K.Typedef:
      case K.Static:
      case K.Extern:
        this.finish(fr);
        return;
      default:
        break;
    }
    const b = w.scope.lookup(a);
    switch (w.scope.kindOf(b)) {
      case Bind.EnumConst: {
        const c = w.scope.dataOf(b);
        this.pushValue(<VK>w.constKind.get(c), w.constValue.get(c), w.constUnsigned.get(c) != 0, T.INT);
        w.i++;
        f.state.set(fr, 1);
        return;
      }
      case Bind.Local: {
        const slot = w.scope.dataOf(b);
        const lf = w.localFlags.get(slot);
        let fl = OF.DESIG | OF.NOT_ICE | ((lf & LF.UNSIGNED) != 0 ? OF.UNS : 0);
        if ((lf & LF.AUTO) != 0) fl |= OF.LOCAL_OBJ;
        if ((lf & LF.ADDR) != 0) fl |= OF.LOCAL_ADDR;
        if ((lf & LF.STRING) != 0) fl |= OF.STRING;
        if ((lf & LF.SIZE) != 0) fl |= OF.SIZE;
        if ((lf & LF.TESTED) != 0) fl |= OF.TESTED;
        if (Expressions.isStackArray(lf) && !w.isP(i + 1, K.LBracket)) w.markNode(NF.STACK_PROTECT, fr);
        // a read of a value holding references (an argument, an initializer) makes them count
        const holder = w.localArg.get(slot);
        const use = holder >= 0 ? w.ropes.addParam(EK.Use, holder, w.localArgKey.get(slot), i) : -1;
        const o = this.push(<VK>w.localKind.get(slot), w.localValue.get(slot), fl, use, use, -1, slot, i, w.localType.get(slot));
        const size = w.types.sizeOf(w.localType.get(slot));
        this.designates(o, size > 0 ? size : -1, size > 0 ? size : -1);
        if (!w.types.isArray(w.localType.get(slot))) this.pointsTo(o, w.localSz0.get(slot), w.localSz1.get(slot));
        if ((lf & LF.DERIVED) != 0) this.oFl.set(o, this.oFl.get(o) | OF.DERIVED);
        if ((lf & (LF.TESTED | LF.DERIVED)) != 0) this.oOwn.set(o, Expressions.lowerBound(this.oMax.get(o), w.localOwn.get(slot)));
        this.oMax.set(o, Expressions.lowerBound(this.oMax.get(o), w.localMax.get(slot)));
        if (w.localLeastOf.get(slot) >= 0 && w.localLeastOf.get(slot) == w.localMax.get(slot)) this.setLeast(o, w.localLeast.get(slot));
        if (this.ranges.has(slot)) this.rangedAs(o, this.ranges.get(slot), this.rangeLeast.get(slot));
        this.oHi.set(o, w.localHi.get(slot));
        this.oFn.set(o, w.localFn.get(slot));
        this.oOrigin.set(o, w.localOrigin.get(slot));
        w.i++;
        f.state.set(fr, 1);
        return;
      }
      case Bind.Entity: {
        const e = w.ents.at(w.scope.dataOf(b));
        this.pushEntity(e, i);
        w.i++;
        f.state.set(fr, 1);
        return;
      }
      case Bind.Typedef:
        this.typeOperand(fr, i);
        return;
      default:
        break;
    }
    // not declared here
    if (a < K.COUNT && (isReserved(a) || a == K.Attribute)) {
      this.typeOperand(fr, i);
      return;
    }
    if (w.toy) {
      if (a == K.TNull || a == K.TFalse) {
        this.pushValue(VK.Known, 0, false, T.INT);
        w.i++;
        f.state.set(fr, 1);
        return;
      }
      if (a == K.TTrue) {
        this.pushValue(VK.Known, 1, false, T.INT);
        w.i++;
        f.state.set(fr, 1);
        return;
      }
      if (a == K.TThisModule || a == K.TKbuildModname) {
        this.pushValue(VK.NotConst, 0, false, T.UNKNOWN);
        w.i++;
        f.state.set(fr, 1);
        return;
      }
      if (isToyAttribute(a)) {
        w.i++;
        if (w.isP(w.i, K.LParen)) w.i = matchClose(w.t, w.i, w.lim) + 1;
        return;
      }
    }
    if (w.isBuiltinName(a)) {
      this.push(VK.NotConst, 0, OF.BUILTIN, -1, -1, a, -1, i, T.UNKNOWN);
      w.i++;
      f.state.set(fr, 1);
      return;
    }
    const e = w.ents.get(a, EntKind.Undeclared);
    // (not in a constant evaluation: those also read code again out of its scope)
    if (w.reportUndeclared && w.constDepth == 0 && e.kind == EntKind.Undeclared) noteUndeclared(w, i);
    this.pushEntity(e, i);
    w.i++;
    f.state.set(fr, 1);
  }

  private pushEntity(e: Entity, tok: i32): void {
    if (e.vk == VK.Known && e.isStatic() && e.has(EF.CONST)) {
      this.pushValue(VK.Known, e.value, e.unsigned, e.type);
      return;
    }
    const entry = this.w.ropes.add(EK.Ref, e.id, tok, false);
    const unresolved = e.kind == EntKind.Undeclared ? OF.UNRESOLVED : 0;
    const o = this.push(VK.NotConst, 0, OF.DESIG | unresolved | (this.w.types.isUnsigned(e.type) ? OF.UNS : 0), entry, entry, e.id, -1, tok, e.type);
    // a file-scope object is a declared object: gcc knows its size from its type
    const types = this.w.types;
    const size = types.kindOf(e.type) == TY.Function ? -1 : types.sizeOf(e.type);
    if (size > 0) this.designates(o, size, size);
    if (e.kind == EntKind.Function) this.oFn.set(o, e.id);
    // a const char array initialized from a string literal is read as that string: gcc folds
    // reads of it, static or not (fortify's __compiletime_strlen of a driver's name)
    const string = this.constantString(e);
    if (string >= 0) {
      this.oFl.set(o, this.oFl.get(o) | OF.STRING);
      this.oVal.set(o, string);
    }
    if (e.has(EF.CONST) && e.initStart >= 0) {
      this.oInit.set(o, e.initStart);
      this.oInitEnd.set(o, e.initEnd);
    }
  }

  /** Whether finishCall reads the call of operand `callee` as an inline expansion
   *  (inlineCall): an inline function's call that a good build keeps, and not a mem* call
   *  gcc expands in place, but for memcmp (fortify's is read: its checks stay where the
   *  builtin inside is expanded by pieces, which only its constant length decides, and an
   *  expansion is told apart by its constant arguments, not by the bounds of the others). */
  private readsInline(callee: i32, nargs: i32): bool {
    const w = this.w;
    const ent = this.oEnt.get(callee);
    const fl = this.oFl.get(callee);
    if ((fl & OF.BUILTIN) != 0 || (fl & OF.DESIG) == 0 || ent < 0 || this.oHead.get(callee) < 0) return false;
    const e = w.ents.peek(ent);
    const lib = libraryCallOf(e.atom);
    if (e.has(EF.DIAGNOSE) || (lib >= 0 && lib != K.Memcmp && !this.lowersToCall(callee, nargs, lib))) return false;
    return w.expands(e) && !w.cannotInline(e);
  }

  /** The size of a scalar member gcc forwards a store of (memfacts.ts), or 0. */
  private slotSize(type: i32): i32 {
    const types = this.w.types;
    const k = types.kindOf(type);
    const size = types.sizeOf(type);
    return (k == TY.Int || k == TY.Pointer) && (size == 1 || size == 2 || size == 4 || size == 8) ? size : 0;
  }

  /** Operand o, a scalar member in memory (oPathOrigin, oPathOff), reads what a store left
   *  there, where one is known. */
  private readStored(o: i32, type: i32): void {
    const size = this.slotSize(type);
    if (size == 0) return;
    const v = this.w.mem.load(this.oPathOrigin.get(o), this.oPathOff.get(o), size);
    if (v == i64.MIN_VALUE) return;
    this.oKind.set(o, <i32>VK.Known);
    this.oVal.set(o, v);
    this.oMax.set(o, v >= 0 ? v : -1);
  }

  /** A store into operand `o` (an lvalue), of `value` where known: a member in memory keeps
   *  it; one through anything else may change any memory; a local's own is no memory. */
  private storeInto(fr: i32, o: i32, known: bool, value: i64): void {
    const w = this.w;
    if (w.f.isDead(fr)) return;
    if (this.oPathOrigin.get(o) >= 0) {
      const size = this.slotSize(this.oType.get(o));
      if (size > 0) {
        w.mem.store(this.oPathOrigin.get(o), this.oPathOff.get(o), size, w.condDepth, known, truncated(value, size, w.types.isUnsigned(this.oType.get(o))));
        return;
      }
    }
    if ((this.oFl.get(o) & OF.DESIG) != 0 && this.oLocal.get(o) >= 0) return;
    w.mem.forgetAll();
  }

  /** Operand o (an element or member of type `type` of read-only data) takes the
   *  initializer item [itemStart, itemEnd) as its value: a string (a `const char *` element,
   *  a char array member), a constant, or braces to read further into. */
  private readConstantItem(o: i32, type: i32): void {
    const w = this.w;
    const types = w.types;
    const start = itemStart,
      end = itemEnd;
    if (w.isP(start, K.LBrace)) {
      if (matchClose(w.t, start, w.lim) + 1 != end) return;
      this.oInit.set(o, start);
      this.oInitEnd.set(o, end);
      return;
    }
    const kind = types.kindOf(type);
    const text = this.stringItem(type, start, end);
    if (text !== null) {
      this.oFl.set(o, this.oFl.get(o) | OF.STRING);
      this.oVal.set(o, w.strings.push(text) - 1);
      if (kind == TY.Pointer) this.pointsTo(o, text.length + 1, text.length + 1);
      return;
    }
    if (kind != TY.Int) return;
    w.evalConst(start, end);
    if (w.rVK != VK.Known) return;
    this.oKind.set(o, <i32>VK.Known);
    this.oVal.set(o, truncated(w.rVal, types.sizeOf(type), types.isUnsigned(type)));
    this.oMax.set(o, this.oVal.get(o) >= 0 ? this.oVal.get(o) : -1);
  }

  /** Per entity, constantString's answer (read once per unit). */
  private constantStrings: Map<i32, i32> = new Map();

  /** The text (its index in Walker.strings) of a const char array defined here whose
   *  initializer is a string literal (braced or not), with room for its NUL; else -1. */
  private constantString(e: Entity): i32 {
    if (!e.has(EF.CONST) || e.initStart < 0) return -1;
    if (this.constantStrings.has(e.id)) return this.constantStrings.get(e.id);
    const text = this.stringInitializer(e);
    const at = text === null ? -1 : this.w.strings.push(text) - 1;
    this.constantStrings.set(e.id, at);
    return at;
  }

  private stringInitializer(e: Entity): string | null {
    const w = this.w;
    if (w.types.kindOf(e.type) != TY.Array) return null;
    let i = e.initStart;
    let end = e.initEnd;
    if (w.isP(i, K.LBrace) && end - 1 > i && w.isP(end - 1, K.RBrace)) {
      i++;
      end--;
    }
    return this.stringItem(e.type, i, end);
  }

  /** The text of the string literal tokens [start, end) as an object of `type`: a char
   *  array with room for its NUL, or a char pointer; else null. */
  private stringItem(type: i32, start: i32, end: i32): string | null {
    const w = this.w;
    const types = w.types;
    const kind = types.kindOf(type);
    if (start >= end || (kind != TY.Array && kind != TY.Pointer)) return null;
    const elem = types.baseOf(type);
    if (types.kindOf(elem) != TY.Int || types.sizeOf(elem) != 1) return null;
    for (let j = start; j < end; j++) if (w.kd(j) != CK.String) return null;
    const text = unescapeString(stringsIn(w.t, start, end));
    return kind == TY.Pointer || types.sizeOf(type) > text.length ? text : null;
  }

  /** A type where an operand stands (toy macros: `container_of(p, struct x, m)`). */
  private typeOperand(fr: i32, i: i32): void {
    const w = this.w;
    const j = w.decls.readTypeName(i);
    w.i = j > i ? j : i + 1;
    this.pushValue(VK.NotConst, 0, false, T.UNKNOWN);
    w.f.state.set(fr, 1);
  }

  /** __builtin_types_compatible_p(type1, type2): gcc compares the types (types.ts). */
  private typesCompatible(fr: i32, i: i32): void {
    const w = this.w;
    const close = this.skipCall(i);
    let vk = VK.Const;
    let v: i64 = 0;
    if (w.isP(i + 1, K.LParen)) {
      const a = w.decls.readTypeName(i + 2);
      const ta = w.decls.typeRead;
      if (w.isP(a, K.Comma)) {
        w.decls.readTypeName(a + 1);
        const c = w.types.compatible(ta, w.decls.typeRead);
        if (c >= 0) {
          vk = VK.Known;
          v = c;
        }
      }
    }
    w.i = close + 1;
    this.pushValue(vk, v, false, T.INT);
    w.f.state.set(fr, 1);
  }

  /** _Generic(control, type: expr, ..., default: expr): only the chosen expression is
   *  compiled. With the control's type unknown, the default one is taken. */
  private generic(fr: i32, i: i32): void {
    const w = this.w;
    const t = w.t;
    if (!w.isP(i + 1, K.LParen)) {
      w.i = i + 1;
      this.pushValue(VK.NotConst, 0, false, T.UNKNOWN);
      w.f.state.set(fr, 1);
      return;
    }
    const close = matchClose(t, i + 1, w.lim);
    // the control expression ends at the first top-level comma
    let j = w.decls.endOfItem(i + 2, true);
    w.evalType(i + 2, j);
    const control = w.types.decayed(w.rType);
    let chosen = -1;
    let fallback = -1;
    while (j < close && w.isP(j, K.Comma)) {
      j++;
      let typeEnd = j;
      let isDefault = false;
      if (w.isK(j, K.Default)) {
        isDefault = true;
        typeEnd = j + 1;
      } else {
        typeEnd = w.decls.readTypeName(j);
      }
      const assoc = w.decls.typeRead;
      if (!w.isP(typeEnd, K.Colon)) break;
      const exprStart = typeEnd + 1;
      if (isDefault) fallback = exprStart;
      else if (chosen < 0 && control != T.UNKNOWN && w.types.compatible(assoc, control) == 1) chosen = exprStart;
      j = w.decls.endOfItem(exprStart, true);
    }
    if (chosen < 0) chosen = fallback;
    if (chosen < 0) {
      w.i = close + 1;
      this.pushValue(VK.NotConst, 0, false, T.UNKNOWN);
      w.f.state.set(fr, 1);
      return;
    }
    w.i = chosen;
    w.f.d.set(fr, R_GENERIC);
    w.f.v.set(fr, <i64>(close + 1));
    this.begin(w.f.isDead(fr), STOP.COMMA);
  }

  /** Skips `name ( ... )` at i; returns the index of the `)`. */
  private skipCall(i: i32): i32 {
    const w = this.w;
    if (!w.isP(i + 1, K.LParen)) {
      w.i = i + 1;
      return i;
    }
    const close = matchClose(w.t, i + 1, w.lim);
    w.i = close + 1;
    return close;
  }

  /** sizeof / _Alignof: the operand is never evaluated, only its type is looked at. */
  private sizeofOperand(fr: i32, i: i32): void {
    const w = this.w;
    const types = w.types;
    const j = i + 1;
    let type = T.UNKNOWN;
    if (w.isP(j, K.LParen) && w.decls.startsTypeName(j + 1)) {
      const close = matchClose(w.t, j, w.lim);
      w.decls.readTypeName(j + 1);
      type = w.decls.typeRead;
      w.i = close + 1;
    } else {
      const end = this.skipUnary(j);
      w.evalType(j, end);
      type = w.rType;
      w.i = end;
    }
    const n = w.at(i) == K.Sizeof ? types.sizeOf(type) : types.alignOf(type);
    if (type != T.UNKNOWN && n >= 0) this.pushValue(VK.Known, n, true, T.ULONG);
    else this.pushValue(VK.Const, 0, true, T.ULONG);
    w.f.state.set(fr, 1);
  }

  /** The end of a unary expression at j (read past, never evaluated). */
  private skipUnary(j: i32): i32 {
    const w = this.w;
    while (true) {
      const k = w.kd(j);
      const a = w.at(j);
      if (k == CK.Punct && (a == K.Amp || a == K.Star || a == K.Plus || a == K.Minus || a == K.Bang || a == K.Tilde || a == K.PlusPlus || a == K.MinusMinus)) {
        j++;
        continue;
      }
      if (k == CK.Ident && (a == K.Sizeof || a == K.Alignof || a == K.Extension)) {
        j++;
        continue;
      }
      if (k == CK.Punct && a == K.LParen) {
        const typeName = w.decls.startsTypeName(j + 1);
        j = matchClose(w.t, j, w.lim) + 1;
        if (typeName && !w.isP(j, K.LBrace)) continue; // a cast: its operand follows
        if (w.isP(j, K.LBrace)) j = matchClose(w.t, j, w.lim) + 1;
        break;
      }
      if (k == CK.Ident || k == CK.Number || k == CK.Char) {
        j++;
        break;
      }
      if (k == CK.String) {
        while (w.kd(j) == CK.String) j++;
        break;
      }
      return j;
    }
    while (true) {
      if ((w.isP(j, K.Dot) || w.isP(j, K.Arrow)) && w.kd(j + 1) == CK.Ident) {
        j += 2;
        continue;
      }
      if (w.isP(j, K.LBracket) || w.isP(j, K.LParen)) {
        j = matchClose(w.t, j, w.lim) + 1;
        continue;
      }
      if (w.isP(j, K.PlusPlus) || w.isP(j, K.MinusMinus)) {
        j++;
        continue;
      }
      break;
    }
    return j;
  }

  /** `(` in operand position: a statement expression, a compound literal, a cast, or a group. */
  private paren(fr: i32, i: i32): void {
    const w = this.w;
    const f = w.f;
    if (w.isP(i + 1, K.LBrace)) {
      f.d.set(fr, R_STMT_EXPR);
      f.push(FT.StmtExpr, f.isDead(fr), i);
      return;
    }
    if (w.decls.startsTypeName(i + 1)) {
      const close = matchClose(w.t, i, w.lim);
      if (w.isP(close + 1, K.LBrace)) {
        w.decls.readTypeName(i + 1);
        const literal = w.decls.typeRead;
        w.i = close + 1;
        f.d.set(fr, R_OPERAND);
        f.push(FT.Init, f.isDead(fr), w.i);
        f.e.set(f.top(), literal);
        return;
      }
      w.decls.readTypeName(i + 1);
      this.pushOp(OP_CAST, i, w.decls.typeRead);
      w.i = close + 1;
      return;
    }
    this.pushOp(OP_PAREN, i, 0);
    w.i++;
  }

  // ---- operator position

  private operator(fr: i32, i: i32, k: CK, a: i32): void {
    const w = this.w;
    const f = w.f;
    if (k != CK.Punct) {
      if (k == CK.Directive) {
        w.i++;
        return;
      }
      this.finish(fr);
      return;
    }
    switch (a) {
      case K.PlusPlus:
      case K.MinusMinus: {
        const t = this.oKind.length - 1;
        this.storeInto(fr, t, false, 0);
        this.oPathOrigin.set(t, -1);
        if ((this.oFl.get(t) & OF.DESIG) != 0) this.stepLocal(this.oLocal.get(t), fr, a == K.PlusPlus);
        this.oKind.set(t, <i32>VK.NotConst);
        this.oFl.set(t, this.oFl.get(t) & ~OF.DESIG);
        w.i++;
        return;
      }
      case K.Dot:
      case K.Arrow: {
        w.i++;
        const t = this.oKind.length - 1;
        const types = w.types;
        let rec = this.oType.get(t);
        if (a == K.Arrow) rec = types.pointee(rec);
        let member = T.UNKNOWN;
        const constObj = a == K.Arrow ? types.pointsToConst(this.oType.get(t)) : (this.oFl.get(t) & OF.CONST_OBJ) != 0;
        if (w.kd(w.i) == CK.Ident) {
          member = types.memberOf(rec, w.at(w.i));
          if (member == T.UNKNOWN && w.reportUndeclared && w.constDepth == 0 && !types.hasMember(rec, w.at(w.i))) {
            const isConst = a == K.Arrow ? constObj : this.isConstObject(t);
            if (types.isIncompleteRecord(rec)) noteUndefinedRecord(w, w.i - 1, rec, isConst, this.spelledAs(t));
            else noteMissingMember(w, w.i - 1, w.i, rec, isConst, this.spelledAs(t));
          }
          w.i++;
        }
        const data = a == K.Dot ? this.oInit.get(t) : -1;
        this.oInit.set(t, -1);
        // the slot of memory p->m is: what p points to (its value's id), at m's offset
        const base = a == K.Arrow ? this.oOrigin.get(t) : this.oPathOrigin.get(t);
        const at = base >= 0 ? types.offsetOf(rec, w.at(w.i - 1)) : -1;
        const offset = a == K.Arrow ? at : at >= 0 && this.oPathOff.get(t) >= 0 ? this.oPathOff.get(t) + at : -1;
        this.oOrigin.set(t, -1);
        this.oPathOrigin.set(t, offset >= 0 ? base : -1);
        this.oPathOff.set(t, offset);
        this.oType.set(t, member);
        this.oKind.set(t, <i32>VK.NotConst);
        this.oMax.set(t, this.memberMax(rec, w.at(w.i - 1), member));
        this.memberSize(t, a == K.Arrow, rec, w.at(w.i - 1), member);
        let fl = this.oFl.get(t) & ~(OF.DESIG | OF.BUILTIN | OF.UNS | OF.LOCAL_ADDR | OF.FLEX | OF.CONST_OBJ | OF.PT_TOP | OF.PT_LAST);
        if (constObj) fl |= OF.CONST_OBJ;
        fl |= this.climbsToPointedObject(a == K.Arrow ? OF.PT_TOP : this.oFl.get(t), rec, w.at(w.i - 1), false);
        if ((this.oFl.get(t) & OF.FLEX) != 0 || a == K.Arrow) fl |= this.flexAfter(rec, w.at(w.i - 1));
        // p->m is inside a local when p holds a local's address
        if (a == K.Arrow) fl = (fl & ~OF.LOCAL_OBJ) | ((this.oFl.get(t) & OF.LOCAL_ADDR) != 0 ? OF.LOCAL_OBJ : 0);
        if (types.isUnsigned(member)) fl |= OF.UNS;
        this.oFl.set(t, fl);
        this.oEnt.set(t, -1);
        if (data >= 0 && memberItem(w, data, w.at(w.i - 1), types.memberPosition(rec, w.at(w.i - 1)))) this.readConstantItem(t, member);
        else if (offset >= 0 && !f.isDead(fr)) this.readStored(t, member);
        return;
      }
      case K.LParen:
        this.pushOp(OP_CALL, i, this.oKind.length - 1);
        w.i++;
        f.state.set(fr, 0);
        return;
      case K.LBracket:
        this.pushOp(OP_INDEX, i, this.oKind.length - 1);
        w.i++;
        f.state.set(fr, 0);
        return;
      case K.RParen:
        this.closeParen(fr);
        return;
      case K.RBracket:
        this.closeBracket(fr);
        return;
      case K.Comma: {
        const m = this.nearestMarker(fr);
        if (m >= 0 && this.pOp.get(m) == OP_CALL) {
          this.reduceAbove(fr, m);
          w.i++;
          f.state.set(fr, 0);
          return;
        }
        if (m < 0 && (f.c.get(fr) & STOP.COMMA) != 0) {
          this.finish(fr);
          return;
        }
        this.binary(fr, a, i);
        return;
      }
      case K.Question:
        this.reduceWhile(fr, 3, true);
        this.pushOp(OP_TQ, i, 0);
        w.i++;
        f.state.set(fr, 0);
        return;
      case K.Colon: {
        const m = this.nearestMarker(fr);
        if (m >= 0 && this.pOp.get(m) == OP_TQ) {
          this.reduceAbove(fr, m);
          this.pOp.set(m, OP_TC);
          w.i++;
          f.state.set(fr, 0);
          return;
        }
        this.finish(fr);
        return;
      }
      default:
        if (isBinary(a)) {
          this.binary(fr, a, i);
          return;
        }
        this.finish(fr);
    }
  }

  private binary(fr: i32, op: i32, tok: i32): void {
    const p = precedence(op);
    this.reduceWhile(fr, p, op == K.Assign || isAssignOp(op));
    this.pushOp(op, tok, 0);
    this.w.i++;
    this.w.f.state.set(fr, 0);
  }

  /** The index of the innermost open group or `?` of this frame, or -1. */
  private nearestMarker(fr: i32): i32 {
    const base = this.w.f.b.get(fr);
    for (let m = this.pOp.length - 1; m >= base; m--) if (isMarker(this.pOp.get(m))) return m;
    return -1;
  }

  /** Reduces operators binding tighter than one of precedence p. */
  private reduceWhile(fr: i32, p: i32, rightAssoc: bool): void {
    const base = this.w.f.b.get(fr);
    while (this.pOp.length > base) {
      const op = this.pOp.get(this.pOp.length - 1);
      if (isMarker(op)) return;
      const q = precedence(op);
      if (q > p || (q == p && !rightAssoc)) this.reduceTop(fr);
      else return;
    }
  }

  /** Reduces every operator above the marker at index m. */
  private reduceAbove(fr: i32, m: i32): void {
    while (this.pOp.length > m + 1) this.reduceTop(fr);
  }

  private closeParen(fr: i32): void {
    const w = this.w;
    const base = w.f.b.get(fr);
    while (this.pOp.length > base) {
      const op = this.pOp.get(this.pOp.length - 1);
      if (op == OP_PAREN) {
        this.popOp();
        w.i++;
        w.f.state.set(fr, 1);
        return;
      }
      if (op == OP_CALL) {
        w.i++;
        w.f.state.set(fr, 1);
        this.finishCall(fr);
        return;
      }
      if (op == OP_INDEX || op == OP_TQ) {
        this.popOp();
        continue;
      } // mismatched: forget it
      this.reduceTop(fr);
    }
    this.finish(fr);
  }

  /** A local array with automatic storage (LF flags), which -fstack-protector-strong guards
   *  unless gcc's SRA replaces it by its elements. */
  private static isStackArray(lf: i32): bool {
    return (lf & (LF.ARRAY | LF.AUTO)) == (LF.ARRAY | LF.AUTO);
  }

  private closeBracket(fr: i32): void {
    const w = this.w;
    const base = w.f.b.get(fr);
    while (this.pOp.length > base) {
      const op = this.pOp.get(this.pOp.length - 1);
      if (op == OP_INDEX) {
        const baseOperand = this.pData.get(this.pOp.length - 1);
        this.popOp();
        // a[i]: the element type of whichever side is the pointer
        const types = w.types;
        let elem = T.UNKNOWN;
        let constObj = false;
        if (baseOperand >= 0 && baseOperand < this.oType.length) {
          elem = types.pointee(this.oType.get(baseOperand));
          constObj = types.pointsToConst(this.oType.get(baseOperand));
          if (elem == T.UNKNOWN && baseOperand + 1 < this.oType.length) {
            elem = types.pointee(this.oType.get(baseOperand + 1));
            constObj = types.pointsToConst(this.oType.get(baseOperand + 1));
          }
        }
        const str = baseOperand >= 0 && baseOperand + 1 == this.oKind.length - 1 && (this.oFl.get(baseOperand) & OF.STRING) != 0;
        const at = str && <VK>this.oKind.get(baseOperand + 1) == VK.Known ? this.oVal.get(baseOperand + 1) : -1;
        const s = this.oVal.get(baseOperand);
        const filled = this.oSz1.get(baseOperand);
        // &a[k] of a known k points k elements into what a points to
        const two = baseOperand >= 0 && baseOperand + 1 == this.oKind.length - 1;
        const k = two && <VK>this.oKind.get(baseOperand + 1) == VK.Known ? this.oVal.get(baseOperand + 1) : -1;
        const esize = types.sizeOf(elem);
        const runTime = two && <VK>this.oKind.get(baseOperand + 1) == VK.NotConst;
        const most = runTime ? this.indexMost(baseOperand + 1) : -1;
        const lv0 =
          k >= 0
            ? Expressions.offsetSize(this.oSz0.get(baseOperand), k, esize)
            : runTime
              ? Expressions.runTimeOffset(this.oSz0.get(baseOperand), most, esize)
              : -1;
        const lv1 =
          k >= 0
            ? Expressions.offsetSize(this.oSz1.get(baseOperand), k, esize)
            : runTime
              ? Expressions.runTimeOffset(this.oSz1.get(baseOperand), most, esize)
              : -1;
        if (two) this.noteIndexCheck(fr, baseOperand, baseOperand + 1);
        // a local array indexed by a value gcc does not know stays an array on the stack
        if (
          (this.oFl.get(baseOperand) & OF.DESIG) != 0 &&
          k < 0 &&
          this.oLocal.get(baseOperand) >= 0 &&
          Expressions.isStackArray(w.localFlags.get(this.oLocal.get(baseOperand)))
        )
          w.markNode(NF.STACK_PROTECT, fr);
        const data = k >= 0 ? this.oInit.get(baseOperand) : -1;
        this.mergeFrom(baseOperand, false, elem);
        if (constObj) this.oFl.set(baseOperand, this.oFl.get(baseOperand) | OF.CONST_OBJ);
        if (data >= 0 && elementItem(w, data, k)) this.readConstantItem(baseOperand, elem);
        this.designates(baseOperand, lv0, lv1);
        if (at >= 0) this.knownChar(baseOperand, s, at, filled);
        w.i++;
        w.f.state.set(fr, 1);
        return;
      }
      if (op == OP_PAREN || op == OP_CALL) break;
      if (op == OP_TQ) {
        this.popOp();
        continue;
      }
      this.reduceTop(fr);
    }
    this.finish(fr);
  }

  /** Joins operands [from, top] into one at `from` (an index expression, or leftovers). */
  private mergeFrom(from: i32, garbage: bool, type: i32): void {
    const top = this.oKind.length - 1;
    if (from < 0 || from > top) return;
    const r = this.w.ropes;
    let h = this.oHead.get(from),
      t = this.oTail.get(from);
    for (let k = from + 1; k <= top; k++) {
      r.concat(h, t, this.oHead.get(k), this.oTail.get(k));
      h = r.head;
      t = r.tail;
    }
    const fl = this.oFl.get(from);
    let keep = fl & OF.LOCAL_OBJ;
    // a[i] stays inside a local only when a is a local array (or part of a local object)
    if (!garbage && (fl & OF.DESIG) != 0) {
      const slot = this.oLocal.get(from);
      if (slot < 0 || (this.w.localFlags.get(slot) & LF.ARRAY) == 0) keep = 0;
    }
    if (!garbage && (fl & OF.LOCAL_ADDR) != 0) keep = OF.LOCAL_OBJ;
    this.dropOperands(from);
    this.push(VK.NotConst, 0, keep | (this.w.types.isUnsigned(type) ? OF.UNS : 0), h, t, -1, -1, -1, type);
  }

  private reduceTop(fr: i32): void {
    const n = this.pOp.length - 1;
    const op = this.pOp.get(n);
    const data = this.pData.get(n);
    const tok = this.pTok.get(n);
    this.popOp();
    const top = this.oKind.length - 1;
    // what an operator gives is no object of the data, nor the value a local holds (but for
    // a conversion that keeps the value)
    if (top >= 0) this.oInit.set(top, -1);
    if (top >= 1) this.oInit.set(top - 1, -1);
    const keeps = top >= 0 && op == OP_CAST && this.keepsValue(this.oType.get(top), data);
    const origin = keeps ? this.oOrigin.get(top) : -1;
    // any conversion of an inline call's value but to void is computed from that value alone
    const read = top >= 0 && op == OP_CAST && this.w.types.kindOf(data) != TY.Void ? this.oResult.get(top) : -1;
    this.applyOperator(fr, op, data, tok, top);
    const result = this.oKind.length - 1;
    if (result >= 0 && result >= this.w.f.a.get(fr)) {
      this.oOrigin.set(result, origin);
      this.oPathOrigin.set(result, -1);
      this.oResult.set(result, read == this.oTail.get(result) ? read : -1);
    }
  }

  private applyOperator(fr: i32, op: i32, data: i32, tok: i32, top: i32): void {
    if (op >= OP_CAST && op <= OP_NOP) {
      if (top < this.w.f.a.get(fr)) return;
      // (void)(&x->m): an address computed and thrown away loads nothing gcc keeps
      if (op == OP_CAST && this.w.types.kindOf(data) == TY.Void && this.isAddressPath(matchClose(this.w.t, tok, this.w.lim) + 1)) {
        this.oHead.set(top, -1);
        this.oTail.set(top, -1);
      } else if (op == OP_CAST && this.w.types.kindOf(data) == TY.Void && this.oResult.get(top) >= 0 && this.oResult.get(top) == this.oTail.get(top)) {
        // (void)f(x) of an inline f: its value is read by nobody
        this.w.ropes.dropLast(this.oHead.get(top), this.oTail.get(top));
        this.oHead.set(top, this.w.ropes.head);
        this.oTail.set(top, this.w.ropes.tail);
      }
      this.unary(fr, op, top, data);
      return;
    }
    if (op == OP_TC) {
      this.ternary(fr, tok);
      return;
    }
    if (top - 1 < this.w.f.a.get(fr)) return; // a missing operand: nothing to combine
    this.binaryValue(fr, op, top - 1, top);
  }

  /** Whether the operand at j is `&a.b->c[2]` (in parentheses or not): an object's address
   *  reached through members, pointers and constant indices, with no side effect. */
  private isAddressPath(j: i32): bool {
    const w = this.w;
    let opens = 0;
    while (w.isP(j, K.LParen)) {
      opens++;
      j++;
    }
    if (!w.isP(j, K.Amp) || w.kd(j + 1) != CK.Ident) return false;
    j += 2;
    while (true) {
      if ((w.isP(j, K.Dot) || w.isP(j, K.Arrow)) && w.kd(j + 1) == CK.Ident) j += 2;
      else if (w.isP(j, K.LBracket) && w.kd(j + 1) == CK.Number && w.isP(j + 2, K.RBracket)) j += 3;
      else break;
    }
    for (; opens > 0; opens--, j++) if (!w.isP(j, K.RParen)) return false;
    return !w.isP(j, K.LParen) && !w.isP(j, K.LBracket) && !w.isP(j, K.Dot) && !w.isP(j, K.Arrow) && !w.isP(j, K.PlusPlus) && !w.isP(j, K.MinusMinus);
  }

  /** Whether converting a value of type `from` to type `to` leaves the same value as any
   *  other such conversion of it: to an integer type at least as wide (size_t of an int,
   *  as the mem* functions and kmalloc both take it). */
  private keepsValue(from: i32, to: i32): bool {
    const types = this.w.types;
    return types.kindOf(from) == TY.Int && types.kindOf(to) == TY.Int && types.sizeOf(to) >= types.sizeOf(from) && types.sizeOf(from) > 0;
  }

  private unary(fr: i32, op: i32, t: i32, data: i32): void {
    const types = this.w.types;
    const vk = <VK>this.oKind.get(t);
    const v = this.oVal.get(t);
    let fl = this.oFl.get(t);
    const ty = this.oType.get(t);
    const addr = fl & OF.LOCAL_ADDR;
    const str = fl & OF.STRING;
    const sz0 = this.oSz0.get(t),
      sz1 = this.oSz1.get(t),
      lv0 = this.oLv0.get(t),
      lv1 = this.oLv1.get(t);
    this.designates(t, -1, -1);
    // only a cast (not to void) keeps a local's address an address; *&x is x again
    fl &= ~(OF.LOCAL_ADDR | OF.STRING | OF.FLEX | OF.PT_TOP | OF.PT_LAST);
    // a run-time size stays itself only through a cast
    if (op != OP_CAST && op != OP_POS) fl &= ~OF.SIZE;
    switch (op) {
      case OP_NEG:
        if (vk == VK.Known) this.oVal.set(t, -v);
        this.oType.set(t, types.promoted(ty));
        break;
      case OP_POS:
        this.oType.set(t, types.promoted(ty));
        break;
      case OP_NOT:
        if (vk == VK.Known) this.oVal.set(t, v == 0 ? 1 : 0);
        fl &= ~OF.UNS;
        this.oType.set(t, T.INT);
        break;
      case OP_BITNOT:
        if (vk == VK.Known) this.oVal.set(t, ~v);
        this.oType.set(t, types.promoted(ty));
        break;
      case OP_CAST: {
        // data: the type cast to
        const k = types.kindOf(data);
        if (k == TY.Void || k == TY.Record) this.oKind.set(t, <i32>VK.NotConst);
        else if (vk == VK.Known && k == TY.Int) this.oVal.set(t, truncated(v, types.sizeOf(data), types.isUnsigned(data)));
        if (data != T.UNKNOWN) fl = types.isUnsigned(data) ? fl | OF.UNS : fl & ~OF.UNS;
        fl &= ~OF.DESIG;
        // a conversion to another size or signedness is a value of its own (a new SSA name),
        // whose range is what is known where it is computed: a tested bound's too
        if ((fl & OF.TESTED) != 0 && k == TY.Int && types.converts(ty, data)) fl = (fl & ~OF.TESTED) | OF.DERIVED;
        if (k != TY.Void) fl |= addr;
        if (k == TY.Pointer) {
          fl |= str;
          this.pointsTo(t, sz0, sz1);
        }
        this.oType.set(t, data);
        break;
      }
      case OP_DEREF:
        this.oKind.set(t, <i32>VK.NotConst);
        fl &= ~(OF.DESIG | OF.LOCAL_OBJ | OF.UNS | OF.CONST_OBJ);
        if (types.pointsToConst(ty)) fl |= OF.CONST_OBJ;
        if (addr != 0) fl |= OF.LOCAL_OBJ;
        if (str != 0) this.knownChar(t, v, 0);
        this.oType.set(t, types.pointee(ty));
        // *p is the object p points to, inside something reached through a pointer
        this.designates(t, sz0, sz1);
        fl |= OF.FLEX | OF.PT_TOP;
        if (types.isUnsigned(this.oType.get(t))) fl |= OF.UNS;
        break;
      case OP_ADDR:
        if ((fl & OF.LOCAL_OBJ) != 0) fl |= OF.LOCAL_ADDR;
        if ((fl & OF.DESIG) != 0) this.w.changeLocal(this.oLocal.get(t), fr);
        else this.oLocal.set(t, -1); // &x keeps naming the local x, &x.m does not
        this.oKind.set(t, <i32>VK.NotConst);
        fl &= ~(OF.DESIG | OF.LOCAL_OBJ | OF.CONST_OBJ);
        fl |= OF.UNS;
        this.oType.set(t, ty == T.UNKNOWN ? T.UNKNOWN : types.pointerTo(ty, (this.oFl.get(t) & OF.CONST_OBJ) != 0));
        this.pointsTo(t, lv0, lv1);
        break;
      default:
        this.storeInto(fr, t, false, 0);
        if ((fl & OF.DESIG) != 0) this.stepLocal(this.oLocal.get(t), fr, data == 1); // ++x, --x
        this.oKind.set(t, <i32>VK.NotConst);
        fl &= ~OF.DESIG;
    }
    this.oFl.set(t, fl & ~OF.BUILTIN);
    this.oEnt.set(t, op == OP_POS ? this.oEnt.get(t) : -1);
    // the bound: a cast keeps it where the type holds it (or narrows to the type's), !x is 0 or 1
    const bound = this.oMax.get(t);
    const to = this.oType.get(t);
    if (<VK>this.oKind.get(t) == VK.Known && this.oVal.get(t) >= 0) this.oMax.set(t, this.oVal.get(t));
    else if (op == OP_NOT) this.oMax.set(t, 1);
    else if (op == OP_CAST && types.kindOf(to) == TY.Int && bound >= 0 && (types.isUnsigned(to) || types.sizeOf(to) > types.sizeOf(ty))) {
      const bits = <i64>types.sizeOf(to) * 8;
      this.oMax.set(t, bits >= 64 || bound < (<i64>1) << (bits - (types.isUnsigned(to) ? 0 : 1)) ? bound : this.typeMax(to));
    } else if (op != OP_POS) this.oMax.set(t, this.typeMax(to));
    // an upper bound of a value that may be negative holds through a conversion that keeps
    // its value or makes it a 64-bit unsigned one (the anti-range gcc guesses from; a
    // narrower unsigned one leaves two ranges once widened)
    if (op != OP_POS && !(op == OP_CAST && types.kindOf(to) == TY.Int && types.sizeOf(to) >= 4)) this.oRange.set(t, -1);
    if (op != OP_POS && !(op == OP_CAST && types.keepsUpperBound(ty, to))) this.oHi.set(t, -1);
    // &f, *f and (type)f are still f
    if (op != OP_ADDR && op != OP_DEREF && op != OP_CAST && op != OP_POS) this.oFn.set(t, -1);
  }

  private binaryValue(fr: i32, op: i32, x: i32, y: i32): void {
    if (op == K.Shl || op == K.Shr || op == K.ShlAssign || op == K.ShrAssign) this.noteShiftCheck(fr, x, y);
    const r = this.w.ropes;
    const ak = <VK>this.oKind.get(x),
      bk = <VK>this.oKind.get(y);
    const av = this.oVal.get(x),
      bv = this.oVal.get(y);
    const au = (this.oFl.get(x) & OF.UNS) != 0,
      bu = (this.oFl.get(y) & OF.UNS) != 0;
    let vk = VK.NotConst;
    let v: i64 = 0;
    let uns = false;
    let keepRight = true;
    let notIce = (this.oFl.get(x) | this.oFl.get(y)) & (OF.NOT_ICE | OF.UNRESOLVED);
    if (op == K.AndAnd || op == K.OrOr) {
      const isAnd = op == K.AndAnd;
      if (ak == VK.Known && (isAnd ? av == 0 : av != 0)) {
        vk = VK.Known;
        v = isAnd ? 0 : 1;
        keepRight = false;
      } else if (bk == VK.Known && (isAnd ? bv == 0 : bv != 0)) {
        vk = VK.Known;
        v = isAnd ? 0 : 1;
      } else if (ak == VK.Known && bk == VK.Known) {
        vk = VK.Known;
        v = bv != 0 ? 1 : 0;
      } else if (ak == VK.Known) {
        vk = bk;
        v = 0;
      } else vk = joinKinds(ak, bk);
    } else if (op == K.Comma || op == K.Ellipsis) {
      vk = bk;
      v = bv;
      uns = bu;
    } else if (isAssignOp(op)) {
      this.storeInto(fr, x, op == K.Assign && bk == VK.Known, bv);
      if ((this.oFl.get(y) & OF.LOCAL_ADDR) != 0) {
        // stored: into a local pointer it is followed there, anywhere else it escapes
        const slot = (this.oFl.get(x) & OF.DESIG) != 0 ? this.oLocal.get(x) : -1;
        if (op == K.Assign && slot >= 0 && (this.w.localFlags.get(slot) & LF.AUTO) != 0) this.w.localFlags.set(slot, this.w.localFlags.get(slot) | LF.ADDR);
        else this.w.markNode(NF.STACK_PROTECT, fr);
      }
      vk = VK.NotConst;
      if ((this.oFl.get(x) & OF.DESIG) != 0) {
        // the value a local is given (a compound one folds when both sides are known)
        let nk = bk,
          nv = bv;
        if (op != K.Assign) {
          nk = joinKinds(ak, bk);
          if (nk == VK.Known) {
            nv = foldBinary(compoundBase(op), av, bv, au);
            if (foldFailed) nk = VK.NotConst;
          }
        }
        const slot = this.oLocal.get(x);
        if (op == K.Assign) this.holdForOnce(fr, slot, x, y);
        this.w.assignLocal(slot, fr, nk, nv, op == K.Assign ? this.nonNegativeMax(y) : -1, op == K.Assign ? this.leastOf(y) : -1);
        if (
          op == K.Assign &&
          slot >= 0 &&
          (this.w.localFlags.get(slot) & LF.ONCE) != 0 &&
          !this.w.f.isDead(fr) &&
          this.w.condDepth == this.w.localDepth.get(slot)
        ) {
          this.w.localSz0.set(slot, this.oSz0.get(y));
          this.w.localSz1.set(slot, this.oSz1.get(y));
          // its one value from here on: what a store through it leaves is read back through
          // it (memfacts.ts; btmtkuart's `bdev = devm_kzalloc(...)`, then `bdev->data = ...`)
          this.w.localOrigin.set(slot, this.oOrigin.get(y) >= 0 ? this.oOrigin.get(y) : this.w.newValueId());
        }
        if (op == K.Assign) this.keepBound(fr, slot, y);
        // a followed local given a ranged value in straight code keeps its range (the SSA
        // name), one a compound assignment changes the range of what it computes
        // (__dev_alloc_pages's `gfp_mask |= __GFP_COMP | __GFP_MEMALLOC` of a ranged gfp_mask)
        const ranged =
          op == K.Assign
            ? this.oRange.get(y)
            : nk != VK.Known && (this.oRange.get(x) >= 0 || this.oRange.get(y) >= 0)
              ? this.rangedBoundOf(compoundBase(op), x, y)
              : -1;
        if (
          ranged >= 0 &&
          slot >= 0 &&
          !this.w.f.isDead(fr) &&
          (this.w.localFlags.get(slot) & LF.TRACKED) != 0 &&
          this.w.condDepth == this.w.localDepth.get(slot)
        )
          this.boundRange(slot, ranged);
        if (op == K.Assign) this.scopeAssignment(fr, slot, y);
        vk = nk;
        v = nv;
      }
    } else {
      uns = op == K.Shl || op == K.Shr ? au : au || bu;
      const bySize = isComparison(op) ? this.sizeComparison(op, x, y) : -1;
      if (ak == VK.Known && bk == VK.Known) {
        v = foldBinary(op, av, bv, uns);
        vk = foldFailed ? VK.NotConst : VK.Known;
      } else if (isComparison(op) && this.comparesByBound(op, x, y, uns) >= 0) {
        // a value no greater than a constant compared with it (gcc's value range)
        vk = VK.Known;
        v = this.comparesByBound(op, x, y, uns);
      } else if (isComparison(op) && (((this.oFl.get(x) & this.oFl.get(y) & OF.SIZE) != 0 && av == bv) || this.sizeAndItsValue(x, y))) {
        // one run-time object size read twice, or with the value it was allocated with
        vk = VK.Known;
        v = op == K.EqEq || op == K.Le || op == K.Ge ? 1 : 0;
      } else if (bySize >= 0) {
        // a run-time size whose range gcc knows, against a constant
        vk = VK.Known;
        v = bySize;
      } else if ((op == K.Star || op == K.Amp) && ((ak == VK.Known && av == 0) || (bk == VK.Known && bv == 0))) {
        vk = VK.Known;
        v = 0;
        notIce = OF.NOT_ICE;
      } else if (uns && isComparison(op) && ((ak == VK.Known && av == -1) || (bk == VK.Known && bv == -1))) {
        // nothing unsigned exceeds the all-ones value (SIZE_MAX): fortify's checks fold away
        vk = joinKinds(ak, bk);
        const maxLeft = ak == VK.Known && av == -1;
        if (op == K.Lt && maxLeft) {
          vk = VK.Known;
          v = 0;
        } else if (op == K.Gt && !maxLeft) {
          vk = VK.Known;
          v = 0;
        } else if (op == K.Ge && maxLeft) {
          vk = VK.Known;
          v = 1;
        } else if (op == K.Le && !maxLeft) {
          vk = VK.Known;
          v = 1;
        }
      } else vk = joinKinds(ak, bk);
      if (isComparison(op)) uns = false;
    }
    if (keepRight) r.concat(this.oHead.get(x), this.oTail.get(x), this.oHead.get(y), this.oTail.get(y));
    else {
      r.head = this.oHead.get(x);
      r.tail = this.oTail.get(x);
    }
    const h = r.head,
      t = r.tail;
    const type = this.resultType(op, this.oType.get(x), this.oType.get(y));
    // both sides run (or only the left one of && and ||): a noreturn call among them ends it
    let nr = this.oFl.get(x) & OF.NORETURN;
    if (op != K.AndAnd && op != K.OrOr && keepRight) nr |= this.oFl.get(y) & OF.NORETURN;
    if (op == K.Plus || op == K.Minus) nr |= (this.oFl.get(x) | this.oFl.get(y)) & OF.LOCAL_ADDR;
    else if (op == K.Comma) nr |= this.oFl.get(y) & OF.LOCAL_ADDR;
    // p + k, p - k of a known k: what p points to, k elements on; (a, p) is p
    let sz0 = -1,
      sz1 = -1;
    const types = this.w.types;
    if (op == K.Comma) {
      sz0 = this.oSz0.get(y);
      sz1 = this.oSz1.get(y);
    } else if (
      (op == K.Plus || op == K.Minus) &&
      bk == VK.Known &&
      types.isPointer(types.decayed(this.oType.get(x))) &&
      types.kindOf(this.oType.get(y)) == TY.Int
    ) {
      const esize = types.sizeOf(types.pointee(this.oType.get(x)));
      const by = op == K.Plus ? bv : -bv;
      sz0 = Expressions.offsetSize(this.oSz0.get(x), by, esize);
      sz1 = Expressions.offsetSize(this.oSz1.get(x), by, esize);
    } else if ((op == K.Plus || op == K.Minus) && types.isPointer(types.decayed(this.oType.get(x))) && types.kindOf(this.oType.get(y)) == TY.Int) {
      // a run-time offset into an object of a known size leaves a run-time size: what
      // __builtin_dynamic_object_size computes (size - offset), unknown to __builtin_object_size
      const x0 = this.oSz0.get(x),
        x1 = this.oSz1.get(x);
      sz0 = bk == VK.NotConst ? Expressions.runTimeOffset(x0) : -1;
      sz1 = x1 == x0 ? sz0 : bk == VK.NotConst ? Expressions.runTimeOffset(x1) : -1;
    }
    const max = this.boundOf(op, x, y);
    const ranged = this.oRange.get(x) >= 0 || this.oRange.get(y) >= 0 ? this.rangedBoundOf(op, x, y) : -1;
    const rangedLeast = this.boundLeast;
    const hi = this.upperOf(op, x, y);
    const min = this.leastOfResult(op, x, y);
    const derived = ((this.oFl.get(x) | this.oFl.get(y)) & (OF.TESTED | OF.DERIVED)) != 0;
    const own = derived ? this.ownBoundOf(op, x, y) : max;
    const cmpSlot = isComparison(op) ? this.comparedLocal(x, y) : -1;
    const cmpThen = cmpSlot < 0 ? -1 : this.boundWhere(op, x, y, true),
      cmpElse = cmpSlot < 0 ? -1 : this.boundWhere(op, x, y, false);
    this.dropOperands(x);
    const o = this.push(vk, v, (uns ? OF.UNS : 0) | nr | notIce, h, t, -1, -1, -1, type);
    this.pointsTo(o, sz0, sz1);
    if (vk != VK.Known) this.oMax.set(o, Expressions.lowerBound(this.oMax.get(o), max));
    if (derived && vk != VK.Known) this.derive(o, own);
    if (vk != VK.Known && hi >= 0 && this.w.types.keepsUpperBound(T.INT, type)) this.oHi.set(o, hi);
    if (vk != VK.Known) this.setLeast(o, min);
    if (vk != VK.Known && ranged >= 0 && (max < 0 || ranged < max)) this.rangedAs(o, ranged, rangedLeast);
    this.oCmpSlot.set(o, cmpSlot);
    this.oCmpThen.set(o, cmpThen);
    this.oCmpElse.set(o, cmpElse);
  }

  /** The largest `v & mask` of a v from 0 to `max` (max >= 0; the mask's bits as they are,
   *  a negative one's high bits all set): the bits of max while the mask keeps them, and
   *  where it first drops one of them, every lower bit the mask has. */
  private static largestMasked(max: i64, mask: i64): i64 {
    let r: i64 = 0;
    for (let bit = 62; bit >= 0; bit--) {
      const m = (<i64>1) << bit;
      if ((max & m) == 0) continue;
      if ((mask & m) == 0) return r | (mask & (m - 1));
      r |= m;
    }
    return r;
  }

  /** The upper bound (oHi) of `x op y` for a bounded x, a constant y added or taken away,
   *  where the result may be negative (`len - 1` of a len up to 256: gcc's anti-range once
   *  converted to size_t, whatever the least value is): -1 where it is negative. */
  private upperOf(op: i32, x: i32, y: i32): i64 {
    if (op != K.Plus && op != K.Minus) return -1;
    let a = x,
      b = y;
    if (op == K.Plus && <VK>this.oKind.get(a) == VK.Known) {
      a = y;
      b = x;
    }
    const hi = this.upperBound(a);
    if (hi < 0 || <VK>this.oKind.get(b) != VK.Known) return -1;
    const v = this.oVal.get(b);
    if (v < -0x40000000 || v > 0x40000000) return -1;
    const r = op == K.Plus ? hi + v : hi - v;
    return r >= 0 ? r : -1;
  }

  /** `x = y` of a local given its value by this one assignment (LF.ONCE), its address never
   *  taken, outside loops and labels, no cleanup function's: y's list holds what only x's
   *  value needs (heldvalues.ts; net_generic's `ptr = ng->ptr[id]`). */
  private holdForOnce(fr: i32, slot: i32, x: i32, y: i32): void {
    const w = this.w;
    if (slot < 0 || w.f.isDead(fr) || w.curNode < 0 || w.localArg.get(slot) >= 0) return;
    const fl = w.localFlags.get(slot);
    if ((fl & (LF.ONCE | LF.DIRECT)) != (LF.ONCE | LF.DIRECT) || (fl & (LF.LABEL_JOINED | LF.CLEANED)) != 0 || w.inLoop()) return;
    const at = this.oTok.get(x);
    if (!w.isP(at + 1, K.Assign)) return;
    if (!holdValue(w, w.curNode, USES_LOCAL + slot, at + 2, w.i, this.oHead.get(y), this.oTail.get(y), this.oResult.get(y))) return;
    this.oHead.set(y, w.ropes.head);
    this.oTail.set(y, w.ropes.tail);
    w.localArg.set(slot, w.curNode);
    w.localArgKey.set(slot, USES_LOCAL + slot);
  }

  /** `x = y` of a followed integer local x where the assignment runs whenever x's
   *  declaration does: x keeps y's bound, as it keeps its initializer's (gcc's value range
   *  of the SSA name the assignment defines). */
  private keepBound(fr: i32, slot: i32, y: i32): void {
    const w = this.w;
    const max = this.oMax.get(y);
    if (slot < 0 || w.f.isDead(fr) || (w.localFlags.get(slot) & LF.TRACKED) == 0 || w.condDepth != w.localDepth.get(slot)) return;
    if (this.oHi.get(y) >= 0 && w.types.keepsUpperBound(this.oType.get(y), w.localType.get(slot))) w.localHi.set(slot, this.oHi.get(y));
    if (max < 0) return;
    const type = w.localType.get(slot);
    if (w.types.kindOf(type) != TY.Int || !w.types.holds(type, this.oType.get(y), max)) return;
    w.localMax.set(slot, max);
    // a copy of a value bounded only by a test is that value (one SSA name)
    if ((this.oFl.get(y) & (OF.TESTED | OF.DERIVED)) != 0) {
      w.localFlags.set(slot, w.localFlags.get(slot) | ((this.oFl.get(y) & OF.TESTED) != 0 ? LF.TESTED : LF.DERIVED));
      w.localOwn.set(slot, this.oOwn.get(y));
    }
  }

  /** `x = y` of a local whose address is never taken: x points where y does (and, inside
   *  conditionally run code deeper than its declaration, has y's bound) until that code is
   *  left, or, in straight-line code no loop or goto follows, until x changes again (the SSA
   *  name the assignment defines, as gcc's object sizes and value ranges see it). */
  private scopeAssignment(fr: i32, slot: i32, y: i32): void {
    const w = this.w;
    if (slot < 0 || w.f.isDead(fr) || (w.localFlags.get(slot) & LF.DIRECT) == 0 || w.localDepth.get(slot) > w.condDepth) return;
    const type = w.localType.get(slot);
    const max = w.types.kindOf(type) == TY.Int && w.types.holds(type, this.oType.get(y), this.oMax.get(y)) ? this.oMax.get(y) : -1;
    const hi = this.oHi.get(y) >= 0 && w.types.keepsUpperBound(this.oType.get(y), type) ? this.oHi.get(y) : -1;
    if (w.condDepth > w.localDepth.get(slot)) {
      w.scopeAssignment(slot, this.oSz0.get(y), this.oSz1.get(y), max, false, hi);
      // and y's least value (usb_fill_int_urb's `interval = clamp(interval, 1, 16)` under an if)
      const least = this.leastOf(y);
      if (max >= 0 && least >= 0 && least <= max) {
        w.localLeast.set(slot, least);
        w.localLeastOf.set(slot, max);
      }
    } else if ((w.localFlags.get(slot) & (LF.TRACKED | LF.ADVANCES)) != 0) {
      // straight-line code with no loop or goto after it: the value holds until the next change
      w.localSz0.set(slot, this.oSz0.get(y));
      w.localSz1.set(slot, this.oSz1.get(y));
    } else if (hi >= 0) {
      // a goto or loop later: an upper bound holds until a label or a loop that changes it
      // (mos7720's `transfer_size = min(count, 32);` with a `goto exit` about)
      w.scopeAssignment(slot, w.localSz0.get(slot), w.localSz1.get(slot), w.localMax.get(slot), false, hi);
    }
  }

  /** The unsigned local `x rel y` compares with a bounded other side (x's or y's slot), or -1. */
  private comparedLocal(x: i32, y: i32): i32 {
    if (this.isUnsignedLocal(x) && this.oMax.get(y) >= 0) return this.oLocal.get(x);
    if (this.isUnsignedLocal(y) && this.oMax.get(x) >= 0) return this.oLocal.get(y);
    return -1;
  }

  private isUnsignedLocal(o: i32): bool {
    return (
      (this.oFl.get(o) & OF.DESIG) != 0 &&
      this.oLocal.get(o) >= 0 &&
      this.w.types.kindOf(this.oType.get(o)) == TY.Int &&
      this.w.types.isUnsigned(this.oType.get(o))
    );
  }

  /** The bound `x op y` gives its compared local (comparedLocal) where it is `holds`, or -1. */
  private boundWhere(op: i32, x: i32, y: i32, holds: bool): i64 {
    const left = this.isUnsignedLocal(x) && this.oMax.get(y) >= 0;
    const other = left ? this.oMax.get(y) : this.oMax.get(x);
    // as `local rel other`, then negated where it fails
    let rel = op;
    if (!left) rel = reversedComparison(op);
    if (!holds) rel = rel == K.Lt ? K.Ge : rel == K.Ge ? K.Lt : rel == K.Gt ? K.Le : rel == K.Le ? K.Gt : rel == K.EqEq ? K.Ne : K.EqEq;
    if (rel == K.Le) return other;
    if (rel == K.Lt) return other > 0 ? other - 1 : -1;
    // equal to a value bounded by `other`
    if (rel == K.EqEq) return other;
    return -1;
  }

  /** `x op y` of a run-time object size (OF.SIZE) with static bounds and a constant: 1 or 0
   *  where the bounds decide it, else -1. */
  private sizeComparison(op: i32, x: i32, y: i32): i32 {
    const sx = (this.oFl.get(x) & OF.SIZE) != 0 && <VK>this.oKind.get(y) == VK.Known;
    const sy = (this.oFl.get(y) & OF.SIZE) != 0 && <VK>this.oKind.get(x) == VK.Known;
    if (sx == sy) return -1;
    const s = staticSizes(<i32>this.oVal.get(sx ? x : y));
    let c = this.oVal.get(sx ? y : x);
    if (s < 0 || c < -1) return -1;
    // (size_t)-1, SIZE_MAX: above any size
    if (c == -1) c = i64.MAX_VALUE;
    const min = s >> 32,
      max = s & 0xffffffff;
    // as `size rel c`
    const rel = sy ? reversedComparison(op) : op;
    if (rel == K.Lt) return max < c ? 1 : min >= c ? 0 : -1;
    if (rel == K.Le) return max <= c ? 1 : min > c ? 0 : -1;
    if (rel == K.Gt) return min > c ? 1 : max <= c ? 0 : -1;
    if (rel == K.Ge) return min >= c ? 1 : max < c ? 0 : -1;
    if (rel == K.EqEq) return c < min || c > max ? 0 : -1;
    if (rel == K.Ne) return c < min || c > max ? 1 : -1;
    return -1;
  }

  /** The largest value index operand `i` can have where known (its bound, or a loop
   *  counter's), else -1. */
  private indexMost(i: i32): i64 {
    let most = this.oMax.get(i);
    const slot = (this.oFl.get(i) & OF.DESIG) != 0 ? this.oLocal.get(i) : -1;
    if (slot >= 0 && this.ranges.has(slot)) most = Expressions.lowerBound(most, this.ranges.get(slot));
    return most;
  }

  /** `x op y` (a comparison) where one side is a constant and the other's largest value
   *  (oMax) decides it: 1 or 0, or -1. An unsigned comparison decides only for an unsigned
   *  operand (a negative one would wrap past the bound). */
  private comparesByBound(op: i32, x: i32, y: i32, uns: bool): i32 {
    const xk = <VK>this.oKind.get(x) == VK.Known,
      yk = <VK>this.oKind.get(y) == VK.Known;
    if (xk == yk) return -1;
    const c = xk ? this.oVal.get(x) : this.oVal.get(y);
    const o = xk ? y : x;
    // gcc's value ranges fold it: the loop counters' and parameters' too
    const max = this.rangedMax(o);
    if (max < 0 || c < 0 || (uns && !this.w.types.isUnsigned(this.oType.get(o)))) return -1;
    // as `o rel c`
    let rel = op;
    if (xk) rel = reversedComparison(op);
    // a value at least the constant (its least value by gcc's ranges)
    const least = this.leastOf(o);
    if (least >= c && least >= 0) {
      if (rel == K.Ge) return 1;
      if (rel == K.Lt) return 0;
      if (least > c && (rel == K.Gt || rel == K.Ne)) return 1;
      if (least > c && (rel == K.Le || rel == K.EqEq)) return 0;
    }
    switch (rel) {
      case K.Lt:
        return max < c ? 1 : -1;
      case K.Le:
        return max <= c ? 1 : -1;
      case K.Gt:
        return max <= c ? 0 : -1;
      case K.Ge:
        return max < c ? 0 : -1;
      case K.EqEq:
        return max < c ? 0 : -1;
      case K.Ne:
        return max < c ? 1 : -1;
      default:
        return -1;
    }
  }

  /** `a[i]` of an array type: gcc checks the index (-fsanitize=bounds); marks the walk
   *  when the check survives (ubsan.ts). An array inside an object reached through a
   *  pointer, ending every record it is in, is checked only by -fsanitize=bounds-strict. */
  private noteIndexCheck(fr: i32, a: i32, i: i32): void {
    const types = this.w.types;
    const t = this.oType.get(a);
    if (!types.isArray(t)) return; // p[i] of a pointer is *(p + i): no check
    // a constant only by folding (an inline function's returns, each constant but not the
    // same, as kmalloc_type()'s of a gfp_t parameter) is one value gcc does not know here
    if ((this.oFl.get(i) & OF.UNRESOLVED) != 0) return;
    let vk = <VK>this.oKind.get(i);
    if (vk == VK.Const && (this.oFl.get(i) & OF.NOT_ICE) != 0) vk = VK.NotConst;
    // a bound a branch's test gave a local does not remove the check (gcc-14 places it first)
    if (!indexCheckSurvives(types.count.get(t), vk, this.oVal.get(i), this.ownBound(i))) return;
    this.w.markNode((this.oFl.get(a) & OF.FLEX) != 0 ? NF.UBSAN_BOUNDS_TRAILING : NF.UBSAN_BOUNDS, fr);
  }

  /** `x << y`, `x >> y`: gcc checks y against x's width (-fsanitize=shift); marks the walk
   *  when the check survives (ubsan.ts). The check is ordinary code: a loop counter's range
   *  folds it too. */
  private noteShiftCheck(fr: i32, x: i32, y: i32): void {
    const types = this.w.types;
    const t = types.promoted(this.oType.get(x));
    const bits = types.kindOf(t) == TY.Int ? types.sizeOf(t) * 8 : 0;
    if ((this.oFl.get(y) & OF.UNRESOLVED) != 0) return;
    const max = this.rangedMax(y);
    if (shiftCheckSurvives(bits, <VK>this.oKind.get(y), this.oVal.get(y), max)) this.w.markNode(NF.UBSAN_SHIFT, fr);
  }

  /** Locals whose value gcc's value ranges bound where the front end does not see it (an
   *  index's check keeps): a loop counter in its loop's body (loopcounter.ts), a parameter
   *  every call passes a small constant (ipaconstants.ts). By slot, until the local changes. */
  private ranges: Map<i32, i64> = new Map();

  /** Local `slot` is at most `max` and at least `least` by gcc's ranges from here on (-1: no
   *  longer): see ranges. */
  boundRange(slot: i32, max: i64, least: i64 = 0): void {
    if (max >= 0) {
      this.ranges.set(slot, max);
      this.rangeLeast.set(slot, least);
    } else if (this.ranges.has(slot)) this.ranges.delete(slot);
  }
  /** The least value of each local in ranges (a loop counter's first). */
  private rangeLeast: Map<i32, i64> = new Map();

  /** `x++` or `x--` (up false) of local `slot`: a value of its own, one more than a ranged
   *  one's (a while loop's `pos++; ... 1 << pos` of a pos below 3 shifts by at most 3). */
  private stepLocal(slot: i32, fr: i32, up: bool): void {
    const max = this.rangeOf(slot);
    const least = max >= 0 ? this.rangeLeast.get(slot) : -1;
    this.w.changeLocal(slot, fr);
    if (up && max >= 0 && max < 0x7fffffff && !this.w.f.isDead(fr)) this.boundRange(slot, max + 1, least);
  }

  /** The largest value local `slot` holds by ranges, else -1. */
  rangeOf(slot: i32): i64 {
    return this.ranges.has(slot) ? this.ranges.get(slot) : -1;
  }

  /** The bound of `x op y` from its operands' (oMax): a mask keeps the smaller, a remainder
   *  by a constant stays below it, a sum, a product or a right shift of bounded values stays
   *  bounded. */
  private boundOf(op: i32, x: i32, y: i32): i64 {
    const a = this.oMax.get(x),
      b = this.oMax.get(y);
    const bk = <VK>this.oKind.get(y) == VK.Known;
    const bv = this.oVal.get(y);
    if (op == K.Amp) {
      // a constant mask: the largest value up to the other's bound it leaves (ALIGN's `& ~63`)
      if (bk && a >= 0) return Expressions.largestMasked(a, bv);
      if (<VK>this.oKind.get(x) == VK.Known && b >= 0) return Expressions.largestMasked(b, this.oVal.get(x));
      return Expressions.lowerBound(a, b);
    }
    // an or of bounded values sets no bit above theirs (gfp flags ored into a parameter's)
    if (op == K.Pipe || op == K.Caret) {
      const bitsX = this.bitsOf(x),
        bitsY = this.bitsOf(y);
      if (bitsX >= 0 && bitsY >= 0) return bitsX | bitsY;
    }
    if (op == K.Percent && bk && bv > 0 && ((this.oFl.get(x) & OF.UNS) != 0 || a >= 0)) return Expressions.lowerBound(a, bv - 1);
    if (op == K.Shr && bk && bv >= 0 && bv < 63 && a >= 0) return a >> bv;
    // an unsigned int or long shifted right by a constant: its top bits are clear
    if (op == K.Shr && bk && bv > 0 && bv < 64 && a < 0 && (this.oFl.get(x) & OF.UNS) != 0) {
      const size = this.w.types.sizeOf(this.w.types.promoted(this.oType.get(x)));
      if ((size == 4 || size == 8) && bv < <i64>size * 8) return <i64>((<u64>-1) >> (<u64>(64 - size * 8 + <i32>bv)));
    }
    if (op == K.Slash && bk && bv > 0 && a >= 0) return a / bv;
    // a product of bounded values (`i * 8` of a loop counter) that no int overflows
    if (op == K.Star && a >= 0 && b >= 0 && a < 0x40000000 && b < 0x40000000 && a * b <= 0x7fffffff) return a * b;
    if (op == K.Plus && a >= 0 && b >= 0 && a < 0x40000000 && b < 0x40000000) return a + b;
    // k - y of a y between 0 and k: between 0 and k (sizeof(field) - len after len's bound)
    if (op == K.Minus && <VK>this.oKind.get(x) == VK.Known && this.oVal.get(x) >= 0 && b >= 0 && b <= this.oVal.get(x)) return this.oVal.get(x);
    // x - c of an x at least c: c less (strlcat's `avail - p_len - 1`, which gcc folds to
    // (avail - 1) - p_len)
    if (op == K.Minus && bk && bv >= 0 && a >= 0 && this.leastOf(x) >= bv) return a - bv;
    if (op == K.Comma) return b;
    return -1;
  }

  /** The bits operand o may have set: a non-negative constant's own, every bit up to a
   *  bounded value's highest; -1 where any. */
  private bitsOf(o: i32): i64 {
    if (<VK>this.oKind.get(o) == VK.Known) return this.oVal.get(o) >= 0 ? this.oVal.get(o) : -1;
    const max = this.oMax.get(o);
    if (max < 0) return -1;
    let bits: i64 = 0;
    while (bits < max) bits = (bits << 1) | 1;
    return bits;
  }

  /** The bound gcc knows of what the library function `name` returns for these arguments:
   *  strnlen(s, n) of a constant n is at most n (its builtin's value range), else -1. Only
   *  the function by that name: the kernel's fortified strnlen calls it as __real_strnlen,
   *  which gcc does not take for the builtin. */
  private lengthBound(name: string, callee: i32, nargs: i32): i64 {
    if (name != "strnlen" || nargs != 2 || <VK>this.oKind.get(callee + 2) != VK.Known) return -1;
    const n = this.oVal.get(callee + 2);
    return n >= 0 ? n : -1;
  }

  /** The bound of operand o by its own range (OF.TESTED, OF.DERIVED), which gcc-14's
   *  sanitizer checks read. */
  private ownBound(o: i32): i64 {
    return (this.oFl.get(o) & (OF.TESTED | OF.DERIVED)) != 0 ? this.oOwn.get(o) : this.oMax.get(o);
  }

  /** Operand o's bound by gcc's ranges (oRange), else oMax. */
  private rangedMax(o: i32): i64 {
    return Expressions.lowerBound(this.oMax.get(o), this.oRange.get(o));
  }

  /** Operand o is at most `max` by gcc's ranges, and at least `least` (its oMin, valid
   *  against oRange, where it has no least value of its own). */
  private rangedAs(o: i32, max: i64, least: i64): void {
    this.oRange.set(o, max);
    if (this.leastOf(o) < 0 && least >= 0 && least <= max) {
      this.oMin.set(o, least);
      this.oMinOf.set(o, max);
    }
  }

  /** boundOf from the operands' bounds by gcc's ranges (oRange); the result's least value in
   *  boundLeast. */
  private rangedBoundOf(op: i32, x: i32, y: i32): i64 {
    return this.boundTaking(op, x, y, this.rangedMax(x), this.rangedMax(y));
  }

  /** boundOf from the operands' own bounds. */
  private ownBoundOf(op: i32, x: i32, y: i32): i64 {
    return this.boundTaking(op, x, y, this.ownBound(x), this.ownBound(y));
  }

  /** boundOf with x's and y's bounds taken as bx and by; the least value (leastOfResult) in
   *  boundLeast. */
  private boundTaking(op: i32, x: i32, y: i32, bx: i64, by: i64): i64 {
    const mx = this.oMax.get(x),
      my = this.oMax.get(y);
    this.oMax.set(x, bx);
    this.oMax.set(y, by);
    const b = this.boundOf(op, x, y);
    this.boundLeast = this.leastOfResult(op, x, y);
    this.oMax.set(x, mx);
    this.oMax.set(y, my);
    return b;
  }
  private boundLeast: i64 = -1;

  /** Operand o (just pushed, its bound set) was computed from a tested bound: its own bound
   *  is `own` (with its type's), DERIVED where that is looser. */
  private derive(o: i32, own: i64): void {
    const max = this.oMax.get(o);
    const mine = Expressions.lowerBound(this.typeMax(this.oType.get(o)), own);
    if (mine == max) return;
    this.oFl.set(o, this.oFl.get(o) | OF.DERIVED);
    this.oOwn.set(o, mine);
  }

  /** Operand o is at least `min` (-1: nothing known), while its bound stays (see oMin). */
  private setLeast(o: i32, min: i64): void {
    if (min < 0 || this.oMax.get(o) < min) return;
    this.oMin.set(o, min);
    this.oMinOf.set(o, this.oMax.get(o));
  }

  /** The least value of operand o where known (see oMin), else -1. */
  private leastOf(o: i32): i64 {
    if (<VK>this.oKind.get(o) == VK.Known) return this.oVal.get(o) >= 0 ? this.oVal.get(o) : -1;
    return this.oMinOf.get(o) >= 0 && this.oMinOf.get(o) == this.oMax.get(o) ? this.oMin.get(o) : -1;
  }

  /** The least value of `x op y` from its operands' bounds, or -1 (see oMin). */
  private leastOfResult(op: i32, x: i32, y: i32): i64 {
    const b = this.oMax.get(y);
    if (op == K.Minus && <VK>this.oKind.get(x) == VK.Known && this.oVal.get(x) >= 0 && b >= 0 && b <= this.oVal.get(x)) return this.oVal.get(x) - b;
    const lx = this.leastOf(x),
      ly = this.leastOf(y);
    if (op == K.Minus && <VK>this.oKind.get(y) == VK.Known && ly >= 0 && lx >= ly) return lx - ly;
    if (op == K.Plus && lx >= 0 && ly >= 0 && lx < 0x40000000 && ly < 0x40000000) return lx + ly;
    // an or of non-negative values is at least either; a right shift shifts the least too
    if (op == K.Pipe && this.bitsOf(x) >= 0 && this.bitsOf(y) >= 0 && (lx > 0 || ly > 0)) return lx > ly ? lx : ly;
    if (op == K.Shr && <VK>this.oKind.get(y) == VK.Known && this.oVal.get(y) >= 0 && this.oVal.get(y) < 63 && lx > 0) return lx >> this.oVal.get(y);
    return -1;
  }

  /** The type of `a op b`. */
  private resultType(op: i32, a: i32, b: i32): i32 {
    const types = this.w.types;
    if (isComparison(op) || op == K.AndAnd || op == K.OrOr) return T.INT;
    if (op == K.Comma || op == K.Ellipsis) return b;
    if (isAssignOp(op)) return a;
    if (op == K.Shl || op == K.Shr) return types.promoted(a);
    const pa = types.isPointer(types.decayed(a)),
      pb = types.isPointer(types.decayed(b));
    if (op == K.Minus && pa && pb) return T.LONG;
    if ((op == K.Plus || op == K.Minus) && pa) return types.decayed(a);
    if (op == K.Plus && pb) return types.decayed(b);
    return types.arithmetic(a, b);
  }

  /** Whether `c ? t : e` around `?` at q is `(x) < (y) ? (x) : (y)` (or with `>`, `y : x`):
   *  the smaller of two values, as the kernel's min() and min_t() spell it. */
  private isMinimum(q: i32): bool {
    const w = this.w;
    const t0 = this.operandAfter(q + 1);
    if (t0 < 0 || !w.isP(this.operandEnd, K.Colon)) return false;
    const e0 = this.operandAfter(this.operandEnd + 1);
    if (e0 < 0 || !w.isP(this.operandEnd, K.RParen)) return false;
    let j = q - 1;
    const yParen = w.isP(j, K.RParen);
    if (yParen) j--;
    if (w.kd(j) != CK.Ident) return false;
    const y = w.at(j);
    j -= yParen ? 2 : 1;
    const op = w.isP(j, K.Lt) || w.isP(j, K.Le) ? -1 : w.isP(j, K.Gt) || w.isP(j, K.Ge) ? 1 : 0;
    if (op == 0) return false;
    j--;
    const xParen = w.isP(j, K.RParen);
    if (xParen) j--;
    if (w.kd(j) != CK.Ident) return false;
    const x = w.at(j);
    j -= xParen ? 2 : 1;
    if (!w.isP(j, K.LParen) || (yParen && !w.isP(q - 3, K.LParen)) || (xParen && !w.isP(j + 1, K.LParen))) return false;
    return op < 0 ? t0 == x && e0 == y : t0 == y && e0 == x;
  }

  /** Where `c ? t : e` around `?` at q is __clamp()'s `(v) >= (h) ? (h) : ((v) <= (l) ? (l) :
   *  (v))` and l a local of known value, that value; else -1. */
  private clampLow(q: i32): i64 {
    const w = this.w;
    // the condition, read backwards: (v) >= (h)
    const h = this.operandBefore(q - 1);
    if (h < 0 || !w.isP(this.operandStart - 1, K.Ge) || this.operandBefore(this.operandStart - 2) < 0) return -1;
    const v = w.at(this.operandStart + (w.isP(this.operandStart, K.LParen) ? 1 : 0));
    // the arms: (h) : ((v) <= (l) ? (l) : (v))
    if (this.operandAfter(q + 1) != h || !w.isP(this.operandEnd, K.Colon) || !w.isP(this.operandEnd + 1, K.LParen)) return -1;
    if (this.operandAfter(this.operandEnd + 2) != v || !w.isP(this.operandEnd, K.Le)) return -1;
    const l = this.operandAfter(this.operandEnd + 1);
    if (l < 0 || !w.isP(this.operandEnd, K.Question) || this.operandAfter(this.operandEnd + 1) != l || !w.isP(this.operandEnd, K.Colon)) return -1;
    if (this.operandAfter(this.operandEnd + 1) != v || !w.isP(this.operandEnd, K.RParen)) return -1;
    const b = w.scope.lookup(l);
    if (w.scope.kindOf(b) != Bind.Local) return -1;
    const slot = w.scope.dataOf(b);
    return <VK>w.localKind.get(slot) == VK.Known && w.localValue.get(slot) >= 0 ? w.localValue.get(slot) : -1;
  }

  /** The name of `name` or `(name)` ending at j (its start in operandStart), or -1. */
  private operandBefore(j: i32): i32 {
    const w = this.w;
    const paren = w.isP(j, K.RParen);
    const at = paren ? j - 1 : j;
    if (w.kd(at) != CK.Ident || (paren && !w.isP(at - 1, K.LParen))) return -1;
    this.operandStart = paren ? at - 1 : at;
    return w.at(at);
  }
  private operandStart: i32 = 0;

  /** The name of `name` or `(name)` at j (its end in operandEnd), or -1. */
  private operandAfter(j: i32): i32 {
    const w = this.w;
    const paren = w.isP(j, K.LParen);
    const at = paren ? j + 1 : j;
    if (w.kd(at) != CK.Ident || (paren && !w.isP(at + 1, K.RParen))) return -1;
    this.operandEnd = paren ? at + 2 : at + 1;
    return w.at(at);
  }
  private operandEnd: i32 = 0;

  /** Operand o's upper bound, where it may be negative too (oHi), or -1. */
  private upperBound(o: i32): i64 {
    const max = this.nonNegativeMax(o);
    return max >= 0 ? max : this.oHi.get(o);
  }

  /** The largest value of operand o where it is known to be non-negative, else -1. */
  private nonNegativeMax(o: i32): i64 {
    if (<VK>this.oKind.get(o) == VK.Known) return this.oVal.get(o) >= 0 ? this.oVal.get(o) : -1;
    return this.oMax.get(o);
  }

  private ternary(fr: i32, q: i32): void {
    const top = this.oKind.length - 1;
    if (top - 2 < this.w.f.a.get(fr)) return;
    const c = top - 2,
      t = top - 1,
      e = top;
    const r = this.w.ropes;
    const ck = <VK>this.oKind.get(c);
    const cv = this.oVal.get(c);
    let vk: VK;
    let v: i64 = 0;
    let fl = ((this.oFl.get(t) | this.oFl.get(e)) & (OF.UNS | OF.LOCAL_ADDR)) | ((this.oFl.get(c) | this.oFl.get(t) | this.oFl.get(e)) & OF.NOT_ICE);
    // one side, or both pointing to objects of the same size
    let sz0 = Expressions.eitherSize(this.oSz0.get(t), this.oSz0.get(e));
    let sz1 = Expressions.eitherSize(this.oSz1.get(t), this.oSz1.get(e));
    let own: i64 = -1;
    if (ck == VK.Known) {
      const pick = cv != 0 ? t : e;
      sz0 = this.oSz0.get(pick);
      sz1 = this.oSz1.get(pick);
      vk = <VK>this.oKind.get(pick);
      v = this.oVal.get(pick);
      fl = this.oFl.get(pick) & (OF.UNS | OF.LOCAL_ADDR | OF.NOT_ICE | OF.TESTED | OF.DERIVED);
      own = this.oOwn.get(pick);
      r.concat(this.oHead.get(c), this.oTail.get(c), this.oHead.get(pick), this.oTail.get(pick));
    } else {
      const tk = <VK>this.oKind.get(t),
        ek = <VK>this.oKind.get(e);
      if (tk == VK.Known && ek == VK.Known && this.oVal.get(t) == this.oVal.get(e) && ck != VK.NotConst) {
        vk = VK.Known;
        v = this.oVal.get(t);
      } else vk = joinKinds(ck, joinKinds(tk, ek));
      r.concat(this.oHead.get(c), this.oTail.get(c), this.oHead.get(t), this.oTail.get(t));
      r.concat(r.head, r.tail, this.oHead.get(e), this.oTail.get(e));
    }
    const h = r.head,
      tl = r.tail;
    const type = this.conditionalType(t, e);
    let mt = this.oMax.get(t),
      me = this.oMax.get(e);
    // an arm that is the local the condition compares is bounded by the condition there
    const cmp = this.oCmpSlot.get(c);
    if (cmp >= 0 && (this.oFl.get(t) & OF.DESIG) != 0 && this.oLocal.get(t) == cmp) mt = Expressions.lowerBound(mt, this.oCmpThen.get(c));
    if (cmp >= 0 && (this.oFl.get(e) & OF.DESIG) != 0 && this.oLocal.get(e) == cmp) me = Expressions.lowerBound(me, this.oCmpElse.get(c));
    let max = ck == VK.Known ? (cv != 0 ? mt : me) : mt >= 0 && me >= 0 ? (mt > me ? mt : me) : -1;
    // clamp() between constant limits lies between them
    const low = ck != VK.Known ? this.clampLow(q) : -1;
    const least = low >= 0 && low <= this.nonNegativeMax(t) ? low : -1;
    if (least >= 0) max = this.nonNegativeMax(t);
    let hi: i64 = ck == VK.Known ? this.oHi.get(cv != 0 ? t : e) : -1;
    if (ck != VK.Known && max < 0 && this.isMinimum(q)) {
      // min(x, y): at most the bound of either, when neither can be negative
      const bt = this.nonNegativeMax(t),
        be = this.nonNegativeMax(e);
      const unsT = bt >= 0 || (this.oFl.get(t) & OF.UNS) != 0,
        unsE = be >= 0 || (this.oFl.get(e) & OF.UNS) != 0;
      if (unsT && unsE) max = bt >= 0 && (be < 0 || bt < be) ? bt : be;
      else hi = Expressions.lowerBound(this.upperBound(t), this.upperBound(e)); // either may be negative
    }
    // either arm bounded by a test: the choice's own bound is that of the arms' own
    const armDerived = ck != VK.Known && ((this.oFl.get(t) | this.oFl.get(e)) & (OF.TESTED | OF.DERIVED)) != 0;
    const ownT = this.ownBound(t),
      ownE = this.ownBound(e);
    this.dropOperands(c);
    const o = this.push(vk, v, fl, h, tl, -1, -1, -1, type);
    this.pointsTo(o, sz0, sz1);
    if (vk != VK.Known) this.oMax.set(o, Expressions.lowerBound(this.oMax.get(o), max));
    if (vk != VK.Known && max < 0) this.oHi.set(o, hi);
    if (vk != VK.Known) this.setLeast(o, least);
    this.oOwn.set(o, own);
    if (armDerived && vk != VK.Known) {
      // min(x, k) is at most either's own bound; any other choice at most the larger
      const least = ownT >= 0 && (ownE < 0 || ownT < ownE) ? ownT : ownE;
      this.derive(o, this.isMinimum(q) && max >= 0 ? least : ownT >= 0 && ownE >= 0 ? (ownT > ownE ? ownT : ownE) : -1);
    }
  }

  /** The type of `c ? t : e` (C11 6.5.15): a null pointer constant takes the other side's
   *  pointer type, a void pointer makes the result one (what __is_constexpr relies on). */
  private conditionalType(t: i32, e: i32): i32 {
    const types = this.w.types;
    const tt = types.decayed(this.oType.get(t)),
      et = types.decayed(this.oType.get(e));
    if (types.isPointer(tt) && types.isPointer(et)) {
      const nullT = this.isNullPointerConstant(t),
        nullE = this.isNullPointerConstant(e);
      if (nullT && !nullE) return et;
      if (nullE && !nullT) return tt;
      if (types.baseOf(tt) == T.VOID) return tt;
      if (types.baseOf(et) == T.VOID) return et;
      return tt;
    }
    if (types.isPointer(tt)) return tt;
    if (types.isPointer(et)) return et;
    if (tt == T.UNKNOWN) return et;
    if (et == T.UNKNOWN) return tt;
    return types.arithmetic(tt, et);
  }

  private isNullPointerConstant(o: i32): bool {
    const types = this.w.types;
    const ty = this.oType.get(o);
    return (
      <VK>this.oKind.get(o) == VK.Known &&
      this.oVal.get(o) == 0 &&
      (this.oFl.get(o) & OF.NOT_ICE) == 0 &&
      (types.kindOf(ty) == TY.Int || (types.isPointer(ty) && types.baseOf(ty) == T.VOID))
    );
  }

  /** A call's `)` was read: the callee is the operand the CALL marker names, the arguments
   *  are the operands above it. */
  private finishCall(fr: i32): void {
    const w = this.w;
    const r = w.ropes;
    const m = this.pOp.length - 1;
    const callee = this.pData.get(m);
    const callTok = this.pTok.get(m);
    this.popOp();
    const top = this.oKind.length - 1;
    const vbase = w.f.a.get(fr);
    if (vbase > callee || callee > top) {
      this.dropOperands(vbase > callee ? vbase : callee);
      this.pushValue(VK.NotConst, 0, false, T.UNKNOWN);
      return;
    }
    const result = this.returnTypeOf(this.oType.get(callee));
    const nargs = top - callee;
    const fl = this.oFl.get(callee);
    const tailOf = this.tailStatement(fr, callee, vbase, top);
    let vk = VK.NotConst;
    let v: i64 = 0;
    let uns = false;
    let h = -1,
      t = -1;
    if ((fl & OF.BUILTIN) != 0 && this.oEnt.get(callee) == K.BChooseExpr && nargs >= 3) {
      // the condition is a constant expression: one side is compiled, the other is not
      const c = callee + 1;
      let type = this.oType.get(callee + 2);
      let keep = 0,
        max: i64 = -1,
        own: i64 = -1,
        sz0 = -1,
        sz1 = -1;
      if (<VK>this.oKind.get(c) == VK.Known) {
        // the chosen side is the value, its bound and object sizes with it
        const pick = this.oVal.get(c) != 0 ? callee + 2 : callee + 3;
        vk = <VK>this.oKind.get(pick);
        v = this.oVal.get(pick);
        keep = this.oFl.get(pick) & (OF.UNS | OF.LOCAL_ADDR | OF.NOT_ICE | OF.STRING | OF.TESTED | OF.DERIVED);
        h = this.oHead.get(pick);
        t = this.oTail.get(pick);
        type = this.oType.get(pick);
        max = this.oMax.get(pick);
        own = this.oOwn.get(pick);
        sz0 = this.oSz0.get(pick);
        sz1 = this.oSz1.get(pick);
      } else {
        r.concat(this.oHead.get(callee + 2), this.oTail.get(callee + 2), this.oHead.get(callee + 3), this.oTail.get(callee + 3));
        h = r.head;
        t = r.tail;
      }
      this.dropOperands(callee);
      const o = this.push(vk, v, keep, h, t, -1, -1, -1, type);
      this.pointsTo(o, sz0, sz1);
      if (vk != VK.Known) this.oMax.set(o, Expressions.lowerBound(this.oMax.get(o), max));
      this.oOwn.set(o, own);
      return;
    }
    // a call may change any memory, a builtin only a string or mem* one; an inline
    // function's body is read for what it changes (a library function's is taken as its call)
    const inline = this.readsInline(callee, nargs);
    const bodyChanges = inline && libraryCallOf(w.ents.peek(this.oEnt.get(callee)).atom) < 0;
    if (!w.f.isDead(fr) && ((fl & OF.BUILTIN) == 0 ? !bodyChanges : writesMemory(w.t.names.text(this.oEnt.get(callee))))) w.mem.forgetAll();
    let escapes = false;
    for (let k = callee + 1; k <= top; k++) if ((this.oFl.get(k) & OF.LOCAL_ADDR) != 0) escapes = true;
    // the arguments' references, the last argument first (an inline expansion holds each by
    // its parameter: argumentsOf); an inline function that never names a parameter drops
    // the argument's loads and addresses with it (cpumask_check's cpu_max_bits_warn(cpu,
    // nr_cpu_ids) reads no nr_cpu_ids)
    const unused = this.unusedParametersOfCallee(callee, fl);
    for (let k = top; k > callee; k--) {
      if (k - callee <= 32 && (unused & (1 << (k - callee - 1))) != 0 && this.onlyLoads(k) && !this.runsVolatileAsm(callee, k - callee)) {
        this.oHead.set(k, -1);
        continue;
      }
      if (inline) continue;
      r.concat(h, t, this.oHead.get(k), this.oTail.get(k));
      h = r.head;
      t = r.tail;
    }
    if ((fl & OF.BUILTIN) != 0) {
      const atom = this.oEnt.get(callee);
      let type = T.UNKNOWN;
      let bound: i64 = -1;
      if (nargs == 1 && atom == K.BStrlen && (this.oFl.get(callee + 1) & OF.STRING) != 0) {
        vk = VK.Known;
        v = w.strings[<i32>this.oVal.get(callee + 1)].length;
        uns = true;
        type = T.ULONG;
      } else if (nargs == 3 && this.foldsOverflow(w.t.names.text(atom), callee + 1, fr)) {
        vk = VK.Known;
        v = this.overflowed ? 1 : 0;
        type = T.BOOL;
      } else if (nargs == 1 && bitBuiltinWidth(w.t.names.text(atom)) > 0) {
        const name = w.t.names.text(atom);
        const width = bitBuiltinWidth(name);
        type = T.INT;
        bound = bitBuiltinMax(name, width);
        if (<VK>this.oKind.get(callee + 1) == VK.Known) {
          v = foldBitBuiltin(name, this.oVal.get(callee + 1), width);
          if (v >= 0) vk = VK.Known;
        } else if (<VK>this.oKind.get(callee + 1) == VK.Const) vk = VK.Const;
      } else if (nargs >= 1 && w.t.names.text(atom).startsWith("__builtin_expect")) {
        vk = <VK>this.oKind.get(callee + 1);
        v = this.oVal.get(callee + 1);
        uns = (this.oFl.get(callee + 1) & OF.UNS) != 0;
        type = this.oType.get(callee + 1);
      } else {
        const lib = libraryCallOf(atom);
        const text = w.t.names.text(atom);
        const call =
          lib >= 0
            ? this.lowersToCall(callee, nargs, lib)
              ? lib
              : -1
            : text.startsWith("__builtin_")
              ? this.stringCallOf(text.substring(10), callee, nargs)
              : -1;
        if (lib >= 0 && call < 0 && this.expansionKeepsAddress(callee, nargs, lib)) w.markNode(NF.STACK_PROTECT, fr);
        if (call >= 0) {
          if (escapes) w.markNode(NF.STACK_PROTECT, fr);
          const e = this.entityOf(call);
          const entry = r.add(EK.Ref, e.id, this.oTok.get(callee), true);
          r.concat(h, t, entry, entry);
          h = r.head;
          t = r.tail;
          // a mem* call is a call like any other (it returns what the builtin does)
          if (lib >= 0 && tailOf >= 0) w.f.e.set(tailOf, -2);
        } else if (call == DIFFERENT) {
          vk = VK.Known;
          v = 1;
        }
      }
      const text = w.t.names.text(atom);
      const nr = text == "__builtin_unreachable" || text == "__builtin_trap" ? OF.NORETURN : 0;
      const length = vk != VK.Known ? this.lengthBound(text.substring(10), callee, nargs) : -1;
      if (length >= 0) {
        bound = length;
        type = T.ULONG;
      }
      this.dropOperands(callee);
      const o = this.push(vk, v, (uns ? OF.UNS : 0) | nr, h, t, -1, -1, -1, type);
      if (vk != VK.Known && bound >= 0) this.oMax.set(o, bound);
      return;
    }
    const ent = this.oEnt.get(callee);
    if ((fl & OF.DESIG) != 0 && ent >= 0) {
      const e = w.ents.at(ent);
      const entry = this.oHead.get(callee);
      // an inline function's parameters take the address over (its body decides)
      if (inline) {
        this.inlineCall(fr, e, callee, nargs, entry, callTok, result, tailOf);
        return;
      }
      if (e.has(EF.DIAGNOSE) || (libraryCallOf(e.atom) >= 0 && !this.lowersToCall(callee, nargs, libraryCallOf(e.atom)))) {
        // a call that a successful build never keeps, or a mem* call gcc expands in place
        if (!e.has(EF.DIAGNOSE) && this.expansionKeepsAddress(callee, nargs, libraryCallOf(e.atom))) w.markNode(NF.STACK_PROTECT, fr);
        this.dropOperands(callee);
        this.push(VK.NotConst, 0, 0, h, t, -1, -1, -1, result);
        return;
      }
      if (!e.isInline() && STRING_FUNCTIONS.includes(w.t.names.text(e.atom))) {
        // a string function gcc knows as a builtin: folded, expanded in place or turned into another
        const call = this.stringCallOf(w.t.names.text(e.atom), callee, nargs);
        if (call != e.atom) {
          if (call >= 0) {
            if (escapes) w.markNode(NF.STACK_PROTECT, fr);
            const entry = r.add(EK.Ref, this.entityOf(call).id, this.oTok.get(callee), true);
            r.concat(h, t, entry, entry);
            h = r.head;
            t = r.tail;
            // the call it becomes returns what it would (strchr for strstr, strcmp for
            // strncmp): a tail call still; a strlen is followed by what it computes
            if (tailOf >= 0 && w.t.names.text(call) != "strlen") w.f.e.set(tailOf, -2);
          }
          const printed = this.printed(w.t.names.text(e.atom), callee, nargs);
          this.dropOperands(callee);
          this.printedValue(this.push(call == DIFFERENT ? VK.Known : VK.NotConst, call == DIFFERENT ? 1 : 0, 0, h, t, -1, -1, -1, result), printed);
          return;
        }
      }
      if (entry >= 0) r.call.set(entry, 1);
      r.concat(h, t, this.oHead.get(callee), this.oTail.get(callee));
      h = r.head;
      t = r.tail;
      if (escapes) w.markNode(NF.STACK_PROTECT, fr);
      if (e.has(EF.NORETURN)) {
        this.dropOperands(callee);
        this.push(VK.NotConst, 0, OF.NORETURN, h, t, -1, -1, -1, result);
        return;
      }
    } else if (this.oFn.get(callee) >= 0 && (fl & OF.BUILTIN) == 0) {
      // a pointer known to be f (an inline function's parameter given f): gcc calls f
      if (escapes) w.markNode(NF.STACK_PROTECT, fr);
      r.concat(h, t, this.oHead.get(callee), this.oTail.get(callee));
      const entry = r.add(EK.Ref, this.oFn.get(callee), this.oTok.get(callee), true);
      r.concat(r.head, r.tail, entry, entry);
      h = r.head;
      t = r.tail;
    } else {
      // through a pointer: a retpoline thunk call
      if (escapes) w.markNode(NF.STACK_PROTECT, fr);
      const slot = (fl & OF.DESIG) != 0 ? this.oLocal.get(callee) : -1;
      const param = slot >= 0 ? w.localParam.get(slot) : -1;
      const viaParam = param >= 0 ? parameterCallRegister(w, param, nargs, callTok, w.inLoop()) : -1;
      let merged = viaParam < 0 ? mergedResultRegister(w, callTok, nargs) : -1;
      if (viaParam < 0 && merged < 0) merged = rereadBaseRegister(w, callTok, nargs);
      w.markIndirectCall(viaParam >= 0 ? viaParam : merged >= 0 ? merged : REG.RAX, viaParam >= 0, fr);
      r.concat(h, t, this.oHead.get(callee), this.oTail.get(callee));
      h = r.head;
      t = r.tail;
    }
    const allocated = (fl & OF.DESIG) != 0 && ent >= 0 ? this.allocationSize(w.ents.peek(ent), callee, nargs) : -1;
    const bound = (fl & OF.DESIG) != 0 && ent >= 0 ? this.lengthBound(w.t.names.text(w.ents.peek(ent).atom), callee, nargs) : -1;
    const printed = (fl & OF.DESIG) != 0 && ent >= 0 ? this.printed(w.t.names.text(w.ents.peek(ent).atom), callee, nargs) : null;
    this.dropOperands(callee);
    const o = this.push(VK.NotConst, 0, this.w.types.isUnsigned(result) ? OF.UNS : 0, h, t, -1, -1, -1, result);
    this.pointsTo(o, allocated, allocated);
    if (bound >= 0) this.oMax.set(o, Expressions.lowerBound(this.oMax.get(o), bound));
    this.printedValue(o, printed);
    if (tailOf >= 0) w.f.e.set(tailOf, -2);
  }

  /** The statement frame whose whole expression is this call (`f(x);`, `return f(x);`), when
   *  gcc can make the call a tail call (a jump instead of call and `ret`): its arguments all
   *  go in registers (at most six, none a structure by value). Else -1. */
  private tailStatement(fr: i32, callee: i32, vbase: i32, top: i32): i32 {
    if (callee != vbase || top - callee > 6) return -1;
    for (let k = callee + 1; k <= top; k++) if (this.w.types.kindOf(this.oType.get(k)) == TY.Record) return -1;
    return this.wholeStatement(fr, callee);
  }

  /** The statement frame whose whole expression operand `o` (just read, the first of frame
   *  fr) is, with nothing around it but parentheses (`return (f(x));`), or -1. */
  private wholeStatement(fr: i32, o: i32): i32 {
    const w = this.w;
    const f = w.f;
    const stmt = fr - 1;
    if (f.isDead(fr) || stmt < 0 || f.typeOf(stmt) != FT.Stmt || o != f.a.get(fr)) return -1;
    let j = w.i;
    for (let k = f.b.get(fr); k < this.pOp.length; k++, j++) if (this.pOp.get(k) != OP_PAREN || !w.isP(j, K.RParen)) return -1;
    return w.isP(j, K.Semi) ? stmt : -1;
  }

  /** The size of the object a call of `e` returns where alloc_size names its parameters: the
   *  product of their arguments, a run-time size where one is no constant (gcc 12's
   *  alloc_object_size), or -1. */
  private allocationSize(e: Entity, callee: i32, nargs: i32): i32 {
    if (e.allocSize == 0) return -1;
    let size: i64 = 1;
    let known = true;
    let origin = -1; // the value id of the one run-time factor
    for (let shift = 0; shift <= 8; shift += 8) {
      const k = (e.allocSize >> shift) & 0xff;
      if (k == 0) continue;
      if (k > nargs) return -1;
      if (<VK>this.oKind.get(callee + k) != VK.Known) {
        origin = known ? this.oOrigin.get(callee + k) : -1;
        known = false;
      } else {
        const v = this.oVal.get(callee + k);
        size = v < 0 || v > 0x7fffffff ? -1 : size * v;
        if (size < 0 || size > 0x7fffffff) return -1;
      }
    }
    if (known) return <i32>size;
    const dynamic = newDynamicSize();
    // kmalloc(len): the object's size is len itself (times a factor of 1)
    if (origin >= 0 && size == 1) Expressions.sizeOrigins.set(dynamic, origin);
    return dynamic;
  }

  /** Whether operands x and y are a run-time object size and the value it was allocated
   *  with (fortify's `p_size < size` after `p = kmalloc(size)`), in either order. */
  private sizeAndItsValue(x: i32, y: i32): bool {
    const sx = (this.oFl.get(x) & OF.SIZE) != 0,
      sy = (this.oFl.get(y) & OF.SIZE) != 0;
    if (sx == sy) return false;
    const size = <i32>this.oVal.get(sx ? x : y);
    const value = this.oOrigin.get(sx ? y : x);
    return value >= 0 && Expressions.sizeOrigins.has(size) && Expressions.sizeOrigins.get(size) == value;
  }

  private overflowed: bool = false;

  /** __builtin_{add,sub,mul}_overflow(a, b, &x) of known a and b into a local x: gcc folds
   *  it to a constant and stores the result ("Integer Overflow Builtins" in gcc's manual),
   *  so check_mul_overflow() in size_mul() and kmalloc_array() gives a constant size. Sets
   *  `overflowed`; false when it does not fold here. */
  private foldsOverflow(name: string, a: i32, fr: i32): bool {
    const w = this.w;
    const types = w.types;
    const op = name == "__builtin_mul_overflow" ? K.Star : name == "__builtin_add_overflow" ? K.Plus : name == "__builtin_sub_overflow" ? K.Minus : -1;
    if (op < 0 || <VK>this.oKind.get(a) != VK.Known || <VK>this.oKind.get(a + 1) != VK.Known) return false;
    const slot = this.oLocal.get(a + 2);
    const target = types.pointee(this.oType.get(a + 2));
    const size = types.sizeOf(target);
    if (slot < 0 || types.kindOf(target) != TY.Int || size <= 0 || size > 8 || target != w.localType.get(slot)) return false;
    // the operands' values are exact while they stay within 31 bits (no wrap in 64)
    const x = this.oVal.get(a),
      y = this.oVal.get(a + 1);
    if (x < -0x80000000 || x > 0x7fffffff || y < -0x80000000 || y > 0x7fffffff) return false;
    const exact = op == K.Star ? x * y : op == K.Plus ? x + y : x - y;
    const uns = types.isUnsigned(target);
    const value = truncated(exact, size, uns);
    this.overflowed = value != exact || (uns && exact < 0);
    if (!w.f.isDead(fr) && w.condDepth == w.localDepth.get(slot)) {
      w.localKind.set(slot, <i32>VK.Known);
      w.localValue.set(slot, value);
    }
    return true;
  }

  /** What calling a value of type t returns. */
  private returnTypeOf(t: i32): i32 {
    const types = this.w.types;
    if (types.kindOf(t) == TY.Pointer) t = types.baseOf(t);
    return types.kindOf(t) == TY.Function ? types.baseOf(t) : T.UNKNOWN;
  }

  /** The entity a library function's atom names (declared or not). */
  private entityOf(atom: i32): Entity {
    const w = this.w;
    const b = w.scope.lookup(atom);
    if (w.scope.kindOf(b) == Bind.Entity) return w.ents.at(w.scope.dataOf(b));
    return w.ents.get(atom, EntKind.Undeclared);
  }

  /** Whether a mem* call (`lib`: the library function) with these arguments stays a library
   *  call: its length is neither a constant nor bounded (gcc expands lengths it knows to be
   *  at most INLINE_STRINGOP_MAX in place: ix86_expand_set_or_cpymem takes the bound from the
   *  length's value range), or a memcmp's is more than gcc compares by pieces, or a
   *  memmove's is not one gcc folds to a load and a store (MEMMOVE_FOLD_MAX). */
  private lowersToCall(callee: i32, nargs: i32, lib: i32): bool {
    if (nargs < 3) return true;
    const len = callee + 3;
    const k = <VK>this.oKind.get(len);
    if (lib == K.Memmove) {
      const v = this.oVal.get(len);
      return k != VK.Known || (v != 0 && !oneRegisterMove(v));
    }
    if (k == VK.Known) {
      const v = this.oVal.get(len);
      if (lib == K.Memcmp) return v < 0 || comparePieces(v) > COMPARE_PIECES_MAX;
      return v < 0 || v > INLINE_STRINGOP_MAX;
    }
    if (k == VK.NotConst) {
      // the length converted to size_t is a value of its own, whose range a test gave
      let max = (this.oFl.get(len) & OF.TESTED) != 0 && !this.w.types.converts(this.oType.get(len), T.ULONG) ? this.oOwn.get(len) : this.rangedMax(len);
      if (max < 0) max = this.oHi.get(len); // a negative length's anti-range: its bound is the guess
      return lib == K.Memcmp || max < 0 || max > INLINE_STRINGOP_MAX;
    }
    return false;
  }

  /** Whether a mem* call gcc expands in place still takes the address of a local it is
   *  given, so that -fstack-protector-strong guards the function (the local stays in
   *  memory, TREE_ADDRESSABLE). gcc folds the call into plain loads and stores before that
   *  is decided only where one register moves it (a memcpy or memmove of 1, 2, 4 or 8 bytes)
   *  or a memset fills a whole integer or pointer object (gimple_fold_builtin_memset); any
   *  other is expanded at RTL with its operands in memory: amd_sfh's memset of a union
   *  whose bit-fields it then sets. (Dead-store elimination drops a memset every byte of
   *  which is stored again before it is read, and its address with it: not followed.) */
  private expansionKeepsAddress(callee: i32, nargs: i32, lib: i32): bool {
    if (nargs < 3 || lib == K.Memcmp) return false;
    const types = this.w.types;
    const len = callee + 3;
    const n: i64 = <VK>this.oKind.get(len) == VK.Known ? this.oVal.get(len) : -1;
    if (lib != K.Memset && oneRegisterMove(n)) return false;
    for (let k = 1; k <= (lib == K.Memset ? 1 : 2); k++) {
      const o = callee + k;
      if ((this.oFl.get(o) & OF.LOCAL_ADDR) == 0) continue;
      const object = types.pointee(this.oType.get(o));
      const kind = types.kindOf(object);
      if (kind == TY.Record) return true;
      // a scalar: a memset of all of it is a store (through `void *` the object is not known
      // here: taken as folded)
      if ((kind == TY.Int || kind == TY.Pointer) && (lib != K.Memset || n != <i64>types.sizeOf(object))) return true;
    }
    return false;
  }

  /** The library function a call of string function `name` (strlen, strcmp, ... without
   *  `__builtin_`) leaves in the object, or -1 where gcc 12 folds it or expands it in place
   *  (gimple-fold.cc, builtins.cc): strlen of a literal is its length; strcpy from a literal
   *  is a memcpy of a constant length; strcat of a literal is strlen of the destination and
   *  that memcpy; strcmp of two literals folds; strncmp whose bound passes a literal's NUL is
   *  strcmp; a comparison with a literal of at most builtin-string-cmp-inline-length (3)
   *  bytes, its NUL counted, is expanded (inline_expand_builtin_bytecmp); memchr of a
   *  literal with a constant length folds; sprintf and snprintf that print a literal are a
   *  strcpy of it (see printsLiteral), sprintf(d, "%s", s) whose value is unused is
   *  strcpy(d, s); strstr and strpbrk with a one-character literal are strchr, with "" they
   *  fold; strchr and strrchr of the NUL are s + strlen(s); each of two literals folds. */
  private stringCallOf(name: string, callee: i32, nargs: i32): i32 {
    if (!STRING_FUNCTIONS.includes(name)) return -1;
    const names = this.w.t.names;
    if (name == "strlen") return this.literalLength(callee, nargs, 1) >= 0 ? -1 : names.intern(name);
    if (name == "strcpy") return this.literalLength(callee, nargs, 2) >= 0 ? -1 : names.intern(name);
    if (name == "strcat") return this.literalLength(callee, nargs, 2) == 0 ? -1 : names.intern(this.literalLength(callee, nargs, 2) > 0 ? "strlen" : name);
    if (name == "sprintf" || name == "snprintf") {
      if (this.printsLiteral(callee, nargs, name == "snprintf")) return -1;
      const copies = name == "sprintf" && nargs == 3 && this.literalLength(callee, nargs, 2) == 2 && this.w.strings[<i32>this.oVal.get(callee + 2)] == "%s";
      return names.intern(copies && this.resultUnused(callee) ? "strcpy" : name);
    }
    if (name == "strstr" || name == "strpbrk") {
      const needle = this.literalLength(callee, nargs, 2);
      if (needle == 0 || (needle > 0 && this.literalLength(callee, nargs, 1) >= 0)) return -1;
      return names.intern(needle == 1 ? "strchr" : name);
    }
    if (name == "strchr" || name == "strrchr") {
      const c = this.knownArg(callee, nargs, 2);
      if (c >= 0 && this.literalLength(callee, nargs, 1) >= 0) return -1;
      return names.intern(c == 0 ? "strlen" : name);
    }
    if (name == "memchr")
      return this.literalLength(callee, nargs, 1) >= 0 && this.knownArg(callee, nargs, 2) >= 0 && this.knownArg(callee, nargs, 3) >= 0
        ? -1
        : names.intern(name);
    if (name == "strcmp" || name == "strncmp") {
      const a = this.literalLength(callee, nargs, 1),
        b = this.literalLength(callee, nargs, 2);
      let bound: i64 = name == "strcmp" ? -1 : this.knownArg(callee, nargs, 3);
      if (name == "strncmp" && bound < 0) return names.intern(name);
      if (a >= 0 && b >= 0) return -1;
      if (bound == 0) return -1;
      const len = a >= 0 ? a : b;
      // strncmp bounded past the literal's NUL compares as strcmp does
      if (bound > <i64>len) bound = -1;
      if (len >= 0 && (bound >= 0 ? bound : <i64>len + 1) <= 3) return -1;
      // tested against zero only, with a declared array of size S on the other side (gcc's
      // strlen pass, handle_builtin_string_cmp): a literal that cannot fit makes them differ;
      // compared within the array, it is a memcmp of its bytes, expanded if by pieces
      const size = len >= 0 ? this.declaredArraySize(callee + (a >= 0 ? 2 : 1)) : -1;
      if (size > 0 && this.zeroTested(callee)) {
        if (bound < 0 && <i64>len >= size) return DIFFERENT;
        const cmpsiz = bound >= 0 && bound < <i64>len + 1 ? bound : <i64>len + 1;
        if (cmpsiz < size && comparePieces(cmpsiz) <= COMPARE_PIECES_MAX) return -1;
      }
      return names.intern(len >= 0 && bound < 0 ? "strcmp" : name);
    }
    return names.intern(name);
  }

  /** The size of the array operand `o` designates, a local or file-scope one named as such
   *  (not one reached through a pointer or a member), or -1. A member array of a local is
   *  sized by gcc too, but its expansion by pieces is for code gcc does not lay out as cold
   *  (7.3's mixer_scarlett2 keeps the strcmp of `segment_info.name` in a .cold part), which
   *  the engine does not tell: the call is kept. */
  private declaredArraySize(o: i32): i64 {
    const w = this.w;
    if ((this.oFl.get(o) & OF.DESIG) == 0) return -1;
    let type = T.UNKNOWN;
    if (this.oLocal.get(o) >= 0) type = w.localType.get(this.oLocal.get(o));
    else if (this.oEnt.get(o) >= 0) type = w.ents.peek(this.oEnt.get(o)).type;
    return w.types.isArray(type) ? <i64>w.types.sizeOf(type) : -1;
  }

  /** Whether the value of the call whose callee is operand `callee` is only tested against
   *  zero: `!f(...)`, `f(...) == 0`, an if's or while's whole condition, an operand of && or
   *  || (gcc's use_in_zero_equality). */
  private zeroTested(callee: i32): bool {
    const w = this.w;
    const name = this.oTok.get(callee);
    if (name < 1 || !w.isP(name + 1, K.LParen)) return false;
    const close = matchClose(w.t, name + 1, w.lim);
    const before = name - 1,
      after = close + 1;
    if (w.isP(before, K.Bang) || (w.isP(before, K.LParen) && w.isP(before - 1, K.Bang))) return true;
    if ((w.isP(after, K.EqEq) || w.isP(after, K.Ne)) && this.isZero(after + 1)) return true;
    if ((w.isP(before, K.EqEq) || w.isP(before, K.Ne)) && this.isZero(before - 1)) return true;
    const condition = w.isP(before, K.LParen) && (w.isK(before - 1, K.If) || w.isK(before - 1, K.While));
    if (condition) return w.isP(after, K.RParen) || w.isP(after, K.AndAnd) || w.isP(after, K.OrOr);
    const left = w.isP(before, K.AndAnd) || w.isP(before, K.OrOr);
    return left && (w.isP(after, K.RParen) || w.isP(after, K.AndAnd) || w.isP(after, K.OrOr) || w.isP(after, K.Semi));
  }

  /** Whether the call whose callee is operand `callee` is a whole expression statement (or
   *  one cast to void): its value is not used. */
  private resultUnused(callee: i32): bool {
    const w = this.w;
    const name = this.oTok.get(callee);
    if (name < 1 || !w.isP(name + 1, K.LParen) || !w.isP(matchClose(w.t, name + 1, w.lim) + 1, K.Semi)) return false;
    let before = name - 1;
    if (w.isP(before, K.RParen) && w.isK(before - 1, K.Void) && w.isP(before - 2, K.LParen)) before -= 3;
    if (w.isP(before, K.Semi) || w.isP(before, K.LBrace) || w.isP(before, K.RBrace) || w.isP(before, K.Colon) || w.isK(before, K.Else)) return true;
    // the body of an if, while or for
    if (!w.isP(before, K.RParen)) return false;
    const open = matchOpen(w.t, before);
    return open > 0 && (w.isK(open - 1, K.If) || w.isK(open - 1, K.While) || w.isK(open - 1, K.For));
  }

  private isZero(j: i32): bool {
    return this.w.kd(j) == CK.Number && this.w.t.text(j) == "0";
  }

  /** Whether sprintf(d, fmt) / snprintf(d, n, fmt) prints a literal gcc copies in place
   *  (gimple_fold_builtin_sprintf, _snprintf): a format without %, or "%s" of a literal;
   *  for snprintf, a known n that the text and its NUL fit (or 0, which prints nothing). */
  private printsLiteral(callee: i32, nargs: i32, bounded: bool): bool {
    const f = bounded ? 3 : 2;
    const fmt = this.literalLength(callee, nargs, f);
    if (fmt < 0) return false;
    const format = this.w.strings[<i32>this.oVal.get(callee + f)];
    let len = -1;
    if (nargs == f && !format.includes("%")) len = fmt;
    else if (nargs == f + 1 && format == "%s") len = this.literalLength(callee, nargs, f + 1);
    if (len < 0) return false;
    if (!bounded) return true;
    const n = this.knownArg(callee, nargs, 2);
    return n == 0 || (n > 0 && <i64>len < n);
  }

  /** What sprintf(d, fmt, ...) or snprintf(d, n, fmt, ...) of a literal format prints
   *  (printflength.ts), null for any other call or a format not followed. */
  private printed(name: string, callee: i32, nargs: i32): PrintedRange | null {
    if (name != "sprintf" && name != "snprintf") return null;
    const f = name == "snprintf" ? 3 : 2;
    if (this.literalLength(callee, nargs, f) < 0) return null;
    const args = new PrintedArgs();
    for (let k = f + 1; k <= nargs; k++) {
      args.known.push(<VK>this.oKind.get(callee + k) == VK.Known);
      args.value.push(this.oVal.get(callee + k));
      args.literal.push(this.literalLength(callee, nargs, k));
    }
    return printedRange(this.w.strings[<i32>this.oVal.get(callee + f)], args);
  }

  /** Operand o, a call's value, is what `printed` says it prints: that constant, or at most
   *  its most and at least its least (gcc sets no range without a most). */
  private printedValue(o: i32, printed: PrintedRange | null): void {
    if (printed == null || printed.most < 0) return;
    if (printed.least == printed.most) {
      this.oKind.set(o, <i32>VK.Known);
      this.oVal.set(o, printed.most);
      this.oFl.set(o, this.oFl.get(o) | OF.NOT_ICE);
    }
    this.oMax.set(o, Expressions.lowerBound(this.oMax.get(o), printed.most));
    this.setLeast(o, printed.least);
  }

  /** The length of argument k when it is a string literal, or -1. */
  private literalLength(callee: i32, nargs: i32, k: i32): i32 {
    return k <= nargs && (this.oFl.get(callee + k) & OF.STRING) != 0 ? this.w.strings[<i32>this.oVal.get(callee + k)].length : -1;
  }

  /** Argument k's value when it is a known non-negative constant, or -1. */
  private knownArg(callee: i32, nargs: i32, k: i32): i64 {
    return k <= nargs && <VK>this.oKind.get(callee + k) == VK.Known ? this.oVal.get(callee + k) : -1;
  }

  /** Operand t becomes character `at` of string `s` (its NUL at the end), when within it
   *  or within the `size` bytes of the char array it fills (zeros after it; -1: not known). */
  private knownChar(t: i32, s: i64, at: i64, size: i32 = -1): void {
    const text = this.w.strings[<i32>s];
    if (at > <i64>text.length && at >= <i64>size) return;
    this.oKind.set(t, <i32>VK.Known);
    this.oVal.set(t, at >= <i64>text.length ? 0 : <i64>(text.charCodeAt(<i32>at) & 0xff));
  }

  /** The parameters (bit k-1 for the k-th) an inline function the call at `callee` expands
   *  never names in its body; 0 for any other call. */
  private unusedParametersOfCallee(callee: i32, fl: i32): i32 {
    const w = this.w;
    const ent = this.oEnt.get(callee);
    if ((fl & (OF.DESIG | OF.BUILTIN)) != OF.DESIG || ent < 0 || this.oHead.get(callee) < 0) return 0;
    const e = w.ents.at(ent);
    if (!w.expands(e) || e.has(EF.DIAGNOSE) || e.paramOpen < 0 || e.bodyOpen < 0) return 0;
    if (libraryCallOf(e.atom) >= 0 || w.cannotInline(e)) return 0;
    if (this.unusedParameters.has(e.id)) return this.unusedParameters.get(e.id);
    const t = w.t;
    let mask = 0;
    let k = 0;
    let name = -1;
    let typed = false;
    let depth = 0;
    for (let j = e.paramOpen + 1; j <= e.paramClose && k < 32; j++) {
      const kind = t.kindAt(j);
      if (kind == CK.Punct) {
        const a = t.atomAt(j);
        if (a == K.LParen || a == K.LBracket) {
          // `(*name)` declares a pointer; a `(` after the name or `[` ends the declarator
          if (!(a == K.LParen && w.isP(j + 1, K.Star))) depth++;
        } else if (a == K.RParen || a == K.RBracket) {
          if (depth > 0) depth--;
          else if (j != e.paramClose) continue;
        }
        if ((a == K.Comma && depth == 0) || j == e.paramClose) {
          // an unnamed parameter is never used either
          if (typed && (name < 0 || !this.namedIn(name, e.bodyOpen, e.bodyClose))) mask |= 1 << k;
          k++;
          name = -1;
          typed = false;
        }
        continue;
      }
      // the declarator's name is the last identifier outside any nested parentheses
      if (kind == CK.Ident) typed = true;
      if (kind == CK.Ident && depth == 0 && !isReserved(t.atomAt(j)) && t.atomAt(j) != K.Attribute) name = t.atomAt(j);
    }
    this.unusedParameters.set(e.id, mask);
    return mask;
  }
  private unusedParameters: Map<i32, i32> = new Map();

  /** Whether identifier `atom` appears in tokens [from, to], other than as a member name. */
  private namedIn(atom: i32, from: i32, to: i32): bool {
    const t = this.w.t;
    for (let j = from; j <= to; j++) {
      if (t.kindAt(j) != CK.Ident || t.atomAt(j) != atom) continue;
      const before = t.atomAt(j - 1);
      if (t.kindAt(j - 1) == CK.Punct && (before == K.Dot || before == K.Arrow)) continue;
      return true;
    }
    return false;
  }

  /** Whether operand o's references are only loads and addresses (no call, no inline
   *  expansion): gcc drops them with a value nobody uses. */
  private onlyLoads(o: i32): bool {
    return this.w.ropes.onlyLoads(this.oHead.get(o), this.oTail.get(o));
  }

  /** A call of an inline function: the body is walked with the arguments' values (once per
   *  distinct set of them); the call's result waits in a pending operand until it returns. */
  private inlineCall(fr: i32, e: Entity, callee: i32, nargs: i32, entry: i32, callTok: i32, result: i32, tailOf: i32): void {
    const w = this.w;
    const r = w.ropes;
    const parts: string[] = [e.id.toString()];
    let mode = 0; // 0: values, 1: constness only, 2: nothing
    if (e.specializations >= MAX_SPECIALIZATIONS * 2) mode = 2;
    else if (e.specializations >= MAX_SPECIALIZATIONS) mode = 1;
    for (let k = 1; k <= nargs; k++) {
      let vk = <VK>this.oKind.get(callee + k);
      if (mode == 2) vk = VK.NotConst;
      else if (mode == 1 && vk == VK.Known) vk = VK.Const;
      parts.push(vk == VK.Known ? "k" + this.oVal.get(callee + k).toString() : vk == VK.Const ? "c" : "n");
      if ((this.oFl.get(callee + k) & OF.LOCAL_ADDR) != 0) parts.push("a");
      if ((this.oFl.get(callee + k) & OF.STRING) != 0) parts.push("s" + this.oVal.get(callee + k).toString());
      if (this.oSz0.get(callee + k) != -1 || this.oSz1.get(callee + k) != -1)
        parts.push("z" + this.sizeKey(callee, k, this.oSz0.get(callee + k)) + "/" + this.sizeKey(callee, k, this.oSz1.get(callee + k)));
      if ((this.oFl.get(callee + k) & OF.SIZE) != 0) parts.push("t" + this.sizeKey(callee, k, <i32>this.oVal.get(callee + k)));
      if (this.oFn.get(callee + k) >= 0) parts.push("f" + this.oFn.get(callee + k).toString());
      if ((this.oFl.get(callee + k) & OF.TESTED) != 0) parts.push("t" + this.oOwn.get(callee + k).toString());
      if ((this.oFl.get(callee + k) & OF.DERIVED) != 0) parts.push("d" + this.oOwn.get(callee + k).toString());
      // a value some argument's run-time size was allocated with (sizeAndItsValue)
      for (let j = 1; j <= nargs; j++) if (j != k && this.sizeAndItsValue(callee + j, callee + k)) parts.push("=" + j.toString());
      if (this.heldByParameter(callee, k)) parts.push("r");
    }
    // what stores left in memory, where the body may read it through its arguments
    if (w.mem.count > 0) parts.push("m" + w.mem.version.toString());
    const key = parts.join(",");
    const allocated = this.allocationSize(e, callee, nargs);
    if (Expressions.lateAllocatorMembers && isDynamicSize(allocated) && (e.flags & EF.ALWAYS_INLINE) == 0) Expressions.lateAllocated.add(allocated);
    let node = w.nodes.findExpansion(key);
    r.kind.set(entry, <i32>EK.Inline);
    if (node >= 0 && tailOf >= 0) w.f.e.set(tailOf, node);
    r.call.set(entry, 1);
    if (node >= 0) {
      if (!w.nodes.has(node, NF.DONE) || w.nodes.has(node, NF.WRITES_MEMORY)) w.mem.forgetAll();
      r.data.set(entry, node);
      this.argumentsOf(callee, nargs, node);
      r.concat(r.head, r.tail, entry, entry);
      const read = this.readsResult(node, callTok);
      const hh = r.head,
        tt = r.tail;
      this.dropOperands(callee);
      const o = this.push(VK.NotConst, 0, 0, hh, tt, -1, -1, callTok, result);
      this.oResult.set(o, read);
      this.pointsTo(o, allocated, allocated);
      if (w.nodes.has(node, NF.DONE)) this.fillReturn(o, node);
      return;
    }
    e.specializations++;
    node = w.nodes.add(e.id, NF.INLINE);
    w.nodes.rememberExpansion(key, node);
    if (tailOf >= 0) w.f.e.set(tailOf, node);
    r.data.set(entry, node);
    this.argumentsOf(callee, nargs, node);
    r.concat(r.head, r.tail, entry, entry);
    const read = this.readsResult(node, callTok);
    const hh = r.head,
      tt = r.tail;
    // the arguments' values become the parameters' values
    const envBase = w.envKind.length;
    for (let k = 1; k <= nargs; k++) {
      let vk = <VK>this.oKind.get(callee + k);
      if (mode == 2) vk = VK.NotConst;
      else if (mode == 1 && vk == VK.Known) vk = VK.Const;
      w.envKind.push(<i32>vk);
      w.envValue.push(this.oVal.get(callee + k));
      // bit 0: unsigned; bit 1: a local's address
      // bit 0: unsigned; bit 1: a local's address; bit 2: a string literal
      const fl = this.oFl.get(callee + k);
      // bit 3: a run-time object size
      // bit 4: a bound only a tested branch gives
      // bit 5: a bound computed from such a one
      const tested = ((fl & OF.TESTED) != 0 ? 16 : 0) | ((fl & OF.DERIVED) != 0 ? 32 : 0);
      // bit 6: references the body's reads of it decide (an Arg entry)
      const held = this.heldByParameter(callee, k) ? 64 : 0;
      w.envUnsigned.push(
        ((fl & OF.UNS) != 0 ? 1 : 0) | ((fl & OF.LOCAL_ADDR) != 0 ? 2 : 0) | ((fl & OF.STRING) != 0 ? 4 : 0) | ((fl & OF.SIZE) != 0 ? 8 : 0) | tested | held,
      );
      w.envSz0.push(this.oSz0.get(callee + k));
      w.envSz1.push(this.oSz1.get(callee + k));
      w.envMax.push(this.oMax.get(callee + k));
      w.envRange.push(this.oRange.get(callee + k));
      w.envFn.push(this.oFn.get(callee + k));
      w.envType.push(this.oType.get(callee + k));
      w.envOrigin.push(this.oOrigin.get(callee + k));
      w.envOwn.push(this.oOwn.get(callee + k));
      w.envHi.push(this.oHi.get(callee + k));
    }
    this.dropOperands(callee);
    const o = this.push(VK.NotConst, 0, OF.PENDING, hh, tt, -1, -1, callTok, result);
    this.oResult.set(o, read);
    this.pointsTo(o, allocated, allocated);
    w.enterFunction(e, node, o, envBase, nargs);
    if (w.f.isDead(fr)) {
      // read for its type or value only: its body changes no memory
      w.ctxMem.set(w.ctxMem.length - 1, -1);
      w.mem.frozen++;
    }
  }

  /** Ends the list in the ropes' head/tail (an inline call's) with a read of expansion
   *  `node`'s value: what its returns hold counts where that read is live. */
  private readsResult(node: i32, tok: i32): i32 {
    const r = this.w.ropes;
    const read = r.addParam(EK.Use, node, USES_RESULT, tok);
    r.concat(r.head, r.tail, read, read);
    return read;
  }

  /** Whether argument k of the inline call at `callee` has references that are only loads
   *  and addresses, or is an inline call's value: they, or the read of that value, then count
   *  where the body reads its parameter (EK.Arg). */
  private heldByParameter(callee: i32, k: i32): bool {
    const o = callee + k;
    return (
      k < 32 &&
      this.oHead.get(o) >= 0 &&
      (this.onlyLoads(o) || (this.oResult.get(o) >= 0 && this.oResult.get(o) == this.oTail.get(o))) &&
      !this.runsVolatileAsm(callee, k)
    );
  }

  /** Whether argument k (from 1) of the call at `callee` runs an `asm volatile`, which gcc
   *  keeps whether the body reads the parameter or not (5.10's this_cpu_ptr: a statement
   *  expression whose asm reads this_cpu_off, passed to an empty local_lock_release). */
  private runsVolatileAsm(callee: i32, k: i32): bool {
    return k <= 32 && (this.volatileAsmArguments(this.oTok.get(callee)) & (1 << (k - 1))) != 0;
  }

  /** The arguments (bit k-1 for the k-th) of the call whose name is token `name` that hold an
   *  `asm volatile`: one scan of the call's tokens, kept for the call's other questions. */
  private volatileAsmArguments(name: i32): i32 {
    const w = this.w;
    if (name == this.volatileScanned && w.t === this.volatileScannedIn) return this.volatileMask;
    let mask = 0;
    const open = name + 1;
    if (w.isP(open, K.LParen)) {
      let arg = 1;
      let depth = 0;
      for (let j = open + 1; j < w.lim && arg <= 32; j++) {
        if (w.kd(j) == CK.Punct) {
          const a = w.at(j);
          if (a == K.LParen || a == K.LBracket || a == K.LBrace) depth++;
          else if (a == K.RParen || a == K.RBracket || a == K.RBrace) {
            if (depth-- == 0) break;
          } else if (a == K.Comma && depth == 0) arg++;
        } else if (w.kd(j) == CK.Ident && w.at(j) == K.Asm && w.kd(j + 1) == CK.Ident && w.at(j + 1) == K.Volatile) mask |= 1 << (arg - 1);
      }
    }
    this.volatileScanned = name;
    this.volatileScannedIn = w.t;
    this.volatileMask = mask;
    return mask;
  }
  private volatileScanned: i32 = -1;
  private volatileScannedIn: CTokens | null = null;
  private volatileMask: i32 = 0;

  /** The arguments' references of the inline call at `callee` (expansion `node`), the last
   *  argument first, into the ropes' head/tail: each held by its parameter where it can be. */
  private argumentsOf(callee: i32, nargs: i32, node: i32): void {
    const r = this.w.ropes;
    let h = -1,
      t = -1;
    for (let k = nargs; k >= 1; k--) {
      const o = callee + k;
      let hk = this.oHead.get(o);
      let tk = this.oTail.get(o);
      if (hk < 0) continue;
      if (this.heldByParameter(callee, k) && this.onlyLoads(o)) {
        hk = tk = r.addParam(EK.Arg, node, k - 1, this.oTok.get(callee), hk, tk);
      } else if (this.heldByParameter(callee, k)) {
        // an inline call's value: the call runs, its value's read waits for the parameter's
        const read = this.oResult.get(o);
        r.dropLast(hk, tk);
        const held = r.addParam(EK.Arg, node, k - 1, this.oTok.get(callee), read, read);
        r.concat(r.head, r.tail, held, held);
        hk = r.head;
        tk = r.tail;
      }
      r.concat(h, t, hk, tk);
      h = r.head;
      t = r.tail;
    }
    r.head = h;
    r.tail = t;
  }

  /** An object size as an inline expansion's key: a run-time one by the first argument up to
   *  k that carries it (the expansion depends on which sizes are equal, not on their ids). */
  private sizeKey(callee: i32, k: i32, sz: i32): string {
    if (!isDynamicSize(sz)) return sz.toString();
    for (let j = 1; j <= k; j++) {
      const o = callee + j;
      if (this.oSz0.get(o) == sz || this.oSz1.get(o) == sz || ((this.oFl.get(o) & OF.SIZE) != 0 && <i32>this.oVal.get(o) == sz)) return "d" + j.toString();
    }
    return "d";
  }

  /** The expression is over: everything left is reduced, the result goes to the registers. */
  private finish(fr: i32): void {
    const w = this.w;
    const f = w.f;
    const vbase = f.a.get(fr);
    const pbase = f.b.get(fr);
    while (this.pOp.length > pbase) {
      const op = this.pOp.get(this.pOp.length - 1);
      if (isMarker(op)) {
        this.popOp();
        continue;
      }
      this.reduceTop(fr);
    }
    const n = this.oKind.length - vbase;
    if (n == 0) {
      w.rVK = VK.NotConst;
      w.rVal = 0;
      w.rUns = false;
      w.rHead = -1;
      w.rTail = -1;
    } else {
      if (n > 1) this.mergeFrom(vbase, true, T.UNKNOWN);
      w.rVK = <VK>this.oKind.get(vbase);
      w.rVal = this.oVal.get(vbase);
      w.rUns = (this.oFl.get(vbase) & OF.UNS) != 0;
      w.rHead = this.oHead.get(vbase);
      w.rTail = this.oTail.get(vbase);
      w.rType = this.oType.get(vbase);
      w.rNoReturn = (this.oFl.get(vbase) & OF.NORETURN) != 0;
      w.rLocal = (this.oFl.get(vbase) & OF.DESIG) != 0 ? this.oLocal.get(vbase) : -1;
      const addr = (this.oFl.get(vbase) & OF.LOCAL_ADDR) != 0;
      const into = (f.c.get(fr) & STOP.INTO_LOCAL) != 0;
      if (addr && !into) w.markNode(NF.STACK_PROTECT, fr);
      w.rLocalAddr = addr && into;
      w.rString = (this.oFl.get(vbase) & OF.STRING) != 0 ? <i32>this.oVal.get(vbase) : -1;
      w.rSz0 = this.oSz0.get(vbase);
      w.rSz1 = this.oSz1.get(vbase);
      w.rMax = this.oMax.get(vbase);
      w.rFn = this.oFn.get(vbase);
      w.rSize = (this.oFl.get(vbase) & OF.SIZE) != 0 ? <i32>this.oVal.get(vbase) : -1;
      w.rOrigin = this.oOrigin.get(vbase);
      w.rTested = (this.oFl.get(vbase) & OF.TESTED) != 0;
      w.rDerived = (this.oFl.get(vbase) & OF.DERIVED) != 0;
      w.rOwn = w.rTested || w.rDerived ? this.oOwn.get(vbase) : -1;
      w.rHi = this.oHi.get(vbase);
      w.rMin = this.leastOf(vbase);
      w.rRange = this.oRange.get(vbase);
      w.rResult = n == 1 && this.oResult.get(vbase) == w.rTail ? this.oResult.get(vbase) : -1;
    }
    if (n == 0) {
      w.rNoReturn = false;
      w.rLocal = -1;
      w.rLocalAddr = false;
      w.rString = -1;
      w.rSz0 = -1;
      w.rSz1 = -1;
      w.rMax = -1;
      w.rFn = -1;
      w.rSize = -1;
      w.rOrigin = -1;
      w.rTested = false;
      w.rDerived = false;
      w.rOwn = -1;
      w.rHi = -1;
      w.rMin = -1;
      w.rRange = -1;
      w.rResult = -1;
    }
    if (n == 0) w.rType = T.UNKNOWN;
    if (f.isDead(fr)) {
      w.rHead = -1;
      w.rTail = -1;
      w.rResult = -1;
    }
    this.resetTo(vbase, pbase);
    f.pop();
  }
}

/** The operator of a compound assignment (`+=` → `+`). */
function compoundBase(op: i32): i32 {
  switch (op) {
    case K.StarAssign:
      return K.Star;
    case K.SlashAssign:
      return K.Slash;
    case K.PercentAssign:
      return K.Percent;
    case K.PlusAssign:
      return K.Plus;
    case K.MinusAssign:
      return K.Minus;
    case K.ShlAssign:
      return K.Shl;
    case K.ShrAssign:
      return K.Shr;
    case K.AndAssign:
      return K.Amp;
    case K.XorAssign:
      return K.Caret;
    case K.OrAssign:
      return K.Pipe;
    default:
      return op;
  }
}

/** The type of an integer literal (C11 6.4.4.1): the first of int, long (and their unsigned
 *  forms for hex/octal or a U suffix) that holds it. */
function literalType(text: string, v: i64, uns: bool): i32 {
  let longs = false;
  for (let i = text.length - 1; i >= 0 && i >= text.length - 3; i--) if ((text.charCodeAt(i) | 32) == 108) longs = true;
  const hex = text.length > 1 && text.charCodeAt(0) == 48;
  if (!longs && !uns && v >= 0 && v <= 0x7fffffff) return T.INT;
  if (!longs && (uns || hex) && v >= 0 && v <= 0xffffffff) return T.UINT;
  if (uns || v < 0) return T.ULONG;
  return T.LONG;
}

/** String functions gcc knows as builtins, whose calls it may fold or expand. */
const STRING_FUNCTIONS: string[] = [
  "strlen",
  "strnlen",
  "strcpy",
  "strncpy",
  "strcat",
  "strncat",
  "strcmp",
  "strncmp",
  "strchr",
  "strrchr",
  "strstr",
  "strpbrk",
  "memchr",
  "sprintf",
  "snprintf",
];

/** The library function a mem* call becomes when gcc does not expand it, or -1. */
function libraryCallOf(atom: i32): i32 {
  switch (atom) {
    case K.BMemcpy:
    case K.Memcpy:
      return K.Memcpy;
    case K.BMemset:
    case K.Memset:
      return K.Memset;
    case K.BMemmove:
    case K.Memmove:
      return K.Memmove;
    case K.BMemcmp:
    case K.Memcmp:
      return K.Memcmp;
    default:
      return -1;
  }
}
