// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the AssemblyScript value types of wasm/shared, for the types bundle
/// <reference path="../../wasm/shared/portable.d.ts" />
// ksymns as a library (`import { check, run } from "ksymns"`): check built modules against
// kernels, or run a workspace, under Node; the same engine and verdicts as the command line.

import { resolve } from "node:path";
import { MAX_FILE_BYTES } from "../../wasm/shared/codes";
import { createNodeEngine } from "../engine/hosts/node";
import type { Engine, RunOptions as EngineRunOptions, RunResult, WorkspaceFiles } from "../engine";
import { resolveKernels } from "./kernels";
import { InputError, readInput } from "./input";
import { allLoad, checkModules, type CheckReport, type ModuleInput } from "./verdicts";
import { importFixes, type ImportFix } from "./fixes";
import { SourceLocator } from "./sources";
import { formatReport as writeReport, type Format } from "./formats";
import type { Locate } from "./formats/annotations";
import { readWorkspaceDir } from "./workspace-dir";

import type { KernelInfo, ModuleReport, Verdict } from "./verdicts";
import type { Finding } from "../engine";

/** How run() runs a workspace (the engine's options, its test-only fault hooks left out). */
export type RunOptions = Omit<EngineRunOptions, "inject">;

export type { CheckReport, Finding, Format, ImportFix, KernelInfo, ModuleInput, ModuleReport, RunResult, Verdict, WorkspaceFiles };
export { InputError };

export interface CheckOptions {
  /** Built-in kernels: "debian-6.12", "all", a release ("6.1"); several, or comma-separated. */
  kernels?: string | string[];
  /** Module.symvers files, each one kernel (its .config beside it is used). */
  symvers?: string | string[];
  /** The .config of the one kernel checked. */
  config?: string;
  /** The modules' C sources: formatReport() points findings at their lines. */
  sourceRoot?: string;
  /** Where relative paths start (default: process.cwd()). */
  cwd?: string;
}

/** A check's report, the import fixes and whether everything loads. */
export interface CheckResult extends CheckReport {
  fixes: ImportFix[];
  /** Every module loads on every kernel (the command's exit status 0). */
  loads: boolean;
}

// where each result's findings are in its sources (check() with sourceRoot)
const locators = new WeakMap<CheckResult, Locate>();

let shared: Promise<Engine> | null = null;
function engine(): Promise<Engine> {
  shared ??= createNodeEngine();
  return shared;
}

const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Checks modules (paths, or { path, bytes }) against kernels, as `ksymns check` does.
 *  Throws an InputError (naming the file) when an input cannot be used. */
export async function check(modules: (string | ModuleInput)[], options: CheckOptions = {}): Promise<CheckResult> {
  const cwd = options.cwd ?? process.cwd();
  const e = await engine();
  const targets = await resolveKernels(e, { kernels: list(options.kernels), symvers: list(options.symvers), config: options.config }, cwd);
  const inputs: ModuleInput[] = [];
  for (const m of modules) inputs.push(typeof m === "string" ? { path: m, bytes: await readInput(resolve(cwd, m), m, MAX_FILE_BYTES) } : m);
  if (inputs.length === 0) throw new InputError("which modules?");
  const report = await checkModules(e, inputs, targets);
  const result: CheckResult = { ...report, fixes: await importFixes(e, report), loads: allLoad(report) };
  if (options.sourceRoot) {
    const locator = await SourceLocator.open(e, options.sourceRoot, cwd);
    locators.set(result, (label, module, f) => {
      const t = targets.find((x) => x.label === label);
      return t ? locator.locate(t, module, f) : Promise.resolve(null);
    });
  }
  return result;
}

/** The result of check() as `ksymns check --format FORMAT` prints it (with the source
 *  locations of its sourceRoot). */
export async function formatReport(result: CheckResult, format: Format): Promise<string> {
  const { fixes, loads: _loads, ...report } = result;
  return (await writeReport(report, format, fixes, locators.get(result))).stdout;
}

/** Runs a workspace (a folder's path, or files by name) as `ksymns run` does. */
export async function run(workspace: string | WorkspaceFiles, options: RunOptions = {}): Promise<RunResult> {
  const files = typeof workspace === "string" ? (await readWorkspaceDir(resolve(workspace), options.kernel)).files : workspace;
  const { kernel, relaxed, profile, config } = options;
  return (await engine()).run(files, { kernel, relaxed, profile, config });
}
