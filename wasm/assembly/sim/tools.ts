// User space: what kmod's insmod, rmmod and modprobe (and busybox's insmod) print and
// exit with for each command of the `load` script, driving the loader.

import { Msg } from "../../shared/codes";
import { Export, KoImage } from "../model";
import { SymbolTable } from "./symtab";
import { ModuleDirectory } from "../kernel/profile";
import { Rules } from "../kernel/versions";
import * as T from "../kernel/messages";
import { LoadCommand, Tool } from "../source/loadscript";
import { LoaderConfig, loadModule, LoadOutcome, unloadModule } from "./loader";
import { LoadedModule, LogLine, Session } from "./session";
import { modinfo } from "./modinfotool";
import { parseSoftdep } from "./softdep";

export class CommandResult {
  exit: i32 = 0;
  stdout: string[] = [];
  stderr: string[] = [];
  kernel: LogLine[] = [];
  taint: i32 = 0;
  /** The module the command was about, and the symbols that failed (for findings). */
  module: string = "";
  outcome: LoadOutcome | null = null;
  /** Why user space failed when the kernel said nothing that explains it, or -1. */
  failure: i32 = -1;
  /** What ksymns could not show of the command's output (LOAD_MODINFO_PARTIAL findings). */
  notes: string[] = [];
  constructor(public cmd: LoadCommand) {}
}

/** Everything a command can find: the workspace's built `.ko` files and the installed tree. */
export class Installed {
  /** Workspace modules by file name (`user.ko`), produced or not. */
  files: Map<string, KoImage> = new Map();
  produced: Set<string> = new Set();
  /** Modules modprobe can find: workspace modules (as after modules_install), then in-tree ones. */
  modules: ModuleDirectory[] = [];
  /** Every export modprobe's dependency resolution can see, with its owner. */
  exports: SymbolTable = new SymbolTable();
  release: string = "";
  /** What kmod takes for built-in (modules.builtin), and /sys/module entries of built-in code. */
  builtin: Set<string> = new Set();
  sysfsBuiltins: Set<string> = new Set();

  find(name: string): KoImage | null {
    for (let i = 0; i < this.modules.length; i++) {
      const ko = this.modules[i].find(name);
      if (ko != null) return ko;
    }
    return null;
  }

  /** The module (not vmlinux) that exports `sym`, or "". */
  exporter(sym: string): string {
    const e = this.exports.find(sym);
    return e == null || (e as Export).owner == "vmlinux" ? "" : (e as Export).owner;
  }
}

function normalize(name: string): string {
  return name.replaceAll("-", "_");
}

function baseName(path: string): string {
  const i = path.lastIndexOf("/");
  return i >= 0 ? path.substring(i + 1) : path;
}

export function runCommand(s: Session, inst: Installed, c: LoadCommand, r: Rules, cfg: LoaderConfig): CommandResult {
  const res = new CommandResult(c);
  const before = s.log.length;
  if (c.tool == Tool.Insmod || c.tool == Tool.BusyboxInsmod) insmod(s, inst, c, r, cfg, res);
  else if (c.tool == Tool.Rmmod || c.tool == Tool.BusyboxRmmod) rmmod(s, inst, c, res);
  else if (c.tool == Tool.Modprobe) modprobe(s, inst, c, r, cfg, res);
  else if (c.tool == Tool.ModprobeRemove) modprobeRemove(s, inst, c, res);
  else if (c.tool == Tool.Lsmod) lsmod(s, res);
  else if (c.tool == Tool.Modinfo) modinfo(inst, c, res);
  else {
    const w = c.text.split(" ");
    res.stderr.push(T.shellNotFound(w[0]));
    res.exit = 127;
  }
  for (let i = before; i < s.log.length; i++) res.kernel.push(s.log[i]);
  res.taint = s.taint;
  return res;
}

function insmod(s: Session, inst: Installed, c: LoadCommand, r: Rules, cfg: LoaderConfig, res: CommandResult): void {
  const busybox = c.tool == Tool.BusyboxInsmod;
  const file = baseName(c.target);
  if (!inst.files.has(file) || !inst.produced.has(file)) {
    // busybox exits with bb_init_module()'s -ENOENT as a byte: 254
    if (busybox) {
      res.stderr.push(T.busyboxReadError(c.target, T.ENOENT));
      res.exit = 256 - T.ENOENT;
    } else {
      res.stderr.push(T.insmodLoadError(c.target, T.ENOENT));
      res.exit = 1;
    }
    res.failure = Msg.LOAD_NOT_BUILT;
    res.module = file.endsWith(".ko") ? file.substring(0, file.length - 3) : file;
    return;
  }
  const ko = inst.files.get(file);
  res.module = ko.name;
  let o = loadModule(s, ko, r, cfg);
  if (busybox && o.errno != 0) o = loadModule(s, ko, r, cfg); // finit_module, then init_module
  res.outcome = o;
  if (o.errno == 0) return;
  if (o.errno == T.EEXIST) res.failure = Msg.LOAD_ALREADY_LOADED;
  if (busybox) {
    res.stderr.push(T.busyboxInsertError(c.target, o.errno));
    res.exit = o.errno;
  } else {
    res.stderr.push(T.insmodInsertError(c.target, o.errno));
    res.exit = 1;
  }
}

/** kmod's lsmod: /proc/modules as a table. The Size column is not modelled ("-"). */
function lsmod(s: Session, res: CommandResult): void {
  res.stdout.push("Module                  Size  Used by");
  for (let i = 0; i < s.modules.length; i++) {
    const m = s.modules[i];
    let line = m.name;
    while (line.length < 19) line += " ";
    line += "        -  " + m.refcount.toString();
    if (m.users.length > 0) line += " " + m.users.join(",");
    res.stdout.push(line);
  }
}

function rmmod(s: Session, inst: Installed, c: LoadCommand, res: CommandResult): void {
  let name = baseName(c.target);
  if (name.endsWith(".ko")) name = name.substring(0, name.length - 3);
  name = normalize(name);
  res.module = name;
  const m = s.find(name);
  if (m == null && c.tool == Tool.Rmmod && (inst.builtin.has(name) || inst.sysfsBuiltins.has(name))) {
    if (inst.builtin.has(name)) res.stderr.push(T.rmmodBuiltin(name));
    else {
      res.stderr.push(T.rmmodNoHolders(name));
      res.stderr.push(T.rmmodNoUnloading());
    }
    res.exit = 1;
    res.failure = Msg.LOAD_BUILTIN_MODULE;
    return;
  }
  if (m == null) {
    res.stderr.push(c.tool == Tool.BusyboxRmmod ? T.busyboxRmmodError(name, T.ENOENT) : T.rmmodNotLoaded(name));
    res.exit = 1;
    res.failure = Msg.LOAD_NOT_LOADED;
    return;
  }
  const lm = m as LoadedModule;
  if (lm.refcount > 0) {
    res.stderr.push(c.tool == Tool.BusyboxRmmod ? T.busyboxRmmodError(name, T.EAGAIN) : T.rmmodInUse(name, lm.users.join(" ")));
    res.exit = 1;
    res.failure = Msg.LOAD_IN_USE;
    return;
  }
  if (lm.ko.hasInit && !lm.ko.hasExit) {
    res.stderr.push(T.rmmodBusy(name));
    res.exit = 1;
    res.failure = Msg.LOAD_IN_USE;
    return;
  }
  unloadModule(s, lm);
}

/** The modules `ko` needs first, in load order: modules.dep for in-tree modules (loaded
 *  from its end), depmod's resolution of undefined symbols for the workspace's. */
function dependencies(inst: Installed, ko: KoImage, out: string[], visiting: Set<string>): void {
  if (visiting.has(ko.name)) return;
  visiting.add(ko.name);
  if (ko.undefined.length == 0) {
    for (let i = ko.depOrder.length - 1; i >= 0; i--) {
      const dep = ko.depOrder[i];
      if (!out.includes(dep) && inst.find(dep) != null) out.push(dep);
    }
    return;
  }
  for (let i = 0; i < ko.undefined.length; i++) {
    const sym = ko.undefined[i];
    const dep = inst.exporter(sym);
    if (dep.length == 0 || dep == ko.name || out.includes(dep)) continue;
    const depKo = inst.find(dep);
    if (depKo == null) continue;
    dependencies(inst, depKo as KoImage, out, visiting);
    if (!out.includes(dep)) out.push(dep);
  }
}

/** kmod_module_new_from_lookup() of a softdep's name: the module of that name, else the
 *  modules its alias stands for. A built-in or unknown name gives none: kmod skips a built-in
 *  one as loaded, and a missing soft dependency is no error. */
function lookupModules(inst: Installed, name: string): string[] {
  const n = normalize(name);
  if (inst.find(n) != null) return [n];
  const out: string[] = [];
  if (inst.builtin.has(n)) return out;
  for (let d = 0; d < inst.modules.length; d++) {
    const mods = inst.modules[d].resolve(n);
    for (let i = 0; i < mods.length; i++) if (!out.includes(mods[i]) && inst.find(mods[i]) != null) out.push(mods[i]);
  }
  return out;
}

/** Every module `names` (a softdep's pre: or post: list) looks up to, in order. */
function lookupAll(inst: Installed, names: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < names.length; i++) {
    const mods = lookupModules(inst, names[i]);
    for (let j = 0; j < mods.length; j++) out.push(mods[j]);
  }
  return out;
}

/** What kmod_module_get_probe_list() collects: the modules to insert in order, and those whose
 *  failure fails the command (the module asked for and its dependencies). */
class ProbeList {
  list: string[] = [];
  required: Set<string> = new Set();
  visited: Set<string> = new Set();
}

/** __kmod_module_get_probe_list(): each dependency with its softdeps around it, then the module
 *  with its own. A module is visited once; a dependency reached again through a softdep is
 *  listed again, as kmod lists it (the second insert finds it loaded). */
function probeVisit(inst: Installed, ko: KoImage, p: ProbeList, top: bool): void {
  if (p.visited.has(ko.name)) return;
  p.visited.add(ko.name);
  const deps: string[] = [];
  dependencies(inst, ko, deps, new Set<string>());
  if (top) {
    p.required.add(ko.name);
    for (let i = 0; i < deps.length; i++) p.required.add(deps[i]);
  }
  for (let i = 0; i < deps.length; i++) probeFill(inst, inst.find(deps[i]) as KoImage, p);
  probeFill(inst, ko, p);
}

/** __kmod_module_fill_softdep(): the pre softdeps (each visited with its dependencies), the
 *  module, then the post softdeps. */
function probeFill(inst: Installed, ko: KoImage, p: ProbeList): void {
  const sd = parseSoftdep(ko.softdep);
  const pre = lookupAll(inst, sd.pre);
  for (let i = 0; i < pre.length; i++) probeVisit(inst, inst.find(pre[i]) as KoImage, p, false);
  p.list.push(ko.name);
  const post = lookupAll(inst, sd.post);
  for (let i = 0; i < post.length; i++) probeVisit(inst, inst.find(post[i]) as KoImage, p, false);
}

function modprobe(s: Session, inst: Installed, c: LoadCommand, r: Rules, cfg: LoaderConfig, res: CommandResult): void {
  const name = normalize(baseName(c.target));
  res.module = name;
  // kmod takes a built-in module as loaded: nothing to do
  if (s.find(name) == null && inst.builtin.has(name)) return;
  const found = inst.find(name);
  if (found == null) {
    res.stderr.push(T.modprobeNotFound(c.target, inst.release));
    res.exit = 1;
    res.failure = Msg.LOAD_MODULE_NOT_FOUND;
    return;
  }
  // kmod_module_probe_insert_module(): a module in the kernel already is done, softdeps and all
  if (s.find(name) != null) return;
  const p = new ProbeList();
  probeVisit(inst, found as KoImage, p, true);
  for (let i = 0; i < p.list.length; i++) {
    const m = p.list[i];
    if (s.find(m) != null) continue;
    const o = loadModule(s, inst.find(m) as KoImage, r, cfg);
    if (m == name) res.outcome = o;
    if (o.errno == 0) continue;
    // kmod ignores a soft dependency that does not load (the kernel's lines stay in its log)
    if (!p.required.has(m)) continue;
    if (o.errno == T.EEXIST) res.failure = Msg.LOAD_ALREADY_LOADED;
    res.stderr.push(T.modprobeInsertError(m, o.errno));
    res.exit = 1;
    return;
  }
}

function modprobeRemove(s: Session, inst: Installed, c: LoadCommand, res: CommandResult): void {
  const name = normalize(baseName(c.target));
  res.module = name;
  const m = s.find(name);
  if (m == null && inst.builtin.has(name)) {
    res.stderr.push(T.modprobeRemoveBuiltin(name));
    res.exit = 1;
    res.failure = Msg.LOAD_BUILTIN_MODULE;
    return;
  }
  if (m == null) {
    const known = inst.find(name) != null;
    res.stderr.push(known ? T.modprobeNotInKernel(name) : T.modprobeRemoveNotFound(c.target));
    res.exit = 1;
    res.failure = known ? Msg.LOAD_NOT_LOADED : Msg.LOAD_MODULE_NOT_FOUND;
    return;
  }
  if (!removeModule(s, inst, m as LoadedModule, res, new Set<string>())) {
    res.exit = 1;
    res.failure = Msg.LOAD_IN_USE;
  }
}

/** tools/modprobe.c's rmmod_do_module() (kmod 30): `lm`'s post softdeps, last first; `lm`
 *  unless it is in use (said, and false); the dependencies it leaves unused, silently; then its
 *  pre softdeps, last first. A softdep not loaded or built in is skipped silently, one in use
 *  says so and the removal goes on. `removing` holds the modules being removed up the chain:
 *  softdeps that name each other as post would make kmod recurse without end; here the inner
 *  one is skipped. */
function removeModule(s: Session, inst: Installed, lm: LoadedModule, res: CommandResult, removing: Set<string>): bool {
  removing.add(lm.name);
  const sd = parseSoftdep(lm.ko.softdep);
  removeSoftdeps(s, inst, lookupAll(inst, sd.post), res, removing);
  if (lm.refcount > 0) {
    res.stderr.push(T.modprobeInUse(lm.name));
    removing.delete(lm.name);
    return false;
  }
  const order: string[] = [];
  dependencies(inst, lm.ko, order, new Set<string>());
  unloadModule(s, lm);
  // then kmod walks the modules.dep list from its end, removing each dependency nobody uses
  // any more and skipping, silently, those still in use
  for (let i = 0; i < order.length; i++) {
    const d = s.find(order[i]);
    if (d != null && (d as LoadedModule).refcount == 0) unloadModule(s, d as LoadedModule);
  }
  removeSoftdeps(s, inst, lookupAll(inst, sd.pre), res, removing);
  removing.delete(lm.name);
  return true;
}

/** rmmod_do_modlist(): each loaded module of a softdep list, from its end. */
function removeSoftdeps(s: Session, inst: Installed, mods: string[], res: CommandResult, removing: Set<string>): void {
  for (let i = mods.length - 1; i >= 0; i--) {
    const m = s.find(mods[i]);
    if (m == null || removing.has(mods[i])) continue;
    removeModule(s, inst, m as LoadedModule, res, removing);
  }
}
