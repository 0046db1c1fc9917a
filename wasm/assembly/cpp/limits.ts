// The preprocessor's stated limits. Past any of them a translation unit stops with a
// diagnostic that names the limit; nothing traps, recurses without bound or runs unbounded.

/** `#include` nesting, as gcc's default -fmax-include-depth. */
export const MAX_INCLUDE_DEPTH: i32 = 200;

/** Tokens the translation unit may produce (a kernel driver with its headers makes ~1M). */
export const MAX_OUTPUT_TOKENS: i32 = 4_000_000;

/** Tokens macro expansion may copy in one translation unit, each expansion counting one
 *  more (argument collection, pre-expansion and substitution together; a real driver
 *  with Debian 6.12's headers copies 1–3 million): stops expansion bombs such as
 *  `#define a b b` chains, and invocations nested thousands deep in their arguments
 *  (quadratic in gcc too), within seconds and long before memory runs out. */
export const MAX_EXPANSION_WORK: i64 = 16_000_000;

/** Macro expansions recorded in one translation unit (a real driver makes ~70,000; each
 *  record is what a finding inside an expansion points at). */
export const MAX_EXPANSIONS: i32 = 1_000_000;

/** Diagnostics kept per translation unit; the rest are counted. */
export const MAX_DIAGNOSTICS: i32 = 1000;

/** Characters of expansion text kept per macro invocation for hovers. */
export const MAX_INVOCATION_TEXT: i32 = 2000;

/** Characters of body text kept per macro definition for hovers. */
export const MAX_DEFINITION_TEXT: i32 = 4000;

/** Bytes of lexed files (text and tokens) kept between runs; past it, files the current
 *  run did not read are dropped first (a driver's headers with Debian 6.12 take ~60 MB). */
export const MAX_CACHED_BYTES: i32 = 256 * 1024 * 1024;

/** Distinct spellings interned between runs; past it every cache starts afresh (a long
 *  editing session of unique names must not grow the engine's memory forever). */
export const MAX_ATOMS: i32 = 4_000_000;
