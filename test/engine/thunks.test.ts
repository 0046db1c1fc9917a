// The retpoline thunks a module's calls through pointers use: __x86_indirect_thunk_<reg>,
// <reg> where gcc's register allocator put the pointer. Each expectation is what gcc 12 made
// of the same function with Debian 6.12's kbuild flags (-O2 -mindirect-branch=thunk-extern
// -mindirect-branch-register ...), read back with objdump -dr.

import { beforeAll, describe, expect, it } from "vitest";
import { createNodeEngine } from "../../src/engine/hosts/node";
import type { Engine } from "../../src/engine";

let engine: Engine;
beforeAll(async () => {
  engine = await createNodeEngine();
  await engine.useProfileFor("6.12");
});

const OPS = [
  "struct ops { int (*f0)(void); int (*f1)(void *); int (*f2)(void *, int); int (*f3)(void *, int, int);",
  "  int (*f4)(void *, int, int, int); int (*f6)(void *, int, int, int, int, int); };",
  "struct dev { const struct ops *ops; int a; int cnt; };",
  "int g(void *); void use(int);",
].join("\n");

/** The registers of the thunks the module of `src` (after OPS) calls through. */
function thunks(src: string): string[] {
  const res = engine.runLoaded({ "m.c": `${OPS}\n${src}\nMODULE_LICENSE("GPL");\n` }, { kernel: "6.12", relaxed: true });
  const m = res.model.modules.find((x) => x.name === "m");
  if (!m) throw new Error("no module m");
  return m.uses
    .map((u) => u.symbol)
    .filter((s) => s.startsWith("__x86_indirect_thunk_"))
    .map((s) => s.slice("__x86_indirect_thunk_".length))
    .sort();
}

describe("a pointer gcc loads for the call goes through %rax", () => {
  it("a member called, in a tail call or not, goes through rax", () => {
    expect(thunks("int f(struct dev *d) { return d->ops->f1(d); }")).toEqual(["rax"]);
    expect(thunks("int f(struct dev *d) { return d->ops->f2(d, 1) + 1; }")).toEqual(["rax"]);
  });

  it("a module with no call through a pointer references no thunk", () => {
    expect(thunks("int f(struct dev *d) { return g(d); }")).toEqual([]);
  });
});

describe("a parameter called where it came in", () => {
  it("is called through its own argument register (rsi, rdx, rcx, r9 by its place)", () => {
    expect(thunks("int f(int x, int (*fn)(int)) { return fn(x); }")).toEqual(["rsi"]);
    expect(thunks("int f(void *a, void *b, int (*fn)(void *, void *)) { return fn(b, a); }")).toEqual(["rdx"]);
    expect(thunks("int f(void *a, void *b, void *c, void (*fn)(void *)) { fn(c); return 0; }")).toEqual(["rcx"]);
    expect(thunks("int f(void *a, void *b, void *c, int d, long e, void (*fn)(void *)) { fn(c); return d; }")).toEqual(["r9"]);
  });

  it("keeps its register when it is tested first or called on a branch", () => {
    expect(thunks("int f(struct dev *a, int (*fn)(struct dev *)) { if (!fn) return 0; return fn(a) * 2; }")).toEqual(["rsi"]);
    expect(thunks("int f(struct dev *a, int (*fn)(struct dev *), int x) { if (x) return fn(a); return a->a; }")).toEqual(["rsi"]);
  });

  it("goes through rax when its register carries one of the call's own arguments", () => {
    expect(thunks("int f(int (*fn)(int), int x) { return fn(x) + 1; }")).toEqual(["rax"]);
  });

  it("goes through rax once something was called before it (the pointer moved)", () => {
    expect(thunks("int f(struct dev *a, int (*fn)(struct dev *)) { g(a); return fn(a); }")).toEqual(["rax"]);
  });

  it("keeps its register in a static function whose address is taken; one inlined where it is called goes through rax", () => {
    const callee = "static int h(struct dev *a, int (*fn)(struct dev *)) { return fn(a); }";
    expect(thunks(`${callee}\nint (*keep)(struct dev *, int (*)(struct dev *)) = h;`)).toEqual(["rsi"]);
    expect(thunks(`${callee}\nint f(struct dev *a) { return h(a, (int (*)(struct dev *))a->ops->f1) + 1; }`)).toEqual(["rax"]);
  });
});

describe("a result set only if the pointer is there: if (p->fn) v = p->fn(...)", () => {
  const shaped = (call: string, after = "d->cnt++; return r;"): string =>
    `int f(struct dev *d) { int r = 1; if (d->ops->${call.split("(")[0]}) r = d->ops->${call}; ${after} }`;

  it("takes the first call-clobbered register after rax that no argument needs", () => {
    expect(thunks(shaped("f1(d)"))).toEqual(["rdx"]);
    expect(thunks(shaped("f2(d, 1)"))).toEqual(["rdx"]);
    expect(thunks(shaped("f3(d, 1, 2)"))).toEqual(["rcx"]);
    expect(thunks(shaped("f4(d, 1, 2, 3)"))).toEqual(["r8"]);
    expect(thunks(shaped("f6(d, 1, 2, 3, 4, 5)"))).toEqual(["r10"]);
  });

  it("does so with the other value in an else branch, and when v is then given to a call", () => {
    expect(thunks("int f(struct dev *d) { int r; if (d->ops->f4) r = d->ops->f4(d, 1, 2, 3); else r = 1; d->cnt++; return r; }")).toEqual(["r8"]);
    expect(thunks("int f(struct dev *d) { int r; if (d->ops->f4) r = d->ops->f4(d, 1, 2, 3); else { do { } while (0); r = 1; } d->a = 0; return r; }")).toEqual(
      ["r8"],
    );
    expect(thunks(shaped("f1(d)", "use(r); return 0;"))).toEqual(["rdx"]);
    expect(thunks(shaped("f1(d)", "return r * 2;"))).toEqual(["rdx"]);
  });

  it("goes through rax when v is returned at once (a tail call) or must outlive a call", () => {
    expect(thunks(shaped("f1(d)", "return r;"))).toEqual(["rax"]);
    expect(thunks(shaped("f1(d)", "g(d); return r;"))).toEqual(["rax"]);
  });

  it("goes through rax when v is tested next (gcc threads the other path past the join)", () => {
    expect(thunks(shaped("f1(d)", "return r ? 1 : 2;"))).toEqual(["rax"]);
  });

  it("goes through rax when the condition tests something else or v is not read again", () => {
    expect(thunks("int f(struct dev *d) { int r = -22; if (d->a > 3) r = d->ops->f1(d); use(r); return 0; }")).toEqual(["rax"]);
    expect(thunks(shaped("f1(d)", "d->cnt++; return 0;"))).toEqual(["rax"]);
  });

  it("with likely() takes that register only after an earlier call (gcc lays the blocks out otherwise)", () => {
    const likely = (before: string): string =>
      `int f(struct dev *d) { int r = 0; ${before} if (__builtin_expect(!!(d->ops->f1), 1)) r = d->ops->f1(d); d->cnt++; return r; }`;
    expect(thunks(likely(""))).toEqual(["rax"]);
    expect(thunks(likely("if (g(d)) return -1;"))).toEqual(["rdx"]);
  });
});

describe("a pointer tested and called through a loaded base that is read again after the if", () => {
  const TYPES = [
    "struct m { int (*f0)(void); int (*f1)(void *); int (*f2)(void *, int); int (*f3)(void *, int, int);",
    "  int (*f4)(void *, int, int, int); int (*f6)(void *, int, int, int, int, int); int flags; struct t *type; };",
    "struct t { void *owner; }; struct par { struct m *match; int x; }; extern struct m *gops; void put(void *);",
  ].join("\n");
  const guarded = (call: string, after: string): string[] => {
    const fn = call.split("(")[0];
    return thunks(`${TYPES}\nint f(void *ctx, struct par *p) { int r; if (p->match->${fn}) p->match->${call}; ${after} }`);
  };

  it("takes the first call-clobbered register after rax that no argument needs (the base waits in rax)", () => {
    expect(guarded("f0()", "return p->match->flags;")).toEqual(["rdx"]);
    expect(guarded("f2(ctx, 1)", "return p->match->flags;")).toEqual(["rdx"]);
    expect(guarded("f3(p, 1, 2)", "return p->match->flags;")).toEqual(["rcx"]);
    expect(guarded("f4(p, 1, 2, 3)", "return p->match->flags;")).toEqual(["r8"]);
    expect(guarded("f6(p, 1, 2, 3, 4, 5)", "return p->match->flags;")).toEqual(["r10"]);
  });

  it("does so when the base is read again in the next test or as a call's first argument, or is a global pointer", () => {
    expect(guarded("f2(ctx, 1)", "put(p->match->type->owner); return 0;")).toEqual(["rdx"]);
    expect(guarded("f1(p)", "if (p->match->flags) return 1; return 0;")).toEqual(["rdx"]);
    expect(guarded("f1(p)", "r = p->match->flags; put(ctx); return r;")).toEqual(["rdx"]);
    expect(thunks(`${TYPES}\nint f(struct par *p) { if (gops->f1 != ((void *)0)) { gops->f1(p); } return gops->flags; }`)).toEqual(["rdx"]);
  });

  it("does so before an unguarded call through the same base, which itself goes through rax", () => {
    expect(guarded("f1(p)", "p->match->f2(p, 1); return 0;")).toEqual(["rax", "rdx"]);
    expect(guarded("f1(p)", "r = p->match->f2(p, 1); return r + 1;")).toEqual(["rax", "rdx"]);
  });

  it("goes through rax when the base is a local or parameter, or is not read first after the if", () => {
    expect(thunks(`${TYPES}\nint f(struct par *p, struct m *m) { if (m->f1) m->f1(p); return m->flags; }`)).toEqual(["rax"]);
    expect(guarded("f1(p)", "return p->match->flags + p->x;")).toEqual(["rax"]);
    expect(guarded("f1(p)", "put(p->match); return 0;")).toEqual(["rax"]);
    expect(guarded("f1(p)", "return p->x;")).toEqual(["rax"]);
  });

  it("goes through rax when the if tests something else", () => {
    expect(thunks(`${TYPES}\nint f(struct par *p) { if (p->x) p->match->f1(p); return p->match->flags; }`)).toEqual(["rax"]);
  });
});

describe("calls that only look like calls through pointers", () => {
  it("a static call's trampoline declared with typeof is called directly (might_resched)", () => {
    const src = [
      "int __cond_resched(void);",
      "extern typeof(__cond_resched) __SCT__might_resched;",
      "static inline __attribute__((always_inline)) void might_resched(void) { (&__SCT__might_resched)(); }",
      "int f(int x) { might_resched(); return x; }",
    ].join("\n");
    expect(thunks(src)).toEqual([]);
  });

  it("a function _Generic chooses is called directly and inlined (interface_to_usbdev)", () => {
    const src = [
      "struct intf { struct dev *parent; };",
      "static inline struct dev *to_dev(struct intf *i) { return i->parent; }",
      "static inline const struct dev *to_dev_const(const struct intf *i) { return i->parent; }",
      "#define intf_to_dev(i) _Generic((i), const struct intf *: to_dev_const, struct intf *: to_dev)(i)",
      "int f(struct intf *i) { return intf_to_dev(i)->a; }",
    ].join("\n");
    expect(thunks(src)).toEqual([]);
  });
});
