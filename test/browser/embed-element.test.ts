// <ksymns-playground> in another site's page, in Debian's Chromium: files given in the ways
// frameworks keep intact (a files attribute, <template> children, a folder or .zip on the
// page's own site), an element moved in the page, the Embed dialog's snippet with hostile file
// content, and embeds that share one engine.

import { strToU8, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Frame, Page } from "playwright-core";
import type { PreviewServer } from "vite";
import { launchChromium, serveSite } from "../support/server";
import { serveHostPages } from "../support/hostpage";
import { serveCounting } from "../support/counting";
import { defaultSnapshot, encodeLink } from "../../src/store";
import { shot, workspace } from "./support";

let browser: Browser;
let site: PreviewServer;
let url: string;

const EXPORTER = `#include <linux/module.h>

int toy_get(void)
{
\treturn 42;
}
EXPORT_SYMBOL_NS_GPL(toy_get, TOY_NS);
MODULE_LICENSE("GPL");
`;
const USER = `#include <linux/module.h>

int toy_get(void);
static int __init user_init(void)
{
\treturn toy_get() == 42 ? 0 : -1;
}
module_init(user_init);
MODULE_LICENSE("GPL");
`;
const LOAD = "insmod exporter.ko\ninsmod user.ko\n";
const NOT_IMPORTED = "module user uses symbol toy_get from namespace TOY_NS, but does not import it.";
const FILES = { "exporter.c": EXPORTER, "user.c": USER, load: LOAD };

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
// events.js first: it listens before the element runs (a bad files attribute fails at once)
const head = () =>
  `<!doctype html><html><head><meta charset="utf-8"><script src="/events.js" defer></script><script src="${url}embed.js" defer></script></head><body style="margin:0;font:16px system-ui">`;
const EVENTS_JS = `window.events = [];
for (const el of document.querySelectorAll("ksymns-playground"))
  for (const t of ["ready", "result", "change", "error"]) el.addEventListener(t, (e) => window.events.push({ id: el.id, type: t, detail: e.detail }));`;

type Event = { id: string; type: string; detail: { message?: string; messages?: { text: string }[] } };
const events = (p: Page) => p.evaluate(() => (window as unknown as { events: Event[] }).events);
const waitFor = (p: Page, id: string, type: string) =>
  p.waitForFunction(([i, t]) => (window as unknown as { events: Event[] }).events.some((e) => e.id === i && e.type === t), [id, type] as const, {
    timeout: 30_000,
  });
const stateOf = (p: Page, id: string) =>
  p.evaluate(
    (i) => (document.getElementById(i) as HTMLElement & { getState(): Promise<{ files: Record<string, string> }> }).getState().then((s) => s.files),
    id,
  );

/** Gives element `id` the files with user.c's import added, and waits for the page's last
 *  result to report no error. */
async function importAndAwaitClean(p: Page, id: string): Promise<void> {
  await p.evaluate(([i, f]) => (document.getElementById(i) as HTMLElement & { setFiles(f: Record<string, string>): void }).setFiles(f), [
    id,
    { ...FILES, "user.c": USER + "MODULE_IMPORT_NS(TOY_NS);\n" },
  ] as const);
  await p.waitForFunction(
    () =>
      (window as unknown as { events: { type: string; detail: { verdicts?: { errors: number } } }[] }).events.filter((e) => e.type === "result").at(-1)!.detail
        .verdicts!.errors === 0,
    null,
    { timeout: 30_000 },
  );
}

/** The editor frame of element `id` (it takes over from the drawn embed on the reader's first click). */
async function frameOf(p: Page, id: string): Promise<Frame> {
  const handle = await p.waitForSelector(`#${id} iframe:not(.upgrading)`, { state: "attached", timeout: 30_000 });
  const frame = (await handle.contentFrame())!;
  await frame.waitForSelector("body[data-ready=true]", { timeout: 30_000 });
  return frame;
}

beforeAll(async () => {
  ({ server: site, url } = await serveSite());
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe("<ksymns-playground> in another site's page", () => {
  it("takes its files from a files attribute, from <template> children and from script children alike", async () => {
    const link = encodeLink({
      files: Object.entries(FILES).map(([name, content]) => ({ name, content })),
      profile: true,
      relaxed: true,
      view: { file: "user.c" },
    });
    const templates = Object.entries(FILES)
      .map(([n, c]) => `<template data-file="${n}">\n${escape(c)}</template>`)
      .join("\n");
    const scripts = Object.entries(FILES)
      .map(([n, c]) => `<script type="text/plain" data-file="${n}">\n${c}</script>`)
      .join("\n");
    const { server, origin } = await serveHostPages({
      "/inputs.html": [
        "text/html",
        `${head()}<ksymns-playground id="attr" eager files="${link}"></ksymns-playground><ksymns-playground id="tpl" eager>${templates}</ksymns-playground><ksymns-playground id="scr" eager>${scripts}</ksymns-playground></body></html>`,
      ],
      "/events.js": ["text/javascript", EVENTS_JS],
    });
    try {
      const p = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      await p.goto(`${origin}/inputs.html`);
      for (const id of ["attr", "tpl", "scr"]) {
        await waitFor(p, id, "result");
        expect(await stateOf(p, id), id).toEqual(FILES);
        const result = (await events(p)).find((e) => e.id === id && e.type === "result")!;
        expect(
          result.detail.messages!.some((m) => m.text.includes(NOT_IMPORTED)),
          id,
        ).toBe(true);
      }
      await p.close();
    } finally {
      server.close();
    }
  });

  it("reads a workspace folder (a directory listing or its files.json) and a .zip from the page's own site", async () => {
    const listing = `<!doctype html><title>Index of /ex/listed/</title><ul>${Object.keys(FILES)
      .map((n) => `<li><a href="${n}">${n}</a></li>`)
      .join("")}<li><a href="../">Parent</a></li><li><a href="README.md">README.md</a></li></ul>`;
    const zip = zipSync({ "exporter.c": strToU8(EXPORTER), "user.c": strToU8(USER), load: strToU8(LOAD), "README.md": strToU8("notes\n") });
    const pages: Record<string, [string, string | Uint8Array]> = {
      "/ex/workspace.zip": ["application/zip", zip],
      "/ex/listed/": ["text/html", listing],
      "/ex/manifest/files.json": ["application/json", JSON.stringify(Object.keys(FILES))],
      "/events.js": ["text/javascript", EVENTS_JS],
      "/src.html": [
        "text/html",
        `${head()}<ksymns-playground id="listed" eager src="ex/listed/"></ksymns-playground><ksymns-playground id="manifest" eager src="ex/manifest/"></ksymns-playground><ksymns-playground id="zip" eager src="ex/workspace.zip"></ksymns-playground></body></html>`,
      ],
    };
    for (const [n, c] of Object.entries(FILES)) {
      pages[`/ex/listed/${n}`] = ["text/plain", c];
      pages[`/ex/manifest/${n}`] = ["text/plain", c];
    }
    const { server, origin } = await serveHostPages(pages);
    try {
      const p = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      await p.goto(`${origin}/src.html`);
      for (const id of ["listed", "manifest", "zip"]) {
        await waitFor(p, id, "result");
        expect(await stateOf(p, id), id).toEqual(FILES);
      }
      await p.close();
    } finally {
      server.close();
    }
  });

  it("says which address failed when its src cannot be read, instead of showing another workspace", async () => {
    const { server, origin } = await serveHostPages({
      "/events.js": ["text/javascript", EVENTS_JS],
      "/bad.html": [
        "text/html",
        `${head()}<ksymns-playground id="missing" eager src="nowhere/"></ksymns-playground><ksymns-playground id="notzip" eager src="notes.txt"></ksymns-playground><ksymns-playground id="badlink" eager files="v1/not*a*link"></ksymns-playground></body></html>`,
      ],
    });
    try {
      const p = await browser.newPage({ viewport: { width: 1000, height: 900 } });
      await p.goto(`${origin}/bad.html`);
      for (const id of ["missing", "notzip", "badlink"]) await waitFor(p, id, "error");
      const errors = Object.fromEntries((await events(p)).filter((e) => e.type === "error").map((e) => [e.id, e.detail.message!]));
      expect(errors.missing).toContain(`${origin}/nowhere/`);
      expect(errors.missing).toContain("files.json");
      expect(errors.notzip).toContain("must name a folder (ending in /) or a .zip");
      expect(errors.badlink).toContain("files attribute");
      expect(await p.locator("#missing").evaluate((e) => e.shadowRoot!.textContent)).toContain("nowhere/");
      expect(await p.$("ksymns-playground iframe")).toBeNull();
      await p.close();
    } finally {
      server.close();
    }
  });

  it("keeps answering, with the reader's edits in its editor, after it is moved in the page", async () => {
    const scripts = Object.entries(FILES)
      .map(([n, c]) => `<script type="text/plain" data-file="${n}">\n${c}</script>`)
      .join("\n");
    const { server, origin } = await serveHostPages({
      "/events.js": ["text/javascript", EVENTS_JS],
      "/move.html": [
        "text/html",
        `${head()}<section id="a"><ksymns-playground id="ex" eager file="user.c">${scripts}</ksymns-playground></section><section id="b"></section></body></html>`,
      ],
    });
    try {
      const p = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      await p.goto(`${origin}/move.html`);
      await waitFor(p, "ex", "result");
      // the reader clicks into the code (the editor frame takes over) and types; the host hears of it
      await p.click('#ex .embed-light .line[data-line="2"]');
      const frame = await frameOf(p, "ex");
      await frame.waitForSelector(".embed-editor .monaco-editor .view-lines", { timeout: 30_000 });
      await p.keyboard.type("int reader_edit;");
      await p.waitForFunction(
        () =>
          (window as unknown as { events: { type: string; detail: { files?: Record<string, string> } }[] }).events.some(
            (e) => e.type === "change" && e.detail.files!["user.c"].includes("int reader_edit;"),
          ),
        null,
        { timeout: 30_000 },
      );
      // moved (its iframe reloads), asked for its state at once, and again later
      const state = await p.evaluate(() => {
        const el = document.getElementById("ex") as HTMLElement & { getState(): Promise<{ files: Record<string, string> }> };
        document.getElementById("b")!.append(el);
        return el.getState().then((s) => s.files);
      });
      expect(Object.keys(state).sort()).toEqual(["exporter.c", "load", "user.c"]);
      expect(state["user.c"].split("\n")[1]).toBe("int reader_edit;");
      expect((await stateOf(p, "ex"))["user.c"]).toBe(state["user.c"]);
      // the reloaded frame takes keys again
      const reloaded = await frameOf(p, "ex");
      await reloaded.waitForSelector(".embed-editor .monaco-editor .view-lines", { timeout: 30_000 });
      await reloaded.click(".monaco-editor .view-line");
      await p.keyboard.type("QQ");
      await p.waitForFunction(
        () =>
          (document.getElementById("ex") as HTMLElement & { getState(): Promise<{ files: Record<string, string> }> })
            .getState()
            .then((s) => s.files["user.c"].includes("QQ")),
        null,
        { timeout: 10_000 },
      );
      // and it still drives the frame
      await importAndAwaitClean(p, "ex");
      await p.close();
    } finally {
      server.close();
    }
  });

  it("carries any file content from the Embed dialog's snippet into a host page, which keeps the rest of its text", async () => {
    const context = await browser.newContext({ viewport: { width: 1360, height: 820 } });
    const full = await context.newPage();
    const hostile = `/* <!--<script> and </script> and {{ braces }} & <b>tags</b> */\n${USER}`;
    const snap = defaultSnapshot();
    snap.files = snap.files.map((f) => (f.name === "user.c" ? { ...f, content: hostile } : f));
    await full.goto(`${url}#${encodeLink(snap)}`);
    await full.waitForSelector("body[data-ready=true]", { timeout: 30_000 });
    await full.click("#embed");
    const snippet = await full.inputValue("#embed-element");
    const files = Object.fromEntries((await workspace(full)).map(([n, c]) => [n, c]));
    await context.close();

    const { server, origin } = await serveHostPages({
      "/events.js": ["text/javascript", EVENTS_JS],
      "/pasted.html": [
        "text/html",
        `<!doctype html><html><head><meta charset="utf-8"></head><body><h1>Notes</h1>\n${snippet.replace("<ksymns-playground", '<ksymns-playground id="ex"')}\n<p id="after">After the example.</p><script src="/events.js" defer></script></body></html>`,
      ],
    });
    try {
      const p = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      await p.goto(`${origin}/pasted.html`);
      expect(await p.textContent("#after")).toBe("After the example.");
      await waitFor(p, "ex", "result");
      expect(await stateOf(p, "ex")).toEqual(files);
      await p.close();
      // without JavaScript: the files read as code, the hostile one to the letter
      const nojs = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1000, height: 900 } });
      const q = await nojs.newPage();
      await q.goto(`${origin}/pasted.html`);
      expect(await q.isVisible("#after")).toBe(true);
      const blocks = await q.$$eval("ksymns-playground .ksymns-file", (fs) =>
        fs.map((f) => [f.querySelector("figcaption")!.textContent, f.querySelector("pre")!.textContent]),
      );
      expect(Object.fromEntries(blocks)).toEqual(files);
      expect(await q.isVisible("ksymns-playground .ksymns-open a")).toBe(true);
      await shot(q, "embed-snippet-nojs");
      await nojs.close();
    } finally {
      server.close();
    }
  });

  it("draws a read-only embed in its shadow root, without a frame, its styles and the host page's kept apart", async () => {
    const scripts = Object.entries(FILES)
      .map(([n, c]) => `<script type="text/plain" data-file="${n}">\n${c}</script>`)
      .join("\n");
    // the host's rules name our classes and set every inherited property; ours name its classes
    const hostCss = `body{color:rgb(255,0,0);font:italic 30px/3 serif;letter-spacing:4px;text-align:center}
pre,.embed-light,.problems{background:rgb(255,255,0)!important;font-size:40px!important}
.probe{font-size:16px}`;
    const { server, origin } = await serveHostPages({
      "/events.js": ["text/javascript", EVENTS_JS],
      "/ro.html": [
        "text/html",
        `${head()}<style>${hostCss}</style><section id="a"><ksymns-playground id="ro" eager readonly file="user.c" lines="6">${scripts}</ksymns-playground></section><section id="b"></section><pre class="embed-light probe" id="hostpre">host text</pre><div class="embed-bar probe" id="hostbar">host bar</div></body></html>`,
      ],
    });
    try {
      const p = await browser.newPage({ viewport: { width: 1000, height: 900 } });
      await p.goto(`${origin}/ro.html`);
      await waitFor(p, "ro", "ready");
      await waitFor(p, "ro", "result");
      expect(await p.$("#ro iframe")).toBeNull();
      expect(await p.textContent("#ro .problems")).toContain(NOT_IMPORTED);
      expect(await p.textContent('#ro .embed-light .line.hl[data-line="6"]')).toContain("toy_get() == 42");
      const look = (sel: string) =>
        p.locator(sel).evaluate((e) => {
          const c = getComputedStyle(e);
          return { color: c.color, size: c.fontSize, style: c.fontStyle, spacing: c.letterSpacing, align: c.textAlign, background: c.backgroundColor };
        });
      const code = await look("#ro .embed-light");
      expect(code.size).toBe("13.5px");
      expect(code.color).not.toBe("rgb(255, 0, 0)");
      expect(code.style).toBe("normal");
      expect(code.spacing).toBe("normal");
      expect(code.background).not.toBe("rgb(255, 255, 0)");
      expect((await look("#ro .problems")).align).not.toBe("center");
      // nothing of ours reaches the host's own elements of the same classes
      expect((await look("#hostpre")).size).toBe("40px");
      expect((await look("#hostbar")).background).toBe("rgba(0, 0, 0, 0)");
      await shot(p, "embed-shadow");

      // the theme attribute, watched live
      const background = () => p.locator("#ro .embed").evaluate((e) => getComputedStyle(e).backgroundColor);
      const light = await background();
      await p.evaluate(() => document.getElementById("ro")!.setAttribute("theme", "dark"));
      await p.waitForFunction((before) => {
        const embed = document.getElementById("ro")!.shadowRoot!.querySelector(".embed")!;
        return getComputedStyle(embed).backgroundColor !== before;
      }, light);

      // the host drives it as it drives a frame, before and after a move in the page
      expect(await stateOf(p, "ro")).toEqual(FILES);
      await p.evaluate(() => document.getElementById("b")!.append(document.getElementById("ro")!));
      await importAndAwaitClean(p, "ro");
      expect((await stateOf(p, "ro"))["user.c"]).toContain("MODULE_IMPORT_NS(TOY_NS);");
      // read-only: the reader's keys change nothing, and no editor loads
      await p.click("#ro .embed-light");
      await p.keyboard.type("garbage");
      await p.waitForTimeout(300);
      expect(await p.textContent("#ro .embed-light")).not.toContain("garbage");
      expect(await p.$("#ro .monaco-editor")).toBeNull();
      await p.close();
    } finally {
      server.close();
    }
  });

  it("reads right in a page that declares no charset (read as windows-1252)", async () => {
    const scripts = Object.entries(FILES)
      .map(([n, c]) => `<script type="text/plain" data-file="${n}">\n${c}</script>`)
      .join("\n");
    const { server, origin } = await serveHostPages({
      "/events.js": ["text/javascript", EVENTS_JS],
      "/latin.html": [
        "text/html",
        `<!doctype html><html><head><script src="/events.js" defer></script><script src="${url}embed.js" defer></script></head><body><ksymns-playground id="ex" eager>${scripts}</ksymns-playground></body></html>`,
      ],
    });
    try {
      const p = await browser.newPage({ viewport: { width: 1000, height: 900 } });
      await p.goto(`${origin}/latin.html`);
      expect(await p.evaluate(() => document.characterSet)).toBe("windows-1252");
      await waitFor(p, "ex", "result");
      expect(await p.locator("#ex .embed-open").innerText()).toBe("Open in ksymns \u2197");
      expect(await p.locator("#ex .embed-kernel").innerText()).toMatch(/^Linux 6\.12( \u00b7 workspace only)?$/);
      // no UTF-8 read as windows-1252 anywhere ("Â·", "â†—")
      expect(await p.locator("#ex .ksymns-root").innerText()).not.toMatch(/[\u00c2\u00c3\u00e2]/);
      await p.close();
    } finally {
      server.close();
    }
  });

  it("runs every embed of a page on one engine: the wasm, the kernel profile and the engine frame are fetched once", async () => {
    const counting = await serveCounting();
    const example = (i: number) => `<ksymns-playground id="e${i}" eager playground="${counting.url}" readonly>
<script type="text/plain" data-file="m${i}.c">#include <linux/module.h>
static int __init m_init(void) { dma_buf_put(NULL); return 0; }
module_init(m_init);
MODULE_LICENSE("GPL");
</script></ksymns-playground>`;
    const { server, origin } = await serveHostPages({
      "/events.js": ["text/javascript", EVENTS_JS],
      "/three.html": [
        "text/html",
        `<!doctype html><html><head><meta charset="utf-8"><script src="${counting.url}embed.js" defer></script><script src="/events.js" defer></script></head><body>${[1, 2, 3].map(example).join("\n")}</body></html>`,
      ],
    });
    try {
      const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, serviceWorkers: "block" });
      const p = await context.newPage();
      await p.goto(`${origin}/three.html`);
      for (const id of ["e1", "e2", "e3"]) await waitFor(p, id, "result");
      for (const id of ["e1", "e2", "e3"]) {
        const r = (await events(p)).find((e) => e.id === id && e.type === "result")!;
        expect(
          r.detail.messages!.some((m) => /uses symbol dma_buf_put from namespace DMA_BUF, but does not import it/.test(m.text)),
          id,
        ).toBe(true);
      }
      const fetched = (re: RegExp) => counting.log.filter((s) => re.test(s.path)).length;
      expect(fetched(/\.wasm$/)).toBe(1);
      expect(fetched(/\/kernels\/debian-6\.12[^/]*\.Module\.symvers\.gz$/)).toBe(1);
      // read-only: drawn in their shadow roots, run by the page's one engine frame
      expect(fetched(/\/embed\.html$/)).toBe(0);
      expect(fetched(/\/engine\.html$/)).toBe(1);
      await context.close();
    } finally {
      server.close();
      counting.server.close();
    }
  });
});
