// The playground in Debian's Chromium: live verdicts while typing, quick fixes, kernel
// switches, share links, persistence, broken links, the narrow layout. Screenshots of the
// main states go to test-results/.

import { readFileSync } from "node:fs";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import {
  centerOf,
  fileText,
  hoverText,
  openPlayground,
  openTab,
  pageErrors,
  replaceEditorText,
  shot,
  waitForEditor,
  waitForNoVerdict,
  waitForVerdict,
  workspace,
  useSite,
  type TestWindow,
} from "./support";

const site = useSite();

const MYMOD = `#include <linux/module.h>

int toy_get(void);

static int __init mymod_init(void)
{
\treturn toy_get() == 42 ? 0 : -1;
}
module_init(mymod_init);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("calls toy_get without importing TOY_NS");
`;

const NOT_IMPORTED = "ERROR: modpost: module mymod uses symbol toy_get from namespace TOY_NS, but does not import it.";
const LOADER_REFUSES = "mymod: module uses symbol (toy_get) from namespace TOY_NS, but does not import it.";

describe("the playground page", () => {
  it("opens on the example and shows modpost's and the loader's refusal, within its Content-Security-Policy", async () => {
    const context = await site.browser.newContext({ viewport: { width: 1360, height: 820 } });
    const consoleErrors: string[] = [];
    context.on("console", (m) => m.type() === "error" && consoleErrors.push(m.text()));
    const page = await openPlayground(site.browser, site.url, { context });
    await waitForEditor(page);
    await waitForVerdict(page, "ERROR: modpost: module user uses symbol toy_get from namespace TOY_NS, but does not import it.");
    expect(await page.textContent(".problems")).toContain("ERROR: modpost: module user uses symbol toy_get from namespace TOY_NS, but does not import it.");
    await page.click("#tab-kernel");
    const log = await page.textContent(".kernel-log");
    expect(log).toContain("insmod: ERROR: could not insert module user.ko: Invalid parameters");
    expect(log).toContain("user: module uses symbol (toy_get) from namespace TOY_NS, but does not import it.");
    await shot(page, "playground-kernel-log");
    await page.click("#tab-problems");
    await shot(page, "playground-start");
    expect(pageErrors(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});

describe("writing a module that calls a namespaced symbol without importing it", () => {
  let page: Page;
  beforeAll(async () => {
    page = await openPlayground(site.browser, site.url);
    await waitForEditor(page);
  });
  afterAll(async () => {
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it("starts a new module from a template that builds and loads", async () => {
    await page.click(".tab-add");
    await page.click("text=New module (.c)");
    expect(await page.getAttribute('.tab[aria-selected="true"]', "data-file")).toBe("mymod.c");
    expect(await fileText(page, "mymod.c")).toContain('MODULE_LICENSE("GPL");');
    // the new module is loaded like the others
    expect(await fileText(page, "load")).toMatch(/\ninsmod mymod\.ko\n$/);
  });

  it("underlines the call with the kernel's text and logs the loader's refusal", async () => {
    await replaceEditorText(page, MYMOD);
    await waitForVerdict(page, NOT_IMPORTED);
    await waitForVerdict(page, LOADER_REFUSES);
    await openTab(page, "mymod.c");
    const shown = await hoverText(page, ".monaco-editor .squiggly-error", "does not import it");
    expect(shown).toContain(NOT_IMPORTED);
    expect(shown).toContain("MODPOST_NS_NOT_IMPORTED");
    expect(shown).toContain("exported here into namespace TOY_NS");
    await shot(page, "playground-underline");
    await page.mouse.move(5, 400);
    await page.click("#tab-kernel");
    const line = page.locator(".kline", { hasText: LOADER_REFUSES });
    await line.waitFor();
    expect(await page.textContent(".kernel-log")).toContain("insmod: ERROR: could not insert module mymod.ko: Invalid parameters");
    await openTab(page, "load");
    await line.click();
    expect(await page.getAttribute('.tab[aria-selected="true"]', "data-file")).toBe("mymod.c");
  });

  it("adds the import where make nsdeps would with the quick fix, as one undoable edit, and the load succeeds", async () => {
    await page.click("#tab-problems");
    // decorations never count as "stable" for locator.click: click where the underline is
    const at = await centerOf(page, ".monaco-editor .squiggly-error");
    await page.mouse.click(at.x, at.y);
    await page.keyboard.press("ControlOrMeta+.");
    const fix = page.locator(".action-widget").getByText("Add MODULE_IMPORT_NS(TOY_NS); after MODULE_LICENSE", { exact: false }).first();
    await fix.waitFor({ timeout: 10_000 });
    await shot(page, "playground-quickfix");
    await fix.click();
    await waitForNoVerdict(page, LOADER_REFUSES);
    expect(await fileText(page, "mymod.c")).toContain('MODULE_LICENSE("GPL");\nMODULE_IMPORT_NS(TOY_NS);\nMODULE_DESCRIPTION');
    await page.click("#tab-modules");
    await page.locator("table.modules th", { hasText: "mymod" }).waitFor();
    await shot(page, "playground-fixed-modules");
    // one Ctrl+Z takes the whole fix back
    await page.click(".monaco-editor .view-lines");
    await page.keyboard.press("ControlOrMeta+Z");
    await waitForVerdict(page, LOADER_REFUSES);
    expect(await fileText(page, "mymod.c")).toBe(MYMOD);
    await page.keyboard.press("ControlOrMeta+Shift+Z");
    await waitForNoVerdict(page, LOADER_REFUSES);
  });

  it("shows who exports a symbol and what a namespace holds on hover", async () => {
    const text = await hoverText(page, '.monaco-editor .view-line span:text-is("TOY_NS")', "namespace TOY_NS");
    expect(text).toContain("toy_get");
    expect(text).toContain("exporter");
    expect(text).toMatch(/Imported by.*mymod/);
    await shot(page, "playground-hover-namespace");
    await page.mouse.move(5, 400);
  });

  it("completes namespaces inside MODULE_IMPORT_NS from the workspace and the base kernel", async () => {
    const before = await fileText(page, "mymod.c");
    await page.click(".monaco-editor .view-lines");
    await page.keyboard.press("ControlOrMeta+End");
    await page.keyboard.insertText("MODULE_IMPORT_NS(USB_ST");
    await page.keyboard.press("Control+Space");
    const item = page.locator(".suggest-widget .monaco-list-row", { hasText: "USB_STORAGE" }).first();
    await item.waitFor({ timeout: 10_000 });
    await shot(page, "playground-completion");
    await page.keyboard.press("Escape");
    for (let i = 0; i < 5 && (await fileText(page, "mymod.c")) !== before; i++) await page.keyboard.press("ControlOrMeta+Z");
    expect(await fileText(page, "mymod.c")).toBe(before);
  });

  it("changes the verdict when the kernel changes: a bare-identifier import compiles on 6.12 but not on 6.13", async () => {
    const cc = "error: expected ',' or ';' before 'TOY_NS'";
    await waitForNoVerdict(page, cc);
    await page.selectOption("#kernel-version", "6.13");
    await waitForVerdict(page, cc);
    expect(await fileText(page, ".config")).toContain("# Linux/x86 6.13.0 Kernel Configuration");
    expect(await page.inputValue("#kernel-version")).toBe("6.13");
    await page.click("#tab-problems");
    await shot(page, "playground-kernel-6.13");
    // the fix for 6.13 writes the string form
    const problem = page.locator(".problem", { hasText: cc }).filter({ hasText: "mymod.c" });
    await problem.locator(".fix").click();
    await page.waitForFunction(() =>
      (window as unknown as TestWindow).ksymns.store
        .getState()
        .files.find((f) => f.name === "mymod.c")
        ?.content.toString()
        .includes('MODULE_IMPORT_NS("TOY_NS");'),
    );
    await page.waitForFunction(
      () => !(window as unknown as TestWindow).ksymns.store.getState().result?.findings.some((f) => f.id === "CC_IMPORT_IDENTIFIER" && f.file === "mymod.c"),
    );
    await page.selectOption("#kernel-version", "6.12");
    await waitForNoVerdict(page, "# Linux/x86 6.13");
    expect(await fileText(page, ".config")).toContain("# Linux/x86 6.12.0 Kernel Configuration");
  });

  it("writes CONFIG switches into .config and shows what the engine applies", async () => {
    await page.click('[data-config="CONFIG_MODULE_SIG_FORCE"]');
    await page.waitForSelector('[data-config="CONFIG_MODULE_SIG_FORCE"][aria-checked="true"]');
    expect(await fileText(page, ".config")).toMatch(/^CONFIG_MODULE_SIG_FORCE=y$/m);
    await page.click('[data-config="CONFIG_MODULE_SIG_FORCE"]');
    await page.waitForSelector('[data-config="CONFIG_MODULE_SIG_FORCE"][aria-checked="false"]');
    expect(await fileText(page, ".config")).toMatch(/^# CONFIG_MODULE_SIG_FORCE is not set$/m);
  });
});

describe("keeping and sharing work", () => {
  it("copies a link that opens the identical workspace in a fresh browser", async () => {
    const page = await openPlayground(site.browser, site.url);
    await waitForEditor(page);
    await openTab(page, "user.c");
    await replaceEditorText(page, "// shared by a link\n" + ((await fileText(page, "user.c")) ?? ""));
    await page.selectOption("#kernel-version", "6.1");
    await waitForVerdict(page, "# kernel 6.1");
    await page.click("#tab-build");
    await page.click("#copy-link");
    const link = await page.locator(".share-url").inputValue();
    expect(link).toMatch(/#v1\/[A-Za-z0-9_-]+$/);
    const before = await workspace(page);
    const fresh = await openPlayground(site.browser, link);
    expect(await workspace(fresh)).toEqual(before);
    expect(await fresh.getAttribute('.tab[aria-selected="true"]', "data-file")).toBe("user.c");
    expect(await fresh.getAttribute("#tab-build", "aria-selected")).toBe("true");
    expect(await fresh.inputValue("#kernel-version")).toBe("6.1");
    await page.context().close();
    await fresh.context().close();
  });

  it("keeps the work across a reload", async () => {
    const page = await openPlayground(site.browser, site.url);
    await waitForEditor(page);
    await openTab(page, "exporter.c");
    await page.click(".monaco-editor .view-lines");
    await page.keyboard.press("ControlOrMeta+Home");
    await page.keyboard.insertText("// kept across reloads\n");
    await page.waitForFunction(() => localStorage.getItem("ksymns:workspace:v1")?.includes("kept across reloads"));
    await page.reload();
    await page.waitForSelector("body[data-ready=true]");
    expect(await fileText(page, "exporter.c")).toMatch(/^\/\/ kept across reloads\n/);
    await page.context().close();
  });

  it("asks before resetting, and reset brings the example back", async () => {
    const page = await openPlayground(site.browser, site.url);
    await page.evaluate(() => (window as unknown as TestWindow).ksymns.store.getState().setFile("user.c", "// mine\n"));
    await page.click("#reset");
    await page.locator("dialog").getByText("Cancel").click();
    await page.waitForSelector("dialog", { state: "detached" });
    expect(await fileText(page, "user.c")).toBe("// mine\n");
    await page.click("#reset");
    await page.locator("dialog").getByRole("button", { name: "Reset" }).click();
    await page.waitForFunction(() =>
      (window as unknown as TestWindow).ksymns.store
        .getState()
        .files.find((f) => f.name === "user.c")
        ?.content.toString()
        .includes("MODULE_LICENSE"),
    );
    await page.waitForSelector("dialog", { state: "detached" });
    await page.context().close();
  });

  it("sets aside unsaved work when a link is opened, and brings it back on request", async () => {
    const sharer = await openPlayground(site.browser, site.url);
    await sharer.evaluate(() => (window as unknown as TestWindow).ksymns.store.getState().setFile("user.c", "// from the link\n"));
    await sharer.click("#copy-link");
    const link = await sharer.locator(".share-url").inputValue();
    await sharer.context().close();

    const page = await openPlayground(site.browser, site.url);
    await page.evaluate(() => (window as unknown as TestWindow).ksymns.store.getState().setFile("user.c", "// my own work\n"));
    await page.waitForFunction(() => localStorage.getItem("ksymns:workspace:v1")?.includes("my own work"));
    await page.goto(link);
    await page.waitForSelector("body[data-ready=true]");
    expect(await fileText(page, "user.c")).toBe("// from the link\n");
    expect(await page.textContent(".notice")).toContain("Your own work was kept in History.");
    await shot(page, "playground-link-set-aside");
    await page.click(".notice >> text=Back to my work");
    expect(await fileText(page, "user.c")).toBe("// my own work\n");
    await page.context().close();
  });

  it("opens a truncated link with a clear message and a working default page", async () => {
    const sharer = await openPlayground(site.browser, site.url);
    await sharer.click("#copy-link");
    const link = await sharer.locator(".share-url").inputValue();
    await sharer.context().close();
    const page = await openPlayground(site.browser, link.slice(0, link.length - 40));
    expect(await page.textContent(".notice-error")).toMatch(/This link is incomplete or damaged.*Showing the example workspace instead\./);
    await waitForVerdict(page, "ERROR: modpost: module user uses symbol toy_get");
    await waitForEditor(page);
    expect(new URL(page.url()).hash).toBe("");
    await shot(page, "playground-broken-link");
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it("shows a binary .ko as a read-only tab with a summary", async () => {
    const page = await openPlayground(site.browser, site.url);
    const chooser = page.waitForEvent("filechooser");
    await page.click("#open");
    const elf = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, ...new Array(56).fill(0)]);
    await (await chooser).setFiles([{ name: "real.ko", mimeType: "application/octet-stream", buffer: elf }]);
    await page.waitForSelector('.tab.binary[data-file="real.ko"][aria-selected="true"]');
    expect(await page.textContent(".binary-box")).toContain("64 bytes · ELF 64-bit little-endian");
    expect(await page.textContent(".notice")).toContain("Opened 1 file.");
    await page.context().close();
  });
});

describe("managing files", () => {
  it("renames, deletes with undo and reorders files from the tab bar", async () => {
    const page = await openPlayground(site.browser, site.url);
    await page.dblclick('.tab[data-file="user.c"]');
    const input = page.locator("input.rename");
    await input.fill("consumer.c");
    await input.press("Enter");
    await page.waitForSelector('.tab[data-file="consumer.c"]');
    await waitForVerdict(page, "ERROR: modpost: module consumer uses symbol toy_get");
    await page.focus('.tab[data-file="consumer.c"]');
    await page.keyboard.press("Delete");
    await page.waitForSelector('.tab[data-file="consumer.c"]', { state: "detached" });
    await page.click(".notice >> text=Undo");
    await page.waitForSelector('.tab[data-file="consumer.c"]');
    expect((await workspace(page)).map(([n]) => n)).toEqual(["exporter.c", "consumer.c", "load", ".config"]);
    await page.focus('.tab[data-file="consumer.c"]');
    await page.keyboard.press("ControlOrMeta+Shift+ArrowLeft");
    await page.waitForFunction(() => (window as unknown as TestWindow).ksymns.store.getState().files[0].name === "consumer.c");
    await page.dragAndDrop('.tab[data-file=".config"]', '.tab[data-file="consumer.c"]');
    await page.waitForFunction(() => (window as unknown as TestWindow).ksymns.store.getState().files[0].name === ".config");
    await page.context().close();
  });

  it("downloads the workspace as a zip of its files, and opens that zip again", async () => {
    const page = await openPlayground(site.browser, site.url);
    const download = page.waitForEvent("download");
    await page.click("#download");
    const file = await (await download).path();
    const entries = unzipSync(new Uint8Array(readFileSync(file)));
    expect(Object.keys(entries)).toEqual(["exporter.c", "user.c", "load", ".config"]);
    expect(strFromU8(entries["user.c"])).toBe(await fileText(page, "user.c"));
    await page.evaluate(() => (window as unknown as TestWindow).ksymns.store.getState().setFile("user.c", "// changed\n"));
    const chooser = page.waitForEvent("filechooser");
    await page.click("#open");
    await (await chooser).setFiles([{ name: "ksymns-workspace.zip", mimeType: "application/zip", buffer: readFileSync(file) }]);
    await page.waitForFunction(() =>
      (window as unknown as TestWindow).ksymns.store
        .getState()
        .files.find((f) => f.name === "user.c")
        ?.content.toString()
        .includes("MODULE_LICENSE"),
    );
    expect(await page.textContent(".notice")).toContain("Opened 4 files as the workspace.");
    await page.context().close();
  });

  it("copies the share link with Ctrl+S, even from inside the editor", async () => {
    const page = await openPlayground(site.browser, site.url);
    await waitForEditor(page);
    await page.click(".monaco-editor .view-lines");
    await page.keyboard.press("ControlOrMeta+S");
    expect(await page.locator(".share-url").inputValue()).toMatch(/#v1\//);
    await page.context().close();
  });
});

describe("large inputs", () => {
  it("runs a workspace with a pasted 400 kB Module.symvers in the engine worker and still shows the verdict", async () => {
    const page = await openPlayground(site.browser, site.url);
    const rows = Array.from(
      { length: 8000 },
      (_, i) => `0x${((i * 2654435761) >>> 0).toString(16).padStart(8, "0")}\tbig_sym_${i}\tdrivers/big/big\tEXPORT_SYMBOL_GPL\tBIG_NS`,
    );
    rows.push("0x12345678\tbig_target\tdrivers/big/big\tEXPORT_SYMBOL_GPL\tBIG_NS");
    const symvers = rows.join("\n") + "\n";
    expect(symvers.length).toBeGreaterThan(256 * 1024);
    await page.evaluate((text) => {
      const s = (window as unknown as TestWindow).ksymns.store.getState();
      s.setFile("Module.symvers", text);
      s.setFile("user.c", String(s.files.find((f) => f.name === "user.c")?.content).replace("toy_get());", "toy_get() + big_target());"));
    }, symvers);
    await waitForVerdict(page, "ERROR: modpost: module user uses symbol big_target from namespace BIG_NS, but does not import it.", 20_000);
    expect(page.workers().some((w) => /\/worker-[\w-]+\.js$/.test(w.url()))).toBe(true);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });
});

describe("comfort", () => {
  it("stacks the layout below 700 px and offers a plain editor that still gets live verdicts", async () => {
    const page = await openPlayground(site.browser, site.url, { width: 390, height: 844 });
    const area = page.locator("textarea.plain-editor");
    await area.waitFor();
    await openTab(page, "user.c");
    const text = (await fileText(page, "user.c"))!;
    await area.fill(text.replace('MODULE_LICENSE("GPL");', 'MODULE_LICENSE("GPL");\nMODULE_IMPORT_NS(TOY_NS);'));
    await waitForNoVerdict(page, "user: module uses symbol (toy_get)");
    const editorBox = (await page.locator(".editor-col").boundingBox())!;
    const resultsBox = (await page.locator(".results-col").boundingBox())!;
    expect(resultsBox.y).toBeGreaterThanOrEqual(editorBox.y + editorBox.height - 1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, "playground-narrow");
    await page.click("#editor-kind");
    await waitForEditor(page);
    await page.context().close();
  });

  it("follows the dark theme of the system and lists the shortcuts on ?", async () => {
    const page = await openPlayground(site.browser, site.url, { colorScheme: "dark" });
    await waitForEditor(page);
    expect(await page.getAttribute("html", "data-theme")).toBe("dark");
    await page.click("#tab-kernel");
    await shot(page, "playground-dark");
    await page.locator(".result-tabs").click();
    await page.keyboard.press("?");
    await page.waitForSelector("dialog.help");
    expect(await page.textContent("dialog.help")).toContain("Copy a link to this workspace");
    await shot(page, "playground-help");
    await page.keyboard.press("Escape");
    await page.waitForSelector("dialog.help", { state: "detached" });
    await page.click("#theme");
    expect(await page.getAttribute("html", "data-theme")).toBe("light");
    await page.context().close();
  });
});
