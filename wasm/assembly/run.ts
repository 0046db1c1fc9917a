// One run of a workspace, as a pipeline of phases (pipeline/): choose the kernel, sort the
// files, read Kbuild and the sources, read the .ko files, layer the export tables, build
// (compiler and modpost), install the modules, boot, and replay the `load` session.

import { Finding } from "./diagnostics";
import { Export, KoImage } from "./model";
import { DEFAULT_RELEASE, Rules } from "./kernel/versions";
import { KernelConfig } from "./source/config";
import { Profile } from "./kernel/profile";
import { Workspace, WorkspaceFile } from "./workspace";
import { BuildOptions, BuildResult, BuildUnit, runBuild } from "./sim/build";
import { LoadedModule } from "./sim/session";
import { CommandResult } from "./sim/tools";
import { RunOptions } from "./pipeline/options";
import { chooseKernel } from "./pipeline/kernel";
import { sortInputs } from "./pipeline/inputs";
import { kbuildContext, readUnits } from "./pipeline/units";
import { checkModuleFiles, readModuleFiles } from "./pipeline/kofiles";
import { layerTables } from "./pipeline/tables";
import { bootSession, installModules } from "./pipeline/install";
import { loaderConfig, loadScriptOf, replay } from "./pipeline/replay";
import { namesConfig, needsTable } from "./pipeline/tableneed";

export class RunResult {
  release: i32 = DEFAULT_RELEASE;
  releaseText: string = "";
  config: KernelConfig = new KernelConfig();
  /** The options of `config` the result shows (pipeline/kernel.ts). */
  configShown: string[] = [];
  relaxed: bool = false;
  findings: Finding[] = [];
  units: BuildUnit[] = [];
  build: BuildResult = new BuildResult();
  commands: CommandResult[] = [];
  modulesAtEnd: string[] = [];
  /** The loaded modules at the end, newest first. */
  loadedAtEnd: LoadedModule[] = [];
  profileName: string = "";
  profileExports: i32 = 0;
  /** The release whose table the profile is, when it stands for another one (else 0). */
  approximatedFrom: i32 = 0;
  taintAtBoot: i32 = 0;
  profileUsed: bool = false;
  /** vmlinux's core exports the run resolved without a kernel's table (kernel/core.ts). */
  core: Set<string> = new Set();
  /** The workspace's real .ko files, as the loader sees them. */
  kos: KoImage[] = [];
  /** Whether the base kernel's export table could change the answer (pipeline/tableneed.ts). */
  needsTable: bool = false;
  /** Whether a workspace file names a CONFIG_ option (the kernel's .config may then matter). */
  namesConfig: bool = false;
}

function addAll(into: Finding[], from: Finding[]): void {
  for (let i = 0; i < from.length; i++) into.push(from[i]);
}

/** Runs `ws` with `opt` on `profile` (the base kernel, or none). */
export function runWorkspace(ws: Workspace, opt: RunOptions, profile: Profile | null): RunResult {
  const res = new RunResult();
  addAll(res.findings, ws.findings);
  addAll(res.findings, opt.findings);
  const prof = opt.useProfile ? profile : null;

  const kernel = chooseKernel(ws, opt, prof);
  addAll(res.findings, kernel.findings);
  if (prof != null) {
    (prof as Profile).readAs(kernel.release);
    res.approximatedFrom = (prof as Profile).approximates(kernel.release);
  }
  const r = new Rules(kernel.release);
  res.release = kernel.release;
  res.releaseText = kernel.releaseText;
  res.config = kernel.config;
  res.configShown = kernel.shown;
  res.relaxed = opt.relaxed;

  const inputs = sortInputs(ws, opt);
  addAll(res.findings, inputs.findings);
  const units = readUnits(ws, inputs, kbuildContext(kernel.release, kernel.releaseText, kernel.config));
  addAll(res.findings, units.findings);
  res.units = units.list;
  res.kos = readModuleFiles(inputs.modules, r, opt, res.findings);

  const extra: Array<WorkspaceFile | null> = [];
  for (let i = 0; i < units.extraSymbols.length; i++) extra.push(ws.find(units.extraSymbols[i]));
  const tables = layerTables(res.units, res.kos, inputs.symvers, units.extraSymbols, extra, prof, r, prof == null && opt.coreVmlinux);
  addAll(res.findings, tables.findings);
  if (tables.core != null) {
    const names = (tables.core as Map<string, Export>).keys();
    for (let i = 0; i < names.length; i++) res.core.add(names[i]);
  }
  res.profileUsed = prof != null;
  if (prof != null) {
    res.profileName = (prof as Profile).name;
    res.profileExports = (prof as Profile).symvers.count;
  }

  const bopt = buildOptions(kernel.config, opt.relaxed);
  res.build = runBuild(res.units, tables.base, tables.hasVmlinux, tables.pinned, tables.repeated, r, bopt);
  addAll(res.findings, res.build.findings);
  addAll(res.findings, checkModuleFiles(res.kos, res.build, tables, r, bopt.allowMissingNsImports));

  const lcfg = loaderConfig(r, res.releaseText, kernel.config);
  const inst = installModules(res.units, res.build, res.kos, tables, res.releaseText, r, lcfg.vermagic);
  const session = bootSession(res.build, tables, inst);
  const script = loadScriptOf(inputs.load, res.units, res.build, res.kos);
  addAll(res.findings, script.findings);
  res.commands = replay(script, session, inst, r, lcfg, res.findings);
  res.modulesAtEnd = session.procModules();
  res.loadedAtEnd = session.modules;
  res.needsTable = needsTable(ws, res.units, res.build, res.kos, script, res.core);
  res.namesConfig = namesConfig(ws);
  return res;
}

function buildOptions(cfg: KernelConfig, relaxed: bool): BuildOptions {
  const b = new BuildOptions();
  b.modversions = cfg.isOn("MODVERSIONS");
  b.allowMissingNsImports = cfg.isOn("MODULE_ALLOW_MISSING_NAMESPACE_IMPORTS");
  b.relaxed = relaxed;
  return b;
}
