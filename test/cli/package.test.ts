// The package as a user gets it: `npm pack` of the project (its bundle, types, engine and
// kernel tables), installed from the tarball into empty prefixes with npm --offline and an
// empty cache (so nothing may need a download), then `ksymns check` run from the global
// install and `import { check, run } from "ksymns"` (with its types) from a project; and the
// GitHub Action (action.yml), its steps run as the runner runs a composite action's, with
// that tarball as the package.

import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
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
  return execFileSync("npm", [...args, "--no-audit", "--no-fund", "--cache", join(work, "empty-cache")], {
    cwd,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "ksymns-pack-"));
  // the engine and the bundle are built by npm test (and test/support/build-cli.ts); the
  // types here; the same steps as the package's prepare script, which npm pack would run
  execFileSync("npm", ["run", "--silent", "build:types"], { cwd: ROOT, stdio: "ignore" });
  const packed = JSON.parse(execFileSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", work], { cwd: ROOT, encoding: "utf8" }))[0];
  tarball = join(work, packed.filename);
  files = packed.files.map((f: { path: string }) => f.path);
  writeFileSync(
    join(work, "forgot-ns.ko"),
    makeKo({ uses: ["dma_buf_get"], modinfo: ["license=GPL", "name=forgot_ns", "vermagic=6.12.118+deb12-amd64 SMP preempt mod_unload modversions "] }),
  );
}, 300_000);

describe("npm pack", () => {
  it("holds only what runs: the bundle and its types, the engine, the kernel tables, the presets, the documentation plugins", () => {
    expect(files).toContain("dist/cli/ksymns.mjs");
    expect(files).toContain("dist/cli/index.mjs");
    expect(files).toContain("dist/cli/index.d.ts");
    expect(files).toContain("wasm/build/ksymns.wasm");
    expect(files).toContain("public/kernels/debian-6.12.118+deb12-amd64.Module.symvers.gz");
    expect(files).toContain("src/presets/usb-storage-namespace/preset.json");
    expect(files).toContain("dist/integrations/markdown-it.mjs");
    expect(files).toContain("dist/integrations/remark.mjs");
    const plugin = /^(dist\/integrations\/[\w-]+\.mjs|integrations\/[\w-]+\.d\.ts)$/;
    for (const f of files)
      expect(f).toMatch(
        new RegExp(
          `^(dist\\/cli\\/[^/]+\\.(mjs|d\\.ts)|wasm\\/build\\/ksymns\\.wasm|public\\/kernels\\/[^/]+\\.gz|src\\/presets\\/[\\w.-]+\\/[^/]+|package\\.json|README\\.md)$|${plugin.source}`,
        ),
      );
    expect(files.some((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))).toBe(false);
  });

  it("installs globally offline with no dependency, and its ksymns checks a module", () => {
    const prefix = join(work, "global");
    npm(["install", "-g", "--offline", "--prefix", prefix, tarball], work);
    expect(readdirSync(join(prefix, "lib/node_modules"))).toEqual(["ksymns"]);
    expect(existsSync(join(prefix, "lib/node_modules/ksymns/node_modules"))).toBe(false);
    const r = spawnSync(join(prefix, "bin/ksymns"), ["check", "--kernel", "debian-6.12", "forgot-ns.ko"], { cwd: work, encoding: "utf8" });
    const out = r.stdout;
    const code = r.status;
    expect(code).toBe(1);
    expect(out).toContain("forgot-ns.ko: forgot_ns on 6.12 (6.12.118+deb12-amd64): would not load");
    expect(out).toContain("<3>forgot_ns: module uses symbol (dma_buf_get) from namespace DMA_BUF, but does not import it.");
  });

  it('serves import { check, run } from "ksymns" to a project, with types', () => {
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
    execFileSync(
      TSC,
      [
        "--noEmit",
        "--strict",
        "--module",
        "nodenext",
        "--moduleResolution",
        "nodenext",
        "--target",
        "es2022",
        "--types",
        "node",
        "--typeRoots",
        join(ROOT, "node_modules/@types"),
        "use.ts",
      ],
      { cwd: project },
    );
    writeFileSync(join(project, "use.mjs"), source.replace(", type CheckResult", "").replace("const r: CheckResult", "const r"));
    const got = JSON.parse(execFileSync(process.execPath, ["use.mjs"], { cwd: project, encoding: "utf8" }));
    // the documentation plugins resolve from the same package
    const plugins = execFileSync(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        'const a = await import("ksymns/markdown-it"); const b = await import("ksymns/remark"); console.log(typeof a.default, typeof b.default);',
      ],
      { cwd: project, encoding: "utf8" },
    );
    expect(plugins.trim()).toBe("function function");
    expect(got).toEqual({
      loads: false,
      kernels: ["debian-6.12", "debian-7.3"],
      fixes: ["#if LINUX_VERSION_CODE >= KERNEL_VERSION(6,13,0)", 'MODULE_IMPORT_NS("DMA_BUF");', "#else", "MODULE_IMPORT_NS(DMA_BUF);", "#endif"],
      junit: true,
      release: "6.1.0-57-amd64",
    });
  });
});

interface ActionStep {
  name: string;
  id?: string;
  shell: string;
  env?: Record<string, string>;
  run: string;
}

/** Runs action.yml's steps as the runner does: inputs (defaults filled in) in the steps' env
 *  expressions, RUNNER_TEMP, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY set, bash -e per step;
 *  stops at the first step that fails. npm is kept offline through its environment. */
function runAction(inputs: Record<string, string>, cwd: string): { code: number; stdout: string; outputs: Record<string, string>; summary: string } {
  const action = parseYaml(readFileSync(join(ROOT, "action.yml"), "utf8")) as {
    inputs: Record<string, { default?: string; required?: boolean }>;
    runs: { using: string; steps: ActionStep[] };
  };
  expect(action.runs.using).toBe("composite");
  const values: Record<string, string> = {};
  for (const [name, spec] of Object.entries(action.inputs)) values[name] = inputs[name] ?? spec.default ?? "";
  const runner = mkdtempSync(join(tmpdir(), "ksymns-runner-"));
  const outputFile = join(runner, "output");
  const summaryFile = join(runner, "summary");
  writeFileSync(outputFile, "");
  writeFileSync(summaryFile, "");
  const expand = (s: string): string =>
    s.replace(/\$\{\{\s*([\w.-]+)\s*\}\}/g, (_, expr: string) => {
      if (expr.startsWith("inputs.")) return values[expr.slice(7)];
      if (expr === "github.action_path") return ROOT;
      throw new Error(`action.yml: unknown expression ${expr}`);
    });
  let stdout = "";
  let code = 0;
  for (const step of action.runs.steps) {
    expect(step.shell).toBe("bash");
    expect(step.run).not.toMatch(/\$\{\{/);
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      CI: "true",
      GITHUB_ACTIONS: "true",
      GITHUB_WORKSPACE: cwd,
      GITHUB_ACTION_PATH: ROOT,
      RUNNER_TEMP: runner,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      npm_config_offline: "true",
      npm_config_cache: join(work, "empty-cache"),
    };
    for (const [k, v] of Object.entries(step.env ?? {})) env[k] = expand(v);
    try {
      stdout += execFileSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", step.run], {
        cwd,
        env,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
      });
    } catch (err) {
      const e = err as { stdout: string; status: number };
      stdout += e.stdout;
      code = e.status;
      break;
    }
  }
  const outputs = Object.fromEntries(
    readFileSync(outputFile, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]),
  );
  return { code, stdout, outputs, summary: readFileSync(summaryFile, "utf8") };
}

describe("the GitHub Action", () => {
  it("runs the packaged CLI on a module with a missing import and leaves annotations, outputs and the matrix", () => {
    const repo = join(work, "repo");
    mkdirSync(join(repo, "build"), { recursive: true });
    copyFileSync(join(work, "forgot-ns.ko"), join(repo, "build/forgot-ns.ko"));
    const r = runAction({ modules: "build/*.ko", package: tarball }, repo);
    expect(r.code).toBe(1);
    expect(r.outputs["exit-code"]).toBe("1");
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines).toContain(
      "::error file=build/forgot-ns.ko,title=LOAD_NS_NOT_IMPORTED (debian-6.12)::forgot_ns: module uses symbol (dma_buf_get) from namespace DMA_BUF, but does not import it.",
    );
    expect(lines.filter((l) => l.startsWith("::error ")).length).toBeGreaterThanOrEqual(3);
    for (const l of lines) expect(l).toMatch(/^::(error|warning|notice) file=build\/forgot-ns\.ko,title=[A-Z_]+ \(debian-[\d.]+(%2C debian-[\d.]+)*\)::/);
    expect(r.summary).toContain("module              debian-6.1         debian-6.12                       debian-7.3\n");
    expect(r.summary).toContain("build/forgot-ns.ko  no: LOAD_VERMAGIC  no: LOAD_NS_NOT_IMPORTED DMA_BUF  no: LOAD_VERMAGIC\n");
  });

  it("writes SARIF to a file and says where", () => {
    const repo = join(work, "repo");
    const r = runAction({ modules: "build/forgot-ns.ko", kernels: "debian-6.12", format: "sarif", output: "ksymns.sarif", package: tarball }, repo);
    expect(r.code).toBe(1);
    expect(r.outputs.report).toBe("ksymns.sarif");
    const log = JSON.parse(readFileSync(join(repo, "ksymns.sarif"), "utf8"));
    expect(log.version).toBe("2.1.0");
    expect(log.runs[0].results.some((x: { ruleId: string }) => x.ruleId === "LOAD_NS_NOT_IMPORTED")).toBe(true);
  });

  it("fails with exit code 2 when no module matches", () => {
    const r = runAction({ modules: "nothing/*.ko", package: tarball }, join(work, "repo"));
    expect(r.code).toBe(2);
    expect(r.stdout).toContain("::error title=ksymns::no module matches nothing/*.ko");
  });

  it("installs the version of ksymns this repository is", () => {
    const action = parseYaml(readFileSync(join(ROOT, "action.yml"), "utf8"));
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
    expect(action.inputs.package.default).toBe(`${pkg.name}@${pkg.version}`);
  });
});
