// The service worker across deploys, on a plain static host (no headers of ours): a second
// build with a changed non-hashed file (theme.js) is picked up at the next load, the older
// build's cache goes, the site still works offline, and workers run under the workers' policy
// once the service worker serves them (and the engine still runs there).

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page, Worker } from "playwright-core";
import { launchChromium } from "../support/server";
import { serveHostPages } from "../support/hostpage";
import { fillServiceWorker } from "../../src/site/plugin";
import { WORKER_POLICY } from "../../src/site/policy";
import { shot, type TestWindow } from "./support";

let browser: Browser;
let dir: string;
const builds: Record<"a" | "b", { dir: string; id: string }> = {} as never;

/** A copy of dist/ as `vite build` leaves it, with `change` applied to its public files first. */
function buildOf(name: string, change: (dir: string) => void): { dir: string; id: string } {
  const out = join(dir, name);
  cpSync("dist", out, { recursive: true });
  writeFileSync(join(out, "sw.js"), readFileSync("public/sw.js"));
  change(out);
  return { dir: out, id: fillServiceWorker(out)! };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "ksymns-sw-"));
  builds.a = buildOf("a", () => undefined);
  // the next deploy changes a file whose name has no hash
  builds.b = buildOf("b", (out) =>
    writeFileSync(join(out, "theme.js"), 'document.documentElement.dataset.build = "b";\n' + readFileSync(join(out, "theme.js"), "utf8")),
  );
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function ready(page: Page): Promise<void> {
  await page.waitForSelector("body[data-ready=true]", { timeout: 30_000 });
}

/** Starts the engine's side worker and runs the example in it; returns the worker. */
async function engineWorker(page: Page): Promise<Worker> {
  const started = page.waitForEvent("worker", { predicate: (w) => /\/worker-[\w-]+\.js$/.test(w.url()), timeout: 30_000 });
  const findings = await page.evaluate(async () => {
    const s = (window as unknown as TestWindow).ksymns.store.getState();
    const r = await s.side!.run(Object.fromEntries(s.files.map((f) => [f.name, f.content])), { kernel: "6.12" });
    return r.findings.map((f) => f.text);
  });
  expect(findings.join("\n")).toContain("does not import it");
  return started;
}

/** The policy header the page gets with `url`. */
function policyOf(page: Page, url: string): Promise<string | null> {
  return page.evaluate((u) => fetch(u).then((r) => r.headers.get("content-security-policy")), url);
}

describe("the service worker", () => {
  it("picks up a new build's non-hashed files at the next load, drops the old cache, and still works offline", async () => {
    const site = { at: "/ksymns/", dir: builds.a.dir };
    const { server, origin } = await serveHostPages({}, site);
    const { server: other, origin: elsewhere } = await serveHostPages({ "/data": ["text/plain", "data"] });
    const context = await browser.newContext({ viewport: { width: 1300, height: 800 } });
    try {
      const page = await context.newPage();
      await page.goto(`${origin}/ksymns/`);
      await ready(page);
      await page.waitForSelector("html[data-offline=ready]", { timeout: 30_000 });
      // a plain host sends no policy with the worker's script
      const script = (await engineWorker(page)).url();
      await page.waitForFunction(() => !!navigator.serviceWorker.controller);
      expect((await page.request.get(script)).headers()["content-security-policy"]).toBeUndefined();

      // served by the service worker, the worker's script carries the workers' policy, and the engine runs under it
      await page.reload();
      await ready(page);
      expect(await policyOf(page, script)).toBe(WORKER_POLICY);
      const worker = await engineWorker(page);
      expect(
        await worker.evaluate(
          (u) =>
            fetch(u, { mode: "no-cors" }).then(
              () => "fetched",
              () => "refused",
            ),
          `${elsewhere}/data`,
        ),
      ).toBe("refused");
      expect(await page.evaluate(() => document.documentElement.dataset.build ?? "a")).toBe("a");
      expect(await page.evaluate(() => caches.keys())).toEqual([`ksymns-${builds.a.id}`]);

      // the host deploys build b
      site.dir = builds.b.dir;
      await page.reload();
      await ready(page);
      expect(await page.evaluate(() => document.documentElement.dataset.build)).toBe("b");
      await page.waitForFunction((id) => caches.keys().then((k) => k.length === 1 && k[0] === `ksymns-${id}`), builds.b.id, { timeout: 30_000 });
      await page.waitForSelector("html[data-offline=ready]", { timeout: 30_000 });
      await page.waitForTimeout(1500); // late resources are handed to the worker in a batch

      // offline: build b, from its cache
      await context.setOffline(true);
      await page.reload();
      await ready(page);
      expect(await page.evaluate(() => document.documentElement.dataset.build)).toBe("b");
      await page.waitForSelector(".monaco-editor .view-lines", { timeout: 30_000 });
      await shot(page, "offline-new-build");
    } finally {
      await context.close();
      server.close();
      other.close();
    }
  }, 180_000);
});
