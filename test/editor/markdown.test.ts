// Hover markdown from hostile workspace text: a file named like a `command:` link, a namespace
// made of HTML and link syntax. Rendered with the markdown parser Monaco ships, the hover holds
// no link but the editor's own reveal command, no HTML, and the names as literal text.

import { describe, expect, it } from "vitest";
import { createNodeEngine } from "../../src/engine/hosts/node";
import { EXAMPLE } from "../../src/example";
import { describeNamespace, describeSymbol } from "../../src/editor/hovers";
import { HOVER_TRUST, code, plain } from "../../src/editor/markdown";
import type { PlaygroundState } from "../../src/store";

type Marked = { parse(md: string): string };
const { marked } = (await import("monaco-editor/base/common/marked/marked.js" as string)) as { marked: Marked };

const FILE = "[run me](command:workbench.action.quit) <img src=x onerror=alert(1)> *x*.c";
const NS = '"<b>NS</b>](command:x) `tick`"';

function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

async function hostileState(): Promise<PlaygroundState> {
  const engine = await createNodeEngine();
  const files = {
    [FILE]: String(EXAMPLE["exporter.c"]).replace("toy_get, TOY_NS)", `toy_get, ${NS})`),
    "user.c": String(EXAMPLE["user.c"]).replace('MODULE_LICENSE("GPL");', `MODULE_LICENSE("GPL");\nMODULE_IMPORT_NS(${NS});`),
  };
  const result = await engine.run(files, { kernel: "6.12", relaxed: true });
  return { result, profile: false, queries: null } as unknown as PlaygroundState;
}

describe("hover markdown", () => {
  it("shows a file named like a command link, and markup in a namespace, as inert text", async () => {
    const s = await hostileState();
    const exporter = s.result!.model.modules.find((m) => m.file === FILE)!;
    const ns = exporter.exports[0].ns!;
    expect(ns).toContain("<b>NS</b>");
    const parts = [...(await describeSymbol("toy_get", s)), ...(await describeNamespace(ns, s))];
    const html = parts.map((p) => marked.parse(p)).join("\n");

    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs.length).toBeGreaterThanOrEqual(3);
    for (const href of hrefs) {
      expect(href).toMatch(/^command:ksymns\.reveal\?/);
      const [range] = JSON.parse(decodeURIComponent(href.slice("command:ksymns.reveal?".length)));
      expect([FILE, "user.c"]).toContain(range.file);
    }
    expect(html).not.toMatch(/<(img|b|em|script)\b/i);
    const text = textOf(html);
    expect(text).toContain(`Exported by module ${FILE.slice(0, -2)}`);
    expect(text).toContain(`${FILE}:8`);
    expect(text).toContain(ns);
  });

  it("lets hovers run no command but the editor's own", () => {
    expect(HOVER_TRUST).toEqual({ enabledCommands: ["ksymns.reveal"] });
  });

  it("escapes every punctuation mark, and fences a code span past any run of backticks", () => {
    const nasty = "a*b_c [d](e) <f> `g` #h \\i ![j](k) | ~l~";
    expect(textOf(marked.parse(plain(nasty)))).toBe(nasty + "\n");
    for (const t of ["``x`", "`", "a```b", " spaced "]) expect(textOf(marked.parse(code(t))).trim()).toBe(t.trim());
  });
});
