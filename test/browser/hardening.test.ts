// Nothing a user does costs their work: storage that refuses is reported, and an engine
// trap shows an internal error while the files stay as they were. Nothing a workspace holds
// is taken for markup: a file named like a command link hovers as text. Another site cannot
// frame the playground (embed.html it can), and workers get the pages' policy.

import { describe, expect, it } from "vitest";
import { fileText, hoverText, openPlayground, openTab, pageErrors, shot, useSite, waitForEditor, waitForTableRun, type TestWindow } from "./support";
import { serveHostPages } from "../support/hostpage";
import { NO_FRAMING, WORKER_POLICY } from "../../src/site/policy";

const site = useSite();

describe("the playground under failure", () => {
  it("says so when the browser refuses to save the work (storage full)", async () => {
    const context = await site.browser.newContext({ viewport: { width: 1360, height: 820 } });
    await context.addInitScript(() => {
      Storage.prototype.setItem = function () {
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      };
    });
    const page = await openPlayground(site.browser, site.url, { context });
    await page.waitForSelector(".notice-error", { timeout: 10_000 });
    expect(await page.textContent(".notice")).toContain("Your work is not being saved in this browser: its storage is full");
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it("shows an internal error for an engine trap and keeps the files", async () => {
    const page = await openPlayground(site.browser, site.url);
    // no run of the page's own may take the fault meant for this one
    await waitForTableRun(page);
    const before = await fileText(page, "user.c");
    const res = await page.evaluate(async () => {
      const k = (
        window as unknown as {
          ksymns: {
            testHooks: { injectFault(kind: string): void };
            store: { getState(): { queries: { run(f: unknown, o: unknown): Promise<{ findings: { stage: string; text: string }[] }> } } };
          };
        }
      ).ksymns;
      k.testHooks.injectFault("trap");
      return k.store.getState().queries.run({ "a.c": 'MODULE_LICENSE("GPL");\n' }, {});
    });
    expect(res.findings[0].stage).toBe("internal");
    expect(res.findings[0].text).toContain("your files are unchanged");
    expect(await fileText(page, "user.c")).toBe(before);
    // the engine works again afterwards
    const again = await page.evaluate(async () => {
      const k = (
        window as unknown as { ksymns: { store: { getState(): { queries: { run(f: unknown, o: unknown): Promise<{ findings: { stage: string }[] }> } } } } }
      ).ksymns;
      return k.store.getState().queries.run({ "a.c": 'MODULE_LICENSE("GPL");\n' }, {});
    });
    expect(again.findings.filter((f) => f.stage === "internal")).toEqual([]);
    await page.close();
  });

  it("shows a file named like a command link, with markup in it, as text in hovers, and runs only the editor's own command", async () => {
    const page = await openPlayground(site.browser, site.url);
    await waitForEditor(page);
    const name = "[run](command:workbench.action.closeWindow) <img src=x onerror=alert(1)> _x_.c";
    await page.evaluate((n) => (window as unknown as TestWindow).ksymns.store.getState().renameFile("exporter.c", n), name);
    await page.waitForFunction((n) => (window as unknown as TestWindow).ksymns.store.getState().result?.model.modules.some((m) => m.file === n), name);
    await openTab(page, "user.c");
    const text = await hoverText(page, '.monaco-editor .view-line span:text-is("toy_get")', "Exported by module");
    expect(text).toContain(`Exported by module ${name.slice(0, -2)} with EXPORT_SYMBOL_NS_GPL at ${name}:8`);
    const hover = page.locator(".monaco-hover:visible").first();
    expect(await hover.locator("img").count()).toBe(0);
    const links = await hover.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("data-href") ?? a.getAttribute("href") ?? ""));
    expect(links.length).toBeGreaterThan(0);
    for (const l of links) expect(l).toMatch(/^command:ksymns\.reveal\?/);
    await shot(page, "hardening-hover-inert");
    // the one live link still opens the export
    await hover.locator("a", { hasText: `${name}:8` }).click();
    await page.waitForFunction((n) => (window as unknown as TestWindow).ksymns.store.getState().activeFile === n, name);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it("cannot be framed by another site, while embed.html can; scripts and workers carry the workers' policy", async () => {
    const page = await site.browser.newPage();
    const main = await page.goto(site.url);
    expect(main!.headers()["content-security-policy"]).toBe(NO_FRAMING);
    const { server, origin } = await serveHostPages({
      "/frames.html": ["text/html", `<!doctype html><iframe id="full" src="${site.url}"></iframe><iframe id="embed" src="${site.url}embed.html"></iframe>`],
    });
    try {
      await page.goto(`${origin}/frames.html`);
      const embed = page.frames().find((f) => f.url().endsWith("/embed.html"))!;
      await embed.waitForSelector("body[data-ready=true]", { timeout: 30_000 });
      const full = page.frames().find((f) => f.parentFrame() && !f.url().endsWith("/embed.html"))!;
      expect(full.url()).not.toBe(site.url);
      expect(await full.locator("#app").count()).toBe(0);
      await shot(page, "hardening-framing");

      // every script the site serves carries the workers' policy (a page ignores it; a worker runs under it)
      await page.goto(site.url);
      await page.waitForSelector("body[data-ready=true]", { timeout: 30_000 });
      const scripts = await page.evaluate(() =>
        performance
          .getEntriesByType("resource")
          .map((e) => e.name)
          .filter((u) => /\.js$/.test(u)),
      );
      expect(scripts.length).toBeGreaterThan(2);
      for (const u of [...scripts, `${site.url}sw.js`]) expect((await page.request.get(u)).headers()["content-security-policy"]).toBe(WORKER_POLICY);
      expect((await page.request.get(`${site.url}embed.html`)).headers()["content-security-policy"]).toBeUndefined();
    } finally {
      server.close();
      await page.close();
    }
  });
});
