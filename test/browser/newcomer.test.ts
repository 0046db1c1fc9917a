// The playground as a newcomer meets it (issue 15), in Debian's Chromium: every result tab
// usable on a phone and a small tablet, the way out of the editor by keyboard, History and
// examples, the base kernel named once and its table opened at a row, the counts of a refused
// load, Compare's verdicts and the gallery's cards within their boxes, Reset on an example, the
// header at 1400 px. Screenshots go to test-results/newcomer-*.png.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { RESULT_TABS } from "../../src/views/registry";
import { encodeLink, type Snapshot } from "../../src/store";
import { readPreset } from "../../src/presets/node";
import { fileText, openPlayground, pageErrors, shot, useSite, waitForEditor, waitForVerdict, type TestWindow } from "./support";

const site = useSite();

const DMA_USER = `#include <linux/module.h>

struct dma_buf *dma_buf_get(int fd);

static int __init dmauser_init(void)
{
\treturn dma_buf_get(0) ? 0 : -1;
}
module_init(dmauser_init);

MODULE_LICENSE("GPL");
`;

/** The page's state, read through the store the page exposes to tests. */
function state<T>(page: Page, read: string): Promise<T> {
  return page.evaluate((r) => new Function("s", `return ${r}`)((window as unknown as TestWindow).ksymns.store.getState()), read) as Promise<T>;
}

/** Box of the first element `selector` matches. */
async function box(page: Page, selector: string): Promise<{ x: number; y: number; width: number; height: number }> {
  const b = await page.locator(selector).first().boundingBox();
  if (!b) throw new Error(`${selector} is not shown`);
  return b;
}

describe("the narrow layout", () => {
  for (const width of [390, 600]) {
    it(`keeps every result tab usable at ${width} px, and still after a reload with Graph chosen`, async () => {
      const page = await openPlayground(site.browser, site.url, { width, height: 860 });
      const check = async (tab: string) => {
        await page.click(`#tab-${tab}`);
        await page.locator(`#panel-${tab}`).waitFor();
        const results = await box(page, ".results-col");
        const editor = await box(page, ".editor-col");
        const panel = await box(page, `#panel-${tab}`);
        // one column: the editor above, the verdict below, each the page's width
        expect(editor.width, `${tab}: editor width`).toBeGreaterThan(width - 4);
        expect(results.width, `${tab}: results width`).toBeGreaterThan(width - 4);
        expect(results.y, `${tab}: results below the editor`).toBeGreaterThanOrEqual(editor.y + editor.height - 1);
        expect(panel.width, `${tab}: panel width`).toBeGreaterThan(width - 4);
        expect(panel.height, `${tab}: panel height`).toBeGreaterThan(200);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `${tab}: page width`).toBeLessThanOrEqual(width);
      };
      for (const pane of RESULT_TABS) {
        await check(pane.id);
        await page.locator(".results-col").scrollIntoViewIfNeeded();
        await shot(page, `newcomer-narrow-${width}-${pane.id}`);
      }
      await page.click("#tab-graph");
      await page.waitForFunction(() => localStorage.getItem("ksymns:workspace:v1")?.includes('"t":"graph"'));
      await page.reload();
      await page.waitForSelector("body[data-ready=true]");
      expect(await page.getAttribute("#tab-graph", "aria-selected")).toBe("true");
      await check("graph");
      await check("compare");
      expect(pageErrors(page)).toEqual([]);
      await page.context().close();
    });
  }

  it("shows that a strip of result tabs too wide for the screen scrolls", async () => {
    const page = await openPlayground(site.browser, site.url, { width: 390, height: 860 });
    const strip = page.locator(".result-tabs");
    await page.waitForFunction(() => (document.querySelector(".result-tabs") as HTMLElement).dataset.more === "right");
    await strip.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
    await page.waitForFunction(() => (document.querySelector(".result-tabs") as HTMLElement).dataset.more === "left");
    await page.context().close();
  });
});

describe("the keyboard", () => {
  it("leaves the editor with Esc then Tab, or Tab after Ctrl+M, and the ? overlay says so", async () => {
    const page = await openPlayground(site.browser, site.url);
    await waitForEditor(page);
    const file = (await state<string>(page, "s.activeFile"))!;
    const before = await fileText(page, file);
    const inEditor = () => page.evaluate(() => !!document.activeElement?.closest(".monaco-editor"));
    const focusedInResults = () => page.evaluate(() => !!document.activeElement?.closest(".results-col, .splitter"));

    await page.click(".monaco-editor .view-lines");
    expect(await inEditor()).toBe(true);
    await page.keyboard.press("Escape");
    await page.keyboard.press("Tab");
    expect(await inEditor()).toBe(false);
    expect(await focusedInResults()).toBe(true);
    // forwards from there: the verdict's own controls
    await page.keyboard.press("Tab");
    expect(await focusedInResults()).toBe(true);
    await shot(page, "newcomer-keyboard-left-editor");
    expect(await fileText(page, file)).toBe(before);

    // Shift+Tab after Esc goes back towards the file tabs
    await page.click(".monaco-editor .view-lines");
    await page.keyboard.press("Escape");
    await page.keyboard.press("Shift+Tab");
    expect(await inEditor()).toBe(false);
    expect(await page.evaluate(() => !!document.activeElement?.closest(".editor-col, .topbar, .kernelbar, .notice-slot"))).toBe(true);

    // Ctrl+M: Tab moves focus until pressed again
    await page.click(".monaco-editor .view-lines");
    await page.keyboard.press("Control+M");
    await page.keyboard.press("Tab");
    expect(await inEditor()).toBe(false);
    expect(await fileText(page, file)).toBe(before);
    await page.click(".monaco-editor .view-lines");
    await page.keyboard.press("Control+M");
    await page.keyboard.press("Tab");
    expect(await inEditor()).toBe(true);
    expect(await fileText(page, file)).not.toBe(before);
    await page.keyboard.press("Control+Z");
    await page.waitForFunction(
      ([n, t]) => (window as unknown as TestWindow).ksymns.store.getState().files.find((f) => f.name === n)?.content === t,
      [file, before],
    );

    await page.click("#tab-problems");
    await page.keyboard.press("?");
    const overlay = page.locator("dialog.help");
    await overlay.waitFor();
    expect(await overlay.textContent()).toContain("Esc, then Tab");
    expect(await overlay.textContent()).toContain("Ctrl + M");
    await shot(page, "newcomer-keyboard-help");
    await page.keyboard.press("Escape");
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });
});

describe("examples and History", () => {
  it("does not keep an untouched example in History after a reload, nor say it did", async () => {
    const page = await openPlayground(site.browser, site.url, { hash: "#example/kvmfr-dma-buf-6.12" });
    await page.locator(".story-title").waitFor();
    await page.waitForFunction(() => localStorage.getItem("ksymns:workspace:v1")?.includes('"kind":"pristine"'));
    await page.reload();
    await page.waitForSelector("body[data-ready=true]");
    await waitForEditor(page);
    await page.evaluate(() => (location.hash = "#example/zfs-gpl-only-fpu"));
    await page.waitForFunction(() => (window as unknown as TestWindow).ksymns.store.getState().preset?.slug === "zfs-gpl-only-fpu");
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem("ksymns:history:v1") ?? "[]").length)).toBe(0);
    expect((await state<string | undefined>(page, "s.notice?.text")) ?? "").not.toContain("History");
    await page.context().close();
  });

  it("resets an edited example to the example as shipped, with its story, keeping the edit in History", async () => {
    const slug = "kvmfr-dma-buf-6.12";
    const { meta, files } = await readPreset(slug);
    const page = await openPlayground(site.browser, site.url, { hash: `#example/${slug}` });
    await page.locator(".story-title").waitFor();
    await page.evaluate(() => (window as unknown as TestWindow).ksymns.store.getState().setFile("kvmfr.c", "// my edit\n"));
    await page.click("#reset");
    const dialog = page.locator("dialog");
    expect(await dialog.textContent()).toContain(`the example “${meta.title}” as shipped`);
    await dialog.getByRole("button", { name: "Reset" }).click();
    await page.waitForFunction(
      (t) => (window as unknown as TestWindow).ksymns.store.getState().files.find((f) => f.name === "kvmfr.c")?.content === t,
      files["kvmfr.c"],
    );
    expect(await page.textContent(".story-title")).toBe(meta.title);
    expect(await state<string>(page, "s.preset.slug")).toBe(slug);
    expect(await page.textContent(".notice")).toContain("The example is as shipped again. Your work was kept in History.");
    await page.context().close();
  });

  it("builds the gallery's cards whole — story and the real kernel's verdict — each within its card", async () => {
    const page = await openPlayground(site.browser, site.url, { width: 390, height: 860 });
    // every card ever shown must have its story: watched from before the gallery opens
    await page.evaluate(() => {
      const w = window as unknown as { incomplete: number };
      w.incomplete = 0;
      new MutationObserver(() => {
        for (const card of document.querySelectorAll(".gallery-card")) {
          if (!card.querySelector(".gallery-story")?.textContent || !card.querySelector(".gallery-verdict")?.textContent) w.incomplete++;
        }
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    await page.click("#examples");
    await page.locator(".gallery-card").first().waitFor();
    expect(await page.evaluate(() => (window as unknown as { incomplete: number }).incomplete)).toBe(0);
    const overflowing = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>(".gallery-card")]
        .filter((c) => c.scrollWidth > c.clientWidth + 1 || [...c.children].some((e) => e.scrollWidth > e.clientWidth + 1))
        .map((c) => c.dataset.slug),
    );
    expect(overflowing).toEqual([]);
    await shot(page, "newcomer-gallery-narrow");
    await page.context().close();
  });
});

describe("the verdict", () => {
  it("names the base kernel once, and opens its Module.symvers read-only at the row an export points to", async () => {
    const snap: Snapshot = { files: [{ name: "dmauser.c", content: DMA_USER }], profile: true, relaxed: true, view: { file: "dmauser.c", tab: "problems" } };
    const page = await openPlayground(site.browser, site.url, { hash: `#${encodeLink(snap)}` });
    await waitForVerdict(page, "dma_buf_get from namespace DMA_BUF");
    const release = (await page.textContent(".kernelbar .release"))!.trim();
    expect(release).toMatch(/^\S+-amd64$/);
    const link = page.locator(".problem-related", { hasText: "exported here into namespace DMA_BUF" });
    const text = (await link.textContent())!;
    expect(text).toContain(`Module.symvers of ${release}, line `);
    // one name: nowhere does the page call this kernel by the profile's file name
    expect(await page.evaluate(() => document.body.innerText)).not.toContain("debian-");
    await link.click();
    const table = page.locator("dialog.base-table");
    await table.waitFor();
    expect(await table.locator("h2").textContent()).toBe(`Module.symvers of ${release}`);
    const row = table.locator("tr.current");
    expect(await row.locator("th").textContent()).toBe(text.replace(/.*line /, ""));
    const cells = await row.locator("td").allTextContents();
    expect(cells.slice(1)).toEqual(["dma_buf_get", "vmlinux", "EXPORT_SYMBOL_GPL", "DMA_BUF"]);
    expect(await table.locator("input, textarea, [contenteditable]").count()).toBe(0);
    await shot(page, "newcomer-base-table");
    await page.keyboard.press("Escape");
    await table.waitFor({ state: "detached" });
    await page.context().close();
  });

  it("counts a load refused by CONFIG_MODULE_SIG_FORCE as the errors it is, in Problems, Load and the tab badges", async () => {
    const page = await openPlayground(site.browser, site.url);
    await page.click('.switch[data-config="CONFIG_MODULE_SIG_FORCE"]');
    await page.waitForFunction(() => {
      const r = (window as unknown as TestWindow).ksymns.store.getState().result;
      return r?.kernel.config.CONFIG_MODULE_SIG_FORCE === "y" && r.commands.every((c) => c.exit !== 0);
    });
    const failed = await state<number>(page, "s.result.commands.filter((c) => c.exit !== 0).length");
    expect(failed).toBe(2);
    const errors = await state<number>(page, 's.result.findings.filter((f) => f.severity === "error").length');
    const loadErrors = await state<number>(page, 's.result.findings.filter((f) => f.severity === "error" && f.stage === "load").length');
    expect(loadErrors).toBe(failed);
    await page.waitForFunction((n) => document.querySelector('.stat[data-tab="problems"] .stat-value')?.textContent === `${n} errors`, errors);
    expect(await page.textContent('.stat[data-tab="kernel"] .stat-value')).toBe(`${failed} failed`);
    expect(await page.locator(".problem.sev-error", { hasText: "Loading of unsigned module is rejected" }).count()).toBe(failed);
    await shot(page, "newcomer-sig-force");
    await page.context().close();
  });

  it("keeps each Compare verdict inside its column", async () => {
    const page = await openPlayground(site.browser, site.url, { width: 1400 });
    await page.click("#tab-compare");
    await page.waitForFunction(() => /^\d+ kernels$/.test(document.querySelector(".compare-status")?.textContent ?? ""), undefined, { timeout: 60_000 });
    await page.locator(".cmp-cell .pill").first().waitFor();
    const cut = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>(".cmp-cell .pill")]
        .filter((p) => {
          const cell = p.closest("td")!.getBoundingClientRect();
          const b = p.getBoundingClientRect();
          return b.right > cell.right + 0.5 || p.scrollWidth > p.clientWidth + 1;
        })
        .map((p) => p.textContent),
    );
    expect(cut).toEqual([]);
    expect(await page.locator(".cmp-cell .pill", { hasText: "built anyway" }).count()).toBeGreaterThan(0);
    await shot(page, "newcomer-compare");
    await page.context().close();
  });

  it("says “1 module” of a one-module atlas, and shows the whole tagline at 1400 px", async () => {
    const page = await openPlayground(site.browser, site.url, { width: 1400 });
    expect(
      await page.evaluate(() => {
        const t = document.querySelector(".tagline")!;
        return t.scrollWidth <= t.clientWidth;
      }),
    ).toBe(true);
    await page.click("#tab-graph");
    await page.getByRole("button", { name: "Namespace atlas" }).click();
    await page.fill(".graph-filter", "USB_STORAGE");
    await page.waitForFunction(() => /matching “USB_STORAGE”/.test(document.querySelector(".graph-info")?.textContent ?? ""), undefined, { timeout: 60_000 });
    const info = (await page.textContent(".graph-info"))!;
    expect(info).toMatch(/\b1 module drawn\b/);
    expect(info).not.toMatch(/\b1 (modules|namespaces)\b/);
    await page.context().close();
  });
});

describe("the rough edges", () => {
  it("opens a first visit on the file with the error and says in one line what to try; an example opens on its failing file", async () => {
    const page = await openPlayground(site.browser, site.url);
    await page.waitForFunction(() => (window as unknown as TestWindow).ksymns.store.getState().activeFile === "user.c");
    const notice = page.locator(".notice", { hasText: "New here?" });
    await notice.waitFor();
    expect(await notice.textContent()).toContain("Try the Fix button");
    await waitForEditor(page);
    await shot(page, "newcomer-first-visit");
    await notice.getByRole("button", { name: "Show the problem" }).click();
    await page.waitForFunction(() => (window as unknown as TestWindow).ksymns.store.getState().reveal?.file === "user.c");
    // a reload is no first visit: no hint
    await page.reload();
    await page.waitForSelector("body[data-ready=true]");
    await waitForVerdict(page, "does not import it");
    expect(await page.locator(".notice", { hasText: "New here?" }).count()).toBe(0);
    // kvm-for-modules-6.16 fails in vboxdrv.c, not in its first file
    await page.evaluate(() => (location.hash = "#example/kvm-for-modules-6.16"));
    await page.waitForFunction(() => (window as unknown as TestWindow).ksymns.store.getState().activeFile === "vboxdrv.c", undefined, { timeout: 20_000 });
    await page.context().close();
  });

  it("keeps the address bar naming what is open, and a reload of it reopens the same work as the user's own", async () => {
    const page = await openPlayground(site.browser, site.url);
    await waitForVerdict(page, "does not import it");
    expect(await page.evaluate(() => location.hash)).toBe("");
    await page.evaluate(() => (window as unknown as TestWindow).ksymns.store.getState().setFile("user.c", "// mine\n"));
    await page.waitForFunction(() => location.hash.startsWith("#v1"));
    const { decodeLink } = await import("../../src/store");
    const linked = decodeLink(await page.evaluate(() => location.hash));
    expect(linked.files.find((f) => f.name === "user.c")?.content).toBe("// mine\n");
    await page.reload();
    await page.waitForSelector("body[data-ready=true]");
    expect(await fileText(page, "user.c")).toBe("// mine\n");
    expect(await state<string>(page, "s.origin.kind")).toBe("own");
    expect(await page.locator(".notice", { hasText: "shared workspace" }).count()).toBe(0);
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem("ksymns:history:v1") ?? "[]").length)).toBe(0);
    await page.context().close();
  });

  it("says a load that printed nothing succeeded, and does not resize the editor for Compare or Graph", async () => {
    const fixed: Snapshot = { files: [{ name: "exporter.c", content: "" }], profile: true, relaxed: true, view: {} };
    const { defaultSnapshot } = await import("../../src/store");
    fixed.files = defaultSnapshot().files.map((f) =>
      f.name === "user.c" ? { ...f, content: String(f.content).replace('MODULE_LICENSE("GPL");', 'MODULE_LICENSE("GPL");\nMODULE_IMPORT_NS(TOY_NS);') } : f,
    );
    const page = await openPlayground(site.browser, site.url, { hash: `#${encodeLink(fixed)}` });
    await page.click("#tab-kernel");
    const quiet = page.locator(".command", { hasText: "insmod user.ko" }).locator(".quiet");
    await quiet.waitFor();
    expect(await quiet.textContent()).toBe("✓ loaded, no messages");
    const widths: number[] = [];
    for (const tab of ["problems", "compare", "graph"]) {
      await page.click(`#tab-${tab}`);
      await page.waitForTimeout(50);
      widths.push((await box(page, ".editor-col")).width);
    }
    expect(new Set(widths).size).toBe(1);
    await page.context().close();
  });

  it("collapses an example's story to one line and opens it again", async () => {
    const page = await openPlayground(site.browser, site.url, { hash: "#example/zfs-gpl-only-fpu" });
    await page.locator(".story-text").waitFor();
    const tall = (await box(page, ".story")).height;
    await page.click(".story-collapse");
    await page.locator(".story-text").waitFor({ state: "detached" });
    expect(await page.getAttribute(".story-collapse", "aria-expanded")).toBe("false");
    expect((await box(page, ".story")).height).toBeLessThan(Math.min(tall, 90));
    await shot(page, "newcomer-story-collapsed");
    await page.click(".story-collapse");
    await page.locator(".story-text").waitFor();
    await page.context().close();
  });

  it("numbers the plain editor's lines and marks those the findings are on", async () => {
    const page = await openPlayground(site.browser, site.url, { width: 390, height: 860 });
    await page.waitForFunction(() => (window as unknown as TestWindow).ksymns.store.getState().activeFile === "user.c");
    await page.locator(".plain-gutter .gline.sev-error").first().waitFor();
    const marked = await page.locator(".plain-gutter .gline.sev-error").allTextContents();
    const lines = await state<number[]>(page, 's.result.findings.filter((f) => f.file === "user.c" && f.severity === "error").map((f) => f.line)');
    expect(marked).toEqual([...new Set(lines)].sort((a, b) => a - b).map(String));
    expect(await page.locator(".plain-gutter .gline").count()).toBe((await fileText(page, "user.c"))!.split("\n").length);
    await shot(page, "newcomer-plain-editor");
    await page.context().close();
  });

  it("completes modprobe with the base kernel's in-tree modules, and History says what was edited and when", async () => {
    const page = await openPlayground(site.browser, site.url);
    await waitForEditor(page);
    await page.click('.tab[data-file="load"]');
    await page.click(".monaco-editor .view-lines");
    await page.keyboard.press("ControlOrMeta+End");
    await page.keyboard.type("modprobe ums_ka");
    await page.keyboard.press("Control+Space");
    const item = page.locator(".suggest-widget .monaco-list-row", { hasText: "ums_karma" });
    await item.waitFor({ timeout: 10_000 });
    await page.keyboard.press("Escape");
    await page.evaluate(() => (location.hash = "#example/zfs-gpl-only-fpu"));
    await page.locator(".story-title").waitFor();
    await page.click("#history");
    const entry = page.locator(".history-entry").first();
    await entry.waitFor();
    expect(await entry.locator(".history-kind").textContent()).toBe("edited by you");
    expect(await entry.locator("time").textContent()).toBe("just now");
    await page.context().close();
  });
});

describe("Paste a patch", () => {
  const SERIES = readFileSync(join(import.meta.dirname, "../store/patches/import-and-author.mbox"), "utf8");

  it("applies a format-patch series as one step: files added and patched, the hunk that fails listed, the mail as the story, the work before in History and back with Undo", async () => {
    const page = await openPlayground(site.browser, site.url);
    await waitForEditor(page);
    await page.evaluate(() => (window as unknown as TestWindow).ksymns.store.getState().setFile("load", "# mine\ninsmod exporter.ko\ninsmod user.ko\n"));
    await page.click("#open-more");
    await page.click("#paste-patch");
    await page.fill(".patch-dialog textarea", SERIES);
    await page.locator(".patch-dialog").getByRole("button", { name: "Apply" }).click();
    await page.waitForFunction(() => (window as unknown as TestWindow).ksymns.store.getState().files.some((f) => f.name === "helper.c"));
    expect(await fileText(page, "user.c")).toContain('MODULE_LICENSE("GPL");\nMODULE_IMPORT_NS(TOY_NS);');
    const notice = (await page.textContent(".notice"))!;
    expect(notice).toContain("Applied “user: import TOY_NS”: changed user.c, added helper.c.");
    expect(notice).toContain("1 part did not apply: exporter.c @@ -8,4 +8,5 @@");
    expect(notice).toContain("Your work was kept in History.");
    expect(await page.textContent(".story-title")).toBe("user: import TOY_NS");
    expect(await page.textContent(".story .cite-link")).toMatch(/^https:\/\/lore\.kernel\.org\/r\/942acd96/);
    expect(await page.textContent(".story .cite-meta")).toContain("Dana Ölander <dana@example.org>");
    await page.waitForFunction(() => (window as unknown as TestWindow).ksymns.store.getState().resultFiles?.some((f) => f.name === "helper.c"));
    await shot(page, "newcomer-patch-applied");
    await page.locator(".notice").getByRole("button", { name: "Undo" }).click();
    await page.waitForFunction(() => !(window as unknown as TestWindow).ksymns.store.getState().files.some((f) => f.name === "helper.c"));
    expect(await fileText(page, "load")).toBe("# mine\ninsmod exporter.ko\ninsmod user.ko\n");
    expect(await page.locator(".story").isHidden()).toBe(true);
    await page.context().close();
  });

  it("applies a .patch file opened from disk, and says when a text holds no change", async () => {
    const page = await openPlayground(site.browser, site.url);
    const first = SERIES.slice(0, SERIES.indexOf("From b2ed"));
    const chooser = page.waitForEvent("filechooser");
    await page.click("#open");
    await (await chooser).setFiles([{ name: "0001-user-import-TOY_NS.patch", mimeType: "text/x-diff", buffer: Buffer.from(first) }]);
    await page.waitForFunction(() => (window as unknown as TestWindow).ksymns.store.getState().files.some((f) => f.name === "helper.c"));
    expect(await page.textContent(".notice")).toContain("Applied “user: import TOY_NS”: changed user.c, added helper.c.");
    await page.click("#open-more");
    await page.click("#paste-patch");
    await page.fill(".patch-dialog textarea", "Hello,\n\nno diff here.\n");
    await page.locator(".patch-dialog").getByRole("button", { name: "Apply" }).click();
    await page.locator(".notice-error", { hasText: "Nothing to apply" }).waitFor();
    expect(await page.evaluate(() => (window as unknown as TestWindow).ksymns.store.getState().files.some((f) => f.name === "helper.c"))).toBe(true);
    await page.context().close();
  });
});

describe("the export surface", () => {
  it("charts each built-in kernel's exports as the engine counts them, beside the series' figures, and opens the atlas at a figure", async () => {
    const dir = join(import.meta.dirname, "../../public/kernels");
    const lines = (release: string) => {
      const file = readdirSync(dir).find((f) => f.startsWith(`debian-${release}`) && f.endsWith(".Module.symvers.gz"))!;
      return gunzipSync(readFileSync(join(dir, file)))
        .toString("utf8")
        .split("\n")
        .filter(Boolean).length;
    };
    const page = await openPlayground(site.browser, site.url, { width: 1400 });
    await page.click("#tab-graph");
    await page.click('.seg[data-mode="surface"]');
    await page.waitForFunction(
      () => document.querySelectorAll(".surface-grown tbody tr").length > 0 && !document.querySelector(".surface-pending"),
      undefined,
      { timeout: 120_000 },
    );
    const kernels = await page.locator(".surface-table:not(.surface-grown) thead th").allTextContents();
    expect(kernels.slice(1)).toEqual(["Debian 5.10", "Debian 6.1", "Debian 6.12", "Debian 7.3"]);
    const totals = await page.locator('tr[data-row="total"] .surface-value').allTextContents();
    const unames = ["5.10.0", "6.1.0", "6.12.", "7.3."];
    expect(totals).toEqual(unames.map((u) => lines(u).toLocaleString("en")));
    expect(await page.textContent(".surface-series")).toContain("31,205 exported symbols in");
    expect(await page.getAttribute(".surface-series .cite-link", "href")).toMatch(/^https:\/\/lore\.kernel\.org\/r\//);
    await shot(page, "newcomer-export-surface");
    // a grown namespace opens the atlas of that kernel filtered to it
    const cell = page.locator(".surface-grown .surface-figure").last();
    const [kernel, ns] = [await cell.getAttribute("data-kernel"), await cell.getAttribute("data-filter")];
    await cell.click();
    expect(await page.getAttribute('.seg[data-mode="atlas"]', "aria-pressed")).toBe("true");
    expect(await page.inputValue(".atlas-kernel")).toBe(kernel);
    expect(await page.inputValue(".graph-filter")).toBe(ns);
    await page.locator(`.gnode[data-id="ns:${ns}"]`).waitFor({ timeout: 60_000 });
    await page.context().close();
  });
});
