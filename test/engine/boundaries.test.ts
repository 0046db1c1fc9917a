// The house rule behind "kernel knowledge only in the engine": no file of the page, the
// store or the CLI names a kernel release or reads a .config itself; they ask wasm/shared or
// the engine. Presets (real cases pinned to their release) and syntax highlighting (which
// colours text and decides nothing) are the stated exceptions.

import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../..");
const EXEMPT = [/^src\/presets\//, /^src\/editor\/languages\//];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.(ts|js)$/.test(e.name) ? [p] : [];
  });
}

/** The file's code with comments removed (strings kept: they are what would decide). */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");
}

/** The string literals of one line of code. */
function stringsOf(line: string): string[] {
  return [...line.matchAll(/"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|`((?:[^`\\]|\\.)*)`/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}

/** "6.12", "on 5.4 to 7.3", "Debian 6.1": a release as text (SVG path data is not). */
function namesRelease(s: string): boolean {
  return !/^M[\d.-]/.test(s) && /(?<![\w.-])[5-7]\.(?:1?\d)(?![\d.])/.test(s);
}

const files = sources(join(ROOT, "src"))
  .map((p) => relative(ROOT, p).replaceAll("\\", "/"))
  .filter((p) => !EXEMPT.some((re) => re.test(p)));

describe("the host outside wasm/", () => {
  it("names no kernel release in its code", () => {
    const found = files.flatMap((f) =>
      code(readFileSync(join(ROOT, f), "utf8"))
        .split("\n")
        .flatMap((line, i) => (stringsOf(line).some(namesRelease) ? [`${f}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(found).toEqual([]);
  });

  it("parses no .config header itself", () => {
    const found = files.filter((f) => /Kernel Configuration|Linux\\?\//.test(code(readFileSync(join(ROOT, f), "utf8"))));
    expect(found).toEqual([]);
  });
});
