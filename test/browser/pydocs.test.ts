// Sphinx and MkDocs sites built with the Python package (integrations/sphinx) — Sphinx through
// `pip install ./integrations/sphinx` into a virtualenv over Debian's python3-sphinx — served
// from one port with the playground from another, in Debian's Chromium: the element runs and
// reports the namespace message, and the code reads with JavaScript off. Sphinx's LaTeX, epub
// and man output carry the code and an "Open in ksymns" link.

import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import type { PreviewServer } from "vite";
import { strFromU8, unzipSync } from "fflate";
import { launchChromium, serveSite } from "../support/server";
import { serveHostPages } from "../support/hostpage";
import { pythonFor } from "../support/python";
import { NOT_IMPORTED, SITE_FILES, filesOfLink, liveResult, run, withoutJs } from "./docsite";
import { SHOTS } from "./support";

const INSTALL = "apt-get install -y python3-sphinx python3-venv python3-wheel mkdocs python3-pymdownx";
const python = pythonFor("Sphinx and MkDocs site tests", ["sphinx", "venv", "ensurepip", "setuptools", "wheel", "mkdocs", "pymdownx.superfences"], INSTALL);

const CACHE = resolve(".cache");
const VENV = join(CACHE, "sphinx-venv");
const OUT = join(CACHE, "sites");
let browser: Browser;
let site: PreviewServer;
let url: string;
const hosts: Server[] = [];
const origins: Record<string, string> = {};

/** Builds the Sphinx project with `builder` into .cache/sites/sphinx-BUILDER. */
async function sphinx(builder: string, project = "test/sites/sphinx"): Promise<string> {
  const out = join(OUT, `sphinx-${builder}`);
  rmSync(out, { recursive: true, force: true });
  await run(join(VENV, "bin/python"), ["-m", "sphinx", "-q", "-E", "-b", builder, project, out], { env: { KSYMNS_PLAYGROUND: url } });
  return out;
}

beforeAll(async () => {
  if (!python) return;
  mkdirSync(OUT, { recursive: true });
  // the package installed as a reader would: pip, from a copy (pip builds in the source folder)
  if (!existsSync(join(VENV, "bin/python"))) await run(python, ["-m", "venv", "--system-site-packages", VENV]);
  const pkg = join(CACHE, "sphinx-package");
  rmSync(pkg, { recursive: true, force: true });
  cpSync("integrations/sphinx", pkg, { recursive: true, filter: (src) => !/(__pycache__|\.egg-info|\/build)$/.test(src) });
  await run(join(VENV, "bin/python"), [
    "-m",
    "pip",
    "install",
    "-q",
    "--no-index",
    "--no-deps",
    "--no-build-isolation",
    "--force-reinstall",
    "--disable-pip-version-check",
    pkg,
  ]);
  ({ server: site, url } = await serveSite());
  const html = await sphinx("html");
  const mkdocs = join(OUT, "mkdocs");
  await run(python, ["-m", "mkdocs", "build", "-q", "-f", "test/sites/mkdocs/mkdocs.yml", "-d", mkdocs], {
    env: { PYTHONPATH: resolve("integrations/sphinx"), KSYMNS_PLAYGROUND: url, KSYMNS_EMBED_JS: `${url}embed.js`, KSYMNS_EMBED_CSS: `${url}embed.css` },
  });
  for (const [name, dir] of [
    ["sphinx", html],
    ["mkdocs", mkdocs],
  ] as const) {
    const { server, origin } = await serveHostPages({}, { at: "/", dir });
    hosts.push(server);
    origins[name] = origin;
  }
  browser = await launchChromium();
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await site?.close();
  for (const h of hosts) h.close();
});

describe.skipIf(!python)("a Sphinx project using the ksymns directive", () => {
  it("shows the live element, which reports the namespace message as its result", async () => {
    const { page, messages } = await liveResult(browser, `${origins.sphinx}/index.html`, `${SHOTS}/sphinx-live.png`);
    expect(messages).toContainEqual(expect.stringContaining(NOT_IMPORTED));
    await page.context().close();
  });

  it("reads without JavaScript: the files as highlighted code and a link that opens them in the playground", async () => {
    const { code, link } = await withoutJs(browser, `${origins.sphinx}/index.html`, ".literal-block-wrapper", ".caption-text", `${SHOTS}/sphinx-nojs.png`);
    expect(Object.keys(code)).toEqual(SITE_FILES);
    expect(code["user.c"]).toContain('MODULE_LICENSE("GPL");');
    expect(code.load).toBe("insmod exporter.ko\ninsmod user.ko\n");
    expect(link!.startsWith(`${url}index.html#v1/`)).toBe(true);
    const files = filesOfLink(link!);
    expect(Object.keys(files)).toEqual(SITE_FILES);
    // docutils turns tabs into spaces before a directive sees its text
    expect((files["user.c"] as string).replace(/[ \t]+/g, " ")).toBe(code["user.c"].replace(/[ \t]+/g, " "));
  });

  it("writes the code blocks and an Open in ksymns link into LaTeX, epub and man output", async () => {
    const [latexDir, manDir, epubDir] = await Promise.all([sphinx("latex"), sphinx("man"), sphinx("epub")]);
    const latex = readFileSync(join(latexDir, "notes.tex"), "utf8");
    expect(latex.match(/\\begin\{sphinxVerbatim\}/g)).toHaveLength(3);
    expect(latex).toMatch(/\\sphinxhref\{https?:\/\/[^}]*index\.html\\#v1\/[A-Za-z0-9\\_-]+\}\{Open in ksymns\}/);
    expect(latex).not.toContain("ksymns-playground");
    const man = readFileSync(join(manDir, "ksymns-notes.7"), "utf8");
    expect(man).toContain("EXPORT_SYMBOL_NS_GPL(toy_get, TOY_NS);");
    expect(man).toMatch(/Open in ksymns: https?:\/\/\S*index\.html#v1\//);
    const book = unzipSync(
      readFileSync(
        join(
          epubDir,
          readdirSync(epubDir).find((f) => f.endsWith(".epub"))!,
        ),
      ),
    );
    const page = strFromU8(book["EPUB/index.xhtml"] ?? book["index.xhtml"] ?? Object.entries(book).find(([n]) => n.endsWith("index.xhtml"))![1]);
    expect(page).not.toContain("<ksymns-playground");
    expect(page.match(/class="literal-block-wrapper/g)).toHaveLength(3);
    expect(page).toMatch(/<a class="reference external" href="https?:\/\/[^"]*index\.html#v1\/[^"]+">Open in ksymns<\/a>/);
  });

  it("reports a mistake in a directive with the file and line, and builds the rest", async () => {
    const project = join(CACHE, "sphinx-broken");
    rmSync(project, { recursive: true, force: true });
    mkdirSync(project, { recursive: true });
    cpSync("test/sites/sphinx/conf.py", join(project, "conf.py"));
    writeFileSync(
      join(project, "index.rst"),
      "Broken\n======\n\n.. ksymns::\n   :view: wide\n\n   --- a.c\n   int x;\n\n.. ksymns::\n\n   --- a.c\n   int x;\n   --- a.c\n\nAfter.\n",
    );
    const log = await run(join(VENV, "bin/python"), ["-m", "sphinx", "-q", "-E", "-b", "html", project, join(project, "_build")]);
    expect(log).toMatch(/index\.rst:4: ERROR: ksymns flag view="wide" is not a value it takes/);
    expect(log).toMatch(/index\.rst:14: ERROR: the file a\.c appears twice/);
    expect(readFileSync(join(project, "_build/index.html"), "utf8")).toContain("After.");
  });
});

describe.skipIf(!python)("a MkDocs site using the ksymns fence (pymdownx.superfences)", () => {
  it("shows the live element, which reports the namespace message as its result", async () => {
    const { page, messages } = await liveResult(browser, `${origins.mkdocs}/index.html`, `${SHOTS}/mkdocs-live.png`);
    expect(messages).toContainEqual(expect.stringContaining(NOT_IMPORTED));
    await page.context().close();
  });

  it("reads without JavaScript, tabs and all", async () => {
    const { code, link } = await withoutJs(browser, `${origins.mkdocs}/index.html`, ".ksymns-file", "figcaption", `${SHOTS}/mkdocs-nojs.png`);
    expect(Object.keys(code)).toEqual(SITE_FILES);
    expect(code["user.c"]).toContain("\treturn toy_get() == 42 ? 0 : -1;");
    expect(filesOfLink(link!)["user.c"]).toBe(code["user.c"]);
  });
});
