// What kmod's depmod reads of a module (kmod 30 libkmod-elf.c): the names it takes as the
// module's exports (kmod_elf_get_symbols: the __crc_ symbols, else every string of
// __ksymtab_strings) and the names it resolves (kmod_elf_get_dependency_symbols: the
// undefined symbols, then the __versions entries none of them matched), copied as raw
// bytes into a summary: K name; U name weak; D name. Each name field starts with the name's
// hash and length (writeName), so that the instance resolving the whole kernel neither
// hashes nor scans for its end.

import { ElfFile, ElfSection, SHN_UNDEF, STB_WEAK } from "./elf";
import { ByteWriter, hashBytes } from "../util/bytes";

const EM_SPARC: u32 = 2;
const EM_SPARCV9: u32 = 43;
const STT_REGISTER: u32 = 13;

let visited = new StaticArray<bool>(256);
// the __crc_ exports of the module at hand, added after its undefined symbols
const aside = new ByteWriter();

/** A record: its one-letter tag field, then a name field: 28 bits of the name's FNV-1a hash
 *  and its length (up to 16383) in bytes with the high bit set (never NUL), then the name;
 *  ended by NUL like any field. */
function writeRecord(o: ByteWriter, tag: u32, ptr: usize, n: i32): void {
  const h = hashBytes(ptr, n) & 0x0fffffff;
  const len = n < 0x3fff ? n : 0x3fff;
  const p = o.claim(len + 9);
  store<u8>(p, <u8>tag);
  store<u8>(p, 0, 1);
  store<u8>(p, <u8>(0x80 | (h & 0x7f)), 2);
  store<u8>(p, <u8>(0x80 | ((h >> 7) & 0x7f)), 3);
  store<u8>(p, <u8>(0x80 | ((h >> 14) & 0x7f)), 4);
  store<u8>(p, <u8>(0x80 | ((h >> 21) & 0x7f)), 5);
  store<u8>(p, <u8>(0x80 | (len & 0x7f)), 6);
  store<u8>(p, <u8>(0x80 | ((len >> 7) & 0x7f)), 7);
  memory.copy(p + 8, ptr, <usize>len);
  store<u8>(p + 8 + <usize>len, 0);
}

function nameLen(e: ElfFile, at: i32, end: i32): i32 {
  let q = at;
  while (q < end && e.b.u8(q) != 0) q++;
  return q - at;
}

/** Appends the module's K, U and D records (nothing when kmod could not read them). */
export function writeDepmodRecords(e: ElfFile, o: ByteWriter): void {
  if (e.error.length > 0) return;
  const b = e.b;
  const base = b.data.dataStart;
  const big = e.big;
  const symlen = e.is64 ? 24 : 16;
  const strtab = e.section(".strtab");
  const symtab = e.section(".symtab");
  let symOk = strtab != null && symtab != null && e.present(strtab as ElfSection) && e.present(symtab as ElfSection) &&
    (symtab as ElfSection).size % <u64>symlen == 0;
  let count = 0, sym0 = 0, str0 = 0, strEnd = 0;
  let strSize: u64 = 0;
  if (symOk) {
    const st = symtab as ElfSection, ss = strtab as ElfSection;
    count = <i32>(st.size / <u64>symlen);
    sym0 = <i32>st.offset;
    str0 = <i32>ss.offset;
    strSize = ss.size;
    strEnd = <i32>(ss.offset + ss.size);
  }
  const nameField = e.is64 ? 0 : 0;
  const infoField = e.is64 ? 4 : 12;
  const shndxField = e.is64 ? 6 : 14;

  // One pass over the symbols writes U for undefined ones (into the summary) and K for
  // __crc_ ones (aside). kmod takes the exports from __ksymtab_strings instead when there is
  // no __crc_ symbol or any name lies outside .strtab, and has no dependency symbols at all
  // when an undefined one's does.
  const start = o.n;
  let crcs = 0;
  let namesOk = symOk;
  let depsOk = symOk;
  const sparc = e.machine == EM_SPARC || e.machine == EM_SPARCV9;
  const vs = e.section("__versions");
  let nv = 0, v0 = 0;
  const w = e.wordSize;
  if (symOk && vs != null && e.present(vs as ElfSection) && (vs as ElfSection).size % 64 == 0) {
    nv = <i32>((vs as ElfSection).size / 64);
    v0 = <i32>(vs as ElfSection).offset;
  }
  if (nv > 0) {
    if (visited.length < nv) visited = new StaticArray<bool>(nv * 2);
    memory.fill(changetype<usize>(visited), 0, <usize>nv);
  }
  let next = 0;
  aside.n = 0;
  for (let i = 1; symOk && i < count; i++) {
    const s = sym0 + i * symlen;
    const off = <u64>b.u32(s + nameField, big);
    const undef = b.u16(s + shndxField, big) == SHN_UNDEF && !(sparc && (b.u8(s + infoField) & 15) == STT_REGISTER);
    if (off >= strSize) {
      namesOk = false;
      if (undef) depsOk = false;
      continue;
    }
    const at = str0 + <i32>off;
    const n = nameLen(e, at, strEnd);
    if (namesOk && n >= 6 && b.cstrStartsWith(at, strEnd, "__crc_")) {
      writeRecord(aside, 0x4b, base + <usize>(at + 6), n - 6); // K
      crcs++;
    }
    if (!undef || n == 0 || !depsOk) continue;
    writeRecord(o, 0x55, base + <usize>at, n); // U
    o.tag((b.u8(s + infoField) >> 4) == STB_WEAK ? 0x31 : 0x30); // "1": weak
    // modpost writes __versions in the order of the undefined symbols: an entry not met in
    // that order is written as D too, which changes nothing when its name is one of the U
    // (its exporter is a dependency already) and keeps kmod's order otherwise
    if (next < nv) {
      const vat = v0 + next * 64 + w;
      if (nameLen(e, vat, vat + 64 - w) == n && memory.compare(base + <usize>vat, base + <usize>at, <usize>n) == 0) visited[next++] = true;
    }
  }
  if (!depsOk) o.n = start;
  if (namesOk && crcs > 0) o.append(aside);
  else {
    // exports: every string of __ksymtab_strings
    const ks = e.section("__ksymtab_strings");
    if (ks != null && e.present(ks as ElfSection)) {
      const k = ks as ElfSection;
      let p = <i32>k.offset;
      const end = <i32>(k.offset + k.size);
      while (p < end) {
        if (b.u8(p) == 0) { p++; continue; }
        const n = nameLen(e, p, end);
        writeRecord(o, 0x4b, base + <usize>p, n); // K
        p += n;
      }
    }
  }
  if (!depsOk) return;
  // the __versions entries no undefined symbol matched
  for (let j = 0; j < nv; j++) {
    if (visited[j]) continue;
    const at = v0 + j * 64 + w;
    writeRecord(o, 0x44, base + <usize>at, nameLen(e, at, v0 + j * 64 + 64)); // D
  }
}
