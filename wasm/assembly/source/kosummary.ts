// A read .ko as bytes, so that the engine instances that read modules in parallel can hand
// them to the one that resolves the whole kernel without the host decoding anything.
// Records are a tag and a fixed number of UTF-8 fields, each ended by NUL (which no ELF
// string can contain). Every summary has depmod's view (depmodview.ts); one of a file
// read whole also has what the loader needs.

import { KoExport, KoFile } from "./ko";
import { ElfFile } from "./elf";
import { writeDepmodRecords } from "./depmodview";
import { ByteWriter } from "../util/bytes";

/** The modinfo keys the loader and depmod look at (not the aliases, parameters, authors). */
const LOADER_KEYS: string[] = ["name", "license", "import_ns", "vermagic", "intree", "retpoline", "staging", "depends", "livepatch", "test"];

function flag(b: bool): string {
  return b ? "1" : "0";
}

function header(o: ByteWriter, k: KoFile): void {
  o.field("H");
  o.field(k.error);
  o.field(k.errno.toString());
  o.field(k.name);
  o.field((k.machine | (k.is64 ? 0x10000 : 0) | (k.big ? 0x20000 : 0)).toString());
  o.field(flag(k.hasVersions) + flag(k.versionsOddSize) + flag(k.hasInit) + flag(k.hasExit) + flag(k.signed));
  o.field(k.sigErrno.toString());
  o.field(k.formatErrno.toString());
}

/** Appends depmod's view only, of a file read in part (the loader's fields left empty). */
export function writeDepmodSummary(e: ElfFile, o: ByteWriter): void {
  o.field("H");
  o.field(e.error);
  o.field((e.error.length > 0 ? (e.errno != 0 ? e.errno : 22) : 0).toString());
  o.field("");
  o.field("0");
  o.field("00000");
  o.field("0");
  o.field("0");
  writeDepmodRecords(e, o);
}

/** Appends everything: the loader's view of `k` and depmod's of `e`. */
export function writeKoSummary(k: KoFile, e: ElfFile, o: ByteWriter): void {
  header(o, k);
  for (let i = 0; i < k.formatTexts.length; i++) {
    o.field("L");
    o.field(k.formatLevels[i].toString());
    o.field(k.formatTexts[i]);
  }
  for (let i = 0; i < k.problems.length; i++) {
    o.field("P");
    o.field(k.problems[i]);
  }
  const m = k.modinfo;
  for (let i = 0; i < m.keys.length; i++) {
    if (!LOADER_KEYS.includes(m.keys[i])) continue;
    o.field("M");
    o.field(m.keys[i]);
    o.field(m.values[i]);
  }
  for (let i = 0; i < k.exports.length; i++) {
    const x = k.exports[i];
    o.field("X");
    o.field(x.symbol);
    o.field(flag(x.gpl) + flag(x.hasCrc));
    o.field(x.ns);
    o.field(x.crc.toString());
  }
  for (let i = 0; i < k.undefined.length; i++) {
    o.field("u");
    o.field(k.undefined[i]);
    o.field(flag(k.weak.has(k.undefined[i])));
  }
  for (let i = 0; i < k.versionNames.length; i++) {
    o.field("V");
    o.field(k.versionNames[i]);
    o.field(k.versionCrcs[i].toString());
  }
  for (let i = 0; i < k.extNames.length; i++) {
    o.field("W");
    o.field(k.extNames[i]);
    o.field(k.extCrcs[i].toString());
  }
  writeDepmodRecords(e, o);
}

class Fields {
  pos: i32 = 0;
  constructor(public b: Uint8Array) {}
  get done(): bool {
    return this.pos >= this.b.length;
  }
  next(): string {
    const b = this.b;
    let e = this.pos;
    while (e < b.length && unchecked(b[e]) != 0) e++;
    const v = String.UTF8.decodeUnsafe(b.dataStart + <usize>this.pos, <usize>(e - this.pos));
    this.pos = e + 1;
    return v;
  }
  /** The first byte of the next field, which is then skipped (tags and flags). */
  tag(): i32 {
    const b = this.b;
    if (this.pos >= b.length) return 0;
    const c = <i32>unchecked(b[this.pos]);
    while (this.pos < b.length && unchecked(b[this.pos]) != 0) this.pos++;
    this.pos++;
    return c;
  }
  u64(): u64 {
    const b = this.b;
    let v: u64 = 0;
    while (this.pos < b.length && unchecked(b[this.pos]) != 0) {
      v = v * 10 + <u64>(unchecked(b[this.pos]) - 48);
      this.pos++;
    }
    this.pos++;
    return v;
  }
  int(): i32 {
    return <i32>this.u64();
  }
}

/** Reads back the loader's view of what writeKoSummary wrote. */
export function readKoSummary(b: Uint8Array): KoFile {
  const k = new KoFile();
  const f = new Fields(b);
  if (f.tag() != 0x48) {
    k.error = "unreadable summary";
    k.errno = 22;
    return k;
  }
  k.error = f.next();
  k.errno = f.int();
  k.name = f.next();
  const mach = f.int();
  k.machine = <u32>(mach & 0xffff);
  k.is64 = (mach & 0x10000) != 0;
  k.big = (mach & 0x20000) != 0;
  const flags = f.next();
  k.hasVersions = flags.charAt(0) == "1";
  k.versionsOddSize = flags.charAt(1) == "1";
  k.hasInit = flags.charAt(2) == "1";
  k.hasExit = flags.charAt(3) == "1";
  k.signed = flags.charAt(4) == "1";
  k.sigErrno = f.int();
  k.formatErrno = f.int();
  while (!f.done) {
    const tag = f.tag();
    if (tag == 0x4c) {
      k.formatLevels.push(f.int());
      k.formatTexts.push(f.next());
    } // L
    else if (tag == 0x50)
      k.problems.push(f.next()); // P
    else if (tag == 0x4d) {
      k.modinfo.keys.push(f.next());
      k.modinfo.values.push(f.next());
    } // M
    else if (tag == 0x58) {
      // X
      const sym = f.next();
      const fl = f.next();
      const ns = f.next();
      const crc = <u32>f.u64();
      k.exports.push(new KoExport(sym, fl.charAt(0) == "1", ns, crc, fl.charAt(1) == "1"));
    } else if (tag == 0x75) {
      // u
      const sym = f.next();
      k.undefined.push(sym);
      if (f.tag() == 0x31) k.weak.add(sym);
    } else if (tag == 0x4b || tag == 0x44)
      f.tag(); // K, D: depmod's
    else if (tag == 0x55) {
      f.tag();
      f.tag();
    } // U
    else if (tag == 0x56) {
      k.versionNames.push(f.next());
      k.versionCrcs.push(f.u64());
    } // V
    else if (tag == 0x57) {
      k.extNames.push(f.next());
      k.extCrcs.push(<u32>f.u64());
    } // W
    else break;
  }
  return k;
}
