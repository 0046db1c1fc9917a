// A run after an edit reuses what the last one made — the preprocessor's checkpoint after
// the main file's #include lines, the C tokens before it, the configuration and autoconf.h —
// and must answer exactly what a fresh engine answers for the same files.

import { describe, expect, it } from "vitest";
import { createNodeEngine } from "../../src/engine/hosts/node";
import type { RunResult, WorkspaceFiles } from "../../src/engine";

const HEADER = [
  "void gpl_thing(void);",
  "void plain_thing(void);",
  "#define CALL_PLAIN() plain_thing()",
  "static inline void inner(void) { gpl_thing(); }",
  "static inline void outer(void) { inner(); }",
  "",
].join("\n");

function driver(body: string): string {
  return `#include <linux/module.h>\n#include "helpers.h"\n\n${body}\nMODULE_LICENSE("Proprietary");\n`;
}

const LIB = 'void gpl_thing(void) { }\nEXPORT_SYMBOL_GPL(gpl_thing);\nvoid plain_thing(void) { }\nEXPORT_SYMBOL(plain_thing);\nMODULE_LICENSE("GPL");\n';

const BODIES = [
  "int f(void) { return 0; }\nEXPORT_SYMBOL(f);",
  "int f(void) { outer(); return 0; }\nEXPORT_SYMBOL(f);",
  "int f(void) { CALL_PLAIN(); return 0; }\nEXPORT_SYMBOL(f);",
  '#ifdef CONFIG_MODULES\nint f(void) { outer(); CALL_PLAIN(); pr_info("x\\n"); return 0; }\n#endif\nEXPORT_SYMBOL(f);',
  "int f(void) { return 1; }\nEXPORT_SYMBOL(f);\nint g(void) { inner(); return 0; }\nEXPORT_SYMBOL(g);",
];

/** The result without what says how it was made. */
function comparable(r: RunResult): unknown {
  return { findings: r.findings, model: r.model, build: r.build, transcript: r.transcript, sources: r.sources };
}

describe("runs after an edit", () => {
  it("answer what a fresh engine answers, edit after edit", async () => {
    const engine = await createNodeEngine();
    await engine.useProfileFor("6.12");
    for (const body of [...BODIES, ...BODIES.slice().reverse()]) {
      const files: WorkspaceFiles = { "helpers.h": HEADER, "drv.c": driver(body), "lib.c": LIB, load: "insmod lib.ko\ninsmod drv.ko\n" };
      const again = engine.runLoaded(files, { kernel: "6.12" });
      const fresh = await createNodeEngine();
      await fresh.useProfileFor("6.12");
      expect(comparable(again)).toEqual(comparable(fresh.runLoaded(files, { kernel: "6.12" })));
    }
  });

  it("reads a changed header again, not the tokens kept from before it changed", async () => {
    const engine = await createNodeEngine();
    await engine.useProfileFor("6.12");
    const files: WorkspaceFiles = { "helpers.h": HEADER, "drv.c": driver(BODIES[1]), "lib.c": LIB, load: "insmod lib.ko\ninsmod drv.ko\n" };
    const before = engine.runLoaded(files, { kernel: "6.12" });
    expect(before.findings.some((f) => f.id === "MODPOST_GPL_ONLY")).toBe(true);
    const changed = engine.runLoaded({ ...files, "helpers.h": HEADER.replace("{ gpl_thing(); }", "{ plain_thing(); }") }, { kernel: "6.12" });
    expect(changed.findings.some((f) => f.id === "MODPOST_GPL_ONLY")).toBe(false);
    expect(changed.model.modules.find((m) => m.name === "drv")?.uses.find((u) => u.symbol === "plain_thing")).toMatchObject({ via: "outer" });
  });

  it("searches again when a file comes or goes, not only when a text changes", async () => {
    const engine = await createNodeEngine();
    await engine.useProfileFor("6.12");
    const probing = (body: string): string =>
      `#include <linux/module.h>\n#include "helpers.h"\n#if __has_include("extra.h")\n#include "extra.h"\n#endif\n\n${body}\nMODULE_LICENSE("GPL");\n`;
    const body = "#ifdef EXTRA\nint f(void) { plain_thing(); return 0; }\n#endif\n";
    const files: WorkspaceFiles = { "helpers.h": HEADER, "drv.c": probing(body), "lib.c": LIB, load: "insmod lib.ko\ninsmod drv.ko\n" };
    const usesOf = (r: RunResult): string[] => r.model.modules.find((m) => m.name === "drv")!.uses.map((u) => u.symbol);
    expect(usesOf(engine.runLoaded(files, { kernel: "6.12" }))).not.toContain("plain_thing");
    const added = { ...files, "extra.h": "#define EXTRA 1\n", "drv.c": probing(body + "\n") };
    expect(usesOf(engine.runLoaded(added, { kernel: "6.12" }))).toContain("plain_thing");
    const removed = { ...files, "drv.c": probing(body + "\n\n") };
    expect(usesOf(engine.runLoaded(removed, { kernel: "6.12" }))).not.toContain("plain_thing");
  });
});
