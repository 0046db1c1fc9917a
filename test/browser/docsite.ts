// Helpers for the documentation-site tests (Sphinx, MkDocs, VitePress, Astro): a site built
// once per test file and served from a port of its own, the playground from another; a page
// whose ksymns element must run, and the same page with JavaScript off.

import { execFile } from "node:child_process";
import { expect } from "vitest";
import type { Browser, Page } from "playwright-core";
import { decodeLink, toWorkspaceFiles } from "../../src/store";

/** The verdict every test site's example shows. */
export const NOT_IMPORTED = "module user uses symbol toy_get from namespace TOY_NS, but does not import it.";

/** The files every test site's example holds (tabs as the sources write them). */
export const SITE_FILES = ["exporter.c", "user.c", "load"];

/** Runs a command to the end; rejects with its output when it fails. */
export function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeout?: number } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { cwd: options.cwd, env: { ...process.env, ...options.env }, timeout: options.timeout ?? 300_000, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        if (err) reject(new Error(`${command} ${args.join(" ")} failed: ${err.message}\n${stdout}\n${stderr}`));
        else resolve(`${stdout}${stderr}`);
      },
    );
  });
}

/** Opens `url` and waits until its ksymns element reports a result; returns the result's message texts. */
export async function liveResult(browser: Browser, url: string, shotPath?: string): Promise<{ page: Page; messages: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  // events are recorded from before any of the site's scripts run (capture: they do not bubble)
  await context.addInitScript(() => {
    const w = window as unknown as { ksymnsEvents: { type: string; detail: unknown }[] };
    w.ksymnsEvents = [];
    for (const t of ["ready", "result", "error"])
      document.addEventListener(
        t,
        (e) => (e.target as Element).localName === "ksymns-playground" && w.ksymnsEvents.push({ type: t, detail: (e as CustomEvent).detail }),
        true,
      );
  });
  const page = await context.newPage();
  await page.goto(url);
  await page.locator("ksymns-playground").first().scrollIntoViewIfNeeded();
  await page.waitForFunction(
    () => (window as unknown as { ksymnsEvents: { type: string }[] }).ksymnsEvents.some((e) => e.type === "result" || e.type === "error"),
    null,
    { timeout: 60_000 },
  );
  const events = await page.evaluate(
    () => (window as unknown as { ksymnsEvents: { type: string; detail: { message?: string; messages?: { text: string }[] } }[] }).ksymnsEvents,
  );
  const error = events.find((e) => e.type === "error");
  if (error) throw new Error(`the element failed: ${error.detail.message}`);
  // drawn in the element's shadow root (an editable one becomes a frame when the reader edits)
  expect(
    await page
      .locator("ksymns-playground")
      .first()
      .evaluate((e) => !!e.shadowRoot?.querySelector(".ksymns-root .embed")),
  ).toBe(true);
  if (shotPath) {
    await page.locator("ksymns-playground .summary-pane .stat").first().waitFor({ timeout: 30_000 });
    await page.screenshot({ path: shotPath });
  }
  return { page, messages: events.find((e) => e.type === "result")!.detail.messages!.map((m) => m.text) };
}

/** The page with JavaScript off: the code blocks inside the element (`blockSelector`, named by
 *  the text of `nameSelector` inside each) as name → visible text, and its playground link. */
export async function withoutJs(
  browser: Browser,
  url: string,
  blockSelector: string,
  nameSelector: string,
  shotPath?: string,
): Promise<{ code: Record<string, string>; link: string | null }> {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1200, height: 1400 } });
  const page = await context.newPage();
  await page.goto(url);
  const blocks = page.locator(`ksymns-playground ${blockSelector}`);
  const code: Record<string, string> = {};
  for (const block of await blocks.all()) {
    expect(await block.isVisible()).toBe(true);
    code[(await block.locator(nameSelector).innerText()).trim()] = await block.locator("pre").innerText();
  }
  const link = await page
    .locator("ksymns-playground a", { hasText: "Open in ksymns" })
    .first()
    .getAttribute("href")
    .catch(() => null);
  if (shotPath) await page.screenshot({ path: shotPath, fullPage: true });
  await context.close();
  return { code, link };
}

/** The files an "Open in ksymns" link carries. */
export function filesOfLink(link: string): Record<string, string | Uint8Array> {
  return toWorkspaceFiles(decodeLink(link.slice(link.indexOf("#"))).files);
}
