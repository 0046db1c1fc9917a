// A kernel profile: the export table of a real kernel (vmlinux and its in-tree modules,
// from its Module.symvers), as the base that workspace modules build against and load into.

import { Export, KoImage } from "../model";
import { readSymvers, Symvers } from "../source/symvers";
import { splitLines } from "../source/text";

export class Profile {
  symvers: Symvers;
  /** First export of each symbol. */
  table: Map<string, Export> = new Map();
  vmlinux: Export[] = [];
  /** In-tree modules by name, with their exports. */
  modules: Map<string, KoImage> = new Map();
  hasVmlinux: bool = false;

  constructor(public file: string, bytes: Uint8Array) {
    this.symvers = readSymvers(file, bytes);
    const ex = this.symvers.exports;
    for (let i = 0; i < ex.length; i++) {
      const e = ex[i];
      if (!this.table.has(e.symbol)) this.table.set(e.symbol, e);
      if (e.owner == "vmlinux") { this.vmlinux.push(e); this.hasVmlinux = true; continue; }
      let ko: KoImage;
      if (this.modules.has(e.owner)) ko = this.modules.get(e.owner);
      else {
        ko = new KoImage(e.owner, e.ownerPath + ".ko");
        ko.intree = true;
        ko.signed = true;
        ko.license = "GPL";
        ko.path = e.ownerPath;
        this.modules.set(e.owner, ko);
      }
      ko.exports.push(e);
    }
  }

  /** Adds the in-tree module table (name, path, modules.dep list, direct depends), one line a module. */
  addModules(text: string): void {
    const lines = splitLines(text);
    for (let i = 0; i < lines.length; i++) {
      const f = lines[i].split("\t");
      if (f.length < 4 || f[0].length == 0) continue;
      const name = f[0];
      let ko: KoImage;
      if (this.modules.has(name)) ko = this.modules.get(name);
      else {
        ko = new KoImage(name, f[1] + ".ko");
        ko.intree = true;
        ko.signed = true;
        ko.license = "GPL";
        this.modules.set(name, ko);
      }
      ko.path = f[1];
      ko.depOrder = f[2].length > 0 ? f[2].split(" ") : [];
      ko.depends = f[3].length > 0 ? f[3].split(",") : [];
      ko.hasInit = true;
      ko.hasExit = true;
    }
  }
}
