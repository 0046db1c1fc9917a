// The sanitizer checks gcc leaves in an object of a kernel built with CONFIG_UBSAN (Debian
// 7.3: CONFIG_UBSAN_BOUNDS_STRICT and CONFIG_UBSAN_SHIFT): each shape here was compiled with
// Debian 7.3's gcc 14 and its kbuild flags (-fsanitize=bounds-strict -fsanitize=shift -O2
// -fno-strict-overflow), and `nm -u` of the object named the handler exactly where
// these tests expect it.

import { beforeAll, describe, expect, it } from "vitest";
import { createNodeEngine } from "../../src/engine/hosts/node";
import type { Engine } from "../../src/engine";

let engine: Engine;
beforeAll(async () => {
  engine = await createNodeEngine();
});

const BOUNDS = "__ubsan_handle_out_of_bounds";
const SHIFT = "__ubsan_handle_shift_out_of_bounds";

/** The __ubsan_handle_* symbols a module of `body` references when built for `kernel`. */
async function handlers(body: string, kernel = "7.3"): Promise<string[]> {
  const src = `#include <linux/module.h>\n${body}\nMODULE_LICENSE("GPL");\n`;
  const res = await engine.run({ "m.c": src }, { kernel });
  return res.model.modules[0].uses
    .map((u) => u.symbol)
    .filter((s) => s.startsWith("__ubsan_handle_"))
    .sort();
}

describe("array bounds checks (CONFIG_UBSAN_BOUNDS)", () => {
  it("an array indexed by a value gcc does not know calls the out-of-bounds handler", async () => {
    expect(await handlers("int g[8];\nint f(int i) { return g[i]; }\nEXPORT_SYMBOL(f);")).toEqual([BOUNDS]);
  });

  it("a constant index in range, a mask below the bound or a narrow unsigned value in range needs no check", async () => {
    expect(await handlers("int g[8];\nint f(void) { return g[3]; }\nEXPORT_SYMBOL(f);")).toEqual([]);
    expect(await handlers("int g[8];\nint f(int i) { return g[i & 7]; }\nEXPORT_SYMBOL(f);")).toEqual([]);
    expect(await handlers("int g[256];\nint f(unsigned char c) { return g[c]; }\nEXPORT_SYMBOL(f);")).toEqual([]);
    expect(await handlers("int g[8];\nint f(int i) { return g[i & 15]; }\nEXPORT_SYMBOL(f);")).toEqual([BOUNDS]);
    expect(await handlers("int g[8];\nint f(unsigned char c) { return g[c]; }\nEXPORT_SYMBOL(f);")).toEqual([BOUNDS]);
  });

  it("an array sized by its designated initializer has that bound ([k] = v sets the length to k + 1 at least)", async () => {
    expect(await handlers("static const unsigned char map[] = { [3] = 1, [5] = 2 };\nint f(int t) { return map[t]; }\nEXPORT_SYMBOL(f);")).toEqual([BOUNDS]);
    expect(await handlers("static const unsigned char map[] = { [3] = 1, [5] = 2 };\nint f(void) { return map[5]; }\nEXPORT_SYMBOL(f);")).toEqual([]);
  });

  it("an index a division or a right shift of an unsigned value keeps in range needs no check", async () => {
    expect(await handlers("unsigned m[64];\nint f(unsigned char t) { return m[t / 32]; }\nEXPORT_SYMBOL(f);")).toEqual([]);
    expect(await handlers("int g[8];\nint f(unsigned char t) { return g[t / 16]; }\nEXPORT_SYMBOL(f);")).toEqual([BOUNDS]);
    expect(await handlers("int g[8];\nint f(unsigned x) { return g[x >> 29]; }\nEXPORT_SYMBOL(f);")).toEqual([]);
    expect(await handlers("int g[8];\nint f(unsigned long x) { return g[x >> 60]; }\nEXPORT_SYMBOL(f);")).toEqual([BOUNDS]);
  });

  it("an index an inline helper returns as one of several constants is known only by their bits (kmalloc_type of a gfp_t parameter)", async () => {
    const helper = "int g3[3], g4[4];\nstatic inline int pick(int f) { if (f & 1) return 1; if (f & 2) return 2; return 0; }\n";
    expect(await handlers(`${helper}int f(int fl) { return g3[pick(fl)]; }\nEXPORT_SYMBOL(f);`)).toEqual([BOUNDS]);
    expect(await handlers(`${helper}int f(void) { return g3[pick(2)]; }\nEXPORT_SYMBOL(f);`)).toEqual([]);
    // gcc folds the check where the values' bits fit the bound: 0, 1, 2 fit four elements
    expect(await handlers(`${helper}int f(int fl) { return g4[pick(fl)]; }\nEXPORT_SYMBOL(f);`)).toEqual([]);
  });

  it("an index an inline helper masks to the bound keeps its bound through the return (a hash bucket)", async () => {
    const table = "struct b { int d; };\nstruct s { struct b buckets[256]; };\nint g8[8];\n";
    expect(
      await handlers(
        `${table}static inline unsigned key(unsigned a) { return (a * 2654435761U) & 255; }\nint f(struct s *p, unsigned a) { return p->buckets[key(a)].d; }\nEXPORT_SYMBOL(f);`,
      ),
    ).toEqual([]);
    expect(
      await handlers(`${table}static inline unsigned key(unsigned a) { return a & 15; }\nint f(unsigned a) { return g8[key(a)]; }\nEXPORT_SYMBOL(f);`),
    ).toEqual([BOUNDS]);
  });

  it("a range a branch tested does not remove the check", async () => {
    expect(await handlers("int g[8];\nint f(unsigned i) { if (i >= 8) return 0; return g[i]; }\nEXPORT_SYMBOL(f);")).toEqual([BOUNDS]);
    // the condition of the branch the index is in, also for an index computed from it; a mask
    // is the index's own bound (gcc-14 -O2 -fsanitize=bounds-strict)
    expect(await handlers("int g[8];\nint f(unsigned i) { if (i < 8) return g[i]; return 0; }\nEXPORT_SYMBOL(f);")).toEqual([BOUNDS]);
    expect(await handlers("int g[4];\nint f(unsigned s) { if (s > 0 && s < 96) return g[2 - s / 32]; return 0; }\nEXPORT_SYMBOL(f);")).toEqual([BOUNDS]);
    expect(await handlers("int g[8];\nint f(unsigned i) { if (i < 8) return g[i & 7]; return 0; }\nEXPORT_SYMBOL(f);")).toEqual([]);
  });

  it("a pointer indexed is not checked, nor a flexible array member", async () => {
    expect(await handlers("int f(int *p, int i) { return p[i]; }\nEXPORT_SYMBOL(f);")).toEqual([]);
    expect(await handlers("struct s { int n; int a[]; };\nint f(struct s *p, int i) { return p->a[i]; }\nEXPORT_SYMBOL(f);")).toEqual([]);
  });

  it("bounds-strict checks a member array of a record, its last one of one element and a local array too", async () => {
    expect(await handlers("struct s { int a[4]; int n; };\nint f(struct s *p, int i) { return p->a[i]; }\nEXPORT_SYMBOL(f);")).toEqual([BOUNDS]);
    expect(await handlers("struct s { int n; int a[1]; };\nint f(struct s *p, int i) { return p->a[i]; }\nEXPORT_SYMBOL(f);")).toEqual([BOUNDS]);
    expect(await handlers("void g(int *p);\nint f(int i) { int l[4]; g(l); return l[i]; }\nEXPORT_SYMBOL(f);")).toEqual([BOUNDS]);
  });

  it("an inline helper's index folds where its caller passes a constant in range", async () => {
    const helper = "int g[8];\nstatic inline int get(int i) { return g[i]; }\n";
    expect(await handlers(`${helper}int f(void) { return get(3); }\nEXPORT_SYMBOL(f);`)).toEqual([]);
    expect(await handlers(`${helper}int f(int i) { return get(i); }\nEXPORT_SYMBOL(f);`)).toEqual([BOUNDS]);
  });

  it("an index in code gcc removes or never evaluates needs no check", async () => {
    expect(await handlers("int g[8];\nint f(int i) { if (0) return g[i]; return sizeof(g[i]); }\nEXPORT_SYMBOL(f);")).toEqual([]);
  });
});

describe("shift checks (CONFIG_UBSAN_SHIFT)", () => {
  it("a shift by a count gcc does not know calls the shift handler, left or right, plain or compound", async () => {
    expect(await handlers("long f(long x, int n) { return x << n; }\nEXPORT_SYMBOL(f);")).toEqual([SHIFT]);
    expect(await handlers("unsigned f(unsigned x, unsigned n) { return x >> n; }\nEXPORT_SYMBOL(f);")).toEqual([SHIFT]);
    expect(await handlers("long f(long x, int n) { x <<= n; return x; }\nEXPORT_SYMBOL(f);")).toEqual([SHIFT]);
  });

  it("a constant count below the width, or one masked to it, needs no check, even of a signed value (-fno-strict-overflow)", async () => {
    expect(await handlers("int f(int x) { return x << 3; }\nEXPORT_SYMBOL(f);")).toEqual([]);
    expect(await handlers("long f(long x, int n) { return x << (n & 63); }\nEXPORT_SYMBOL(f);")).toEqual([]);
    expect(await handlers("int f(int x, int n) { return x << (n & 63); }\nEXPORT_SYMBOL(f);")).toEqual([SHIFT]);
  });

  it("a count gcc's bit builtins bound, or fold from a constant mask (FIELD_PREP's __builtin_ffsll), needs no check", async () => {
    expect(await handlers("unsigned f(unsigned v) { return (v << (__builtin_ffsll(0xff00) - 1)) & 0xff00; }\nEXPORT_SYMBOL(f);")).toEqual([]);
    expect(await handlers("int f(unsigned x, unsigned y) { return x << __builtin_ctz(y); }\nEXPORT_SYMBOL(f);")).toEqual([]);
    expect(await handlers("long f(long x, unsigned long y) { return x << __builtin_ffsl(y); }\nEXPORT_SYMBOL(f);")).toEqual([SHIFT]);
  });

  it("a counted loop's counter below the width needs no check in the body, unless its start is unknown or the body changes it first", async () => {
    const loop = (head: string, body = ""): string =>
      `void ext(int);\nvoid f(unsigned mask, int n) { int i; for (${head}) { ${body} if (mask & (1 << i)) ext(i); } }\nEXPORT_SYMBOL(f);`;
    expect(await handlers(loop("i = 0; i < 32; i++"))).toEqual([]);
    expect(await handlers(loop("i = 0; i <= 32; i++"))).toEqual([SHIFT]);
    expect(await handlers(loop("i = n; i < 32; i++"))).toEqual([SHIFT]);
    expect(await handlers(loop("i = 0; i < 32; i++", "i = n;"))).toEqual([SHIFT]);
  });

  it("a counted loop's counter bounds what the body computes from it: BIT(i + 3), i % 8, 7 - i % 8", async () => {
    const loop = (head: string, body: string): string =>
      `void ext(int);\nvoid f(unsigned char *d, unsigned char *o, int n) { int i; for (${head}) { ${body} } }\nEXPORT_SYMBOL(f);`;
    expect(await handlers(loop("i = 0; i < 5; i++", "if (d[2] & (1UL << (i + 3))) ext(i);"))).toEqual([]);
    expect(await handlers(loop("i = 0; i < 5; i++", "if (d[2] & (1UL << (i + 60))) ext(i);"))).toEqual([SHIFT]);
    expect(await handlers(loop("i = 0; i < 64; i++", "o[i] = (d[i / 8] >> (i % 8)) & 1;"))).toEqual([]);
    expect(await handlers(loop("i = 0; i < 64; i++", "o[i] = d[i / 8] & (1 << (7 - i % 8));"))).toEqual([]);
    expect(await handlers(loop("i = 0; i < 4; i++", "if (d[i] == n) ext(1 << ((i + 1) - 1));"))).toEqual([]);
    expect(await handlers(loop("i = n; i < 4; i++", "if (d[i] == n) ext(1 << (i + 1));"))).toEqual([SHIFT]);
    expect(await handlers(loop("i = 0; i < 4; i++", "i = d[i]; ext(1 << (i + 1));"))).toEqual([SHIFT]);
  });

  it("a counted loop's counter does not remove an array index's check", async () => {
    expect(await handlers("void ext(int);\nint g[8];\nvoid f(void) { int i; for (i = 0; i < 8; i++) ext(g[i]); }\nEXPORT_SYMBOL(f);")).toEqual([BOUNDS]);
  });

  it("a counted loop bounded by a local of known range (a choice of two constants) bounds its counter, unless the body changes the local", async () => {
    const loop = (max: string, body = ""): string =>
      `void ext(int);\nvoid f(unsigned mask, int c, int n) { int i, max = ${max}; for (i = 0; i < max; i++) { if (mask & (1 << i)) ext(i); ${body} } }\nEXPORT_SYMBOL(f);`;
    expect(await handlers(loop("c ? 3 : 5"))).toEqual([]);
    expect(await handlers(loop("c ? 3 : 40"))).toEqual([SHIFT]);
    expect(await handlers(loop("c ? 3 : 5", "max = n;"))).toEqual([SHIFT]);
  });

  it("an unsigned bit-field holds no more than its width: a count of one needs no check where the width bounds it", async () => {
    const rec = "struct h { unsigned char x:1, t:4, r:3; unsigned int w:5; int s:3; };\n";
    expect(await handlers(`${rec}int f(struct h *p, unsigned m) { return m & (1 << p->t); }\nEXPORT_SYMBOL(f);`)).toEqual([]);
    expect(await handlers(`${rec}unsigned f(struct h *p, unsigned m) { return m >> p->w; }\nEXPORT_SYMBOL(f);`)).toEqual([]);
    expect(await handlers(`${rec}unsigned f(struct h *p, unsigned m) { return m << (p->w + 1); }\nEXPORT_SYMBOL(f);`)).toEqual([SHIFT]);
    expect(await handlers(`${rec}unsigned f(struct h *p, unsigned m) { return m >> p->s; }\nEXPORT_SYMBOL(f);`)).toEqual([SHIFT]);
    // an index gcc knows in range needs no check either
    expect(await handlers(`${rec}int g[16];\nint f(struct h *p) { return g[p->t]; }\nEXPORT_SYMBOL(f);`)).toEqual([]);
    expect(await handlers(`${rec}int g[8];\nint f(struct h *p) { return g[p->t]; }\nEXPORT_SYMBOL(f);`)).toEqual([BOUNDS]);
  });

  it("`if (v >= 64) { ...; v = 0; }` bounds v after it when the assignment ends the block (format.c's format type)", async () => {
    const fn = (block: string, after = ""): string =>
      `void ext(int);\nunsigned long long f(unsigned long long v, int c) { if (v >= 64) { ${block} } ${after} return 1ULL << v; }\nEXPORT_SYMBOL(f);`;
    expect(await handlers(fn("ext(1); v = 0;"))).toEqual([]);
    expect(await handlers(fn("if (c) v = 0;"))).toEqual([SHIFT]);
    expect(await handlers(fn("ext(1); v = 0;", "v = 1ULL << v;"))).toEqual([SHIFT]);
  });

  it("clamp() between constant limits bounds the value both ways (usb_fill_int_urb's `1 << (interval - 1)`)", async () => {
    // 7.3's clamp(), from include/linux/minmax.h
    const clamp =
      "#define __clamp(val, lo, hi) ((val) >= (hi) ? (hi) : ((val) <= (lo) ? (lo) : (val)))\n" +
      "#define clamp(val, lo, hi) ({ __auto_type v_ = (val); __auto_type l_ = (lo); __auto_type h_ = (hi); __clamp(v_, l_, h_); })\n";
    const fn = (body: string): string => `${clamp}unsigned f(int v, unsigned m, int c) { ${body} }\nEXPORT_SYMBOL(f);`;
    expect(await handlers(fn("v = clamp(v, 1, 16); return m << (v - 1);"))).toEqual([]);
    expect(await handlers(fn("int iv = clamp(v, 1, 16); return m << (iv - 1);"))).toEqual([]);
    expect(await handlers(fn("v = clamp(v, 0, 16); return m << (v - 1);"))).toEqual([SHIFT]);
    expect(await handlers(fn("v = clamp(v, 1, 40); return m << (v - 1);"))).toEqual([SHIFT]);
    expect(await handlers(fn("v = clamp(v, 1, 16); if (c) v = 0; return m << (v - 1);"))).toEqual([SHIFT]);
    expect(await handlers(fn("if (c) { v = clamp(v, 1, 16); m = m << (v - 1); } return m;"))).toEqual([]);
  });

  it("a static function's count every call passes as a small constant needs no check (-fipa-vrp), one call with another value keeps it", async () => {
    const fn = (calls: string): string =>
      `int ext(int);\nstatic noinline int rd(int a, unsigned char sh) { int v = ext(a); return (v >> sh) & 3; }\nint f(int n) { return ${calls}; }\nEXPORT_SYMBOL(f);`;
    expect(await handlers(fn("rd(1, 0) + rd(2, 6)"))).toEqual([]);
    expect(await handlers(fn("rd(1, 0) + rd(2, n)"))).toEqual([SHIFT]);
    expect(await handlers(fn("rd(1, 0) + rd(2, 40)"))).toEqual([SHIFT]);
    // an index's check, made before gcc propagates anything, stays (eeepc-laptop's cm_setv[cm])
    const indexed =
      'int ext(int);\nstatic const char *tab[8] = { "a", "b", "c", "d", "e", "f", "g", "h" };\n' +
      "static noinline int set(int cm, int v) { const char *m = tab[cm]; if (!m) return -1; return ext(v) & (1 << cm); }\n" +
      "int f(int v) { return set(3, v) + set(5, v); }\nEXPORT_SYMBOL(f);";
    expect(await handlers(indexed)).toEqual([BOUNDS]);
  });

  it("a parameter a static caller passes on has the range its own calls give it (eeepc-laptop's store_sys_acpi → set_acpi)", async () => {
    const fn = (store: string, calls: string): string =>
      "int ext(int);\nstatic noinline int set(int cm, int v) { if (ext(v) & (1 << cm)) return 1; return 0; }\n" +
      `${store} int store(int cm, int v) { return set(cm, v) + 1; }\nint f(int v) { return ${calls}; }\nEXPORT_SYMBOL(f);`;
    expect(await handlers(fn("static noinline", "store(3, v) + store(5, v) + set(1, v)"))).toEqual([]);
    expect(await handlers(fn("static noinline", "store(3, v) + store(v, v) + set(1, v)"))).toEqual([SHIFT]);
    // a caller others may call: its parameter is anything
    expect(await handlers(fn("", "store(3, v) + set(1, v)"))).toEqual([SHIFT]);
  });

  it("a product of a counted loop's counter and a constant stays below the width (`v >> (i * 8)`)", async () => {
    const fn = (n: number): string =>
      `int ext(int);\nunsigned f(unsigned v) { int i; unsigned r = 0; for (i = 0; i < ${n}; i++) r += ext((v >> (i * 8)) & 0xff); return r; }\nEXPORT_SYMBOL(f);`;
    expect(await handlers(fn(4))).toEqual([]);
    expect(await handlers(fn(5))).toEqual([SHIFT]);
  });

  it("a while loop's unsigned counter is bounded in the body until it changes (sony-laptop's lid resume)", async () => {
    const fn = (n: number, body: string): string =>
      `int f(unsigned *st, void **a, void *x) { unsigned pos = 0; while (pos < ${n}) { ${body} } return -1; }\nEXPORT_SYMBOL(f);`;
    expect(await handlers(fn(3, "if (a[pos] == x) return (*st >> pos) & 1; pos++;"))).toEqual([]);
    expect(await handlers(fn(40, "if (a[pos] == x) return (*st >> pos) & 1; pos++;"))).toEqual([SHIFT]);
    // after the increment it is one more: at most 3, at most 40
    expect(await handlers(fn(3, "pos++; if (a[pos] == x) return (*st >> pos) & 1;"))).toEqual([]);
    expect(await handlers(fn(3, "++pos; if (a[pos] == x) return (*st >> pos) & 1;"))).toEqual([]);
    expect(await handlers(fn(40, "pos++; if (a[pos] == x) return (*st >> pos) & 1;"))).toEqual([SHIFT]);
  });

  it("a counted loop left early or at its bound, then `if (i == bound) return`, leaves i below the bound (lg4ff's mode search)", async () => {
    const fn = (first: string, n: number, after: string, count: string): string =>
      `int f(const int *ids, int id, int n) { int i; for (i = ${first}; i < ${n}; i++) { if (ids[i] == id) break; } ${after} return 1 << (${count}); }\nEXPORT_SYMBOL(f);`;
    expect(await handlers(fn("1", 5, "if (i == 5) return 0;", "i + 27"))).toEqual([]);
    expect(await handlers(fn("1", 5, "", "i + 27"))).toEqual([SHIFT]);
    expect(await handlers(fn("1", 5, "if (i == 5) return 0;", "i + 28"))).toEqual([SHIFT]);
    expect(await handlers(fn("n", 5, "if (i == 5) return 0;", "i + 27"))).toEqual([SHIFT]);
    // the index's check is made before: it stays
    const indexed =
      "int tab[5];\nint f(const int *ids, int id) { int i; for (i = 1; i < 5; i++) { if (ids[i] == id) break; } if (i == 5) return 0; return tab[i]; }\nEXPORT_SYMBOL(f);";
    expect(await handlers(indexed)).toEqual([BOUNDS]);
  });

  it("an inline helper's shift folds where its caller passes a constant count", async () => {
    const helper = "static inline unsigned long sh(unsigned long x, int n) { return x << n; }\n";
    expect(await handlers(`${helper}unsigned long f(unsigned long x) { return sh(x, 4); }\nEXPORT_SYMBOL(f);`)).toEqual([]);
    expect(await handlers(`${helper}unsigned long f(unsigned long x, int n) { return sh(x, n); }\nEXPORT_SYMBOL(f);`)).toEqual([SHIFT]);
  });
});

describe("which kernels instrument", () => {
  it("a kernel whose configuration enables no UBSAN option references no handler (Debian 6.12)", async () => {
    expect(await handlers("int g[8];\nint f(int i, int n) { return g[i] << n; }\nEXPORT_SYMBOL(f);", "6.12")).toEqual([]);
    expect(await handlers("int g[8];\nint f(int i, int n) { return g[i] << n; }\nEXPORT_SYMBOL(f);", "7.3")).toEqual([BOUNDS, SHIFT]);
  });
});
