// ELF relocatable objects as kmod's libkmod-elf.c reads them (kmod 30): 32- and 64-bit,
// either byte order, section headers, names, symbols and relocations. Every read is checked
// against the bytes present, so a hostile file becomes a reason string, never a trap.

export const ET_REL: u32 = 1;
export const EM_X86_64: u32 = 62;
export const EM_MIPS: u32 = 8;
export const SHT_NULL: u32 = 0;
export const SHT_SYMTAB: u32 = 2;
export const SHT_STRTAB: u32 = 3;
export const SHT_RELA: u32 = 4;
export const SHT_NOBITS: u32 = 8;
export const SHT_REL: u32 = 9;
export const SHF_ALLOC: u64 = 2;
export const SHN_UNDEF: u32 = 0;
export const SHN_ABS: u32 = 0xfff1;
export const STB_WEAK: u32 = 2;

/** The bytes of a file: all of them, or only the ranges a reader asked for (offset order). */
export class ElfBytes {
  /** [start, end) pairs of the bytes present, merged and sorted; null when all are. */
  ranges: i32[] | null = null;
  constructor(
    public data: Uint8Array,
    public len: i32,
  ) {}

  /** Whether [off, off + n) lies in the file and was read. */
  has(off: u64, n: u64): bool {
    const len = <u64>this.len;
    if (off > len || n > len - off) return false;
    const r = this.ranges;
    if (r == null) return true;
    const a = <i32>off,
      e = <i32>(off + n);
    for (let i = 0; i + 1 < r.length; i += 2) if (unchecked(r[i]) <= a && e <= unchecked(r[i + 1])) return true;
    return false;
  }

  /** Records that [a, e) was read; keeps the list sorted and merged (in place). */
  add(a: i32, e: i32): void {
    let r = this.ranges;
    if (r == null) {
      r = [];
      this.ranges = r;
    }
    // drop every range the new one overlaps or touches, widening it to cover them
    let w = 0;
    for (let i = 0; i + 1 < r.length; i += 2) {
      const s = unchecked(r[i]),
        t = unchecked(r[i + 1]);
      if (t < a || s > e) {
        unchecked((r[w] = s));
        unchecked((r[w + 1] = t));
        w += 2;
        continue;
      }
      if (s < a) a = s;
      if (t > e) e = t;
    }
    r.length = w;
    // insert it in order
    let at = 0;
    while (at < w && unchecked(r[at]) < a) at += 2;
    r.push(0);
    r.push(0);
    for (let i = w; i > at; i -= 2) {
      unchecked((r[i] = r[i - 2]));
      unchecked((r[i + 1] = r[i - 1]));
    }
    unchecked((r[at] = a));
    unchecked((r[at + 1] = e));
  }

  /** Forgets what was read, for the next file of `len` bytes in the same buffer. */
  reset(data: Uint8Array, len: i32): void {
    this.data = data;
    this.len = len;
    const r = this.ranges;
    if (r == null) this.ranges = [];
    else r.length = 0;
  }

  // Raw reads: callers check has() (or a section's bounds) first.
  u8(o: i32): u32 {
    return <u32>load<u8>(this.data.dataStart + <usize>o);
  }
  u16(o: i32, big: bool): u32 {
    const v = load<u16>(this.data.dataStart + <usize>o);
    return <u32>(big ? bswap<u16>(v) : v);
  }
  u32(o: i32, big: bool): u32 {
    const v = load<u32>(this.data.dataStart + <usize>o);
    return big ? bswap<u32>(v) : v;
  }
  u64(o: i32, big: bool): u64 {
    const v = load<u64>(this.data.dataStart + <usize>o);
    return big ? bswap<u64>(v) : v;
  }
  /** A field of 4 or 8 bytes. */
  word(o: i32, size: i32, big: bool): u64 {
    return size == 8 ? this.u64(o, big) : <u64>this.u32(o, big);
  }

  /** The NUL-terminated string at o, read no further than end (exclusive). */
  cstr(o: i32, end: i32): string {
    let e = o;
    while (e < end && this.u8(e) != 0) e++;
    return String.UTF8.decodeUnsafe(this.data.dataStart + <usize>o, <usize>(e - o));
  }
  /** Whether the bytes at o are `s` followed by NUL (or end), ASCII only. */
  cstrEquals(o: i32, end: i32, s: string): bool {
    const n = s.length;
    if (o + n > end) return false;
    for (let i = 0; i < n; i++) if (this.u8(o + i) != <u32>s.charCodeAt(i)) return false;
    return o + n == end || this.u8(o + n) == 0;
  }
  cstrStartsWith(o: i32, end: i32, s: string): bool {
    const n = s.length;
    if (o + n > end) return false;
    for (let i = 0; i < n; i++) if (this.u8(o + i) != <u32>s.charCodeAt(i)) return false;
    return true;
  }
}

export class ElfSection {
  nameOff: u32 = 0;
  type: u32 = 0;
  flags: u64 = 0;
  addr: u64 = 0;
  offset: u64 = 0;
  size: u64 = 0;
  link: u32 = 0;
  info: u32 = 0;
  entsize: u64 = 0;
  /** Where the name lies in the file ([nameAt, nameEnd): the rest of the name table); -1
   *  until the names are read, or when sh_name points outside the table. */
  nameAt: i32 = -1;
  nameEnd: i32 = 0;
  private decoded: string | null = null;
  constructor(
    public index: i32,
    private b: ElfBytes,
  ) {}

  /** Made new for another file (a reader reuses its section objects). */
  reuse(index: i32, b: ElfBytes): ElfSection {
    this.index = index;
    this.b = b;
    this.nameAt = -1;
    this.decoded = null;
    return this;
  }
  get alloc(): bool {
    return (this.flags & SHF_ALLOC) != 0;
  }
  /** Whether the section is named `name`, compared in place. */
  is(name: string): bool {
    return this.nameAt >= 0 && this.b.cstrEquals(this.nameAt, this.nameEnd, name);
  }
  /** One of `names`. */
  isOneOf(names: string[]): bool {
    for (let i = 0; i < names.length; i++) if (this.is(names[i])) return true;
    return false;
  }
  get name(): string {
    if (this.decoded == null) this.decoded = this.nameAt < 0 ? "" : this.b.cstr(this.nameAt, this.nameEnd);
    return this.decoded as string;
  }
}

/** An ELF file read by its own class and byte order. `error` says why it cannot be read
 *  (kmod's elf_identify and kmod_elf_new checks), "" when it can. */
export class ElfFile {
  error: string = "";
  /** kmod's errno for `error`: ENOEXEC without the ELF magic, else EINVAL. */
  errno: i32 = 0;
  is64: bool = false;
  big: bool = false;
  type: u32 = 0;
  machine: u32 = 0;
  shoff: u64 = 0;
  shnum: i32 = 0;
  shentsize: u32 = 0;
  shstrndx: u32 = 0;
  sections: ElfSection[] = [];
  constructor(public b: ElfBytes) {}

  get ehdrSize(): i32 {
    return this.is64 ? 64 : 52;
  }
  get shdrSize(): i32 {
    return this.is64 ? 64 : 40;
  }
  get wordSize(): i32 {
    return this.is64 ? 8 : 4;
  }
  get shtBytes(): u64 {
    return <u64>this.shnum * <u64>this.shdrSize;
  }

  /** The first section (from index 1) of that name, any flags: kmod's elf_find_section. */
  section(name: string): ElfSection | null {
    for (let i = 1; i < this.sections.length; i++) if (this.sections[i].is(name)) return this.sections[i];
    return null;
  }

  /** The first SHF_ALLOC section of that name: the kernel's find_sec. */
  allocSection(name: string): ElfSection | null {
    for (let i = 1; i < this.sections.length; i++) {
      const s = this.sections[i];
      if (s.alloc && s.is(name)) return s;
    }
    return null;
  }

  /** Whether a section's bytes lie in the file and were read. */
  present(s: ElfSection): bool {
    return s.type != SHT_NOBITS && this.b.has(s.offset, s.size);
  }

  /** The string at `off` of a string section, "" when out of bounds. */
  stringAt(s: ElfSection, off: u64): string {
    if (off >= s.size || !this.present(s)) return "";
    return this.b.cstr(<i32>(s.offset + off), <i32>(s.offset + s.size));
  }
}

/** Reads the ELF header: magic, class, byte order, and the section table's place. */
export function readElfHeader(b: ElfBytes): ElfFile {
  const e = new ElfFile(b);
  const len = b.len;
  if (len <= 16 || !b.has(0, 16) || b.u8(0) != 0x7f || b.u8(1) != 0x45 || b.u8(2) != 0x4c || b.u8(3) != 0x46) {
    e.error = "not an ELF file (no \\x7fELF magic)";
    e.errno = 8;
    return e;
  }
  const cls = b.u8(4),
    data = b.u8(5);
  if (cls != 1 && cls != 2) {
    e.error = "unknown ELF class " + cls.toString();
    return e;
  }
  e.is64 = cls == 2;
  if (data != 1 && data != 2) {
    e.error = "unknown ELF byte order " + data.toString();
    return e;
  }
  e.big = data == 2;
  if (len <= e.ehdrSize || !b.has(0, <u64>e.ehdrSize)) {
    e.error = "file too short for an ELF header (" + len.toString() + " bytes)";
    return e;
  }
  const big = e.big;
  e.type = b.u16(16, big);
  e.machine = b.u16(18, big);
  if (e.is64) {
    e.shoff = b.u64(0x28, big);
    e.shentsize = b.u16(0x3a, big);
    e.shnum = <i32>b.u16(0x3c, big);
    e.shstrndx = b.u16(0x3e, big);
  } else {
    e.shoff = <u64>b.u32(0x20, big);
    e.shentsize = b.u16(0x2e, big);
    e.shnum = <i32>b.u16(0x30, big);
    e.shstrndx = b.u16(0x32, big);
  }
  if (e.shentsize != <u32>e.shdrSize) {
    e.error = "section header size " + e.shentsize.toString() + ", not " + e.shdrSize.toString();
    return e;
  }
  if (e.shoff > <u64>len || e.shtBytes > <u64>len - e.shoff) {
    e.error = "section headers beyond the end of the file";
    return e;
  }
  return e;
}

/** Reads the section headers (which must be present) and checks the name table as kmod does.
 *  Section objects come from `pool` when given (and go back into it). */
export function readSectionTable(e: ElfFile, pool: ElfSection[] | null = null): bool {
  if (e.error.length > 0) return false;
  const b = e.b;
  if (!b.has(e.shoff, e.shtBytes)) {
    e.error = "section headers not read";
    return false;
  }
  const big = e.big;
  const len = <u64>b.len;
  for (let i = 0; i < e.shnum; i++) {
    let s: ElfSection;
    if (pool != null && i < pool.length) s = unchecked(pool[i]).reuse(i, b);
    else {
      s = new ElfSection(i, b);
      if (pool != null) pool.push(s);
    }
    const o = <i32>(e.shoff + <u64>i * <u64>e.shdrSize);
    s.nameOff = b.u32(o, big);
    s.type = b.u32(o + 4, big);
    if (e.is64) {
      s.flags = b.u64(o + 8, big);
      s.addr = b.u64(o + 16, big);
      s.offset = b.u64(o + 24, big);
      s.size = b.u64(o + 32, big);
      s.link = b.u32(o + 40, big);
      s.info = b.u32(o + 44, big);
      s.entsize = b.u64(o + 56, big);
    } else {
      s.flags = <u64>b.u32(o + 8, big);
      s.addr = <u64>b.u32(o + 12, big);
      s.offset = <u64>b.u32(o + 16, big);
      s.size = <u64>b.u32(o + 20, big);
      s.link = b.u32(o + 24, big);
      s.info = b.u32(o + 28, big);
      s.entsize = <u64>b.u32(o + 36, big);
    }
    e.sections.push(s);
  }
  if (e.shstrndx == SHN_UNDEF || e.shstrndx >= <u32>e.shnum) {
    e.error = "no section name table (index " + e.shstrndx.toString() + ")";
    return false;
  }
  const str = e.sections[e.shstrndx];
  if (str.offset > len || str.size > len - str.offset) {
    e.error = "section name table beyond the end of the file";
    return false;
  }
  return true;
}

/** Names every section (the name table must be present); kmod wants it NUL-terminated. */
export function readSectionNames(e: ElfFile): bool {
  if (e.error.length > 0) return false;
  const str = e.sections[e.shstrndx];
  if (!e.b.has(str.offset, str.size)) {
    e.error = "section name table not read";
    return false;
  }
  if (str.size == 0 || e.b.u8(<i32>(str.offset + str.size - 1)) != 0) {
    e.error = "section name table is empty or not NUL-terminated";
    return false;
  }
  for (let i = 0; i < e.sections.length; i++) {
    const s = e.sections[i];
    if (<u64>s.nameOff < str.size) {
      s.nameAt = <i32>(str.offset + <u64>s.nameOff);
      s.nameEnd = <i32>(str.offset + str.size);
    }
  }
  return true;
}

/** The symbol table: fields read on demand, names from its string table. */
export class ElfSymbols {
  count: i32 = 0;
  entsize: i32 = 0;
  base: i32 = 0;
  strBase: i32 = 0;
  strEnd: i32 = 0;
  constructor(public e: ElfFile) {}

  nameOffset(i: i32): u32 {
    return this.e.b.u32(this.base + i * this.entsize, this.e.big);
  }
  /** Absolute file offset of symbol i's name, or -1 when its name lies outside the string table. */
  nameAt(i: i32): i32 {
    const off = this.nameOffset(i);
    return <u64>off < <u64>(this.strEnd - this.strBase) ? this.strBase + <i32>off : -1;
  }
  name(i: i32): string {
    const a = this.nameAt(i);
    return a < 0 ? "" : this.e.b.cstr(a, this.strEnd);
  }
  info(i: i32): u32 {
    return this.e.b.u8(this.base + i * this.entsize + (this.e.is64 ? 4 : 12));
  }
  bind(i: i32): u32 {
    return this.info(i) >> 4;
  }
  type(i: i32): u32 {
    return this.info(i) & 15;
  }
  shndx(i: i32): u32 {
    return this.e.b.u16(this.base + i * this.entsize + (this.e.is64 ? 6 : 14), this.e.big);
  }
  value(i: i32): u64 {
    const o = this.base + i * this.entsize;
    return this.e.is64 ? this.e.b.u64(o + 8, this.e.big) : <u64>this.e.b.u32(o + 4, this.e.big);
  }
}

/** The first SHT_SYMTAB with its string table, both present; null (with `why`) otherwise. */
export function readSymbols(e: ElfFile): ElfSymbols | null {
  for (let i = 1; i < e.sections.length; i++) {
    const s = e.sections[i];
    if (s.type != SHT_SYMTAB) continue;
    const ent = e.is64 ? 24 : 16;
    if (s.link == 0 || s.link >= <u32>e.sections.length) return null;
    const str = e.sections[s.link];
    if (!e.present(s) || !e.present(str) || s.size % <u64>ent != 0) return null;
    const t = new ElfSymbols(e);
    t.count = <i32>(s.size / <u64>ent);
    t.entsize = ent;
    t.base = <i32>s.offset;
    t.strBase = <i32>str.offset;
    t.strEnd = <i32>(str.offset + str.size);
    return t;
  }
  return null;
}

/** A REL or RELA section: offset, symbol index and addend of each entry. */
export class ElfRelocs {
  count: i32 = 0;
  entsize: i32 = 0;
  base: i32 = 0;
  rela: bool = false;
  constructor(
    public e: ElfFile,
    public target: i32,
  ) {}

  offset(i: i32): u64 {
    return this.e.b.word(this.base + i * this.entsize, this.e.wordSize, this.e.big);
  }
  symbol(i: i32): u32 {
    const e = this.e;
    const o = this.base + i * this.entsize + e.wordSize;
    if (!e.is64) return e.b.u32(o, e.big) >> 8;
    // MIPS64 keeps r_sym as the first 32-bit half in either byte order
    if (e.machine == EM_MIPS) return e.b.u32(o, e.big);
    return <u32>(e.b.u64(o, e.big) >> 32);
  }
  /** The explicit addend (RELA), or 0 (REL: the addend is in the relocated field). */
  addend(i: i32): i64 {
    if (!this.rela) return 0;
    return <i64>this.e.b.word(this.base + i * this.entsize + 2 * this.e.wordSize, this.e.wordSize, this.e.big);
  }
}

/** The relocations that apply to section `target` (sh_info), when present. */
export function relocsFor(e: ElfFile, target: i32): ElfRelocs | null {
  for (let i = 1; i < e.sections.length; i++) {
    const s = e.sections[i];
    if ((s.type != SHT_RELA && s.type != SHT_REL) || s.info != <u32>target) continue;
    const rela = s.type == SHT_RELA;
    const ent = (rela ? 3 : 2) * e.wordSize;
    if (!e.present(s) || s.size % <u64>ent != 0) return null;
    const r = new ElfRelocs(e, target);
    r.rela = rela;
    r.entsize = ent;
    r.base = <i32>s.offset;
    r.count = <i32>(s.size / <u64>ent);
    return r;
  }
  return null;
}

/** Header, section table and names of a file whose bytes are all present. */
export function readElf(b: ElfBytes): ElfFile {
  const e = readElfHeader(b);
  if (readSectionTable(e)) readSectionNames(e);
  return e;
}
