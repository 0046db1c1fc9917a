// load_module()'s first look at a .ko: module_sig_check() splitting off an appended
// signature, then elf_validity_check() (5.10, 6.1) or elf_validity_cache_copy() (6.12 on)
// with setup_load_info(), each check and message as the release has it (kernel/module/main.c,
// kernel/module/signing.c, kernel/module_signature.c), read the way the kernel reads: with
// its own ELF layout, whatever the file claims to be.

import { Msg } from "../../shared/codes";
import { ElfBytes, ET_REL, SHF_ALLOC, SHT_NOBITS, SHT_NULL, SHT_STRTAB, SHT_SYMTAB } from "../source/elf";
import { Rules } from "../kernel/versions";
import * as T from "../kernel/messages";
import { LogLine } from "./session";

const MODULE_SIG_STRING = "~Module signature appended~\n";
const PKEY_ID_PKCS7: u32 = 2;

/** How the kernel sees the file: the length it checks against and whether it is signed. */
export class SignatureSplit {
  /** info->len: the file without the signature. */
  len: i32 = 0;
  signed: bool = false;
  /** A nonzero errno when the signature block is malformed (the load fails silently). */
  errno: i32 = 0;
}

/** module_sig_check(): a signature is taken as valid when its block is well formed (the
 *  simulated kernel trusts the key that signed the distribution's modules). */
export function splitSignature(b: ElfBytes): SignatureSplit {
  const out = new SignatureSplit();
  out.len = b.len;
  const mlen = MODULE_SIG_STRING.length;
  if (b.len <= mlen || !b.has(<u64>(b.len - mlen), <u64>mlen)) return out;
  if (!b.cstrStartsWith(b.len - mlen, b.len, MODULE_SIG_STRING)) return out;
  const len = b.len - mlen;
  // mod_check_sig(): struct module_signature (12 bytes) sits just before the marker
  if (len <= 12 || !b.has(<u64>(len - 12), 12)) {
    out.errno = T.EBADMSG;
    return out;
  }
  const ms = len - 12;
  const sigLen = b.u32(ms + 8, true);
  if (<u64>sigLen >= <u64>(len - 12)) {
    out.errno = T.EBADMSG;
    return out;
  }
  if (b.u8(ms + 2) != PKEY_ID_PKCS7) {
    out.len = len;
    return out;
  } // ENOPKG: treated as unsigned
  for (let i = 0; i < 8; i++)
    if (i != 2 && b.u8(ms + i) != 0) {
      out.errno = T.EBADMSG;
      return out;
    }
  out.len = len - 12 - <i32>sigLen;
  out.signed = true;
  return out;
}

/** The kernel's own ELF layout: x86-64 is 64-bit little-endian, EM_X86_64. */
export class NativeElf {
  constructor(
    public is64: bool,
    public big: bool,
    public machine: u32,
  ) {}
  get ehdr(): i32 {
    return this.is64 ? 64 : 52;
  }
  get shdr(): i32 {
    return this.is64 ? 64 : 40;
  }
}

/** What the check printed and the errno it returns (0: the file passes). */
export class FormatCheck {
  errno: i32 = 0;
  lines: LogLine[] = [];
  /** info->name after the check: modinfo's name=, else struct module's name. */
  name: string = "";
}

class Hdr {
  type: u32 = 0;
  flags: u64 = 0;
  addr: u64 = 0;
  offset: u64 = 0;
  size: u64 = 0;
  link: u32 = 0;
  nameOff: u32 = 0;
}

class Reader {
  constructor(
    public b: ElfBytes,
    public n: NativeElf,
    public len: i32,
  ) {}
  u8(o: u64): u32 {
    return this.b.has(o, 1) ? this.b.u8(<i32>o) : 0;
  }
  u16(o: u64): u32 {
    return this.b.has(o, 2) ? this.b.u16(<i32>o, this.n.big) : 0;
  }
  u32(o: u64): u32 {
    return this.b.has(o, 4) ? this.b.u32(<i32>o, this.n.big) : 0;
  }
  word(o: u64): u64 {
    if (!this.n.is64) return <u64>this.u32(o);
    return this.b.has(o, 8) ? this.b.u64(<i32>o, this.n.big) : 0;
  }
  shdr(shoff: u64, i: i32): Hdr {
    const h = new Hdr();
    const o = shoff + <u64>i * <u64>this.n.shdr;
    h.nameOff = this.u32(o);
    h.type = this.u32(o + 4);
    if (this.n.is64) {
      h.flags = this.word(o + 8);
      h.addr = this.word(o + 16);
      h.offset = this.word(o + 24);
      h.size = this.word(o + 32);
      h.link = this.u32(o + 40);
    } else {
      h.flags = <u64>this.u32(o + 8);
      h.addr = <u64>this.u32(o + 12);
      h.offset = <u64>this.u32(o + 16);
      h.size = <u64>this.u32(o + 20);
      h.link = this.u32(o + 24);
    }
    return h;
  }
  /** validate_section_offset(): offset + size neither wraps nor passes the end. */
  inBounds(h: Hdr): bool {
    const end = h.offset + h.size;
    return end >= h.offset && end <= <u64>this.len;
  }
  /** strcmp(secstrings + sh_name, name) == 0, reading no further than the name table. */
  nameIs(str: Hdr, h: Hdr, name: string): bool {
    if (<u64>h.nameOff >= str.size) return false;
    const a = str.offset + <u64>h.nameOff;
    const end = str.offset + str.size;
    if (!this.b.has(a, end - a)) return false;
    return this.b.cstrEquals(<i32>a, <i32>end, name);
  }
}

class Check {
  res: FormatCheck = new FormatCheck();
  /** The refusal came from setup_load_info() (5.10, 6.1), after the validity check passed. */
  setup: bool = false;
  constructor(
    public rd: Reader,
    public r: Rules,
  ) {}
  err(text: string): FormatCheck {
    this.res.lines.push(new LogLine(3, text, Msg.LOAD_INVALID_MODULE, ""));
    this.res.errno = T.ENOEXEC;
    return this.res;
  }
  warn(text: string): FormatCheck {
    this.res.lines.push(new LogLine(4, text, Msg.LOAD_INVALID_MODULE, ""));
    this.res.errno = T.ENOEXEC;
    return this.res;
  }
  setupWarn(text: string): FormatCheck {
    this.setup = true;
    return this.warn(text);
  }
  /** 5.10 prints nothing for most checks, then one summary line. */
  silent(): FormatCheck {
    this.res.errno = T.ENOEXEC;
    return this.res;
  }
  fail(text: string): FormatCheck {
    return this.r.elfCheckMessages ? this.err(text) : this.silent();
  }
}

function orMissing(name: string): string {
  return name.length > 0 ? name : "(missing .modinfo section or name field)";
}

/** find_sec() (SHF_ALLOC sections only) or find_any_unique_sec() (any; -1 when not unique). */
function findSec(rd: Reader, shoff: u64, shnum: i32, str: Hdr, name: string, any: bool): i32 {
  let found = 0;
  for (let i = 1; i < shnum; i++) {
    const h = rd.shdr(shoff, i);
    if (!any && (h.flags & SHF_ALLOC) == 0) continue;
    if (!rd.nameIs(str, h, name)) continue;
    if (!any) return i;
    if (found != 0) return -1;
    found = i;
  }
  return found;
}

/** get_modinfo(info, "name"): the first `name=` string of the .modinfo section. */
function modinfoName(rd: Reader, h: Hdr): string {
  const a = h.offset,
    end = h.offset + h.size;
  if (!rd.b.has(a, h.size)) return "";
  let p = <i32>a;
  const e = <i32>end;
  while (p < e) {
    if (rd.b.u8(p) == 0) {
      p++;
      continue;
    }
    if (rd.b.cstrStartsWith(p, e, "name=")) return rd.b.cstr(p + 5, e);
    while (p < e && rd.b.u8(p) != 0) p++;
  }
  return "";
}

/** struct module's name (after state and the list head). */
function structModuleName(rd: Reader, h: Hdr): string {
  const at = h.offset + <u64>(rd.n.is64 ? 24 : 12);
  const n: u64 = rd.n.is64 ? 56 : 60;
  if (h.size < <u64>(rd.n.is64 ? 24 : 12) + n || !rd.b.has(at, n)) return "";
  return rd.b.cstr(<i32>at, <i32>(at + n));
}

/** The ELF checks load_module() makes before it looks at the module's symbols. `len` is
 *  info->len (the file without its signature); `moduleSize` is sizeof(struct module) for
 *  releases that check it (0: unknown, not checked). */
export function checkElf(b: ElfBytes, len: i32, n: NativeElf, r: Rules, moduleSize: u64): FormatCheck {
  const rd = new Reader(b, n, len);
  const c = new Check(rd, r);
  const res = validity(c, rd, r, moduleSize);
  if (res.errno != 0 && r.elfInvalidSummaryLine && !c.setup) {
    // 5.10: load_module() sums up whatever elf_validity_check() refused
    res.lines.push(new LogLine(3, T.elfInvalidStructures(), Msg.LOAD_INVALID_MODULE, ""));
  }
  return res;
}

function validity(c: Check, rd: Reader, r: Rules, moduleSize: u64): FormatCheck {
  const n = rd.n;
  const len = rd.len;
  // the header
  if (len < n.ehdr) return c.fail(T.elfHeaderLen(len));
  if (rd.u8(0) != 0x7f || rd.u8(1) != 0x45 || rd.u8(2) != 0x4c || rd.u8(3) != 0x46) return c.fail(T.elfHeaderMagic());
  const type = rd.u16(16);
  if (type != ET_REL) return c.fail(T.elfHeaderType(type));
  const machine = rd.u16(18);
  if (machine != n.machine) return c.fail(T.elfArchitecture(machine));
  const shoff = n.is64 ? rd.word(0x28) : <u64>rd.u32(0x20);
  const shentsize = rd.u16(n.is64 ? 0x3a : 0x2e);
  const shnum = <i32>rd.u16(n.is64 ? 0x3c : 0x30);
  const shstrndx = rd.u16(n.is64 ? 0x3e : 0x32);
  if (shentsize != <u32>n.shdr) return c.fail(T.elfSectionHeaderSize());
  if (shoff >= <u64>len || <u64>shnum * <u64>n.shdr > <u64>len - shoff) return c.fail(T.elfSectionHeaderOverflow());
  const sec0 = rd.shdr(shoff, 0);
  const sec0Bad = sec0.type != SHT_NULL || sec0.size != 0 || sec0.addr != 0;

  let str: Hdr;
  if (r.elfCheckSplit) {
    // 6.12 on: elf_validity_cache_sechdrs(), then _secstrings()
    if (sec0Bad) return c.err(T.elfSection0(<i32>sec0.type));
    for (let i = 1; i < shnum; i++) {
      const h = rd.shdr(shoff, i);
      if (h.type == SHT_NULL || h.type == SHT_NOBITS) continue;
      if (!rd.inBounds(h)) return c.err(T.elfSectionInModule(i, h.type));
    }
    if (shstrndx == 0 || <i32>shstrndx >= shnum) return c.err(T.elfSectionNameIndex(<i32>shstrndx, shnum));
    str = rd.shdr(shoff, <i32>shstrndx);
    if (r.elfStringTableTypes && str.type != SHT_STRTAB) return c.err(T.elfSectionNameTableType(str.type));
    if (str.size == 0) return c.err(T.elfEmptySectionNames());
    if (!rd.inBounds(str) || rd.u8(str.offset + str.size - 1) != 0) return c.err(T.elfSectionNamesNotNul());
    for (let i = 0; i < shnum; i++) {
      const h = rd.shdr(shoff, i);
      if (h.type == SHT_NULL) continue;
      if (<u64>h.nameOff >= str.size) return c.err(T.elfSectionName(i, h.type));
    }
    // elf_validity_cache_index_info() … _index_str()
    const info = findSec(rd, shoff, shnum, str, ".modinfo", true);
    if (info < 0) return c.err(T.elfOneModinfo());
    if (info > 0) c.res.name = modinfoName(rd, rd.shdr(shoff, info));
    const mod = findSec(rd, shoff, shnum, str, ".gnu.linkonce.this_module", true);
    const who = orMissing(c.res.name);
    if (mod <= 0) return c.err(T.elfThisModuleCount(who));
    const mh = rd.shdr(shoff, mod);
    if (mh.type == SHT_NOBITS) return c.err(T.elfThisModuleNoBits(who));
    if ((mh.flags & SHF_ALLOC) == 0) return c.err(T.elfThisModuleNoAlloc(who));
    if (moduleSize != 0 && mh.size != moduleSize) return c.err(T.elfThisModuleSize(who));
    let symIdx = 0,
      symCount = 0;
    for (let i = 1; i < shnum; i++)
      if (rd.shdr(shoff, i).type == SHT_SYMTAB) {
        symCount++;
        symIdx = i;
      }
    if (symCount != 1) return c.warn(T.noSymbols(who));
    const sym = rd.shdr(shoff, symIdx);
    if (sym.link == 0 || <i32>sym.link >= shnum) return c.err(T.elfShLink(<i32>sym.link, shnum));
    const strtab = rd.shdr(shoff, <i32>sym.link);
    if (r.elfStringTableTypes && strtab.type != SHT_STRTAB) return c.err(T.elfSymbolStringTableType(strtab.type));
    if (r.extendedModversions) {
      // elf_validity_cache_index_versions()
      const crcs = findSec(rd, shoff, shnum, str, "__version_ext_crcs", false);
      const names = findSec(rd, shoff, shnum, str, "__version_ext_names", false);
      if ((crcs != 0) != (names != 0)) return c.err(T.elfExtVersionsPresence());
      if (crcs != 0) {
        let count = rd.shdr(shoff, crcs).size / 4;
        const nh = rd.shdr(shoff, names);
        let p = nh.offset;
        let remaining = nh.size;
        while (count > 0) {
          count--;
          let size: u64 = 0;
          while (size < remaining && rd.u8(p + size) != 0) size++;
          size++;
          if (size > remaining) return c.err(T.elfExtVersionsCount());
          remaining -= size;
          p += size;
        }
      }
    }
    if (r.symbolStringTableChecks) {
      // elf_validity_cache_strtab()
      if (strtab.size == 0) return c.err(T.elfEmptySymbolStrings());
      if (rd.u8(strtab.offset) != 0) return c.err(T.elfSymbolStringsLeadingNul());
      if (rd.u8(strtab.offset + strtab.size - 1) != 0) return c.err(T.elfSymbolStringsNotNul());
      const ent: u64 = n.is64 ? 24 : 16;
      const count = sym.size / ent;
      for (let i: u64 = 0; i < count; i++) {
        if (<u64>rd.u32(sym.offset + i * ent) >= strtab.size) return c.err(T.elfSymbolNameBounds());
      }
    }
    if (c.res.name.length == 0) c.res.name = structModuleName(rd, mh);
    return c.res;
  }

  // 5.10 and 6.1: elf_validity_check(), then setup_load_info()
  if (shstrndx == 0 || <i32>shstrndx >= shnum) return c.fail(T.elfSectionNameIndex(<i32>shstrndx, shnum));
  str = rd.shdr(shoff, <i32>shstrndx);
  if (!rd.inBounds(str)) return c.fail(T.elfSectionHdr(str.type));
  if (r.elfCheckMessages) {
    if (str.size == 0) return c.err(T.elfEmptySectionNames());
    if (rd.u8(str.offset + str.size - 1) != 0) return c.err(T.elfSectionNamesNotNul());
  } else if (str.offset + str.size == 0 || rd.u8(str.offset + str.size - 1) != 0) {
    // 5.10 has no empty-table check: it reads the byte before an empty table
    return c.silent();
  }
  if (sec0Bad) return c.fail(T.elfSection0(<i32>sec0.type));
  for (let i = 1; i < shnum; i++) {
    const h = rd.shdr(shoff, i);
    if (h.type == SHT_NULL || h.type == SHT_NOBITS) continue;
    if (h.type == SHT_SYMTAB && (h.link == 0 || <i32>h.link >= shnum)) return c.fail(T.elfShLink(<i32>h.link, shnum));
    if (!rd.inBounds(h)) return c.err(T.elfSectionInModule(i, h.type));
    if ((h.flags & SHF_ALLOC) != 0 && <u64>h.nameOff >= str.size) return c.err(T.elfSectionName(i, h.type));
  }
  const info = findSec(rd, shoff, shnum, str, ".modinfo", false);
  if (info > 0) c.res.name = modinfoName(rd, rd.shdr(shoff, info));
  let symIdx = 0;
  for (let i = 1; i < shnum; i++)
    if (rd.shdr(shoff, i).type == SHT_SYMTAB) {
      symIdx = i;
      break;
    }
  if (symIdx == 0) return c.setupWarn(T.noSymbols(orMissing(c.res.name)));
  const mod = findSec(rd, shoff, shnum, str, ".gnu.linkonce.this_module", false);
  if (mod == 0) return c.setupWarn(T.noModuleInObject(orMissing(c.res.name)));
  if (c.res.name.length == 0) c.res.name = structModuleName(rd, rd.shdr(shoff, mod));
  return c.res;
}
