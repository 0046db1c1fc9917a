// A first visit to the playground in Chromium (vite build of the site, a fresh browser context
// each round: no cache, no service worker): the time to the first verdict on screen, to Monaco
// ready, and the bytes (gzip) the server sent before the first verdict and in all — beside the
// time a blank Vite page takes served the same way. Targets (issue 15): first verdict ≤ 0.8 s,
// Monaco ready ≤ 1.5 s, ≤ 400 KB before the first verdict. Benchmarks report; they never assert.

import { cpus, loadavg, tmpdir } from "node:os";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "vite";
import type { Browser } from "playwright-core";
import { launchChromium } from "../support/server";
import { serveCounting, type Sent } from "../support/counting";
import { median, ms } from "./stats";

const ROUNDS = 5;

/** Marks, in the page's own clock (ms since navigation): the first verdict (the page sets
 *  body[data-ready]) and Monaco's first rendered lines. */
const MARKS = `(() => {
  const marks = (window.__marks = {});
  new MutationObserver(() => {
    if (!marks.verdict && document.body && document.body.dataset.ready === "true") marks.verdict = performance.now();
    if (!marks.monaco && document.querySelector(".monaco-editor .view-lines")) marks.monaco = performance.now();
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-ready"] });
})();`;

interface Visit {
  verdict: number;
  monaco: number;
  before: number;
  all: number;
  requests: number;
}

/** The paths the page had fully received by `until` (ms since navigation), the document included. */
async function receivedBy(page: import("playwright-core").Page, until: number): Promise<string[]> {
  return page.evaluate((t) => {
    const entries = [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")] as PerformanceResourceTiming[];
    return entries.filter((e) => e.responseEnd <= t).map((e) => new URL(e.name).pathname);
  }, until);
}

/** Gzip bytes of the responses to `paths` (each path once, as the log has it). */
function bytesOf(log: Sent[], paths: string[]): number {
  const want = new Set(paths.map((p) => (p.endsWith("/") ? `${p}index.html` : p)));
  const seen = new Set<string>();
  let n = 0;
  for (const s of log) {
    const p = s.path.endsWith("/") ? `${s.path}index.html` : s.path;
    if (!want.has(p) || seen.has(p)) continue;
    seen.add(p);
    n += s.gzip;
  }
  return n;
}

async function visit(browser: Browser, site: { url: string; log: Sent[] }): Promise<Visit> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 820 } });
  await context.addInitScript(MARKS);
  const page = await context.newPage();
  const from = site.log.length;
  await page.goto(`${site.url}index.html`);
  await page.waitForFunction(() => (window as unknown as { __marks: { monaco?: number } }).__marks.monaco !== undefined, undefined, { timeout: 60_000 });
  const marks = await page.evaluate(() => (window as unknown as { __marks: { verdict: number; monaco: number } }).__marks);
  const log = site.log.slice(from);
  const visitLog = log.filter((s) => s.status === 200);
  const before = bytesOf(visitLog, await receivedBy(page, marks.verdict));
  const all = visitLog.reduce((n, s) => n + s.gzip, 0);
  await context.close();
  return { verdict: marks.verdict, monaco: marks.monaco, before, all, requests: log.length };
}

/** A blank Vite page (one module that marks the body ready), built and served as the site is. */
async function blankSite(): Promise<{ dir: string; url: string; close(): void; log: Sent[] }> {
  const dir = mkdtempSync(join(tmpdir(), "ksymns-blank-"));
  writeFileSync(
    join(dir, "index.html"),
    '<!doctype html><html><head><meta charset="utf-8"><title>blank</title></head><body><div id="app"></div><script type="module" src="./main.js"></script></body></html>',
  );
  writeFileSync(join(dir, "main.js"), 'document.getElementById("app").textContent = "ready"; document.body.dataset.ready = "true";\n');
  await build({ root: dir, base: "./", configFile: false, logLevel: "warn", build: { outDir: join(dir, "dist") } });
  const served = await serveCounting(join(dir, "dist"));
  return { dir, url: served.url, log: served.log, close: () => served.server.close() };
}

async function blankVisit(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext();
  await context.addInitScript(MARKS);
  const page = await context.newPage();
  await page.goto(`${url}index.html`);
  await page.waitForFunction(() => (window as unknown as { __marks: { verdict?: number } }).__marks.verdict !== undefined);
  const t = await page.evaluate(() => (window as unknown as { __marks: { verdict: number } }).__marks.verdict);
  await context.close();
  return t;
}

export default async function bench(): Promise<void> {
  await build({ logLevel: "warn" });
  const site = await serveCounting();
  const blank = await blankSite();
  const browser = await launchChromium();
  try {
    const visits: Visit[] = [];
    const blanks: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      blanks.push(await blankVisit(browser, blank.url));
      visits.push(await visit(browser, site));
    }
    const med = (f: (v: Visit) => number) => median(visits.map(f));
    const kb = (b: number) => `${(b / 1024).toFixed(0)} KB`;
    console.log(`${ROUNDS} rounds, a fresh browser context (no cache, no service worker) each, medians`);
    console.log(`blank Vite page, served the same way: ready at ${ms(median(blanks))}`);
    console.log(`first verdict on screen: ${ms(med((v) => v.verdict))}   target ≤ 800 ms`);
    console.log(`Monaco ready:            ${ms(med((v) => v.monaco))}   target ≤ 1500 ms`);
    console.log(`sent before the first verdict: ${kb(med((v) => v.before))} gzip   target ≤ 400 KB`);
    console.log(`sent in all by Monaco ready:   ${kb(med((v) => v.all))} gzip in ${med((v) => v.requests)} requests`);
    console.log(
      `load average while measuring: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")} on ${cpus().length} cores`,
    );
  } finally {
    await browser.close();
    site.server.close();
    blank.close();
    rmSync(blank.dir, { recursive: true, force: true });
  }
}
