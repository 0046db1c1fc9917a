// The declaration-aware C reader: a module's uses are the symbols its object file would
// reference — what gcc -O2 emits, read the way gcc reads C — never a member, a local, a
// label, an enum constant, a type, an unevaluated operand or code gcc removes.

import { beforeAll, describe, expect, it } from "vitest";
import { createNodeEngine } from "../../src/engine/hosts/node";
import type { Engine, ModelModule } from "../../src/engine";

let engine: Engine;
beforeAll(async () => {
  engine = await createNodeEngine();
  await engine.useProfileFor("6.12");
});

const LICENSE = '\nMODULE_LICENSE("GPL");\n';

function moduleOf(src: string, name = "m"): ModelModule {
  const res = engine.runLoaded({ [`${name}.c`]: src }, { kernel: "6.12", relaxed: true });
  const m = res.model.modules.find((x) => x.name === name);
  if (!m) throw new Error(`no module ${name}`);
  return m;
}

/** The module's uses from its code, sorted (not gcc's own, __fentry__ and the thunks, which
 *  have no range). Every test's module is emitted through an exported function. */
function uses(body: string): string[] {
  return moduleOf(body + LICENSE)
    .uses.filter((u) => u.file)
    .map((u) => u.symbol)
    .sort();
}

describe("what is not a use", () => {
  it("a struct member named like an exported symbol is not a use", () => {
    expect(
      uses("struct s { int kfree; void (*usb_stor_suspend)(void); };\nint f(struct s *p, struct s v) { p->usb_stor_suspend(); return p->kfree + v.kfree; }"),
    ).toEqual([]);
  });

  it("a designator naming an exported symbol is not a use, the value it is given is", () => {
    expect(uses("struct ops { void *kfree; void *probe; };\nstruct ops o = { .kfree = 0, .probe = usb_stor_suspend };\nint a[4] = { [1] = 2 };")).toEqual([
      "usb_stor_suspend",
    ]);
  });

  it("a local variable shadowing an exported symbol is not a use", () => {
    expect(uses("int f(void) { int kfree = 1; { long jiffies = kfree; return jiffies; } }")).toEqual([]);
  });

  it("a parameter named like an exported symbol is not a use", () => {
    expect(uses("int f(int jiffies, void (*kfree)(void *)) { kfree(0); return jiffies; }")).toEqual([]);
  });

  it("an enum constant named like an exported symbol is not a use, at file or block scope", () => {
    expect(uses("enum { jiffies = 3 };\nint f(void) { enum { kfree, usb_stor_suspend } e = kfree; return jiffies + e + usb_stor_suspend; }")).toEqual([]);
  });

  it("a name a file-scope asm statement defines as a label is not a use (BTF_ID_LIST's name:)", () => {
    const asm = 'asm(".pushsection .BTF_ids,\\"a\\";\\n.local my_ids;\\nmy_ids:;\\n.zero 8;\\n.popsection;\\n");\n';
    expect(uses(asm + "extern unsigned my_ids[], other_ids[];\nint g(unsigned *p);\nint f(void) { return g(my_ids) + g(other_ids); }")).toEqual([
      "g",
      "other_ids",
    ]);
  });

  it("a typedef name or a struct tag named like an exported symbol is not a use", () => {
    expect(uses("typedef unsigned long jiffies;\nstruct kfree { int x; };\nint f(void) { jiffies j = sizeof(struct kfree); return (int)(jiffies)j; }")).toEqual(
      [],
    );
  });

  it("an object's address cast to void is not a use (lockdep_assert_held without lockdep), an assignment cast to void is", () => {
    const decls = "struct s { int a; int m[4]; };\nextern struct s g_lock; extern struct s *g_ptr; extern int g_val;\n";
    expect(uses(decls + "int f(int n) { (void)(&g_lock); (void)(&g_ptr->m[1]); (void)&g_lock.m[2]; return n; }")).toEqual([]);
    expect(uses(decls + "int f(int n) { (void)(g_val = n); return n; }")).toEqual(["g_val"]);
  });

  it("a label named like an exported symbol is not a use", () => {
    expect(uses("int f(int x) { if (x) goto kfree; return 0; kfree: return 1; }")).toEqual([]);
  });

  it("the operands of sizeof, typeof, _Alignof and the type builtins are not uses", () => {
    const src = [
      "extern unsigned long jiffies; void kfree(const void *);",
      "int f(void) {",
      "  typeof(jiffies) a = sizeof(jiffies) + sizeof jiffies + _Alignof(typeof(kfree(0)));",
      '  _Static_assert(sizeof(jiffies) == 8, "x");',
      "  return a + __builtin_types_compatible_p(typeof(jiffies), long) + __builtin_constant_p(kfree) + __builtin_offsetof(struct { int x; }, x);",
      "}",
    ].join("\n");
    expect(uses(src)).toEqual([]);
  });

  it("a call in if (0) is not a use, nor one in the else of if (1)", () => {
    expect(uses("void kfree(const void *);\nint f(void *p) { if (0) kfree(p); if (1) return 0; else usb_stor_suspend(p); return 1; }")).toEqual([]);
  });

  it("a call after a constant-false && or in a constant ternary's other side is not a use", () => {
    expect(uses("int f(void *p) { return (0 && usb_stor_suspend(p)) + (1 ? 2 : usb_stor_resume(p)) + (0 || (1 || kfree(p))); }")).toEqual([]);
  });

  it("code under IS_ENABLED of an unset option (0 after preprocessing) is not a use", () => {
    expect(uses("int f(void *p) { if ((0 || 0) && p) { kfree(p); } while (0) { usb_stor_suspend(p); } for (;0;) usb_stor_resume(p); return 0; }")).toEqual([]);
  });

  it("an enum constant or sizeof of a basic type in a condition decides it too", () => {
    expect(
      uses(
        "enum { OFF = 0, ON };\nint f(void *p) { if (OFF) kfree(p); if (sizeof(long) != 8) usb_stor_suspend(p); if (ON - 1) usb_stor_resume(p); return 0; }",
      ),
    ).toEqual([]);
  });

  it("a static function nobody references contributes no uses", () => {
    expect(uses("static void helper(void *p) { kfree(p); }\nint f(void) { return 0; }")).toEqual([]);
  });

  it("a static inline function nobody calls contributes no uses", () => {
    expect(uses("static inline void helper(void *p) { kfree(p); }\nint f(void) { return 0; }")).toEqual([]);
  });

  it("a static function called only from dead code contributes no uses", () => {
    expect(uses("static void helper(void *p) { kfree(p); }\nint f(void *p) { if (0) helper(p); return 0; }")).toEqual([]);
  });

  it("a static object nothing emitted references contributes no uses", () => {
    expect(uses("static void *table[] = { kfree };\nint f(void) { return 0; }")).toEqual([]);
  });

  it("a call of a function with the error attribute never stays in a build that succeeds", () => {
    expect(uses('extern void __bad_size(void) __attribute__((__error__("bad")));\nint f(int n) { if (n > 8) __bad_size(); return n; }')).toEqual([]);
  });

  it("a call of a compiler builtin is not a symbol", () => {
    expect(uses("int f(int x) { __builtin_prefetch(&x); if (__builtin_expect(x, 0)) __builtin_trap(); return __builtin_ffs(x); }")).toEqual([]);
  });
});

describe("what is a use", () => {
  it("a function or object declared inside a body is used as one declared at file scope (checked with gcc-12 -O2)", () => {
    expect(
      uses(
        "void f(void) { extern void g(void); g(); }\nint h(void) { extern int counter; return counter; }\nvoid k(void) { void g2(int); g2(1); }\nEXPORT_SYMBOL(f);\nEXPORT_SYMBOL(h);\nEXPORT_SYMBOL(k);",
      ),
    ).toEqual(["counter", "g", "g2"]);
    // compiletime_assert's own: an error attribute, which a successful build never calls
    expect(
      uses('void f(int c) { do { extern void __assert_1(void) __attribute__((__error__("no"))); if (c) __assert_1(); } while (0); }\nEXPORT_SYMBOL(f);'),
    ).toEqual([]);
  });

  it("sprintf and snprintf that print a literal are copies in place: a format without %, or %s of a literal, within snprintf's known bound (checked with gcc-12 -O2)", () => {
    const decls = "int sprintf(char *buf, const char *fmt, ...);\nint snprintf(char *buf, unsigned long size, const char *fmt, ...);\n";
    const body = (e: string): string => `${decls}int f(char *b, unsigned long n) { return ${e}; }`;
    expect(uses(body('sprintf(b, "none\\n") + sprintf(b, "%s", "lit") + snprintf(b, 16, "abc") + snprintf(b, 0, "abc")'))).toEqual([]);
    expect(uses(body('sprintf(b, "50%%\\n")'))).toEqual(["sprintf"]);
    expect(uses(body('snprintf(b, 3, "abc") + snprintf(b, n, "abc")'))).toEqual(["snprintf"]);
    // sprintf(d, "%s", s) whose value is unused is strcpy(d, s) (think-lmi); used, it stays
    const statement = (e: string): string[] => uses(`${decls}int f(char *b, const char *s, int n) { ${e} return 0; }`);
    expect(statement('sprintf(b, "%s", s);')).toEqual(["strcpy"]);
    expect(statement('if (n) sprintf(b, "%s", s); else (void)sprintf(b, "%s", s);')).toEqual(["strcpy"]);
    expect(statement('n = sprintf(b, "%s", s); if (n) return n;')).toEqual(["sprintf"]);
    expect(statement('return sprintf(b, "%s", s);')).toEqual(["sprintf"]);
  });

  it("the test inside WARN_ON() and WARN_ON_ONCE() bounds the local as a bare test does: `({ int __ret_warn_on = !!(c); ...; unlikely(__ret_warn_on); })` is c (gcc-12, gcc-14)", () => {
    const head = [
      "int g(int n); void warn(void);",
      "#define unlikely(x) __builtin_expect(!!(x), 0)",
      "#define WARN_ON(condition) ({ int __ret_warn_on = !!(condition); if (unlikely(__ret_warn_on)) warn(); unlikely(__ret_warn_on); })",
      "static inline int check(unsigned long x) { return 64 < x ? g(1) : 0; }",
    ].join("\n");
    const f = (body: string): string[] => uses(`${head}\nint f(unsigned long len, int other) { ${body} }`);
    expect(f("if (WARN_ON(len > 64)) return -1; return check(len);")).toEqual(["warn"]);
    expect(f("if (WARN_ON(len > 100)) return -1; return check(len);")).toEqual(["g", "warn"]);
    // its value is another local's, or changed on the way: no bound
    expect(f("if (({ int r = !!(len > 64); warn(); unlikely(other); })) return -1; return check(len);")).toEqual(["g", "warn"]);
    expect(f("if (({ int r = !!(len > 64); r = 0; unlikely(r); })) return -1; return check(len);")).toEqual(["g"]);
  });

  it("an unsigned local tested against a constant by an if that returns is at most the constant after it, also under unlikely() or in an || (checked with gcc-12 -O2)", () => {
    const head = "int g(int n); void h(void);\nstatic inline int check(unsigned long x) { return 512 < x ? g(1) : 0; }\n";
    const f = (body: string): string[] => uses(`${head}int f(unsigned long len, long n) { ${body} }`);
    expect(f("if (len > 511) return -1; return check(len);")).toEqual([]);
    expect(f("if (__builtin_expect(!!(len >= 512), 0)) return -1; return check(len);")).toEqual([]);
    expect(f("if (n == 0 || 511 < len) return -1; return check(len);")).toEqual([]);
    expect(f("if (len > 600) return -1; return check(len);")).toEqual(["g"]);
    expect(f("if (len > 511) h(); return check(len);")).toEqual(["g", "h"]);
    expect(f("if (n > 511) return -1; return check(n);")).toEqual(["g"]);
    // the mem* expander reads the length's own range, which the test does not narrow; a value
    // computed after the test has it (checked with gcc-12 -O2)
    const copy = (body: string): string[] =>
      uses(
        `void *memcpy(void *d, const void *s, unsigned long n);\nint f(char *d, const char *s, unsigned long n) { if (n > 32) return -1; ${body} return 0; }`,
      );
    expect(copy("memcpy(d, s, n);")).toEqual(["memcpy"]);
    expect(copy("unsigned long m = n; memcpy(d, s, m);")).toEqual(["memcpy"]);
    expect(copy("memcpy(d, s, n + 1);")).toEqual([]);
  });

  it("a mem* length converted to size_t has the range known where it is converted; a signed one bounded only above has that bound as its probable size (checked with gcc-12 -O2)", () => {
    const copy = (params: string, body: string): string[] =>
      uses(
        `void *memcpy(void *d, const void *s, unsigned long n);\nvoid *memset(void *d, int c, unsigned long n);\nint f(char *d, const char *s, ${params}) { ${body} return 0; }`,
      );
    // unsigned int to size_t: a new value, within the test's bound (smsc95xx's u32 size)
    expect(copy("unsigned int n", "if (n > 16) return -1; memcpy(d, s, n);")).toEqual([]);
    expect(copy("unsigned int n", "if (n > 16) return -1; memcpy(d, s, (unsigned long)n);")).toEqual([]);
    // a signed length tested below zero too is within the bound (sr9700's len)
    expect(copy("int n", "if (n > 200 || n < 0) return -1; memcpy(d, s, n);")).toEqual([]);
    // bounded above only: gcc takes the bound as the probable size (an anti-range once converted)
    expect(copy("int n", "if (n > 200) return -1; memcpy(d, s, n);")).toEqual([]);
    expect(copy("int n", "if (n > 200) return -1; memset(d, 0, n);")).toEqual([]);
    expect(copy("int n", "if (n > 200) return -1; memcpy(d, s, n + 1);")).toEqual([]);
    expect(copy("int n", "if (n > 16) n = 16; memcpy(d, s, n);")).toEqual([]);
    expect(copy("int n", "if (n <= 0 || n > 32) return -1; memcpy(d, s, n);")).toEqual([]);
    // ... not where the test leaves on another value too: two ranges, no guess (i2c-scmi's len)
    expect(copy("int n", "if (n == 0 || n > 32) return -1; memcpy(d, s, n);")).toEqual(["memcpy"]);
    expect(copy("int n", "if (!n || n > 32) return -1; memcpy(d, s, n);")).toEqual(["memcpy"]);
    // min() of it and a constant (corsair-cpro's min(IN_BUFFER_SIZE, size))
    expect(copy("int n", "memcpy(d, s, ({ int a = n, b = 40; ((a) < (b) ? (a) : (b)); }));")).toEqual([]);
    // tested inside a loop's body on a local declared before the loop (sr9700's len)
    const loop = (decl: string, body: string): string[] =>
      uses(
        `void *memcpy(void *d, const void *s, unsigned long n);\nextern int get(void);\nint f(char *d, const char *s) { ${decl} while (get()) { ${body} } return 0; }`,
      );
    expect(loop("int len;", "len = get(); if (len > 200 || len < 0) return 0; memcpy(d, s, len);")).toEqual(["get"]);
    expect(loop("int len;", "len = get(); if (len > 200) return 0; memcpy(d, s, len);")).toEqual(["get"]);
    expect(loop("unsigned int len;", "len = get(); if (len > 200) return 0; memcpy(d, s, len);")).toEqual(["get"]);
    expect(loop("int len = get();", "if (len > 200) return 0; memcpy(d, s, len); len = get();")).toEqual(["get"]);
    expect(loop("int len = get();", "if (len > 200) return 0; len = get(); memcpy(d, s, len);")).toEqual(["get", "memcpy"]);
    // a parameter given min() of it (quatech2's `count = min(count, ...)`), also with a goto
    // about (mos7720's `goto exit`): followed up to the label
    const min = (params: string, body: string): string[] =>
      uses(`void *memcpy(void *d, const void *s, unsigned long n);\nint f(char *d, const char *s, ${params}) { ${body} out: return 0; }`);
    const minOf = (x: string): string => `({ __auto_type a = (${x}); __auto_type b = 32; ((a) < (b) ? (a) : (b)); })`;
    expect(min("int n", `n = ${minOf("n")}; memcpy(d, s, n);`)).toEqual([]);
    expect(min("unsigned int n", `n = ${minOf("n")}; memcpy(d, s, n);`)).toEqual([]);
    expect(min("int n", `n = ${minOf("n")}; if (!d) goto out; memcpy(d, s, n);`)).toEqual([]);
    expect(min("int n", `int t; if (!d) goto out; t = ${minOf("n")}; memcpy(d, s, t);`)).toEqual([]);
    expect(min("int n", `n = n * 2; memcpy(d, s, n);`)).toEqual(["memcpy"]);
    expect(min("unsigned int n", `n = ${minOf("n")}; if (!d) goto out; memcpy(d, s, n);`)).toEqual([]);
    // a length from a parameter every call passes a small constant (-fipa-vrp), also through a
    // local never changed (the fortified memset's __fortify_size): nf_conntrack_ftp's try_number
    const ipa = (body: string, calls: string): string[] =>
      uses(
        `void *memset(void *d, int c, unsigned long n);\nstatic __attribute__((__noinline__)) int tn(unsigned *a, int n) { ${body} return a[0]; }\nint f(unsigned *a, int m) { return ${calls}; }`,
      );
    expect(ipa("memset(a, 0, sizeof(a[0]) * n);", "tn(a, 6) + tn(a, 4)")).toEqual([]);
    expect(ipa("unsigned long z = sizeof(a[0]) * n; memset(a, 0, z);", "tn(a, 6) + tn(a, 4)")).toEqual([]);
    expect(ipa("memset(a, 0, sizeof(a[0]) * n);", "tn(a, 6) + tn(a, m)")).toEqual(["memset"]);
    // twice an unsigned value at most 32 is at most 64: still expanded (gcc-12), not so the
    // signed one a clamp bounds only above (below)
    expect(min("unsigned int n", `n = ${minOf("n")}; if (!d) goto out; n = n * 2; memcpy(d, s, n);`)).toEqual([]);
    // the label joins the values a goto brings: the bound before it is gone there
    expect(min("unsigned int n", `if (!s) goto out2; n = ${minOf("n")}; memcpy(d, s, n); out2: memcpy(d, s, n);`)).toEqual(["memcpy"]);
    expect(min("unsigned int n", `n = ${minOf("n")}; again: memcpy(d, s, n); n = n + 100; if (*s) goto again;`)).toEqual(["memcpy"]);
    // a label of an inline function expanded on the way joins only that function's locals
    const inner = "int g(int);\nstatic inline int helper(int v) { if (v) goto out; v = g(2); out: return v; }\n";
    expect(
      uses(
        `${inner}void *memcpy(void *d, const void *s, unsigned long n);\nint f(char *d, const char *s, int c, unsigned int n) { n = ${minOf("n")}; if (!d) goto out; c = helper(c); memcpy(d, s, n); out: return c; }`,
      ),
    ).toEqual(["g"]);
    // clamped inside the loop's body (usb_wwan's `todo = left; if (todo > OUT_BUFLEN) todo = OUT_BUFLEN;`)
    expect(loop("int todo;", "todo = get(); if (todo > 64) todo = 64; memcpy(d, s, todo);")).toEqual(["get"]);
    expect(loop("unsigned int todo;", "todo = get(); if (todo > 64) todo = 64; memcpy(d, s, todo);")).toEqual(["get"]);
    expect(loop("int todo;", "todo = get(); if (todo > 64) todo = 64; todo = todo * 2; memcpy(d, s, todo);")).toEqual(["get", "memcpy"]);
    // ... by a local with a bound (keyspan's maxDataLen, 64 or 63), not by one without
    expect(loop("int todo, max; if (d) max = 64; else max = 63;", "todo = get(); if (todo > max) todo = max; memcpy(d, s, todo);")).toEqual(["get"]);
    expect(loop("int todo, max = get();", "todo = get(); if (todo > max) todo = max; memcpy(d, s, todo);")).toEqual(["get", "memcpy"]);
    // a constant taken from a bounded value: the result may be -1, which size_t wraps to its
    // top (one anti-range); in a narrower unsigned type it leaves two ranges (i2c-ismt)
    const n8 = (body: string): string[] => copy("unsigned int n", body);
    expect(n8("int m = (unsigned char)n + 1; memcpy(d, s, m - 1);")).toEqual([]);
    expect(n8("unsigned long m = (unsigned char)n; memcpy(d, s, m - 1);")).toEqual([]);
    expect(n8("unsigned int m = (unsigned char)n; memcpy(d, s, m - 1);")).toEqual(["memcpy"]);
    expect(n8("int m = (unsigned short)n; memcpy(d, s, m - 1);")).toEqual(["memcpy"]);
    expect(n8("int m = (unsigned short)n; memcpy(d, s, m - 60000);")).toEqual([]);
    expect(n8("int m = n; if (m > 100) return 0; memcpy(d, s, (unsigned int)m);")).toEqual(["memcpy"]);
    expect(n8("int m = n; if (m > 100) return 0; unsigned int k = m; memcpy(d, s, k);")).toEqual(["memcpy"]);
    // a constant mask leaves the largest value up to the bound it keeps (bitmap_size's ALIGN)
    expect(n8("if (n > 65535) return -1; memcpy(d, s, ((n + 63) & ~63u) / 8);")).toEqual([]);
    expect(n8("if (n > 66000) return -1; memcpy(d, s, ((n + 63) & ~63u) / 8);")).toEqual(["memcpy"]);
    expect(n8("if (n > 9000) return -1; memcpy(d, s, n & 0x3c00u);")).toEqual([]);
    expect(n8("if (n > 9000) return -1; memcpy(d, s, n & 0x3e00u);")).toEqual(["memcpy"]);
    // past the size gcc expands in place, of two unbounded values, or scaled: a call
    expect(copy("int n", "if (n > 20000) return -1; memcpy(d, s, n);")).toEqual(["memcpy"]);
    expect(copy("int n, int m", "memcpy(d, s, ({ int a = n, b = m; ((a) < (b) ? (a) : (b)); }));")).toEqual(["memcpy"]);
    expect(copy("int n", "if (n > 200) return -1; memcpy(d, s, n * 2);")).toEqual(["memcpy"]);
  });

  it("a local a goto leaves unfollowed, changed in no loop, holds a constant it is given up to the next label (checked with gcc-12 -O2)", () => {
    const head = "extern int get(void);\nextern void a1(void), a2(void), a3(void), a4(void), a5(void), a6(void);\n";
    // ti_usb_3410_5052's `buffer_size = TI_FIRMWARE_BUF_SIZE + ...; kmalloc(buffer_size)` after a label
    expect(uses(`${head}int f(int x) { int ret = 0; if (x) goto out; if (ret) a2(); ret = -5; out: return ret; }`)).toEqual([]);
    expect(uses(`${head}int f(int x) { int ret; if (x) { ret = 0; goto out; } ret = 1; if (ret) a4(); out: if (!ret) a5(); return 0; }`)).toEqual(["a4", "a5"]);
    // joined at a label, changed by a call, or in a loop a goto makes: unknown there
    expect(uses(`${head}int f(int x) { int ret = 0; if (x) goto out; ret = get(); out: if (ret) a1(); return ret; }`)).toEqual(["a1", "get"]);
    expect(uses(`${head}int f(int x) { int ret = 1; again: if (ret) a3(); ret = get(); if (x) goto again; return ret; }`)).toEqual(["a3", "get"]);
    // a case label is reached from the switch too; gcc knows ret is still 0 there, the engine does not
    expect(
      uses(`${head}int f(int x) { int ret = 0; switch (x) { case 1: ret = 1; break; case 2: if (ret) a6(); break; } if (x) goto out; out: return ret; }`),
    ).toEqual(["a6"]);
    // changed inside a loop: not followed at all
    expect(uses(`${head}int f(int x) { int i = 0; if (x) goto out; while (get()) { if (i) a1(); i = 1; } out: return i; }`)).toEqual(["a1", "get"]);
    // ... also a loop macro the file does not define (list_for_each_entry without its header)
    expect(uses(`${head}int f(int x) { int i = 0; if (x) goto out; each(x) { if (i) a1(); i = 1; continue; } out: return i; }`)).toEqual(["a1"]);
  });

  it("an integer local a loop changes is followed before and after the loop, unknown in it from its condition on (checked with gcc-12 and gcc-14 -O2)", () => {
    const head =
      "extern int get(void);\nextern void a1(void), a2(void), a3(void), a4(void), a5(void), a6(void), a7(void), a8(void), a9(void), a10(void), a11(void);\nstatic inline int stub(void) { return 0; }\n";
    // cxl mem.c's `rc = devm_cxl_memdev_edac_register(cxlmd); if (rc) dev_dbg(...)` after loops that set rc
    expect(
      uses(
        `${head}int f(int n) { int rc = 0; if (rc) a1(); for (int i = 0; i < n; i++) { rc = get(); if (rc < 0) return rc; } rc = stub(); if (rc) a2(); return 0; }`,
      ),
    ).toEqual(["get"]);
    // the value before a loop holds for its first pass only: a while, a for's step, a do
    expect(uses(`${head}int f(void) { int x = 0; while (get()) { if (x) a1(); x = 1; } return x; }`)).toEqual(["a1", "get"]);
    expect(uses(`${head}int f(void) { int x; for (x = 0; get(); x = 1) { if (x) a1(); } return x; }`)).toEqual(["a1", "get"]);
    expect(uses(`${head}int f(void) { int x = 0; do { if (x) a1(); x = 1; } while (get()); return x; }`)).toEqual(["a1", "get"]);
    expect(uses(`${head}int f(int n) { int x = 4; while (n--) { if (x == 4) a1(); x = get(); } return 0; }`)).toEqual(["a1", "get"]);
    // ... and an outer loop's pass comes after its inner loop's
    expect(uses(`${head}int f(int n) { int x = 0; for (int i = 0; i < n; i++) { if (x) a1(); for (int j = 0; j < n; j++) x = 1; } return x; }`)).toEqual([
      "a1",
    ]);
    // after the loop: what its passes joined, until straight code gives it a value again
    expect(uses(`${head}int f(int n) { int i = 0; for (; i < n; i++) get(); if (i == 0) a1(); if (i > 5) a2(); return i; }`)).toEqual(["a1", "a2", "get"]);
    expect(uses(`${head}int f(int n) { int x = 0; for (int i = 0; i < n; i++) x += get(); if (x == 7) a1(); x = 2; if (x != 2) a2(); return x; }`)).toEqual([
      "a1",
      "get",
    ]);
    expect(
      uses(`${head}int f(int n) { int x = 1; for (int i = 0; i < n; i++) { if (get()) { x = 0; break; } } if (x) a1(); x = 0; if (x) a2(); return 0; }`),
    ).toEqual(["a1", "get"]);
    // a test around the loop told nothing of the values the loop makes
    expect(uses(`${head}int f(int n) { int x = 3; if (n) { if (x < 5) get(); while (get()) x++; } if (x > 10) a1(); return x; }`)).toEqual(["a1", "get"]);
    // scoped_guard()'s loop, whose step jumps to a label in it (7.3 cxl mem.c)
    expect(
      uses(
        `${head}int f(int n) { int rc = 0; for (int i = 0; i < n; ({ goto l; })) if (0) { l: break; } else { rc = get(); if (rc) return rc; } rc = stub(); if (rc) a1(); return 0; }`,
      ),
    ).toEqual(["get"]);
    // with a goto about, a label joins values too (gcc knows both are 0 at out; the engine does not)
    expect(uses(`${head}int f(int n) { int x = 0; if (n) goto out; while (get()) { if (x) a1(); x = 1; } x = 0; out: if (x) a2(); return x; }`)).toEqual([
      "a1",
      "a2",
      "get",
    ]);
  });

  it("a comparison gcc's value ranges decide folds: a parameter every call passes a constant, a loop counter, an or and a mask of them (checked with gcc-12 and gcc-14 -O2)", () => {
    const head = "extern int get(void);\nextern void a1(void), a2(void), a3(void), a4(void), a5(void), a6(void), a7(void), a8(void);\n";
    const calls = (fn: string, args: string) => `${head}${fn}\nint f(int n) { return ${args}; }`;
    // cdc-phonet's rx_submit(..., GFP_ATOMIC or GFP_KERNEL): warn_if_node_offline's
    // `(gfp & (__GFP_THISNODE|__GFP_NOWARN)) != (__GFP_THISNODE|__GFP_NOWARN)` returns
    expect(uses(calls("static noinline int r(unsigned int g) { if (g != 0x202000) return 0; a1(); return 1; }", "r(0x820) + r(0xcc0)"))).toEqual([]);
    expect(
      uses(calls("static noinline int r(unsigned int g) { if (((g | 0x80000) & 0x202000) != 0x202000) return 0; a1(); return 1; }", "r(0x820) + r(0xcc0)")),
    ).toEqual([]);
    // ... through an inline function whose parameter an or-assignment changes
    expect(
      uses(
        calls(
          "static inline int alloc(unsigned int m) { m |= 0x60000; if ((m & 0x202000) == 0x202000) a1(); return get(); }\nstatic noinline int r(unsigned int g) { return alloc(g | 0x80000); }",
          "r(0x820) + r(0xcc0)",
        ),
      ),
    ).toEqual(["get"]);
    // a value some call passes, or an or with an unbounded value: kept
    expect(uses(calls("static noinline int r(unsigned int g) { if (g == 0x202000) a1(); return 0; }", "r(0x820) + r(0x202000)"))).toEqual(["a1"]);
    expect(
      uses(calls("static noinline int r(unsigned int g, unsigned int h) { if (((g | h) & 0x202000) == 0x202000) a1(); return 0; }", "r(1, n) + r(2, 3)")),
    ).toEqual(["a1"]);
    // kaweth's link state `(buf[0] | 0x40) >> 5` is at least 2: never 0 (the driver's bug)
    const link = (cond: string) =>
      uses(
        `${head}struct k { unsigned char *buf; int link; };\nint f(struct k *k) { int act; if (k->link != (act = (k->buf[0] | 0x40) >> 5)) { ${cond} k->link = act; } return 0; }`,
      );
    expect(link("if (act) a1(); else a2();")).toEqual(["a1"]);
    expect(link("if (act > 1) a1(); if (act == 1) a2();")).toEqual(["a1"]);
    expect(link("if (act > 2) a1(); if (act == 7) a2();")).toEqual(["a1", "a2"]);
    // a counter below 4 is never 5, nor has a bit above 15 with 8 ored in; it may be 3
    expect(uses(`${head}void f(void) { for (int i = 0; i < 4; i++) { if (i == 5) a1(); if (i == 3) a2(); if ((i | 8) > 15) a3(); } }`)).toEqual(["a2"]);
  });

  it("a local's initial value, a local's one value and an inline call's value count only where something live reads them; their calls stay (checked with gcc-12 and gcc-14 -O2)", () => {
    const head = [
      "extern int g1, g2, g3;\nextern int *tab;\nextern unsigned int id1, id2;\nstruct pn { int a; int m; };\nstruct ops { int (*fn)(int *); };",
      "extern void ext(void);",
      // net_generic()'s shape: a local given once, returned; nft_pernet() returns its value
      "static inline int *lookup(unsigned int id) { int *p; ext(); p = &tab[id]; ext(); return p; }",
      "static inline int *pernet(void) { return lookup(id1); }",
      "static inline int ignore(int v) { return 0; }\nstatic inline int ignorep(int *v) { return 0; }",
      "static inline void putp(int **p) { if (*p) **p = 0; }\n",
    ].join("\n");
    const fn = (body: string) => uses(`${head}int f(struct ops *o) { ${body} }`);
    expect(fn("int x = g1; return 0;")).toEqual([]);
    // nft_dynset's `nft_net = nft_pernet(net)` read by lockdep_assert_held() alone
    expect(fn("struct pn *p = (struct pn *)pernet(); (void)(&p->m); return 0;")).toEqual(["ext"]);
    expect(fn("int x = g1; return ignore(x);")).toEqual([]);
    expect(fn("return ignorep(lookup(id2));")).toEqual(["ext"]);
    expect(fn("int x = g1; int y = x; return 0;")).toEqual([]);
    expect(fn("lookup(id2); return 0;")).toEqual(["ext"]);
    expect(fn("(void)lookup(id2); return 0;")).toEqual(["ext"]);
    // read: kept (a statement expression's last statement is its value; a cleanup function
    // reads its variable)
    expect(fn("int *p __attribute__((cleanup(putp))) = lookup(id2); return 0;")).toEqual(["ext", "id2", "tab"]);
    expect(fn("int *p = ({ ext(); lookup(id2); }); return *p;")).toEqual(["ext", "id2", "tab"]);
    expect(fn("int *p = pernet(); return *p;")).toEqual(["ext", "id1", "tab"]);
    expect(fn("int x = g1; int y = x; return y;")).toEqual(["g1"]);
    expect(fn("int x; int s = 0; for (int i = 0; i < 4; i++) { s += x; x = g1; } return s;")).toEqual(["g1"]);
    // a volatile read, a call through a pointer or a store in it runs all the same (gcc drops
    // g2's load beside g1's store; the engine keeps both)
    expect(fn("int x = *(volatile int *)&g1; return 0;")).toEqual(["g1"]);
    expect(fn("int x = o->fn(&g1); return 0;")).toEqual(["g1"]);
    expect(fn("int x = (g1 = 5) + g2; return 0;")).toEqual(["g1", "g2"]);
  });

  it("what sprintf and snprintf return is the length their literal format prints, a constant or a range (-fprintf-return-value; checked with gcc-12 and gcc-14 -O2)", () => {
    const head = "int snprintf(char *buf, unsigned long size, const char *fmt, ...);\nint sprintf(char *buf, const char *fmt, ...);\nextern void a1(void);\n";
    const printed = (test: string) =>
      uses(`${head}int f(unsigned char v, int n, unsigned int u, long l, const char *s) { char b[64]; if (${test}) a1(); return b[1]; }`)
        .filter((u) => u === "a1")
        .join();
    // ddcci's `snprintf(vcp_hex, 3, "%02hhX", vcp) != 2`: an unsigned char in two hex digits
    expect(printed('snprintf(b, 3, "%02hhX", v) != 2')).toBe("");
    expect(printed('snprintf(b, sizeof(b), "%d", n) >= 12')).toBe("");
    expect(printed('snprintf(b, sizeof(b), "%d", n) >= 11')).toBe("a1");
    expect(printed('snprintf(b, sizeof(b), "%d", n) < 1')).toBe("");
    expect(printed('sprintf(b, "x%u-%x", u, u) > 20')).toBe("");
    expect(printed('sprintf(b, "%ld", l) > 19')).toBe("a1");
    expect(printed('snprintf(b, sizeof(b), "abc%sd", "xy") != 6')).toBe("");
    expect(printed('snprintf(b, sizeof(b), "%5d", 42) != 5')).toBe("");
    expect(printed('snprintf(b, sizeof(b), "%+d|%#x|%c", 7, 255, 97) != 9')).toBe("");
    // a string not known, or %p (the kernel's extensions gcc reads as %p): no range
    expect(printed('snprintf(b, sizeof(b), "%s", s) > 5')).toBe("a1");
    expect(printed('snprintf(b, sizeof(b), "%p", s) > 40')).toBe("a1");
  });

  it("an inline function that never names a parameter drops the loads and addresses of its argument, not its calls (cpumask_check's cpu_max_bits_warn(cpu, nr_cpu_ids))", () => {
    const src = [
      "extern unsigned int nr_cpu_ids;",
      "extern int usb_stor_resume(void *);",
      "static inline void warn(unsigned int cpu, unsigned int bits) { }",
      "static inline void take(void (*fn)(const void *), unsigned int) { }",
      "int f(unsigned int cpu, void *p) { warn(cpu, nr_cpu_ids); take(kfree, nr_cpu_ids); warn(cpu, usb_stor_resume(p)); return 0; }",
    ].join("\n");
    expect(uses(src)).toEqual(["usb_stor_resume"]);
    expect(uses(src.replace("{ }", "{ if (cpu >= bits) usb_stor_suspend(0); }"))).toEqual(["nr_cpu_ids", "usb_stor_resume", "usb_stor_suspend"]);
    // an `asm volatile` in the argument stays, used or not (5.10's this_cpu_ptr(), passed to
    // an empty local_lock_release by radix_tree_preload_end; gcc-12 -O2 keeps off1 only)
    const asm = [
      "static inline void sink(int *p) { }",
      "extern int off1, off2;",
      'void f(void) { sink(({ unsigned long t; asm volatile("add %1, %0" : "=r"(t) : "m"(off1)); (int *)t; })); }',
      'void g(void) { sink(({ unsigned long t; asm("add %1, %0" : "=r"(t) : "m"(off2)); (int *)t; })); }',
    ].join("\n");
    expect(uses(asm)).toEqual(["off1"]);
  });

  it("an argument's loads and addresses count only where the inline body reads its parameter in live code, through nested inline calls too (checked with gcc-12 -O2)", () => {
    // 7.3's i3c_i2c_driver_register(&i3c_drv, &i2c_drv) with CONFIG_I3C unset returns first
    const src = [
      "struct drv { int (*probe)(void); };",
      "extern int reg(struct drv *);",
      "extern int first(void), second(void), third(void), fourth(void), fifth(void);",
      "extern struct drv *pick(void);",
      "static int p1(void) { return first(); }",
      "static int p2(void) { return second(); }",
      "static int p3(void) { return third(); }",
      "static int p4(void) { return fourth(); }",
      "static int p5(void) { return fifth(); }",
      "static struct drv d1 = { .probe = p1 }, d2 = { .probe = p2 }, d3 = { .probe = p3 }, d4 = { .probe = p4 }, d5 = { .probe = p5 };",
      "static __always_inline int late(struct drv *a, int x) { if (x || 1) return x; return reg(a); }",
      "static __always_inline int inner(struct drv *b, int y) { if (y) return reg(b); return 0; }",
      "static __always_inline int outer(struct drv *c, int z) { return inner(c, z) + inner(c, 0); }",
      "int f1(int x) { return late(&d1, x); }",
      "int f2(int x) { return outer(&d2, 0) + outer(&d3, x); }",
      // the same expansion of inner for a parameter and for an address: the address is read
      "int f3(struct drv *p, int x) { return inner(p, x) + inner(&d4, x); }",
    ].join("\n");
    // gcc: fourth reg third
    expect(uses(src)).toEqual(["fourth", "reg", "third"]);
    // an argument with a call keeps its call; gcc drops the address beside it (fifth), the
    // engine keeps an argument with a call whole
    expect(uses(src + "\nint f4(int x) { return late(x ? &d5 : pick(), x); }")).toEqual(["fifth", "fourth", "pick", "reg", "third"]);
  });

  it("an inline function's parameter the body assigns no longer holds the argument's value: not in straight code, a branch or a loop (6.1's copy_from_user)", () => {
    const callers = [
      "static __always_inline unsigned long a(unsigned long n) { n = usb_stor_suspend(0); return n; }",
      "static __always_inline unsigned long b(unsigned long n) { if (usb_stor_resume(0)) n = usb_stor_suspend(0); return n; }",
      "static __always_inline unsigned long c(unsigned long n) { while (n > 4 && usb_stor_resume(0)) n -= 4; return n; }",
      "int f(void *p) { if (a(24)) return 1; kfree(p); return 0; }",
      "int g(void *p) { if (b(24)) return 1; kfree_sensitive(p); return 0; }",
      "int h(void *p) { if (c(24) != 24) return 1; kvfree(p); return 0; }",
    ];
    expect(uses(callers.join("\n"))).toEqual(["kfree", "kfree_sensitive", "kvfree", "usb_stor_resume", "usb_stor_suspend"]);
  });

  it("a static function reached from an emitted one contributes its uses", () => {
    expect(uses("static void helper(void *p) { kfree(p); }\nint f(void *p) { helper(p); return 0; }")).toEqual(["kfree"]);
  });

  it("a static function or object marked used is emitted", () => {
    expect(
      uses("static void __attribute__((used)) helper(void *p) { kfree(p); }\nstatic void *keep[] __attribute__((__used__)) = { usb_stor_suspend };"),
    ).toEqual(["kfree", "usb_stor_suspend"]);
  });

  it("a used attribute after a struct type marks the object, not the struct (trace events' static struct trace_event_class __used event_class_*)", () => {
    const src = [
      "struct cls { int (*reg)(void *); void (*probe)(void *); };",
      "static void probe_a(void *d) { kfree(d); }",
      'static struct cls __attribute__((__used__)) __attribute__((__section__(".ref.data"))) event_class_a = { .reg = usb_stor_suspend, .probe = probe_a };',
      "struct __attribute__((packed)) packed_s { char c; int i; };",
      "int f(void) { return sizeof(struct packed_s); }",
    ].join("\n");
    expect(uses(src)).toEqual(["kfree", "usb_stor_suspend"]);
  });

  it("the module_init and module_exit functions are emitted even though static", () => {
    expect(
      uses("static int __init i(void) { return usb_stor_suspend(0); }\nstatic void __exit e(void) { kfree(0); }\nmodule_init(i);\nmodule_exit(e);"),
    ).toEqual(["kfree", "usb_stor_suspend"]);
  });

  it("asm operands referencing a global are uses", () => {
    expect(uses('extern unsigned long jiffies;\nint f(void) { unsigned long v; asm volatile("mov %1, %0" : "=r"(v) : "m"(jiffies)); return v; }')).toEqual([
      "jiffies",
    ]);
  });

  it("an asm template that calls a symbol by name uses it", () => {
    expect(uses('int f(void) { asm volatile("call __sw_hweight32" ::: "memory"); return 0; }')).toEqual(["__sw_hweight32"]);
  });

  it("an asm template is read with its escapes undone, so a call after a \\n\\t is a use (x86's ALTERNATIVE)", () => {
    expect(uses('int f(unsigned x) { unsigned r; asm ("771:\\n\\t" "call __sw_hweight32" "\\n772:\\n" : "=a"(r) : "D"(x)); return r; }')).toEqual([
      "__sw_hweight32",
    ]);
  });

  it("an asm template's %c operands of known value are written in, as put_user's call __put_user_%c[size] is", () => {
    expect(
      uses(
        'int f(int *p) { int r; asm volatile("call __put_user_%c[size]" : "=c"(r) : "0"(p), [size] "i"(sizeof(*p))); return r; }\n' +
          'int g(long *p, int n) { int r; asm volatile("call __get_user_%c1" : "=c"(r) : "i"(sizeof(*p))); asm("call __x_%c0" :: "i"(n)); return r; }',
      ),
    ).toEqual(["__get_user_8", "__put_user_4"]);
  });

  it("a static inline helper's calls are uses where the module calls the helper", () => {
    const m = moduleOf("static inline void put(void *p) { kfree(p); }\nint f(void *p)\n{\n\tput(p);\n\treturn 0;\n}" + LICENSE);
    expect(m.uses.filter((u) => u.file)).toMatchObject([{ symbol: "kfree", line: 4, via: "put" }]);
  });

  it("a use made by a chain of a header's inline functions names the whole chain and says so in its finding", () => {
    const files = {
      "helpers.h": "void gpl_thing(void);\nstatic inline void inner(void) { gpl_thing(); }\nstatic inline void outer(void) { inner(); }\n",
      "drv.c": '#include "helpers.h"\nint f(void)\n{\n\touter();\n\treturn 0;\n}\nMODULE_LICENSE("Proprietary");\n',
      "lib.c": 'void gpl_thing(void) { }\nEXPORT_SYMBOL_GPL(gpl_thing);\nMODULE_LICENSE("GPL");\n',
      load: "insmod lib.ko\ninsmod drv.ko\n",
    };
    const res = engine.runLoaded(files, { kernel: "6.12" });
    const chain = [
      { name: "outer", file: "helpers.h", line: 3 },
      { name: "inner", file: "helpers.h", line: 2 },
    ];
    const use = res.model.modules.find((m) => m.name === "drv")?.uses.find((u) => u.symbol === "gpl_thing");
    expect(use).toMatchObject({ file: "drv.c", line: 4, via: "outer", through: chain });
    const gplOnly = res.findings.find((f) => f.id === "MODPOST_GPL_ONLY");
    expect(gplOnly).toMatchObject({ file: "drv.c", line: 4, symbol: "gpl_thing", through: chain });
  });

  it("an inline function's __builtin_constant_p sees the call's constant argument", () => {
    const src = [
      "void *__kmalloc_noprof(unsigned long size, unsigned gfp);",
      "void *__kmalloc_large_noprof(unsigned long size, unsigned gfp);",
      "static __always_inline void *k(unsigned long size, unsigned gfp)",
      "{",
      "  if (__builtin_constant_p(size) && size > 8192) return __kmalloc_large_noprof(size, gfp);",
      "  if (!__builtin_constant_p(size)) return __kmalloc_noprof(size, gfp);",
      "  return 0;",
      "}",
      "void *f(void) { return k(64, 0); }",
    ].join("\n");
    expect(uses(src)).toEqual([]);
    expect(uses(src.replace("k(64, 0)", "k(65536, 0)"))).toEqual(["__kmalloc_large_noprof"]);
    expect(uses(src.replace("void *f(void) { return k(64, 0); }", "void *f(unsigned long n) { return k(n, 0); }"))).toEqual(["__kmalloc_noprof"]);
  });

  it("an inline function given a string literal reads its characters and length as constants (seq_puts)", () => {
    const src = [
      "struct seq_file;",
      "void __seq_puts(struct seq_file *m, const char *s);",
      "void seq_putc(struct seq_file *m, char c);",
      "void seq_write(struct seq_file *m, const void *data, unsigned long len);",
      "static __always_inline void seq_puts(struct seq_file *m, const char *s)",
      "{",
      "  if (!__builtin_constant_p(*s)) __seq_puts(m, s);",
      "  else if (s[0] && !s[1]) seq_putc(m, s[0]);",
      "  else seq_write(m, s, __builtin_strlen(s));",
      "}",
      "int f(struct seq_file *m) { seq_puts(m, CALLS); return 0; }",
    ].join("\n");
    expect(uses(src.replace("CALLS", '"hello\\n"'))).toEqual(["seq_write"]);
    expect(uses(src.replace("CALLS", '"x"'))).toEqual(["seq_putc"]);
    expect(uses(src.replace("seq_puts(m, CALLS)", 'seq_puts(m, "x"); seq_puts(m, "")'))).toEqual(["seq_putc", "seq_write"]);
    expect(uses(src.replace("struct seq_file *m) { seq_puts(m, CALLS)", "struct seq_file *m, const char *t) { seq_puts(m, t)"))).toEqual(["__seq_puts"]);
    expect(uses('int g(unsigned long n);\nint f(void) { return __builtin_constant_p(__builtin_strlen("abc")) ? 0 : g(__builtin_strlen("abc")); }')).toEqual([]);
  });

  it("a string literal's object size is its length and NUL, also through an inline parameter or an unchanged local (fortify's __member_size)", () => {
    const src = [
      "int g(int n);",
      "static inline unsigned long size1(const char *p) { return __builtin_object_size(p, 1); }",
      'int f(void) { const char *s = "abcd"; if (size1("abc") != 4 || __builtin_dynamic_object_size("ab", 0) != 3 || s[3] != 100 || s[4] != 0) g(1); return 0; }',
    ].join("\n");
    expect(uses(src)).toEqual([]);
    expect(uses(src.replace("!= 4", "!= 5"))).toEqual(["g"]);
  });

  it("a block-scope static scalar nothing changes keeps its initial value, const or not; one changed anywhere does not (checked with gcc-12 -O2)", () => {
    const src = "int g(int n);\nint f(void) { static const int a = 0; static int b = 0; if (a || b) g(1); return 0; }";
    expect(uses(src)).toEqual([]);
    expect(uses(src.replace("if (a || b)", "if (a || b) b = 2; if (b)"))).toEqual(["g"]);
    expect(uses(src.replace("return 0; }", "b++; return 0; }"))).toEqual(["g"]);
  });

  it("a const char array initialized from a string literal is read as that string, braced or not, static or not (fortify's __compiletime_strlen of a driver's name)", () => {
    const src = [
      "int g(int n);",
      'static const char name[] = "catc";',
      'const char braced[8] = { "ab" "c" };',
      "static inline unsigned long len(const char *p) { char *q = (char *)p; return __builtin_constant_p(*q) ? __builtin_strlen(q) : 99; }",
      "int f(void) { if (len(name) != 4 || len(braced) != 3 || __builtin_object_size(name, 1) != 5) g(1); return 0; }",
    ].join("\n");
    expect(uses(src)).toEqual([]);
    // gcc-12 -O2: the same with a writable array keeps the call
    expect(uses(src.replace("static const char name", "static char name").replace("len(braced) != 3 || ", ""))).toEqual(["g"]);
  });

  it("an array's object size is known as gcc knows it: a local or file-scope array, a member through a pointer unless it ends its struct (fortify's __member_size)", () => {
    const src = [
      "int g(int n);",
      "struct s { char name[16]; int n; union { char u[8]; int x; }; char tail[4]; };",
      "struct t { struct s in; int after; };",
      "static char table[32];",
      "static inline unsigned long size1(const void *p) { return __builtin_object_size(p, 1); }",
      "static inline unsigned long size0(const void *p) { return __builtin_dynamic_object_size(p, 0); }",
      "int f(struct s *p, struct t *q, struct s *r) { char buf[24]; const char *c = buf + 4;",
      "  if (size1(p->name) != 16 || size1(&p->name[3]) != 13 || size1(&p->n) != 4 || size1(p->u) != 8) g(1);",
      "  if (size1(buf) != 24 || size0(buf) != 24 || size1(c) != 20 || size1(table) != 32 || size1(&r[1].tail) != 4 || size1(q->in.tail) != 4) g(2);",
      "  if (size1(p->tail) != (unsigned long)-1 || size0(p->name) != (unsigned long)-1 || size1((*p).tail) != (unsigned long)-1) g(3);",
      "  return 0; }",
    ].join("\n");
    expect(uses(src)).toEqual([]);
    expect(uses(src.replace("size1(p->name) != 16", "size1(p->name) != 15"))).toEqual(["g"]);
    expect(uses(src.replace("size1(q->in.tail) != 4", "size1(q->in.tail) != 5"))).toEqual(["g"]);
  });

  it("a member's whole-object size (type 0) is what its declared object holds from the member's offset on: struct layout with alignment, packed, bit-fields and anonymous unions, as gcc 12 lays it out", () => {
    const src = [
      "int g(int n);",
      "struct s { char name[16]; int n; union { char u[8]; long x; }; char tail[4]; };",
      "struct t { int a; struct s in; short after; };",
      "struct pk { char c; int i; char d[3]; } __attribute__((packed));",
      "struct bf { int a : 3; int b : 7; char c[5]; };",
      "static struct t glob;",
      "static inline unsigned long size0(const void *p) { return __builtin_dynamic_object_size(p, 0); }",
      "static inline unsigned long size1(const void *p) { return __builtin_dynamic_object_size(p, 1); }",
      "int f(struct t *p) {",
      "  struct t v; struct pk k; struct bf b; struct t *q = &v;",
      "  if (sizeof(struct s) != 40 || sizeof(struct t) != 56) g(1);",
      "  if (size0(v.in.name) != 48 || size0(&v.in.n) != 32 || size0(v.in.u) != 24 || size0(v.in.tail) != 16 || size0(&v.after) != 8) g(2);",
      "  if (size0(k.d) != 3 || size0(&k.i) != 7 || size0(b.c) != 6 || size0(glob.in.tail) != 16) g(3);",
      "  if (size0(q->in.u) != 24 || size1(q->in.u) != 8) g(4);",
      "  if (size0(p->in.name) != (unsigned long)-1) g(5);",
      "  return 0; }",
    ].join("\n");
    // every figure as gcc-12 -O2 with kbuild's x86-64 flags folds it (no call of g remains)
    expect(uses(src)).toEqual([]);
    expect(uses(src.replace("size0(&v.in.n) != 32", "size0(&v.in.n) != 28"))).toEqual(["g"]);
    expect(uses(src.replace("size0(&k.i) != 7", "size0(&k.i) != 4"))).toEqual(["g"]);
    expect(uses(src.replace("size0(b.c) != 6", "size0(b.c) != 4"))).toEqual(["g"]);
    expect(uses(src.replace("size0(q->in.u) != 24", "size0(q->in.u) != 20"))).toEqual(["g"]);
  });

  it("__builtin_object_size of a choice between two objects of known sizes is the larger for types 0 and 1, the smaller for 2 and 3", () => {
    const src = [
      "int g(int n); void use(char *);",
      "void *alloc(unsigned long) __attribute__((alloc_size(1)));",
      "int f(int c, unsigned long n) {",
      '  const char *p = c ? "abc" : "abcdefg";',
      "  char a[10], b[20]; char *q = c ? a : b; char *r = c ? b : alloc(n); use(q);",
      "  if (__builtin_object_size(p, 0) != 8 || __builtin_object_size(p, 2) != 4) g(1);",
      "  if (__builtin_object_size(q, 1) != 20 || __builtin_object_size(q, 3) != 10) g(2);",
      "  if (__builtin_object_size(r, 0) != (unsigned long)-1) g(3);",
      "  return 0; }",
    ].join("\n");
    // as gcc-12 -O2 folds each (5.10's fortified strlcpy of `ext ? "Extension Unit" :
    // "Processing Unit"` so takes its strnlen path, in sound/usb/mixer.c)
    expect(uses(src)).toEqual(["alloc", "use"]);
    expect(uses(src.replace("!= 8 ||", "!= 4 ||"))).toEqual(["alloc", "g", "use"]);
    expect(uses(src.replace("!= 10) g(2)", "!= 20) g(2)"))).toEqual(["alloc", "g", "use"]);
  });

  it("a pointer assigned once keeps what it points to across gotos; `&p->m` is no address of p, `&p` is", () => {
    const src = [
      "int g(int n); void use(void *); void *alloc(unsigned long) __attribute__((alloc_size(1)));",
      "struct S2 { int a; char b[8]; };",
      "int f(int c) { struct S2 *p; if (c) goto out; p = alloc(sizeof(*p)); if (!p) goto out; use(&p->a); if (__builtin_object_size(p, 0) != 12) g(1); out: return 0; }",
    ].join("\n");
    // as gcc-12 -O2 folds it (uas.c's `iu = kzalloc(...); ... int_to_scsilun(..., &iu->lun)`)
    expect(uses(src)).toEqual(["alloc", "use"]);
    expect(uses(src.replace("use(&p->a)", "use(&p)"))).toEqual(["alloc", "g", "use"]);
    // an address taken after a cast (xt_TCPMSS's `nf_route(net, (struct dst_entry **)&rt, ...)`)
    expect(uses("int g(int n); void use(void *);\nint f(void) { int *p = 0; use((void *)&p); if (p) g(1); return 0; }")).toEqual(["g", "use"]);
  });

  it("a run-time index of a known largest value leaves a run-time size of a known least value", () => {
    const head = [
      "int g(int n); void *alloc(unsigned long) __attribute__((alloc_size(1)));",
      "struct pu { void *buf; long a[3]; };",
      "struct rtm { int x; struct pu urbs[8]; int y; };",
    ].join("\n");
    const loop = (test: string) =>
      `int f(void) { struct rtm *rt = alloc(sizeof(*rt)); int i; for (i = 0; i < 8; i++) if (__builtin_dynamic_object_size(&rt->urbs[i].a, 0) ${test}) g(1); return 0; }`;
    // gcc-12 and gcc-14 -O2: at least 32 bytes are left at urbs[7].a, so only the first test
    // folds (hiface's init_usb_anchor(&rt->out_urbs[i].submitted) in a loop of PCM_N_URBS)
    expect(uses(`${head}\n${loop("< sizeof(long[3])")}`)).toEqual(["alloc"]);
    expect(uses(`${head}\n${loop("< 40")}`)).toEqual(["alloc", "g"]);
    expect(
      uses(
        `${head}\nint f(int n) { struct rtm *rt = alloc(sizeof(*rt)); if (__builtin_dynamic_object_size(&rt->urbs[n].a, 0) < sizeof(long[3])) g(2); return 0; }`,
      ),
    ).toEqual(["alloc", "g"]);
  });

  it("a run-time offset into a member of a known size leaves __builtin_dynamic_object_size a run-time size, unknown to __builtin_object_size and to the unknown whole object", () => {
    const src = [
      "void g(void); void g2(void); void g3(void); void g4(void);",
      "struct m { char a[16]; int x; };",
      "struct o { int y; struct m mm; };",
      "void f(struct o *p, int off, unsigned long n) {",
      "  char *k = (char *)&p->mm;",
      "  if (__builtin_dynamic_object_size(k + off, 1) < n) g();",
      "  if (__builtin_object_size(k + off, 1) < n) g2();",
      "  if (__builtin_dynamic_object_size(&p->mm.a[off], 1) < n) g3();",
      "  if (__builtin_dynamic_object_size(k + off, 0) < n) g4();",
      "}",
    ].join("\n");
    // as gcc-12 -O2 with kbuild's x86-64 flags compiles it
    expect(uses(src)).toEqual(["g", "g3"]);
  });

  it("an allocator's alloc_size gives the object size: a constant one folds, a run-time one is __builtin_dynamic_object_size's (equal for both types, and for both types of a flexible array what is left of it) and unknown to __builtin_object_size", () => {
    const src = [
      "int g(int n);",
      "void *my_alloc(unsigned long n, int f) __attribute__((alloc_size(1)));",
      "void *my_array(unsigned long n, unsigned long size) __attribute__((alloc_size(1, 2)));",
      "static inline __attribute__((alloc_size(1))) void *my_zalloc(unsigned long n) { int unused = 0; return my_alloc(n, unused | 4); }",
      "struct flex { int a; char name[16]; unsigned char value[]; };",
      "int f(unsigned long n, unsigned long k) {",
      "  char *p = my_alloc(n, 0); char *q = my_array(3, 8); typeof(my_zalloc(n)) z = my_zalloc(n); struct flex *s = my_alloc(n, 0);",
      "  unsigned long a = __builtin_dynamic_object_size(p, 0), b = __builtin_dynamic_object_size(p, 1);",
      "  if (a != b || __builtin_dynamic_object_size(q, 1) != 24 || __builtin_object_size(q, 0) != 24) g(1);",
      "  if (__builtin_object_size(p, 0) != (unsigned long)-1 || __builtin_object_size(p, 2) != 0) g(2);",
      "  if (__builtin_dynamic_object_size(s->value, 0) != __builtin_dynamic_object_size(s->value, 1)) g(3);",
      "  if (CHECK < k) g(4);",
      "  return 0; }",
    ].join("\n");
    // as gcc-12 -O2 with kbuild's x86-64 flags compiles it: only a size known at run time leaves g(4)
    expect(uses(src.replace("CHECK", "(unsigned long)-1"))).toEqual(["my_alloc", "my_array"]);
    for (const runtime of [
      "a",
      "__builtin_dynamic_object_size(z, 0)",
      "__builtin_dynamic_object_size(s->value, 1)",
      "__builtin_dynamic_object_size(s->value, 0)",
      "__builtin_dynamic_object_size(p + k, 0)",
    ])
      expect(uses(src.replace("CHECK", runtime))).toEqual(["g", "my_alloc", "my_array"]);
  });

  it("an inline wrapper that returns an allocator's call with its own parameter has the allocator's alloc_size (devm_kzalloc of devm_kmalloc; gcc-12 -O2)", () => {
    const head = [
      "void p(void);",
      "void *my_alloc(void *dev, unsigned long n, int f) __attribute__((alloc_size(2)));",
      "static inline void *my_zalloc(void *dev, unsigned long size, int f) { return my_alloc(dev, size, f | 4); }",
    ];
    const f = (body: string): string[] =>
      uses(
        [...head, `int f(void *dev, unsigned long n, unsigned long m) { char *b = ${body}; if (__builtin_dynamic_object_size(b, 0) < m) p(); return 0; }`].join(
          "\n",
        ),
      );
    // the object is n bytes, which need not be m: the check stays
    expect(f("my_zalloc(dev, n, 0)")).toEqual(["my_alloc", "p"]);
    expect(f("my_zalloc(dev, m, 0)")).toEqual(["my_alloc"]);
    // a size the wrapper computes, or a wrapper that may also return NULL (devm_kmalloc_array's
    // overflow): the object it returns has a run-time size of its own, and the check stays
    const body =
      "int f(void *dev, unsigned long n, unsigned long m) { char *b = my_zalloc(dev, m, 0); if (__builtin_dynamic_object_size(b, 0) < m) p(); return 0; }";
    for (const wrapper of ["return my_alloc(dev, size + 1, f);", "if (f > 3) return (void *)0; return my_alloc(dev, size * 2, f);"])
      expect(uses([...head.slice(0, 2), `static inline void *my_zalloc(void *dev, unsigned long size, int f) { ${wrapper} }`, body].join("\n"))).toEqual([
        "my_alloc",
        "p",
      ]);
  });

  it("a pointer a loop moves (p++, p += n, its only other change one assignment) points into its object at a run-time offset there; in straight code its size is not followed (gcc-12 -O2)", () => {
    const head = "void g(int); void *my_alloc(unsigned long n) __attribute__((alloc_size(1)));\n";
    const f = (body: string): string[] => uses(`${head}int f(unsigned long n) { char *r = my_alloc(64), *p; int c = 0; if (!r) return 0; ${body} return c; }`);
    expect(f("for (p = r; c < n; c++) { if (__builtin_dynamic_object_size(p, 0) < 4) g(3); p++; }")).toEqual(["g", "my_alloc"]);
    expect(f("p = r; while (c < n) { if (__builtin_dynamic_object_size(p, 0) < 4) g(3); p += 5; c++; }")).toEqual(["g", "my_alloc"]);
    // before the loop, or moved by a constant in straight code, gcc knows the size: 64 and 63
    expect(f("p = r; if (__builtin_dynamic_object_size(p, 0) < 4) g(1); p++; if (__builtin_dynamic_object_size(p, 0) < 4) g(2);")).toEqual(["my_alloc"]);
    // given another object in the loop: the size is not the first object's
    expect(f("p = r; while (c < n) { if (__builtin_object_size(p, 0) != 64) g(4); p = r + c; c++; }")).toEqual(["g", "my_alloc"]);
  });

  it("an inline function named as a library one (fortify's memcmp) is read: its checks stay where the builtin inside is expanded in place", () => {
    const src = [
      "void panic_(void); void *my_alloc(unsigned long n) __attribute__((alloc_size(1)));",
      "extern inline __attribute__((gnu_inline, always_inline)) int memcmp(const void *p, const void *q, unsigned long size) {",
      "  if (__builtin_dynamic_object_size(p, 0) < size) panic_();",
      "  return __builtin_memcmp(p, q, size); }",
      "static const char head[4] = { 1, 2, 3, 4 };",
      "int f(unsigned long n) { char *r = my_alloc(n), *p; int c = 0; for (p = r; c < n; c++) { if (!memcmp(p, head, 4)) c++; p++; } return c; }",
    ].join("\n");
    expect(uses(src)).toEqual(["my_alloc", "panic_"]);
    // 5.10's fortified memcpy is an inline named memcpy too: where the builtin inside is
    // expanded depends on the length's bound, which expansions are not told apart by, so the
    // call decides as a memcpy's (a u8 length is expanded, a u16 one is not)
    const copy = [
      "void panic_(void);",
      "extern inline __attribute__((gnu_inline, always_inline)) void *memcpy(void *p, const void *q, unsigned long size) {",
      "  if (__builtin_object_size(p, 0) < size) panic_();",
      "  return __builtin_memcpy(p, q, size); }",
      "void g(char *d, const char *s, unsigned char n) { memcpy(d, s, n); }",
      "void f(char *d, const char *s, unsigned short n) { memcpy(d, s, n); }",
    ].join("\n");
    expect(uses(copy)).toEqual(["memcpy"]);
    expect(
      uses(
        src
          .replace("my_alloc(n), *p", "my_alloc(64), *p")
          .replace("for (p = r; c < n; c++) { if (!memcmp(p, head, 4)) c++; p++; }", "p = r; if (!memcmp(p, head, 4)) c++;"),
      ),
    ).toEqual(["my_alloc"]);
  });

  it("a pointer declared without a value and given one by a single plain assignment points to what that value points to from there on, where the assignment runs whenever the declaration does", () => {
    const src = [
      "int g(int n);",
      "void *my_alloc(unsigned long n, int f) __attribute__((alloc_size(1)));",
      "int f(unsigned long n, int c, unsigned long k) { char *p; char *q; char *r = 0; int i;",
      "  if (c) p = my_alloc(n, 0);",
      "  q = my_alloc(n + 1, 0);",
      "  for (i = 0; i < k; i++) { if (__builtin_dynamic_object_size(q, 0) < k) g(1); r = my_alloc(16, 0); }",
      "  if (__builtin_dynamic_object_size(p, 0) < k) g(2);",
      "  if (__builtin_dynamic_object_size(r, 0) < k) g(3);",
      "  return 0; }",
    ].join("\n");
    // as gcc-12 -O2 compiles it: only q's size is known (at run time); p's is undefined on one path, r's was 0's
    expect(uses(src)).toEqual(["g", "my_alloc"]);
    expect(uses(src.replace("g(1)", "(void)0"))).toEqual(["my_alloc"]);
  });

  it("a local given known values in the branches it runs through is at most the largest (an unset value adds none), not when a branch gives it an unknown one", () => {
    const decl = "void g(void); void g2(void); void g3(void);\n";
    expect(uses(decl + "int f(int fam) { int len; if (fam == 2) len = 4; else len = 16; if (len > 16) g(); return len; }")).toEqual([]);
    expect(uses(decl + "int f(int fam) { int len = 8; if (fam == 2) len = 40; if (len > 40) g2(); return len; }")).toEqual([]);
    expect(uses(decl + "int f(int fam, int n) { int len; if (fam == 2) len = 4; else len = n; if (len > 16) g3(); return len; }")).toEqual(["g3"]);
  });

  it("min(x, y) of values that cannot be negative is at most the bound of either (the kernel's __cmp), max(x, y) is not", () => {
    const src = [
      "void g2(void); void *memcpy(void *, const void *, unsigned long);",
      "#define min_t(type, x, y) ({ type __x = (x); type __y = (y); ((__x) < (__y) ? (__x) : (__y)); })",
      "#define max_t(type, x, y) ({ type __x = (x); type __y = (y); ((__x) > (__y) ? (__x) : (__y)); })",
      "void f(char *d, const char *s, unsigned int n) { unsigned int c = min_t(unsigned int, n, 64); memcpy(d, s, c); if (min_t(unsigned int, n, 10u) > 10) g2(); }",
    ].join("\n");
    // as gcc-12 -O2 with kbuild's x86-64 flags compiles it
    expect(uses(src)).toEqual([]);
    expect(uses(src.replace("unsigned int c = min_t", "unsigned int c = max_t"))).toEqual(["memcpy"]);
  });

  it("a `do { } while (0 && (c))` after a local's assignment (RCU_LOCKDEP_WARN without lockdep) is no loop: the local is still followed", () => {
    const src = "void g(void);\nint f(int n) { int v = 1; v = 2; do { } while (0 && (n)); if (v != 2) g(); return v; }";
    expect(uses(src)).toEqual([]);
    expect(uses(src.replace("{ } while (0 && (n))", "{ v++; } while (n--)"))).toEqual(["g"]);
  });

  it("a local clamped by `if (x > E) x = F;` is at most the larger of E and F after it (mem* of it expanded, comparisons with it folded), not where the clamp runs only on some paths", () => {
    const src = [
      "int g(int n); void *memcpy(void *, const void *, unsigned long);",
      "int f(char *d, const char *q, unsigned long n, unsigned long m, unsigned char c, int k) {",
      "  if (n > 32) n = 32;",
      "  memcpy(d, q, n);",
      "  if (n > 32 || n == 40 || c > 255 || !(c <= 255)) g(1);",
      "  if (k) { if (m >= 64) { m = 64; } }",
      "  memcpy(d, q, m);",
      "  return 0; }",
    ].join("\n");
    // as gcc-12 -O2 with kbuild's x86-64 flags compiles it: only the second memcpy is a call
    expect(uses(src)).toEqual(["memcpy"]);
    expect(uses(src.replace("if (k) { if (m >= 64) { m = 64; } }", "if (m >= 64) { m = 64; }"))).toEqual([]);
    expect(uses(src.replace("n = 32;", "n = 16;"))).toEqual(["memcpy"]);
    expect(uses(src.replace("n = 32;", "n = 48;"))).toEqual(["g", "memcpy"]);
  });

  it("a choice between a local and what the condition compares it with is bounded by the comparison (min() and min_t() of an unsigned value and a constant expand mem* in place, max() does not)", () => {
    const src = [
      "void *memcpy(void *, const void *, unsigned long);",
      "struct s { char st[64]; };",
      "#define MIN(a, b) ({ unsigned int x = (a), y = (b); COND; })",
      "void f(struct s *d, const char *q, unsigned int n, unsigned int m) { unsigned int k; k = MIN(n, sizeof(d->st)); memcpy(d->st, q, k); }",
    ].join("\n");
    // each as gcc-12 -O2 with kbuild's x86-64 flags compiles it
    for (const c of ["x < y ? x : y", "x > y ? y : x", "x <= y ? x : y", "x == y ? x : y", "x != y ? y : x"])
      expect(uses(src.replace("COND", c)), c).toEqual([]);
    for (const c of ["x > y ? x : y", "x < y ? y : x", "x < m ? x : m", "x != y ? x : y"]) expect(uses(src.replace("COND", c)), c).toEqual(["memcpy"]);
  });

  it("a local assigned inside a branch points where its value does and keeps its bound until the branch ends, a label or a loop body that assigns it again", () => {
    const sizes = [
      "void *my_alloc(unsigned long n) __attribute__((alloc_size(1))); void g(int);",
      "int f(unsigned long n, int c) { char *p = 0; if (c) { p = my_alloc(n + 8); if (__builtin_dynamic_object_size(p, 0) < n) g(1); } AFTER return p != 0; }",
    ].join("\n");
    // as gcc-12 compiles it: the size inside the branch is n + 8, unknown after the merge
    expect(uses(sizes.replace("AFTER", ""))).toEqual(["g", "my_alloc"]);
    expect(
      uses(sizes.replace("if (__builtin_dynamic_object_size(p, 0) < n) g(1); }", "} if (__builtin_dynamic_object_size(p, 0) < n) g(2);").replace("AFTER", "")),
    ).toEqual(["my_alloc"]);
    const bounds = [
      "void *memcpy(void *, const void *, unsigned long);",
      "void f(char *d, const char *q, unsigned int n, int c) { unsigned int k = 0; if (c) { k = n & 63; BODY } }",
    ].join("\n");
    expect(uses(bounds.replace("BODY", "memcpy(d, q, k);"))).toEqual([]);
    expect(uses(bounds.replace("BODY", "again: memcpy(d, q, k); if (k) { k = n; goto again; }"))).toEqual(["memcpy"]);
    expect(uses(bounds.replace("BODY", "while (c--) { memcpy(d, q, k); k = n; }"))).toEqual(["memcpy"]);
  });

  it("a pointer both branches of an if give an allocation points to one of a run-time size after it (alloc_hooks() of 7.3), as does one only the branch that goes on gives it, or one given again in straight-line code", () => {
    const src = [
      "void *my_alloc(unsigned long n) __attribute__((alloc_size(1))); void g(int); int e(void);",
      "int f(unsigned long n, unsigned long k) { char *r; if (e()) { r = my_alloc(n); } else { ELSE } if (__builtin_dynamic_object_size(r, 0) < k) g(1); return r != 0; }",
    ].join("\n");
    // each as gcc-12 -O2 with kbuild's x86-64 flags compiles it: g(1) stays where r's size is known at run time
    expect(uses(src.replace("ELSE", "r = my_alloc(n);"))).toEqual(["e", "g", "my_alloc"]);
    expect(uses(src.replace("ELSE", "return 0;"))).toEqual(["e", "g", "my_alloc"]);
    expect(uses(src.replace("ELSE", "r = (char *)e;"))).toEqual(["e", "my_alloc"]);
    const again =
      "void *my_alloc(unsigned long n) __attribute__((alloc_size(1))); void g(int);\nint f(unsigned long n, unsigned long k) { char *r = my_alloc(8); r = my_alloc(n); if (__builtin_dynamic_object_size(r, 0) < k) g(1); return r != 0; }";
    expect(uses(again)).toEqual(["g", "my_alloc"]);
  });

  it("a flexible array of an allocation sized at run time, a run-time offset on, has one size for both types wherever the same pointer is read again (fortify's __struct_size(p) and __member_size(p))", () => {
    const src = [
      "struct lsb { unsigned char size, pos; char data[]; };",
      "void *my_alloc(unsigned long) __attribute__((alloc_size(1))); void g(int);",
      "int f(unsigned n, unsigned long k) { struct lsb *l = my_alloc(8 + n); if (__builtin_dynamic_object_size(P, 0) != __builtin_dynamic_object_size(P, 1)) g(0); if (__builtin_dynamic_object_size(P, 0) < k) g(1); return l != 0; }",
    ].join("\n");
    // as gcc-12 and gcc-14 compile it: only the comparison with k stays
    for (const p of ["l->data", "l->data + k", "l->data + k * n"]) expect(uses(src.replaceAll("P", p)), p).toEqual(["g", "my_alloc"]);
  });

  it("a choice between two objects of different known sizes has a run-time size (__builtin_dynamic_object_size of it is no constant)", () => {
    const src = [
      "int g(int n);",
      "struct dev { int a; char name[16]; char alias[16]; int end; };",
      'int f(struct dev *d, int c, unsigned long k) { const char *s = d ? d->name : ""; const char *t = c ? d->name : d->alias;',
      "  if (__builtin_dynamic_object_size(t, 1) != 16) g(1); if (CHECK < k) g(2); return 0; }",
    ].join("\n");
    expect(uses(src.replace("CHECK", "(unsigned long)-1"))).toEqual([]);
    expect(uses(src.replace("CHECK", "__builtin_dynamic_object_size(s, 1)"))).toEqual(["g"]);
  });

  it("a string builtin gcc does not fold is a call of its library function: strncmp bounded past a literal's NUL is strcmp, a compare of 3 bytes or fewer is expanded, strcpy from a literal is a memcpy, strcat of one a strlen", () => {
    const decl =
      "int strcmp(const char *, const char *); int strncmp(const char *, const char *, unsigned long); char *strcpy(char *, const char *); char *strcat(char *, const char *);\n";
    // each as gcc-12 -O2 with kbuild's x86-64 flags compiles it
    expect(uses('int f(const char *s) { return __builtin_strlen(s) + __builtin_strlen("abc"); }')).toEqual(["strlen"]);
    expect(uses("int f(const void *s) { return __builtin_memchr(s, 0, 8) != 0; }")).toEqual(["memchr"]);
    expect(uses(decl + 'int f(const char *s) { return strncmp(s, "mangle", 7); }')).toEqual(["strcmp"]);
    // strstr and strpbrk of one character are strchr, of "" nothing; strchr and strrchr of
    // the NUL are s + strlen(s) (gcc-12 and gcc-14)
    const find =
      "char *strstr(const char *, const char *); char *strpbrk(const char *, const char *); char *strchr(const char *, int); char *strrchr(const char *, int);\n";
    const found = (e: string): string[] => uses(`${find}char *f(char *s, int c) { return ${e}; }`);
    expect(found('strstr(s, "x")')).toEqual(["strchr"]);
    expect(found('strpbrk(s, ",")')).toEqual(["strchr"]);
    expect(found('strstr(s, "") + (strpbrk(s, "") - s) + (strstr("abc", "b") - s) + (strchr("abc", 98) - s)')).toEqual([]);
    expect(found("strchr(s, 0)")).toEqual(["strlen"]);
    expect(found("strrchr(s, '\\0')")).toEqual(["strlen"]);
    expect(found('strstr(s, "xy")')).toEqual(["strstr"]);
    expect(found('strpbrk(s, ",;")')).toEqual(["strpbrk"]);
    expect(found("strchr(s, c) + (strrchr(s, 47) - s)")).toEqual(["strchr", "strrchr"]);
    expect(uses(decl + 'int f(const char *s) { return strncmp(s, "mangle", 6); }')).toEqual(["strncmp"]);
    expect(uses(decl + 'int f(const char *s) { return strncmp(s, "mangle", 3) + strncmp(s, "ms", 2) + strcmp(s, "ab"); }')).toEqual([]);
    expect(uses(decl + 'int f(const char *s) { return strcmp(s, "abc") + strcmp("x", "y"); }')).toEqual(["strcmp"]);
    expect(uses(decl + 'int f(char *d) { strcpy(d, "hello world"); strcat(d, "xy"); return 0; }')).toEqual(["strlen"]);
    expect(uses(decl + "int f(char *d, const char *s) { strcpy(d, s); strcat(d, s); return 0; }")).toEqual(["strcat", "strcpy"]);
  });

  it("memcmp of a constant length is expanded only while gcc compares it in at most four pieces of 8, 4, 2 and 1 bytes", () => {
    const src = "int memcmp(const void *, const void *, unsigned long);\nint f(const void *a, const void *b) { return !memcmp(a, b, N); }";
    for (const n of [1, 7, 15, 24, 32]) expect(uses(src.replace("N", String(n)))).toEqual([]);
    for (const n of [23, 31, 33, 560]) expect(uses(src.replace("N", String(n)))).toEqual(["memcmp"]);
  });
  it("memmove is folded only where one register holds it (1, 2, 4 or 8 bytes); any other length stays a call, the bytes may overlap (gcc-12 and gcc-14, hid-asus)", () => {
    const src = "void *memmove(void *, const void *, unsigned long);\nvoid f(char *p, int o) { memmove(p + o + 4, p + o + 2, N); }";
    for (const n of [0, 1, 2, 4, 8]) expect(uses(src.replace("N", String(n)))).toEqual([]);
    for (const n of [3, 12, 16, 24]) expect(uses(src.replace("N", String(n)))).toEqual(["memmove"]);
    expect(uses("void *memmove(void *, const void *, unsigned long);\nvoid f(char *p, unsigned char n) { memmove(p, p + 1, n & 3); }")).toEqual(["memmove"]);
    // gcc turns it into a memcpy where it proves the two ranges apart (x->a and x->b, p and
    // p + 20 for 12 bytes), which the engine does not follow: a call, as the conservative answer
    expect(
      uses("struct s { char a[32]; char b[32]; };\nvoid *memmove(void *, const void *, unsigned long);\nvoid f(struct s *x) { memmove(x->a, x->b, 12); }"),
    ).toEqual(["memmove"]);
  });

  it("__is_constexpr of a value gcc knows only by folding (a local, an inline call, x * 0) is 0, of a constant expression 1", () => {
    const src = [
      "int g(int n); int h(void);",
      "#define __is_constexpr(x) (sizeof(int) == sizeof(*(8 ? ((void *)((long)(x) * 0l)) : (int *)8)))",
      "static inline int three(void) { return 3; }",
      "int f(void) { int n = 3; if (__is_constexpr(n) || __is_constexpr(h()) || __is_constexpr(three())) g(1); if (!__is_constexpr(4 * 2) || !__is_constexpr(sizeof(n))) g(2); return 0; }",
    ].join("\n");
    expect(uses(src)).toEqual([]);
    expect(uses(src.replace("__is_constexpr(4 * 2)", "__is_constexpr(n * 2)"))).toEqual(["g"]);
  });

  it("a file-scope array of unknown bound takes its length from its initializer (sizeof and object size of it are known)", () => {
    const src = [
      "int g(int n);",
      "static const unsigned char prefix[] = { 0x03, 0x00, };",
      'static const char name[] = "abc";',
      "static const int grid[][2] = { { 1, 2 }, { 3, 4 }, { 5, 6 } };",
      "static const int sparse[] = { [4] = 1 };",
      "int f(void) { if (sizeof(prefix) != 2 || sizeof(name) != 4 || sizeof(grid) != 24 || __builtin_object_size(prefix, 0) != 2) g(1); return __builtin_constant_p(sizeof(sparse)) ? 0 : g(2); }",
    ].join("\n");
    expect(uses(src)).toEqual([]);
    expect(uses(src.replace("sizeof(grid) != 24", "sizeof(grid) != 16"))).toEqual(["g"]);
  });

  it("a block-scope array of unknown bound takes its length from its initializer, static or automatic (sizeof and object size of it are known)", () => {
    const src = [
      "int g(int n); int h(const void *p);",
      'int f(void) { static const unsigned char seq[] = { 0x00, 0x0b, 0x14, }; char name[] = "abcd";',
      "  if (sizeof(seq) != 3 || __builtin_dynamic_object_size(seq, 0) != 3 || sizeof(name) != 5 || __builtin_object_size(name, 1) != 5) g(1); return h(name); }",
    ].join("\n");
    // as gcc-12 -O2 compiles it (the automatic array's address escapes: the stack guard)
    expect(uses(src)).toEqual(["h"]);
    expect(uses(src.replace("sizeof(seq) != 3", "sizeof(seq) != 4"))).toEqual(["g", "h"]);
  });

  it("a local changed in straight-line code keeps its value past a do { } while (0) (a macro's statement) and past a loop that does not change it, not past one that does", () => {
    const src = [
      "int g(int n); void g0(void); int g1(void);",
      "static inline int h(int n) { int ret; ret = n + 1; do { g0(); } while (0); if (ret != 4) g(ret); return ret; }",
      "int f(void) { return h(3); }",
    ].join("\n");
    // gcc-12 -O2 folds the test unless the loop changes ret
    expect(uses(src)).toEqual(["g0"]);
    expect(uses(src.replace("while (0)", "while (g1())"))).toEqual(["g0", "g1"]);
    expect(uses(src.replace("do { g0(); } while (0)", "do { g0(); ret += g1(); } while (g1())"))).toEqual(["g", "g0", "g1"]);
    expect(uses(src.replace("do { g0(); } while (0)", "while (g1()) ret++"))).toEqual(["g", "g1"]);
    expect(uses(src.replace("do { g0(); } while (0)", "for (;;) { if (g1()) break; g0(); }"))).toEqual(["g0", "g1"]);
  });

  it("__builtin_mul_overflow of constants folds and stores its product, so kmalloc_array's size is a constant", () => {
    const src = [
      "int g(unsigned long n);",
      "static inline unsigned long size_mul(unsigned long a, unsigned long b) { unsigned long bytes; if (__builtin_mul_overflow(a, b, &bytes)) return -1UL; return bytes; }",
      "int f(void) { if (__builtin_constant_p(size_mul(4, 8)) && size_mul(4, 8) == 32) return 0; return g(size_mul(4, 8)); }",
    ].join("\n");
    expect(uses(src)).toEqual([]);
    expect(uses(src.replace("== 32", "== 33"))).toEqual(["g"]);
    expect(uses(src.replace("__builtin_mul_overflow(a, b, &bytes)", "__builtin_add_overflow(a, b, &bytes)").replace("== 32", "== 12"))).toEqual([]);
  });

  it("an inline function's pointer parameter given a function calls it directly (kref_put's release), with no retpoline thunk", () => {
    const src = [
      "struct kref { int n; };",
      "int dec(struct kref *k);",
      "static inline int put(struct kref *k, void (*release)(struct kref *)) { if (dec(k)) { release(k); return 1; } return 0; }",
      "void done(struct kref *k);",
      "int f(struct kref *k) { return put(k, done); }",
    ].join("\n");
    const thunks = (m: ModelModule): string[] => m.uses.filter((u) => u.symbol.startsWith("__x86_indirect_thunk")).map((u) => u.symbol);
    expect(uses(src)).toEqual(["dec", "done"]);
    expect(thunks(moduleOf(src + LICENSE))).toEqual([]);
    expect(thunks(moduleOf(src.replace("put(k, done)", "put(k, (void (*)(struct kref *))k)") + LICENSE))).toEqual(["__x86_indirect_thunk_rax"]);
  });

  it("an inline function's constant result decides the caller's branch", () => {
    const src = "static inline int off(void) { return 0; }\nint f(void *p) { if (off()) kfree(p); return 0; }";
    expect(uses(src)).toEqual([]);
  });

  it("__builtin_choose_expr keeps only the side its constant picks", () => {
    expect(uses("int f(void *p) { return __builtin_choose_expr(1, 0, usb_stor_suspend(p)) + __builtin_choose_expr(0, kfree(p), 1); }")).toEqual([]);
  });

  it("memcpy and memset of a length gcc knows to be at most 8 KiB are expanded in place: an unsigned char widened, a mask, a remainder, a sum of such, through a local or an inline parameter", () => {
    const src = [
      "void *memcpy(void *, const void *, unsigned long); void *memset(void *, int, unsigned long);",
      "struct b { unsigned char len; unsigned short w; };",
      "static inline void cp(void *d, const void *s, unsigned long n) { memcpy(d, s, n); }",
      "void f(void *d, const void *s, struct b *p, unsigned long n) { const unsigned long k = (unsigned long)(n % 100); memcpy(d, s, LEN); }",
    ].join("\n");
    // each as gcc-12 -O2 with kbuild's x86-64 flags compiles it
    for (const len of ["p->len", "p->len + 1", "n & 0xff", "n & 0x1fff", "k", "(unsigned char)n"]) expect(uses(src.replace("LEN", len)), len).toEqual([]);
    for (const len of ["p->w", "n & 0x3fff", "n"]) expect(uses(src.replace("LEN", len)), len).toEqual(["memcpy"]);
    expect(uses(src.replace("memcpy(d, s, LEN)", "cp(d, s, p->len)"))).toEqual([]);
    expect(uses(src.replace("memcpy(d, s, LEN)", "cp(d, s, p->w)"))).toEqual(["memcpy"]);
    expect(uses(src.replace("memcpy(d, s, LEN)", "memset(d, 0, p->len)"))).toEqual([]);
    // k - x of an x between 0 and k is between 0 and k; of a larger x it may wrap
    expect(uses(src.replace("memcpy(d, s, LEN)", "memset(d, 0, 16 - (n & 15))"))).toEqual([]);
    expect(uses(src.replace("memcpy(d, s, LEN)", "memset(d, 0, 16 - (n & 31))"))).toEqual(["memset"]);
    // a local keeps the bound of what it is assigned, in straight code or joined with the one before
    expect(uses(src.replace("memcpy(d, s, LEN);", "unsigned int c; c = n & 63; memcpy(d, s, c);"))).toEqual([]);
    expect(uses(src.replace("memcpy(d, s, LEN);", "unsigned int c = 8; if (p) c = n & 0xff; memcpy(d, s, c);"))).toEqual([]);
    expect(uses(src.replace("memcpy(d, s, LEN);", "unsigned int c = 8; if (p) c = n; memcpy(d, s, c);"))).toEqual(["memcpy"]);
    const ranged = "int len; if (n == 2) len = 4; else len = 16; if (16 > len) memset((char *)d + len, 0, sizeof(long[2]) - len);";
    expect(uses(src.replace("memcpy(d, s, LEN);", ranged))).toEqual([]);
  });

  it("a length bounded by strnlen(), by a test that leaves, or by k - x - 1 is expanded in place; a bound only a test gives is not the length's own (checked with gcc-12 -O2)", () => {
    const f = (body: string): string[] =>
      uses(
        'void *memcpy(void *, const void *, unsigned long);\nunsigned long my_strnlen(const char *, unsigned long) __asm__("strnlen");\n' +
          "void __fortify_panic(int) __attribute__((__noreturn__));\n" +
          `unsigned long f(const char *q, char *p) { ${body} memcpy(p, q, c); return c; }`,
      );
    // strnlen(s, n) is at most n, but not through another name (fortify's __real_strnlen)
    expect(f("unsigned long c = __builtin_strnlen(q, 32);")).toEqual(["strnlen"]);
    expect(f("unsigned long c = my_strnlen(q, 32);")).toEqual(["memcpy", "strnlen"]);
    expect(f("unsigned long c = my_strnlen(q, 32); if (32 <= c) __fortify_panic(1);")).toEqual(["__fortify_panic", "memcpy", "strnlen"]);
    // a value computed after the test has its bound: 80 - pl - 1 of a pl below 80
    expect(f("unsigned long pl = my_strnlen(p, 80), c; if (pl >= 80) return 0; c = 80 - pl - 1;")).toEqual(["strnlen"]);
    expect(f("unsigned long pl = __builtin_strnlen(p, 80), c; if (80 <= pl) return 0; c = 80 - pl - 1;")).toEqual(["strnlen"]);
    // x > E as fortify's strnlen tests it, `E <= x && E != x`; and a join after the test
    expect(f("unsigned long c = my_strnlen(q, 40); if (32 <= c && 32 != c) __fortify_panic(1); if (*p) c = 70;")).toEqual(["__fortify_panic", "strnlen"]);
    expect(f("unsigned long c = my_strnlen(q, 40); if (32 <= c) __fortify_panic(1);")).toEqual(["__fortify_panic", "memcpy", "strnlen"]);
  });

  it("a bound holds in a narrower local it fits, and across a loop that does not change the local (a do-while(0) is no loop) (checked with gcc-12 -O2)", () => {
    const f = (body: string): string[] =>
      uses(`void *memset(void *, int, unsigned long);\nvoid g(int);\nint g2(unsigned);\nvoid f(char *d, unsigned long n, int v) { ${body} }`);
    expect(f("unsigned int c = n & 63; memset(d, 0, c);")).toEqual([]);
    expect(f("unsigned int c = 0; if (v) { c = n & 63; memset(d, 0, c); }")).toEqual([]);
    expect(f("unsigned int c; if (v) { c = n & 63; do { g(v); } while (0); memset(d, 0, c); }")).toEqual(["g"]);
    expect(f("unsigned int c; if (v) { c = n & 63; while (v--) g(v); memset(d, 0, c); }")).toEqual(["g"]);
    expect(f("unsigned int c; if (v) { c = n & 63; while (v--) c += 1; memset(d, 0, c); }")).toEqual(["memset"]);
    expect(f("unsigned int c; if (v) { c = n & 63; do { g(v); } while (g2(c++)); memset(d, 0, c); }")).toEqual(["g", "g2", "memset"]);
    expect(f("unsigned int c, i; for (i = 0; i < n; i += c) { c = d[i] & 31; if (!c) break; memset(d + i, 0, c); }")).toEqual([]);
  });

  it("a local the condition of an if bounds is bounded in its then-branch: what is computed from it expands in place, the local itself does not (checked with gcc-12 -O2)", () => {
    const f = (body: string): string[] => uses(`void *memset(void *, int, unsigned long);\nvoid f(char *d, unsigned long n, long w) { ${body} }`);
    expect(f("if (n < 16) memset(d, 0, n);")).toEqual(["memset"]);
    expect(f("if (n < 16) memset(d, 0, 16 - n - 1);")).toEqual([]);
    expect(f("if (n <= 15) memset(d + n, 0, 15 - n);")).toEqual([]);
    // a signed one only where the condition also says it is not negative
    expect(f("if (w >= 0 && w < 16) memset(d, 0, 16 - w - 1);")).toEqual([]);
    expect(f("if (w < 16) memset(d, 0, 16 - w - 1);")).toEqual(["memset"]);
    expect(f("if (n < 16 && w) memset(d, 0, 16 - n); else memset(d, 1, n);")).toEqual(["memset"]);
    // strscpy_pad() as include/linux/string.h defines it
    const pad =
      "long sized_strscpy(char *, const char *, unsigned long);\n" +
      "#define strscpy_pad(dst, src, count) ({ char *__dst = (dst); const char *__src = (src); const unsigned long __count = (count); long __wrote; " +
      "__wrote = sized_strscpy(__dst, __src, __count); if (__wrote >= 0 && __wrote < __count) memset(__dst + __wrote + 1, 0, __count - __wrote - 1); __wrote; })\n";
    expect(uses(`void *memset(void *, int, unsigned long);\n${pad}void g(char *d, const char *s) { strscpy_pad(d, s, 16); }`)).toEqual(["sized_strscpy"]);
  });

  it("fortify's strlcat() into a member from a member of known size copies in place (ALSA's card->longname)", () => {
    const src = [
      "typedef unsigned long size_t;",
      "void *memcpy(void *, const void *, size_t);",
      'extern size_t __real_strnlen(const char *, size_t) __asm__("strnlen");',
      "void __fortify_panic(int, size_t, size_t) __attribute__((__noreturn__));",
      "static inline __attribute__((__always_inline__)) size_t fstrnlen(const char *p, size_t maxlen)",
      "{",
      "\tconst size_t p_size = __builtin_dynamic_object_size(p, 1);",
      "\tsize_t ret;",
      "\tret = __real_strnlen(p, maxlen < p_size ? maxlen : p_size);",
      "\tif (p_size <= ret && maxlen != ret)",
      "\t\t__fortify_panic(1, p_size, ret + 1);",
      "\treturn ret;",
      "}",
      "static inline __attribute__((__always_inline__)) size_t fstrlen(const char *p)",
      "{",
      "\tconst size_t p_size = __builtin_dynamic_object_size(p, 1);",
      "\tsize_t ret;",
      "\tif (p_size == (size_t)-1)",
      "\t\treturn __builtin_strlen(p);",
      "\tret = fstrnlen(p, p_size);",
      "\tif (p_size <= ret)",
      "\t\t__fortify_panic(2, p_size, ret + 1);",
      "\treturn ret;",
      "}",
      "static inline __attribute__((__always_inline__)) size_t fstrlcat(char *p, const char *q, size_t avail)",
      "{",
      "\tconst size_t p_size = __builtin_dynamic_object_size(p, 1);",
      "\tsize_t p_len, copy_len, actual, wanted;",
      "\tp_len = fstrnlen(p, avail);",
      "\tcopy_len = __builtin_choose_expr(1, fstrlen(q), 0);",
      "\twanted = actual = p_len + copy_len;",
      "\tif (avail <= p_len)",
      "\t\treturn wanted;",
      "\tif (actual >= avail) {",
      "\t\tcopy_len = avail - p_len - 1;",
      "\t\tactual = p_len + copy_len;",
      "\t}",
      "\tif (p_size <= actual)",
      "\t\t__fortify_panic(3, p_size, actual + 1);",
      "\tmemcpy(p + p_len, q, copy_len);",
      "\tp[actual] = 0;",
      "\treturn wanted;",
      "}",
      "struct card { char shortname[32]; char longname[80]; };",
      "size_t f(struct card *c)",
      "{",
      "\treturn fstrlcat(c->longname, c->shortname, sizeof(c->longname));",
      "}",
    ].join("\n");
    expect(uses(src)).toEqual(["__fortify_panic", "strnlen"]);
  });

  it("memcpy with a constant length is expanded in place; with a variable length it is a call", () => {
    expect(uses("void *memcpy(void *, const void *, unsigned long);\nvoid f(char *d, const char *s) { memcpy(d, s, 16); __builtin_memset(d, 0, 8); }")).toEqual(
      [],
    );
    expect(
      uses(
        "void *memcpy(void *, const void *, unsigned long);\nvoid f(char *d, const char *s, unsigned long n) { memcpy(d, s, n); __builtin_memset(d, 0, n); }",
      ),
    ).toEqual(["memcpy", "memset"]);
  });

  it("statement expressions and compound literals contribute their uses; their locals do not", () => {
    expect(
      uses(
        "struct ops { void *fn; };\nint f(void *p) { int r = ({ int kfree = 2; usb_stor_suspend(p); kfree; }); const struct ops *o = &(struct ops){ .fn = usb_stor_resume }; return r + !!o; }",
      ),
    ).toEqual(["usb_stor_resume", "usb_stor_suspend"]);
  });

  it("a cleanup attribute calls its function when the variable goes out of scope", () => {
    expect(uses("static inline void free_it(void **p) { kfree(*p); }\nint f(void) { void *x __attribute__((__cleanup__(free_it))) = 0; return !!x; }")).toEqual(
      ["kfree"],
    );
  });

  it("a block-scope extern declaration refers to the global", () => {
    expect(uses("int f(void) { extern unsigned long jiffies; return jiffies; }")).toEqual(["jiffies"]);
  });

  it("an exported symbol's definition is emitted and its uses count, even when static", () => {
    expect(uses("static int toy_get(void) { return usb_stor_suspend(0); }\nEXPORT_SYMBOL(toy_get);")).toEqual(["usb_stor_suspend"]);
  });

  it("a function pointer stored in an emitted object is a use and keeps its static target", () => {
    expect(
      uses("static void cb(void *p) { kfree(p); }\nstruct ops { void (*f)(void *); void *g; };\nconst struct ops o = { .f = cb, .g = usb_stor_suspend };"),
    ).toEqual(["kfree", "usb_stor_suspend"]);
  });
});

describe("a preprocessed translation unit", () => {
  const HEADER = [
    '# 0 "drv.c"',
    '# 1 "include/linux/slab.h" 1',
    "void kfree(const void *);",
    "static inline __attribute__((__gnu_inline__)) __attribute__((__no_instrument_function__)) void free_it(void *p) { kfree(p); }",
    "extern struct module __this_module;",
    '# 2 "drv.c" 2',
  ];

  it("attributes header tokens to the header and the helper's use to the call in the driver", () => {
    const m = moduleOf([...HEADER, "void f(void *p)", "{", "\tfree_it(p);", "}"].join("\n") + "\n", "drv");
    const kfree = m.uses.find((u) => u.symbol === "kfree");
    expect(kfree).toMatchObject({ file: "drv.c", line: 4, via: "free_it" });
  });

  it("lists the symbols gcc adds for kbuild's flags, without a place in the source", () => {
    const m = moduleOf(
      [...HEADER, "int f(void *p)", "{", "\tchar buf[8];", "\tvoid (*fn)(void *) = p;", "\tfn(buf);", "\treturn 0;", "}"].join("\n") + "\n",
      "drv",
    );
    const symbols = m.uses.map((u) => u.symbol).sort();
    expect(symbols).toEqual(["__fentry__", "__stack_chk_fail", "__x86_indirect_thunk_rax", "__x86_return_thunk"]);
    expect(m.uses.find((u) => u.symbol === "__fentry__")?.line ?? 0).toBe(0);
  });

  it("a guarded function reads the canary through __ref_stack_chk_guard on kernels from 6.14 (arch/x86/Makefile's -mstack-protector-guard-symbol), not before", async () => {
    const src =
      '#include <linux/module.h>\nvoid g(int *p);\nint f(void) { int x; g(&x); return x; }\nint h(void) { return 0; }\nEXPORT_SYMBOL(f);\nEXPORT_SYMBOL(h);\nMODULE_LICENSE("GPL");\n';
    const symbols = async (kernel: string, text: string): Promise<string[]> =>
      (await engine.run({ "m.c": text }, { kernel })).model.modules[0].uses
        .filter((u) => u.symbol.startsWith("__stack_chk") || u.symbol === "__ref_stack_chk_guard")
        .map((u) => u.symbol)
        .sort();
    expect(await symbols("7.3", src)).toEqual(["__ref_stack_chk_guard", "__stack_chk_fail"]);
    expect(await symbols("7.3", src.replace("int x; g(&x); return x;", "return 1;"))).toEqual([]);
    expect(await symbols("6.12", src)).toEqual(["__stack_chk_fail"]);
    await engine.useProfileFor("6.12");
  });

  /** The calls of g, g2, ... left in module m.c on `kernel`. */
  const callsOfG = async (src: string, kernel: string): Promise<string[]> =>
    (await engine.run({ "m.c": src }, { kernel })).model.modules[0].uses
      .map((u) => u.symbol)
      .filter((u) => /^g\d?$/.test(u))
      .sort();

  it("an array that may run past its bound has the whole object's size from it where that is known, and its declared size deeper than one record below the pointer (gcc 12's addr_object_size)", async () => {
    const src = [
      "#include <linux/module.h>",
      "void g(void); void g2(void); void g3(void); void g4(void); void g5(void);",
      "void *my_alloc(unsigned long n) __attribute__((alloc_size(1)));",
      "struct m { int n; char tail[8]; };",
      "struct u { int n; char tail[]; };",
      "struct w { long a; struct m in; };",
      "union un { struct m x; long y; };",
      "struct v { long a; union un u; };",
      "struct z { long a; union { char tail[8]; long b; }; };",
      "struct m *k1; struct u *k2;",
      "void f(struct w *r, struct v *s, struct z *t) {",
      "  struct m *p = my_alloc(sizeof(*p) + 4); struct u *q = my_alloc(sizeof(*q) + 16);",
      "  if (__builtin_object_size(p->tail, 1) != 12) g();",
      "  if (__builtin_object_size(q->tail, 1) != 16) g2();",
      "  if (__builtin_object_size(r->in.tail, 1) != 8) g3();",
      "  if (__builtin_object_size(s->u.x.tail, 1) != 8) g4();",
      "  if (__builtin_object_size(t->tail, 1) != (unsigned long)-1) g5();",
      "  k1 = p; k2 = q;",
      "}",
      "EXPORT_SYMBOL(f);",
      'MODULE_LICENSE("GPL");',
    ].join("\n");
    const calls = (kernel: string) => callsOfG(src, kernel);
    // gcc-12 -O2 folds each; gcc-14 with -fstrict-flex-arrays=3 sizes p->tail and t->tail by
    // their declarations (8)
    expect(await calls("6.12")).toEqual([]);
    expect(await calls("7.3")).toEqual(["g", "g5"]);
    await engine.useProfileFor("6.12");
  });

  it("an array that ends a record reached through a pointer has its declared size with -fstrict-flex-arrays=3 (gcc 14, Debian's kernels from 6.16), none before", async () => {
    const src = [
      "#include <linux/module.h>",
      "void g(void); void g2(void); void g3(void);",
      "struct m { int n; char tail[8]; };",
      "struct z { int n; char tail[0]; };",
      "struct u { int n; char tail[]; };",
      "void f(struct m *p, struct z *q, struct u *r) {",
      "  if (__builtin_object_size(p->tail, 1) != 8) g();",
      "  if (__builtin_object_size(q->tail, 1) != 0) g2();",
      "  if (__builtin_object_size(r->tail, 1) != (unsigned long)-1) g3();",
      "}",
      "EXPORT_SYMBOL(f);",
      'MODULE_LICENSE("GPL");',
    ].join("\n");
    const calls = (kernel: string) => callsOfG(src, kernel);
    // gcc-12 -O2 and gcc-14 -O2 -fstrict-flex-arrays=3 fold each so
    expect(await calls("6.12")).toEqual(["g", "g2"]);
    expect(await calls("7.3")).toEqual([]);
    await engine.useProfileFor("6.12");
  });

  /** Whether -fstack-protector-strong guards the module's function `f` (gcc 12 -O2 decides
   *  the same for each of these). */
  const guarded = (body: string): boolean =>
    moduleOf([...HEADER, "void g(int *p);", "int g2(int v);", "void *h2(int n);", "struct S { int a; int b; };", body].join("\n") + "\n", "drv").uses.some(
      (u) => u.symbol === "__stack_chk_fail",
    );

  it("guards a function whose local is given to a mem* call gcc expands at RTL, not to one it folds into a load and a store first", () => {
    const mem =
      "void *memset(void *, int, unsigned long); void *memcpy(void *, const void *, unsigned long);\nunion U { int ul; struct { int id : 4; int sensor : 8; } s; };\n";
    // amd_sfh's memset of a union whose bit-fields it then sets; a struct filled in part or by
    // a memcpy of a length no register moves
    expect(guarded(mem + "int f(int i) { union U c; memset(&c, 0, sizeof(c)); c.s.id = 3; c.s.sensor = i; return c.ul; }")).toBe(true);
    expect(guarded(mem + "int f(int i) { struct S c; memset(&c, 0, sizeof(c)); c.a = i; return c.a + c.b; }")).toBe(true);
    expect(guarded(mem + "int f(const void *p) { struct S c; c.b = 1; memcpy(&c, p, 3); return c.a + c.b; }")).toBe(true);
    expect(guarded(mem + "int f(const void *p) { int c[2]; memcpy(&c, p, 3); return c[0]; }")).toBe(true);
    // 1, 2, 4 or 8 bytes by memcpy, a memset of a whole integer: plain loads and stores
    expect(guarded(mem + "int f(const void *p) { struct S c; c.b = 1; memcpy(&c, p, 4); return c.a + c.b; }")).toBe(false);
    expect(guarded(mem + "int f(int i) { long c; memset(&c, 0, sizeof(c)); return c + i; }")).toBe(false);
    expect(guarded(mem + "int f(int i) { union U c; c.ul = 0; c.s.id = 3; c.s.sensor = i; return c.ul; }")).toBe(false);
    // gcc drops a memset whose every byte is stored again before it is read (dead-store
    // elimination), its address with it; the reader does not: guarded, as the conservative answer
    expect(guarded(mem + "int f(int i) { struct S c; memset(&c, 0, sizeof(c)); c.a = i; c.b = 3; return c.a + c.b; }")).toBe(true);
  });

  it("guards a function whose local's address escapes to a call, directly, through a pointer or an inline helper", () => {
    expect(guarded("int f(void) { int x; g(&x); return x; }")).toBe(true);
    expect(guarded("int f(void) { int x; int *p = &x; g(p); return x; }")).toBe(true);
    expect(guarded("int f(void) { int x, *p; p = &x; g(p); return x; }")).toBe(true);
    expect(guarded("static inline void h(int *p) { g(p); }\nint f(void) { int x; h(&x); return x; }")).toBe(true);
    expect(guarded("int f(void) { struct S v; struct S *q = &v; q->a = 1; g(&q->b); return v.a; }")).toBe(true);
  });

  it("does not guard a function whose local's address is only compared, dereferenced or read by an inline helper", () => {
    // typecheck(): ({ type __dummy; typeof(x) __dummy2; (void)(&__dummy == &__dummy2); 1; })
    expect(guarded("int f(unsigned long t) { return ({ unsigned long __d; typeof(t) __d2; (void)(&__d == &__d2); 1; }) && t > 3; }")).toBe(false);
    expect(guarded("int f(void) { int x; int *p = &x; *p = 2; return x; }")).toBe(false);
    expect(guarded("static inline int h(int *p) { return *p + 1; }\nint f(int n) { int x = n; return h(&x); }")).toBe(false);
    expect(guarded("int f(void) { struct S v; struct S *q = &v; q->a = 1; return q->a + v.b; }")).toBe(false);
  });

  it("does not guard a local array indexed only by constants (gcc's SRA makes its elements scalars), whatever its size", () => {
    expect(guarded("int f(const unsigned char *k) { unsigned char pg[2] = { k[0] >> 4, k[0] & 0xf }; return g2(pg[0]) + g2(pg[1]); }")).toBe(false);
    expect(guarded("int f(int n) { int a[600]; a[5] = g2(n); a[599] = g2(5); return a[5] + a[599] + (int)(sizeof(a) / sizeof(a[0])); }")).toBe(false);
  });

  it("guards a local array indexed by a variable or used as a pointer", () => {
    expect(guarded("int f(int n) { unsigned v[2] = { n, n + 1 }; return g2(v[n & 1]); }")).toBe(true);
    expect(guarded("int f(int n) { int a[4]; int i; for (i = 0; i < 4; i++) a[i] = g2(i); return a[0] + a[3]; }")).toBe(true);
    expect(guarded("int f(void) { int a[2]; g(a); return a[1]; }")).toBe(true);
  });

  it("does not guard a variable whose address only an inline cleanup function reads (DEFINE_FREE, guard()), but does for an out-of-line one", () => {
    const free = "void kfree(const void *);\nstatic inline void free_p(void *p) { void *t = *(void **)p; if (t) kfree(t); }\n";
    expect(guarded(free + "int f(int n) { void *b __attribute__((cleanup(free_p))) = h2(n); return b != 0; }")).toBe(false);
    expect(guarded("void put_p(int *p);\nint f(int n) { int b __attribute__((cleanup(put_p))) = n; return g2(b); }")).toBe(true);
  });

  // gcc -O2 expands a static function called once where it is called (the kernel turns
  // -finline-functions-called-once off only with CONFIG_DEBUG_SECTION_MISMATCH); each answer
  // is gcc-12's with kbuild's flags (xt_time's localtime_3, xt_iface's iface_get)
  it("does not guard a local whose address only a static function called once writes through", () => {
    const put = "static void put(struct S *s, int n) { s->a = g2(n); s->b = n; }\n";
    expect(guarded(put + "int f(int n) { struct S v; put(&v, n); return v.a + v.b; }")).toBe(false);
    // a local of the same name elsewhere is another thing
    expect(guarded(put + "int f(int n) { struct S v; put(&v, n); return v.a + v.b; }\nint f3(int put) { return put + 1; }")).toBe(false);
    // kept out of line: by an attribute, or called from two places and too big to copy
    expect(guarded(put.replace("static", "static __attribute__((__noinline__))") + "int f(int n) { struct S v; put(&v, n); return v.a + v.b; }")).toBe(true);
    const big =
      "static void put(struct S *s, int n) { int i; for (i = 0; i < n; i++) { s->a += g2(i); s->b ^= g2(s->a); if (s->a > 100) s->a = g2(s->b) + g2(s->a * 3); else s->b = g2(s->b - 1) * g2(s->a + 7); }" +
      " s->a += g2(s->a) + g2(s->b) + g2(n); s->b += g2(s->a) + g2(s->b) + g2(n * 2); s->a += g2(s->a) + g2(s->b) + g2(n * 3); }\n";
    expect(guarded(big + "int f(int n) { struct S v = {0}; put(&v, n); return v.a + v.b; }")).toBe(false);
    expect(
      guarded(big + "int f(int n) { struct S v = {0}; put(&v, n); return v.a + v.b; }\nint f2(int n) { struct S v = {1}; put(&v, n); return v.a - v.b; }"),
    ).toBe(true);
  });

  it("gives a static function called once its caller's arguments (a constant length is copied in place)", () => {
    const cp = "static void cp(char *d, const char *s, unsigned long n) { __builtin_memcpy(d, s, n); }\n";
    const refs = (body: string) => moduleOf([...HEADER, body].join("\n") + "\n", "drv").uses.map((u) => u.symbol);
    expect(refs(cp + "void f(char *d, const char *s) { cp(d, s, 8); }")).not.toContain("memcpy");
    expect(refs(cp + "void f(char *d, const char *s, unsigned long n) { cp(d, s, n); }")).toContain("memcpy");
  });

  it("reads the license and imports from the .modinfo strings and exports from their asm record", () => {
    const src = [
      ...HEADER,
      "int toy_get(void) { return 1; }",
      'asm(".section \\".export_symbol\\",\\"a\\" ; __export_symbol_toy_get: ; .asciz \\"GPL\\" ; .asciz \\"TOY_NS\\" ; .balign 8 ; .quad toy_get ; .previous");',
      'static const char __UNIQUE_ID_license1[] __attribute__((__used__)) __attribute__((__section__(".modinfo"))) = "license" "=" "GPL";',
      'static const char __UNIQUE_ID_import_ns2[] __attribute__((__used__)) __attribute__((__section__(".modinfo"))) = "import_ns" "=" "USB_STORAGE";',
    ].join("\n");
    const m = moduleOf(src + "\n", "drv");
    expect(m.license).toBe("GPL");
    expect(m.imports.map((i) => i.ns)).toEqual(["USB_STORAGE"]);
    expect(m.exports.map((e) => [e.symbol, e.ns, e.gpl])).toEqual([["toy_get", "TOY_NS", true]]);
  });
});

describe("a function left only by tail calls has no `ret`", () => {
  // Each answer is gcc-12's (kbuild's -O2 -mfunction-return=thunk-extern -mindirect-branch=
  // thunk-extern -fstack-protector-strong -mfentry): a function that ends in a call it can
  // make a jump has no `ret`, so no __x86_return_thunk; a module made only of such functions
  // references none (nf_conntrack_netbios_ns).
  const DECLS = [
    "struct ops { int (*fn)(int); };",
    "int reg(void *);",
    "void unreg(void *);",
    "long lreg(void *);",
    "int seven(int, int, int, int, int, int, int);",
    "void use(void *);",
    "void __attribute__((noreturn)) die(void);",
    "static int x;",
  ].join("\n");
  /** Whether module `drv`, whose only emitted function is f, references __x86_return_thunk. */
  const hasRet = (fn: string): boolean => {
    const m = moduleOf(`${DECLS}\n${fn}\nEXPORT_SYMBOL(f);${LICENSE}`, "drv");
    return m.uses.some((u) => u.symbol === "__x86_return_thunk");
  };

  it("a string function gcc turns into another that returns the same is still a jump; one computed from a strlen is not", () => {
    const strings =
      "char *strstr(const char *, const char *); int strncmp(const char *, const char *, unsigned long); char *strchr(const char *, int); int sprintf(char *, const char *, ...);";
    expect(hasRet(`${strings}\nchar *f(char *s) { return strstr(s, "x"); }`)).toBe(false);
    expect(hasRet(`${strings}\nint f(char *s) { return strncmp(s, "abcdef", 10); }`)).toBe(false);
    expect(hasRet(`${strings}\nvoid f(char *d, char *s) { sprintf(d, "%s", s); }`)).toBe(false);
    expect(hasRet(`${strings}\nchar *f(char *s) { return strchr(s, 0); }`)).toBe(true);
  });

  it("a call that is the whole statement, returned or last, is a jump", () => {
    expect(hasRet("int f(void) { return reg(&x); }")).toBe(false);
    expect(hasRet("void f(void) { unreg(&x); }")).toBe(false);
    expect(hasRet("void f(void) { reg(&x); }")).toBe(false);
    expect(hasRet("void f(void) { unreg(&x); return; }")).toBe(false);
    expect(hasRet("int f(struct ops *o, int a) { return o->fn(a); }")).toBe(false);
    expect(hasRet("int f(int a) { if (a) return reg(&x); else return reg(0); }")).toBe(false);
    expect(hasRet("int f(int a) { return (reg(&x)); }")).toBe(false);
    expect(hasRet("int f(int a) { { return reg(&x); } }")).toBe(false);
  });

  it("a mem* call gcc makes, and a statement expression that ends in a call (a fortified memcpy), end a function as a call does", () => {
    expect(hasRet("void f(char *d, const char *s, unsigned long n) { __builtin_memcpy(d, s, n); }")).toBe(false);
    expect(hasRet("void f(char *d, const char *s, unsigned long n) { ({ use(d); __builtin_memcpy(d, s, n); }); }")).toBe(false);
    expect(hasRet("void f(char *d, const char *s, unsigned long n) { ({ __builtin_memcpy(d, s, n); x = 1; }); }")).toBe(true);
    expect(hasRet("int f(char *d) { return ({ use(d); reg(&x); }); }")).toBe(false);
    expect(hasRet("void f(char *d) { (({ use(d); reg(&x); })); }")).toBe(false);
  });

  it("a call in a branch that may not run, or whose value is changed, leaves a `ret`", () => {
    expect(hasRet("void f(int a) { if (a) unreg(&x); }")).toBe(true);
    expect(hasRet("void f(int a) { unreg(&x); if (!a) return; unreg(0); }")).toBe(true);
    expect(hasRet("int f(int a) { return -reg(&x); }")).toBe(true);
    expect(hasRet("int f(int a) { return a ? reg(&x) : 0; }")).toBe(true);
    expect(hasRet("int f(struct ops *o, int a) { if (!o->fn) return 0; return o->fn(a); }")).toBe(true);
  });

  it("a value that must be converted, arguments on the stack or a local's address given away keep call and `ret`", () => {
    expect(hasRet("long f(void) { return reg(&x); }")).toBe(true);
    expect(hasRet("int f(void) { return lreg(&x); }")).toBe(true);
    expect(hasRet("_Bool f(void) { return reg(&x); }")).toBe(true);
    expect(hasRet("unsigned f(void) { return reg(&x); }")).toBe(false);
    expect(hasRet("int f(int a) { return seven(a, 1, 2, 3, 4, 5, 6); }")).toBe(true);
    expect(hasRet("int f(void) { int v; use(&v); return reg(&x); }")).toBe(true);
    // a cleanup (guard(), __free()) runs after the call
    expect(hasRet("static inline void unl(int **p) { use(*p); }\nint f(int *m) { int *g __attribute__((cleanup(unl))) = m; return reg(&x); }")).toBe(true);
  });

  it("an if-else or a switch with a default whose every way out is a tail call has no `ret`", () => {
    expect(hasRet("void f(int a) { if (a) unreg(&x); else unreg(0); }")).toBe(false);
    expect(hasRet("void f(int a) { if (a) unreg(&x); else if (a > 5) use(0); else unreg(0); }")).toBe(false);
    expect(hasRet("void f(int a) { if (a) { unreg(&x); return; } else die(); }")).toBe(false);
    expect(hasRet("void f(int a) { switch (a) { case 1: unreg(&x); break; case 2: use(0); break; default: unreg(0); } }")).toBe(false);
    expect(hasRet("void f(int a) { switch (a) { case 1: if (a) unreg(&x); else use(0); break; default: unreg(0); } }")).toBe(false);
    // a way out that is no call: the arm that stores, the switch without a default, an empty case
    expect(hasRet("void f(int a) { if (a) unreg(&x); else x = 1; }")).toBe(true);
    expect(hasRet("void f(int a) { switch (a) { case 1: unreg(&x); break; case 2: unreg(0); break; } }")).toBe(true);
    expect(hasRet("void f(int a) { switch (a) { case 1: unreg(&x); break; case 3: break; default: unreg(0); } }")).toBe(true);
  });

  it("noreturn calls, code gcc drops and inline functions end a function as they end", () => {
    expect(hasRet("void f(void) { die(); }")).toBe(false);
    expect(hasRet("void f(int a) { if (a) die(); unreg(&x); }")).toBe(false);
    expect(hasRet("void f(int a) { do { unreg(&x); } while (0); }")).toBe(false);
    expect(hasRet("void f(int a) { do { if (a) break; unreg(&x); } while (0); }")).toBe(true);
    expect(hasRet("void f(int a) { unreg(&x); if (0) unreg(0); }")).toBe(false);
    expect(hasRet("void f(int a) { if (0) unreg(0); else unreg(&x); }")).toBe(false);
    expect(hasRet("void f(int a) { unreg(&x);; {} }")).toBe(false);
    expect(hasRet("static inline int wi(void) { return reg(&x); }\nint f(void) { return wi(); }")).toBe(false);
    expect(hasRet("static inline int wrap(int a) { if (!a) return -22; return reg(&x); }\nint f(int a) { return wrap(a); }")).toBe(true);
    expect(hasRet("static inline int wrap(int a) { if (!a) return -22; return reg(&x); }\nint f(int a) { wrap(a); return reg(0); }")).toBe(false);
  });
});

describe("what gcc folds from declarations: const pointers, loops that run never or once, read-only data (checked with gcc-12 -O2)", () => {
  const GENERIC = [
    "struct device { int x; };",
    "struct pdev { struct device dev; };",
    "void *fw(struct device *);",
    "void *fwc(const struct device *);",
    "#define dev_fw(d) _Generic((d), const struct device *: fwc, struct device *: fw)(d)",
  ].join("\n");
  const chosen = (fn: string): string[] => uses(`${GENERIC}\n${fn}`);

  it("_Generic tells a pointer to const from a pointer (dev_fwnode's __dev_fwnode_const)", () => {
    expect(chosen("void *f(struct device *d) { return dev_fw(d); }")).toEqual(["fw"]);
    expect(chosen("void *f(const struct device *d) { return dev_fw(d); }")).toEqual(["fwc"]);
    expect(chosen("void *f(struct device *d) { return dev_fw((const struct device *)d); }")).toEqual(["fwc"]);
    expect(chosen("void *f(struct device * const d) { return dev_fw(d); }")).toEqual(["fw"]);
    // a member of what a pointer to const points to is const, of what a pointer points to not
    expect(chosen("void *f(const struct pdev *p) { return dev_fw(&p->dev); }")).toEqual(["fwc"]);
    expect(chosen("void *f(const struct pdev *p) { return dev_fw(&p[0].dev); }")).toEqual(["fwc"]);
    expect(chosen("void *f(const struct pdev *p) { return dev_fw(&(*p).dev); }")).toEqual(["fwc"]);
    expect(chosen("void *f(struct pdev *p) { return dev_fw(&p->dev); }")).toEqual(["fw"]);
    expect(
      uses(
        "void a(void); void b(void);\nvoid f(void) { if (__builtin_types_compatible_p(const char *, char *)) a(); if (__builtin_types_compatible_p(char * const, char *)) b(); }",
      ),
    ).toEqual(["b"]);
  });

  it("a for loop whose first test fails is dropped with its step: without CONFIG_OF, for_each_child_of_node starts at NULL", () => {
    const head = "void c1(void);\nvoid *next(void *p, void *c);\nstatic inline void *first(void *p) { return (void *)0; }\n";
    expect(uses(`${head}int f(void *np) { void *c; int n = 0; for (c = first(np); c != (void *)0; c = next(np, c)) { c1(); n++; } return n; }`)).toEqual([]);
    expect(uses(`${head}int f(void *np) { void *c; int n = 0; for (c = next(np, 0); c != (void *)0; c = next(np, c)) { c1(); n++; } return n; }`)).toEqual([
      "c1",
      "next",
    ]);
    // the first value tells only the first test: a loop it lets run runs on
    expect(uses(`${head}int f(void *np) { int i; for (i = 0; i != 4; i = (int)(long)next(np, 0)) c1(); return i; }`)).toEqual(["c1", "next"]);
  });

  it("a loop that runs once sees its counter's first value and ends as its body does", () => {
    const head = "void a(void); void b(void);\nstatic const int one[] = { 4 };\n";
    expect(uses(`${head}void f(void) { unsigned int i; for (i = 0; i < sizeof(one) / sizeof(one[0]); i++) { if (i == 0) a(); else b(); } }`)).toEqual(["a"]);
    expect(
      moduleOf(`${head}void f(void) { unsigned int i; for (i = 0; i < 1; i++) a(); }\nEXPORT_SYMBOL(f);${LICENSE}`).uses.map((u) => u.symbol),
    ).not.toContain("__x86_return_thunk");
    expect(uses(`${head}void f(void) { int i; for (i = 0; i < 2; i++) { if (i == 0) a(); else b(); } }`)).toEqual(["a", "b"]);
    // a body that changes its counter is left alone
    expect(uses(`${head}void f(void) { int i; for (i = 0; i < 1; i++) { if (i == 0) a(); else b(); i += 0; } }`)).toEqual(["a", "b"]);
  });

  it("reads of read-only data with an initializer fold: elements, designated or not, members, a static const without one", () => {
    const head = [
      "void a1(void); void a2(void); void b(unsigned long);",
      'static const char * const names[] = { "a", "bc" };',
      'static const char * const sparse[] = { [2] = "xyz", [0] = "q" };',
      'static const char *writable[] = { "a", "bc" };',
      "struct id { char name[8]; unsigned long data; };",
      'static const struct id ids[] = { { "abcd", 7 }, { .data = 9, .name = "zz" } };',
      "static const int nodebug;",
    ].join("\n");
    const f = (body: string): string[] => uses(`${head}\nvoid f(void) { ${body} }`);
    expect(f("b(__builtin_strlen(names[1]));")).toEqual(["b"]);
    expect(f("b(__builtin_strlen(sparse[2]));")).toEqual(["b"]);
    expect(f("b(__builtin_strlen(ids[1].name));")).toEqual(["b"]);
    expect(f("if (ids[1].data == 9 && ids[0].data == 7) a1(); else a2();")).toEqual(["a1"]);
    expect(f("if (nodebug) a1(); else a2();")).toEqual(["a2"]);
    // gcc also folds a static array nothing writes (it makes it read-only): not modelled
    expect(f("b(__builtin_strlen(writable[1]));")).toEqual(["b", "strlen"]);
  });

  it("an object allocated by a value is that value's size: fortify's `p_size < size` after `p = kmalloc(size)` folds", () => {
    const head =
      "void *km(unsigned long n) __attribute__((alloc_size(1)));\nvoid p(void);\nstatic inline void chk(unsigned long size, unsigned long p_size) { if (p_size < size) p(); }\n";
    const f = (params: string, body: string): string[] => uses(`${head}void f(${params}) { ${body} }`);
    expect(f("unsigned long len", "char *b = km(len); if (__builtin_dynamic_object_size(b, 0) < len) p();")).toEqual(["km"]);
    expect(f("unsigned short len", "char *b = km(len); unsigned long s = (unsigned long)(len); if (__builtin_dynamic_object_size(b, 0) < s) p();")).toEqual([
      "km",
    ]);
    expect(f("unsigned long len", "char *b = km(len); chk(len, __builtin_dynamic_object_size(b, 0));")).toEqual(["km"]);
    // another value, one computed from it, or the value changed after: the check stays
    expect(f("unsigned long len", "char *b = km(len + 1); if (__builtin_dynamic_object_size(b, 0) < len) p();")).toEqual(["km", "p"]);
    expect(f("unsigned long len, unsigned long n", "char *b = km(len); if (__builtin_dynamic_object_size(b, 0) < n) p();")).toEqual(["km", "p"]);
    expect(f("unsigned long len", "char *b = km(len); len++; if (__builtin_dynamic_object_size(b, 0) < len) p();")).toEqual(["km", "p"]);
  });

  it("the value relation is part of an inline expansion: a second check of another size is made again", () => {
    const head =
      "void *km(unsigned long n) __attribute__((alloc_size(1)));\nvoid p(void);\nstatic inline void chk(unsigned long size, unsigned long p_size) { if (p_size < size) p(); }\n";
    expect(
      uses(
        `${head}void f(unsigned long len, unsigned long n) { char *a = km(len); char *b = km(len + 1); chk(len, __builtin_dynamic_object_size(a, 0)); chk(n, __builtin_dynamic_object_size(b, 0)); }`,
      ),
    ).toEqual(["km", "p"]);
  });

  it("a branch that sets a flag the next statement leaves on gives way to the other branch's values (jump threading)", () => {
    const head = "void *km(unsigned long n) __attribute__((alloc_size(1)));\nvoid p(void);\n";
    const f = (body: string): string[] => uses(`${head}int f(int c, unsigned long n) { int ret = 0; ${body} }`);
    // ipset's resize: the bucket allocated in the else branch, after `if (ret < 0) goto cleanup;`
    expect(
      f(
        "if (n) { char *b; if (c > 3) { ret = -11; } else { b = km(n); if (!b) ret = -12; } if (ret < 0) goto out; if (__builtin_dynamic_object_size(b, 0) != n) p(); } out: return ret;",
      ),
    ).toEqual(["km"]);
    expect(
      f("char *b; if (c > 3) { ret = -11; } else { b = km(n); } if (ret) return ret; if (__builtin_dynamic_object_size(b, 0) != n) p(); return 0;"),
    ).toEqual(["km"]);
    // a flag set under a condition, or a test that does not leave: both branches reach on
    expect(
      f("char *b; if (c > 3) { if (c > 5) ret = -11; } else { b = km(n); } if (ret) return ret; if (__builtin_dynamic_object_size(b, 0) != n) p(); return 0;"),
    ).toEqual(["km", "p"]);
    expect(f("char *b; if (c > 3) { ret = -11; } else { b = km(n); } if (ret) ret = 1; if (__builtin_dynamic_object_size(b, 0) != n) p(); return 0;")).toEqual([
      "km",
      "p",
    ]);
    // also with a goto to a label in the pointer's own block: the pointer is followed up to it
    expect(
      f("char *b; if (c > 3) { ret = -11; } else { b = km(n); } if (ret < 0) goto out; if (__builtin_dynamic_object_size(b, 0) != n) p(); out: return ret;"),
    ).toEqual(["km"]);
  });

  it("strcmp with a literal tested against zero, a declared array on the other side: a memcmp by pieces, or known to differ", () => {
    const head = "void use(char *); void a(void);\nstatic char gbuf[20];\nstruct s { char name[16]; };\n";
    const f = (body: string): string[] =>
      uses(`${head}void f(const char *p, struct s *x) { char b15[15], b8[8], b64[64]; use(b15); use(b8); use(b64); ${body} }`);
    expect(f('if (__builtin_strcmp(b15, "USB NET CARD")) a();')).toEqual(["a", "use"]);
    expect(f('if (__builtin_strcmp(gbuf, "USB NET CARD") == 0) a();')).toEqual(["a", "use"]);
    expect(f('if (!__builtin_strncmp(b64, "abcdefghij", 10)) a();')).toEqual(["a", "use"]);
    // a literal the array cannot hold: never equal
    expect(f('if (__builtin_strcmp(b8, "USB NET CARD") == 0) a();')).toEqual(["use"]);
    // a pointer or a member, a value used otherwise, too many pieces: the call stays
    expect(f('if (!__builtin_strcmp(p, "USB NET CARD")) a();')).toEqual(["a", "strcmp", "use"]);
    expect(f('if (!__builtin_strncmp(x->name, "abcdefgh", 8)) a();')).toEqual(["a", "strncmp", "use"]);
    // a member array of a local or a global: gcc folds these too where it does not lay the
    // code out as cold (7.3's mixer_scarlett2 keeps one in a .cold part); the engine keeps them
    expect(f('struct s l; use((char *)&l); if (!__builtin_strncmp(l.name, "abcdefgh", 16)) a();')).toEqual(["a", "strcmp", "use"]);
    expect(uses(`${head}struct s gs;\nvoid f(void) { if (!__builtin_strncmp(gs.name, "abcdefgh", 16)) a(); }`)).toEqual(["a", "strcmp"]);
    expect(f('if (__builtin_strcmp(b15, "USB NET CARD") < 0) a();')).toEqual(["a", "strcmp", "use"]);
    expect(f('if (__builtin_strcmp(b64, "a much longer literal string here") == 0) a();')).toEqual(["a", "strcmp", "use"]);
  });

  it("a static function every call of which passes the same constant has it in its parameter (-fipa-cp), also when noinline", () => {
    const body = "{ void *b = km(size); if (!b) return -12; if (__builtin_dynamic_object_size(b, 0) != 2) p(); return idx; }";
    const head = "void *km(unsigned long n) __attribute__((alloc_size(1)));\nvoid p(void);\n";
    const f = (fn: string, calls: string): string[] => uses(`${head}${fn} ${body}\nint f(void *d, unsigned short n) { return ${calls}; }`);
    const rd = "static __attribute__((__noinline__)) int rd(void *d, int idx, unsigned short size)";
    expect(f(rd, "rd(d, 1, 2) + rd(d, 3, 0x02) + rd(d, 5, 2)")).toEqual(["km"]);
    // calls that disagree, or one that passes no constant, or the function's address taken
    expect(f(rd, "rd(d, 1, 2) + rd(d, 3, 4)")).toEqual(["km", "p"]);
    expect(f(rd, "rd(d, 1, 2) + rd(d, 3, n)")).toEqual(["km", "p"]);
    expect(uses(`${head}${rd} ${body}\nint (*ptr)(void *, int, unsigned short) = rd;\nint f(void *d) { return rd(d, 1, 2) + rd(d, 3, 2); }`)).toEqual([
      "km",
      "p",
    ]);
  });

  it("a value stored through a pointer is read back until anything may change it (gcc's FRE; -fno-strict-aliasing)", () => {
    const head =
      "void a(void); void b(void); void g(void);\nstruct gf { int id; int x; unsigned char c; };\nstatic const signed char axes[] = { 8, 9, 10, 11, 12, 13, 14, 15 };\n";
    const f = (params: string, body: string): string[] => uses(`${head}void f(${params}) { ${body} }`);
    // gf2k: `gf2k->id = 6;` then its test; another member between; a char member truncates
    expect(f("struct gf *p", "p->id = 6; if (p->id > 7 || !axes[p->id]) a(); else b();")).toEqual(["b"]);
    expect(f("struct gf *p", "p->id = 6; p->x = 1; p->c = 300; if (p->id == 6 && p->c == 44) a(); else b();")).toEqual(["a"]);
    // another pointer may point there, a call may change it, a branch may have run, a loop
    expect(f("struct gf *p, struct gf *q", "p->id = 6; q->x = 1; if (p->id == 6) a(); else b();")).toEqual(["a", "b"]);
    expect(f("struct gf *p", "p->id = 6; g(); if (p->id == 6) a(); else b();")).toEqual(["a", "b", "g"]);
    expect(f("struct gf *p, int c", "p->id = 6; if (c) p->id = 9; if (p->id == 6) a(); else b();")).toEqual(["a", "b"]);
    expect(f("struct gf *p, int c", "p->id = 6; while (c--) { if (p->id == 6) a(); p->id = c; } b();")).toEqual(["a", "b"]);
    // an inline function's body is read for what it stores; one read only for its type stores nothing
    expect(f("struct gf *p", "p->id = 6; ({ typeof(({ g(); 1; })) r = 1; r; }); if (p->id == 6) a(); else b();")).toEqual(["a"]);
    // a local given its one value by an assignment (btmtkuart: `bdev = devm_kzalloc(...); if
    // (!bdev) return ...; bdev->data = of_device_get_match_data(...); if (!bdev->data) return
    // -ENODEV;` with CONFIG_OF off leaves nothing after; gcc-12 -O2 agrees on each line)
    const alloc = "void *alloc(void);\nstatic inline const void *match(void) { return (void *)0; }\n";
    const g2 = (body: string): string[] => uses(`${head}${alloc}int f(void) { struct gf *p; const void *d; ${body} }`);
    expect(g2("p = alloc(); if (!p) return 1; d = match(); p->id = d != 0; if (!p->id) return 2; a(); return 0;")).toEqual(["alloc"]);
    expect(g2("p = alloc(); p->id = 0; if (!p->id) return 2; a(); return 0;")).toEqual(["alloc"]);
    // not one value: a local assigned twice points to what the last assignment gives
    expect(uses(`${head}int f(struct gf *q) { struct gf *p; p = q; p->id = 0; p = q + 1; if (!p->id) return 2; g(); return 0; }`)).toEqual(["g"]);
  });

  it("a constant pointer keeps its value: ERR_PTR(-ENOTSUPP) is no -ENODEV", () => {
    expect(
      uses(
        "void a(void); void b(void);\nvoid f(void) { void *p = (void *)-524L; if ((unsigned long)p >= (unsigned long)-4095 && (long)p != -19 && (long)p != -524) a(); else b(); }",
      ),
    ).toEqual(["b"]);
  });
});

describe("bad input", () => {
  it("a 100,000-deep nesting of parentheses and braces is read without a trap", () => {
    const deep =
      "int f(void) { return " +
      "(".repeat(100_000) +
      "kfree" +
      ")".repeat(100_000) +
      "; }\n" +
      "int g(void) " +
      "{".repeat(100_000) +
      "usb_stor_suspend(0);" +
      "}".repeat(100_000) +
      "\n";
    const res = engine.runLoaded({ "deep.c": deep + LICENSE }, { kernel: "6.12", relaxed: true });
    expect(res.findings.filter((f) => f.stage === "internal")).toEqual([]);
    expect(
      res.model.modules[0].uses
        .filter((u) => u.file)
        .map((u) => u.symbol)
        .sort(),
    ).toEqual(["kfree", "usb_stor_suspend"]);
  });

  it("an unclosed body is a finding at its brace, and what precedes it still counts", () => {
    const res = engine.runLoaded({ "open.c": "int f(void) { return usb_stor_suspend(0); }\nint g(void) {\n  kfree(0);\n" }, { kernel: "6.12", relaxed: true });
    expect(res.findings.find((f) => f.id === "READ_UNBALANCED")).toMatchObject({ file: "open.c", line: 2 });
    expect(
      res.model.modules[0].uses
        .filter((u) => u.file)
        .map((u) => u.symbol)
        .sort(),
    ).toEqual(["kfree", "usb_stor_suspend"]);
  });
});

describe("a file read without a header it includes", () => {
  const exportOf = (includes: string) =>
    engine
      .runLoaded({ "drv.c": `${includes}#include <linux/module.h>\nEXPORT_SYMBOL_GPL(from_header);\nMODULE_LICENSE("GPL");\n` }, { kernel: "6.12" })
      .findings.filter((f) => f.stage === "compile");

  it("says an exported name is undeclared when every header was found", () => {
    expect(exportOf("").map((f) => f.text)).toEqual(["error: 'from_header' undeclared here (not in a function)"]);
  });

  it("does not, when a header it includes is missing (it may declare the name)", () => {
    expect(exportOf("#include <net/netfilter/not_in_the_prelude.h>\n")).toEqual([]);
  });
});

describe("a header of the built-in prelude", () => {
  const usesOn = async (kernel: string, src: string) => {
    const res = await engine.run({ "drv.c": `#include <linux/module.h>\n${src}MODULE_LICENSE("GPL");\n` }, { kernel, relaxed: true });
    return res.model.modules[0].uses.filter((u) => u.file).map((u) => u.symbol);
  };
  const sealsOf = "int seals(struct file *f) { return memfd_fcntl(f, 1034, 0); }\nEXPORT_SYMBOL(seals);\n";

  it("makes a call of a function it declares extern a use, though the kernel does not export it (memfd_fcntl)", async () => {
    expect(await usesOn("6.12", `#include <linux/memfd.h>\n${sealsOf}`)).toEqual(["memfd_fcntl"]);
    expect(await usesOn("5.10", `#include <linux/memfd.h>\n${sealsOf}`)).toEqual(["memfd_fcntl"]);
  });

  it("leaves a call of an undeclared function nobody exports unread when a header is missing (an inline it may hold)", async () => {
    expect(await usesOn("6.12", `#include <linux/not_in_the_prelude.h>\n${sealsOf}`)).toEqual([]);
  });

  it("makes an exported function whose address its inline function stores a use where the module calls it (nf_tproxy_assign_sock: sock_edemux)", async () => {
    const src =
      "#include <net/netfilter/nf_tproxy.h>\nvoid give(struct sk_buff *skb, struct sock *sk) { nf_tproxy_assign_sock(skb, sk); }\nEXPORT_SYMBOL(give);\n";
    expect(await usesOn("6.12", src)).toEqual(["sock_edemux"]);
  });

  it("makes the calls of its inline functions uses, per release (shmem_file: shmem_mapping, on 6.1 shmem_aops)", async () => {
    const src = "#include <linux/shmem_fs.h>\nbool is_shmem(struct file *f) { return shmem_file(f); }\nEXPORT_SYMBOL(is_shmem);\n";
    expect(await usesOn("6.12", src)).toEqual(["shmem_mapping"]);
    expect(await usesOn("6.1", src)).toEqual(["shmem_aops"]);
  });
});
