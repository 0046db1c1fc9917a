// One run of a workspace: read every file, build (compiler and modpost), then replay the
// `load` session on a booted kernel of the chosen release and config.

import { Msg, Severity, Stage } from "../shared/codes";
import { Finding, Span } from "./diagnostics";
import { Export, KoImage } from "./model";
import { Workspace, WorkspaceFile } from "./workspace";
import { readToyC, ModuleSource, MacroArg, moduleNameOf } from "./source/toyc";
import { readKbuild, Kbuild } from "./source/kbuild";
import { readConfig, KernelConfig } from "./source/config";
import { readSymvers, Symvers } from "./source/symvers";
import { readLoadScript, LoadCommand, LoadScript, Tool } from "./source/loadscript";
import { looksBinary } from "./source/text";
import { DEFAULT_RELEASE, parseRelease, releaseName, Rules } from "./kernel/versions";
import { defaultConfig, releaseString } from "./kernel/defaults";
import { Profile } from "./kernel/profile";
import { BuildOptions, BuildResult, BuildUnit, runBuild } from "./sim/build";
import { LoaderConfig } from "./sim/loader";
import { Session } from "./sim/session";
import { CommandResult, Installed, runCommand } from "./sim/tools";

/** Options from the host: `key=value` lines (kernel=6.12, relaxed=1, CONFIG_X=y). */
export class RunOptions {
  kernel: string = "";
  relaxed: bool = false;
  useProfile: bool = true;
  config: Map<string, string> = new Map();
}

export function parseOptions(text: string): RunOptions {
  const o = new RunOptions();
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i].trim();
    const eq = l.indexOf("=");
    if (eq <= 0) continue;
    const k = l.substring(0, eq), v = l.substring(eq + 1);
    if (k == "kernel") o.kernel = v;
    else if (k == "relaxed") o.relaxed = v == "1" || v == "true";
    else if (k == "profile") o.useProfile = v != "none";
    else if (k.startsWith("CONFIG_")) o.config.set(k, v);
  }
  return o;
}

export class RunResult {
  release: i32 = DEFAULT_RELEASE;
  releaseText: string = "";
  config: KernelConfig = new KernelConfig();
  relaxed: bool = false;
  findings: Finding[] = [];
  units: BuildUnit[] = [];
  build: BuildResult = new BuildResult();
  commands: CommandResult[] = [];
  modulesAtEnd: string[] = [];
  taintAtBoot: i32 = 0;
  profileUsed: bool = false;
}

// Readers are pure: their results are kept while the input text stays the same.
const cSourceCache = new Map<string, ModuleSource>();
const symversCache = new Map<string, Symvers>();

function cachedToyC(file: string, text: string, def: MacroArg | null): ModuleSource {
  const key = file + "\u0000" + (def == null ? "" : (def as MacroArg).text) + "\u0000" + text;
  if (cSourceCache.has(key)) return cSourceCache.get(key);
  if (cSourceCache.size > 256) cSourceCache.clear();
  const m = readToyC(file, text, def);
  cSourceCache.set(key, m);
  return m;
}

function cachedSymvers(file: string, f: WorkspaceFile): Symvers {
  const text = f.text();
  if (symversCache.has(text)) return symversCache.get(text);
  if (symversCache.size > 4) symversCache.clear();
  const s = readSymvers(file, f.bytes);
  symversCache.set(text, s);
  return s;
}

function addAll(into: Finding[], from: Finding[]): void { for (let i = 0; i < from.length; i++) into.push(from[i]); }

export function runWorkspace(ws: Workspace, opt: RunOptions, profile: Profile | null): RunResult {
  const res = new RunResult();
  addAll(res.findings, ws.findings);

  // kernel release: the option, else the .config header, else the default
  const cfgFile = ws.find(".config");
  const fileCfg = new KernelConfig();
  if (cfgFile != null) readConfig(".config", (cfgFile as WorkspaceFile).text(), fileCfg);
  let v = DEFAULT_RELEASE;
  if (opt.kernel.length > 0) {
    const pv = parseRelease(opt.kernel);
    if (pv == 0) res.findings.push(new Finding(Stage.Read, Severity.Error, Msg.READ_UNKNOWN_KERNEL,
      "kernel '" + opt.kernel + "' is not a release ksymns knows (5.4 to 7.3); using " + releaseName(v), Span.none()));
    else v = pv;
  } else if (fileCfg.release != 0) v = fileCfg.release;
  const r = new Rules(v);
  res.release = v;
  res.releaseText = fileCfg.release == v && fileCfg.releaseText.split(".").length > 2 ? fileCfg.releaseText : releaseString(v);
  const cfg = defaultConfig(r);
  const fk = fileCfg.values.keys();
  for (let i = 0; i < fk.length; i++) cfg.values.set(fk[i], fileCfg.values.get(fk[i]));
  const ok = opt.config.keys();
  for (let i = 0; i < ok.length; i++) cfg.values.set(ok[i], opt.config.get(ok[i]));
  addAll(res.findings, fileCfg.findings);
  res.config = cfg;
  res.relaxed = opt.relaxed;

  // the sources and which of them are modules
  const cFiles: WorkspaceFile[] = [];
  for (let i = 0; i < ws.files.length; i++) {
    const f = ws.files[i];
    if (f.name.endsWith(".c")) cFiles.push(f);
    else if (!(f.name == "Kbuild" || f.name == "Makefile" || f.name == "Module.symvers" || f.name == ".config" || f.name == "load" || f.name == "README" || f.name.endsWith(".md") || f.name.endsWith(".json") || f.name.endsWith(".h"))) {
      res.findings.push(new Finding(Stage.Read, Severity.Info, Msg.READ_UNSUPPORTED_FILE,
        f.name + ": not a workspace file ksymns reads (*.c, Kbuild, Module.symvers, .config, load); ignored", Span.at(f.name, 1)));
    }
  }
  let kb: Kbuild | null = null;
  const kbFile = ws.find("Kbuild") != null ? ws.find("Kbuild") : ws.find("Makefile");
  if (kbFile != null) {
    kb = readKbuild((kbFile as WorkspaceFile).name, (kbFile as WorkspaceFile).text(), cfg);
    addAll(res.findings, (kb as Kbuild).findings);
  }
  const wanted: string[] = [];
  const builtin: bool[] = [];
  if (kb != null) {
    const units = (kb as Kbuild).units;
    for (let i = 0; i < units.length; i++) {
      const src = units[i].source;
      if (ws.find(src) == null) {
        res.findings.push(new Finding(Stage.Read, Severity.Error, Msg.READ_KBUILD_NO_SOURCE,
          "make[3]: *** No rule to make target '" + units[i].object + "', needed by 'modules'. (Kbuild names " + units[i].object + " but there is no " + src + ")", units[i].span));
        continue;
      }
      if (wanted.includes(src)) continue;
      wanted.push(src);
      builtin.push(units[i].builtin);
    }
  } else {
    for (let i = 0; i < cFiles.length; i++) { wanted.push(cFiles[i].name); builtin.push(false); }
  }
  for (let i = 0; i < wanted.length; i++) {
    const f = ws.find(wanted[i]) as WorkspaceFile;
    const text = f.text();
    if (looksBinary(text)) {
      res.findings.push(new Finding(Stage.Read, Severity.Error, Msg.READ_BINARY,
        f.name + ": binary data, not C source; the file is not built", Span.at(f.name, 1)));
      continue;
    }
    let def: MacroArg | null = null;
    if (kb != null) {
      const k = kb as Kbuild;
      const obj = wanted[i].substring(0, wanted[i].length - 2) + ".o";
      if (k.perFile.has(obj)) def = k.perFile.get(obj);
      else if (!k.undefinedIn.has(obj)) def = k.defaultNs;
    }
    const src = cachedToyC(f.name, text, def);
    addAll(res.findings, src.findings);
    res.units.push(new BuildUnit(src, builtin[i]));
  }
  if (res.units.length == 0) {
    res.findings.push(new Finding(Stage.Read, Severity.Info, Msg.READ_NO_MODULES,
      "workspace: no module to build (add a NAME.c file, or name one in Kbuild's obj-m)", Span.none()));
  }

  // the export table the modules are built against, and the running kernel's
  let wsSymvers: Symvers | null = null;
  const svFile = ws.find("Module.symvers");
  if (svFile != null) {
    wsSymvers = cachedSymvers("Module.symvers", svFile as WorkspaceFile);
    addAll(res.findings, (wsSymvers as Symvers).findings);
  }
  const prof = opt.useProfile ? profile : null;
  res.profileUsed = prof != null;
  let table: Map<string, Export>;
  if (wsSymvers != null) {
    table = new Map<string, Export>();
    const ex = (wsSymvers as Symvers).exports;
    for (let i = 0; i < ex.length; i++) if (!table.has(ex[i].symbol)) table.set(ex[i].symbol, ex[i]);
  } else if (prof != null) table = (prof as Profile).table;
  else table = new Map<string, Export>();

  const bopt = new BuildOptions();
  bopt.modversions = cfg.isOn("MODVERSIONS");
  bopt.allowMissingNsImports = cfg.isOn("MODULE_ALLOW_MISSING_NAMESPACE_IMPORTS");
  bopt.relaxed = opt.relaxed;
  const build = runBuild(res.units, table, r, bopt);
  res.build = build;
  addAll(res.findings, build.findings);

  // the booted kernel
  const vmlinux: Export[] = [];
  const inst = new Installed();
  inst.release = res.releaseText;
  if (prof != null) {
    const p = prof as Profile;
    for (let i = 0; i < p.vmlinux.length; i++) vmlinux.push(p.vmlinux[i]);
    addInTree(inst, p.modules, p.table);
  }
  if (wsSymvers != null) {
    // exports the profile lacks come from the pasted table
    const ex = (wsSymvers as Symvers).exports;
    const own = new Map<string, KoImage>();
    for (let i = 0; i < ex.length; i++) {
      const e = ex[i];
      if (prof != null && (prof as Profile).table.has(e.symbol)) continue;
      if (e.owner == "vmlinux") { vmlinux.push(e); continue; }
      if (inst.byName.has(e.owner) && !own.has(e.owner)) continue;
      let ko: KoImage;
      if (own.has(e.owner)) ko = own.get(e.owner);
      else {
        ko = new KoImage(e.owner, e.ownerPath + ".ko");
        ko.intree = true; ko.signed = true; ko.license = "GPL"; ko.path = e.ownerPath;
        own.set(e.owner, ko);
        inst.byName.set(e.owner, ko);
      }
      ko.exports.push(e);
      if (!inst.exporterOf.has(e.symbol)) inst.exporterOf.set(e.symbol, e.owner);
    }
  }
  for (let i = 0; i < build.builtinExports.length; i++) vmlinux.push(build.builtinExports[i]);
  for (let u = 0; u < res.units.length; u++) {
    if (res.units[u].builtin) continue;
    const ko = build.kos[u];
    inst.files.set(ko.name + ".ko", ko);
    const fileKo = moduleNameOf(res.units[u].src.file);
    if (fileKo != ko.name) inst.files.set(fileKo + ".ko", ko);
    // insmod takes the file name as written: exporter-x.ko
    const f = res.units[u].src.file;
    inst.files.set(f.substring(0, f.length - 2) + ".ko", ko);
    if (build.produced[u]) {
      inst.produced.add(f.substring(0, f.length - 2) + ".ko");
      inst.produced.add(ko.name + ".ko");
      inst.byName.set(ko.name, ko);
      for (let i = 0; i < ko.exports.length; i++) inst.exporterOf.set(ko.exports[i].symbol, ko.name);
    }
  }
  const session = new Session(vmlinux);
  const lcfg = new LoaderConfig();
  lcfg.modversions = cfg.isOn("MODVERSIONS");
  lcfg.sig = cfg.isOn("MODULE_SIG");
  lcfg.sigForce = cfg.isOn("MODULE_SIG_FORCE");
  lcfg.allowMissingNsImports = cfg.isOn("MODULE_ALLOW_MISSING_NAMESPACE_IMPORTS");

  let script: LoadScript;
  const loadFile = ws.find("load");
  if (loadFile != null) {
    script = readLoadScript("load", (loadFile as WorkspaceFile).text());
    addAll(res.findings, script.findings);
  } else {
    script = new LoadScript();
    for (let u = 0; u < res.units.length; u++) {
      if (res.units[u].builtin) continue;
      script.commands.push(new LoadCommand("modprobe " + build.kos[u].name, Tool.Modprobe, build.kos[u].name, Span.none()));
    }
  }
  for (let i = 0; i < script.commands.length; i++) {
    const c = runCommand(session, inst, script.commands[i], r, lcfg);
    res.commands.push(c);
    loadFindings(res, c, inst);
  }
  res.modulesAtEnd = session.procModules();
  return res;
}

function addInTree(inst: Installed, modules: Map<string, KoImage>, table: Map<string, Export>): void {
  const names = modules.keys();
  for (let i = 0; i < names.length; i++) inst.byName.set(names[i], modules.get(names[i]));
  const syms = table.keys();
  for (let i = 0; i < syms.length; i++) {
    const e = table.get(syms[i]);
    if (e.owner != "vmlinux") inst.exporterOf.set(e.symbol, e.owner);
  }
}

/** Load-stage findings: each kernel message placed where the editor can show it. */
function loadFindings(res: RunResult, c: CommandResult, inst: Installed): void {
  const ko: KoImage | null = inst.byName.has(c.module) ? inst.byName.get(c.module) : null;
  for (let i = 0; i < c.kernel.length; i++) {
    const l = c.kernel[i];
    if (l.id < 0) continue;
    const sev = l.level <= 3 ? Severity.Error : l.level == 4 ? Severity.Warning : Severity.Info;
    let span = c.cmd.span;
    if (ko != null) {
      const k = ko as KoImage;
      if (l.sym.length > 0 && k.useSpans.has(l.sym)) span = k.useSpans.get(l.sym);
      else if (l.id == Msg.LOAD_DUPLICATE_EXPORT) {
        for (let j = 0; j < k.exports.length; j++) if (k.exports[j].symbol == l.sym) { span = k.exports[j].span; break; }
      }
    }
    const f = new Finding(Stage.Load, sev, l.id, l.text, span, c.module);
    res.findings.push(f);
  }
  if (c.failure >= 0) res.findings.push(new Finding(Stage.Load, Severity.Error, c.failure, c.stderr.length > 0 ? c.stderr[0] : "", c.cmd.span, c.module));
}
