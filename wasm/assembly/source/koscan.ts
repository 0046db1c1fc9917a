// Reading a .ko from disk in the pieces a reader needs: the header, the section table, the
// section names, then only the wanted sections. The host asks what to read next, reads it
// straight into this buffer at its file offset, and says so; nothing else of the file is
// read or held. A decompressed module arrives whole in one piece.

import { ElfBytes, ElfFile, ElfSection, readElfHeader, readSectionNames, readSectionTable, SHT_NOBITS } from "./elf";
import { READ_ALL, wantedSections } from "./ko";

/** Ranges closer than this are read as one. */
const GAP = 16384;
/** How far before the section table its read starts: the linker puts the section names
 *  (.shstrtab, under a kilobyte for a module) right before the table, so one read takes both. */
const NAMES_BEFORE = 2048;
/** A signature block lies at most this far from the end (marker + struct module_signature). */
const SIG_TAIL = 40;

export class KoScan {
  /** The file's bytes at their offsets; grown when a bigger file comes, reused after. */
  buf: Uint8Array = new Uint8Array(0);
  bytes: ElfBytes = new ElfBytes(new Uint8Array(0), 0);
  elf: ElfFile | null = null;
  what: i32 = READ_ALL;
  stage: i32 = 0;
  needOff: i32 = 0;
  needLen: i32 = 0;
  private todo: i32[] = [];
  /** Section objects, reused from file to file. */
  private pool: ElfSection[] = [];

  /** Makes room for `size` bytes. The room is not cleared: only ranges the host has
   *  written (koScanSupplied) are ever read. */
  private reserve(size: i32): void {
    if (this.buf.length >= size) return;
    let cap = 65536;
    while (cap < size) cap <<= 1;
    this.buf = Uint8Array.wrap(changetype<ArrayBuffer>(__new(<usize>cap, idof<ArrayBuffer>())));
  }

  /** Starts reading a file of `size` bytes; returns where its byte 0 goes in memory. */
  begin(size: i32, what: i32): usize {
    if (size < 0) size = 0;
    this.reserve(size);
    this.bytes.reset(this.buf, size);
    this.elf = null;
    this.what = what;
    this.stage = 0;
    this.todo = [];
    this.ask(0, size < 64 ? size : 64);
    return this.buf.dataStart;
  }

  private ask(off: i32, len: i32): void {
    this.needOff = off;
    this.needLen = len;
  }

  /** The host read [off, off + len) into the buffer; works out what is needed next. */
  supplied(off: i32, len: i32): void {
    const size = this.bytes.len;
    if (off < 0 || len <= 0 || off > size || len > size - off) {
      this.ask(0, 0);
      return;
    }
    this.bytes.add(off, off + len);
    while (true) {
      if (this.needLen > 0 && !this.bytes.has(<u64>this.needOff, <u64>this.needLen)) return; // still waiting
      this.needLen = 0;
      if (!this.advance()) return;
    }
  }

  /** Moves to the next stage; false when a request is out or the scan is over. */
  private advance(): bool {
    const b = this.bytes;
    if (this.stage == 0) {
      const e = readElfHeader(b);
      this.elf = e;
      this.stage = 1;
      if (e.error.length > 0) return this.finish();
      const back = e.shoff < <u64>NAMES_BEFORE ? <i32>e.shoff : NAMES_BEFORE;
      this.ask(<i32>e.shoff - back, <i32>e.shtBytes + back);
      return true;
    }
    const e = this.elf as ElfFile;
    if (this.stage == 1) {
      this.stage = 2;
      if (!readSectionTable(e, this.pool)) return this.finish();
      const names = e.sections[e.shstrndx];
      this.ask(<i32>names.offset, <i32>names.size);
      return true;
    }
    if (this.stage == 2) {
      this.stage = 3;
      if (!readSectionNames(e)) return this.finish();
      this.plan(e);
    }
    if (this.todo.length == 0) return this.finish();
    const a = this.todo.shift(),
      z = this.todo.shift();
    this.ask(a, z - a);
    return true;
  }

  private finish(): bool {
    this.stage = 4;
    this.ask(0, 0);
    return false;
  }

  /** The missing ranges of the wanted sections (and the signature tail), merged. */
  private plan(e: ElfFile): void {
    const b = this.bytes;
    // a file read whole in its first piece (most are) needs nothing more
    if (b.has(0, <u64>b.len)) {
      this.todo = [];
      return;
    }
    const want = wantedSections(e, this.what);
    const starts: i32[] = [],
      ends: i32[] = [];
    const len = <u64>b.len;
    for (let i = 0; i < want.length; i++) {
      const s: ElfSection = want[i];
      if (s.type == SHT_NOBITS || s.size == 0 || s.offset > len || s.size > len - s.offset) continue;
      if (b.has(s.offset, s.size)) continue;
      starts.push(<i32>s.offset);
      ends.push(<i32>(s.offset + s.size));
    }
    if (this.what == READ_ALL && b.len > SIG_TAIL && !b.has(<u64>(b.len - SIG_TAIL), SIG_TAIL)) {
      starts.push(b.len - SIG_TAIL);
      ends.push(b.len);
    }
    // sort by start (few ranges), then merge neighbours
    for (let i = 1; i < starts.length; i++) {
      for (let j = i; j > 0 && starts[j - 1] > starts[j]; j--) {
        const s = starts[j];
        starts[j] = starts[j - 1];
        starts[j - 1] = s;
        const t = ends[j];
        ends[j] = ends[j - 1];
        ends[j - 1] = t;
      }
    }
    const todo: i32[] = [];
    for (let i = 0; i < starts.length; i++) {
      const n = todo.length;
      if (n > 0 && starts[i] <= todo[n - 1] + GAP) {
        if (ends[i] > todo[n - 1]) todo[n - 1] = ends[i];
      } else {
        todo.push(starts[i]);
        todo.push(ends[i]);
      }
    }
    this.todo = todo;
  }

  /** Whether the host should read more (the range is needOff/needLen). */
  get busy(): bool {
    return this.needLen > 0;
  }

  /** The file as read (its header at least); valid until the next begin(). */
  finished(): ElfFile {
    const e = this.elf;
    if (e != null) return e as ElfFile;
    // nothing read: an empty file
    const none = readElfHeader(this.bytes);
    this.elf = none;
    return none;
  }
}
