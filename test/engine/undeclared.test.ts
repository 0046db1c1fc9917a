// Names nothing declares, read with a kernel's real headers (issue 13): gcc's errors for an
// implicit function declaration and an undeclared name, with its "did you mean" and its
// columns, stop the build before modpost. Every expected line is what Debian's gcc printed
// for the same file under kbuild (bookworm gcc-12 for 6.12, bullseye gcc-10 for 5.10, trixie
// gcc-14 for 7.3), its caret lines and make's own lines left out as for every gcc message;
// the small kernel trees declare what those files needed of the real headers.

import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FORCED_HEADERS, writeHeaderPack } from "../support/header-pack";
import { createNodeEngine } from "../../src/engine/hosts/node";
import { applyEdits, quickFixesFor } from "../../src/editor/fixes";

/** What the files below take from <linux/module.h> and <linux/fs.h>: the llseek helpers of
 *  each release (6.12 removed no_llseek) and a macro gcc 14 finds closer than any name. */
function tree(llseek: string[], macros: string[] = []): Record<string, string> {
  return {
    ...FORCED_HEADERS,
    "include/linux/module.h": [
      "#ifndef _LINUX_MODULE_H",
      "#define _LINUX_MODULE_H",
      '#define MODULE_LICENSE(l) static const char __ksymns_license[] __used __attribute__((section(".modinfo"))) = "license=" l',
      "#define module_init(fn) int init_module(void) __attribute__((alias(#fn)))",
      "#define __init",
      "#include <linux/kernel.h>",
      ...macros,
      "#endif",
      "",
    ].join("\n"),
    "include/linux/kernel.h": "#ifndef _LINUX_KERNEL_H\n#define _LINUX_KERNEL_H\n#endif\n",
    "include/linux/fs.h": [
      "struct inode;",
      "struct file;",
      "typedef long long loff_t;",
      "struct file_operations { int (*open)(struct inode *, struct file *); loff_t (*llseek)(struct file *, loff_t, int); };",
      ...llseek.map((n) => `extern loff_t ${n}(struct file *file, loff_t offset, int whence);`),
      "",
    ].join("\n"),
  };
}

const packs = mkdtempSync(join(tmpdir(), "ksymns-undeclared-"));
writeHeaderPack(packs, "debian-5.10.0-46-amd64", tree(["no_llseek", "noop_llseek"]));
writeHeaderPack(packs, "debian-6.12.118+deb12-amd64", tree(["noop_llseek"]));
writeHeaderPack(packs, "debian-7.3.4+deb13-amd64", tree(["noop_llseek"], ["#define PAT_VALUE(x) (x)"]));

const DRIVER = {
  "drv.c": [
    "#include <linux/module.h>",
    "#include <linux/fs.h>",
    "static int e_open(struct inode *i, struct file *f)",
    "{",
    "\tfoo_bar(1);",
    "\tmsleepx(3);",
    "\treturn NOT_DEFINED_X + NOT_DEFINED_X;",
    "}",
    "static const struct file_operations fops = {",
    "\t.open = e_open,",
    "\t.llseek = no_llseekz,",
    "};",
    "static int __init e_init(void)",
    "{",
    "\tfoo_bar(2);",
    "\treturn fops.open ? 0 : 1;",
    "}",
    "module_init(e_init);",
    'MODULE_LICENSE("GPL");',
    "",
  ].join("\n"),
  Kbuild: "obj-m += drv.o\n",
};

async function build(files: Record<string, string>, kernel: string) {
  const engine = await createNodeEngine({ headers: packs });
  return engine.run(files, { kernel });
}

describe("a name nothing declares, with the real headers", () => {
  it("is gcc 12's implicit declaration or undeclared name, in display columns, and stops the build (6.12)", async () => {
    const res = await build(DRIVER, "6.12");
    expect(res.build.log.filter((l) => !l.startsWith("#"))).toEqual([
      "<M>/drv.c: In function 'e_open':",
      "<M>/drv.c:5:9: error: implicit declaration of function 'foo_bar' [-Werror=implicit-function-declaration]",
      "<M>/drv.c:6:9: error: implicit declaration of function 'msleepx' [-Werror=implicit-function-declaration]",
      "<M>/drv.c:7:16: error: 'NOT_DEFINED_X' undeclared (first use in this function)",
      "<M>/drv.c:7:16: note: each undeclared identifier is reported only once for each function it appears in",
      "<M>/drv.c: At top level:",
      "<M>/drv.c:11:19: error: 'no_llseekz' undeclared here (not in a function); did you mean 'noop_llseek'?",
      "cc1: some warnings being treated as errors",
    ]);
    expect(res.build.modules.map((m) => m.produced)).toEqual([false]);
    const errors = res.findings.filter((f) => f.id === "CC_UNDECLARED");
    expect(errors.map((f) => [f.file, f.line, f.col])).toEqual([
      ["drv.c", 5, 2],
      ["drv.c", 6, 2],
      ["drv.c", 7, 9],
      ["drv.c", 11, 12],
    ]);
  });

  it("counts bytes in gcc 10's columns and suggests the name 5.10 still has", async () => {
    const res = await build(DRIVER, "5.10");
    expect(res.build.log.filter((l) => !l.startsWith("#"))).toEqual([
      "<M>/drv.c: In function 'e_open':",
      "<M>/drv.c:5:2: error: implicit declaration of function 'foo_bar' [-Werror=implicit-function-declaration]",
      "<M>/drv.c:6:2: error: implicit declaration of function 'msleepx' [-Werror=implicit-function-declaration]",
      "<M>/drv.c:7:9: error: 'NOT_DEFINED_X' undeclared (first use in this function)",
      "<M>/drv.c:7:9: note: each undeclared identifier is reported only once for each function it appears in",
      "<M>/drv.c: At top level:",
      "<M>/drv.c:11:12: error: 'no_llseekz' undeclared here (not in a function); did you mean 'no_llseek'?",
      "cc1: some warnings being treated as errors",
    ]);
  });

  it("is gcc 14's own error, without kbuild's -Werror line (7.3)", async () => {
    const res = await build(DRIVER, "7.3");
    expect(res.build.log.filter((l) => !l.startsWith("#"))).toEqual([
      "drv.c: In function 'e_open':",
      "drv.c:5:9: error: implicit declaration of function 'foo_bar' [-Wimplicit-function-declaration]",
      "drv.c:6:9: error: implicit declaration of function 'msleepx' [-Wimplicit-function-declaration]",
      "drv.c:7:16: error: 'NOT_DEFINED_X' undeclared (first use in this function)",
      "drv.c:7:16: note: each undeclared identifier is reported only once for each function it appears in",
      "drv.c: At top level:",
      "drv.c:11:19: error: 'no_llseekz' undeclared here (not in a function); did you mean 'noop_llseek'?",
    ]);
  });

  it("suggests as gcc does: the newest of equally close names, tags, typedefs and locals, a closer macro, never a change of case alone", async () => {
    const src = [
      "#include <linux/module.h>",
      "struct zork_thing { int a; };",
      "int abcd_one(int);",
      "int abcd_onf(int);",
      "#define ABCD_MAC(x) (x)",
      "typedef int zork_type;",
      "int Qrst_value;",
      "static int f_open(void)",
      "{",
      "\tint local_count = 1;",
      "\tint r = abcd_onx(1);",
      "\tr += zork_thinz;",
      "\tr += zork_typo;",
      "\tr += local_counx;",
      "\tr += ABCD_MAX(1) + ABCD_ONE(2);",
      "\tr += QRST_VALUE;",
      "\treturn r;",
      "}",
      "int use_it(void) { return f_open(); }",
      'MODULE_LICENSE("GPL");',
      "",
    ].join("\n");
    const res = await build({ "drv.c": src, Kbuild: "obj-m += drv.o\n" }, "7.3");
    expect(res.build.log.filter((l) => l.includes("error"))).toEqual([
      "drv.c:11:17: error: implicit declaration of function 'abcd_onx'; did you mean 'abcd_onf'? [-Wimplicit-function-declaration]",
      "drv.c:12:14: error: 'zork_thinz' undeclared (first use in this function); did you mean 'zork_thing'?",
      "drv.c:13:14: error: 'zork_typo' undeclared (first use in this function); did you mean 'zork_type'?",
      "drv.c:14:14: error: 'local_counx' undeclared (first use in this function); did you mean 'local_count'?",
      "drv.c:15:14: error: implicit declaration of function 'ABCD_MAX'; did you mean 'ABCD_MAC'? [-Wimplicit-function-declaration]",
      "drv.c:15:28: error: implicit declaration of function 'ABCD_ONE' [-Wimplicit-function-declaration]",
      "drv.c:16:14: error: 'QRST_VALUE' undeclared (first use in this function); did you mean 'PAT_VALUE'?",
    ]);
  });

  it("is no error for what a function declares in its blocks, __func__, or a branch read again after it", async () => {
    const src = [
      "#include <linux/module.h>",
      "int jfoo(void);",
      "int jq(int flags, int total, int num)",
      "{",
      "\tint queue = num;",
      "\tif (total > 1) {",
      "\t\tif (flags & 4) {",
      "\t\t\tint cpu = jfoo();",
      "\t\t\tqueue = num + cpu % total;",
      "\t\t} else {",
      "\t\t\tqueue = num + (__func__[0] == 'j');",
      "\t\t}",
      "\t}",
      "\treturn queue;",
      "}",
      'MODULE_LICENSE("GPL");',
      "",
    ].join("\n");
    const res = await build({ "drv.c": src, Kbuild: "obj-m += drv.o\n" }, "6.12");
    // (6.12's kbuild warns of jq's missing prototype, and only of that)
    expect(res.findings.filter((f) => f.stage === "compile").map((f) => f.text)).toEqual(["warning: no previous prototype for 'jq' [-Wmissing-prototypes]"]);
    expect(res.model.modules[0].uses.map((u) => u.symbol)).toContain("jfoo");
  });

  it("names the header of a C library function gcc has as a built-in, after the last #include gcc entered, and warns of a type that is not int ()", async () => {
    // (7.3 removed strncpy: out-of-tree rapiddisk 9.2.0 stops on it the same way)
    const src =
      '#include <linux/module.h>\n#include <linux/kernel.h>\n\nint f1(void)\n{\n\tputs("x");\n\treturn (int)(long)malloc(3) + putchar(1);\n}\nMODULE_LICENSE("GPL");\n';
    const res = await build({ "drv.c": src, Kbuild: "obj-m += drv.o\n" }, "7.3");
    expect(res.build.log.filter((l) => !l.startsWith("#"))).toEqual([
      "drv.c:4:5: warning: no previous prototype for 'f1' [-Wmissing-prototypes]",
      "drv.c: In function 'f1':",
      "drv.c:6:9: error: implicit declaration of function 'puts' [-Wimplicit-function-declaration]",
      "drv.c:2:1: note: include '<stdio.h>' or provide a declaration of 'puts'",
      "drv.c:7:27: error: implicit declaration of function 'malloc' [-Wimplicit-function-declaration]",
      "drv.c:2:1: note: include '<stdlib.h>' or provide a declaration of 'malloc'",
      "drv.c:7:27: warning: incompatible implicit declaration of built-in function 'malloc' [-Wbuiltin-declaration-mismatch]",
      "drv.c:7:27: note: include '<stdlib.h>' or provide a declaration of 'malloc'",
      "drv.c:7:39: error: implicit declaration of function 'putchar' [-Wimplicit-function-declaration]",
      "drv.c:7:39: note: include '<stdio.h>' or provide a declaration of 'putchar'",
    ]);
  });

  it("declares a built-in again, with the mismatch warning alone, where a call is out of the blocks of its earlier implicit declarations", async () => {
    // (gcc 14 on the same lines, the tree's <linux/module.h> having entered <linux/kernel.h>;
    // out-of-tree adv-17v35x 5.0.7.0 on 7.3 calls strncpy in an if and in its else, and gcc
    // prints both)
    const src = [
      "#include <linux/module.h>",
      "#include <linux/kernel.h>",
      "",
      "int f1(char *a, char *b, int k)",
      "{",
      "\tif (k) {",
      '\t\tstrncpy(a, "x", 2);',
      '\t\tstrncpy(b, "y", 2);',
      "\t} else {",
      '\t\tstrncpy(b, "z", 2);',
      "\t}",
      "\treturn k;",
      "}",
      "int f2(char *a)",
      "{",
      '\treturn strncpy(a, "w", 2) != 0;',
      "}",
      'MODULE_LICENSE("GPL");',
      "",
    ].join("\n");
    const res = await build({ "drv.c": src, Kbuild: "obj-m += drv.o\n" }, "7.3");
    expect(res.build.log.filter((l) => !l.startsWith("#"))).toEqual([
      "drv.c:4:5: warning: no previous prototype for 'f1' [-Wmissing-prototypes]",
      "drv.c: In function 'f1':",
      "drv.c:7:17: error: implicit declaration of function 'strncpy' [-Wimplicit-function-declaration]",
      "drv.c:2:1: note: include '<string.h>' or provide a declaration of 'strncpy'",
      "drv.c:7:17: warning: incompatible implicit declaration of built-in function 'strncpy' [-Wbuiltin-declaration-mismatch]",
      "drv.c:7:17: note: include '<string.h>' or provide a declaration of 'strncpy'",
      "drv.c:10:17: warning: incompatible implicit declaration of built-in function 'strncpy' [-Wbuiltin-declaration-mismatch]",
      "drv.c:10:17: note: include '<string.h>' or provide a declaration of 'strncpy'",
      "drv.c: At top level:",
      "drv.c:14:5: warning: no previous prototype for 'f2' [-Wmissing-prototypes]",
      "drv.c: In function 'f2':",
      "drv.c:16:16: warning: incompatible implicit declaration of built-in function 'strncpy' [-Wbuiltin-declaration-mismatch]",
      "drv.c:16:16: note: include '<string.h>' or provide a declaration of 'strncpy'",
    ]);
    expect(res.findings.filter((f) => f.id === "CC_UNDECLARED").map((f) => f.line)).toEqual([7]);
  });

  it("warns of a global function defined without a prototype from 6.8, as kbuild's -Wmissing-prototypes does", async () => {
    // (gcc 12 on the same lines; static functions and those declared before are not warned of)
    const src = [
      "#include <linux/module.h>",
      "int a_decl(void);",
      "int a_decl(void) { return 1; }",
      "int c_none(int x) { return x; }",
      "static int d_static(void) { return 3; }",
      "int e_use(void) { return d_static(); }",
      'MODULE_LICENSE("GPL");',
      "",
    ].join("\n");
    const files = { "drv.c": src, Kbuild: "obj-m += drv.o\n" };
    const res = await build(files, "6.12");
    expect(res.build.log.filter((l) => !l.startsWith("#"))).toEqual([
      "<M>/drv.c:4:5: warning: no previous prototype for 'c_none' [-Wmissing-prototypes]",
      "<M>/drv.c:6:5: warning: no previous prototype for 'e_use' [-Wmissing-prototypes]",
    ]);
    expect(res.build.modules.map((m) => m.produced)).toEqual([true]);
    expect(res.findings.filter((f) => f.id === "CC_NO_PROTOTYPE").map((f) => [f.severity, f.line, f.col])).toEqual([
      ["warning", 4, 5],
      ["warning", 6, 5],
    ]);
    const old = await build(files, "5.10");
    expect(old.findings.filter((f) => f.stage === "compile")).toEqual([]);
  });

  it("offers gcc's suggestion as the editor's quick fix, and only where gcc makes one", async () => {
    const res = await build(DRIVER, "6.12");
    const ctx = { result: res, files: DRIVER, form: res.kernel.syntax.namespace };
    const [seek] = res.findings.filter((f) => f.text.includes("no_llseekz"));
    const [fix] = quickFixesFor(seek, ctx);
    expect(fix.title).toBe("Change to noop_llseek");
    const fixed = { ...DRIVER, ...applyEdits(DRIVER, fix.edits) };
    expect(fixed["drv.c"]).toContain("\t.llseek = noop_llseek,\n");
    const after = await build(fixed, "6.12");
    expect(after.findings.filter((f) => f.id === "CC_UNDECLARED").map((f) => f.line)).toEqual([5, 6, 7]);
    expect(
      quickFixesFor(
        res.findings.find((f) => f.text.includes("foo_bar"))!,
        ctx,
      ),
    ).toEqual([]);
  });

  it("leaves a file read with the built-in prelude alone: its headers are not the kernel's", async () => {
    const plain = await createNodeEngine();
    const res = await plain.run(DRIVER, { kernel: "6.12" });
    expect(res.findings.filter((f) => f.id === "CC_UNDECLARED")).toEqual([]);
  });
});
