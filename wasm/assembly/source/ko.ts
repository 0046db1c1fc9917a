// What a built .ko holds (kernel-semantics: what a built .ko holds): .modinfo; the exports of __ksymtab and __ksymtab_gpl
// (from 7.1 one __ksymtab with a __kflagstab byte each), read through their relocations
// whatever the layout (PREL32 or pointers, with or without the namespace field); the CRCs of
// __crc_ symbols; the undefined symbols of .symtab; __versions and __version_ext_*; the name.
// (What kmod's depmod reads of it is depmodview.ts.)

import { ElfFile, ElfRelocs, ElfSection, ElfSymbols, readSymbols, relocsFor, SHN_ABS, SHN_UNDEF, SHT_NOBITS, STB_WEAK } from "./elf";
import { ModInfo, readModInfo } from "./modinfo";

/** What to read: depmod's view only, or everything the loader and the model need. */
export const READ_DEPMOD: i32 = 1;
export const READ_ALL: i32 = 3;

/** Sections a reader of each kind needs, by name (the symbol table's string table comes by link);
 *  depmod's view (depmodview.ts) needs only the first four. */
const DEPMOD_SECTIONS: string[] = [".symtab", ".strtab", "__ksymtab_strings", "__versions"];
const ALL_SECTIONS: string[] = [
  ".modinfo",
  ".gnu.linkonce.this_module",
  "__ksymtab",
  "__ksymtab_gpl",
  "__ksymtab_unused",
  "__ksymtab_unused_gpl",
  "__ksymtab_gpl_future",
  "__kflagstab",
  "__kcrctab",
  "__kcrctab_gpl",
  "__kcrctab_unused",
  "__kcrctab_unused_gpl",
  "__kcrctab_gpl_future",
  "__version_ext_crcs",
  "__version_ext_names",
];
/** Export tables and whether each is GPL-only (the _unused ones went in 5.13, _gpl_future in 5.12). */
const KSYMTABS: string[] = ["__ksymtab", "__ksymtab_gpl", "__ksymtab_unused", "__ksymtab_unused_gpl", "__ksymtab_gpl_future"];
const KSYMTAB_GPL: bool[] = [false, true, false, true, false];

export class KoExport {
  constructor(
    public symbol: string,
    public gpl: bool,
    public ns: string,
    public crc: u32,
    public hasCrc: bool,
  ) {}
}

export class KoFile {
  /** Why the file cannot be read as ELF at all ("" when it can), and kmod's errno for it. */
  error: string = "";
  errno: i32 = 0;
  is64: bool = false;
  big: bool = false;
  machine: u32 = 0;
  /** Parts that could not be read (a table without its relocations, ...). */
  problems: string[] = [];
  modinfo: ModInfo = new ModInfo();
  /** modinfo's name=, else struct module's name, else "". */
  name: string = "";
  exports: KoExport[] = [];
  /** Undefined symbols in symbol-table order, and which of them are weak. */
  undefined: string[] = [];
  weak: Set<string> = new Set();
  hasVersions: bool = false;
  versionNames: string[] = [];
  versionCrcs: u64[] = [];
  /** __versions' size is not a multiple of 64: kmod ignores the table. */
  versionsOddSize: bool = false;
  extNames: string[] = [];
  extCrcs: u32[] = [];
  hasInit: bool = false;
  hasExit: bool = false;

  // How the simulated kernel sees the file (sim/elfcheck.ts), filled in by the caller:
  /** A well-formed signature is appended (module_sig_check). */
  signed: bool = false;
  /** A malformed signature block: the load fails with this errno, silently. */
  sigErrno: i32 = 0;
  /** The ELF checks' errno (0: passed) and the lines they printed. */
  formatErrno: i32 = 0;
  formatLevels: i32[] = [];
  formatTexts: string[] = [];
}

/** The sections a reader of `what` needs from this file. */
export function wantedSections(e: ElfFile, what: i32): ElfSection[] {
  const out: ElfSection[] = [];
  for (let i = 1; i < e.sections.length; i++) {
    const s = e.sections[i];
    let want = s.isOneOf(DEPMOD_SECTIONS);
    if (!want && what == READ_ALL) {
      want = s.isOneOf(ALL_SECTIONS);
      // the relocations of the export tables
      if (!want && s.info < <u32>e.sections.length && (s.type == 4 || s.type == 9)) want = e.sections[s.info].isOneOf(KSYMTABS);
    }
    if (want && !out.includes(s)) out.push(s);
  }
  // the symbol table's own string table, whatever its name
  for (let i = 1; i < e.sections.length; i++) {
    const s = e.sections[i];
    if (s.type == 2 && s.link < <u32>e.sections.length && !out.includes(e.sections[s.link])) out.push(e.sections[s.link]);
  }
  return out;
}

/** Reads a .ko whose wanted sections are present (the whole file, or what a scan fetched). */
export function readKo(e: ElfFile, what: i32): KoFile {
  const k = new KoFile();
  k.error = e.error;
  if (k.error.length > 0) {
    k.errno = e.errno != 0 ? e.errno : 22;
    return k;
  }
  k.is64 = e.is64;
  k.big = e.big;
  k.machine = e.machine;
  if (what == READ_ALL) {
    const mi = e.section(".modinfo");
    if (mi != null) k.modinfo = readModInfo(e, mi as ElfSection);
    const n = k.modinfo.get("name");
    if (n != null) k.name = n as string;
  }
  const syms = readSymbols(e);
  const crcs = new Map<string, u64>();
  if (syms != null) readSymbolTable(k, syms as ElfSymbols, crcs);
  readVersions(k, e);
  if (what == READ_ALL) {
    if (k.name.length == 0) k.name = thisModuleName(e);
    if (syms != null) readExports(k, e, syms as ElfSymbols, crcs);
    readExtVersions(k, e);
  }
  return k;
}

/** Undefined symbols, init/exit, and the __crc_ symbols with their values (kmod_elf_resolve_crc). */
function readSymbolTable(k: KoFile, t: ElfSymbols, crcs: Map<string, u64>): void {
  const e = t.e;
  const b = e.b;
  for (let i = 1; i < t.count; i++) {
    const at = t.nameAt(i);
    if (at < 0 || b.u8(at) == 0) continue;
    const shndx = t.shndx(i);
    if (b.cstrStartsWith(at, t.strEnd, "__crc_")) crcs.set(b.cstr(at + 6, t.strEnd), crcValue(e, t.value(i), shndx));
    if (shndx == SHN_UNDEF) {
      const name = b.cstr(at, t.strEnd);
      k.undefined.push(name);
      if (t.bind(i) == STB_WEAK) k.weak.add(name);
      continue;
    }
    if (b.cstrEquals(at, t.strEnd, "init_module")) k.hasInit = true;
    else if (b.cstrEquals(at, t.strEnd, "cleanup_module")) k.hasExit = true;
  }
}

function crcValue(e: ElfFile, value: u64, shndx: u32): u64 {
  if (shndx == SHN_ABS || shndx == SHN_UNDEF) return value;
  if (shndx >= <u32>e.sections.length) return U64.MAX_VALUE;
  const s = e.sections[shndx];
  if (s.size < 4 || value > s.size - 4 || !e.present(s)) return U64.MAX_VALUE;
  return <u64>e.b.u32(<i32>(s.offset + value), e.big);
}

/** __versions: one 64-byte entry per symbol, a CRC of the word size then the name. */
function readVersions(k: KoFile, e: ElfFile): void {
  const s = e.section("__versions");
  if (s == null) return;
  const v = s as ElfSection;
  k.hasVersions = true;
  if (!e.present(v)) {
    k.problems.push("__versions: not readable");
    return;
  }
  k.versionsOddSize = v.size % 64 != 0;
  const n = <i32>(v.size / 64);
  const w = e.wordSize;
  for (let i = 0; i < n; i++) {
    const o = <i32>v.offset + i * 64;
    k.versionCrcs.push(e.b.word(o, w, e.big));
    k.versionNames.push(e.b.cstr(o + w, o + 64));
  }
}

function readExtVersions(k: KoFile, e: ElfFile): void {
  const c = e.allocSection("__version_ext_crcs");
  const n = e.allocSection("__version_ext_names");
  if (c == null || n == null) return;
  const cs = c as ElfSection,
    ns = n as ElfSection;
  if (!e.present(cs) || !e.present(ns)) return;
  let p = <i32>ns.offset;
  const end = <i32>(ns.offset + ns.size);
  const count = <i32>(cs.size / 4);
  for (let i = 0; i < count && p < end; i++) {
    const name = e.b.cstr(p, end);
    k.extNames.push(name);
    k.extCrcs.push(e.b.u32(<i32>cs.offset + i * 4, e.big));
    while (p < end && e.b.u8(p) != 0) p++;
    p++;
  }
}

/** struct module's name field: after the state and the list head. */
function thisModuleName(e: ElfFile): string {
  const s = e.allocSection(".gnu.linkonce.this_module");
  if (s == null) return "";
  const m = s as ElfSection;
  const at = e.is64 ? 24 : 12;
  const n = e.is64 ? 56 : 60;
  if (m.size < <u64>(at + n) || !e.present(m)) return "";
  return e.b.cstr(<i32>m.offset + at, <i32>m.offset + at + n);
}

/** Where relocation j points: its symbol's section and offset plus the addend (for REL, the
 *  addend is the relocated field itself). PC-relative or absolute makes no difference here. */
class Target {
  section: i32 = -1;
  offset: u64 = 0;
}

function relocTarget(e: ElfFile, t: ElfSymbols, rel: ElfRelocs, j: i32, table: ElfSection, field: i32): Target {
  const out = new Target();
  const sym = rel.symbol(j);
  if (sym == 0 || sym >= <u32>t.count) return out;
  const shndx = t.shndx(<i32>sym);
  if (shndx == SHN_UNDEF || shndx >= <u32>e.sections.length) return out;
  let addend = rel.addend(j);
  if (!rel.rela) {
    const at = table.offset + rel.offset(j);
    if (!e.b.has(at, <u64>field)) return out;
    addend = field == 8 ? <i64>e.b.u64(<i32>at, e.big) : <i64>(<i32>e.b.u32(<i32>at, e.big));
  }
  out.section = <i32>shndx;
  out.offset = t.value(<i32>sym) + <u64>addend;
  return out;
}

/** The exports: each table entry's name and namespace fields, through their relocations. */
function readExports(k: KoFile, e: ElfFile, t: ElfSymbols, crcs: Map<string, u64>): void {
  const flags = e.allocSection("__kflagstab");
  for (let n = 0; n < KSYMTABS.length; n++) {
    const s = e.allocSection(KSYMTABS[n]);
    if (s == null) continue;
    const table = s as ElfSection;
    if (table.size == 0) continue;
    const rel = relocsFor(e, table.index);
    if (rel == null) {
      k.problems.push(table.name + ": no relocations to read its entries through");
      continue;
    }
    readTable(k, e, t, table, rel as ElfRelocs, KSYMTAB_GPL[n], n == 0 ? flags : null, crcs);
  }
}

/** Broken entries of one export table listed one by one; the rest are summed up. */
const MAX_TABLE_PROBLEMS = 8;

function readTable(k: KoFile, e: ElfFile, t: ElfSymbols, table: ElfSection, rel: ElfRelocs, gpl: bool, flags: ElfSection | null, crcs: Map<string, u64>): void {
  const at = new Map<u64, i32>();
  for (let j = 0; j < rel.count; j++) {
    const o = rel.offset(j);
    if (!at.has(o)) at.set(o, j);
  }
  // struct kernel_symbol: value, name and (from 5.4) namespace, as 32-bit place-relative
  // offsets (CONFIG_HAVE_ARCH_PREL32_RELOCATIONS) or as pointers
  let field = 4;
  if (e.is64 && !at.has(4)) field = 8;
  let fields = 3;
  const size = table.size;
  // the kernel's elf_validity_check: a section lies inside the file (its bytes need not be read)
  const len = <u64>e.b.len;
  if (table.type == SHT_NOBITS || table.offset > len || size > len - table.offset) {
    k.problems.push(table.name + ": beyond the end of the file");
    return;
  }
  if (at.has(<u64>(2 * field)) && at.has(<u64>field)) {
    // the third relocation is the namespace when it points where the name does
    const name0 = relocTarget(e, t, rel, at.get(<u64>field), table, field);
    const third = relocTarget(e, t, rel, at.get(<u64>(2 * field)), table, field);
    if (third.section != name0.section) fields = 2;
  } else if (!at.has(<u64>(2 * field)) && size % <u64>(3 * field) != 0 && size % <u64>(2 * field) == 0) fields = 2;
  const entry = fields * field;
  if (size % <u64>entry != 0) {
    k.problems.push(table.name + ": " + size.toString() + " bytes is not a whole number of " + entry.toString() + "-byte entries");
    return;
  }
  const count = <i32>(size / <u64>entry);
  const flagsOk = flags != null && e.present(flags as ElfSection);
  const known = k.problems.length;
  for (let i = 0; i < count; i++) {
    if (k.problems.length - known >= MAX_TABLE_PROBLEMS) {
      k.problems.push(table.name + ": more broken entries not listed");
      return;
    }
    const base = <u64>(i * entry);
    const nameOff = base + <u64>field;
    if (!at.has(nameOff)) {
      k.problems.push(table.name + ": entry " + i.toString() + " has no relocation for its name");
      continue;
    }
    const nt = relocTarget(e, t, rel, at.get(nameOff), table, field);
    if (nt.section < 0) {
      k.problems.push(table.name + ": entry " + i.toString() + " names no string");
      continue;
    }
    const name = e.stringAt(e.sections[nt.section], nt.offset);
    if (name.length == 0) {
      k.problems.push(table.name + ": entry " + i.toString() + " has an empty name");
      continue;
    }
    let ns = "";
    const nsOff = base + <u64>(2 * field);
    if (fields == 3 && at.has(nsOff)) {
      const st = relocTarget(e, t, rel, at.get(nsOff), table, field);
      if (st.section >= 0) ns = e.stringAt(e.sections[st.section], st.offset);
    }
    let isGpl = gpl;
    if (flagsOk) {
      const f = flags as ElfSection;
      if (<u64>i < f.size) isGpl = (e.b.u8(<i32>f.offset + i) & 1) != 0; // KSYM_FLAG_GPL_ONLY
    }
    const has = crcs.has(name);
    const crc = has ? crcs.get(name) : 0;
    k.exports.push(new KoExport(name, isGpl, ns, <u32>crc, has && crc != U64.MAX_VALUE));
  }
}
