// The embed's URL flags and host protocol, as a host page would use them.

import { createNodeEngine } from "../../src/engine/hosts/node";
import { describe, expect, it } from "vitest";
import { LIMITS, parseHostMessage } from "../../src/embed/protocol";
import { parseFlags, parseLines, parseOrigins } from "../../src/embed/flags";
import { tokenize } from "../../src/embed/highlight";
import { EXAMPLE } from "../../src/example";
import type { WorkspaceFiles } from "../../src/engine";

describe("the embed's URL flags", () => {
  it("default to a split, editable, auto-themed embed that runs on load and talks to no one", () => {
    expect(parseFlags("")).toEqual({
      preset: null,
      readonly: false,
      view: "split",
      file: null,
      lines: [],
      theme: "auto",
      kernel: null,
      toolbar: true,
      run: "load",
      profile: "auto",
      origins: [],
      edit: false,
    });
  });
  it("read every documented flag and fall back on bad values", () => {
    const f = parseFlags(
      "?preset=kvmfr-dma-buf-6.13&readonly&view=result&file=user.c&lines=2-4,9&theme=dark&kernel=6.13&toolbar=0&run=click&profile=off&origins=https://a.example,http://127.0.0.1:8000",
    );
    expect(f).toMatchObject({
      preset: "kvmfr-dma-buf-6.13",
      readonly: true,
      view: "result",
      file: "user.c",
      lines: [2, 3, 4, 9],
      theme: "dark",
      kernel: "6.13",
      toolbar: false,
      run: "click",
      profile: "off",
    });
    expect(f.origins).toEqual(["https://a.example", "http://127.0.0.1:8000"]);
    expect(parseFlags("?view=everything&theme=pink&kernel=latest&preset=../x").view).toBe("split");
    expect(parseFlags("?kernel=latest").kernel).toBeNull();
  });
  it("keep only real origins and bounded line lists", () => {
    expect(parseOrigins("*,javascript:alert(1),https://a.example/path,https://b.example")).toEqual(["https://b.example"]);
    expect(parseLines("1-99999").length).toBe(200);
  });
});

describe("the host protocol", () => {
  it("accepts well-formed messages of version 1", () => {
    expect(parseHostMessage({ ksymns: 1, type: "set-files", files: { "a.c": "int x;\n" }, active: "a.c" })).toEqual({
      type: "set-files",
      id: undefined,
      files: { "a.c": "int x;\n" },
      active: "a.c",
    });
    expect(parseHostMessage({ ksymns: 1, type: "set-options", kernel: "6.13", relaxed: false })).toEqual({
      type: "set-options",
      id: undefined,
      kernel: "6.13",
      relaxed: false,
    });
    expect(parseHostMessage({ ksymns: 1, type: "get-state", id: "q1" })).toEqual({ type: "get-state", id: "q1" });
  });
  it("takes a theme from the host: light, dark or auto, and nothing else", () => {
    for (const theme of ["light", "dark", "auto"])
      expect(parseHostMessage({ ksymns: 1, type: "set-theme", theme })).toEqual({ type: "set-theme", id: undefined, theme });
    for (const theme of ["pink", "", undefined, 1, { toString: () => "dark" }]) expect(parseHostMessage({ ksymns: 1, type: "set-theme", theme })).toBeNull();
  });
  it("ignores anything else: other versions, unknown types, bad fields, oversized files", () => {
    const bad = [
      null,
      "run",
      { type: "run" },
      { ksymns: 2, type: "run" },
      { ksymns: 1, type: "eval", code: "1" },
      { ksymns: 1, type: "set-files", files: {} },
      { ksymns: 1, type: "set-files", files: ["a"] },
      { ksymns: 1, type: "set-files", files: { "../x": "" } },
      { ksymns: 1, type: "set-files", files: { "a.c": 1 } },
      { ksymns: 1, type: "set-files", files: { "a.c": "x".repeat(LIMITS.fileBytes + 1) } },
      { ksymns: 1, type: "set-files", files: Object.fromEntries(Array.from({ length: LIMITS.files + 1 }, (_, i) => [`f${i}.c`, ""])) },
      { ksymns: 1, type: "set-files", files: { "a.c": "" }, active: "b.c" },
      { ksymns: 1, type: "set-options", kernel: "6.12; x" },
      { ksymns: 1, type: "set-options", profile: 1 },
      { ksymns: 1, type: "run", id: 7 },
    ];
    for (const m of bad) expect(parseHostMessage(m)).toBeNull();
  });
  it("takes the element's hand-over to an editor frame: files, a caret, a scroll and a tab, each checked", () => {
    expect(parseHostMessage({ ksymns: 1, type: "edit", file: "a.c", line: 3, col: 5, top: 120, left: 0, tab: "build", files: { "a.c": "int x;\n" } })).toEqual({
      type: "edit",
      id: undefined,
      focus: true,
      file: "a.c",
      line: 3,
      col: 5,
      top: 120,
      left: 0,
      tab: "build",
      files: { "a.c": "int x;\n" },
    });
    expect(parseHostMessage({ ksymns: 1, type: "edit", file: "a.c", line: 1, col: 1 })).toMatchObject({ top: 0, left: 0, focus: true });
    expect(parseHostMessage({ ksymns: 1, type: "edit", file: "a.c", line: 1, col: 1, focus: false })).toMatchObject({ focus: false });
    expect(parseHostMessage({ ksymns: 1, type: "edit", file: "a.c", line: 2, col: 1, anchorLine: 1, anchorCol: 4 })).toMatchObject({
      anchorLine: 1,
      anchorCol: 4,
    });
    const bad = [
      { file: "../a.c", line: 1, col: 1 },
      { file: "a.c", line: 0, col: 1 },
      { file: "a.c", line: 1.5, col: 1 },
      { file: "a.c", line: 1, col: "1" },
      { file: "a.c", line: 1, col: 1, top: -1 },
      { file: "a.c", line: 1, col: 1, tab: "<b>" },
      { file: "a.c", line: 1, col: 1, files: { "a.c": 1 } },
      { file: "a.c", line: 1, col: 1, focus: "no" },
      { file: "a.c", line: 1, col: 1, anchorLine: 2 },
      { file: "a.c", line: 1, col: 1, anchorLine: 0, anchorCol: 1 },
    ];
    for (const m of bad) expect(parseHostMessage({ ksymns: 1, type: "edit", ...m }), JSON.stringify(m)).toBeNull();
  });
  it("takes file names as names only: `active` must be a file, and a file called __proto__ is a file", () => {
    for (const active of ["toString", "constructor", "__proto__", "hasOwnProperty"]) {
      expect(parseHostMessage({ ksymns: 1, type: "set-files", files: { "a.c": "" }, active })).toBeNull();
    }
    // as a host's JSON arrives: __proto__ an own key, not the prototype
    const m = parseHostMessage(JSON.parse('{"ksymns":1,"type":"set-files","files":{"__proto__":"int x;","a.c":""},"active":"__proto__"}'));
    expect(m).toMatchObject({ type: "set-files", active: "__proto__" });
    const files = (m as { files: Record<string, string> }).files;
    expect(Object.getPrototypeOf(files)).toBeNull();
    expect(Object.entries(files)).toEqual([
      ["__proto__", "int x;"],
      ["a.c", ""],
    ]);
  });
});

describe("the light highlighter", () => {
  it("marks comments, strings, preprocessor lines, keywords and the export macros of kernel C", () => {
    const t = tokenize("a.c", '#include <linux/module.h>\n/* c */ int x = 1;\nEXPORT_SYMBOL_NS_GPL(x, "NS");\n').filter(([c]) => c);
    expect(t).toEqual([
      ["tok-pp", "#include <linux/module.h>"],
      ["tok-comment", "/* c */"],
      ["tok-keyword", "int"],
      ["tok-number", "1"],
      ["tok-macro", "EXPORT_SYMBOL_NS_GPL"],
      ["tok-string", '"NS"'],
    ]);
  });
  it("keeps every character of the text", () => {
    const text = "obj-m += a.o\n# comment\nccflags-y += -DDEFAULT_SYMBOL_NAMESPACE='\"X\"'\n";
    expect(
      tokenize("Kbuild", text)
        .map(([, s]) => s)
        .join(""),
    ).toBe(text);
  });
});

describe("the light embed's choice of the base kernel", () => {
  // the decision rests on what the engine found without the table (its uses and header calls)
  const light = async (files: WorkspaceFiles) => (await createNodeEngine()).run(files, { profile: false });
  const decide = async (files: WorkspaceFiles) => (await light(files)).kernel.needsTable;
  it("runs a workspace that only uses its own exports without the base kernel's table", async () => {
    expect(await decide(EXAMPLE)).toBe(false);
  });
  it("loads the table for a call the workspace does not define, a use it does not export, or kernel inputs", async () => {
    expect(await decide({ "a.c": "static int __init a_init(void)\n{\n\treturn kmalloc(4, 0) ? 0 : -1;\n}\nmodule_init(a_init);\n" })).toBe(true);
    expect(await decide({ "a.c": "int dma_buf_export(void);\nstatic int f(void) { return dma_buf_export(); }\nmodule_init(f);\n" })).toBe(true);
    expect(await decide({ "a.c": "", "Module.symvers": "" })).toBe(true);
    expect(await decide({ "a.c": "", load: "modinfo usb-storage\n" })).toBe(true);
  });
  it("runs without it a modprobe of a module the workspace built, whose uses it resolves itself", async () => {
    const a = { "a.c": '#include <linux/module.h>\nint a_f(void) { return 0; }\nEXPORT_SYMBOL(a_f);\nMODULE_LICENSE("GPL");\nMODULE_DESCRIPTION("a");\n' };
    expect(await decide({ ...a, load: "modprobe a\n" })).toBe(false);
    expect(await decide({ ...a, load: "modprobe a\nmodprobe usb-storage\n" })).toBe(true);
    // a module make did not write is looked for in the installed tree
    expect(await decide({ "a.c": "", load: "modprobe a\n" })).toBe(true);
  });
  it("is made by the engine itself when a run asks for the profile 'auto'", async () => {
    const engine = await createNodeEngine();
    expect((await engine.run(EXAMPLE, { profile: "auto" })).kernel.profile).toBe(false);
    const uses = { "a.c": "int dma_buf_export(void);\nstatic int f(void) { return dma_buf_export(); }\nmodule_init(f);\n" };
    expect(await engine.run(uses, { profile: "auto" })).toEqual(await engine.run(uses));
  });
});
