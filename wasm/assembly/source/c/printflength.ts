// How many characters sprintf and snprintf print, as gcc's -fprintf-return-value (on at
// -O2) computes it from a literal format (gimple-ssa-sprintf.cc): the call's value is that
// range, a constant where it is one (ddcci's `snprintf(hex, 3, "%02hhX", vcp) != 2` folds).
// Directives it does not follow here (%p, whose kernel extensions gcc reads as plain %p,
// `*` widths, an integer's precision, %n) leave the value unknown.

/** The arguments a format's directives read, in order: a known integer value (known[k]), or
 *  the length of a string literal (literal[k], -1 for any other). */
export class PrintedArgs {
  known: bool[] = [];
  value: i64[] = [];
  literal: i32[] = [];
}

/** The least and the most characters a call prints (most -1: no bound). */
export class PrintedRange {
  constructor(
    public least: i64,
    public most: i64,
  ) {}
}

const PERCENT = 37;

/** What `format` prints with `args`, or null where it is not followed. */
export function printedRange(format: string, args: PrintedArgs): PrintedRange | null {
  let min: i64 = 0,
    max: i64 = 0;
  let next = 0;
  const n = format.length;
  for (let i = 0; i < n; i++) {
    if (format.charCodeAt(i) != PERCENT || (i + 1 < n && format.charCodeAt(i + 1) == PERCENT && i++ >= 0)) {
      min++;
      if (max >= 0) max++;
      continue;
    }
    let c = codeAt(format, ++i);
    // flags: - 0 + space #
    let sign = false,
      alt = false;
    while (c == 45 || c == 48 || c == 43 || c == 32 || c == 35) {
      sign = sign || c == 43 || c == 32;
      alt = alt || c == 35;
      c = codeAt(format, ++i);
    }
    let width: i64 = 0;
    while (c >= 48 && c <= 57) {
      width = width * 10 + <i64>(c - 48);
      c = codeAt(format, ++i);
    }
    let precision: i64 = -1;
    if (c == 46 /* . */) {
      precision = 0;
      c = codeAt(format, ++i);
      while (c >= 48 && c <= 57) {
        precision = precision * 10 + <i64>(c - 48);
        c = codeAt(format, ++i);
      }
    }
    // length: the bits of the argument's type (hh, h, l, ll, z, j, t)
    let bits = 32;
    if (c == 104 /* h */) {
      bits = 16;
      c = codeAt(format, ++i);
      if (c == 104) {
        bits = 8;
        c = codeAt(format, ++i);
      }
    } else if (c == 108 || c == 122 || c == 106 || c == 116) {
      bits = 64;
      c = codeAt(format, ++i);
      if (c == 108) c = codeAt(format, ++i);
    }
    const k = next++;
    if (k >= args.known.length) return null;
    let lo: i64 = 1,
      hi: i64 = 1;
    if (c == 115 /* s */) {
      const len = <i64>args.literal[k];
      lo = len >= 0 ? len : 0;
      hi = len;
      if (precision >= 0 && lo > precision) lo = precision;
      if (precision >= 0 && (hi < 0 || hi > precision)) hi = precision;
    } else if (c != 99 /* c */) {
      // d i u x X o, without a precision
      const signed = c == 100 || c == 105;
      const base: u64 = c == 111 ? 8 : signed || c == 117 ? 10 : c == 120 || c == 88 ? 16 : 0;
      if (base == 0 || precision >= 0) return null;
      const known = args.known[k];
      const v = narrowed(known ? args.value[k] : signed ? -((<i64>1) << (bits - 1)) : -1, bits, signed);
      hi = digitsOf(v, signed, base) + (signed && sign && v >= 0 ? 1 : 0);
      if (known) lo = hi;
      else if (signed && sign) lo = 2;
      // `#`: 0x before a hex value that is not 0, 0 before an octal one
      if (alt && base != 10 && !(known && v == 0)) {
        const prefix: i64 = base == 16 ? 2 : 1;
        hi += prefix;
        if (known) lo += prefix;
      }
    }
    if (lo < width) lo = width;
    if (hi >= 0 && hi < width) hi = width;
    min += lo;
    max = max < 0 || hi < 0 ? -1 : max + hi;
  }
  return next == args.known.length ? new PrintedRange(min, max) : null;
}

/** The character code at i, 0 past the end. */
function codeAt(s: string, i: i32): i32 {
  return i < s.length ? s.charCodeAt(i) : 0;
}

/** v converted to the `bits`-bit type the conversion reads (signed or not). */
function narrowed(v: i64, bits: i32, signed: bool): i64 {
  if (bits >= 64) return v;
  const u = v & (((<i64>1) << bits) - 1);
  return signed && u >> (bits - 1) != 0 ? u - ((<i64>1) << bits) : u;
}

/** The characters v prints in `base`, its minus sign counted (an unsigned 64-bit value as
 *  such). */
function digitsOf(v: i64, signed: bool, base: u64): i64 {
  let u: u64 = signed && v < 0 ? <u64>0 - <u64>v : <u64>v;
  let count: i64 = 1;
  while (u >= base) {
    u /= base;
    count++;
  }
  return count + (signed && v < 0 ? 1 : 0);
}
