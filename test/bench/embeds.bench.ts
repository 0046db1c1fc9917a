// Ten embeds on one page (Chromium, vite build of the site), each a module pair that also uses
// a real kernel export (dma_buf_put, so each needs Debian 6.12's table): the bytes the site's
// server sends (gzip, as a static host with hashed assets cached and the rest revalidated)
// and the time from navigation start to the last embed's first `result` event, for a page of
// nine and a page of ten — the difference is what the tenth adds (target ≤ 20 KB and ≤ 50 ms)
// — and, as a reader scrolling would see it, a tenth created once nine show: the time from
// just before the element is appended to the page to its first `result` event (its `ready` on
// the way), with the bytes sent for it until a second after. The embeds are read-only, then
// editable (both drawn in their shadow roots, on the page's one engine frame); for an editable
// one, the reader's first click is measured too: from the pointer going down on its code to
// the editor frame taking over, with the bytes it fetches (Monaco included, from a cold cache).
// Benchmarks report; they never assert on timing.

import { cpus, loadavg } from "node:os";
import { readFileSync, readdirSync } from "node:fs";
import { build } from "vite";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../support/server";
import { serveHostPages } from "../support/hostpage";
import { serveCounting, total, type Sent as Response } from "../support/counting";
import { median, ms } from "./stats";

const ROUNDS = 5;
function example(i: number, readonly = true): string {
  return `<ksymns-playground id="e${i}" eager${readonly ? " readonly" : ""} file="user${i}.c">
<script type="text/plain" data-file="exporter${i}.c">#include <linux/module.h>
int toy_get${i}(void) { return ${i}; }
EXPORT_SYMBOL_NS_GPL(toy_get${i}, TOY_NS);
MODULE_LICENSE("GPL");
</script>
<script type="text/plain" data-file="user${i}.c">#include <linux/module.h>
int toy_get${i}(void);
static int __init user_init(void) { dma_buf_put(NULL); return toy_get${i}(); }
module_init(user_init);
MODULE_LICENSE("GPL");
</script></ksymns-playground>`;
}

/** A page of `n` embeds, or one whose script adds them on request; it records when each
 *  embed reports its first result (ms since the page's navigation, or since the embed was added). */
function hostPage(playground: string, n: number, readonly = true): string {
  const embeds = Array.from({ length: n }, (_, i) => example(i + 1, readonly)).join("\n");
  return `<!doctype html><html><head><meta charset="utf-8"><script src="/bench.js"></script><script src="${playground}embed.js" defer></script></head><body><main id="m">${embeds}</main></body></html>`;
}
const BENCH_JS = `window.results = {};
document.addEventListener("result", (e) => { window.results[e.target.id] ??= performance.now(); }, true);
document.addEventListener("pointerdown", () => { window.results.click = performance.now(); }, true);
window.watchTakeover = (id) => {
  const el = document.getElementById(id);
  new MutationObserver(() => {
    const frame = el.shadowRoot.querySelector("iframe");
    if (frame && !frame.classList.contains("upgrading")) window.results[id + "+editor"] ??= performance.now() - window.results.click;
  }).observe(el.shadowRoot, { subtree: true, childList: true, attributes: true, attributeFilter: ["class"] });
};
window.add = (html) => {
  const t = document.createElement("template");
  t.innerHTML = html;
  const el = t.content.firstElementChild;
  const start = performance.now();
  el.addEventListener("ready", () => { window.results[el.id + "+ready"] ??= performance.now() - start; });
  el.addEventListener("result", () => { window.results[el.id + "+"] ??= performance.now() - start; });
  document.getElementById("m").append(el);
};`;

type Sent = { bytes: number; requests: number };

/** Resident memory (bytes) of the descendants of process `root` (shared pages counted in each). */
function memoryOf(root: number): number {
  let total = 0;
  for (const pid of descendants(root)) {
    try {
      total += Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) * 1024;
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

/** The processes started, directly or not, by process `root`. */
function descendants(root: number): number[] {
  const parents = new Map<number, number>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      parents.set(
        Number(name),
        Number(
          readFileSync(`/proc/${name}/stat`, "utf8")
            .replace(/^.*\) /s, "")
            .split(" ")[1],
        ),
      );
    } catch {
      // the process ended meanwhile
    }
  }
  const family = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, ppid] of parents) if (!family.has(pid) && family.has(ppid)) grew = family.add(pid) && true;
  }
  family.delete(root);
  return [...family];
}

/** CPU time (ms, user + system) used so far by the descendants of process `root` (Chromium and
 *  its helpers, started by this process), from /proc (Linux): what the browser spent, however
 *  busy the machine is with other work. */
function cpuTimeOf(root: number): number {
  let ticks = 0;
  for (const pid of descendants(root)) {
    try {
      // after the ")" that ends the command name: state ppid … utime(14) stime(15)
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8")
        .replace(/^.*\) /s, "")
        .split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks * 10; // USER_HZ is 100 on Linux
}
const results = (page: Page) => page.evaluate(() => (window as unknown as { results: Record<string, number> }).results);

async function waitForResults(page: Page, ids: string[]): Promise<void> {
  await page.waitForFunction((want) => want.every((id) => id in (window as unknown as { results: Record<string, number> }).results), ids, { timeout: 60_000 });
}

/** A page of `n` embeds from a cold cache: bytes sent for it and the time to its last result. */
async function pageOf(browser: Browser, site: { log: Response[] }, host: string, n: number, readonly = true): Promise<Sent & { ms: number; rss: number }> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  const s0 = site.log.length;
  await page.goto(`${host}/page${n}${readonly ? "" : "e"}.html`);
  await waitForResults(
    page,
    Array.from({ length: n }, (_, i) => `e${i + 1}`),
  );
  await page.waitForTimeout(300);
  const sent = total(site.log.slice(s0));
  const ms = Math.max(...Object.values(await results(page)));
  const rss = memoryOf(process.pid);
  await context.close();
  return { ...sent, ms, rss };
}

/** Nine embeds showing, then a tenth added: what it costs from its creation to its result, in
 *  time and in the page's main-thread work (the frames share the page's renderer: a figure that
 *  stays meaningful when other processes load the machine). */
async function tenthAdded(
  browser: Browser,
  site: { log: Response[] },
  host: string,
  pid: number,
  readonly = true,
): Promise<Sent & { ms: number; ready: number; busy: number; cpu: number; click?: Sent & { ms: number } }> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable");
  const busy = async () => ((await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "TaskDuration")?.value ?? 0) * 1000;
  await page.goto(`${host}/page9${readonly ? "" : "e"}.html`);
  await waitForResults(
    page,
    Array.from({ length: 9 }, (_, i) => `e${i + 1}`),
  );
  await page.waitForTimeout(1000);
  const s9 = site.log.length;
  const b9 = await busy();
  const c9 = cpuTimeOf(pid);
  await page.evaluate((html) => (window as unknown as { add(h: string): void }).add(html), example(10, readonly));
  await waitForResults(page, ["e10+"]);
  const b10 = await busy();
  // what the frame does right after its first result (resize, the service worker's caching) counts too
  await page.waitForTimeout(1000);
  const c10 = cpuTimeOf(pid);
  const sent = total(site.log.slice(s9));
  const times = await results(page);
  let click: (Sent & { ms: number }) | undefined;
  if (!readonly) {
    // the reader's first click on its code: the editor frame loads behind it and takes over
    await page.evaluate(() => (window as unknown as { watchTakeover(id: string): void }).watchTakeover("e10"));
    const s10 = site.log.length;
    await page.locator('#e10 .embed-light .line[data-line="2"]').scrollIntoViewIfNeeded();
    await page.click('#e10 .embed-light .line[data-line="2"]');
    await page.waitForFunction(() => "e10+editor" in (window as unknown as { results: Record<string, number> }).results, null, { timeout: 60_000 });
    await page.waitForTimeout(500);
    click = { ...total(site.log.slice(s10)), ms: (await results(page))["e10+editor"] };
  }
  await context.close();
  return { ...sent, ms: times["e10+"], ready: times["e10+ready"], busy: b10 - b9, cpu: c10 - c9, click };
}

export default async function bench(): Promise<void> {
  await build({ logLevel: "warn" });
  const site = await serveCounting();
  const { server: hostServer, origin } = await serveHostPages({
    "/page9.html": ["text/html", hostPage(site.url, 9)],
    "/page10.html": ["text/html", hostPage(site.url, 10)],
    "/page9e.html": ["text/html", hostPage(site.url, 9, false)],
    "/page10e.html": ["text/html", hostPage(site.url, 10, false)],
    "/bench.js": ["text/javascript", BENCH_JS],
  });
  const browser = await launchChromium();
  try {
    const nine: (Sent & { ms: number; rss: number })[] = [];
    const ten: (Sent & { ms: number; rss: number })[] = [];
    const nineE: (Sent & { ms: number; rss: number })[] = [];
    const tenE: (Sent & { ms: number; rss: number })[] = [];
    type Added = Sent & { ms: number; ready: number; busy: number; cpu: number; click?: Sent & { ms: number } };
    const added: Added[] = [];
    const editable: Added[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      nine.push(await pageOf(browser, site, origin, 9));
      ten.push(await pageOf(browser, site, origin, 10));
      nineE.push(await pageOf(browser, site, origin, 9, false));
      tenE.push(await pageOf(browser, site, origin, 10, false));
      added.push(await tenthAdded(browser, site, origin, process.pid));
      editable.push(await tenthAdded(browser, site, origin, process.pid, false));
    }
    const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
    const med = (xs: (Sent & { ms: number })[]) => ({
      bytes: median(xs.map((x) => x.bytes)),
      requests: median(xs.map((x) => x.requests)),
      ms: median(xs.map((x) => x.ms)),
    });
    const [m9, m10, ma] = [med(nine), med(ten), med(added)];
    console.log(`${ROUNDS} rounds, a fresh browser context for each page, medians`);
    console.log(`page of nine embeds: ${kb(m9.bytes)} gzip in ${m9.requests} requests, ${ms(m9.ms)} to the ninth result`);
    console.log(`page of ten embeds:  ${kb(m10.bytes)} gzip in ${m10.requests} requests, ${ms(m10.ms)} to the tenth result`);
    console.log(`the tenth adds:      ${kb(m10.bytes - m9.bytes)}, ${ms(m10.ms - m9.ms)}   target ≤ 20 KB and ≤ 50 ms`);
    const mb = (xs: { rss: number }[]) => `${(median(xs.map((x) => x.rss)) / 1048576).toFixed(0)} MB`;
    console.log(`browser memory (resident, all processes): ${mb(nine)} with nine, ${mb(ten)} with ten`);
    console.log(
      `a tenth added once nine show: ${kb(ma.bytes)} in ${ma.requests} requests, ${ms(ma.ms)} from its append to its first result (its frame ready after ${ms(median(added.map((a) => a.ready)))})`,
    );
    console.log(
      `  of which the page's main thread was busy ${ms(median(added.map((a) => a.busy)))}; CPU time of all the browser's processes for it: ${ms(median(added.map((a) => a.cpu)))}`,
    );
    const [m9e, m10e, me] = [med(nineE), med(tenE), med(editable)];
    console.log(
      `editable: page of nine ${kb(m9e.bytes)} in ${m9e.requests} requests, ${ms(m9e.ms)}; of ten ${kb(m10e.bytes)} in ${m10e.requests} requests, ${ms(m10e.ms)}`,
    );
    console.log(`the editable tenth adds: ${kb(m10e.bytes - m9e.bytes)}, ${ms(m10e.ms - m9e.ms)}   target ≤ 20 KB and ≤ 50 ms`);
    console.log(
      `an editable tenth added once nine editable ones show: ${kb(me.bytes)} in ${me.requests} requests, ${ms(me.ms)} from its append to its first result (ready after ${ms(median(editable.map((a) => a.ready)))})`,
    );
    console.log(
      `  of which the page's main thread was busy ${ms(median(editable.map((a) => a.busy)))}; CPU time of all the browser's processes for it: ${ms(median(editable.map((a) => a.cpu)))}`,
    );
    const clicks = editable.map((a) => a.click!);
    console.log(
      `the first click on its code, to the editor frame taking over: ${kb(median(clicks.map((c) => c.bytes)))} in ${median(clicks.map((c) => c.requests))} requests (Monaco from a cold cache), ${ms(median(clicks.map((c) => c.ms)))}`,
    );
    console.log(
      `  load average while measuring: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")} on ${cpus().length} cores`,
    );
  } finally {
    await browser.close();
    site.server.close();
    hostServer.close();
  }
}
