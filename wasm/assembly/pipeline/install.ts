// Phase 6 of a run: the kernel booted after the build — vmlinux's exports (the base kernel's,
// what a pasted table adds, the obj-y units'), and the modules installed for insmod and
// modprobe: the workspace's (as after modules_install), a pasted table's and the base
// kernel's in-tree ones.

import { Export, KoImage } from "../model";
import { MapDirectory, Profile, SymversDirectory } from "../kernel/profile";
import { Symvers } from "../source/symvers";
import { BuildResult, BuildUnit } from "../sim/build";
import { Installed } from "../sim/tools";
import { Session } from "../sim/session";
import { SymbolTable } from "../sim/symtab";
import { moduleNameOfFile } from "../sim/koimage";
import { composeModinfo } from "../sim/builtmodinfo";
import { Rules } from "../kernel/versions";
import { Tables } from "./tables";

/** vmlinux's export table on the booted kernel. */
export function bootedVmlinux(build: BuildResult, t: Tables): SymbolTable {
  const vmlinux = new SymbolTable();
  const builtins = new Map<string, Export>();
  for (let i = 0; i < build.builtinExports.length; i++) builtins.set(build.builtinExports[i].symbol, build.builtinExports[i]);
  vmlinux.under(builtins);
  if (t.profile != null) vmlinux.underLookup((t.profile as Profile).vmlinux);
  if (t.symvers != null) vmlinux.underLookup((t.symvers as Symvers).vmlinux);
  if (t.core != null) vmlinux.under(t.core as Map<string, Export>);
  return vmlinux;
}

/** The modules insmod and modprobe find, under `release` (`uname -r`); the built ones carry
 *  the .modinfo make wrote (with `vermagic`). */
export function installModules(units: BuildUnit[], build: BuildResult, kos: KoImage[], t: Tables, release: string, r: Rules, vermagic: string): Installed {
  const inst = new Installed();
  inst.release = release;
  const wsModules = new Map<string, KoImage>();
  const wsExports = new Map<string, Export>();
  inst.modules.push(new MapDirectory(wsModules));
  inst.exports.under(wsExports);
  for (let i = 0; i < t.extra.length; i++) {
    inst.modules.push(new SymversDirectory(t.extra[i], t.ownNames));
    inst.exports.underLookup(t.extra[i]);
  }
  if (t.symvers != null) {
    inst.modules.push(symversDirectory(t.symvers as Symvers, t.ownNames));
    inst.exports.underLookup(t.symvers as Symvers);
  }
  if (t.profile != null) {
    const p = t.profile as Profile;
    inst.modules.push(p.modules);
    inst.exports.underLookup(p.exports);
    inst.builtin = p.modules.builtin;
    inst.sysfsBuiltins = p.modules.sysfs;
  }
  for (let u = 0; u < units.length; u++) {
    if (units[u].builtin) continue;
    const ko = build.kos[u];
    // insmod takes the file name make wrote (exporter-x.ko, sub/foo.ko); the module name has '_'
    const fileKo = units[u].object + ".ko";
    inst.files.set(fileKo, ko);
    // a module of a subfolder, copied next to the others (as one does to insmod it)
    const slash = fileKo.lastIndexOf("/");
    const flat = slash >= 0 ? fileKo.substring(slash + 1) : fileKo;
    if (!inst.files.has(flat)) inst.files.set(flat, ko);
    inst.files.set(ko.name + ".ko", ko);
    if (build.produced[u]) {
      const mi = composeModinfo(units[u], ko, r, vermagic);
      ko.modinfo = mi.info;
      // depmod writes each softdep= into modules.softdep, and kmod reads the first
      const softdep = mi.info.get("softdep");
      if (softdep != null) ko.softdep = softdep as string;
      ko.modinfoUnknown = mi.unknown;
      inst.produced.add(fileKo);
      inst.produced.add(flat);
      inst.produced.add(ko.name + ".ko");
      wsModules.set(ko.name, ko);
      for (let i = 0; i < ko.exports.length; i++) wsExports.set(ko.exports[i].symbol, ko.exports[i]);
    }
  }
  for (let i = 0; i < kos.length; i++) {
    const ko = kos[i];
    inst.files.set(ko.file, ko);
    inst.produced.add(ko.file);
    wsModules.set(ko.name, ko);
    const byFile = moduleNameOfFile(ko.file);
    if (byFile != ko.name) wsModules.set(byFile, ko);
    for (let j = 0; j < ko.exports.length; j++) wsExports.set(ko.exports[j].symbol, ko.exports[j]);
  }
  return inst;
}

/** A booted kernel with nothing loaded yet. */
export function bootSession(build: BuildResult, t: Tables, inst: Installed): Session {
  const session = new Session(bootedVmlinux(build, t));
  session.sysfsBuiltins = inst.sysfsBuiltins;
  return session;
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
