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

/** What `format` prints with `args`, or null where it is not followed. */
export function printedRange(format: string, args: PrintedArgs): PrintedRange | null {
  let min: i64 = 0,
    max: i64 = 0;
  let next = 0;
  for (let i = 0; i < format.length; i++) {
    if (format.charCodeAt(i) != 37 /* % */) {
      min++;
      if (max >= 0) max++;
      continue;
    }
    i++;
    if (i < format.length && format.charCodeAt(i) == 37) {
      min++;
      if (max >= 0) max++;
      continue;
    }
    // flags
    let sign = false,
      alt = false;
    while (i < format.length && "-0+ #".includes(format.charAt(i))) {
      const f = format.charAt(i);
      if (f == "+" || f == " ") sign = true;
      if (f == "#") alt = true;
      i++;
    }
    let width: i64 = 0;
    while (i < format.length && isDigit(format.charCodeAt(i))) width = width * 10 + <i64>(format.charCodeAt(i++) - 48);
    if (i < format.length && format.charAt(i) == "*") return null;
    let precision: i64 = -1;
    if (i < format.length && format.charAt(i) == ".") {
      i++;
      if (i < format.length && format.charAt(i) == "*") return null;
      precision = 0;
      while (i < format.length && isDigit(format.charCodeAt(i))) precision = precision * 10 + <i64>(format.charCodeAt(i++) - 48);
    }
    // length: bits of the argument's type
    let bits = 32;
    if (format.startsWith("hh", i)) {
      bits = 8;
      i += 2;
    } else if (format.startsWith("h", i)) {
      bits = 16;
      i++;
    } else if (format.startsWith("ll", i)) {
      bits = 64;
      i += 2;
    } else if (i < format.length && "lzjt".includes(format.charAt(i))) {
      bits = 64;
      i++;
    }
    if (i >= format.length) return null;
    const conv = format.charAt(i);
    const k = next++;
    if (k >= args.known.length) return null;
    let lo: i64 = 0,
      hi: i64 = 0;
    if (conv == "c") {
      lo = hi = 1;
    } else if (conv == "s") {
      const len = args.literal[k];
      lo = len >= 0 ? <i64>len : 0;
      hi = len >= 0 ? <i64>len : -1;
      if (precision >= 0) {
        if (lo > precision) lo = precision;
        if (hi < 0 || hi > precision) hi = precision;
      }
    } else if ("diuxXo".includes(conv) && precision < 0) {
      const signed = conv == "d" || conv == "i";
      const base: i64 = conv == "o" ? 8 : conv == "u" || signed ? 10 : 16;
      if (args.known[k]) {
        lo = hi = digitsOf(args.value[k], bits, signed, base) + (signed && sign && narrowed(args.value[k], bits, true) >= 0 ? 1 : 0);
      } else {
        lo = 1;
        hi = signed ? digitsOf(-((<i64>1) << (bits - 1)), bits, true, base) : digitsOf(-1, bits, false, base);
        if (signed && sign) lo = 2;
      }
      // `#`: 0x before a hex value that is not 0, 0 before an octal one
      if (alt && (conv == "x" || conv == "X") && !(args.known[k] && args.value[k] == 0)) {
        if (args.known[k]) lo += 2;
        hi += 2;
      } else if (alt && conv == "o" && !(args.known[k] && args.value[k] == 0)) {
        if (args.known[k]) lo += 1;
        hi += 1;
      }
    } else return null;
    if (lo < width) lo = width;
    if (hi >= 0 && hi < width) hi = width;
    min += lo;
    max = max < 0 || hi < 0 ? -1 : max + hi;
  }
  return next == args.known.length ? new PrintedRange(min, max) : null;
}

function isDigit(c: i32): bool {
  return c >= 48 && c <= 57;
}

/** v converted to the `bits`-bit type the conversion reads (signed or not). */
function narrowed(v: i64, bits: i32, signed: bool): i64 {
  if (bits >= 64) return v;
  const mask = ((<i64>1) << bits) - 1;
  const u = v & mask;
  return signed && u >> (bits - 1) != 0 ? u - ((<i64>1) << bits) : u;
}

/** The characters v prints in `base` once converted to the argument's type, its minus sign
 *  counted. */
function digitsOf(v: i64, bits: i32, signed: bool, base: i64): i64 {
  const n = narrowed(v, bits, signed);
  let u: u64 = signed && n < 0 ? <u64>0 - <u64>n : bits >= 64 ? <u64>n : <u64>(n & (((<i64>1) << bits) - 1));
  let count: i64 = 1;
  while (u >= <u64>base) {
    u /= <u64>base;
    count++;
  }
  return count + (signed && n < 0 ? 1 : 0);
}
