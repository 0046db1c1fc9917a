// The namespace graph's model: nodes from the engine's model, edge verdicts from its findings.

import { describe, expect, it } from "vitest";
import { createNodeEngine } from "../../src/engine/hosts/node";
import { EXAMPLE } from "../../src/example";
import { ATLAS_OVERVIEW, GRAPH_LIMITS, atlasGraph, boundGraph, workspaceGraph } from "../../src/views/graphmodel";
import { manyModules } from "../support/many-modules";

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

  it("opens, unfiltered, on the namespaces most imported by the kernel's modules and those the workspace imports", async () => {
    const engine = await createNodeEngine();
    const dmaUser = 'MODULE_LICENSE("GPL");\nMODULE_IMPORT_NS(DMA_BUF);\n';
    const result = await engine.run({ "dmauser.c": dmaUser }, { kernel: "6.12", relaxed: true });
    const all = engine.namespaces();
    const g = atlasGraph(all, result, "", ATLAS_OVERVIEW);
    const drawn = g.nodes.filter((n) => n.kind === "namespace").map((n) => n.label);
    expect(drawn).toHaveLength(ATLAS_OVERVIEW);
    expect(drawn).toContain("DMA_BUF");
    const most = [...all].sort((a, b) => b.importers.length - a.importers.length)[0];
    expect(drawn).toContain(most.ns);
    // a filter, or no limit, draws whatever matches
    expect(atlasGraph(all, result, "", 0).nodes.filter((n) => n.kind === "namespace")).toHaveLength(all.length);
    expect(atlasGraph(all, result, "USB_STORAGE", ATLAS_OVERVIEW).nodes.some((n) => n.id === "ns:USB_STORAGE")).toBe(true);
  });

  it("shows the kernel's own modules importing a namespace, counted when there are many", async () => {
    const engine = await createNodeEngine();
    await engine.run({}, { kernel: "6.12" });
    const all = engine.namespaces();
    const usbStorage = all.find((n) => n.ns === "USB_STORAGE")!;
    expect(usbStorage.importers).toEqual(expect.arrayContaining(["ums_karma", "uas"]));
    // named by the filter: drawn one by one
    const one = atlasGraph(all, null, "ums_karma");
    expect(one.edges).toContainEqual(expect.objectContaining({ from: "ns:USB_STORAGE", to: "kmod:ums_karma", kind: "import", verdict: "allowed" }));
    // otherwise one node counts them
    const counted = atlasGraph(all, null, "USB_STORAGE").nodes.find((n) => n.id === "kimp:USB_STORAGE");
    expect(counted?.label).toBe(`${usbStorage.importers.length} importing modules`);
    // a namespace with few importers draws each
    const few = all.find((n) => n.importers.length > 0 && n.importers.length <= 6)!;
    const g = atlasGraph(all, null, few.ns);
    for (const m of few.importers) expect(g.edges).toContainEqual(expect.objectContaining({ from: `ns:${few.ns}`, to: `kmod:${m}`, kind: "import" }));
  });
});

describe("a large workspace's graph", () => {
  it("shows a part within the layout limits, modules with problems first, and the filter picks others", async () => {
    const engine = await createNodeEngine();
    const result = await engine.run(manyModules(250), { kernel: "6.12", relaxed: true, profile: false });
    const full = workspaceGraph(result);
    expect(full.nodes.length).toBeGreaterThan(1000);
    const part = boundGraph(full);
    expect(part.nodes.length).toBeLessThanOrEqual(GRAPH_LIMITS.nodes);
    expect(part.edges.length).toBeLessThanOrEqual(GRAPH_LIMITS.edges);
    expect(part.modules.total).toBe(250);
    expect(part.modules.shown).toBeGreaterThan(0);
    expect(part.modules.shown).toBeLessThan(250);
    // every module drawn first has a refused edge (every third module forgets an import)
    const drawn = part.nodes.filter((n) => n.kind === "module");
    expect(drawn.every((m) => full.edges.some((e) => e.from === m.id && e.verdict === "refused"))).toBe(true);
    // every edge joins drawn nodes
    const ids = new Set(part.nodes.map((n) => n.id));
    expect(part.edges.every((e) => ids.has(e.from) && ids.has(e.to))).toBe(true);
    // the filter names a module that problems alone would not show
    const named = boundGraph(full, GRAPH_LIMITS, "m250");
    expect(named.modules.shown).toBe(0);
    const m7 = boundGraph(full, GRAPH_LIMITS, "m7_f3");
    expect(m7.nodes.filter((n) => n.kind === "module").map((n) => n.id)).toEqual(["mod:m7"]);
  });

  it("leaves a graph within the limits whole", async () => {
    const engine = await createNodeEngine();
    const g = workspaceGraph(await engine.run(EXAMPLE, { kernel: "6.12", relaxed: true }));
    expect(boundGraph(g)).toEqual({ ...g, modules: { shown: 2, total: 2 } });
  });
});
