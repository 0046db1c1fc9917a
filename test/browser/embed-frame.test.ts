// The embed frame as a reader meets it, in Debian's Chromium: the first click that loads
// Monaco, the editor's height, the "Why?" cards, toolbar=0, narrow and middling widths, resize
// messages both ways, and the theme set by the host page. An element's editable embed is drawn
// in its page until the reader clicks its code; the frame takes over then.

import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Frame, Page } from "playwright-core";
import type { PreviewServer } from "vite";
import { launchChromium, serveSite } from "../support/server";
import { serveHostPages } from "../support/hostpage";
import { shot } from "./support";

let browser: Browser;
let site: PreviewServer;
let url: string;
let host: Server;
let hostOrigin: string;

const HOST_JS = `window.heights = [];
const el = document.querySelector("ksymns-playground");
window.results = 0;
el.addEventListener("result", () => window.results++);
new MutationObserver(() => window.heights.push(parseInt(el.shadowRoot.querySelector("iframe")?.style.height || "0", 10))).observe(el.shadowRoot ?? el, { attributes: true, subtree: true, attributeFilter: ["style"] });`;

const page = (
  attrs: string,
) => `<!doctype html><html><head><meta charset="utf-8"><script src="${url}embed.js" defer></script><script src="/host.js" defer></script></head>
<body style="margin:0;font:16px system-ui"><ksymns-playground ${attrs} eager></ksymns-playground><p id="after">After the example.</p></body></html>`;

beforeAll(async () => {
  ({ server: site, url } = await serveSite());
  ({ server: host, origin: hostOrigin } = await serveHostPages({
    "/code.html": ["text/html", page('view="code" file="user.c"')],
    "/split.html": ["text/html", page('file="user.c"')],
    "/host.js": ["text/javascript", HOST_JS],
    // a preset is read by the frame, so the element shows a frame from the start
    "/preset.html": ["text/html", page('preset="kvm-namespace-2019" view="code" file="vboxdrv.c"')],
  }));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  host?.close();
});

/** The element's editor frame, made by a click on line `line` of its drawn code. */
async function embedFrame(p: Page, line = 2): Promise<Frame> {
  await p.click(`ksymns-playground .embed-light .line[data-line="${line}"]`, { timeout: 30_000 });
  const handle = await p.waitForSelector("ksymns-playground iframe:not(.upgrading)", { timeout: 30_000, state: "attached" });
  const frame = (await handle.contentFrame())!;
  await frame.waitForSelector("body[data-ready=true]", { timeout: 30_000 });
  return frame;
}

/** Waits until file `name`'s text in the embed's store matches `pattern`. */
const waitForFileText = (frame: Frame | Page, name: string, pattern: RegExp) =>
  frame.waitForFunction(
    ([n, source]) =>
      new RegExp(source).test(
        (window as unknown as { ksymns: { store: { getState(): { files: { name: string; content: string }[] } } } }).ksymns.store
          .getState()
          .files.find((f) => f.name === n)?.content ?? "",
      ),
    [name, pattern.source] as const,
  );

/** Monaco's chunks and style sheet, which the Retry tests cut off. */
const MONACO_ASSETS = /\/assets\/(monaco|editor)-[^/]*\.(js|css)$/;

const fileText = (frame: Frame | Page, name: string) =>
  frame.evaluate(
    (n) =>
      (window as unknown as { ksymns: { store: { getState(): { files: { name: string; content: string }[] } } } }).ksymns.store
        .getState()
        .files.find((f) => f.name === n)?.content,
    name,
  );

/** Where the `col`-th character (1-based) of a light-view line is drawn. */
async function charPoint(frame: Frame | Page, line: number, col: number): Promise<{ x: number; y: number }> {
  return frame.evaluate(
    ([l, c]) => {
      const el = document.querySelector(`.embed-light .line[data-line="${l}"]`)!;
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      let left = c - 1;
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        if (left < n.data.length) {
          const r = document.createRange();
          r.setStart(n, left);
          r.setEnd(n, left + 1);
          const box = r.getBoundingClientRect();
          return { x: box.left + 1, y: box.top + box.height / 2 };
        }
        left -= n.data.length;
      }
      throw new Error("no such column");
    },
    [line, col] as const,
  );
}

describe("the embed frame", () => {
  it("puts the caret where the first click landed and keeps every key typed while Monaco loads", async () => {
    const p = await browser.newPage({ viewport: { width: 1100, height: 700 } });
    // Monaco's chunk arrives late, so the keys are surely typed before it is there
    await p.route(/\/assets\/editor-[^/]*\.js$/, async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    });
    await p.goto(`${url}embed.html?file=user.c`);
    await p.waitForSelector("body[data-ready=true]");
    expect(await fileText(p, "user.c")).toContain("\treturn 0;\n");
    // line 9 is "\treturn 0;": click on the "u" (column 5), so the caret goes before it
    const at = await charPoint(p, 9, 5);
    await p.mouse.click(at.x, at.y);
    await p.keyboard.type("XY");
    expect(await p.$(".embed-editor .monaco-editor")).toBeNull();
    expect(await p.locator(".embed-light .embed-caret").count()).toBe(1);
    await p.keyboard.press("Backspace");
    await p.keyboard.type("Z");
    await p.waitForSelector(".embed-editor .monaco-editor .view-lines", { timeout: 30_000 });
    await p.keyboard.type("Q");
    await waitForFileText(p, "user.c", /XZQ/);
    expect((await fileText(p, "user.c"))!.split("\n")[8]).toBe("\tretXZQurn 0;");
    expect(await p.isVisible(".embed-light")).toBe(false);
    await shot(p, "embed-first-click");
    await p.close();
  });

  it("says in one line that Monaco could not load, keeps the keys typed and loads it on Retry", async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 700 }, serviceWorkers: "block" });
    const p = await context.newPage();
    await p.route(MONACO_ASSETS, (route) => route.abort("internetdisconnected"));
    await p.goto(`${url}embed.html?file=user.c`);
    await p.waitForSelector("body[data-ready=true]");
    const at = await charPoint(p, 9, 5);
    await p.mouse.click(at.x, at.y);
    await p.keyboard.type("XY");
    await p.waitForSelector(".embed-editor-failed", { timeout: 30_000 });
    await p.keyboard.type("Z");
    expect((await fileText(p, "user.c"))!.split("\n")[8]).toBe("\tretXYZurn 0;");
    expect(await p.locator(".embed-editor-failed").innerText()).toMatch(/^The editor could not load/);
    expect(await p.isVisible(".embed-light")).toBe(true);
    // the page itself out of reach: Retry says so and the code goes on taking keys
    const page = /\/embed\.html/;
    await p.route(page, (route) => route.abort("internetdisconnected"));
    await p.click(".embed-editor-failed button");
    await p.waitForFunction(() => document.querySelector(".embed-editor-failed")!.textContent!.startsWith("The editor still could not load"));
    expect(await p.getAttribute(".embed-editor-failed", "title")).toBe("the page cannot be reached");
    await p.locator(".embed-light").focus();
    await p.keyboard.type("W");
    expect((await fileText(p, "user.c"))!.split("\n")[8]).toBe("\tretXYZWurn 0;");
    // back on line: the browser keeps the failed modules failed for the page's life, so Retry
    // opens the page again, at the caret, with the keys typed
    await p.unroute(page);
    await p.unroute(MONACO_ASSETS);
    await p.click(".embed-editor-failed button");
    await p.waitForSelector(".embed-editor .monaco-editor .view-lines", { timeout: 30_000 });
    await p.keyboard.type("Q");
    await waitForFileText(p, "user.c", /XYZWQ/);
    expect(await p.isVisible(".embed-editor-failed")).toBe(false);
    // what carried the work over is gone: a reload now opens the embed as its URL says
    expect(await p.evaluate(() => [window.name, sessionStorage.length])).toEqual(["", 0]);
    await p.reload();
    await p.waitForSelector("body[data-ready=true]");
    expect((await fileText(p, "user.c"))!.split("\n")[8]).toBe("\treturn 0;");
    await context.close();
  });

  it("keeps the reader's edits in a host page's frame across the Retry, and the host's copy of them", async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 700 }, serviceWorkers: "block" });
    const p = await context.newPage();
    await p.route(MONACO_ASSETS, (route) => route.abort("internetdisconnected"));
    await p.goto(`${hostOrigin}/preset.html`);
    const frame = (await (await p.waitForSelector("ksymns-playground iframe", { state: "attached", timeout: 30_000 })).contentFrame())!;
    await frame.waitForSelector("body[data-ready=true]", { timeout: 30_000 });
    const at = await charPoint(frame, 1, 1);
    await p.mouse.click(at.x, at.y);
    await p.keyboard.type("// kept\n");
    await frame.waitForSelector(".embed-editor-failed", { timeout: 30_000 });
    await p.unroute(MONACO_ASSETS);
    await frame.click(".embed-editor-failed button");
    // the same frame, a new document
    await frame.waitForSelector(".embed-editor .monaco-editor .view-lines", { timeout: 30_000 });
    await p.keyboard.type("x");
    await waitForFileText(frame, "vboxdrv.c", /^\/\/ kept\nx/);
    const state = (await p.evaluate(() => (document.querySelector("ksymns-playground") as HTMLElement & { getState(): Promise<unknown> }).getState())) as {
      files: Record<string, string>;
    };
    expect(state.files["vboxdrv.c"]).toMatch(/^\/\/ kept\nx/);
    await context.close();
  });

  it("shows every line of the file in the editor and takes the height its code needs", async () => {
    const p = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    await p.goto(`${hostOrigin}/code.html`);
    const frame = await embedFrame(p);
    await frame.waitForSelector(".embed-editor .monaco-editor .view-lines", { timeout: 30_000 });
    await frame.waitForTimeout(500);
    const lines = (await fileText(frame, "user.c"))!.replace(/\n$/, "").split("\n").length;
    // the last line is drawn inside the editor and inside the frame the host page sized
    const seen = await frame.evaluate((n) => {
      const rows = [...document.querySelectorAll(".monaco-editor .view-line")].map((r) => r.getBoundingClientRect());
      const editor = document.querySelector(".embed-editor")!.getBoundingClientRect();
      const last = rows.reduce((a, b) => (b.bottom > a.bottom ? b : a));
      return { rows: rows.length, lastBottom: last.bottom, editorBottom: editor.bottom, viewport: innerHeight, want: n };
    }, lines);
    expect(seen.rows).toBeGreaterThanOrEqual(lines);
    expect(seen.lastBottom).toBeLessThanOrEqual(seen.editorBottom);
    expect(seen.editorBottom).toBeLessThanOrEqual(seen.viewport);
    await shot(p, "embed-editor-height");

    // a shorter file: the editor, the frame's content and the resize messages shrink with it
    const before = await p.evaluate(() => (window as unknown as { heights: number[] }).heights.at(-1)!);
    await p.evaluate(() =>
      (document.querySelector("ksymns-playground") as HTMLElement & { setFiles(f: Record<string, string>, a?: string): void }).setFiles(
        { "user.c": 'int x;\nMODULE_LICENSE("GPL");\n' },
        "user.c",
      ),
    );
    await p.waitForFunction((h) => (window as unknown as { heights: number[] }).heights.at(-1)! < h - 100, before, { timeout: 10_000 });
    const after = await p.evaluate(() => (window as unknown as { heights: number[] }).heights.at(-1)!);
    const content = await frame.evaluate(() => Math.ceil(document.getElementById("embed")!.getBoundingClientRect().height));
    expect(Math.abs(after - content)).toBeLessThanOrEqual(1);
    await p.close();
  });

  it("sends resize messages that shrink as well as grow when the verdict tab changes", async () => {
    const p = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    await p.goto(`${hostOrigin}/split.html`);
    await p.waitForFunction(() => (window as unknown as { results: number }).results > 0);
    // drawn in the page, the element is as tall as what the tab shows
    const drawn = () => p.evaluate(() => document.querySelector("ksymns-playground")!.getBoundingClientRect().height);
    const drawnProblems = await drawn();
    await p.click('ksymns-playground [data-tab="modules"]');
    const drawnModules = await drawn();
    expect(drawnModules).toBeLessThan(drawnProblems);
    await p.click('ksymns-playground [data-tab="problems"]');
    expect(await drawn()).toBe(drawnProblems);
    // the editor frame, from its resize messages
    const frame = await embedFrame(p);
    await frame.waitForSelector(".embed-editor .monaco-editor .view-lines", { timeout: 30_000 });
    const last = () => p.evaluate(() => (window as unknown as { heights: number[] }).heights.at(-1)!);
    await frame.waitForTimeout(300);
    const problems = await last();
    await frame.click('[data-tab="modules"]');
    await p.waitForFunction((h) => (window as unknown as { heights: number[] }).heights.at(-1)! < h, problems, { timeout: 10_000 });
    const modules = await last();
    await frame.click('[data-tab="problems"]');
    await p.waitForFunction((h) => (window as unknown as { heights: number[] }).heights.at(-1)! > h, modules, { timeout: 10_000 });
    expect(await last()).toBe(problems);
    await p.close();
  });

  it("styles the Why? button and its card as the full page does", async () => {
    const styles = async (p: Page | Frame) => {
      await p.click(".problem .why");
      await p.waitForSelector(".problem .explain");
      return p.evaluate(() => {
        const pick = (sel: string, props: string[]) => {
          const cs = getComputedStyle(document.querySelector(sel)!);
          return Object.fromEntries(props.map((k) => [k, cs.getPropertyValue(k)]));
        };
        return {
          why: pick(".problem .why", [
            "position",
            "border-radius",
            "padding-top",
            "padding-left",
            "font-size",
            "border-top-width",
            "border-top-style",
            "color",
            "background-color",
          ]),
          card: pick(".problem .explain", ["border-radius", "padding-top", "padding-left", "background-color", "font-size", "margin-left"]),
        };
      });
    };
    const full = await browser.newPage({ viewport: { width: 1360, height: 820 } });
    await full.goto(url);
    await full.waitForSelector("body[data-ready=true]", { timeout: 30_000 });
    const inFull = await styles(full);
    const embed = await browser.newPage({ viewport: { width: 1100, height: 700 } });
    await embed.goto(`${url}embed.html?theme=light`);
    await embed.waitForSelector("body[data-ready=true]");
    const inEmbed = await styles(embed);
    expect(inEmbed).toEqual(inFull);
    expect(inEmbed.why.position).toBe("absolute");
    await shot(embed, "embed-why");
    await full.close();
    await embed.close();
  });

  it('keeps "Open in ksymns" clear of the verdict cards with toolbar=0', async () => {
    for (const width of [1100, 940, 360]) {
      const p = await browser.newPage({ viewport: { width, height: 800 } });
      await p.goto(`${url}embed.html?toolbar=0`);
      await p.waitForSelector("body[data-ready=true]");
      await p.waitForSelector(".summary-pane .stat");
      // what lies under the link's corners and centre (hit testing sees what scrolling clips off)
      const overlaps = await p.evaluate(() => {
        const r = document.querySelector(".embed-open")!.getBoundingClientRect();
        const points = [
          [r.left + 1, r.top + 1],
          [r.right - 1, r.top + 1],
          [r.left + 1, r.bottom - 1],
          [r.right - 1, r.bottom - 1],
          [(r.left + r.right) / 2, (r.top + r.bottom) / 2],
        ];
        return points.flatMap(([x, y]) =>
          document
            .elementsFromPoint(x, y)
            .filter((e) => e.closest(".stat, .problem, .result-tabs, .summary-pane"))
            .map((e) => e.className),
        );
      });
      expect(overlaps, `at ${width}px`).toEqual([]);
      expect(await p.isVisible(".embed-open")).toBe(true);
      if (width === 940) await shot(p, "embed-toolbar0");
      await p.close();
    }
  });

  it("shows verdict values, card labels and file tabs whole at 900–980 px and at 360 px", async () => {
    for (const width of [900, 940, 980, 360]) {
      const p = await browser.newPage({ viewport: { width, height: 900 } });
      await p.goto(`${url}embed.html?file=user.c`);
      await p.waitForSelector("body[data-ready=true]");
      await p.waitForSelector(".summary-pane .stat");
      const cut = await p.evaluate(() => {
        const out: string[] = [];
        for (const e of document.querySelectorAll<HTMLElement>(".stat-value, .stat-label, .embed-tab, .result-tabs button")) {
          const r = e.getBoundingClientRect();
          const parent = e.parentElement!.getBoundingClientRect();
          if (e.scrollWidth > e.clientWidth + 1 || r.right > innerWidth + 0.5 || r.left < -0.5 || r.right > parent.right + 0.5) out.push(e.textContent!.trim());
        }
        return out;
      });
      expect(cut, `cut at ${width}px`).toEqual([]);
      if (width === 360 || width === 940) await shot(p, `embed-${width}`);
      await p.close();
    }
  });

  it("changes theme when the host sets the theme attribute or sends set-theme, and keeps it when the editor frame takes over", async () => {
    const p = await browser.newPage({ viewport: { width: 1000, height: 700 }, colorScheme: "light" });
    await p.goto(`${hostOrigin}/split.html`);
    const drawnTheme = () =>
      p.evaluate(() => document.querySelector("ksymns-playground")!.shadowRoot!.querySelector<HTMLElement>(".ksymns-root")?.dataset.theme);
    await p.waitForFunction(() => (window as unknown as { results: number }).results > 0);
    expect(await drawnTheme()).toBe("light");
    await p.evaluate(() => document.querySelector("ksymns-playground")!.setAttribute("theme", "dark"));
    await p.waitForFunction(
      () => document.querySelector("ksymns-playground")!.shadowRoot!.querySelector<HTMLElement>(".ksymns-root")!.dataset.theme === "dark",
    );
    const frame = await embedFrame(p);
    const theme = () => frame.evaluate(() => document.documentElement.dataset.theme);
    expect(await theme()).toBe("dark");
    const bg = await frame.evaluate(() => getComputedStyle(document.querySelector(".embed")!).backgroundColor);
    expect(bg).not.toBe("rgb(255, 255, 255)");
    await shot(p, "embed-theme-dark");
    // the message itself, as a host without the element sends it
    await p.evaluate(() => {
      const iframe = document.querySelector("ksymns-playground")!.shadowRoot!.querySelector("iframe")!;
      iframe.contentWindow!.postMessage({ ksymns: 1, type: "set-theme", theme: "light" }, new URL(iframe.src).origin);
    });
    await frame.waitForFunction(() => document.documentElement.dataset.theme === "light");
    // "auto" follows the reader's OS
    await p.emulateMedia({ colorScheme: "dark" });
    await p.evaluate(() => document.querySelector("ksymns-playground")!.setAttribute("theme", "auto"));
    await frame.waitForFunction(() => document.documentElement.dataset.theme === "dark");
    await p.close();
  });
});
