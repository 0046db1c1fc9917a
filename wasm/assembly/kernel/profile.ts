// Installed modules: the in-tree modules of a real kernel (from its Module.symvers and its
// module table) or of a pasted Module.symvers, made into `.ko` images only when asked for.

import { KoImage } from "../model";
import { Symvers } from "../source/symvers";
import { KernelConfig } from "../source/config";
import { ExportLookup } from "../sim/symtab";
import { parseRelease } from "../../shared/releases";
import { nextNewline } from "../util/bytes";
import { namespaceOn, ReleaseExports, withNamespace } from "./nshistory";

/** Anything modprobe can look a module up in. */
export abstract class ModuleDirectory {
  abstract find(name: string): KoImage | null;
  /** The modules an alias (normalized, '-' as '_') stands for, in kmod's order; none when the
   *  directory knows no such alias. */
  resolve(_alias: string): string[] {
    return [];
  }
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
 *  `exclude` (the workspace's own) are not installed ones. A profile's table and module table
 *  are read at every start while most runs ask nothing of them: each part is read when first
 *  asked for. */
export class SymversDirectory extends ModuleDirectory {
  private made: Map<string, KoImage> = new Map();

  constructor(
    public symvers: Symvers,
    private exclude: Set<string>,
  ) {
    super();
  }

  /** Rows of each module (by owner index). */
  private get rowsOf(): Map<string, i32[]> {
    if (this.rowsRead == null) this.rowsRead = this.groupRows();
    return this.rowsRead as Map<string, i32[]>;
  }
  private rowsRead: Map<string, i32[]> | null = null;

  private groupRows(): Map<string, i32[]> {
    const symvers = this.symvers;
    const out = new Map<string, i32[]>();
    let last = -1;
    let skip = false;
    let list: i32[] = [];
    for (let i = 0; i < symvers.count; i++) {
      const o = symvers.ownerIndexOf(i);
      if (o != last) {
        last = o;
        const name = symvers.owners[o];
        skip = name == "vmlinux" || this.exclude.has(name);
        if (skip) continue;
        if (out.has(name)) list = out.get(name);
        else {
          list = [];
          out.set(name, list);
        }
      }
      if (!skip) list.push(i);
    }
    return out;
  }

  /** Takes the module table (test/support/profile-modules.sh): one line a module, name TAB
   *  path TAB modules.dep names TAB depends TAB import_ns TAB kind ("", "builtin",
   *  "builtin-sysfs", "sysfs", "alias") [TAB softdep, or an alias's modules]. */
  addModuleTable(table: Uint8Array): void {
    this.tableBytes = table;
    this.kinds = null;
    this.lines = null;
  }
  private tableBytes: Uint8Array = new Uint8Array(0);

  /** What kmod calls builtin (modules.builtin). */
  get builtin(): Set<string> {
    return this.readKinds().builtin;
  }
  /** /sys/module entries at boot without a module: names a module may not take. */
  get sysfs(): Set<string> {
    return this.readKinds().sysfs;
  }
  /** namespace → the installed modules importing it, in table order. */
  get importers(): Map<string, string[]> {
    return this.readLines().importers;
  }
  /** The modules a softdep's alias stands for (the table carries only the aliases softdeps name). */
  resolve(alias: string): string[] {
    const aliases = this.readLines().aliases;
    return aliases.has(alias) ? aliases.get(alias) : [];
  }
  /** name → line of the module table (path, modules.dep list, depends, import_ns, kind, softdep). */
  private get table(): Map<string, string> {
    return this.readLines().byName;
  }

  private kinds: TableKinds | null = null;
  private lines: TableLines | null = null;

  private readKinds(): TableKinds {
    if (this.kinds == null) this.kinds = new TableKinds(this.tableBytes);
    return this.kinds as TableKinds;
  }
  private readLines(): TableLines {
    if (this.lines == null) this.lines = new TableLines(this.tableBytes);
    return this.lines as TableLines;
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
      if (f.length >= 7) ko.softdep = f[6];
    }
    ko.file = ko.path + ".ko";
    this.made.set(name, ko);
    return ko;
  }
}

/** The built-in names of a module table: lines whose sixth field (kind) is set. */
class TableKinds {
  builtin: Set<string> = new Set();
  sysfs: Set<string> = new Set();
  constructor(table: Uint8Array) {
    const c = new TableCursor(table);
    while (c.nextWithKind()) {
      if (c.fieldLength(5) == 0) continue; // a loadable module
      const kind = c.field(5);
      const name = c.field(0);
      if (kind.startsWith("builtin")) this.builtin.add(name);
      if (kind.endsWith("sysfs")) this.sysfs.add(name);
    }
  }
}

/** The installed modules of a module table: its lines by name, who imports what, and the
 *  aliases its softdeps name. */
class TableLines {
  byName: Map<string, string> = new Map();
  importers: Map<string, string[]> = new Map();
  aliases: Map<string, string[]> = new Map();
  constructor(table: Uint8Array) {
    const c = new TableCursor(table);
    while (c.next()) {
      if (c.fieldLength(5) > 0) {
        // a built-in name, or an alias and its modules
        if (c.field(5) == "alias" && c.fieldLength(6) > 0) this.aliases.set(c.field(0), c.field(6).split(" "));
        continue;
      }
      const name = c.field(0);
      this.byName.set(name, c.line());
      const imports = c.field(4);
      let from = 0;
      while (from < imports.length) {
        let comma = imports.indexOf(",", from);
        if (comma < 0) comma = imports.length;
        const ns = imports.substring(from, comma);
        from = comma + 1;
        if (!this.importers.has(ns)) this.importers.set(ns, []);
        const list = this.importers.get(ns);
        if (!list.includes(name)) list.push(name);
      }
    }
  }
}

/** Walks the named lines of a module table (a name, then a tab), finding its fields in place:
 *  thousands of lines are read and most of them only looked at. */
class TableCursor {
  private start: i32 = 0;
  private end: i32 = 0;
  private next_: i32 = 0;
  /** Start of field k; field k ends where field k + 1 starts, less one (the line end for the
   *  last). */
  private starts: StaticArray<i32> = new StaticArray<i32>(FIELDS + 1);
  constructor(private b: Uint8Array) {}

  next(): bool {
    return this.nextLine(false);
  }

  /** The next line that may have a kind (a built-in name): a loadable module's line ends with
   *  the tab before its empty kind, and is passed over unread (unless a softdep follows it: the
   *  caller then finds the kind empty). */
  nextWithKind(): bool {
    return this.nextLine(true);
  }

  private nextLine(withKind: bool): bool {
    const b = this.b;
    const n = b.length;
    while (this.next_ < n) {
      const a = this.next_;
      const nl = nextNewline(b, a, n);
      this.next_ = nl + 1;
      const e = nl > a && byteAt(b, nl - 1) == 13 ? nl - 1 : nl;
      if (withKind && e > a && byteAt(b, e - 1) == 9) continue;
      let t1 = a;
      while (t1 < e && byteAt(b, t1) != 9) t1++;
      if (t1 == a || t1 == e) continue;
      this.start = a;
      this.end = e;
      const st = this.starts;
      st[0] = a;
      let from = t1;
      for (let k = 1; k <= FIELDS; k++) {
        st[k] = from + 1;
        if (from < e) {
          from++;
          while (from < e && byteAt(b, from) != 9) from++;
        } else from = e + 1; // fields past the line's are empty
      }
      return true;
    }
    return false;
  }

  fieldLength(k: i32): i32 {
    const a = min(this.starts[k], this.end);
    const e = k + 1 <= FIELDS ? min(this.starts[k + 1] - 1, this.end) : this.end;
    return max(e - a, 0);
  }
  field(k: i32): string {
    return text(this.b, min(this.starts[k], this.end), this.fieldLength(k));
  }
  line(): string {
    return text(this.b, this.start, this.end - this.start);
  }
}

function byteAt(b: Uint8Array, i: i32): i32 {
  return <i32>load<u8>(b.dataStart + <usize>i);
}

function text(b: Uint8Array, a: i32, length: i32): string {
  return String.UTF8.decodeUnsafe(b.dataStart + <usize>a, <usize>length);
}
const FIELDS = 7;

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
