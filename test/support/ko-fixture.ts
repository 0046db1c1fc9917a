// Small kernel modules made in memory for tests: a relocatable ELF with what modpost and the
// linker put into a .ko (.modinfo, __ksymtab* with their relocations, __ksymtab_strings,
// __versions, __crc_ symbols, .gnu.linkonce.this_module, .symtab), 32- or 64-bit, either
// byte order, in the export-table layouts kernels have used. No kernel binary is stored.

export interface FixtureExport {
  name: string;
  gpl?: boolean;
  /** The namespace ("" or absent: none). */
  ns?: string;
  /** A __crc_ symbol with this value. */
  crc?: number;
}

export interface Fixture {
  bits?: 32 | 64;
  big?: boolean;
  /** e_machine (default 62, x86-64). */
  machine?: number;
  /** `key=value` strings of .modinfo, in order. */
  modinfo?: string[];
  exports?: FixtureExport[];
  /** Undefined symbols, in symbol-table order; a name ending in "?" is weak. */
  uses?: string[];
  /** __versions entries. */
  versions?: { name: string; crc: number }[];
  /** __version_ext_crcs/__version_ext_names entries. */
  extVersions?: { name: string; crc: number }[];
  /** How each export is written: "prel32" (three 32-bit place-relative fields, the default
   *  on 64-bit), "pointers" (three pointer fields), or "old" (two fields, before 5.4). */
  layout?: "prel32" | "pointers" | "old";
  /** 7.1 on: one __ksymtab and a __kflagstab byte per export. */
  flagstab?: boolean;
  /** REL relocations (addend in place) instead of RELA. */
  rel?: boolean;
  /** Size of .gnu.linkonce.this_module (default 0x500, Debian 6.12 on). */
  thisModuleSize?: number;
  /** The name in struct module. */
  structName?: string;
  /** Define init_module and cleanup_module. */
  initExit?: boolean;
  /** Append a well-formed PKCS#7 module signature block. */
  signed?: boolean;
}

const SHT_PROGBITS = 1,
  SHT_SYMTAB = 2,
  SHT_STRTAB = 3,
  SHT_RELA = 4,
  SHT_REL = 9;
const SHF_WRITE = 1,
  SHF_ALLOC = 2,
  SHF_EXECINSTR = 4;

class Strings {
  bytes: number[] = [0];
  private at = new Map<string, number>();
  add(s: string): number {
    const known = this.at.get(s);
    if (known !== undefined) return known;
    const off = this.bytes.length;
    for (const b of new TextEncoder().encode(s)) this.bytes.push(b);
    this.bytes.push(0);
    this.at.set(s, off);
    return off;
  }
}

interface Section {
  name: string;
  type: number;
  flags: number;
  data: Uint8Array;
  link?: number;
  info?: number;
  entsize?: number;
  align?: number;
}

interface Sym {
  name: string;
  value: number;
  size: number;
  bind: number; // 0 local, 1 global, 2 weak
  type: number; // 0 notype, 2 func
  shndx: number;
}

class Writer {
  buf: DataView;
  bytes: Uint8Array;
  constructor(
    n: number,
    private le: boolean,
  ) {
    this.bytes = new Uint8Array(n);
    this.buf = new DataView(this.bytes.buffer);
  }
  u8(o: number, v: number): void {
    this.buf.setUint8(o, v);
  }
  u16(o: number, v: number): void {
    this.buf.setUint16(o, v, this.le);
  }
  u32(o: number, v: number): void {
    this.buf.setUint32(o, v >>> 0, this.le);
  }
  u64(o: number, v: number | bigint): void {
    this.buf.setBigUint64(o, BigInt(v), this.le);
  }
  word(o: number, v: number | bigint, bits: 32 | 64): void {
    if (bits === 64) this.u64(o, v);
    else this.u32(o, Number(v));
  }
}

/** The bytes of a .ko as the fixture describes it. */
export function makeKo(f: Fixture = {}): Uint8Array {
  const bits = f.bits ?? 64;
  const le = !f.big;
  const layout = f.layout ?? (bits === 64 ? "prel32" : "pointers");
  const fieldSize = layout === "prel32" ? 4 : bits / 8;
  const fields = layout === "old" ? 2 : 3;
  const exports = f.exports ?? [];
  const ptr = bits / 8;

  const sections: Section[] = [{ name: "", type: 0, flags: 0, data: new Uint8Array(0) }];
  const add = (s: Section): number => sections.push(s) - 1;
  const syms: Sym[] = [{ name: "", value: 0, size: 0, bind: 0, type: 0, shndx: 0 }];

  // .text: one 16-byte function per export, then init and exit
  const fnCount = exports.length + (f.initExit === false ? 0 : 2);
  const text = add({ name: ".text", type: SHT_PROGBITS, flags: SHF_ALLOC | SHF_EXECINSTR, data: new Uint8Array(16 * fnCount + 16) });

  // .modinfo
  const modinfo = new TextEncoder().encode(
    (f.modinfo ?? ["license=GPL", "name=fixture", "vermagic=6.12.117+deb12-amd64 SMP preempt mod_unload modversions "]).map((s) => s + "\0").join(""),
  );
  add({ name: ".modinfo", type: SHT_PROGBITS, flags: SHF_ALLOC, data: modinfo });

  // __ksymtab_strings: each name then its namespace, as 6.5's modpost writes them
  const nameAt: number[] = [],
    nsAt: number[] = [];
  const kstrBytes: number[] = [];
  for (const e of exports) {
    nameAt.push(kstrBytes.length);
    for (const b of new TextEncoder().encode(e.name)) kstrBytes.push(b);
    kstrBytes.push(0);
    nsAt.push(kstrBytes.length);
    for (const b of new TextEncoder().encode(e.ns ?? "")) kstrBytes.push(b);
    kstrBytes.push(0);
  }
  const kstrtab = add({ name: "__ksymtab_strings", type: SHT_PROGBITS, flags: SHF_ALLOC, data: new Uint8Array(kstrBytes) });

  // symbols: per export __kstrtab_/__kstrtabns_ (local), the function (global), __crc_
  const fnSym = new Map<string, number>(),
    strSym = new Map<string, number>(),
    nsSym = new Map<string, number>();
  exports.forEach((e, i) => {
    strSym.set(e.name, syms.push({ name: `__kstrtab_${e.name}`, value: nameAt[i], size: 0, bind: 0, type: 0, shndx: kstrtab }) - 1);
    if (layout !== "old") nsSym.set(e.name, syms.push({ name: `__kstrtabns_${e.name}`, value: nsAt[i], size: 0, bind: 0, type: 0, shndx: kstrtab }) - 1);
  });

  // the export tables and their relocations
  const tables: { name: string; list: FixtureExport[] }[] = f.flagstab
    ? [{ name: "__ksymtab", list: exports }]
    : [
        { name: "__ksymtab", list: exports.filter((e) => !e.gpl) },
        { name: "__ksymtab_gpl", list: exports.filter((e) => e.gpl) },
      ];
  const relocLater: { table: number; list: FixtureExport[] }[] = [];
  for (const t of tables) {
    if (t.list.length === 0) continue;
    const data = new Uint8Array(t.list.length * fields * fieldSize);
    const idx = add({ name: t.name, type: SHT_PROGBITS, flags: SHF_ALLOC, data, align: 4 });
    relocLater.push({ table: idx, list: t.list });
  }
  if (f.flagstab && exports.length > 0)
    add({ name: "__kflagstab", type: SHT_PROGBITS, flags: SHF_ALLOC, data: new Uint8Array(exports.map((e) => (e.gpl ? 1 : 0))) });
  const crcList = exports.filter((e) => e.crc !== undefined);
  let kcrctab = 0;
  if (crcList.length > 0) {
    const w = new Writer(4 * crcList.length, le);
    crcList.forEach((e, i) => w.u32(4 * i, e.crc!));
    kcrctab = add({ name: "__kcrctab", type: SHT_PROGBITS, flags: SHF_ALLOC, data: w.bytes });
  }

  // __versions: 64-byte entries, a CRC of the word size then the name
  if (f.versions) {
    const w = new Writer(64 * f.versions.length, le);
    f.versions.forEach((v, i) => {
      w.word(64 * i, v.crc, bits);
      w.bytes.set(new TextEncoder().encode(v.name).slice(0, 63 - ptr), 64 * i + ptr);
    });
    add({ name: "__versions", type: SHT_PROGBITS, flags: SHF_ALLOC, data: w.bytes });
  }
  if (f.extVersions) {
    const w = new Writer(4 * f.extVersions.length, le);
    f.extVersions.forEach((v, i) => w.u32(4 * i, v.crc));
    add({ name: "__version_ext_crcs", type: SHT_PROGBITS, flags: SHF_ALLOC, data: w.bytes });
    add({
      name: "__version_ext_names",
      type: SHT_PROGBITS,
      flags: SHF_ALLOC,
      data: new TextEncoder().encode(f.extVersions.map((v) => v.name + "\0").join("")),
    });
  }

  // struct module: state, list head, then the name
  const thisModule = new Uint8Array(f.thisModuleSize ?? (bits === 64 ? 0x500 : 0x300));
  thisModule.set(new TextEncoder().encode(f.structName ?? "fixture").slice(0, 55), bits === 64 ? 24 : 12);
  add({ name: ".gnu.linkonce.this_module", type: SHT_PROGBITS, flags: SHF_ALLOC | SHF_WRITE, data: thisModule, align: 64 });

  // global symbols: exported functions, init/exit, __crc_, then the undefined ones
  exports.forEach((e, i) => fnSym.set(e.name, syms.push({ name: e.name, value: 16 * i, size: 16, bind: 1, type: 2, shndx: text }) - 1));
  if (f.initExit !== false) {
    syms.push({ name: "init_module", value: 16 * exports.length, size: 16, bind: 1, type: 2, shndx: text });
    syms.push({ name: "cleanup_module", value: 16 * exports.length + 16, size: 16, bind: 1, type: 2, shndx: text });
  }
  crcList.forEach((e, i) => syms.push({ name: `__crc_${e.name}`, value: 4 * i, size: 0, bind: 1, type: 0, shndx: kcrctab }));
  for (const u of f.uses ?? []) {
    const weak = u.endsWith("?");
    syms.push({ name: weak ? u.slice(0, -1) : u, value: 0, size: 0, bind: weak ? 2 : 1, type: 0, shndx: 0 });
  }
  // locals come first in a real symbol table; the order is all the reader cares about here
  const symtabIdx = sections.length + relocLater.length;
  for (const r of relocLater) {
    const rela = !f.rel;
    const ent = (rela ? 3 : 2) * ptr;
    const relocs: { off: number; sym: number }[] = [];
    r.list.forEach((e, i) => {
      const base = i * fields * fieldSize;
      relocs.push({ off: base, sym: fnSym.get(e.name)! });
      relocs.push({ off: base + fieldSize, sym: strSym.get(e.name)! });
      if (fields === 3) relocs.push({ off: base + 2 * fieldSize, sym: nsSym.get(e.name)! });
    });
    const w = new Writer(ent * relocs.length, le);
    relocs.forEach((x, i) => {
      const o = i * ent;
      w.word(o, x.off, bits);
      if (bits === 64) w.u64(o + 8, (BigInt(x.sym) << 32n) | 2n);
      else w.u32(o + 4, (x.sym << 8) | 1);
      if (rela) w.word(o + 2 * ptr, 0, bits);
    });
    add({
      name: (rela ? ".rela" : ".rel") + sections[r.table].name,
      type: rela ? SHT_RELA : SHT_REL,
      flags: 0x40,
      data: w.bytes,
      link: symtabIdx,
      info: r.table,
      entsize: ent,
    });
  }

  // .symtab and .strtab
  const strtab = new Strings();
  const symEnt = bits === 64 ? 24 : 16;
  const sw = new Writer(symEnt * syms.length, le);
  syms.forEach((s, i) => {
    const o = i * symEnt;
    const name = s.name ? strtab.add(s.name) : 0;
    const info = (s.bind << 4) | s.type;
    if (bits === 64) {
      sw.u32(o, name);
      sw.u8(o + 4, info);
      sw.u16(o + 6, s.shndx);
      sw.u64(o + 8, s.value);
      sw.u64(o + 16, s.size);
    } else {
      sw.u32(o, name);
      sw.u32(o + 4, s.value);
      sw.u32(o + 8, s.size);
      sw.u8(o + 12, info);
      sw.u16(o + 14, s.shndx);
    }
  });
  const firstGlobal = syms.findIndex((s) => s.bind !== 0);
  const symtab = add({
    name: ".symtab",
    type: SHT_SYMTAB,
    flags: 0,
    data: sw.bytes,
    link: symtabIdx + 1,
    info: firstGlobal < 0 ? syms.length : firstGlobal,
    entsize: symEnt,
    align: 8,
  });
  if (symtab !== symtabIdx) throw new Error("fixture: symtab index");
  add({ name: ".strtab", type: SHT_STRTAB, flags: 0, data: new Uint8Array(strtab.bytes) });
  const shstr = new Strings();
  for (const s of sections) if (s.name) shstr.add(s.name);
  shstr.add(".shstrtab");
  const shstrtab = sections.length;
  add({ name: ".shstrtab", type: SHT_STRTAB, flags: 0, data: new Uint8Array(0) });
  sections[shstrtab].data = new Uint8Array(shstr.bytes);

  // lay the file out: header, section data (aligned), section headers
  const ehdr = bits === 64 ? 64 : 52;
  const shdr = bits === 64 ? 64 : 40;
  const offsets: number[] = [];
  let p = ehdr;
  for (const s of sections) {
    const a = s.align ?? 8;
    p = Math.ceil(p / a) * a;
    offsets.push(s.data.length ? p : 0);
    p += s.data.length;
  }
  p = Math.ceil(p / 8) * 8;
  const shoff = p;
  const size = shoff + shdr * sections.length;
  const w = new Writer(size, le);
  w.bytes.set([0x7f, 0x45, 0x4c, 0x46, bits === 64 ? 2 : 1, le ? 1 : 2, 1], 0);
  w.u16(16, 1); // ET_REL
  w.u16(18, f.machine ?? 62);
  w.u32(20, 1);
  if (bits === 64) {
    w.u64(0x28, shoff);
    w.u16(0x34, ehdr);
    w.u16(0x3a, shdr);
    w.u16(0x3c, sections.length);
    w.u16(0x3e, shstrtab);
  } else {
    w.u32(0x20, shoff);
    w.u16(0x28, ehdr);
    w.u16(0x2e, shdr);
    w.u16(0x30, sections.length);
    w.u16(0x32, shstrtab);
  }
  sections.forEach((s, i) => {
    w.bytes.set(s.data, offsets[i]);
    const o = shoff + i * shdr;
    if (i === 0) return;
    w.u32(o, shstr.add(s.name));
    w.u32(o + 4, s.type);
    if (bits === 64) {
      w.u64(o + 8, s.flags);
      w.u64(o + 24, offsets[i]);
      w.u64(o + 32, s.data.length);
      w.u32(o + 40, s.link ?? 0);
      w.u32(o + 44, s.info ?? 0);
      w.u64(o + 48, s.align ?? 8);
      w.u64(o + 56, s.entsize ?? 0);
    } else {
      w.u32(o + 8, s.flags);
      w.u32(o + 16, offsets[i]);
      w.u32(o + 20, s.data.length);
      w.u32(o + 24, s.link ?? 0);
      w.u32(o + 28, s.info ?? 0);
      w.u32(o + 32, s.align ?? 8);
      w.u32(o + 36, s.entsize ?? 0);
    }
  });
  return f.signed ? sign(w.bytes) : w.bytes;
}

/** Appends a module signature block: a dummy PKCS#7 blob, struct module_signature, the marker. */
export function sign(ko: Uint8Array): Uint8Array {
  const sig = new Uint8Array(64).fill(0x30);
  const ms = new Uint8Array(12);
  ms[2] = 2; // PKEY_ID_PKCS7
  new DataView(ms.buffer).setUint32(8, sig.length, false);
  const marker = new TextEncoder().encode("~Module signature appended~\n");
  const out = new Uint8Array(ko.length + sig.length + ms.length + marker.length);
  out.set(ko, 0);
  out.set(sig, ko.length);
  out.set(ms, ko.length + sig.length);
  out.set(marker, ko.length + sig.length + ms.length);
  return out;
}

/** Offsets into a 64-bit little-endian fixture's header, for tests that break it. */
export const EHDR64 = { shoff: 0x28, shentsize: 0x3a, shnum: 0x3c, shstrndx: 0x3e, type: 16, machine: 18 };
