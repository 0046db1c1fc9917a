// The facade keeps an engine bug from costing anything: a trap becomes an internal-error
// finding, and the next run works on a fresh instance.

import { describe, expect, it } from "vitest";
import { createNodeEngine } from "../../src/engine/node";

const FILES = { "a.c": 'MODULE_LICENSE("GPL");\nMODULE_DESCRIPTION("a");\n' };

describe("the engine facade", () => {
  it("turns a trap into an internal-error finding and keeps working", async () => {
    const engine = await createNodeEngine();
    const broken = await engine.run(FILES, { kernel: "6.12", inject: "trap" });
    expect(broken.findings).toHaveLength(1);
    expect(broken.findings[0]).toMatchObject({ id: "INTERNAL_ERROR", stage: "internal", severity: "error" });
    expect(broken.findings[0].text).toContain("your files are unchanged");
    const next = await engine.run(FILES, { kernel: "6.12" });
    expect(next.findings.filter((f) => f.stage === "internal")).toEqual([]);
    expect(next.build.modules.map((m) => m.name)).toEqual(["a"]);
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
});
