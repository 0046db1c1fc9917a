// Helpers for the playground's browser tests: a fresh page per test, typing into Monaco the
// way a user does, and reading the store the page exposes for tests (window.ksymns).

import { mkdirSync } from "node:fs";
import { afterAll, beforeAll } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { PreviewServer } from "vite";
import type { PlaygroundStore } from "../../src/store";
import { launchChromium, serveSite } from "../support/server";

/** The built site served and Chromium started for one test file (both closed after it). */
export function useSite(): { browser: Browser; url: string } {
  const site = {} as { browser: Browser; url: string };
  let server: PreviewServer | undefined;
  beforeAll(async () => {
    ({ server, url: site.url } = await serveSite());
    site.browser = await launchChromium();
  });
  afterAll(async () => {
    await site.browser?.close();
    await server?.close();
  });
  return site;
}

/** The page's window as the tests see it: the store the page exposes (src/main.ts). */
export type TestWindow = Window & { ksymns: { store: PlaygroundStore; testHooks: { injectFault(kind: "trap" | "oom"): void } } };

export const SHOTS = "test-results";

export async function openPlayground(
  browser: Browser,
  url: string,
  options: { hash?: string; width?: number; height?: number; context?: BrowserContext; colorScheme?: "light" | "dark" } = {},
): Promise<Page> {
  const context =
    options.context ??
    (await browser.newContext({ viewport: { width: options.width ?? 1360, height: options.height ?? 820 }, colorScheme: options.colorScheme ?? "light" }));
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  (page as Page & { errors: string[] }).errors = errors;
  await page.goto(url + (options.hash ?? ""));
  await page.waitForSelector("body[data-ready=true]", { timeout: 30_000 });
  return page;
}

export function pageErrors(page: Page): string[] {
  return (page as Page & { errors: string[] }).errors;
}

export async function waitForEditor(page: Page): Promise<void> {
  await page.waitForSelector(".monaco-editor .view-lines", { timeout: 30_000 });
}

/** Waits until the page's own runs are done, the last made with the base kernel's table (a
 *  first visit shows a verdict without it, and runs with it once the editor is shown). */
export async function waitForTableRun(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const s = (window as unknown as TestWindow).ksymns.store.getState();
      return !s.running && s.result?.kernel.profile === true;
    },
    undefined,
    { timeout: 30_000 },
  );
}

/** Opens a file's tab. */
export async function openTab(page: Page, name: string): Promise<void> {
  await page.click(`.tab[data-file="${name}"]`);
}

/** Pastes `text` at the editor's cursor, as Ctrl+V would (no auto-indent of typed newlines). */
export async function pasteText(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData("text/plain", t);
    document.activeElement!.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** Replaces the open file's text: select all, then paste. */
export async function replaceEditorText(page: Page, text: string): Promise<void> {
  await page.click(".monaco-editor .view-lines");
  await page.keyboard.press("ControlOrMeta+A");
  await pasteText(page, text);
}

export function fileText(page: Page, name: string): Promise<string | undefined> {
  return page.evaluate((n) => {
    const s = (window as unknown as { ksymns: { store: { getState(): { files: { name: string; content: unknown }[] } } } }).ksymns.store.getState();
    const f = s.files.find((x) => x.name === n);
    return typeof f?.content === "string" ? f.content : undefined;
  }, name);
}

export function workspace(page: Page): Promise<[string, string][]> {
  return page.evaluate(() => {
    const s = (window as unknown as { ksymns: { store: { getState(): { files: { name: string; content: unknown }[] } } } }).ksymns.store.getState();
    return s.files.map((f) => [f.name, typeof f.content === "string" ? f.content : `<${(f.content as Uint8Array).length} bytes>`] as [string, string]);
  });
}

/** Waits until the verdict (problems, logs) includes `text`. */
export async function waitForVerdict(page: Page, text: string, timeout = 10_000): Promise<void> {
  await page.waitForFunction(
    (t) => {
      const r = (
        window as unknown as { ksymns: { store: { getState(): { result: { transcript: string; findings: { text: string }[] } | null } } } }
      ).ksymns.store.getState().result;
      return !!r && (r.transcript.includes(t) || r.findings.some((f) => f.text.includes(t)));
    },
    text,
    { timeout },
  );
}

export async function waitForNoVerdict(page: Page, text: string, timeout = 10_000): Promise<void> {
  await page.waitForFunction(
    (t) => {
      const r = (window as unknown as { ksymns: { store: { getState(): { result: { transcript: string } | null } } } }).ksymns.store.getState().result;
      return !!r && !r.transcript.includes(t);
    },
    text,
    { timeout },
  );
}

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

/** The centre of the first element `selector` matches, retried while Monaco re-renders it
 *  (decorations are replaced on every render, so a located node can vanish between calls). */
export async function centerOf(page: Page, selector: string, timeout = 10_000): Promise<{ x: number; y: number }> {
  const end = Date.now() + timeout;
  for (;;) {
    const box = await page
      .locator(selector)
      .first()
      .boundingBox()
      .catch(() => null);
    if (box) return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    if (Date.now() > end) throw new Error(`${selector} did not appear`);
    await page.waitForTimeout(50);
  }
}

/** Rests the mouse on the first element `selector` matches until Monaco shows a hover with
 *  `text` (a hover can be dismissed by a re-render that lands while it opens); returns its text. */
export async function hoverText(page: Page, selector: string, text: string, tries = 5): Promise<string> {
  const hover = page.locator(".monaco-hover:visible").filter({ hasText: text }).first();
  for (let i = 0; ; i++) {
    await page.mouse.move(5, 600);
    const at = await centerOf(page, selector);
    await page.mouse.move(at.x, at.y, { steps: 3 });
    try {
      await hover.waitFor({ timeout: 2500 });
      return (await hover.textContent()) ?? "";
    } catch (err) {
      if (i + 1 >= tries) throw err;
    }
  }
}
