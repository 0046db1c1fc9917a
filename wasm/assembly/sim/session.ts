// The booted kernel's state across a `load` session: loaded modules with references and
// users, the runtime export table, the taint mask and the once-per-boot messages.

import { Msg } from "../../shared/codes";
import * as T from "../kernel/messages";
import { Export, KoImage } from "../model";
import { SymbolTable } from "./symtab";

export const TAINT_PROPRIETARY: i32 = 1; // P, bit 0
export const TAINT_FORCED: i32 = 1 << 1; // F
export const TAINT_CRAP: i32 = 1 << 10; // C
export const TAINT_OOT: i32 = 1 << 12; // O
export const TAINT_UNSIGNED: i32 = 1 << 13; // E

/** A module in the kernel's list. */
export class LoadedModule {
  refcount: i32 = 0;
  /** Modules that use this one, in the order they took a reference. */
  users: string[] = [];
  /** Modules this one uses. */
  uses: string[] = [];
  taints: i32 = 0;
  constructor(public ko: KoImage) {}
  get name(): string {
    return this.ko.name;
  }
}

/** One kernel log record. */
export class LogLine {
  constructor(
    public level: i32,
    public text: string,
    public id: i32,
    public sym: string,
    public ns: string = "",
  ) {}
}

export class Session {
  /** Newest first, as /proc/modules lists them. */
  modules: LoadedModule[] = [];
  /** Exports of the loaded modules, over vmlinux's. */
  loaded: Map<string, Export> = new Map();
  symbols: SymbolTable = new SymbolTable();
  taint: i32 = 0;
  debugLocksOff: bool = false;
  sigNoticeShown: bool = false;
  /** pr_warn_once() of check_version() for extended versions (6.14). */
  noExtCrcShown: bool = false;
  log: LogLine[] = [];
  /** /sys/module entries of the built-in kernel: names a module may not take. */
  sysfsBuiltins: Set<string> = new Set();

  constructor(vmlinux: SymbolTable) {
    this.symbols.under(this.loaded).underAll(vmlinux);
  }

  find(name: string): LoadedModule | null {
    for (let i = 0; i < this.modules.length; i++) if (this.modules[i].name == name) return this.modules[i];
    return null;
  }

  print(level: i32, text: string, id: i32, sym: string = "", ns: string = ""): void {
    this.log.push(new LogLine(level, text, id, sym, ns));
  }

  /** add_taint(): the global mask; the first lockdep-unreliable taint turns lock debugging off. */
  addTaint(bit: i32, lockdepUnreliable: bool): void {
    this.taint |= bit;
    if (lockdepUnreliable && !this.debugLocksOff) {
      this.debugLocksOff = true;
      this.print(4, T.lockdepOff(), Msg.LOAD_LOCKDEP_OFF);
    }
  }

  /** The letters /proc/modules shows for a module's taints: P, O, E in taint_flags order. */
  static taintLetters(t: i32): string {
    let s = "";
    if (t & TAINT_PROPRIETARY) s += "P";
    if (t & TAINT_FORCED) s += "F";
    if (t & TAINT_CRAP) s += "C";
    if (t & TAINT_OOT) s += "O";
    if (t & TAINT_UNSIGNED) s += "E";
    return s;
  }

  /** /proc/modules as the kernel lab records it: `name refcount users state (taints)`. */
  procModules(): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.modules.length; i++) {
      const m = this.modules[i];
      let users = "-";
      if (m.users.length > 0) users = m.users.join(",") + ",";
      let line = m.name + " " + m.refcount.toString() + " " + users + " Live";
      const letters = Session.taintLetters(m.taints);
      if (letters.length > 0) line += " (" + letters + ")";
      out.push(line);
    }
    return out;
  }
}
