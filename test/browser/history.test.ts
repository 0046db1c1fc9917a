// Nothing lost, in Debian's Chromium: work replaced by an example and then by a shared link
// stays in History, which restores it (keeping what was open in turn); the History dialog
// shows titles as text; a full storage is reported; a huge link, another site sending link
// after link, and two tabs editing in turn cost none of the user's work.

import { readFileSync } from "node:fs";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { defaultSnapshot, encodeLink, type Snapshot } from "../../src/store";
import { fileText, openPlayground, pageErrors, shot, useSite, type TestWindow } from "./support";
import { serveHostPages } from "../support/hostpage";

const site = useSite();

/** The other site's page, holding the ksymns window it opened. */
type AttackerWindow = Window & { w: Window | null };

const PRESET = "kvmfr-dma-buf-6.12";

function linkWith(file: string, text: string): string {
  const s: Snapshot = defaultSnapshot();
  s.files = s.files.map((f) => (f.name === file ? { ...f, content: text } : f));
  return `#${encodeLink(s)}`;
}

async function setFile(page: Page, name: string, text: string): Promise<void> {
  await page.evaluate(([n, t]) => (window as unknown as TestWindow).ksymns.store.getState().setFile(n, t), [name, text]);
  await page.waitForFunction((t) => localStorage.getItem("ksymns:workspace:v1")?.includes(JSON.stringify(t).slice(1, -1)), text);
}

async function openHash(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => (location.hash = h), hash);
}

async function historyTitles(page: Page): Promise<string[]> {
  await page.click("#history");
  await page.waitForSelector("dialog.history-dialog");
  return page.locator(".history-title").allTextContents();
}

/** Waits until the notice says `text` (it follows the store's update). */
async function noticeSays(page: Page, text: string): Promise<void> {
  await page.locator(".notice", { hasText: text }).first().waitFor({ timeout: 10_000 });
}

describe("History", () => {
  it("keeps work replaced by an example and then a shared link, and restores the first edit", async () => {
    const page = await openPlayground(site.browser, site.url);
    await setFile(page, "user.c", "// my first edit\n");

    await openHash(page, `#example/${PRESET}`);
    await page.waitForFunction((slug) => (window as unknown as TestWindow).ksymns.store.getState().preset?.slug === slug, PRESET);
    await noticeSays(page, "Your work was kept in History.");
    await setFile(page, "kvmfr.c", "// my edit of the example\n");

    await openHash(page, linkWith("user.c", "// from the link\n"));
    await page.waitForFunction(
      () =>
        (window as unknown as TestWindow).ksymns.store.getState().files.find((f: { name: string; content: unknown }) => f.name === "user.c")?.content ===
        "// from the link\n",
    );
    await noticeSays(page, "Your own work was kept in History.");

    const titles = await historyTitles(page);
    expect(titles).toHaveLength(2);
    expect(titles[0]).toMatch(/^Example: MODULE_IMPORT_NS\(DMA_BUF\) on 6\.12/);
    expect(titles[1]).toBe("exporter.c");
    expect(await page.locator(".history-entry").first().locator(".history-meta").textContent()).toMatch(/ · \d+ files · [\d.]+ (B|KB)$/);
    await shot(page, "history-dialog");

    await page.locator(".history-entry").nth(1).getByRole("button", { name: "Restore" }).click();
    await page.waitForSelector("dialog.history-dialog", { state: "detached" });
    expect(await fileText(page, "user.c")).toBe("// my first edit\n");
    await noticeSays(page, "“exporter.c” is back. The workspace you had open was kept in History.");

    // what was open (the shared link) is kept in turn, and the edited example is still there
    expect(await historyTitles(page)).toEqual(["Shared link", titles[0]]);
    await page.keyboard.press("Escape");
    await page.waitForSelector("dialog.history-dialog", { state: "detached" });

    // the history outlives a reload (once the address bar names the restored work: it follows
    // the save, 300 ms after a change)
    const linkHash = linkWith("user.c", "// from the link\n");
    await page.waitForFunction((h) => location.hash !== h, linkHash);
    await page.reload();
    await page.waitForSelector("body[data-ready=true]");
    expect(await fileText(page, "user.c")).toBe("// my first edit\n");
    expect(await historyTitles(page)).toEqual(["Shared link", titles[0]]);

    // a deletion takes effect when the dialog closes
    await page.getByRole("button", { name: "Delete Shared link" }).click();
    await page.keyboard.press("Escape");
    await page.waitForSelector("dialog.history-dialog", { state: "detached" });
    expect(await historyTitles(page)).toEqual([titles[0]]);
    await page.keyboard.press("Escape");
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it("restores from the notice, deletes with undo, and shows titles as text", async () => {
    const page = await openPlayground(site.browser, site.url);
    await setFile(page, "user.c", "// mine\n");
    // a title made of markup must stay text
    await page.evaluate(() => (window as unknown as TestWindow).ksymns.store.getState().renameFile("exporter.c", "<img src=x onerror=alert(1)>.c"));
    await openHash(page, `#example/${PRESET}`);
    await page.waitForFunction((slug) => (window as unknown as TestWindow).ksymns.store.getState().preset?.slug === slug, PRESET);

    await shot(page, "history-notice");
    await page.click(".notice .notice-more");
    await page.waitForSelector("dialog.history-dialog");
    expect(await page.locator(".history-title").allTextContents()).toEqual(["<img src=x onerror=alert(1)>.c"]);
    expect(await page.locator("dialog.history-dialog img").count()).toBe(0);
    await page.getByRole("button", { name: "Delete <img" }).click();
    expect(await page.textContent(".history-deleted")).toContain("Deleted");
    await page.locator(".history-entry").getByRole("button", { name: "Undo" }).click();
    await page.keyboard.press("Escape");
    await page.waitForSelector("dialog.history-dialog", { state: "detached" });

    // the notice's own button restores the kept work
    await page.click(".notice >> text=Restore");
    expect(await fileText(page, "user.c")).toBe("// mine\n");

    // the restored work left History, and the untouched example is not worth an entry
    expect(await historyTitles(page)).toEqual([]);
    expect(await page.textContent(".history-empty")).toContain("Nothing yet.");
    await page.keyboard.press("Escape");
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it("keeps the work Reset replaces", async () => {
    const page = await openPlayground(site.browser, site.url);
    await setFile(page, "user.c", "// before the reset\n");
    await page.click("#reset");
    expect(await page.locator("dialog").textContent()).toContain("Your current work is kept in History");
    await page.locator("dialog").getByRole("button", { name: "Reset" }).click();
    await page.waitForFunction(() =>
      (window as unknown as TestWindow).ksymns.store
        .getState()
        .files.find((f) => f.name === "user.c")
        ?.content.toString()
        .includes("MODULE_LICENSE"),
    );
    await noticeSays(page, "The workspace is the example again. Your work was kept in History.");
    await page.locator(".notice").getByRole("button", { name: "Restore" }).click();
    expect(await fileText(page, "user.c")).toBe("// before the reset\n");
    await page.context().close();
  });

  it("reports, with a download, work that storage refuses to keep", async () => {
    const context = await site.browser.newContext({ viewport: { width: 1360, height: 820 } });
    const page = await openPlayground(site.browser, site.url, { context });
    await setFile(page, "user.c", "// mine\n");
    await page.evaluate(() => {
      Storage.prototype.setItem = function () {
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      };
    });
    await openHash(page, `#example/${PRESET}`);
    await page.waitForSelector(".notice-error");
    expect(await page.textContent(".notice")).toContain(
      "Your previous work could not be kept in History: this browser's storage is full. Download it to keep it, or delete entries from History.",
    );
    const download = page.waitForEvent("download");
    await page.locator(".notice").getByRole("button", { name: "Download it" }).click();
    expect((await download).suggestedFilename()).toBe("ksymns-kept-workspace.zip");
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it("reports, with a download, the work a shared link replaced when storage refuses to keep it", async () => {
    const page = await openPlayground(site.browser, site.url);
    await setFile(page, "user.c", "// mine\n");
    await page.evaluate(() => {
      Storage.prototype.setItem = function () {
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      };
    });
    await openHash(page, linkWith("user.c", "// from the link\n"));
    await page.waitForFunction(() => document.querySelector(".notice")?.textContent?.includes("could not be kept in History"));
    expect(await page.textContent(".notice")).toContain(
      "You opened a shared workspace. Your previous work could not be kept in History: this browser's storage is full",
    );
    const download = page.waitForEvent("download");
    await page.locator(".notice").getByRole("button", { name: "Download it" }).click();
    const zip = unzipSync(new Uint8Array(readFileSync(await (await download).path())));
    expect(strFromU8(zip["user.c"])).toBe("// mine\n");
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it("does not save a link too large for the browser, says why, and keeps History whole; trimming it saves over nothing unkept", async () => {
    const page = await openPlayground(site.browser, site.url);
    await setFile(page, "user.c", "// my own work\n");
    const huge: Snapshot = defaultSnapshot();
    huge.files = huge.files.map((f) => (f.name === "user.c" ? { ...f, content: "// the huge link\n" } : f));
    for (let i = 0; i < 4; i++) huge.files.push({ name: `notes${i}.txt`, content: "x".repeat(7_900_000) });
    const hash = `#${encodeLink(huge)}`;
    expect(hash.length).toBeLessThan(64 * 1024);

    await openHash(page, hash);
    await page.waitForFunction(() => (window as unknown as TestWindow).ksymns.store.getState().files.length === 8);
    await page.waitForFunction(() => document.querySelector(".notice")?.textContent?.includes("is not being saved"), undefined, { timeout: 20_000 });
    const notice = await page.textContent(".notice");
    expect(notice).toMatch(
      /This workspace \(3\d\.\d MB\) is not being saved: it is larger than a browser stores for one site \(5 MiB\)\. What was saved before stays saved\./,
    );
    expect(await page.locator(".notice").getByRole("button", { name: "Download it" }).count()).toBe(1);
    await shot(page, "history-huge-link");
    expect(await historyTitles(page)).toEqual(["exporter.c"]);
    await page.keyboard.press("Escape");
    expect(await page.evaluate(() => localStorage.getItem("ksymns:workspace:v1"))).toContain("my own work");

    // trimmed, it is saved; the work it replaced is still in History
    await page.evaluate(() => {
      const s = (window as unknown as TestWindow).ksymns.store.getState();
      for (let i = 0; i < 4; i++) s.deleteFile(`notes${i}.txt`);
    });
    await page.waitForFunction(() => localStorage.getItem("ksymns:workspace:v1")?.includes("the huge link"));
    expect(await historyTitles(page)).toEqual(["exporter.c"]);
    await page.locator(".history-entry").first().getByRole("button", { name: "Restore" }).click();
    expect(await fileText(page, "user.c")).toBe("// my own work\n");
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it("keeps the user's work when a page on another site opens ksymns and sends it link after link", async () => {
    const context = await site.browser.newContext({ viewport: { width: 1360, height: 820 } });
    const mine = await openPlayground(site.browser, site.url, { context });
    await setFile(mine, "user.c", "// my own work\n");
    await mine.close();

    const { server, origin } = await serveHostPages({ "/attack.html": ["text/html", "<!doctype html><title>another site</title><p>another site</p>"] });
    try {
      const attacker = await context.newPage();
      await attacker.goto(`${origin}/attack.html`);
      const popup = context.waitForEvent("page");
      await attacker.evaluate((u) => void ((window as unknown as AttackerWindow).w = window.open(u, "ksymns")), site.url + linkWith("user.c", "// link 0\n"));
      const opened = await popup;
      const errors: string[] = [];
      opened.on("pageerror", (e) => errors.push(e.message));
      await opened.waitForSelector("body[data-ready=true]", { timeout: 30_000 });
      for (let i = 1; i <= 21; i++) {
        await attacker.evaluate(([u]) => ((window as unknown as AttackerWindow).w!.location = u), [site.url + linkWith("user.c", `// link ${i}\n`)]);
        await opened.waitForFunction(
          (t) => (window as unknown as TestWindow).ksymns.store.getState().files.find((f) => f.name === "user.c")?.content === t,
          `// link ${i}\n`,
        );
      }
      const titles = await historyTitles(opened);
      expect(titles.length).toBeLessThanOrEqual(20);
      expect(titles.filter((t) => t !== "Shared link")).toEqual(["exporter.c"]);
      await opened.keyboard.press("Escape");
      await opened.getByRole("button", { name: "History (replaced workspaces)" }).click();
      await opened.getByRole("button", { name: "Restore exporter.c" }).click();
      expect(await fileText(opened, "user.c")).toBe("// my own work\n");
      expect(errors).toEqual([]);
    } finally {
      server.close();
      await context.close();
    }
  });

  it("keeps both tabs' edits when the workspace is open in two tabs", async () => {
    const context = await site.browser.newContext({ viewport: { width: 1360, height: 820 } });
    const a = await openPlayground(site.browser, site.url, { context });
    await setFile(a, "user.c", "// A, first edit\n");
    const b = await openPlayground(site.browser, site.url, { context });
    expect(await fileText(b, "user.c")).toBe("// A, first edit\n");

    await setFile(a, "user.c", "// A, second edit\n");
    // B learns of the other tab from the storage event
    await b.waitForFunction(() => document.querySelector(".notice")?.textContent?.includes("open in another tab"));
    await shot(b, "history-two-tabs");
    await setFile(b, "user.c", "// B, first edit\n");
    await b.waitForFunction(() => document.querySelector(".notice")?.textContent?.includes("was kept in History before this tab saved its own"));

    // A's edit is in History, B's is saved; A saves again and B's goes to History in turn
    expect(await historyTitles(b)).toEqual(["exporter.c (from another tab)"]);
    await b.keyboard.press("Escape");
    await setFile(a, "user.c", "// A, third edit\n");
    const kept = await a.evaluate(() =>
      JSON.parse(localStorage.getItem("ksymns:history:v1")!).map((e: { s: { f: [string, string][] } }) => e.s.f.find((f) => f[0] === "user.c")![1]),
    );
    expect(kept).toEqual(["// B, first edit\n", "// A, second edit\n"]);

    // a third tab opens the latest save, with every other edit in History
    const c = await openPlayground(site.browser, site.url, { context });
    expect(await fileText(c, "user.c")).toBe("// A, third edit\n");
    expect(pageErrors(a)).toEqual([]);
    expect(pageErrors(b)).toEqual([]);
    await context.close();
  });
});
