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

describe("starting at another unit's checkpoint", () => {
  const UNIT: PreprocessOptions = { ...OPTIONS, unitDefines: ["KBUILD_MODNAME"] };
  const unit = (main: string, modname: string): PreprocessOptions => ({ ...UNIT, main, defines: [`KBUILD_MODNAME="${modname}"`, "X=1"] });
  const files: WorkspaceFiles = {
    ...HEADERS,
    "drv.c": driver("const char *n = KBUILD_MODNAME;\nint a = LOCAL(1);\n"),
    "other.c": driver("const char *m = KBUILD_MODNAME __FILE__ __BASE_FILE__;\nint b = LOCAL(2);\n/* open"),
  };

  it("starts a unit of the same folder with the same leading lines where the other stopped, giving what a fresh run gives", async () => {
    const e = await createNodeEngine();
    expect(e.preprocess(files, unit("drv.c", "drv")).stats.resumed).toBe(false);
    const other = e.preprocess(files, unit("other.c", "other"));
    expect(other.stats.resumed).toBe(true);
    const alone = await fresh(files, unit("other.c", "other"));
    expect(alone.stats.resumed).toBe(false);
    expect(comparable(other)).toEqual(comparable(alone));
    expect(other.text).toContain('"other" "other.c" "other.c";');
  });

  it("starts over when a header read a unit's own name, the leading lines differ or the folder does", async () => {
    const e = await createNodeEngine();
    const reads = { ...files, "local.h": "#ifdef KBUILD_MODNAME\n#define LOCAL(x) (x)\n#endif\n" };
    e.preprocess(reads, unit("drv.c", "drv"));
    const other = e.preprocess(reads, unit("other.c", "other"));
    expect(other.stats.resumed).toBe(false);
    const base = e.preprocess(files, unit("drv.c", "drv"));
    expect(base.stats.resumed).toBe(false);
    const lines = { ...files, "other.c": files["other.c"].toString().replace('"TOY"', '"OTHER"') };
    expect(e.preprocess(lines, unit("other.c", "other")).stats.resumed).toBe(false);
    const elsewhere = { ...files, "sub/other.c": files["other.c"] };
    e.preprocess(files, unit("drv.c", "drv"));
    expect(e.preprocess(elsewhere, unit("sub/other.c", "other")).stats.resumed).toBe(false);
    const options = { ...unit("other.c", "other"), defines: ['KBUILD_MODNAME="other"', "X=2"] };
    e.preprocess(files, unit("drv.c", "drv"));
    expect(e.preprocess(files, options).stats.resumed).toBe(false);
  });
});
