// What kmod's depmod reads of a module (kmod 30 libkmod-elf.c): the names it takes as the
// module's exports (kmod_elf_get_symbols: the __crc_ symbols, else every string of
// __ksymtab_strings) and the names it resolves (kmod_elf_get_dependency_symbols: the
// undefined symbols, then the __versions entries none of them matched), copied as raw
// bytes into a summary: K name; U name weak; D name, the K first (the resolving instance
// reads every module's exports before any module's needs). Each name field starts with the name's
// hash and length (writeName), so that the instance resolving the whole kernel neither
// hashes nor scans for its end.

import { ElfFile, ElfSection, SHN_UNDEF, STB_WEAK } from "./elf";
import { ByteWriter } from "../util/bytes";

const EM_SPARC: u32 = 2;
const EM_SPARCV9: u32 = 43;
const STT_REGISTER: u32 = 13;

let visited = new StaticArray<bool>(256);
// the __crc_ exports and the undefined symbols of the module at hand, in one pass, then
// added to the summary in that order
const crcExports = new ByteWriter();
const undefs = new ByteWriter();

/** A record: its one-letter tag field, then a name field: 28 bits of the name's FNV-1a hash
 *  and its length (up to 16383) in bytes with the high bit set (never NUL), then the name;
 *  ended by NUL like any field. The name is the bytes from `ptr` to the first NUL or `end`;
 *  one pass finds its end and hashes it (most of a tree's time goes into these names). */
function writeRecord(o: ByteWriter, tag: u32, ptr: usize, end: usize): i32 {
  let h: u32 = 0x811c9dc5;
  let q = ptr;
  while (q < end) {
    const c = <u32>load<u8>(q);
    if (c == 0) break;
    h = (h ^ c) * 0x01000193;
    q++;
  }
  const n = <i32>(q - ptr);
  h &= 0x0fffffff;
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
  return n;
}

/** Whether the name at `p` (bounded by `end`) starts with "__crc_": one load of each half. */
function crcPrefix(p: usize, end: usize): bool {
  return p + 6 <= end && load<u32>(p) == 0x72635f5f && load<u16>(p, 4) == 0x5f63; // "__cr" "c_"
}

// the sections depmod reads of the module at hand (findSections)
let symtabSec: ElfSection | null = null;
let strtabSec: ElfSection | null = null;
let versionsSec: ElfSection | null = null;
let ksymtabStringsSec: ElfSection | null = null;

/** Each of the sections depmod reads, the first of its name (kmod's elf_find_section), in one
 *  pass: a name's first two bytes leave at most two candidates to compare it with. */
function findSections(e: ElfFile): void {
  symtabSec = strtabSec = versionsSec = ksymtabStringsSec = null;
  const b = e.b;
  for (let i = 1; i < e.sections.length; i++) {
    const s = e.sections[i];
    if (s.nameAt < 0 || s.nameAt + 2 > s.nameEnd) continue;
    const c0 = b.u8(s.nameAt),
      c1 = b.u8(s.nameAt + 1);
    if (c0 == 0x2e && c1 == 0x73) {
      // ".s"
      if (symtabSec == null && s.is(".symtab")) symtabSec = s;
      else if (strtabSec == null && s.is(".strtab")) strtabSec = s;
    } else if (c0 == 0x5f && c1 == 0x5f) {
      // "__"
      if (versionsSec == null && s.is("__versions")) versionsSec = s;
      else if (ksymtabStringsSec == null && s.is("__ksymtab_strings")) ksymtabStringsSec = s;
    }
  }
}

/** Appends the module's K, U and D records (nothing when kmod could not read them). */
export function writeDepmodRecords(e: ElfFile, o: ByteWriter): void {
  if (e.error.length > 0) return;
  const b = e.b;
  const base = b.data.dataStart;
  const big = e.big;
  const symlen = e.is64 ? 24 : 16;
  findSections(e);
  const strtab = strtabSec;
  const symtab = symtabSec;
  const symOk =
    strtab != null && symtab != null && e.present(strtab as ElfSection) && e.present(symtab as ElfSection) && (symtab as ElfSection).size % <u64>symlen == 0;
  let count = 0,
    sym0 = 0,
    str0 = 0,
    strEnd = 0;
  let strSize: u64 = 0;
  if (symOk) {
    const st = symtab as ElfSection,
      ss = strtab as ElfSection;
    count = <i32>(st.size / <u64>symlen);
    sym0 = <i32>st.offset;
    str0 = <i32>ss.offset;
    strSize = ss.size;
    strEnd = <i32>(ss.offset + ss.size);
  }
  const nameField = e.is64 ? 0 : 0;
  const infoField = e.is64 ? 4 : 12;
  const shndxField = e.is64 ? 6 : 14;

  // One pass over the symbols writes U for undefined ones and K for __crc_ ones. kmod takes
  // the exports from __ksymtab_strings instead when there is no __crc_ symbol or any name
  // lies outside .strtab, and has no dependency symbols at all when an undefined one's does.
  let crcs = 0;
  let namesOk = symOk;
  let depsOk = symOk;
  const sparc = e.machine == EM_SPARC || e.machine == EM_SPARCV9;
  const vs = versionsSec;
  let nv = 0,
    v0 = 0;
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
  crcExports.n = 0;
  undefs.n = 0;
  const strTop = base + <usize>strEnd;
  for (let i = 1; symOk && i < count; i++) {
    const s = sym0 + i * symlen;
    const off = <u64>b.u32(s + nameField, big);
    const undef = b.u16(s + shndxField, big) == SHN_UNDEF && !(sparc && (b.u8(s + infoField) & 15) == STT_REGISTER);
    if (off >= strSize) {
      namesOk = false;
      if (undef) depsOk = false;
      continue;
    }
    const at = base + <usize>(str0 + <i32>off);
    // only the names that become records are scanned to their end
    if (namesOk && crcPrefix(at, strTop)) {
      writeRecord(crcExports, 0x4b, at + 6, strTop); // K
      crcs++;
    }
    if (!undef || load<u8>(at) == 0 || !depsOk) continue;
    const n = writeRecord(undefs, 0x55, at, strTop); // U
    undefs.tag(b.u8(s + infoField) >> 4 == STB_WEAK ? 0x31 : 0x30); // "1": weak
    // modpost writes __versions in the order of the undefined symbols: an entry not met in
    // that order is written as D too, which changes nothing when its name is one of the U
    // (its exporter is a dependency already) and keeps kmod's order otherwise
    if (next < nv && n <= 64 - w) {
      // the entry's name is this one when it has the same bytes and ends right after them
      const vat = base + <usize>(v0 + next * 64 + w);
      if (memory.compare(vat, at, <usize>n) == 0 && (n == 64 - w || load<u8>(vat + <usize>n) == 0)) visited[next++] = true;
    }
  }
  if (namesOk && crcs > 0) o.append(crcExports);
  else {
    // exports: every string of __ksymtab_strings
    const ks = ksymtabStringsSec;
    if (ks != null && e.present(ks as ElfSection)) {
      const k = ks as ElfSection;
      let p = <i32>k.offset;
      const end = <i32>(k.offset + k.size);
      while (p < end) {
        if (b.u8(p) == 0) {
          p++;
          continue;
        }
        p += writeRecord(o, 0x4b, base + <usize>p, base + <usize>end); // K
      }
    }
  }
  if (!depsOk) return;
  o.append(undefs);
  // the __versions entries no undefined symbol matched
  for (let j = 0; j < nv; j++) {
    if (visited[j]) continue;
    const at = v0 + j * 64 + w;
    writeRecord(o, 0x44, base + <usize>at, base + <usize>(v0 + j * 64 + 64)); // D
  }
}
