// An editable <ksymns-playground> in another site's page, in Debian's Chromium: drawn in its
// shadow root on the page's one engine like a read-only one, it becomes the editor frame on
// the reader's first click, Enter or typed key, with the caret where the reader clicked, every
// key typed meanwhile kept in order, the focus in the editor and the same box on screen.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Frame, Page } from "playwright-core";
import type { PreviewServer } from "vite";
import { launchChromium, serveSite } from "../support/server";
import { serveHostPages } from "../support/hostpage";
import { serveCounting } from "../support/counting";
import { shot } from "./support";

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
// long enough to scroll inside the code's 520px
const USER = `#include <linux/module.h>

int toy_get(void);
${Array.from({ length: 30 }, (_, i) => `static int pad${i} = ${i};`).join("\n")}
static int __init user_init(void)
{
\treturn toy_get() == 42 ? 0 : -1;
}
module_init(user_init);
MODULE_LICENSE("GPL");
`;
const USER_LINES = USER.split("\n");
/** The line of `\treturn toy_get() == 42 ? 0 : -1;` (1-based). */
const RETURN_LINE = USER_LINES.findIndex((l) => l.startsWith("\treturn toy_get")) + 1;
const FILES = { "exporter.c": EXPORTER, "user.c": USER, load: "insmod exporter.ko\ninsmod user.ko\n" };
const NOT_IMPORTED = "module user uses symbol toy_get from namespace TOY_NS, but does not import it.";

const scripts = (files: Record<string, string>) =>
  Object.entries(files)
    .map(([n, c]) => `<script type="text/plain" data-file="${n}">\n${c}</script>`)
    .join("\n");
const EVENTS_JS = `window.events = [];
for (const el of document.querySelectorAll("ksymns-playground"))
  for (const t of ["ready", "result", "change", "error"]) el.addEventListener(t, (e) => window.events.push({ id: el.id, type: t, detail: e.detail }));`;
const page = (playground: string, body: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><script src="/events.js" defer></script><script src="${playground}embed.js" defer></script></head><body style="margin:0;font:16px system-ui">${body}</body></html>`;

type Event = { id: string; type: string; detail: { verdicts?: unknown; messages?: { text: string }[]; files?: Record<string, string> } };
const events = (p: Page) => p.evaluate(() => (window as unknown as { events: Event[] }).events);
const waitFor = (p: Page, id: string, type: string, count = 1) =>
  p.waitForFunction(
    ([i, t, n]) => (window as unknown as { events: Event[] }).events.filter((e) => e.id === i && e.type === t).length >= (n as number),
    [id, type, count] as const,
    { timeout: 30_000 },
  );
const stateOf = (p: Page, id: string) =>
  p.evaluate((i) => (document.getElementById(i) as HTMLElement & { getState(): Promise<{ files: Record<string, string>; verdicts: unknown }> }).getState(), id);

/** Waits until element `id`'s file `file` (as getState() reports it) passes `ok`. */
async function waitForFile(p: Page, id: string, file: string, ok: (text: string) => boolean): Promise<void> {
  await expect.poll(async () => ok((await stateOf(p, id)).files[file] ?? ""), { timeout: 10_000 }).toBe(true);
}

/** Where the `col`-th character (1-based) of line `line` of element `id`'s drawn code is. */
async function charPoint(p: Page, id: string, line: number, col: number): Promise<{ x: number; y: number }> {
  return p.evaluate(
    ([i, l, c]) => {
      const el = document.getElementById(i as string)!.shadowRoot!.querySelector(`.embed-light .line[data-line="${l}"]`)!;
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      let left = (c as number) - 1;
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
    [id, line, col] as const,
  );
}

/** The editor frame that took over element `id`, once its editor shows. */
async function editorFrame(p: Page, id: string): Promise<Frame> {
  const handle = await p.waitForSelector(`#${id} iframe:not(.upgrading)`, { state: "attached", timeout: 30_000 });
  const frame = (await handle.contentFrame())!;
  await frame.waitForSelector(".embed-editor .monaco-editor .view-lines", { timeout: 30_000 });
  return frame;
}

/** A page whose requests the test can route (no service worker answers them). */
async function routablePage(width = 1100): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, serviceWorkers: "block" });
  return context.newPage();
}

/** Holds the editor's page (embed.html) back until `open()` (later loads pass at once). */
async function holdEditorPage(p: Page): Promise<{ open(): void }> {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  await p.route(/\/embed\.html/, async (route) => {
    await opened;
    await route.continue();
  });
  return { open };
}

/** Whether the editor has the focus: in its frame, and the frame in the page. */
const focusOf = async (p: Page, frame: Frame) => ({
  editor: await frame.evaluate(() => !!document.activeElement?.closest(".monaco-editor")),
  page: await p.evaluate(() => `${document.activeElement?.localName} ${document.activeElement?.shadowRoot?.activeElement?.localName}`),
});

beforeAll(async () => {
  ({ server: site, url } = await serveSite());
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe("an editable <ksymns-playground>", () => {
  it("draws ten editable embeds on the page's one engine and makes no frame until the reader edits one", async () => {
    const counting = await serveCounting();
    const ten = Array.from({ length: 10 }, (_, i) => `<ksymns-playground id="e${i}" eager file="user.c">${scripts(FILES)}</ksymns-playground>`).join("\n");
    const { server, origin } = await serveHostPages({ "/events.js": ["text/javascript", EVENTS_JS], "/ten.html": ["text/html", page(counting.url, ten)] });
    try {
      const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, serviceWorkers: "block" });
      const p = await context.newPage();
      await p.goto(`${origin}/ten.html`);
      for (let i = 0; i < 10; i++) await waitFor(p, `e${i}`, "result");
      for (const e of (await events(p)).filter((x) => x.type === "result"))
        expect(
          e.detail.messages!.some((m) => m.text.includes(NOT_IMPORTED)),
          e.id,
        ).toBe(true);
      const ready = (await events(p)).filter((e) => e.type === "ready");
      expect(ready.map((e) => (e.detail as { readonly?: boolean }).readonly)).toEqual(Array(10).fill(false));
      const fetched = (re: RegExp) => counting.log.filter((s) => re.test(s.path)).length;
      expect(fetched(/\/embed\.html$/)).toBe(0);
      expect(fetched(/\/engine\.html$/)).toBe(1);
      expect(fetched(/\.wasm$/)).toBe(1);
      expect(await p.evaluate(() => [...document.querySelectorAll("ksymns-playground")].filter((e) => e.shadowRoot!.querySelector("iframe")).length)).toBe(0);
      // the drawn code is there to click or to tab to
      expect(await p.locator("#e0 .embed-light").getAttribute("tabindex")).toBe("0");
      expect(await p.locator("#e0 .embed-light").getAttribute("aria-label")).toMatch(/edit/);
      // the reader edits the third: it alone becomes a frame
      await p.click('#e2 .embed-light .line[data-line="2"]');
      await editorFrame(p, "e2");
      expect(await p.evaluate(() => [...document.querySelectorAll("ksymns-playground")].filter((e) => e.shadowRoot!.querySelector("iframe")).length)).toBe(1);
      expect(fetched(/\/embed\.html$/)).toBe(1);
      await context.close();
    } finally {
      server.close();
      counting.server.close();
    }
  });

  it("puts the caret where the reader clicked and keeps every key typed while the editor loads, in order, in the same box", async () => {
    const { server, origin } = await serveHostPages({
      "/events.js": ["text/javascript", EVENTS_JS],
      "/one.html": [
        "text/html",
        page(url, `<h1>Notes</h1><ksymns-playground id="ex" eager file="user.c" view="code">${scripts(FILES)}</ksymns-playground><p>After.</p>`),
      ],
    });
    try {
      const p = await browser.newPage({ viewport: { width: 1000, height: 900 } });
      // the editor's page arrives late, so the keys are surely typed before it is there
      await p.route(/\/embed\.html/, async (route) => {
        await new Promise((r) => setTimeout(r, 1500));
        await route.continue();
      });
      await p.goto(`${origin}/one.html`);
      await waitFor(p, "ex", "result");
      // the code scrolled to its last lines, as a reader would before clicking
      await p.locator("#ex .embed-light").evaluate((e) => (e.scrollTop = 300));
      const lineTop = () =>
        p.evaluate(
          (l) => document.getElementById("ex")!.shadowRoot!.querySelector(`.embed-light .line[data-line="${l}"]`)!.getBoundingClientRect().top,
          RETURN_LINE,
        );
      const drawnTop = await lineTop();
      const drawnLeft = await p.evaluate((l) => {
        const line = document.getElementById("ex")!.shadowRoot!.querySelector(`.embed-light .line[data-line="${l}"]`)!;
        return line.getBoundingClientRect().left + parseFloat(getComputedStyle(line).paddingLeft);
      }, RETURN_LINE);
      const box = await p.locator("#ex").boundingBox();
      // on the "u" of "return" (column 5), so the caret goes before it
      const at = await charPoint(p, "ex", RETURN_LINE, 5);
      await p.mouse.click(at.x, at.y);
      await p.keyboard.type("XY");
      expect(await p.locator("#ex .embed-light .embed-caret").count()).toBe(1);
      await p.keyboard.press("Backspace");
      await p.keyboard.type("Z");
      expect(await p.$("#ex iframe:not(.upgrading)")).toBeNull();
      const frame = await editorFrame(p, "ex");
      // the clicked line where it was on screen (the code's scroll carried over), the box too
      const iframeTop = await p.locator("#ex iframe").evaluate((e) => e.getBoundingClientRect().top);
      const editorTop = await frame.evaluate(
        (l) => [...document.querySelectorAll(".monaco-editor .line-numbers")].find((e) => e.textContent!.trim() === String(l))!.getBoundingClientRect().top,
        RETURN_LINE,
      );
      expect(Math.abs(iframeTop + editorTop - drawnTop)).toBeLessThanOrEqual(2);
      // and the code where it was across: the drawn gutter is as wide as the editor's
      const iframeLeft = await p.locator("#ex iframe").evaluate((e) => e.getBoundingClientRect().left);
      const editorLeft = await frame.evaluate(() => document.querySelector(".monaco-editor .view-lines")!.getBoundingClientRect().left);
      expect(Math.abs(iframeLeft + editorLeft - drawnLeft)).toBeLessThanOrEqual(2);
      const after = await p.locator("#ex").boundingBox();
      expect(Math.abs(after!.y - box!.y)).toBeLessThanOrEqual(1);
      expect(Math.abs(after!.height - box!.height)).toBeLessThanOrEqual(2);
      await p.keyboard.type("Q");
      await waitForFile(p, "ex", "user.c", (t) => t.includes("XZQ"));
      const files = (await stateOf(p, "ex")).files;
      expect(files["user.c"].split("\n")[RETURN_LINE - 1]).toBe("\tretXZQurn toy_get() == 42 ? 0 : -1;");
      expect(files["exporter.c"]).toBe(EXPORTER);
      // the focus is in the editor, the drawn embed gone
      expect(await focusOf(p, frame)).toEqual({ editor: true, page: "ksymns-playground iframe" });
      expect(await p.$("#ex .ksymns-root")).toBeNull();
      await shot(p, "embed-edit-takeover");
      await p.close();
    } finally {
      server.close();
    }
  });

  it("keeps every character typed quickly right after the click, across the editor's arrival", async () => {
    const { server, origin } = await serveHostPages({
      "/events.js": ["text/javascript", EVENTS_JS],
      "/fast.html": ["text/html", page(url, `<ksymns-playground id="ex" eager file="user.c">${scripts(FILES)}</ksymns-playground>`)],
    });
    try {
      const p = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      await p.goto(`${origin}/fast.html`);
      await waitFor(p, "ex", "result");
      await p.evaluate(() => {
        const w = window as unknown as { keys: number };
        w.keys = 0;
        document.addEventListener("keydown", () => w.keys++, true);
      });
      const at = await charPoint(p, "ex", 3, 1);
      // no brackets nor quotes, which the editor would close itself
      const text = "typed while the editor arrives 0123456789 every key of it in order ";
      await p.mouse.click(at.x, at.y);
      // fast enough to be typing before, during and after the hand-over
      let typed = false;
      const typing = p.keyboard.type(text, { delay: 25 }).then(() => (typed = true));
      const frame = await editorFrame(p, "ex");
      expect(typed, "the editor took over before the typing ended").toBe(false);
      await typing;
      // some keys went to the drawn code, the rest to the editor's frame
      const inPage = await p.evaluate(() => (window as unknown as { keys: number }).keys);
      expect(inPage).toBeGreaterThan(0);
      expect(inPage).toBeLessThan(text.length);
      expect(await focusOf(p, frame)).toEqual({ editor: true, page: "ksymns-playground iframe" });
      await waitForFile(p, "ex", "user.c", (t) => t.includes(text));
      const files = (await stateOf(p, "ex")).files;
      expect(files["user.c"].split("\n")[2]).toBe(`${text}int toy_get(void);`);
      await p.close();
    } finally {
      server.close();
    }
  });

  it("lets a keyboard user tab to the code and start editing with a key or a paste, focus alone loading nothing", async () => {
    const { server, origin } = await serveHostPages({
      "/events.js": ["text/javascript", EVENTS_JS],
      "/keys.html": [
        "text/html",
        page(
          url,
          `<button id="before">before</button><ksymns-playground id="ex" eager file="user.c" lines="3">${scripts(FILES)}</ksymns-playground><ksymns-playground id="enter" eager file="user.c">${scripts(FILES)}</ksymns-playground>`,
        ),
      ],
    });
    try {
      const p = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      await p.goto(`${origin}/keys.html`);
      await waitFor(p, "ex", "result");
      await waitFor(p, "enter", "result");
      await p.focus("#before");
      // the file tabs, then the code
      for (let i = 0; i < 10; i++) {
        await p.keyboard.press("Tab");
        if (await p.evaluate(() => document.getElementById("ex")!.shadowRoot!.activeElement?.classList.contains("embed-light"))) break;
      }
      expect(await p.evaluate(() => document.getElementById("ex")!.shadowRoot!.activeElement?.className)).toBe("embed-light");
      await p.waitForTimeout(300);
      expect(await p.$("#ex iframe")).toBeNull();
      // a typed key: the editor, the key at the marked line's start
      await p.keyboard.type("// ");
      const frame = await editorFrame(p, "ex");
      await p.keyboard.type("ok");
      await waitForFile(p, "ex", "user.c", (t) => t.includes("// okint toy_get"));
      expect(await frame.evaluate(() => !!document.activeElement?.closest(".monaco-editor"))).toBe(true);

      // Enter: the editor, nothing inserted
      await p.locator("#enter .embed-light").focus();
      await p.keyboard.press("Enter");
      const second = await editorFrame(p, "enter");
      expect(await second.evaluate(() => !!document.activeElement?.closest(".monaco-editor"))).toBe(true);
      expect((await stateOf(p, "enter")).files["user.c"]).toBe(USER);

      // a paste: the editor, the text at the code's start
      await p.reload();
      await waitFor(p, "ex", "result");
      await p.locator("#ex .embed-light").focus();
      await p.locator("#ex .embed-light").evaluate((e) => {
        const data = new DataTransfer();
        data.setData("text/plain", "/* pasted */\n");
        e.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
      });
      await editorFrame(p, "ex");
      expect((await stateOf(p, "ex")).files["user.c"].split("\n")[2]).toBe("/* pasted */");
      await p.close();
    } finally {
      server.close();
    }
  });

  it("leaves the focus where the reader went on to in the page when the editor arrives", async () => {
    const { server, origin } = await serveHostPages({
      "/events.js": ["text/javascript", EVENTS_JS],
      "/on.html": ["text/html", page(url, `<ksymns-playground id="ex" eager file="user.c">${scripts(FILES)}</ksymns-playground><input id="notes">`)],
    });
    try {
      const p = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      await p.route(/\/embed\.html/, async (route) => {
        await new Promise((r) => setTimeout(r, 1000));
        await route.continue();
      });
      await p.goto(`${origin}/on.html`);
      await waitFor(p, "ex", "result");
      await p.click('#ex .embed-light .line[data-line="2"]');
      await p.keyboard.type("int a;");
      await p.click("#notes");
      await p.keyboard.type("my notes");
      await editorFrame(p, "ex");
      await p.keyboard.type(" go on");
      expect(await p.inputValue("#notes")).toBe("my notes go on");
      expect(await p.evaluate(() => document.activeElement?.id)).toBe("notes");
      expect((await stateOf(p, "ex")).files["user.c"].split("\n")[1]).toBe("int a;");
      await p.close();
    } finally {
      server.close();
    }
  });

  it("opens the file the reader is on when they switch files while the editor loads, at the caret they last put there, each file keeping its keys", async () => {
    const { server, origin } = await serveHostPages({
      "/events.js": ["text/javascript", EVENTS_JS],
      "/switch.html": ["text/html", page(url, `<ksymns-playground id="ex" eager file="user.c">${scripts(FILES)}</ksymns-playground>`)],
    });
    try {
      const p = await routablePage();
      // the editor's page arrives when the test lets it
      const gate = await holdEditorPage(p);
      await p.goto(`${origin}/switch.html`);
      await waitFor(p, "ex", "result");
      // in user.c before the "u" of "return", then in exporter.c before the "r" of "return 42"
      await p.locator("#ex .embed-light").evaluate((e) => (e.scrollTop = 300));
      let at = await charPoint(p, "ex", RETURN_LINE, 5);
      await p.mouse.click(at.x, at.y);
      await p.keyboard.type("U1");
      await p.click('#ex .embed-tab[data-file="exporter.c"]');
      expect(await p.locator("#ex .embed-light .embed-caret").count()).toBe(1);
      at = await charPoint(p, "ex", 5, 2);
      await p.mouse.click(at.x, at.y);
      await p.keyboard.type("E1");
      // a click elsewhere in the same file moves the caret there
      at = await charPoint(p, "ex", 7, 1);
      await p.mouse.click(at.x, at.y);
      await p.keyboard.type("E2");
      // back to user.c by its tab: the editor opens it, after "U1"
      await p.click('#ex .embed-tab[data-file="user.c"]');
      expect(await p.$("#ex iframe:not(.upgrading)")).toBeNull();
      gate.open();
      const frame = await editorFrame(p, "ex");
      expect(
        await frame.evaluate(() => (window as unknown as { ksymns: { store: { getState(): { activeFile: string } } } }).ksymns.store.getState().activeFile),
      ).toBe("user.c");
      await p.keyboard.type("U2");
      await waitForFile(p, "ex", "user.c", (t) => t.includes("U1U2"));
      const files = (await stateOf(p, "ex")).files;
      expect(files["user.c"].split("\n")[RETURN_LINE - 1]).toBe("\tretU1U2urn toy_get() == 42 ? 0 : -1;");
      expect(files["exporter.c"].split("\n").slice(4, 7)).toEqual(["\tE1return 42;", "}", "E2EXPORT_SYMBOL_NS_GPL(toy_get, TOY_NS);"]);
      expect(await focusOf(p, frame)).toEqual({ editor: true, page: "ksymns-playground iframe" });

      // a tab opened and no click in it: the editor opens that file, at its start
      await p.reload();
      const again = await holdEditorPage(p);
      await waitFor(p, "ex", "result");
      at = await charPoint(p, "ex", 3, 1);
      await p.mouse.click(at.x, at.y);
      await p.keyboard.type("U3");
      await p.click('#ex .embed-tab[data-file="exporter.c"]');
      again.open();
      const second = await editorFrame(p, "ex");
      expect(
        await second.evaluate(() => (window as unknown as { ksymns: { store: { getState(): { activeFile: string } } } }).ksymns.store.getState().activeFile),
      ).toBe("exporter.c");
      await p.keyboard.type("X");
      await waitForFile(p, "ex", "exporter.c", (t) => t.startsWith("X#include"));
      expect((await stateOf(p, "ex")).files["user.c"].split("\n")[2]).toBe("U3int toy_get(void);");
      await p.context().close();
    } finally {
      server.close();
    }
  });

  it("selects by a drag and takes keys back with Ctrl+Z while the editor loads; after the hand-over Ctrl+Z undoes what was typed, never the file", async () => {
    const { server, origin } = await serveHostPages({
      "/events.js": ["text/javascript", EVENTS_JS],
      "/select.html": ["text/html", page(url, `<ksymns-playground id="ex" eager file="user.c">${scripts(FILES)}</ksymns-playground>`)],
    });
    const drag = async (p: Page, from: number, to: number) => {
      const a = await charPoint(p, "ex", RETURN_LINE, from);
      const b = await charPoint(p, "ex", RETURN_LINE, to);
      await p.mouse.move(a.x, a.y);
      await p.mouse.down();
      await p.mouse.move(b.x, b.y, { steps: 4 });
      await p.mouse.up();
    };
    const line = async (p: Page) => (await stateOf(p, "ex")).files["user.c"].split("\n")[RETURN_LINE - 1];
    try {
      const p = await routablePage();
      const gate = await holdEditorPage(p);
      await p.goto(`${origin}/select.html`);
      await waitFor(p, "ex", "result");
      await p.locator("#ex .embed-light").evaluate((e) => (e.scrollTop = 300));
      // "return" selected from its "r" to the space after it: typing replaces it
      await drag(p, 2, 8);
      await p.keyboard.type("ab");
      expect(await line(p)).toBe("\tab toy_get() == 42 ? 0 : -1;");
      await p.keyboard.press("ControlOrMeta+z");
      expect(await line(p)).toBe("\ta toy_get() == 42 ? 0 : -1;");
      gate.open();
      await editorFrame(p, "ex");
      await p.keyboard.type("c");
      await waitForFile(p, "ex", "user.c", (t) => t.includes("\tac toy_get"));
      await p.keyboard.press("ControlOrMeta+z");
      await waitForFile(p, "ex", "user.c", (t) => t.includes("\ta toy_get"));
      // the keys typed before the hand-over are one step, the file before them the last (a
      // further Ctrl+Z changes nothing)
      await p.keyboard.press("ControlOrMeta+z");
      await waitForFile(p, "ex", "user.c", (t) => t === USER);
      await p.keyboard.press("ControlOrMeta+z");
      await p.keyboard.type("!");
      await waitForFile(p, "ex", "user.c", (t) => t.includes("\treturn! toy_get"));
      expect((await stateOf(p, "ex")).files["user.c"].replace("!", "")).toBe(USER);

      // a selection made while the editor loads is the editor's selection
      await p.reload();
      const again = await holdEditorPage(p);
      await waitFor(p, "ex", "result");
      await p.locator("#ex .embed-light").evaluate((e) => (e.scrollTop = 300));
      await drag(p, 9, 16);
      again.open();
      await editorFrame(p, "ex");
      await p.keyboard.type("Z");
      await waitForFile(p, "ex", "user.c", (t) => t.includes("\treturn Z() == 42"));
      await p.context().close();
    } finally {
      server.close();
    }
  });

  it("lets the reader leave the editor with Esc then Tab to what follows the embed in the page when only code shows", async () => {
    const { server, origin } = await serveHostPages({
      "/events.js": ["text/javascript", EVENTS_JS],
      "/leave.html": [
        "text/html",
        page(url, `<input id="before"><ksymns-playground id="ex" eager file="user.c" view="code">${scripts(FILES)}</ksymns-playground><input id="after">`),
      ],
    });
    try {
      const p = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      await p.goto(`${origin}/leave.html`);
      await waitFor(p, "ex", "result");
      await p.click('#ex .embed-light .line[data-line="2"]');
      const frame = await editorFrame(p, "ex");
      await p.keyboard.press("Escape");
      await p.keyboard.press("Tab");
      await p.waitForFunction(() => document.activeElement?.id === "after", null, { timeout: 10_000 });
      await p.keyboard.type("notes");
      expect(await p.inputValue("#after")).toBe("notes");
      expect((await stateOf(p, "ex")).files["user.c"]).toBe(USER);
      // and back into the editor, then out before it: the bar is in the frame
      await p.click("#ex iframe");
      await frame.waitForFunction(() => !!document.activeElement?.closest(".monaco-editor"));
      await p.keyboard.press("Escape");
      await p.keyboard.press("Shift+Tab");
      await frame.waitForFunction(() => !!document.activeElement?.closest(".embed-bar"));
      expect((await stateOf(p, "ex")).files["user.c"]).toBe(USER);
      await p.close();
    } finally {
      server.close();
    }
  });

  it("shows a problem's line when the reader clicks the problem, and the editor opens there if it arrives after", async () => {
    const { server, origin } = await serveHostPages({
      "/events.js": ["text/javascript", EVENTS_JS],
      "/problem.html": ["text/html", page(url, `<ksymns-playground id="ex" eager file="exporter.c">${scripts(FILES)}</ksymns-playground>`)],
    });
    const visible = (p: Page, l: number) =>
      p.evaluate((n) => {
        const code = document.getElementById("ex")!.shadowRoot!.querySelector(".embed-light")!.getBoundingClientRect();
        const line = document.getElementById("ex")!.shadowRoot!.querySelector(`.embed-light .line[data-line="${n}"]`)!.getBoundingClientRect();
        return line.top >= code.top && line.bottom <= code.bottom;
      }, l);
    try {
      const p = await routablePage();
      const gate = await holdEditorPage(p);
      await p.goto(`${origin}/problem.html`);
      await waitFor(p, "ex", "result");
      const problem = p.locator("#ex .problem-main").filter({ hasText: "does not import it" }).first();
      // before any edit: the file opens at the line
      await problem.click();
      expect(await p.locator('#ex .embed-tab[aria-selected="true"]').innerText()).toBe("user.c");
      expect(await visible(p, RETURN_LINE)).toBe(true);
      // while the editor loads: typing goes to the problem's place, and the editor opens there
      await p.locator("#ex .embed-light").evaluate((e) => (e.scrollTop = 0));
      await p.click('#ex .embed-light .line[data-line="2"]');
      await p.keyboard.type("int x;");
      await problem.click();
      expect(await visible(p, RETURN_LINE)).toBe(true);
      gate.open();
      await editorFrame(p, "ex");
      await p.keyboard.type("Y");
      await waitForFile(p, "ex", "user.c", (t) => t.split("\n")[RETURN_LINE - 1].includes("Y"));
      const lines = (await stateOf(p, "ex")).files["user.c"].split("\n");
      expect(lines[1]).toBe("int x;");
      expect(lines[RETURN_LINE - 1]).not.toBe(USER_LINES[RETURN_LINE - 1]);
      await p.context().close();
    } finally {
      server.close();
    }
  });

  it("reports the same result and state before and after the editor takes over, and one ready", async () => {
    const { server, origin } = await serveHostPages({
      "/events.js": ["text/javascript", EVENTS_JS],
      "/same.html": ["text/html", page(url, `<ksymns-playground id="ex" eager file="user.c">${scripts(FILES)}</ksymns-playground>`)],
    });
    try {
      const p = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      await p.goto(`${origin}/same.html`);
      await waitFor(p, "ex", "result");
      const before = await stateOf(p, "ex");
      const first = (await events(p)).find((e) => e.type === "result")!.detail;
      expect(first.messages!.some((m) => m.text.includes(NOT_IMPORTED))).toBe(true);
      await p.click('#ex .embed-light .line[data-line="1"]');
      await editorFrame(p, "ex");
      const { id: _, ...same } = before as typeof before & { id?: string };
      expect(await stateOf(p, "ex")).toMatchObject(same);
      // asked again, the frame gives its own result: the same verdict
      await p.evaluate(() => (document.getElementById("ex") as HTMLElement & { run(): void }).run());
      await waitFor(p, "ex", "result", 2);
      const results = (await events(p)).filter((e) => e.type === "result");
      expect(results.at(-1)!.detail).toEqual(first);
      expect((await events(p)).filter((e) => e.type === "ready")).toHaveLength(1);
      // and the host still drives it
      await p.evaluate(([f]) => (document.getElementById("ex") as HTMLElement & { setFiles(f: Record<string, string>): void }).setFiles(f), [
        { ...FILES, "user.c": USER + "MODULE_IMPORT_NS(TOY_NS);\n" },
      ] as const);
      await p.waitForFunction(
        () =>
          (window as unknown as { events: { type: string; detail: { verdicts?: { errors: number } } }[] }).events.filter((e) => e.type === "result").at(-1)!
            .detail.verdicts!.errors === 0,
        null,
        { timeout: 30_000 },
      );
      await p.close();
    } finally {
      server.close();
    }
  });
});

describe("an editable <ksymns-playground> whose editor cannot load", () => {
  /** The page with one editable embed, its result shown, the reader having clicked before the
   *  "u" of "return" in user.c and typed "AB". */
  async function startEditing(p: Page, origin: string): Promise<void> {
    await p.goto(`${origin}/fail.html`);
    await waitFor(p, "ex", "result");
    await p.locator("#ex .embed-light").evaluate((e) => (e.scrollTop = 300));
    const at = await charPoint(p, "ex", RETURN_LINE, 5);
    await p.mouse.click(at.x, at.y);
    await p.keyboard.type("AB");
  }
  const notice = "#ex .embed-editor-failed";
  const returnLine = async (p: Page) => (await stateOf(p, "ex")).files["user.c"].split("\n")[RETURN_LINE - 1];
  const failures = async (p: Page) => (await events(p)).filter((e) => e.type === "error").map((e) => (e.detail as { message: string }).message);

  let server: import("node:http").Server;
  let origin: string;
  beforeAll(async () => {
    ({ server, origin } = await serveHostPages({
      "/events.js": ["text/javascript", EVENTS_JS],
      "/fail.html": ["text/html", page(url, `<ksymns-playground id="ex" eager file="user.c">${scripts(FILES)}</ksymns-playground><p>After.</p>`)],
    }));
  });
  afterAll(() => server?.close());

  it("stays readable with its result and the typed text, says so in one line, takes more keys and loads on Retry (Monaco's scripts blocked)", async () => {
    const p = await routablePage();
    const monaco = /\/assets\/(monaco|editor)-[^/]*\.(js|css)$/;
    await p.route(monaco, (route) => route.abort("internetdisconnected"));
    await startEditing(p, origin);
    await p.waitForSelector(notice, { timeout: 30_000 });
    expect(await p.$("#ex iframe")).toBeNull();
    expect(await p.locator(notice).innerText()).toMatch(/^The editor could not load.*\n?Retry$/);
    // one line, nothing cut off
    expect(await p.locator(notice).evaluate((e) => [e.getBoundingClientRect().height, e.scrollWidth <= e.clientWidth])).toEqual([expect.any(Number), true]);
    expect((await p.locator(notice).boundingBox())!.height).toBeLessThan(40);
    expect(await failures(p)).toEqual([expect.stringMatching(/^ksymns: the editor could not load: .*(fetch|import|preload)/i)]);
    // the code and the verdict are still there, the typed text in both
    expect(await returnLine(p)).toBe("\tretABurn toy_get() == 42 ? 0 : -1;");
    expect(await p.locator(`#ex .embed-light .line[data-line="${RETURN_LINE}"]`).innerText()).toBe("\tretABurn toy_get() == 42 ? 0 : -1;\n");
    expect(await p.locator("#ex .summary-pane").isVisible()).toBe(true);
    expect(await p.locator("#ex .summary-pane").innerText()).toMatch(/error/);
    expect((await events(p)).filter((e) => e.type === "result").at(-1)!.detail.verdicts).toMatchObject({ kernel: "6.12" });
    // typing goes on at the caret
    await p.keyboard.type("C");
    await waitForFile(p, "ex", "user.c", (t) => t.includes("\tretABCurn"));
    await shot(p, "embed-edit-failed");
    // the network back, Retry: the editor takes over at the caret
    await p.unroute(monaco);
    await p.click(`${notice} button`);
    expect(await p.locator(notice).isVisible()).toBe(false);
    const frame = await editorFrame(p, "ex");
    await p.keyboard.type("D");
    await waitForFile(p, "ex", "user.c", (t) => t.includes("\tretABCDurn"));
    expect(await focusOf(p, frame)).toEqual({ editor: true, page: "ksymns-playground iframe" });
    await p.context().close();
  });

  it("says so when the editor's page itself does not load (offline, not cached), and again after a Retry that fails", async () => {
    const p = await routablePage(360);
    await p.route(/\/embed\.html/, (route) => route.abort("internetdisconnected"));
    await startEditing(p, origin);
    await p.waitForSelector(notice, { timeout: 30_000 });
    expect(await p.$("#ex iframe")).toBeNull();
    expect(await failures(p)).toEqual(["ksymns: the editor could not load: its page did not load"]);
    expect((await p.locator(notice).boundingBox())!.height).toBeLessThan(40);
    expect(await p.locator(`${notice} > span`).evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
    await shot(p, "embed-edit-failed-narrow");
    await p.click(`${notice} button`);
    await p.keyboard.type("C");
    await p.waitForFunction(() => document.getElementById("ex")!.shadowRoot!.querySelector(".embed-editor-failed:not([hidden])"), null, { timeout: 30_000 });
    expect(await failures(p)).toHaveLength(2);
    expect(await returnLine(p)).toBe("\tretABCurn toy_get() == 42 ? 0 : -1;");
    await p.context().close();
  });

  it("gives up on an editor's page that never answers, keeping the typed text", async () => {
    const p = await routablePage();
    await p.clock.install();
    // the request stays open
    await p.route(/\/embed\.html/, () => {});
    await startEditing(p, origin);
    expect(await p.$("#ex iframe.upgrading")).not.toBeNull();
    await p.clock.fastForward("02:00");
    await p.waitForSelector(notice, { timeout: 30_000 });
    expect(await p.$("#ex iframe")).toBeNull();
    expect(await failures(p)).toEqual(["ksymns: the editor could not load: it did not answer in time"]);
    expect(await returnLine(p)).toBe("\tretABurn toy_get() == 42 ? 0 : -1;");
    await p.context().close();
  });
});
