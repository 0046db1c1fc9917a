// Monaco's heavier features (src/editor/features.ts) join the editor after its first frame, in
// Debian's Chromium: what is typed before they arrive stays, in the same editor, and once they
// are there completion, quick fixes, hovers, find and the context menu all work.

import { describe, expect, it } from "vitest";
import { centerOf, fileText, hoverText, openPlayground, pageErrors, shot, useSite, waitForEditor } from "./support";

const site = useSite();

describe("Monaco's features, which arrive after the editor is shown", () => {
  it("join the editor someone is already typing in without re-creating it or losing a keystroke", async () => {
    const context = await site.browser.newContext({ viewport: { width: 1360, height: 820 } });
    // the features' chunk is held back until the test has typed
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await context.route(/monaco-features-[\w-]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    const page = await openPlayground(site.browser, site.url, { context });
    await page.waitForSelector(".monaco-editor .view-lines", { timeout: 30_000 });
    const file = await page.evaluate(
      () => (window as unknown as { ksymns: { store: { getState(): { activeFile: string } } } }).ksymns.store.getState().activeFile,
    );
    await page.evaluate(() => ((document.querySelector(".monaco-editor") as HTMLElement & { first?: boolean }).first = true));
    await page.click(".monaco-editor .view-lines");
    await page.keyboard.press("ControlOrMeta+End");
    await page.keyboard.type("\n// typed early");
    expect(await page.$(".editor-pane[data-features]")).toBeNull();

    release();
    await waitForEditor(page);
    await page.keyboard.type(", and after");
    await page.waitForFunction(
      ([n, t]) =>
        (window as unknown as { ksymns: { store: { getState(): { files: { name: string; content: unknown }[] } } } }).ksymns.store
          .getState()
          .files.find((f) => f.name === n)
          ?.content?.toString()
          .endsWith(t),
      [file, "\n// typed early, and after"] as const,
    );
    expect(await page.evaluate(() => (document.querySelector(".monaco-editor") as HTMLElement & { first?: boolean }).first)).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.closest(".monaco-editor") !== null)).toBe(true);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it("offers completion, quick fixes, hovers, find and the context menu once they are in", async () => {
    const page = await openPlayground(site.browser, site.url);
    await waitForEditor(page);
    const file = await page.evaluate(
      () => (window as unknown as { ksymns: { store: { getState(): { activeFile: string } } } }).ksymns.store.getState().activeFile,
    );
    const before = await fileText(page, file);

    // the finding's underline, its message on hover, and its quick fix (Ctrl+.)
    await page.waitForSelector(".squiggly-error", { state: "attached", timeout: 10_000 });
    expect(await hoverText(page, ".squiggly-error", "does not import it")).toContain("TOY_NS");
    const at = await centerOf(page, ".squiggly-error");
    await page.mouse.click(at.x, at.y);
    await page.keyboard.press("Control+.");
    await page.locator(".action-widget", { hasText: "MODULE_IMPORT_NS(TOY_NS)" }).first().waitFor({ timeout: 10_000 });
    await shot(page, "editor-features-quickfix");
    await page.keyboard.press("Escape");

    // completion
    await page.keyboard.press("ControlOrMeta+End");
    await page.keyboard.insertText("\nMODULE_IMPORT_NS(TOY");
    await page.keyboard.press("Control+Space");
    await page.locator(".suggest-widget .monaco-list-row", { hasText: "TOY_NS" }).first().waitFor({ timeout: 10_000 });
    await page.keyboard.press("Escape");
    for (let i = 0; i < 5 && (await fileText(page, file)) !== before; i++) await page.keyboard.press("ControlOrMeta+Z");
    expect(await fileText(page, file)).toBe(before);

    // find, and its next-match button (which runs an editor action by id)
    await page.keyboard.press("ControlOrMeta+F");
    await page.locator(".find-widget.visible").waitFor({ timeout: 10_000 });
    await page.keyboard.insertText("toy_get");
    await page.locator(".find-widget .matchesCount", { hasText: /^1 of \d+$/ }).waitFor({ timeout: 10_000 });
    await page.click(".find-widget .codicon-find-next-match, .find-widget .codicon-arrow-down");
    await page.locator(".find-widget .matchesCount", { hasText: /^2 of \d+$/ }).waitFor({ timeout: 10_000 });
    await page.keyboard.press("Escape");

    // the context menu
    await page.click(".monaco-editor .view-lines", { button: "right" });
    await page.locator(".context-view .action-label", { hasText: "Change All Occurrences" }).waitFor({ timeout: 10_000 });
    await page.keyboard.press("Escape");

    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });
});
