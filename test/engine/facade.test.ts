// The facade keeps an engine bug from costing anything: a trap becomes an internal-error
// finding, and the next run works on a fresh instance.

import { describe, expect, it } from "vitest";
import { createNodeEngine } from "../../src/engine/hosts/node";
import { readFileSync } from "node:fs";
import { ENGINE_MEMORY_LIMIT, isOutOfMemory } from "../../src/engine/engine";

const FILES = { "a.c": 'MODULE_LICENSE("GPL");\nMODULE_DESCRIPTION("a");\n' };

describe("the engine facade", () => {
  it("turns a trap into an internal-error finding and keeps working", async () => {
    const engine = await createNodeEngine();
    engine.injectFault("trap");
    const broken = await engine.run(FILES, { kernel: "6.12" });
    expect(broken.findings).toHaveLength(1);
    expect(broken.findings[0]).toMatchObject({ id: "INTERNAL_ERROR", stage: "internal", severity: "error" });
    expect(broken.findings[0].text).toContain("your files are unchanged");
    const next = await engine.run(FILES, { kernel: "6.12" });
    expect(next.findings.filter((f) => f.stage === "internal")).toEqual([]);
    expect(next.build.modules.map((m) => m.name)).toEqual(["a"]);
  });

  it("says the engine ran out of memory, with its limit, and keeps working", async () => {
    const engine = await createNodeEngine();
    engine.injectFault("oom");
    const broken = await engine.run(FILES, { kernel: "6.12" });
    expect(broken.findings).toHaveLength(1);
    expect(broken.findings[0]).toMatchObject({ id: "INTERNAL_ERROR", stage: "internal", severity: "error" });
    expect(broken.findings[0].text).toMatch(
      /^ksymns ran out of memory on this workspace \(the engine may use 1 GiB; it held \d+ MiB when an allocation failed\)\. Your files are unchanged/,
    );
    const next = await engine.run(FILES, { kernel: "6.12" });
    expect(next.findings.filter((f) => f.stage === "internal")).toEqual([]);
  });

  it("makes a run that ran out of memory on an instance earlier runs filled once more on a fresh one", async () => {
    const engine = await createNodeEngine();
    expect((await engine.run(FILES, { kernel: "6.12" })).findings.filter((f) => f.stage === "internal")).toEqual([]);
    engine.injectFault("oom");
    const res = await engine.run(FILES, { kernel: "6.12" });
    expect(res.findings.filter((f) => f.stage === "internal")).toEqual([]);
    expect(res.build.modules.map((m) => m.name)).toEqual(["a"]);
  });

  it("tells a failed memory.grow from other traps by how much memory was in use", () => {
    const grow = new WebAssembly.RuntimeError("unreachable");
    expect(isOutOfMemory(grow, ENGINE_MEMORY_LIMIT - (64 << 20))).toBe(true);
    expect(isOutOfMemory(grow, 64 << 20)).toBe(false);
    expect(isOutOfMemory(new Error("Allocation too large in ~lib/rt/tlsf.ts:480:33"), 1 << 20)).toBe(true);
    expect(isOutOfMemory(new Error("index out of range"), ENGINE_MEMORY_LIMIT)).toBe(false);
    // the limit the message states is the one the engine is built with
    const asconfig = JSON.parse(readFileSync(new URL("../../wasm/asconfig.json", import.meta.url), "utf8"));
    expect(asconfig.targets.release.maximumMemory * 65536).toBe(ENGINE_MEMORY_LIMIT);
  });

  it("stays usable across hundreds of runs with garbage collected between them", async () => {
    const engine = await createNodeEngine();
    await engine.useProfileFor("6.12");
    for (let i = 0; i < 300; i++) {
      engine.runLoaded({ ...FILES, "b.c": `int x${i};\nMODULE_LICENSE("GPL");\n` }, { kernel: "6.12" });
      if (i % 50 === 0) await new Promise((r) => setTimeout(r, 0));
    }
    const res = await engine.run(FILES, { kernel: "6.12" });
    expect(res.findings.filter((f) => f.stage === "internal")).toEqual([]);
  });

  it("gives what a fresh engine gives when runs go with and without the base kernel's table in turn", async () => {
    // the engine keeps a configuration, an autoconf.h and a lexed file of each kind (a light embed's pattern)
    const uses = {
      "a.c":
        '#include <linux/module.h>\nint dma_buf_export(void);\nstatic int __init f(void) { return dma_buf_export(); }\nmodule_init(f);\nMODULE_LICENSE("GPL");\n',
    };
    const fresh = async (profile: boolean) => (await createNodeEngine()).run(uses, { profile });
    const [light, full] = [await fresh(false), await fresh(true)];
    const engine = await createNodeEngine();
    for (let turn = 0; turn < 3; turn++) {
      expect(await engine.run(uses, { profile: false })).toEqual(light);
      expect(await engine.run(uses, { profile: true })).toEqual(full);
    }
  });
});
