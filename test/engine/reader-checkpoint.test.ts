// A run after an edit below a driver's #include lines reads file scope from where the last
// run finished the headers (the C reader's checkpoint, wasm/assembly/source/c/checkpoint.ts)
// and must answer exactly what a fresh engine answers for the same files, whatever the edit:
// in the body, before the includes, a new #include or #define, a workspace header.

import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildPack, stripComments } from "../../src/cli/headerpack";
import { createNodeEngine } from "../../src/engine/hosts/node";
import type { RunResult, WorkspaceFiles } from "../../src/engine";

const PROFILE = "debian-6.12.118+deb12-amd64";

/** A kernel tree whose headers declare what file scope keeps: typedefs, records (one left
 *  incomplete for the driver), enum constants, a static const, prototypes, static inline
 *  functions that fold on constants, sizeof and a switch, and a macro that exports. */
const TREE: Record<string, string> = {
  "include/linux/compiler-version.h": "#define KSYMNS_TEST_COMPILER_VERSION 1\n",
  "include/linux/kconfig.h":
    "#ifndef __LINUX_KCONFIG_H\n#define __LINUX_KCONFIG_H\n#include <generated/autoconf.h>\n#define IS_ENABLED(option) (defined(option) || defined(option##_MODULE))\n#endif\n",
  "include/linux/compiler_types.h":
    "#ifndef __LINUX_COMPILER_TYPES_H\n#define __LINUX_COMPILER_TYPES_H\n#define __section(s) __attribute__((__section__(s)))\n#define __used __attribute__((__used__))\n#define __always_inline inline __attribute__((__always_inline__))\n#endif\n",
  "include/linux/module.h": [
    "#ifndef _LINUX_MODULE_H",
    "#define _LINUX_MODULE_H",
    "#include <linux/helper.h>",
    '#define __MODULE_INFO(tag, name, info) static const char name[] __used __section(".modinfo") __attribute__((aligned(1))) = #tag "=" info',
    "#define MODULE_LICENSE(_license) __MODULE_INFO(license, __ksymns_test_license, _license)",
    "#define MODULE_IMPORT_NS(ns) __MODULE_INFO(import_ns, __ksymns_test_import, #ns)",
    "#endif",
    "",
  ].join("\n"),
  "include/linux/helper.h": [
    "#ifndef _LINUX_HELPER_H",
    "#define _LINUX_HELPER_H",
    "typedef unsigned long size_t;",
    "struct obj { int a; long b; char name[16]; };",
    "struct later;",
    "enum mode { MODE_A = 3, MODE_B = MODE_A * 2 };",
    "static const int LIMIT = 8;",
    "extern void real_helper(int);",
    "extern void real_other(int);",
    "extern void *real_alloc(size_t n);",
    "void defined_by_driver(void);",
    "static inline void wrapped_helper(int x) { if (x > LIMIT) real_other(x); else real_helper(x); }",
    "static inline int obj_size(void) { return sizeof(struct obj); }",
    "static inline void *alloc_obj(void) { return real_alloc(sizeof(struct obj) * 2); }",
    "static __always_inline void pick(int m) { switch (m) { case MODE_A: real_helper(1); break; case MODE_B: real_other(2); break; } }",
    "static inline void unused_helper(void) { real_other(99); }",
    "#endif",
    "",
  ].join("\n"),
  "include/linux/other.h": "#define OTHER_K 4\nextern void real_third(void);\nstatic inline void third(void) { real_third(); }\n",
};

function writePack(): string {
  const root = mkdtempSync(join(tmpdir(), "ksymns-packs-"));
  const files = new Map(Object.entries(TREE).map(([p, t]) => [p, stripComments(t)]));
  const { index, chunks } = buildPack(files, { profile: PROFILE, release: PROFILE.replace(/^debian-/, ""), packages: [] });
  const dir = join(root, PROFILE);
  mkdirSync(dir);
  for (const [name, bytes] of chunks) writeFileSync(join(dir, name), bytes);
  writeFileSync(join(dir, "index.json"), JSON.stringify(index));
  return root;
}

const LOCAL = "#define LOCAL_K 2\nstatic inline void local_call(int v) { if (v) real_other(v); }\n";

function driver(body: string, leading = "", before = ""): string {
  return `${before}// SPDX-License-Identifier: GPL-2.0\n#include <linux/module.h>\n#include "local.h"\n${leading}\n${body}\nMODULE_LICENSE("GPL");\n`;
}

const BODY = [
  "struct later { int x; struct obj o; };",
  "void defined_by_driver(void) { wrapped_helper(1); }",
  "static int drv_poke(int v) { pick(MODE_B); wrapped_helper(v); return obj_size() + LOCAL_K; }",
  "int drv_entry(void) { return drv_poke(LIMIT + 1) + sizeof(struct later); }",
  "EXPORT_SYMBOL(drv_entry);",
].join("\n");

/** Each step: the driver's text and the workspace header's, as an editor would leave them. */
const STEPS: Array<[string, string]> = [
  [driver(BODY), LOCAL],
  [driver(BODY.replace("pick(MODE_B)", "pick(MODE_A); local_call(LOCAL_K)")), LOCAL],
  [driver(BODY + "\nint drv_more(void) { void *p = alloc_obj(); return p != 0; }\nEXPORT_SYMBOL_GPL(drv_more);"), LOCAL],
  [driver(BODY, "", "/* a line before the includes */\n"), LOCAL],
  [driver(BODY.replace("wrapped_helper(1)", "wrapped_helper(LIMIT * 2)"), "", "/* a line before the includes */\n"), LOCAL],
  [driver(BODY + "\nvoid drv_third(void) { third(); }\nEXPORT_SYMBOL(drv_third);", "#include <linux/other.h>"), LOCAL],
  [driver(BODY + "\nint drv_k(void) { return OTHER_K; }", "#include <linux/other.h>"), LOCAL],
  [driver(BODY.replace("LOCAL_K;", "LOCAL_K + EXTRA;"), "#define EXTRA 3"), LOCAL],
  [driver(BODY.replace("LOCAL_K;", "LOCAL_K + EXTRA + 1;"), "#define EXTRA 3"), LOCAL],
  [driver(BODY), LOCAL.replace("real_other(v)", "real_helper(v)")],
  [driver(BODY.replace("pick(MODE_B)", "local_call(1)")), LOCAL.replace("real_other(v)", "real_helper(v)")],
  [driver(BODY.replace("struct later { int x; struct obj o; };", "struct obj { char other; };\nstruct later { int y; };")), LOCAL],
  // the members a body gave the headers' incomplete struct must not stay in it
  [
    driver(BODY.replace("struct later { int x; struct obj o; };", "") + "\nint probe(struct later *l) { if (sizeof(l->x) != 4) real_alloc(0); return 0; }"),
    LOCAL,
  ],
  [driver(BODY + "\nint broken(void) { if (1) {"), LOCAL],
  [driver("int LIMIT;\nvoid real_helper(int v) { }\nEXPORT_SYMBOL(real_helper);\n" + BODY), LOCAL],
  [driver(BODY), LOCAL],
];

/** The result without what says how it was made. */
function comparable(r: RunResult): unknown {
  return { findings: r.findings, model: r.model, build: r.build, transcript: r.transcript, sources: r.sources };
}

describe("runs after an edit with a header pack", () => {
  const packs = writePack();

  it("answer what a fresh engine answers, edit after edit", async () => {
    const engine = await createNodeEngine({ headers: packs });
    await engine.useProfileFor("6.12");
    // every step twice: a run after a change before the body starts over, the next one
    // resumes the preprocessor, and the runs after it the reader's file scope too
    for (const [text, local] of [...STEPS, ...STEPS.slice().reverse()].flatMap((s) => [s, [s[0] + "\n", s[1]] as [string, string]])) {
      const files: WorkspaceFiles = { "drv.c": text, "local.h": local };
      const again = await engine.run(files, { kernel: "6.12" });
      expect(again.kernel.headers).toEqual({ pack: PROFILE, units: 1, needed: [] });
      const fresh = await createNodeEngine({ headers: packs });
      await fresh.useProfileFor("6.12");
      expect(comparable(again)).toEqual(comparable(await fresh.run(files, { kernel: "6.12" })));
    }
  });

  it("finds the calls of the headers' inline functions in a resumed read", async () => {
    const engine = await createNodeEngine({ headers: packs });
    await engine.useProfileFor("6.12");
    const uses = async (body: string): Promise<string[]> =>
      (await engine.run({ "drv.c": driver(body), "local.h": LOCAL }, { kernel: "6.12" })).model.modules[0].uses.map((u) => u.symbol);
    await uses(BODY);
    await uses(BODY + "\n");
    expect(await uses(BODY)).toEqual(expect.arrayContaining(["real_helper", "real_other"]));
    expect(await uses(BODY + "\nint drv_more(void) { return alloc_obj() != 0; }")).toContain("real_alloc");
    const fewer = await uses(BODY.replace("pick(MODE_B); wrapped_helper(v);", "pick(MODE_A);"));
    expect(fewer).toContain("real_helper");
    expect(fewer).not.toContain("real_other");
  });
});
