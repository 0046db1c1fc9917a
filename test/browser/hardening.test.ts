// Nothing a user does costs their work: storage that refuses is reported, and an engine
// trap shows an internal error while the files stay as they were.

import { describe, expect, it } from "vitest";
import { fileText, openPlayground, pageErrors, useSite } from "./support";

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
    expect(await page.textContent(".notice")).toContain("Your work is not being saved in this browser");
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it("shows an internal error for an engine trap and keeps the files", async () => {
    const page = await openPlayground(site.browser, site.url);
    const before = await fileText(page, "user.c");
    const res = await page.evaluate(async () => {
      const k = (window as unknown as { ksymns: { testHooks: { injectFault(kind: string): void }; store: { getState(): { queries: { run(f: unknown, o: unknown): Promise<{ findings: { stage: string; text: string }[] }> } } } } }).ksymns;
      k.testHooks.injectFault("trap");
      return k.store.getState().queries.run({ "a.c": 'MODULE_LICENSE("GPL");\n' }, {});
    });
    expect(res.findings[0].stage).toBe("internal");
    expect(res.findings[0].text).toContain("your files are unchanged");
    expect(await fileText(page, "user.c")).toBe(before);
    // the engine works again afterwards
    const again = await page.evaluate(async () => {
      const k = (window as unknown as { ksymns: { store: { getState(): { queries: { run(f: unknown, o: unknown): Promise<{ findings: { stage: string }[] }> } } } } }).ksymns;
      return k.store.getState().queries.run({ "a.c": 'MODULE_LICENSE("GPL");\n' }, {});
    });
    expect(again.findings.filter((f) => f.stage === "internal")).toEqual([]);
    await page.close();
  });
});
