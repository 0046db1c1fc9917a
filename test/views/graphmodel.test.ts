// The namespace graph's model: nodes from the engine's model, edge verdicts from its findings.

import { describe, expect, it } from "vitest";
import { createNodeEngine } from "../../src/engine/node";
import { EXAMPLE } from "../../src/example";
import { atlasGraph, workspaceGraph } from "../../src/views/graphmodel";

describe("the namespace graph", () => {
  it("colours a use the engine refused red and the export it needs green", async () => {
    const engine = await createNodeEngine();
    const result = await engine.run(EXAMPLE, { kernel: "6.12", relaxed: true });
    const g = workspaceGraph(result);
    expect(g.nodes.map((n) => n.id).sort()).toEqual(["mod:exporter", "mod:user", "ns:TOY_NS", "sym:toy_get"]);
    const edge = (from: string, to: string) => g.edges.find((e) => e.from === from && e.to === to);
    expect(edge("mod:user", "sym:toy_get")).toMatchObject({ kind: "use", verdict: "refused" });
    expect(edge("mod:user", "sym:toy_get")!.why.join("\n")).toContain("does not import it");
    expect(edge("mod:exporter", "sym:toy_get")).toMatchObject({ kind: "export", verdict: "allowed" });
    expect(g.nodes.find((n) => n.id === "sym:toy_get")!.range).toMatchObject({ file: "exporter.c", line: 8 });
  });

  it("turns the use green once the import is written", async () => {
    const engine = await createNodeEngine();
    const user = String(EXAMPLE["user.c"]).replace('MODULE_LICENSE("GPL");', 'MODULE_LICENSE("GPL");\nMODULE_IMPORT_NS(TOY_NS);');
    const g = workspaceGraph(await engine.run({ ...EXAMPLE, "user.c": user }, { kernel: "6.12", relaxed: true }));
    expect(g.edges.find((e) => e.from === "mod:user" && e.to === "sym:toy_get")?.verdict).toBe("allowed");
    expect(g.edges.find((e) => e.from === "mod:user" && e.to === "ns:TOY_NS")).toMatchObject({ kind: "import", verdict: "allowed" });
  });

  it("maps a real profile's namespaces to their exporting modules, filtered by text", async () => {
    const engine = await createNodeEngine();
    await engine.run({}, { kernel: "6.12" });
    const all = engine.namespaces();
    const g = atlasGraph(all, null, "usb_storage");
    expect(g.nodes.some((n) => n.id === "ns:USB_STORAGE")).toBe(true);
    expect(g.edges).toContainEqual(expect.objectContaining({ from: "kmod:usb_storage", to: "ns:USB_STORAGE", kind: "export" }));
    expect(atlasGraph(all, null).nodes.filter((n) => n.kind === "namespace").length).toBe(all.length);
  });
});
