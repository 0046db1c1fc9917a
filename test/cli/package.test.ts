// The package as a user gets it: `npm pack` of the project (its bundle, types, engine and
// kernel tables), installed from the tarball into empty prefixes with npm --offline and an
// empty cache (so nothing may need a download), then `ksymns check` run from the global
// install and `import { check, run } from "ksymns"` (with its types) from a project.

import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { makeKo } from "../support/ko-fixture";

const ROOT = new URL("../../", import.meta.url).pathname;
const TSC = join(ROOT, "node_modules/.bin/tsc");
let work = "";
let tarball = "";
let files: string[] = [];

function npm(args: string[], cwd: string): string {
  return execFileSync("npm", [...args, "--no-audit", "--no-fund", "--cache", join(work, "empty-cache")], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "ksymns-pack-"));
  // the engine and the bundle are built by npm test (and test/support/build-cli.ts); the
  // types here; the same steps as the package's prepare script, which npm pack would run
  execFileSync("npm", ["run", "--silent", "build:types"], { cwd: ROOT, stdio: "ignore" });
  const packed = JSON.parse(execFileSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", work], { cwd: ROOT, encoding: "utf8" }))[0];
  tarball = join(work, packed.filename);
  files = packed.files.map((f: { path: string }) => f.path);
  writeFileSync(join(work, "forgot-ns.ko"), makeKo({ uses: ["dma_buf_get"], modinfo: ["license=GPL", "name=forgot_ns", "vermagic=6.12.117+deb12-amd64 SMP preempt mod_unload modversions "] }));
}, 300_000);

describe("npm pack", () => {
  it("holds only what runs: the bundle and its types, the engine, the kernel tables, the presets", () => {
    expect(files).toContain("dist/cli/ksymns.mjs");
    expect(files).toContain("dist/cli/index.mjs");
    expect(files).toContain("dist/cli/index.d.ts");
    expect(files).toContain("wasm/build/ksymns.wasm");
    expect(files).toContain("public/kernels/debian-6.12.113-amd64.Module.symvers.gz");
    expect(files).toContain("src/presets/usb-storage-namespace/preset.json");
    for (const f of files) expect(f).toMatch(/^(dist\/cli\/[^/]+\.(mjs|d\.ts)|wasm\/build\/ksymns\.wasm|public\/kernels\/[^/]+\.gz|src\/presets\/[\w.-]+\/[^/]+|package\.json|README\.md)$/);
    expect(files.some((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))).toBe(false);
  });

  it("installs globally offline with no dependency, and its ksymns checks a module", () => {
    const prefix = join(work, "global");
    npm(["install", "-g", "--offline", "--prefix", prefix, tarball], work);
    expect(readdirSync(join(prefix, "lib/node_modules"))).toEqual(["ksymns"]);
    expect(existsSync(join(prefix, "lib/node_modules/ksymns/node_modules"))).toBe(false);
    let out = "";
    let code = 0;
    try {
      out = execFileSync(join(prefix, "bin/ksymns"), ["check", "--kernel", "debian-6.12", "forgot-ns.ko"], { cwd: work, encoding: "utf8" });
    } catch (err) {
      ({ stdout: out, status: code } = err as { stdout: string; status: number });
    }
    expect(code).toBe(1);
    expect(out).toContain("forgot-ns.ko: forgot_ns on 6.12 (6.12.117+deb12-amd64): would not load");
    expect(out).toContain("<3>forgot_ns: module uses symbol (dma_buf_get) from namespace DMA_BUF, but does not import it.");
  });

  it("serves import { check, run } from \"ksymns\" to a project, with types", () => {
    const project = join(work, "project");
    execFileSync("mkdir", ["-p", project]);
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "uses-ksymns", private: true, type: "module" }));
    npm(["install", "--offline", tarball], project);
    copyFileSync(join(work, "forgot-ns.ko"), join(project, "forgot-ns.ko"));
    const source = [
      'import { check, formatReport, run, type CheckResult } from "ksymns";',
      'const r: CheckResult = await check(["forgot-ns.ko"], { kernels: "debian-6.12,debian-7.3" });',
      'const w = await run({ "a.c": "MODULE_LICENSE(\\"GPL\\");\\n" }, { kernel: "6.1" });',
      'console.log(JSON.stringify({ loads: r.loads, kernels: r.kernels.map((k) => k.label), fixes: r.fixes[0]?.lines, junit: (await formatReport(r, "junit")).startsWith("<?xml"), release: w.kernel.release }));',
    ].join("\n");
    writeFileSync(join(project, "use.ts"), source);
    execFileSync(TSC, ["--noEmit", "--strict", "--module", "nodenext", "--moduleResolution", "nodenext", "--target", "es2022", "--types", "node", "--typeRoots", join(ROOT, "node_modules/@types"), "use.ts"], { cwd: project });
    writeFileSync(join(project, "use.mjs"), source.replace(", type CheckResult", "").replace("const r: CheckResult", "const r"));
    const got = JSON.parse(execFileSync(process.execPath, ["use.mjs"], { cwd: project, encoding: "utf8" }));
    expect(got).toEqual({ loads: false, kernels: ["debian-6.12", "debian-7.3"], fixes: ["#if LINUX_VERSION_CODE >= KERNEL_VERSION(6,13,0)", 'MODULE_IMPORT_NS("DMA_BUF");', "#else", "MODULE_IMPORT_NS(DMA_BUF);", "#endif"], junit: true, release: "6.1.0-56-amd64" });
  });
});
