// A run after an edit below a file's #include lines starts where the previous run finished
// them, and gives exactly what a fresh engine gives; any change before that point, in a
// header or in the options, makes it start from the beginning.

import { describe, expect, it } from "vitest";
import { createNodeEngine } from "../../../src/engine/hosts/node";
import type { PreprocessOptions, PreprocessResult, WorkspaceFiles } from "../../../src/engine";

const HEADERS: WorkspaceFiles = {
  "inc/linux/module.h":
    "#ifndef MODULE_H\n#define MODULE_H\n#include <linux/export.h>\n#define MODULE_LICENSE(x) static const char __license[] = x\n#define pr_info(fmt, ...) printk(fmt, ##__VA_ARGS__)\nint printk(const char *, ...);\n#endif\n",
  "inc/linux/export.h":
    "#pragma once\n#define EXPORT_SYMBOL(s) extern typeof(s) s\n#define __stringify(x) #x\n#if __has_include(<linux/extra.h>)\n#define HAS_EXTRA 1\n#endif\n",
  "local.h": "#define LOCAL(x) (x + __COUNTER__)\n",
};
const OPTIONS: PreprocessOptions = { main: "drv.c", includeDirs: ["inc"], intrinsics: ["EXPORT_SYMBOL()"], snapshots: ["DEFAULT_SYMBOL_NAMESPACE"] };

function driver(body: string): string {
  return `// SPDX-License-Identifier: GPL-2.0\n#include <linux/module.h>\n#include "local.h"\n#define DEFAULT_SYMBOL_NAMESPACE "TOY"\n${body}`;
}

/** The result without the statistics that say how it was made. */
function comparable(r: PreprocessResult): unknown {
  return { ...r, stats: { expansions: r.stats.expansions, work: r.stats.work } };
}

async function fresh(files: WorkspaceFiles, options = OPTIONS): Promise<PreprocessResult> {
  return (await createNodeEngine()).preprocess(files, options);
}

describe("resuming after the leading #include lines", () => {
  it("resumes after an edit in the body and gives what a fresh run gives", async () => {
    const e = await createNodeEngine();
    const first = e.preprocess({ ...HEADERS, "drv.c": driver("int a = LOCAL(1);\nEXPORT_SYMBOL(a);\n") }, OPTIONS);
    expect(first.stats.resumed).toBe(false);
    const edited = {
      ...HEADERS,
      "drv.c": driver('int a = LOCAL(2) + __LINE__;\n#if HAS_EXTRA\nextra\n#endif\nEXPORT_SYMBOL(a);\npr_info("x" __stringify(__COUNTER__));\n/* open'),
    };
    const second = e.preprocess(edited, OPTIONS);
    expect(second.stats.resumed).toBe(true);
    expect(second.stats.lexedFiles).toBe(1);
    expect(comparable(second)).toEqual(comparable(await fresh(edited)));
    expect(second.calls.map((c) => c.snapshots)).toEqual([['"TOY"']]);
  });

  it("starts over when the lines before the body, a header or the options change", async () => {
    const e = await createNodeEngine();
    const base = { ...HEADERS, "drv.c": driver("int a;\n") };
    e.preprocess(base, OPTIONS);
    const prefix = { ...base, "drv.c": base["drv.c"].toString().replace('"TOY"', '"OTHER"') };
    expect(e.preprocess(prefix, OPTIONS).stats.resumed).toBe(false);
    const header = { ...prefix, "local.h": "#define LOCAL(x) (x)\n" };
    expect(e.preprocess(header, OPTIONS).stats.resumed).toBe(false);
    const shadow = { ...header, "inc/linux/extra.h": "" };
    const r = e.preprocess(shadow, OPTIONS);
    expect(r.stats.resumed).toBe(false);
    expect(comparable(r)).toEqual(comparable(await fresh(shadow)));
    expect(e.preprocess(shadow, { ...OPTIONS, defines: ["X"] }).stats.resumed).toBe(false);
    expect(e.preprocess(shadow, { ...OPTIONS, defines: ["X"] }).stats.resumed).toBe(true);
  });
});
