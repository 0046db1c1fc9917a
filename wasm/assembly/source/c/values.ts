// Compile-time values as gcc folds them: integer constants of literals, enum constants,
// sizeof and the like, with C's unsigned comparisons (SIZE_MAX is not -1 < n). Only what
// decides dead code matters here, so values are 64-bit and widths are not modelled.

import { K } from "./names";

/** What the reader knows of an expression's value: not a constant, a constant of known
 *  value, or a constant whose value it cannot compute (sizeof a struct). */
export enum VK {
  NotConst = 0,
  Known = 1,
  Const = 2,
}

/** The combined knowledge of two operands of an arithmetic operator. */
export function joinKinds(a: VK, b: VK): VK {
  if (a == VK.NotConst || b == VK.NotConst) return VK.NotConst;
  if (a == VK.Known && b == VK.Known) return VK.Known;
  return VK.Const;
}

/** Set by parseNumber: whether the literal is unsigned (U suffix, or a hex/octal literal
 *  that only fits unsigned), and whether it is an integer at all. */
export let literalUnsigned = false;
export let literalIsInteger = true;

/** The value of a numeric literal (0 for floating ones; literalIsInteger says which). */
export function parseNumber(s: string): i64 {
  literalUnsigned = false;
  literalIsInteger = true;
  const n = s.length;
  let i = 0;
  let base = 10;
  if (n > 1 && s.charCodeAt(0) == 48 && (s.charCodeAt(1) | 32) == 120) {
    base = 16;
    i = 2;
  } else if (n > 1 && s.charCodeAt(0) == 48 && (s.charCodeAt(1) | 32) == 98) {
    base = 2;
    i = 2;
  } else if (n > 1 && s.charCodeAt(0) == 48) {
    base = 8;
    i = 1;
  }
  let v: u64 = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    let d = -1;
    if (c >= 48 && c <= 57) d = c - 48;
    else if (base == 16 && (c | 32) >= 97 && (c | 32) <= 102) d = (c | 32) - 87;
    else if (c == 39) continue; // digit separator
    if (d < 0 || d >= base) break;
    v = v * <u64>base + <u64>d;
  }
  // the rest is a suffix, or the literal is floating
  for (let j = i; j < n; j++) {
    const c = s.charCodeAt(j) | 32;
    if (c == 117) literalUnsigned = true;
    else if (c != 108) {
      literalIsInteger = false;
    }
  }
  if (base == 10 && i < n && (s.charCodeAt(i) == 46 || (s.charCodeAt(i) | 32) == 101)) literalIsInteger = false;
  if (base != 10 && v > <u64>i64.MAX_VALUE) literalUnsigned = true;
  return <i64>v;
}

/** The value of a character literal token ('a', '\n', '\x41', '\0'). */
export function parseCharLiteral(s: string): i64 {
  const q = s.indexOf("'");
  if (q < 0 || q + 1 >= s.length) return 0;
  const c = s.charCodeAt(q + 1);
  if (c != 92) return <i64>c;
  if (q + 2 >= s.length) return 0;
  const e = s.charCodeAt(q + 2);
  if (e == 110) return 10;
  if (e == 116) return 9;
  if (e == 114) return 13;
  if (e == 48 && (q + 3 >= s.length || s.charCodeAt(q + 3) == 39)) return 0;
  if (e == 120) {
    let v: i64 = 0;
    for (let i = q + 3; i < s.length; i++) {
      const d = s.charCodeAt(i) | 32;
      if (d >= 48 && d <= 57) v = v * 16 + <i64>(d - 48);
      else if (d >= 97 && d <= 102) v = v * 16 + <i64>(d - 87);
      else break;
    }
    return v;
  }
  if (e >= 48 && e <= 55) {
    let v: i64 = 0;
    for (let i = q + 2; i < s.length && i < q + 5; i++) {
      const d = s.charCodeAt(i);
      if (d < 48 || d > 55) break;
      v = v * 8 + <i64>(d - 48);
    }
    return v;
  }
  if (e == 97) return 7;
  if (e == 98) return 8;
  if (e == 102) return 12;
  if (e == 118) return 11;
  return <i64>e;
}

/** Set by foldBinary when the operation has no value (division by zero). */
export let foldFailed = false;

/** `a op b` for a binary operator atom; `uns`: compare and divide as unsigned. */
export function foldBinary(op: i32, a: i64, b: i64, uns: bool): i64 {
  foldFailed = false;
  switch (op) {
    case K.Star:
      return a * b;
    case K.Slash:
      if (b == 0) {
        foldFailed = true;
        return 0;
      }
      return uns ? <i64>(<u64>a / <u64>b) : a == i64.MIN_VALUE && b == -1 ? a : a / b;
    case K.Percent:
      if (b == 0) {
        foldFailed = true;
        return 0;
      }
      return uns ? <i64>(<u64>a % <u64>b) : b == -1 ? 0 : a % b;
    case K.Plus:
      return a + b;
    case K.Minus:
      return a - b;
    case K.Shl:
      return b < 0 || b > 63 ? 0 : a << b;
    case K.Shr:
      return b < 0 || b > 63 ? 0 : uns ? <i64>((<u64>a) >> (<u64>b)) : a >> b;
    case K.Lt:
      return uns ? (<u64>a < <u64>b ? 1 : 0) : a < b ? 1 : 0;
    case K.Gt:
      return uns ? (<u64>a > <u64>b ? 1 : 0) : a > b ? 1 : 0;
    case K.Le:
      return uns ? (<u64>a <= <u64>b ? 1 : 0) : a <= b ? 1 : 0;
    case K.Ge:
      return uns ? (<u64>a >= <u64>b ? 1 : 0) : a >= b ? 1 : 0;
    case K.EqEq:
      return a == b ? 1 : 0;
    case K.Ne:
      return a != b ? 1 : 0;
    case K.Amp:
      return a & b;
    case K.Caret:
      return a ^ b;
    case K.Pipe:
      return a | b;
    default:
      foldFailed = true;
      return 0;
  }
}

/** Whether a binary operator's result is a truth value (int, never unsigned). */
export function isComparison(op: i32): bool {
  return op == K.Lt || op == K.Gt || op == K.Le || op == K.Ge || op == K.EqEq || op == K.Ne;
}

/** Comparison `op` with its operands swapped: `a op b` is `b reversedComparison(op) a`. */
export function reversedComparison(op: i32): i32 {
  return op == K.Lt ? K.Gt : op == K.Le ? K.Ge : op == K.Gt ? K.Lt : op == K.Ge ? K.Le : op;
}

/** v converted to an integer type of `size` bytes. */
export function truncated(v: i64, size: i32, uns: bool): i64 {
  if (size <= 0 || size >= 8) return v;
  const bits = <i64>size * 8;
  const m = ((<i64>1) << bits) - 1;
  const u = v & m;
  if (uns) return u;
  return u >> (bits - 1) != 0 ? u - ((<i64>1) << bits) : u;
}
