// A VitePress site whose page uses ksymns/markdown-it (test/sites/vitepress), built once and
// served from one port with the playground from another, in Debian's Chromium: Vue neither
// drops the files nor reads the braces in the C code; the element runs and reports the
// namespace message; the code reads with JavaScript off.

import type { Server } from "node:http";
import { join, resolve } from "node:path";
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import type { PreviewServer } from "vite";
import { launchChromium, serveSite } from "../support/server";
import { serveHostPages } from "../support/hostpage";
import { NOT_IMPORTED, SITE_FILES, filesOfLink, liveResult, run, withoutJs } from "./docsite";
import { SHOTS } from "./support";

const OUT = resolve(".cache/sites/vitepress");
let browser: Browser;
let site: PreviewServer;
let url: string;
let host: Server;
let origin: string;

beforeAll(async () => {
  ({ server: site, url } = await serveSite());
  rmSync(OUT, { recursive: true, force: true });
  await run(process.execPath, [resolve("node_modules/vitepress/bin/vitepress.js"), "build", "test/sites/vitepress", "--outDir", OUT], {
    env: { KSYMNS_PLAYGROUND: url },
  });
  ({ server: host, origin } = await serveHostPages({}, { at: "/", dir: OUT }));
  browser = await launchChromium();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await site?.close();
  host?.close();
});

describe("a VitePress site using ksymns/markdown-it", () => {
  it("shows the live element, which reports the namespace message as its result", async () => {
    const { page, messages } = await liveResult(browser, `${origin}/index.html`, join(SHOTS, "vitepress-live.png"));
    expect(messages).toContainEqual(expect.stringContaining(NOT_IMPORTED));
    // what the element was given is the block's text, braces and tabs included
    const files = await page.evaluate(() =>
      (document.querySelector("ksymns-playground") as HTMLElement & { getState(): Promise<{ files: Record<string, string> }> }).getState().then((s) => s.files),
    );
    expect(Object.keys(files)).toEqual(SITE_FILES);
    expect(files["user.c"]).toContain("\tstruct { int a[1]; } s = {{ 42 }};\n");
    await page.context().close();
  });

  it("reads without JavaScript: the files as code and a link that opens them in the playground", async () => {
    const { code, link } = await withoutJs(browser, `${origin}/index.html`, ".ksymns-file", "figcaption", join(SHOTS, "vitepress-nojs.png"));
    expect(Object.keys(code)).toEqual(SITE_FILES);
    expect(code["user.c"]).toContain("s = {{ 42 }};");
    expect(link!.startsWith(`${url}index.html#v1/`)).toBe(true);
    expect(filesOfLink(link!)["user.c"]).toContain("\tstruct { int a[1]; } s = {{ 42 }};\n");
  });
});
