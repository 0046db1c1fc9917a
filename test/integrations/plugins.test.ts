// The markdown-it and remark plugins (ksymns/markdown-it, ksymns/remark) through the real
// markdown-it, remark → rehype and MDX pipelines: a ```ksymns block becomes the element with
// the files in its `files` attribute, the same files as code for readers without JavaScript,
// and a link to the playground; mistakes in a block fail the build naming document and line.

import { describe, expect, it } from "vitest";
import MarkdownIt from "markdown-it";
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import rehypeStringify from "rehype-stringify";
import { evaluate } from "@mdx-js/mdx";
import ksymnsMarkdownIt from "ksymns/markdown-it";
import ksymnsRemark from "ksymns/remark";
import { decodeLink, toWorkspaceFiles } from "../../src/store";

const PLAYGROUND = "https://example.org/ksymns/";
const EXPORTER = `#include <linux/module.h>

int toy_get(void) { return 42; }
EXPORT_SYMBOL_NS_GPL(toy_get, TOY_NS);
MODULE_LICENSE("GPL");
`;
const USER = `#include <linux/module.h>

struct toy { int a[2]; } t = {{ 1, 2 }};   /* braces: JSX and Vue must not read them */
int toy_get(void);
static int __init user_init(void) { return toy_get() == 42 ? 0 : -1; }
module_init(user_init);
MODULE_LICENSE("GPL"); // <!--<script> stays text
`;
const DOC = `# Week 3

Some text.

\`\`\`ksymns file=user.c lines=3-4 readonly title="Missing import"
--- exporter.c
${EXPORTER}
--- user.c
${USER}--- load
insmod exporter.ko
insmod user.ko
\`\`\`

\`\`\`c
int plain(void);
\`\`\`
`;
const FILES = { "exporter.c": EXPORTER, "user.c": USER, load: "insmod exporter.ko\ninsmod user.ko\n" };

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#x3C;/g, "<")
    .replace(/&#x26;/g, "&")
    .replace(/&amp;/g, "&");

/** The element's attributes and code blocks, read back from HTML. */
function readElement(html: string) {
  const open = /<ksymns-playground([^>]*)>/.exec(html);
  if (!open) throw new Error(`no element in ${html.slice(0, 200)}`);
  const attrs = Object.fromEntries([...open[1].matchAll(/([\w-]+)(?:="([^"]*)")?/g)].map((m) => [m[1], unescape(m[2] ?? "")]));
  const blocks = Object.fromEntries(
    [...html.matchAll(/<figcaption>([^<]*)<\/figcaption><pre><code[^>]*>([\s\S]*?)<\/code><\/pre>/g)].map((m) => [m[1], unescape(m[2])]),
  );
  const link = /<p class="ksymns-open"><a href="([^"]*)">Open in ksymns<\/a><\/p>/.exec(html)?.[1];
  return { attrs, blocks, link: link && unescape(link) };
}

describe("ksymns/markdown-it", () => {
  it("turns a ksymns block into the element with its files as a share link, as code and as a playground link", () => {
    const md = new MarkdownIt({ html: true }).use(ksymnsMarkdownIt, { playground: PLAYGROUND });
    const html = md.render(DOC);
    const { attrs, blocks, link } = readElement(html);
    const snap = decodeLink(attrs.files);
    expect(toWorkspaceFiles(snap.files)).toEqual(FILES);
    expect(snap.view.file).toBe("user.c");
    expect(blocks).toEqual(FILES);
    expect(link).toBe(`${PLAYGROUND}index.html#${attrs.files}`);
    expect(attrs).toMatchObject({ file: "user.c", lines: "3-4", readonly: "1", title: "Missing import", "v-pre": "" });
    // other fences are left to markdown-it
    expect(html).toContain('<pre><code class="language-c">int plain(void);');
  });

  it("fails the build naming the document and line of a mistake in a block", () => {
    const md = new MarkdownIt().use(ksymnsMarkdownIt);
    const render = (src: string) => () => md.render(src, { relativePath: "week3.md" });
    expect(render("text\n\n```ksymns colour=red\n--- a.c\nint x;\n```\n")).toThrow('week3.md:3: unknown ksymns flag "colour"');
    expect(render("```ksymns\nint x;\n```\n")).toThrow('week3.md:2: a ksymns block starts with the line "--- NAME" naming its first file');
    expect(render("```ksymns\n--- a.c\nint x;\n--- a.c\n```\n")).toThrow("week3.md:4: the file a.c appears twice");
    expect(render("```ksymns file=b.c\n--- a.c\nint x;\n```\n")).toThrow("week3.md:1: file=b.c names none of the block's files (a.c)");
    expect(render("```ksymns view=wide\n--- a.c\n```\n")).toThrow('week3.md:1: ksymns flag view="wide" is not a value it takes');
    expect(render("```ksymns\n```\n")).toThrow("week3.md:1: a ksymns block needs files");
  });

  it("writes a preset block as the element with its preset and a link to the example", () => {
    const html = new MarkdownIt().use(ksymnsMarkdownIt, { playground: PLAYGROUND }).render("```ksymns preset=kvmfr-dma-buf-6.13 run=click\n```\n");
    const { attrs, link } = readElement(html);
    expect(attrs).toMatchObject({ preset: "kvmfr-dma-buf-6.13", run: "click" });
    expect(attrs.files).toBeUndefined();
    expect(link).toBe(`${PLAYGROUND}index.html#example/kvmfr-dma-buf-6.13`);
  });
});

describe("ksymns/remark", () => {
  it("makes the same element through remark and rehype, as hast rather than raw HTML", async () => {
    const file = await unified().use(remarkParse).use(ksymnsRemark, { playground: PLAYGROUND }).use(remarkRehype).use(rehypeStringify).process(DOC);
    const { attrs, blocks, link } = readElement(String(file));
    expect(toWorkspaceFiles(decodeLink(attrs.files).files)).toEqual(FILES);
    expect(blocks).toEqual(FILES);
    expect(link).toBe(`${PLAYGROUND}index.html#${attrs.files}`);
    expect(attrs).toMatchObject({ file: "user.c", lines: "3-4", title: "Missing import" });
  });

  it("compiles in MDX, where braces in the C code would otherwise be read as JSX", async () => {
    // a JSX runtime of our own that writes HTML, so no framework is needed to run the page
    type Props = Record<string, unknown> & { children?: unknown };
    const render = (c: unknown): string => (Array.isArray(c) ? c.map(render).join("") : c == null ? "" : String(c));
    const jsx = (type: unknown, props: Props) => {
      if (typeof type === "function") return (type as (p: Props) => string)(props);
      if (type === Fragment) return render(props.children);
      const attrs = Object.entries(props)
        .filter(([k]) => k !== "children")
        .map(([k, v]) => ` ${k === "className" ? "class" : k}="${String(v).replace(/&/g, "&amp;").replace(/"/g, "&quot;")}"`)
        .join("");
      const text = (c: unknown): string =>
        Array.isArray(c) ? c.map(text).join("") : typeof c === "string" && !c.startsWith("<") ? c.replace(/&/g, "&amp;").replace(/</g, "&lt;") : render(c);
      return `<${String(type)}${attrs}>${text(props.children)}</${String(type)}>`;
    };
    const Fragment = Symbol("Fragment");
    const mod = await evaluate(DOC, { jsx, jsxs: jsx, Fragment, remarkPlugins: [[ksymnsRemark, { playground: PLAYGROUND }]] } as unknown as Parameters<
      typeof evaluate
    >[1]);
    const html = (mod.default as unknown as (p: object) => string)({});
    const { attrs, blocks } = readElement(html);
    expect(toWorkspaceFiles(decodeLink(attrs.files).files)).toEqual(FILES);
    expect(blocks["user.c"]).toBe(USER);
  });

  it("fails with the document and line of a mistake", async () => {
    const run = unified().use(remarkParse).use(ksymnsRemark).use(remarkRehype).use(rehypeStringify);
    await expect(run.process({ path: "notes/week3.md", value: "# x\n\n```ksymns\n--- a.c\nint x;\n--- ../etc\n```\n" })).rejects.toThrow(
      'notes/week3.md:6: "../etc" cannot be a workspace file name',
    );
  });
});
