// The header pack builder (ksymns headers) on a small tree: comments go and lines stay,
// #include targets are resolved as kbuild's gcc finds them, and the host's loader gets each
// file back whole with the closure of what it includes.

import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { buildPack, includesOf, stripComments } from "../../src/cli/headerpack";
import { HeaderPack } from "../../src/engine/headers";

describe("stripComments", () => {
  it("replaces each comment by a space and the newlines it held", () => {
    const text = "int a; /* one\n two\n three */ int b;\n// line\nint c;\n";
    const out = stripComments(text);
    expect(out).toBe("int a;  \n\n int b;\n \nint c;\n");
    expect(out.split("\n").length).toBe(text.split("\n").length);
  });

  it("keeps a directive whole when a comment inside it spans lines", () => {
    expect(stripComments("#define X 1 /* a\n b */ + 2\nX\n")).toBe("#define X 1  \\\n + 2\nX\n");
  });

  it("leaves comment-like text in string and character literals alone", () => {
    const text = "char *s = \"/* no */ // no\"; char c = '/'; /**/\n";
    expect(stripComments(text)).toBe("char *s = \"/* no */ // no\"; char c = '/';  \n");
  });

  it("ends a line comment only where no backslash continues it", () => {
    expect(stripComments("a // b \\\n c\nd\n")).toBe("a  \\\n\nd\n");
  });
});

describe("buildPack", () => {
  const tree = new Map<string, string>([
    ["include/linux/module.h", '#include <linux/export.h>\n#include "types.h"\n#include <asm/module.h>\n#include <generated/autoconf.h>\n'],
    ["include/linux/export.h", "#define EXPORT_SYMBOL(s)\n"],
    ["include/linux/types.h", "typedef int t;\n"],
    ["arch/x86/include/asm/module.h", "#include_next <asm/module.h>\n"],
    ["include/asm-generic/module.h", "\n"],
    ["arch/x86/include/generated/asm/module.h", "#include <asm-generic/module.h>\n"],
  ]);
  const { index, chunks } = buildPack(tree, { profile: "debian-x", release: "x", packages: [] });
  const pack = new HeaderPack(index, { index: async () => index, chunk: async (f) => new Uint8Array(gunzipSync(chunks.get(f)!)) });

  it("finds what #include names in kbuild's -I order, #include_next after the includer's folder", () => {
    const targets = (p: string): string[] => index.files.find((f) => f[0] === p)![4].map((i) => index.files[i][0]);
    expect(targets("include/linux/module.h")).toEqual(["include/linux/export.h", "include/linux/types.h", "arch/x86/include/asm/module.h"]);
    expect(targets("arch/x86/include/asm/module.h")).toEqual(["arch/x86/include/generated/asm/module.h"]);
    expect(includesOf(tree.get("include/linux/module.h")!).map((i) => i.spelling)).toContain("generated/autoconf.h");
  });

  it("gives the host a file's include closure and each file's text back whole", async () => {
    const closure = pack.closure(["include/linux/module.h"]).sort();
    expect(closure).toEqual([...tree.keys()].sort());
    const texts = await pack.load(closure);
    for (const p of closure) expect(texts.get(p)).toBe(tree.get(p));
    expect(pack.has("include/linux/nothere.h")).toBe(false);
  });
});
