// Members a struct does not have, read with a kernel's real headers (issue 13): gcc's error at
// each use, `p->m`, `s.m` and an initializer's designator, with its "did you mean", stops the
// build before modpost. Every expected line is what Debian's kbuild printed for the same file
// (bookworm gcc-12 with linux-headers-6.12.118+deb12-amd64), caret lines and make's own lines
// left out as for every gcc message; the small kernel tree holds the members those structs
// have in 6.12's real headers (a subset that keeps gcc's closest member the same).

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FORCED_HEADERS, writeHeaderPack } from "../support/header-pack";
import { createNodeEngine } from "../../src/engine/hosts/node";
import { applyEdits, quickFixesFor } from "../../src/editor/fixes";

const TREE: Record<string, string> = {
  ...FORCED_HEADERS,
  "include/linux/module.h": [
    "#ifndef _LINUX_MODULE_H",
    "#define _LINUX_MODULE_H",
    '#define MODULE_LICENSE(l) static const char __ksymns_license[] __used __attribute__((section(".modinfo"))) = "license=" l',
    "#define module_init(fn) int init_module(void) __attribute__((alias(#fn)))",
    "#define __init",
    "#define NULL ((void *)0)",
    "#define true 1",
    "typedef _Bool bool;",
    "typedef struct { int counter; } atomic_t;",
    "#endif",
    "",
  ].join("\n"),
  "include/linux/serial_core.h": [
    "struct tty_port { int count; };",
    "enum uart_pm_state { UART_PM_STATE_ON = 0 };",
    "struct uart_port { unsigned long iobase; unsigned int irq; unsigned int uartclk; unsigned int fifosize; unsigned int line; unsigned int minor; };",
    "struct uart_state { struct tty_port port; enum uart_pm_state pm_state; atomic_t refcount; int remove_wait; struct uart_port *uart_port; };",
    "",
  ].join("\n"),
  "include/linux/platform_device.h": [
    "struct platform_device { int id; };",
    "struct device_driver { const char *name; const void *bus; void *owner; const char *mod_name; bool suppress_bind_attrs; };",
    "struct platform_driver {",
    "\tint (*probe)(struct platform_device *);",
    "\tunion { void (*remove)(struct platform_device *); void (*remove_new)(struct platform_device *); };",
    "\tvoid (*shutdown)(struct platform_device *);",
    "\tint (*resume)(struct platform_device *);",
    "\tstruct device_driver driver;",
    "\tconst void *id_table;",
    "\tbool prevent_deferred_probe;",
    "\tbool driver_managed_dma;",
    "};",
    "extern int __platform_driver_register(struct platform_driver *, void *);",
    "#define module_platform_driver(d) static int __init d##_init(void) { return __platform_driver_register(&(d), NULL); } module_init(d##_init)",
    "",
  ].join("\n"),
  "include/linux/kgdb.h": [
    "struct kgdb_io;",
    "struct tty_driver;",
    "struct tty_operations { int (*open)(struct tty_driver *); int (*put_char)(struct tty_driver *, unsigned char); };",
    "struct tty_driver { const struct tty_operations *ops; };",
    "",
  ].join("\n"),
};

const packs = mkdtempSync(join(tmpdir(), "ksymns-nomember-"));
writeHeaderPack(packs, "debian-6.12.118+deb12-amd64", TREE);

const DRIVER = [
  "#include <linux/module.h>",
  "#include <linux/serial_core.h>",
  "#include <linux/platform_device.h>",
  "",
  "static int e_get(struct uart_state *s)",
  "{",
  "\tint head = s->xmit.head;",
  "",
  "\treturn head;",
  "}",
  "",
  "static int e_put(struct uart_port *p, const struct uart_state *cs)",
  "{",
  "\tint a = p->lines;",
  "",
  "\ta += cs->refcnt.counter;",
  "\treturn a + (*cs).pm_state;",
  "}",
  "",
  "static int e_probe(struct platform_device *pdev)",
  "{",
  "\treturn e_get(NULL) + e_put(NULL, NULL);",
  "}",
  "",
  "static void e_remove(struct platform_device *pdev)",
  "{",
  "}",
  "",
  "static struct platform_driver e_driver = {",
  "\t.probe = e_probe,",
  "\t.remove_new = e_remove,",
  "\t.driver = {",
  '\t\t.nme = "e",',
  "\t},",
  "\t.driver_managed_dma = true,",
  "\t.dma = 1,",
  "};",
  "module_platform_driver(e_driver);",
  'MODULE_LICENSE("GPL");',
  "",
].join("\n");

async function build(files: Record<string, string>) {
  const engine = await createNodeEngine({ headers: packs });
  return engine.run(files, { kernel: "6.12" });
}

describe("a member the struct does not have, with the real headers", () => {
  it("is gcc's error at each use and each designator, with its suggestion and the value no member is left for, and stops the build", async () => {
    const res = await build({ "nm.c": DRIVER, Kbuild: "obj-m += nm.o\n" });
    expect(res.build.log.filter((l) => !l.startsWith("#"))).toEqual([
      "<M>/nm.c: In function 'e_get':",
      "<M>/nm.c:7:21: error: 'struct uart_state' has no member named 'xmit'",
      "<M>/nm.c: In function 'e_put':",
      "<M>/nm.c:14:20: error: 'struct uart_port' has no member named 'lines'; did you mean 'line'?",
      "<M>/nm.c:16:18: error: 'const struct uart_state' has no member named 'refcnt'; did you mean 'refcount'?",
      "<M>/nm.c: At top level:",
      "<M>/nm.c:33:18: error: 'struct device_driver' has no member named 'nme'; did you mean 'name'?",
      "<M>/nm.c:36:10: error: 'struct platform_driver' has no member named 'dma'",
      "<M>/nm.c:36:16: warning: excess elements in struct initializer",
      "<M>/nm.c:36:16: note: (near initialization for 'e_driver')",
    ]);
    expect(res.build.modules.map((m) => m.produced)).toEqual([false]);
    const errors = res.findings.filter((f) => f.id === "CC_NO_MEMBER");
    // the finding underlines the member (gcc's column is the `->` where it suggests nothing)
    expect(errors.map((f) => [f.line, f.col, f.endCol])).toEqual([
      [7, 16, 20],
      [14, 13, 18],
      [16, 11, 17],
      [33, 4, 7],
      [36, 3, 6],
    ]);
  });

  it("offers gcc's suggestion as the quick fix, and the build goes on past what it fixed", async () => {
    const files = { "nm.c": DRIVER, Kbuild: "obj-m += nm.o\n" };
    const res = await build(files);
    const ctx = { result: res, files, form: res.kernel.syntax.namespace };
    const f = res.findings.find((x) => x.id === "CC_NO_MEMBER" && x.text.includes("'refcnt'"))!;
    const [fix] = quickFixesFor(f, ctx);
    expect(fix.title).toBe("Change to refcount");
    const fixed = { ...files, ...applyEdits(files, fix.edits) };
    expect(fixed["nm.c"]).toContain("\ta += cs->refcount.counter;\n");
    const after = await build(fixed);
    expect(after.findings.filter((x) => x.id === "CC_NO_MEMBER").map((x) => x.line)).toEqual([7, 14, 33, 36]);
    expect(
      quickFixesFor(
        res.findings.find((x) => x.text.includes("'xmit'"))!,
        ctx,
      ),
    ).toEqual([]);
  });

  it("names a header's include chain, an undefined struct, and the function a dropped return leaves running off its end, as gcc's call graph reaches it", async () => {
    // (checked with gcc 12 on the same files; kbuild's -Werror=return-type makes the last an error)
    const helper = [
      "#include <linux/kgdb.h>",
      "static inline int h_put(struct tty_driver *d, unsigned char c)",
      "{",
      "\treturn d->ops->poll_put_char(d, c);",
      "}",
      "",
    ].join("\n");
    const src = [
      "#include <linux/module.h>",
      '#include "helper.h"',
      "",
      "static struct kgdb_io *io_ops;",
      "",
      "static int kg_get(struct tty_driver *d)",
      "{",
      "\tif (!d)",
      "\t\treturn -1;",
      "\treturn d->ops->poll_get_char(d);",
      "}",
      "",
      "static int kg_put(struct tty_driver *d)",
      "{",
      "\treturn h_put(d, 'x') + kg_get(d);",
      "}",
      "",
      "static int __init kg_init(void)",
      "{",
      "\tio_ops->cons = 0;",
      "\treturn kg_put(0) + io_ops->is_console;",
      "}",
      "module_init(kg_init);",
      'MODULE_LICENSE("GPL");',
      "",
    ].join("\n");
    const res = await build({ "kg.c": src, "helper.h": helper, Kbuild: "obj-m += kg.o\n" });
    // kg_init's return is dropped with the call in it: kg_put, kg_get and h_put are never
    // reached, so only kg_init runs off its end
    expect(res.build.log.filter((l) => !l.startsWith("#"))).toEqual([
      "In file included from <M>/kg.c:2:",
      "<M>/helper.h: In function 'h_put':",
      "<M>/helper.h:4:24: error: 'const struct tty_operations' has no member named 'poll_put_char'; did you mean 'put_char'?",
      "<M>/kg.c: In function 'kg_get':",
      "<M>/kg.c:10:22: error: 'const struct tty_operations' has no member named 'poll_get_char'",
      "<M>/kg.c: In function 'kg_init':",
      "<M>/kg.c:20:15: error: invalid use of undefined type 'struct kgdb_io'",
      "<M>/kg.c:21:34: error: invalid use of undefined type 'struct kgdb_io'",
      "<M>/kg.c:22:1: error: control reaches end of non-void function [-Werror=return-type]",
      "cc1: some warnings being treated as errors",
    ]);
    expect(res.findings.filter((f) => f.stage === "compile").map((f) => f.id)).toEqual([
      "CC_NO_MEMBER",
      "CC_NO_MEMBER",
      "CC_UNDEFINED_TYPE",
      "CC_UNDEFINED_TYPE",
      "CC_NO_RETURN",
    ]);
  });

  it("spells a struct a typedef names as the variable's declaration wrote it, with gcc's aka", async () => {
    // (gcc 10, 12 and 14 spell them alike; the qualifier stays in the aka)
    const src = [
      "#include <linux/module.h>",
      "#include <linux/platform_device.h>",
      "typedef struct platform_device pdev_t;",
      "typedef struct { int b; } anon_t;",
      "static const pdev_t one = { .idd = 1 };",
      "int f(pdev_t *p, const pdev_t *cp, anon_t *ap, struct platform_device *sp)",
      "{",
      "\tanon_t a = { 0 };",
      "\treturn p->x + cp->ids + ap->x + sp->x + a.bb + one.id;",
      "}",
      'MODULE_LICENSE("GPL");',
      "",
    ].join("\n");
    const res = await build({ "t.c": src, Kbuild: "obj-m += t.o\n" });
    expect(res.build.log.filter((l) => l.includes("error"))).toEqual([
      "<M>/t.c:5:30: error: 'pdev_t' {aka 'const struct platform_device'} has no member named 'idd'; did you mean 'id'?",
      "<M>/t.c:9:17: error: 'pdev_t' {aka 'struct platform_device'} has no member named 'x'",
      "<M>/t.c:9:27: error: 'pdev_t' {aka 'const struct platform_device'} has no member named 'ids'; did you mean 'id'?",
      "<M>/t.c:9:35: error: 'anon_t' has no member named 'x'",
      "<M>/t.c:9:43: error: 'struct platform_device' has no member named 'x'",
      "<M>/t.c:9:51: error: 'anon_t' has no member named 'bb'; did you mean 'b'?",
      "<M>/t.c:10:1: error: control reaches end of non-void function [-Werror=return-type]",
      "cc1: some warnings being treated as errors",
    ]);
  });

  it("is no error for members of anonymous members, a block's own struct, or a struct a typedef names", async () => {
    const src = [
      "#include <linux/module.h>",
      "#include <linux/platform_device.h>",
      "typedef struct platform_device pdev_t;",
      "int f(struct platform_driver *d, pdev_t *p)",
      "{",
      "\tstruct platform_device { int other; } mine = { .other = 1 };",
      "\td->remove_new = 0;",
      "\treturn mine.other + (d->driver.name != 0) + p->id;",
      "}",
      'MODULE_LICENSE("GPL");',
      "",
    ].join("\n");
    const res = await build({ "drv.c": src, Kbuild: "obj-m += drv.o\n" });
    // (only 6.12's warning that f has no prototype)
    expect(res.findings.filter((f) => f.stage === "compile").map((f) => f.id)).toEqual(["CC_NO_PROTOTYPE"]);
  });
});
