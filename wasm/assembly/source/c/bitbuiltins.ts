// gcc's bit-counting builtins (__builtin_ffs, _ctz, _clz, _popcount and their l/ll forms),
// which fold when their argument is a constant: the kernel's FIELD_PREP shifts by
// __bf_shf(mask) = __builtin_ffsll(mask) - 1, ilog2() of a constant is 63 - __builtin_clzll.

/** The width in bits of the argument of bit builtin `name` (__builtin_ctzl: 64), or 0 when it
 *  is not one. */
export function bitBuiltinWidth(name: string): i32 {
  const base = bitBuiltinBase(name);
  if (base.length == 0) return 0;
  return name.endsWith("l") ? 64 : 32;
}

/** The largest value bit builtin `name` of a `width`-bit argument returns. */
export function bitBuiltinMax(name: string, width: i32): i64 {
  const base = bitBuiltinBase(name);
  return base == "ffs" || base == "popcount" ? <i64>width : <i64>(width - 1);
}

/** Bit builtin `name` of the constant `v` taken as `width` bits, or -1 where gcc leaves
 *  it undefined (ctz and clz of 0). */
export function foldBitBuiltin(name: string, v: i64, width: i32): i64 {
  const x: u64 = width == 64 ? <u64>v : (<u64>v) & 0xffffffff;
  const base = bitBuiltinBase(name);
  if (base == "ffs") return x == 0 ? 0 : <i64>ctz<u64>(x) + 1;
  if (base == "popcount") return <i64>popcnt<u64>(x);
  if (x == 0) return -1;
  if (base == "ctz") return <i64>ctz<u64>(x);
  return <i64>clz<u64>(x) - <i64>(64 - width); // clz
}

/** "ffs", "ctz", "clz" or "popcount" for __builtin_<that>[l|ll], else "". */
function bitBuiltinBase(name: string): string {
  if (!name.startsWith("__builtin_")) return "";
  let s = name.substring(10);
  if (s.endsWith("ll")) s = s.substring(0, s.length - 2);
  else if (s.endsWith("l")) s = s.substring(0, s.length - 1);
  return s == "ffs" || s == "ctz" || s == "clz" || s == "popcount" ? s : "";
}
