// Quick fixes, applied to real workspaces and checked by running the engine again.

import { readdirSync, readFileSync, statSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createNodeEngine } from "../../src/engine/hosts/node";
import type { RunOptions, WorkspaceFiles } from "../../src/engine";
import { applyEdits, quickFixesFor, type TextEdit } from "../../src/editor/fixes";

const enginePromise = createNodeEngine();

function workspace(name: string): WorkspaceFiles {
  const dir = `test/workspaces/${name}`;
  const files: WorkspaceFiles = {};
  for (const f of readdirSync(dir)) {
    if (statSync(`${dir}/${f}`).isFile() && (f.endsWith(".c") || ["load", "Kbuild", "Module.symvers", ".config"].includes(f)))
      files[f] = readFileSync(`${dir}/${f}`, "utf8");
  }
  return files;
}

const apply = (files: WorkspaceFiles, edits: TextEdit[]): WorkspaceFiles => ({ ...files, ...applyEdits(files, edits) });

async function fixOnce(files: WorkspaceFiles, id: string, options: RunOptions) {
  const engine = await enginePromise;
  const result = await engine.run(files, options);
  const finding = result.findings.find((f) => f.id === id);
  expect(finding, `${id} among ${result.findings.map((f) => f.id)}`).toBeDefined();
  const fixes = quickFixesFor(finding!, { result, files, form: result.kernel.syntax.namespace });
  expect(fixes.length).toBeGreaterThan(0);
  const fixed = apply(files, fixes[0].edits);
  return { fix: fixes[0], fixed, after: await engine.run(fixed, options) };
}

describe("quick fixes", () => {
  it("add the missing import after MODULE_LICENSE as an identifier on 6.12, and the load then succeeds", async () => {
    const { fix, fixed, after } = await fixOnce(workspace("ns-missing-import"), "MODPOST_NS_NOT_IMPORTED", { kernel: "6.12", relaxed: true });
    expect(fix.title).toContain("MODULE_IMPORT_NS(TOY_NS)");
    expect(fixed["user.c"]).toMatch(/MODULE_LICENSE\("GPL"\);\nMODULE_IMPORT_NS\(TOY_NS\);\n/);
    expect(after.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(after.modules_at_end.map((l) => l.split(" ")[0])).toContain("user");
  });

  it("add the missing import as a string literal on 6.13", async () => {
    const files = workspace("ns-missing-import");
    files["exporter.c"] = (files["exporter.c"] as string).replace("TOY_NS)", '"TOY_NS")');
    const { fixed, after } = await fixOnce(files, "MODPOST_NS_NOT_IMPORTED", { kernel: "6.13", relaxed: true });
    expect(fixed["user.c"]).toContain('MODULE_IMPORT_NS("TOY_NS");');
    expect(after.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("quote an identifier import that 6.13 does not compile", async () => {
    const { fixed, after } = await fixOnce(workspace("import-identifier-on-new"), "CC_IMPORT_IDENTIFIER", { kernel: "6.13", relaxed: true });
    expect(fixed["user.c"]).toContain('MODULE_IMPORT_NS("TOY_NS");');
    expect(after.findings.some((f) => f.id === "CC_IMPORT_IDENTIFIER")).toBe(false);
  });

  it("rewrite a quoted import that 6.12 stringifies again instead of adding a second one", async () => {
    const { fix, fixed, after } = await fixOnce(workspace("import-string-on-old"), "MODPOST_NS_NOT_IMPORTED", { kernel: "6.12", relaxed: true });
    expect(fix.title).toBe("Write the import as MODULE_IMPORT_NS(TOY_NS)");
    expect(fixed["user.c"]).toContain("MODULE_IMPORT_NS(TOY_NS);");
    expect(fixed["user.c"]).not.toContain('"TOY_NS"');
    expect(after.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("unquote an export namespace that 6.12 quotes twice", async () => {
    const { fixed, after } = await fixOnce(workspace("ns-string-on-old"), "CC_NS_QUOTED_TWICE", { kernel: "6.12", relaxed: true });
    expect(fixed["exporter.c"]).toContain("EXPORT_SYMBOL_NS_GPL(toy_get, TOY_NS);");
    expect(after.findings.some((f) => f.id === "CC_NS_QUOTED_TWICE")).toBe(false);
  });

  it("change a proprietary license where a GPL-only symbol is used", async () => {
    const { fix, fixed, after } = await fixOnce(workspace("gpl-only-from-proprietary"), "MODPOST_GPL_ONLY", { kernel: "6.12", relaxed: true });
    expect(fix.title).toBe(`Change user's license to "GPL"`);
    expect(fixed["user.c"]).toContain('MODULE_LICENSE("GPL");');
    expect(after.findings.some((f) => f.id === "MODPOST_GPL_ONLY")).toBe(false);
  });

  it("change the proprietary exporter's license when the loader refuses its GPL-only symbol", async () => {
    const { fixed, after } = await fixOnce(workspace("proprietary-exporter-gpl-symbol"), "LOAD_GPL_FROM_PROPRIETARY", { kernel: "6.12", relaxed: true });
    expect(fixed["exporter.c"]).toContain('MODULE_LICENSE("GPL");');
    expect(after.findings.some((f) => f.id === "LOAD_GPL_FROM_PROPRIETARY")).toBe(false);
  });

  it("add a license to a module without one", async () => {
    const { after } = await fixOnce(workspace("missing-license"), "MODPOST_NO_LICENSE", { kernel: "6.12", relaxed: true });
    expect(after.findings.some((f) => f.id === "MODPOST_NO_LICENSE")).toBe(false);
  });
});
