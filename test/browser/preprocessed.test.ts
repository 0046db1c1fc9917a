// What the preprocessor saw, in the editor: lines an #if leaves out are greyed, a macro's
// hover shows its expansion and where it is defined, and Go to Definition opens a workspace
// header at its #define.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { hoverText, openPlayground, pageErrors, shot, waitForEditor, waitForVerdict, useSite, type TestWindow } from "./support";

const site = useSite();

const HEADER = `#define TOY_CALL(name) toy_##name()
`;

const GUARDED = `#include <linux/module.h>
#include <linux/version.h>
#include "calls.h"

int toy_get(void);

static int __init guarded_init(void)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 13, 0)
\treturn toy_missing_on_old();
#else
\treturn TOY_CALL(get);
#endif
}
module_init(guarded_init);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("a version guard and a macro from a local header");
`;

describe("the preprocessor in the editor", () => {
  let page: Page;
  beforeAll(async () => {
    page = await openPlayground(site.browser, site.url);
    await waitForEditor(page);
    await page.evaluate(
      ([h, c]) => {
        const s = (window as unknown as TestWindow).ksymns.store.getState();
        s.setFile("calls.h", h);
        s.setFile("guarded.c", c);
        s.openFile("guarded.c");
      },
      [HEADER, GUARDED],
    );
    // on 6.12 the #if branch is out: its call is no use, the macro's is
    await waitForVerdict(page, "module guarded uses symbol toy_get from namespace TOY_NS, but does not import it.");
  });
  afterAll(async () => {
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  });

  it("greys the lines an #if leaves out for the chosen kernel", async () => {
    await page.waitForSelector(".monaco-editor .ksymns-inactive");
    const greyed = await page.$$eval(".monaco-editor .view-line:has(.ksymns-inactive)", (lines) => lines.map((l) => l.textContent ?? ""));
    expect(greyed.join("\n")).toContain("toy_missing_on_old");
    expect(greyed.join("\n")).not.toContain("TOY_CALL(get)");
    await shot(page, "preprocessed-inactive");
  });

  it("shows a macro's expansion and where it is defined on hover", async () => {
    const text = await hoverText(page, '.monaco-editor .view-line span:text-is("TOY_CALL")', "macro");
    expect(text).toContain("toy_get()");
    expect(text).toContain("calls.h:1");
    await shot(page, "preprocessed-macro-hover");
    await page.mouse.move(5, 400);
  });

  it("opens the workspace header at the macro's #define with Go to Definition", async () => {
    await page.click('.monaco-editor .view-line span:text-is("TOY_CALL")');
    await page.keyboard.press("F12");
    await page.waitForFunction(() => (window as unknown as TestWindow).ksymns.store.getState().activeFile === "calls.h");
  });
});
