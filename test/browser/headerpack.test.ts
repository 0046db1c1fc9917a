// A kernel's header pack in the playground (issue 13), with no network: a tiny pack made here
// by the code `ksymns headers` packs Debian's with (kbuild's forced includes, a module.h, and a
// header whose static inline function calls an extern one) is served as headers/<profile>/ of
// a copy of the built site. The page answers first with the built-in prelude, stays usable
// while the pack's chunks are held back, then answers with the pack; the service worker keeps
// the chunks, so a reload works while the header route fails.

import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium } from "../support/server";
import { serveHostPages } from "../support/hostpage";
import { fillServiceWorker } from "../../src/site/plugin";
import { buildPack, stripComments } from "../../src/cli/headerpack";
import { defaultSnapshot, encodeLink } from "../../src/store";
import type { RunResult } from "../../src/engine";
import { profileNameFor } from "../../wasm/shared/debian";
import { DEFAULT_RELEASE } from "../../wasm/shared/releases";
import { fileText, shot, waitForVerdict, type TestWindow } from "./support";

const PROFILE = profileNameFor(DEFAULT_RELEASE);

/** The kernel tree of the pack, as Debian's headers spell such files. */
const TREE: Record<string, string> = {
  "include/linux/compiler-version.h": "/* gcc's version, for kbuild's -include */\n#define KSYMNS_TEST_COMPILER_VERSION 1\n",
  "include/linux/kconfig.h":
    "#ifndef __LINUX_KCONFIG_H\n#define __LINUX_KCONFIG_H\n#include <generated/autoconf.h>\n#define IS_ENABLED(option) (defined(option) || defined(option##_MODULE))\n#endif\n",
  "include/linux/compiler_types.h":
    "#ifndef __LINUX_COMPILER_TYPES_H\n#define __LINUX_COMPILER_TYPES_H\n#define __section(s) __attribute__((__section__(s)))\n#define __used __attribute__((__used__))\n#endif\n",
  "include/linux/module.h": [
    "#ifndef _LINUX_MODULE_H",
    "#define _LINUX_MODULE_H",
    "#include <linux/packdemo.h>",
    '#define __MODULE_INFO(tag, name, info) static const char name[] __used __section(".modinfo") __attribute__((aligned(1))) = #tag "=" info',
    "#define MODULE_LICENSE(_license) __MODULE_INFO(license, __UNIQUE_ID_license, _license)",
    "#endif",
    "",
  ].join("\n"),
  "include/linux/packdemo.h":
    "/*\n * packdemo_poke() is all a driver writes;\n * only the object file names packdemo_real.\n */\nextern void packdemo_real(int);\nstatic inline void packdemo_poke(int x) { packdemo_real(x + 1); }\n",
};

const DRIVER = '#include <linux/module.h>\n\nint drv_poke(int v)\n{\n\tpackdemo_poke(v);\n\treturn 0;\n}\nMODULE_LICENSE("GPL");\n';
/** What modpost says once the pack is read: the inline function's call reached the object. */
const PACK_VERDICT = 'ERROR: modpost: "packdemo_real" [<M>/drv.ko] undefined!';

function packLink(): string {
  const s = defaultSnapshot();
  s.files = [{ name: "drv.c", content: DRIVER }, { name: "load", content: "insmod drv.ko\n" }, ...s.files.filter((f) => f.name === ".config")];
  s.view = { file: "drv.c", tab: "problems" };
  return encodeLink(s);
}

/** The route headers/ of the site: served, chunks held until released, or failing. */
interface HeaderRoute {
  mode: "serve" | "fail";
  release(): void;
  held: Promise<void>;
  requests: string[];
}

let browser: Browser;
let dir: string;
let server: Server;
let origin: string;
const route: HeaderRoute = { mode: "serve", release: () => undefined, held: Promise.resolve(), requests: [] };

function holdChunks(): void {
  route.held = new Promise((resolve) => (route.release = resolve));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "ksymns-headerpack-"));
  const site = join(dir, "site");
  cpSync("dist", site, { recursive: true });
  // a site built with public/headers/ (npm run headers) must not answer for the fixture
  rmSync(join(site, "headers"), { recursive: true, force: true });
  writeFileSync(join(site, "sw.js"), readFileSync("public/sw.js"));
  fillServiceWorker(site);
  const pack = join(dir, "pack");
  mkdirSync(pack);
  const files = new Map(Object.entries(TREE).map(([p, t]) => [p, stripComments(t)]));
  const { index, chunks } = buildPack(files, { profile: PROFILE, release: PROFILE.replace(/^debian-/, ""), packages: [] });
  for (const [name, bytes] of chunks) writeFileSync(join(pack, name), bytes);
  writeFileSync(join(pack, "index.json"), JSON.stringify(index));
  const prefix = `/ksymns/headers/${PROFILE}/`;
  ({ server, origin } = await serveHostPages({}, { at: "/ksymns/", dir: site }, async (path, req, res) => {
    if (!path.startsWith("/ksymns/headers/")) return false;
    route.requests.push(path);
    if (route.mode === "fail") {
      req.socket.destroy();
      return true;
    }
    const name = path.slice(prefix.length);
    if (!path.startsWith(prefix) || !/^(index\.json|c\d+-[0-9a-f]{8}\.gz)$/.test(name)) {
      res.writeHead(404).end("not found");
      return true;
    }
    if (name.endsWith(".gz")) await route.held;
    res.writeHead(200, { "Content-Type": name.endsWith(".json") ? "application/json" : "application/gzip" }).end(readFileSync(join(pack, name)));
    return true;
  }));
  browser = await launchChromium();
});

afterAll(async () => {
  route.release();
  await browser?.close();
  server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The result the page shows. */
function result(page: Page): Promise<Pick<RunResult, "kernel" | "transcript"> & { uses: string[] }> {
  return page.evaluate(() => {
    const r = (window as unknown as TestWindow).ksymns.store.getState().result!;
    return { kernel: r.kernel, transcript: r.transcript, uses: r.model.modules.flatMap((m) => m.uses.map((u) => u.symbol)) };
  });
}

describe("a header pack in the playground", () => {
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 1360, height: 820 } });
    page = await context.newPage();
    page.on("pageerror", (e) => errors.push(e.message));
  });
  afterAll(async () => {
    expect(errors).toEqual([]);
    await context.close();
  });

  it("answers with the built-in prelude first, stays usable while the pack loads, then answers with the pack", async () => {
    holdChunks();
    await page.goto(`${origin}/ksymns/#${packLink()}`);
    await page.waitForSelector("body[data-ready=true]", { timeout: 30_000 });
    // the prelude's answer: the pack's index came, its chunks did not
    const first = await result(page);
    expect(first.kernel.headers?.pack).toBe(PROFILE);
    expect(first.kernel.headers?.units).toBe(0);
    expect(first.kernel.headers?.needed.length).toBeGreaterThan(0);
    expect(first.uses).not.toContain("packdemo_real");
    expect(first.transcript).not.toContain(PACK_VERDICT);
    expect(route.requests.some((p) => p.endsWith(".gz"))).toBe(true);

    // meanwhile the editor takes keys, edits are answered and the result tabs switch
    await page.locator(".monaco-editor .view-line", { hasText: "return 0;" }).click();
    await page.keyboard.press("End");
    await page.keyboard.type(" /* typed while the pack loads */");
    await page.waitForFunction(() =>
      ((window as unknown as TestWindow).ksymns.store.getState().files.find((f) => f.name === "drv.c")?.content as string).includes("typed while"),
    );
    // the edit is answered at once, still with the prelude
    await page.waitForFunction(() => {
      const s = (window as unknown as TestWindow).ksymns.store.getState();
      return s.resultFiles === s.files;
    });
    expect((await result(page)).kernel.headers?.units).toBe(0);
    await page.click("#tab-kernel");
    expect(await page.textContent(".kernel-log")).toContain("insmod drv.ko");
    await page.click("#tab-problems");
    await shot(page, "headerpack-loading");

    route.release();
    await waitForVerdict(page, PACK_VERDICT, 30_000);
    const packed = await result(page);
    expect(packed.kernel.headers).toEqual({ pack: PROFILE, units: 1, needed: [] });
    expect(packed.uses).toContain("packdemo_real");
    expect(packed.uses).not.toContain("packdemo_poke");
    expect(await fileText(page, "drv.c")).toContain("typed while the pack loads");
    await shot(page, "headerpack-loaded");
  }, 120_000);

  it("keeps the pack's chunks in the service worker: a reload answers with the pack while the header route fails", async () => {
    await page.waitForFunction(() => !!navigator.serviceWorker.controller, undefined, { timeout: 30_000 });
    await page.waitForSelector("html[data-offline=ready]", { timeout: 30_000 });
    // every chunk and the index are in the cache (late resources are handed over in a batch)
    const chunks = [...new Set(route.requests.filter((p) => p.endsWith(".gz")))];
    expect(chunks.length).toBeGreaterThan(0);
    await page.waitForFunction(
      ([profile, wanted]) =>
        caches.keys().then(async (keys) => {
          const cache = await caches.open(keys[0]);
          const urls = (await cache.keys()).map((r) => new URL(r.url).pathname);
          return urls.some((u) => u.endsWith(`/headers/${profile}/index.json`)) && wanted.every((c) => urls.some((u) => u.endsWith(c)));
        }),
      [PROFILE, chunks] as const,
      { timeout: 30_000 },
    );
    route.mode = "fail";
    const before = route.requests.length;
    await page.reload();
    await page.waitForSelector("body[data-ready=true]", { timeout: 30_000 });
    await waitForVerdict(page, PACK_VERDICT, 30_000);
    expect((await result(page)).kernel.headers?.units).toBe(1);
    // the index was asked of the network (and failed); no chunk was
    expect(route.requests.slice(before).every((p) => p.endsWith("/index.json"))).toBe(true);
  }, 120_000);
});
