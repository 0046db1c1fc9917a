// Embedding in Debian's Chromium: a documentation page on one localhost port embeds the
// playground served from another, through <ksymns-playground> (embed.js) and the host
// protocol; the light embed's transfer budget; read-only; "Open in ksymns"; offline use.

import { mkdirSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Frame, Page } from "playwright-core";
import type { PreviewServer } from "vite";
import { launchChromium, serveSite } from "../support/server";
import { serveHostPages } from "../support/hostpage";
import { serveCounting, total as sentTotal } from "../support/counting";
import { SHOTS, shot, workspace } from "./support";

/** Bytes (gzip) an embed may transfer before the reader interacts: engine and profile included. */
const BUDGET = 300 * 1024;

let browser: Browser;
let site: PreviewServer;
let url: string; // the playground, e.g. http://127.0.0.1:4173/
let host: Server;
let hostOrigin: string;
let foreign: Server;
let foreignOrigin: string;

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
const NOT_IMPORTED = "module user uses symbol toy_get from namespace TOY_NS, but does not import it.";

function docsPage(playground: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>course notes</title>
<link rel="stylesheet" href="${playground}embed.css">
<script src="${playground}embed.js" defer></script><script src="/host.js" defer></script></head>
<body style="margin:0;font:16px system-ui"><h1>Week 3: symbol namespaces</h1>
<div id="spacer" style="height:1600px">Scroll down for the example.</div>
<ksymns-playground id="ex" file="user.c" lines="3-4">
<script type="text/plain" data-file="exporter.c">${EXPORTER}</script>
<script type="text/plain" data-file="user.c">${USER}</script>
<script type="text/plain" data-file="load">insmod exporter.ko
insmod user.ko
</script>
<a href="${playground}index.html">Open in ksymns</a>
</ksymns-playground>
<p>After the example.</p></body></html>`;
}

// records the element's events for the test (a separate file: host pages may forbid inline scripts)
const HOST_JS = `window.events = [];
const el = document.getElementById("ex");
for (const t of ["ready", "result", "change"]) el.addEventListener(t, (e) => window.events.push({ type: t, detail: e.detail }));`;

function foreignPage(playground: string, allowed: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><script src="/foreign.js" defer></script></head><body>
<iframe id="f" style="width:900px;height:500px" src="${playground}embed.html?origins=${encodeURIComponent(allowed)}"></iframe></body></html>`;
}
const FOREIGN_JS = `window.received = [];
addEventListener("message", (e) => window.received.push(e.data));`;

beforeAll(async () => {
  ({ server: site, url } = await serveSite());
  const pages: Record<string, [string, string]> = {
    "/notes.html": ["text/html", docsPage(url)],
    "/host.js": ["text/javascript", HOST_JS],
    "/foreign.js": ["text/javascript", FOREIGN_JS],
  };
  ({ server: host, origin: hostOrigin } = await serveHostPages(pages));
  ({ server: foreign, origin: foreignOrigin } = await serveHostPages({ ...pages, "/foreign.html": ["text/html", foreignPage(url, hostOrigin)] }));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  host?.close();
  foreign?.close();
});

type Events = {
  type: string;
  detail: { verdicts?: { build: string; errors: number; load: { cmd: string; exit: number }[] }; messages?: { text: string }[]; capabilities?: string[] };
}[];
const events = (page: Page): Promise<Events> => page.evaluate(() => (window as unknown as { events: Events }).events);

async function waitForEvent(page: Page, type: string, count = 1): Promise<void> {
  await page.waitForFunction(
    ([t, n]) => (window as unknown as { events: { type: string }[] }).events.filter((e) => e.type === t).length >= (n as number),
    [type, count] as const,
    { timeout: 30_000 },
  );
}

/** The editor frame of the page's element (it takes over from the drawn embed on the first click). */
async function embedFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector("ksymns-playground iframe:not(.upgrading)", { timeout: 30_000 });
  const frame = await handle.contentFrame();
  if (!frame) throw new Error("no frame");
  await frame.waitForSelector("body[data-ready=true]", { timeout: 30_000 });
  return frame;
}

const frameFiles = (frame: Frame) =>
  frame.evaluate(() =>
    (window as unknown as { ksymns: { store: { getState(): { files: { name: string; content: string }[] } } } }).ksymns.store
      .getState()
      .files.map((f) => [f.name, f.content]),
  );

describe("embedding ksymns in another site's page", () => {
  it("draws the embed only when the element scrolls into view, then reports ready and a result, and its editor frame sizes itself to its content", async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    await page.goto(`${hostOrigin}/notes.html`);
    await page.waitForFunction(() => !!customElements.get("ksymns-playground"));
    await page.waitForTimeout(300);
    expect(await page.$("ksymns-playground .embed")).toBeNull();
    await page.locator("ksymns-playground").scrollIntoViewIfNeeded();
    await page.waitForSelector("ksymns-playground .embed");
    await waitForEvent(page, "ready");
    await waitForEvent(page, "result");
    const ev = await events(page);
    expect(ev.find((e) => e.type === "ready")!.detail.capabilities).toEqual(["set-files", "set-options", "set-theme", "run", "get-state"]);
    const result = ev.find((e) => e.type === "result")!.detail;
    expect(result.messages!.some((m) => m.text.includes(NOT_IMPORTED))).toBe(true);
    expect(result.verdicts!.load).toEqual([
      { cmd: "insmod exporter.ko", exit: 0 },
      { cmd: "insmod user.ko", exit: 1 },
    ]);
    // drawn in the page: as tall as its content, not the placeholder's 320px, and no frame
    const drawn = await page.evaluate(() => {
      const el = document.querySelector("ksymns-playground")!;
      return [el.getBoundingClientRect().height, el.shadowRoot!.querySelector(".ksymns-root")!.getBoundingClientRect().height];
    });
    expect(drawn[0]).toBe(drawn[1]);
    expect(drawn[0]).not.toBe(320);
    expect(await page.$("ksymns-playground iframe")).toBeNull();
    // the light embed: highlighted code, lines 3-4 marked, no Monaco
    expect(await page.locator("ksymns-playground .embed-light .line.hl").count()).toBe(2);
    expect(await page.$("ksymns-playground .monaco-editor")).toBeNull();
    await page.locator("ksymns-playground").scrollIntoViewIfNeeded();
    await shot(page, "embed-docs-page");
    // the first click: the editor frame takes over, as tall as its content
    await page.click('ksymns-playground .embed-light .line[data-line="2"]');
    const frame = await embedFrame(page);
    await frame.waitForSelector(".embed-editor .monaco-editor");
    const content = await frame.evaluate(() => Math.ceil(document.getElementById("embed")!.getBoundingClientRect().height));
    await page.waitForFunction(
      (h) => Math.abs(document.querySelector("ksymns-playground")!.shadowRoot!.querySelector("iframe")!.getBoundingClientRect().height - h) <= 1,
      content,
    );
    expect(content).not.toBe(320);
    await page.close();
  });

  it("accepts new files from the host page and returns the new verdict", async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    await page.goto(`${hostOrigin}/notes.html`);
    await page.locator("ksymns-playground").scrollIntoViewIfNeeded();
    await waitForEvent(page, "result");
    await page.evaluate(
      ([e, u]) =>
        (document.getElementById("ex") as HTMLElement & { setFiles(f: Record<string, string>, a?: string): void }).setFiles(
          { "exporter.c": e, "user.c": u + "MODULE_IMPORT_NS(TOY_NS);\n", load: "insmod exporter.ko\ninsmod user.ko\n" },
          "user.c",
        ),
      [EXPORTER, USER],
    );
    await page.waitForFunction(() => {
      const ev = (window as unknown as { events: { type: string; detail: { verdicts: { errors: number } } }[] }).events.filter((e) => e.type === "result");
      return ev.length >= 2 && ev.at(-1)!.detail.verdicts.errors === 0;
    });
    const last = (await events(page)).filter((e) => e.type === "result").at(-1)!.detail;
    expect(last.verdicts!.load.map((c) => c.exit)).toEqual([0, 0]);
    expect(last.verdicts!.build).toBe("clean");
    const state = await page.evaluate(() =>
      (document.getElementById("ex") as HTMLElement & { getState(): Promise<{ files: Record<string, string> }> }).getState(),
    );
    expect(state.files["user.c"]).toContain("MODULE_IMPORT_NS(TOY_NS);");
    await page.close();
  });

  it("ignores a message from an origin that is not on the allowlist, and sends it nothing", async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
    await page.goto(`${foreignOrigin}/foreign.html`);
    const frame = (await (await page.waitForSelector("#f")).contentFrame())!;
    await frame.waitForSelector("body[data-ready=true]", { timeout: 30_000 });
    const before = await frameFiles(frame);
    await page.evaluate(() => {
      const w = (document.getElementById("f") as HTMLIFrameElement).contentWindow!;
      w.postMessage({ ksymns: 1, type: "set-files", files: { "evil.c": "int x;\n" } }, "*");
    });
    await page.waitForTimeout(500);
    expect(await frameFiles(frame)).toEqual(before);
    expect(await page.evaluate(() => (window as unknown as { received: unknown[] }).received)).toEqual([]);
    await page.close();
  });

  it("ignores malformed messages from an allowed origin and keeps answering well-formed ones", async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    await page.goto(`${hostOrigin}/notes.html`);
    await page.locator("ksymns-playground").scrollIntoViewIfNeeded();
    await waitForEvent(page, "result");
    // the reader's click makes the editor frame, which the host page then talks to
    await page.click('ksymns-playground .embed-light .line[data-line="2"]');
    const frame = await embedFrame(page);
    const before = await frameFiles(frame);
    await page.evaluate(() => {
      const iframe = document.querySelector("ksymns-playground")!.shadowRoot!.querySelector("iframe")!;
      const w = iframe.contentWindow!;
      const to = new URL(iframe.src).origin;
      const bad: unknown[] = [
        null,
        "set-files",
        42,
        { type: "set-files", files: { "a.c": "x" } }, // no version
        { ksymns: 2, type: "set-files", files: { "a.c": "x" } }, // a newer protocol
        { ksymns: 1, type: "eval", code: "alert(1)" },
        { ksymns: 1, type: "set-files", files: [] },
        { ksymns: 1, type: "set-files", files: {} },
        { ksymns: 1, type: "set-files", files: { "../etc/passwd": "x" } },
        { ksymns: 1, type: "set-files", files: { "a.c": 7 } },
        { ksymns: 1, type: "set-files", files: { "a.c": "x".repeat(2 * 1024 * 1024) } },
        { ksymns: 1, type: "set-files", files: { "a.c": "x" }, active: "b.c" },
        { ksymns: 1, type: "set-options", kernel: "6.12; rm -rf /" },
        { ksymns: 1, type: "set-options", relaxed: "yes" },
        { ksymns: 1, type: "get-state", id: { toString: "x" } },
        { ksymns: 1, type: "edit", file: "user.c", line: 1, col: 1, files: { "../evil.c": "x" } },
      ];
      for (const m of bad) w.postMessage(m, to);
    });
    await page.waitForTimeout(500);
    expect(await frameFiles(frame)).toEqual(before);
    const state = await page.evaluate(() =>
      (document.getElementById("ex") as HTMLElement & { getState(): Promise<{ files: Record<string, string>; options: { kernel: string } }> }).getState(),
    );
    expect(Object.keys(state.files).sort()).toEqual(["exporter.c", "load", "user.c"]);
    expect(state.options.kernel).toBe("6.12");
    await page.close();
  });

  it("refuses edits in read-only mode and never loads the editor", async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 600 } });
    await page.goto(`${url}embed.html?readonly=1&file=user.c`);
    await page.waitForSelector("body[data-ready=true]");
    const before = await frameFiles(page.mainFrame());
    await page.click(".embed-light");
    await page.keyboard.type("garbage");
    await page.keyboard.press("Enter");
    await page.waitForTimeout(300);
    expect(await frameFiles(page.mainFrame())).toEqual(before);
    expect(await page.$(".monaco-editor")).toBeNull();
    expect(await page.textContent(".embed-light")).not.toContain("garbage");
    await page.close();
  });

  it("shows code and verdict within the transfer budget before the first interaction, and loads Monaco on the first click", async () => {
    // every byte counted at the server, whichever context asked (page, worker, shared engine);
    // no service worker, nothing cached
    const site = await serveCounting();
    const context = await browser.newContext({ viewport: { width: 1100, height: 640 }, serviceWorkers: "block" });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("pageerror", (e) => problems.push(e.message));
    page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
    await page.goto(`${site.url}embed.html?file=user.c&lines=3`);
    await page.waitForSelector("body[data-ready=true]");
    await page.waitForSelector(".summary-pane .stat");
    await page.waitForTimeout(300);
    const before = site.log.slice();
    const { bytes: total } = sentTotal(before);
    mkdirSync(SHOTS, { recursive: true });
    writeFileSync(
      `${SHOTS}/embed-sizes.json`,
      JSON.stringify({ budget: BUDGET, total, responses: before.map((r) => ({ file: r.path.slice(1), bytes: r.bytes, gzip: r.gzip })) }, null, 2) + "\n",
    );
    console.log(`embed before interaction: ${total} bytes gzip over ${before.length} responses (budget ${BUDGET})`);
    expect(before.some((r) => /\.wasm$/.test(r.path))).toBe(true);
    expect(before.some((r) => /(editor|monaco)-.*\.js$/.test(r.path))).toBe(false);
    expect(total).toBeLessThanOrEqual(BUDGET);
    expect(await page.textContent(".problems")).toContain(NOT_IMPORTED);
    await shot(page, "embed-light");

    await page.click('.embed-light .line[data-line="5"]');
    await page.waitForSelector(".embed-editor .monaco-editor .view-lines", { timeout: 30_000 });
    await page.waitForTimeout(500);
    await shot(page, "embed-monaco");
    // within the page's Content-Security-Policy: no inline scripts, nothing refused
    expect(problems).toEqual([]);
    await context.close();
    site.server.close();
  });

  it('opens the same workspace in the full page from "Open in ksymns"', async () => {
    const context = await browser.newContext({ viewport: { width: 1300, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${url}embed.html?theme=dark&view=split`);
    await page.waitForSelector("body[data-ready=true]");
    await page.evaluate(() =>
      (window as unknown as { ksymns: { store: { getState(): { setFile(n: string, c: string): void } } } }).ksymns.store
        .getState()
        .setFile("extra.c", "/* from the embed */\n"),
    );
    await page.waitForFunction(() => (document.querySelector(".embed-open") as HTMLAnchorElement).href.length > 100);
    await page.waitForTimeout(300);
    await shot(page, "embed-dark");
    const embedded = await frameFiles(page.mainFrame());
    const [full] = await Promise.all([context.waitForEvent("page"), page.click(".embed-open")]);
    await full.waitForSelector("body[data-ready=true]", { timeout: 30_000 });
    expect(await workspace(full)).toEqual(embedded);
    await context.close();
  });

  it("keeps working with the network cut after the first visit (service worker)", async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 640 } });
    const page = await context.newPage();
    await page.goto(`${url}embed.html?file=user.c`);
    await page.waitForSelector("body[data-ready=true]");
    await page.waitForSelector("html[data-offline=ready]", { timeout: 30_000 });
    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector("body[data-ready=true]", { timeout: 30_000 });
    expect(await page.textContent(".problems")).toContain(NOT_IMPORTED);
    // a second embed with other flags: the same cached shell
    await page.goto(`${url}embed.html?view=result&theme=dark`);
    await page.waitForSelector("body[data-ready=true]", { timeout: 30_000 });
    await shot(page, "embed-offline");
    await context.close();
  });

  it("keeps the full page working offline too, editor included", async () => {
    const context = await browser.newContext({ viewport: { width: 1300, height: 800 } });
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector("body[data-ready=true]", { timeout: 30_000 });
    await page.waitForSelector(".monaco-editor .view-lines", { timeout: 30_000 });
    await page.waitForSelector("html[data-offline=ready]", { timeout: 30_000 });
    // the editor's files are handed to the worker in a batch after they load
    await page.waitForTimeout(1500);
    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector("body[data-ready=true]", { timeout: 30_000 });
    await page.waitForSelector(".monaco-editor .view-lines", { timeout: 30_000 });
    expect(await page.textContent(".problems")).toContain(NOT_IMPORTED);
    await context.close();
  });

  it("writes the iframe and element snippets for the current workspace from Share → Embed", async () => {
    const context = await browser.newContext({ viewport: { width: 1360, height: 820 } });
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector("body[data-ready=true]", { timeout: 30_000 });
    await page.click("#embed");
    await page.check("#embed-readonly");
    const element = await page.inputValue("#embed-element");
    const iframe = await page.inputValue("#embed-iframe");
    expect(element).toContain("<ksymns-playground");
    expect(element).toContain("<figcaption>user.c</figcaption>");
    expect(element).toMatch(/ files="v1\/[A-Za-z0-9_-]+"/);
    expect(element).toContain(" readonly");
    expect(iframe).toMatch(/embed\.html\?[^"]*readonly=1[^"]*#v1\//);
    await shot(page, "embed-dialog");
    // the snippet's iframe shows the same workspace
    const src = /src="([^"]+)"/.exec(iframe)![1].replace(/&amp;/g, "&");
    const embed = await context.newPage();
    await embed.goto(src);
    await embed.waitForSelector("body[data-ready=true]");
    expect((await frameFiles(embed.mainFrame())).map(([n]) => n)).toEqual((await workspace(page)).map(([n]) => n));
    await context.close();
  });

  it("serves a documentation page whose examples run: inline code, a preset on click, and one driven by the page", async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(`${url}docs/index.html`);
    const inline = page.locator("#inline");
    await inline.scrollIntoViewIfNeeded();
    // read-only: drawn in the element's shadow root
    await page.waitForFunction((text) => document.querySelector("#inline")!.shadowRoot?.querySelector(".problems")?.textContent?.includes(text), NOT_IMPORTED, {
      timeout: 30_000,
    });
    await shot(page, "embed-docs");
    // the preset waits for a click
    await page.locator("#preset").scrollIntoViewIfNeeded();
    const preset = (await (await page.waitForSelector("#preset iframe")).contentFrame())!;
    await preset.waitForSelector("body[data-ready=idle]", { timeout: 30_000 });
    expect(await preset.$(".summary-pane .stat")).toBeNull();
    await preset.click(".embed-run");
    await preset.waitForSelector("body[data-ready=true]", { timeout: 30_000 });
    await preset.waitForSelector(".summary-pane .stat");
    await shot(page, "embed-docs-preset");
    // the page drives the third example
    await page.locator("#driven").scrollIntoViewIfNeeded();
    await page.waitForFunction(() => /build/.test(document.getElementById("verdict")!.textContent ?? ""), null, { timeout: 30_000 });
    await page.click("#fix");
    await page.waitForFunction(() => /0 errors/.test(document.getElementById("verdict")!.textContent ?? ""), null, { timeout: 30_000 });
    await shot(page, "embed-docs-driven");
    await page.close();
  });

  it("shows the code blocks and a link to the playground when JavaScript is off", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1000, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${hostOrigin}/notes.html`);
    await page.locator("ksymns-playground").scrollIntoViewIfNeeded();
    expect(await page.locator('script[data-file="user.c"]').isVisible()).toBe(true);
    expect(await page.locator('script[data-file="user.c"]').textContent()).toContain("int toy_get(void);");
    expect(await page.locator("ksymns-playground a").isVisible()).toBe(true);
    expect(await page.$("ksymns-playground iframe")).toBeNull();
    await shot(page, "embed-nojs");
    await context.close();
  });

  it("draws only the examples near the viewport on a page of ten", async () => {
    const ten = Array.from(
      { length: 10 },
      (_, i) =>
        `<h2>Example ${i + 1}</h2><div style="height:700px"></div><ksymns-playground id="e${i}" readonly><script type="text/plain" data-file="m${i}.c">int x${i};\nMODULE_LICENSE("GPL");\n</script></ksymns-playground>`,
    ).join("\n");
    const { server, origin } = await serveHostPages({
      "/ten.html": [
        "text/html",
        `<!doctype html><html><head><meta charset="utf-8"><script src="${url}embed.js" defer></script></head><body>${ten}</body></html>`,
      ],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
      await page.goto(`${origin}/ten.html`);
      // read-only: drawn in the shadow root, without a frame
      await page.waitForSelector("#e0 .embed");
      await page.waitForTimeout(500);
      const drawn = await page.evaluate(() => [...document.querySelectorAll("ksymns-playground")].filter((e) => e.shadowRoot?.querySelector(".embed")).length);
      expect(drawn).toBe(1);
      expect(await page.$("ksymns-playground iframe")).toBeNull();
      await page.locator("#e9").scrollIntoViewIfNeeded();
      await page.waitForSelector("#e9 .embed");
      await page.close();
    } finally {
      server.close();
    }
  });

  it("works from a plain static host under a sub-path, full page and embed alike", async () => {
    const { server, origin } = await serveHostPages({}, { at: "/courses/ksymns/", dir: "dist" });
    try {
      const context = await browser.newContext({ viewport: { width: 1100, height: 640 } });
      const page = await context.newPage();
      await page.goto(`${origin}/courses/ksymns/embed.html?file=user.c`);
      await page.waitForSelector("body[data-ready=true]", { timeout: 30_000 });
      expect(await page.textContent(".problems")).toContain(NOT_IMPORTED);
      expect(await page.getAttribute(".embed-open", "href")).toMatch(new RegExp(`^${origin}/courses/ksymns/index\\.html#v1/`));
      await page.goto(`${origin}/courses/ksymns/index.html`);
      await page.waitForSelector("body[data-ready=true]", { timeout: 30_000 });
      await context.close();
    } finally {
      server.close();
    }
  });
});
