// Installed modules: the in-tree modules of a real kernel (from its Module.symvers and its
// module table) or of a pasted Module.symvers, made into `.ko` images only when asked for.

import { KoImage } from "../model";
import { Symvers } from "../source/symvers";
import { splitLines } from "../source/text";
import { KernelConfig } from "../source/config";
import { ExportLookup } from "../sim/symtab";
import { parseRelease } from "../../shared/releases";
import { namespaceOn, ReleaseExports, withNamespace } from "./nshistory";

/** Anything modprobe can look a module up in. */
export abstract class ModuleDirectory {
  abstract find(name: string): KoImage | null;
}

/** A Map the caller keeps filling (the workspace's own modules). */
export class MapDirectory extends ModuleDirectory {
  constructor(public map: Map<string, KoImage>) {
    super();
  }
  find(name: string): KoImage | null {
    return this.map.has(name) ? this.map.get(name) : null;
  }
}

/** The modules a Module.symvers names, with the exports it lists for each. Modules in
 *  `exclude` (the workspace's own) are not installed ones. */
export class SymversDirectory extends ModuleDirectory {
  /** Rows of each module (by owner index). */
  private rowsOf: Map<string, i32[]> = new Map();
  private made: Map<string, KoImage> = new Map();
  /** name → line of the module table (path, modules.dep list, depends, import_ns, kind). */
  private table: Map<string, string> = new Map();
  /** What kmod calls builtin (modules.builtin). */
  builtin: Set<string> = new Set();
  /** /sys/module entries at boot without a module: names a module may not take. */
  sysfs: Set<string> = new Set();
  /** namespace → the installed modules importing it, in table order. */
  importers: Map<string, string[]> = new Map();

  constructor(
    public symvers: Symvers,
    exclude: Set<string>,
  ) {
    super();
    let last = -1;
    let list: i32[] = [];
    for (let i = 0; i < symvers.count; i++) {
      const o = symvers.ownerIndexOf(i);
      if (o != last) {
        last = o;
        const name = symvers.owners[o];
        if (name == "vmlinux" || exclude.has(name)) {
          list = [];
          continue;
        }
        if (this.rowsOf.has(name)) list = this.rowsOf.get(name);
        else {
          list = [];
          this.rowsOf.set(name, list);
        }
      }
      const name = symvers.owners[o];
      if (name != "vmlinux" && !exclude.has(name)) list.push(i);
    }
  }

  /** Adds the module table (test/support/profile-modules.sh): one line a module, name TAB path
   *  TAB modules.dep names TAB depends TAB import_ns TAB kind ("", "builtin", "builtin-sysfs",
   *  "sysfs"). */
  addModuleTable(text: string): void {
    // thousands of lines read at every start: fields are found, never split out
    const lines = splitLines(text);
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      const t1 = line.indexOf("\t");
      if (t1 <= 0) continue;
      const name = line.substring(0, t1);
      const t2 = line.indexOf("\t", t1 + 1);
      const t3 = t2 < 0 ? -1 : line.indexOf("\t", t2 + 1);
      const t4 = t3 < 0 ? -1 : line.indexOf("\t", t3 + 1);
      const t5 = t4 < 0 ? -1 : line.indexOf("\t", t4 + 1);
      if (t5 >= 0) {
        const t6 = line.indexOf("\t", t5 + 1);
        const kind = line.substring(t5 + 1, t6 < 0 ? line.length : t6);
        if (kind.length > 0) {
          if (kind.startsWith("builtin")) this.builtin.add(name);
          if (kind.endsWith("sysfs")) this.sysfs.add(name);
          continue;
        }
      }
      this.table.set(name, line);
      if (t4 < 0) continue;
      const importsEnd = t5 < 0 ? line.length : t5;
      let from = t4 + 1;
      while (from < importsEnd) {
        let comma = line.indexOf(",", from);
        if (comma < 0 || comma > importsEnd) comma = importsEnd;
        const ns = line.substring(from, comma);
        from = comma + 1;
        if (!this.importers.has(ns)) this.importers.set(ns, []);
        const list = this.importers.get(ns);
        if (!list.includes(name)) list.push(name);
      }
    }
  }

  /** Up to `limit` modules of the installed tree (those `modprobe NAME` finds, built-in ones
   *  left out) whose name starts with `prefix`, in name order. */
  installedNames(prefix: string, limit: i32): string[] {
    const names = this.table.keys();
    const out: string[] = [];
    for (let i = 0; i < names.length; i++) if (names[i].startsWith(prefix)) out.push(names[i]);
    out.sort((a: string, b: string): i32 => (a < b ? -1 : a > b ? 1 : 0));
    return out.length > limit ? out.slice(0, limit) : out;
  }

  /** Read the table as release `to` would have it when it is release `from`'s
   *  (kernel/nshistory.ts): each installed module's exports in that release's namespaces. */
  readAs(from: i32, to: i32): void {
    if (from == this.from && to == this.to) return;
    this.from = from;
    this.to = to;
    this.made.clear();
  }
  private from: i32 = 0;
  private to: i32 = 0;

  find(name: string): KoImage | null {
    if (this.made.has(name)) return this.made.get(name);
    if (this.builtin.has(name) || this.sysfs.has(name)) return null;
    const inTable = this.table.has(name);
    if (!inTable && !this.rowsOf.has(name)) return null;
    const ko = new KoImage(name, name + ".ko");
    ko.intree = true;
    ko.signed = true;
    ko.license = "GPL";
    ko.hasInit = true;
    ko.hasExit = true;
    if (this.rowsOf.has(name)) {
      const rows = this.rowsOf.get(name);
      for (let i = 0; i < rows.length; i++) {
        const e = this.symvers.exportAt(rows[i]);
        const ns = namespaceOn(e.symbol, e.ns, this.from, this.to);
        if (ns != null) ko.exports.push(ns == e.ns ? e : withNamespace(e, ns as string));
      }
      if (rows.length > 0) ko.path = this.symvers.exportAt(rows[0]).ownerPath;
    }
    if (inTable) {
      const f = this.table.get(name).split("\t");
      if (f.length >= 4) {
        ko.path = f[1];
        ko.depOrder = f[2].length > 0 ? f[2].split(" ") : [];
        ko.depends = f[3].length > 0 ? f[3].split(",") : [];
      }
    }
    ko.file = ko.path + ".ko";
    this.made.set(name, ko);
    return ko;
  }
}

/** A real kernel: its export table and its installed modules. */
export class Profile {
  modules: SymversDirectory;
  /** The kernel's own .config (empty when the host gave none). */
  config: KernelConfig = new KernelConfig();
  /** The release whose table this is (its name's; 0 when the name says none). */
  release: i32;
  /** The table as the run's release reads it (see readAs). */
  exports: ExportLookup;
  vmlinux: ExportLookup;
  constructor(
    public name: string,
    public symvers: Symvers,
  ) {
    this.modules = new SymversDirectory(symvers, new Set<string>());
    this.release = parseRelease(name.startsWith("debian-") ? name.substring(7) : name);
    this.exports = symvers;
    this.vmlinux = symvers.vmlinux;
  }

  /** Reads the table as release `v` had it: namespaces that came or went between the two
   *  releases, and exports that did not exist yet, corrected by the namespace history. */
  readAs(v: i32): void {
    const from = this.release;
    const same = from == 0 || from == v;
    this.exports = same ? this.symvers : new ReleaseExports(this.symvers, from, v);
    this.vmlinux = same ? this.symvers.vmlinux : new ReleaseExports(this.symvers.vmlinux, from, v);
    this.modules.readAs(same ? 0 : from, same ? 0 : v);
  }

  /** The release the table was made for, when it stands for another one (else 0). */
  approximates(v: i32): i32 {
    return this.release != 0 && this.release != v ? this.release : 0;
  }
}

export { profileNameFor } from "../../shared/debian";
