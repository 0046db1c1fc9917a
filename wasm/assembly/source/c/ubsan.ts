// The undefined-behaviour sanitizer's checks that survive gcc -O2 in a kernel built with
// CONFIG_UBSAN (scripts/Makefile.ubsan, lib/Kconfig.ubsan of 5.10 to 7.3): each failing
// check calls a __ubsan_handle_* function of lib/ubsan.c, so an instrumented object
// references the handler once any check of its kind is left in an emitted function.
// Measured with Debian 7.3's gcc 14 and kbuild flags (-fsanitize=bounds-strict,shift with
// -fno-strict-overflow): gcc's front end puts a check on every a[i] of an array type and on
// every shift, then drops those it can prove (c-family/c-ubsan.cc, gimple_fold_call's
// IFN_UBSAN_BOUNDS, and the value bits of the index); a range a branch tested is not used
// for an array index, so `if (i < N) a[i]` keeps its check.

import { CompilerModel } from "./compiler";
import { NF } from "./nodes";
import { VK } from "./values";

export const OUT_OF_BOUNDS = "__ubsan_handle_out_of_bounds";
export const SHIFT_OUT_OF_BOUNDS = "__ubsan_handle_shift_out_of_bounds";

/** Whether indexing an array of `count` elements by an index the reader knows as (vk, v)
 *  with largest value `max` (-1: none known) keeps its bounds check. A constant index
 *  in range folds away; one past the end is allowed here, as gcc allows it for &a[N]. */
export function indexCheckSurvives(count: i32, vk: VK, v: i64, max: i64): bool {
  if (count < 0) return false; // a flexible array member or an array of unknown size
  if (vk == VK.Known) return v < 0 || v > <i64>count;
  if (vk == VK.Const) return false; // a constant gcc folds that the reader cannot compute
  return max < 0 || max >= <i64>count;
}

/** Whether `x << y` or `x >> y` with x promoted to `bits` bits (0: not known) and y known
 *  as (vk, v) with largest value `max` keeps its check that y is below the width. With
 *  -fno-strict-overflow (-fwrapv) a signed x is not checked itself. */
export function shiftCheckSurvives(bits: i32, vk: VK, v: i64, max: i64): bool {
  if (vk == VK.Known) return bits > 0 && (v < 0 || v >= <i64>bits);
  if (vk == VK.Const) return false;
  // a shift count masked to the width (x << (n & 31)) needs no check; 31 fits every width
  const limit = bits > 0 ? bits : 32;
  return max < 0 || max >= <i64>limit;
}

/** The handlers a walk with node flags `flags` (and its inline expansions') calls. */
export function handlersCalled(m: CompilerModel, flags: i32): string[] {
  const out: string[] = [];
  if (m.ubsanBounds && ((flags & NF.UBSAN_BOUNDS) != 0 || (m.ubsanBoundsStrict && (flags & NF.UBSAN_BOUNDS_TRAILING) != 0))) out.push(OUT_OF_BOUNDS);
  if (m.ubsanShift && (flags & NF.UBSAN_SHIFT) != 0) out.push(SHIFT_OUT_OF_BOUNDS);
  return out;
}
