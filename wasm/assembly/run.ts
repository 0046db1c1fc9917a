// One run of a workspace: read every file, build (compiler and modpost), then replay the
// `load` session on a booted kernel of the chosen release and config.

import { Msg, Severity, Stage } from "../shared/codes";
import { Finding, Span } from "./diagnostics";
import { Export, KoImage } from "./model";
import { KoFile } from "./source/ko";
import { Workspace, WorkspaceFile } from "./workspace";
import { readToyC, ModuleSource, MacroArg, moduleNameOf } from "./source/toyc";
import { readKbuild, Kbuild } from "./source/kbuild";
import { readConfig, KernelConfig } from "./source/config";
import { readSymvers, Symvers } from "./source/symvers";
import { readLoadScript, LoadCommand, LoadScript, Tool } from "./source/loadscript";
import { looksBinary } from "./source/text";
import { DEFAULT_RELEASE, parseRelease, releaseName, Rules } from "./kernel/versions";
import { defaultConfig, releaseString, vermagicOf } from "./kernel/defaults";
import { MapDirectory, Profile, SymversDirectory } from "./kernel/profile";
import { BuildOptions, BuildResult, BuildUnit, runBuild } from "./sim/build";
import { LoaderConfig } from "./sim/loader";
import { LoadedModule, Session } from "./sim/session";
import { CommandResult, Installed, runCommand } from "./sim/tools";
import { SymbolTable } from "./sim/symtab";
import { moduleNameOfFile, nameFromHex, overLimitFinding, readWorkspaceKo } from "./sim/koimage";
import { checkBuiltKo } from "./sim/kocheck";

/** Options from the host: `key=value` lines (kernel=6.12, relaxed=1, CONFIG_X=y). */
export class RunOptions {
  kernel: string = "";
  relaxed: bool = false;
  useProfile: bool = true;
  /** Fault injection for the hosts' tests: trap as an engine bug would, or run out of memory. */
  injectTrap: bool = false;
  injectOutOfMemory: bool = false;
  config: Map<string, string> = new Map();
  /** Compressed modules the host did not decompress: file name → "REASON:FORMAT". */
  undecoded: Map<string, string> = new Map();
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
    else if (k == "inject") { o.injectTrap = v == "trap"; o.injectOutOfMemory = v == "oom"; }
    else if (k.startsWith("CONFIG_")) o.config.set(k, v);
    else if (k == "undecoded" && v.indexOf(" ") > 0) o.undecoded.set(nameFromHex(v.substring(v.indexOf(" ") + 1)), v.substring(0, v.indexOf(" ")));
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
  /** The loaded modules at the end, newest first. */
  loadedAtEnd: LoadedModule[] = [];
  profileName: string = "";
  profileExports: i32 = 0;
  taintAtBoot: i32 = 0;
  profileUsed: bool = false;
  /** The workspace's real .ko files, as the loader sees them. */
  kos: KoImage[] = [];
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
  if (opt.injectTrap) unreachable();
  if (opt.injectOutOfMemory) heap.alloc(<usize>0x7fff0000); // more than the allocator serves
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
  // a full release (`uname -r`) names the kernel exactly; a series stands for Debian's
  res.releaseText = isFullRelease(opt.kernel) && parseRelease(opt.kernel) == v ? opt.kernel : releaseString(v);
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
  const koFiles: WorkspaceFile[] = [];
  for (let i = 0; i < ws.files.length; i++) {
    const f = ws.files[i];
    if (f.name.endsWith(".c")) cFiles.push(f);
    else if (isKoName(f.name)) {
      const over = opt.undecoded.has(f.name) ? overLimitFinding(f.name, opt.undecoded.get(f.name)) : null;
      if (over != null) res.findings.push(over);
      else koFiles.push(f);
    }
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
  if (res.units.length == 0 && koFiles.length == 0) {
    res.findings.push(new Finding(Stage.Read, Severity.Info, Msg.READ_NO_MODULES,
      "workspace: no module to build (add a NAME.c file, or name one in Kbuild's obj-m)", Span.none()));
  }

  // real .ko files: already built, read as the loader will see them
  for (let i = 0; i < koFiles.length; i++) {
    const name = koFiles[i].name;
    res.kos.push(readWorkspaceKo(name, koFiles[i].bytes, r, res.findings, opt.undecoded.has(name) ? opt.undecoded.get(name) : ""));
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
  if (prof != null) {
    res.profileName = (prof as Profile).name;
    res.profileExports = (prof as Profile).symvers.count;
  }
  // a pasted table with vmlinux's exports replaces the base kernel's; a smaller one adds to it
  const base = new SymbolTable();
  let hasVmlinux = false;
  const ownNames = new Set<string>();
  for (let u = 0; u < res.units.length; u++) ownNames.add(res.units[u].src.name);
  // the .ko files' exports: modpost sees them as it would a KBUILD_EXTRA_SYMBOLS table
  const koExports = new Map<string, Export>();
  for (let i = 0; i < res.kos.length; i++) {
    const ko = res.kos[i];
    ownNames.add(ko.name);
    for (let j = 0; j < ko.exports.length; j++) if (!koExports.has(ko.exports[j].symbol)) koExports.set(ko.exports[j].symbol, ko.exports[j]);
  }
  base.under(koExports);
  const pinned = new Map<string, Export>();
  if (wsSymvers != null) {
    const sv = wsSymvers as Symvers;
    base.underLookup(sv);
    hasVmlinux = sv.hasVmlinux;
    for (let i = 0; i < sv.count; i++) {
      if (!ownNames.has(sv.ownerOf(i))) continue;
      const e = sv.exportAt(i);
      if (!pinned.has(e.symbol)) pinned.set(e.symbol, e);
    }
  }
  if (prof != null && !hasVmlinux) {
    base.underLookup((prof as Profile).symvers);
    hasVmlinux = (prof as Profile).symvers.hasVmlinux;
  }

  const bopt = new BuildOptions();
  bopt.modversions = cfg.isOn("MODVERSIONS");
  bopt.allowMissingNsImports = cfg.isOn("MODULE_ALLOW_MISSING_NAMESPACE_IMPORTS");
  bopt.relaxed = opt.relaxed;
  const build = runBuild(res.units, base, hasVmlinux, pinned, r, bopt);
  res.build = build;
  addAll(res.findings, build.findings);
  // modpost's verdict on each .ko, against the kernel's table and the workspace's modules
  if (res.kos.length > 0) {
    const built = new Map<string, Export>();
    for (let u = 0; u < build.kos.length; u++) for (let i = 0; i < build.kos[u].exports.length; i++) built.set(build.kos[u].exports[i].symbol, build.kos[u].exports[i]);
    const kt = new SymbolTable().under(built).underAll(base);
    for (let i = 0; i < res.kos.length; i++) {
      const ko = res.kos[i];
      if (ko.real != null && (ko.real as KoFile).error.length == 0) addAll(res.findings, checkBuiltKo(ko, kt, hasVmlinux, r, bopt.allowMissingNsImports));
    }
  }

  // the booted kernel: the base kernel's vmlinux, what a pasted table adds, obj-y units
  const vmlinux = new SymbolTable();
  const builtins = new Map<string, Export>();
  for (let i = 0; i < build.builtinExports.length; i++) builtins.set(build.builtinExports[i].symbol, build.builtinExports[i]);
  vmlinux.under(builtins);
  if (prof != null) vmlinux.underLookup((prof as Profile).symvers.vmlinux);
  if (wsSymvers != null) vmlinux.underLookup((wsSymvers as Symvers).vmlinux);

  const inst = new Installed();
  inst.release = res.releaseText;
  const wsModules = new Map<string, KoImage>();
  const wsExports = new Map<string, Export>();
  inst.modules.push(new MapDirectory(wsModules));
  inst.exports.under(wsExports);
  if (wsSymvers != null) {
    inst.modules.push(symversDirectory(wsSymvers as Symvers, ownNames));
    inst.exports.underLookup(wsSymvers as Symvers);
  }
  if (prof != null) {
    inst.modules.push((prof as Profile).modules);
    inst.exports.underLookup((prof as Profile).symvers);
    inst.builtin = (prof as Profile).modules.builtin;
    inst.sysfsBuiltins = (prof as Profile).modules.sysfs;
  }
  for (let u = 0; u < res.units.length; u++) {
    if (res.units[u].builtin) continue;
    const ko = build.kos[u];
    // insmod takes the file name as written (exporter-x.ko); the module name has '_'
    const f = res.units[u].src.file;
    const fileKo = f.substring(0, f.length - 2) + ".ko";
    inst.files.set(fileKo, ko);
    inst.files.set(ko.name + ".ko", ko);
    if (build.produced[u]) {
      inst.produced.add(fileKo);
      inst.produced.add(ko.name + ".ko");
      wsModules.set(ko.name, ko);
      for (let i = 0; i < ko.exports.length; i++) wsExports.set(ko.exports[i].symbol, ko.exports[i]);
    }
  }
  for (let i = 0; i < res.kos.length; i++) {
    const ko = res.kos[i];
    inst.files.set(ko.file, ko);
    inst.produced.add(ko.file);
    wsModules.set(ko.name, ko);
    const byFile = moduleNameOfFile(ko.file);
    if (byFile != ko.name) wsModules.set(byFile, ko);
    for (let j = 0; j < ko.exports.length; j++) wsExports.set(ko.exports[j].symbol, ko.exports[j]);
  }
  const session = new Session(vmlinux);
  session.sysfsBuiltins = inst.sysfsBuiltins;
  const lcfg = new LoaderConfig();
  lcfg.vermagic = vermagicOf(r, res.releaseText, cfg);
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
    for (let i = 0; i < res.kos.length; i++) {
      const name = res.kos[i].name;
      script.commands.push(new LoadCommand("modprobe " + name, Tool.Modprobe, name, Span.none()));
    }
  }
  for (let i = 0; i < script.commands.length; i++) {
    const c = runCommand(session, inst, script.commands[i], r, lcfg);
    res.commands.push(c);
    loadFindings(res, c, inst);
  }
  res.modulesAtEnd = session.procModules();
  res.loadedAtEnd = session.modules;
  return res;
}

/** A module file: NAME.ko, or compressed (.ko.xz, .ko.zst, .ko.gz; the host decompresses those). */
function isKoName(name: string): bool {
  return name.endsWith(".ko") || name.endsWith(".ko.xz") || name.endsWith(".ko.zst") || name.endsWith(".ko.gz");
}

/** "6.12.117+deb12-amd64" rather than a series ("6.12"). */
function isFullRelease(text: string): bool {
  const a = text.indexOf(".");
  return a > 0 && text.indexOf(".", a + 1) > 0;
}

// The installed-module view of a pasted Module.symvers, kept while its text and the
// workspace's module names stay the same.
let lastDirectory: SymversDirectory | null = null;
let lastDirectoryKey = "";

function symversDirectory(sv: Symvers, own: Set<string>): SymversDirectory {
  const names = own.values().sort().join(",");
  if (lastDirectory != null && (lastDirectory as SymversDirectory).symvers === sv && lastDirectoryKey == names) return lastDirectory as SymversDirectory;
  const d = new SymversDirectory(sv, own);
  lastDirectory = d;
  lastDirectoryKey = names;
  return d;
}

/** Load-stage findings: each kernel message placed where the editor can show it. */
function loadFindings(res: RunResult, c: CommandResult, inst: Installed): void {
  const ko = inst.find(c.module);
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
    res.findings.push(new Finding(Stage.Load, sev, l.id, l.text, span, c.module).about(l.sym, l.ns));
  }
  if (c.failure >= 0) res.findings.push(new Finding(Stage.Load, Severity.Error, c.failure, c.stderr.length > 0 ? c.stderr[0] : "", c.cmd.span, c.module));
}
