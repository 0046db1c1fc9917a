// The Module.symvers reader (scripts/mod/modpost.c read_dump). Three layouts exist:
// before 5.4 `CRC sym module type`; 5.4 `CRC sym namespace module type`; from 5.6 (and
// late 5.4.y/5.5.y) `CRC sym module type namespace`. The export-type column tells them apart.
// A real table has 25,000–31,000 rows: rows stay as byte offsets in a hash index and become
// Export objects only when looked up.

import { Msg, Severity, Stage } from "../../shared/codes";
import { Finding, Span } from "../diagnostics";
import { Export } from "../model";
import { ExportLookup } from "../sim/symtab";
import { hashBytes, hashString } from "../util/bytes";

export enum SymversLayout {
  Unknown,
  NoNamespace,
  NamespaceThird,
  NamespaceLast,
}

const MAX_FINDINGS = 50;
// per row: symbol start, end, namespace start, end, owner index, crc, line, flags (1 = GPL)
const STRIDE = 8;

export class Symvers extends ExportLookup {
  layout: SymversLayout = SymversLayout.Unknown;
  findings: Finding[] = [];
  lines: i32 = 0;
  count: i32 = 0;
  hasVmlinux: bool = false;
  /** Module paths as written, and their module names ("vmlinux" for the kernel). */
  ownerPaths: string[] = [];
  owners: string[] = [];
  rows: StaticArray<i32>;
  slots: StaticArray<i32> = new StaticArray<i32>(16);
  /** Rows whose symbol an earlier row lists already, in row order, and that earlier row. */
  repeats: i32[] = [];
  firstRows: i32[] = [];
  private made: Map<i32, Export> = new Map();
  private vmView: VmlinuxView | null = null;

  constructor(
    public file: string,
    public bytes: Uint8Array,
    capacity: i32,
  ) {
    super();
    this.rows = new StaticArray<i32>(max(capacity, 16) * STRIDE);
  }

  /** Room for row `count` (the capacity is a guess from the table's size). */
  private reserve(): void {
    if ((this.count + 1) * STRIDE <= this.rows.length) return;
    const more = new StaticArray<i32>(this.rows.length << 1);
    memory.copy(changetype<usize>(more), changetype<usize>(this.rows), (<usize>this.rows.length) << 2);
    this.rows = more;
  }

  /** Appends a row: symbol and namespace byte ranges, owner index, CRC, line, GPL flag. */
  add(symA: i32, symE: i32, nsA: i32, nsE: i32, owner: i32, crc: i32, line: i32, gpl: bool): void {
    this.reserve();
    const rows = this.rows;
    const r = this.count * STRIDE;
    unchecked((rows[r] = symA));
    unchecked((rows[r + 1] = symE));
    unchecked((rows[r + 2] = nsA));
    unchecked((rows[r + 3] = nsE));
    unchecked((rows[r + 4] = owner));
    unchecked((rows[r + 5] = crc));
    unchecked((rows[r + 6] = line));
    unchecked((rows[r + 7] = gpl ? 1 : 0));
    this.count++;
  }

  /** Builds the symbol index once every row is read (the first export of a symbol wins;
   *  the others are repeats). */
  index(): void {
    let size = 16;
    while (size < this.count * 2) size <<= 1;
    this.slots = new StaticArray<i32>(size);
    for (let i = 0; i < this.count; i++) this.insert(i);
  }

  /** The same rows, vmlinux's only. */
  get vmlinux(): VmlinuxView {
    if (this.vmView == null) this.vmView = new VmlinuxView(this);
    return this.vmView as VmlinuxView;
  }

  /** The Export of row `i` (made once, then kept). */
  exportAt(i: i32): Export {
    if (this.made.has(i)) return this.made.get(i);
    const r = i * STRIDE;
    const b = this.bytes;
    const owner = this.rows[r + 4];
    const ns = this.rows[r + 3] > this.rows[r + 2] ? text(b, this.rows[r + 2], this.rows[r + 3]) : "";
    const e = new Export(text(b, this.rows[r], this.rows[r + 1]), this.owners[owner], (this.rows[r + 7] & 1) != 0, ns);
    e.ownerPath = this.ownerPaths[owner];
    e.crc = <u32>this.rows[r + 5];
    e.hasCrc = this.rows[r + 5] != 0;
    e.row = this.rows[r + 6];
    e.rowFile = this.file;
    this.made.set(i, e);
    return e;
  }

  ownerOf(i: i32): string {
    return this.owners[this.rows[i * STRIDE + 4]];
  }

  /** Whether row i is a GPL-only export, read without making the Export. */
  isGplAt(i: i32): bool {
    return (this.rows[i * STRIDE + 7] & 1) != 0;
  }

  /** Namespace of row i ("" for none), decoded without making the Export. */
  namespaceAt(i: i32): string {
    const r = i * STRIDE;
    const a = this.rows[r + 2],
      e = this.rows[r + 3];
    return e > a ? text(this.bytes, a, e) : "";
  }

  symbolStartsWith(i: i32, prefix: string): bool {
    const r = i * STRIDE;
    const a = this.rows[r],
      e = this.rows[r + 1];
    if (e - a < prefix.length) return false;
    for (let k = 0; k < prefix.length; k++) if (at(this.bytes, a + k) != prefix.charCodeAt(k)) return false;
    return true;
  }
  ownerIndexOf(i: i32): i32 {
    return this.rows[i * STRIDE + 4];
  }

  /** Row of the first export of `sym`, or -1. */
  rowOf(sym: string): i32 {
    const mask = this.slots.length - 1;
    let h = hashOf(sym) & mask;
    while (true) {
      const v = unchecked(this.slots[h]);
      if (v == 0) return -1;
      const r = (v - 1) * STRIDE;
      if (equalsBytes(this.bytes, unchecked(this.rows[r]), unchecked(this.rows[r + 1]), sym)) return v - 1;
      h = (h + 1) & mask;
    }
    return -1;
  }

  find(sym: string): Export | null {
    const i = this.rowOf(sym);
    return i < 0 ? null : this.exportAt(i);
  }

  /** Inserts row i unless its symbol is there already (the first export wins; the row is
   *  then a repeat). */
  insert(i: i32): void {
    const r = i * STRIDE;
    const b = this.bytes;
    const a = this.rows[r],
      e = this.rows[r + 1];
    const mask = this.slots.length - 1;
    let h = hashRange(b, a, e) & mask;
    while (true) {
      const v = unchecked(this.slots[h]);
      if (v == 0) {
        unchecked((this.slots[h] = i + 1));
        return;
      }
      const q = (v - 1) * STRIDE;
      if (sameBytes(b, a, e, unchecked(this.rows[q]), unchecked(this.rows[q + 1]))) {
        this.repeats.push(i);
        this.firstRows.push(v - 1);
        return;
      }
      h = (h + 1) & mask;
    }
  }
}

export class VmlinuxView extends ExportLookup {
  constructor(public table: Symvers) {
    super();
  }
  find(sym: string): Export | null {
    const i = this.table.rowOf(sym);
    if (i < 0 || this.table.ownerOf(i) != "vmlinux") return null;
    return this.table.exportAt(i);
  }
}

// The readers below index only within [0, b.length): raw loads skip the bounds checks
// that made a 25,000-row table take 30 ms.
function at(b: Uint8Array, i: i32): i32 {
  return <i32>load<u8>(b.dataStart + <usize>i);
}

// each byte the same (written as two halves: a 64-bit literal is not exact in JavaScript)
const ONES: u64 = ((<u64>0x01010101) << 32) | 0x01010101;
const HIGHS: u64 = ONES * 0x80;
const TABS: u64 = ONES * 0x09;
const NEWLINES: u64 = ONES * 0x0a;

/** Index of the first tab or newline at or after `i` (n when none), eight bytes a step. */
function nextSeparator(b: Uint8Array, i: i32, n: i32): i32 {
  const base = b.dataStart;
  while (i + 8 <= n) {
    const v = load<u64>(base + <usize>i);
    const t = v ^ TABS;
    const l = v ^ NEWLINES;
    // a zero byte of t or l is a separator; the lowest flagged byte is always a true one
    const hit = ((t - ONES) & ~t & HIGHS) | ((l - ONES) & ~l & HIGHS);
    if (hit != 0) return i + <i32>(ctz(hit) >> 3);
    i += 8;
  }
  while (i < n) {
    const c = at(b, i);
    if (c == 9 || c == 10) return i;
    i++;
  }
  return n;
}

// util/bytes.ts' FNV-1a, non-negative; symbol names are ASCII, so a name's bytes and its
// string's characters hash the same
function hashOf(s: string): i32 {
  return <i32>(hashString(s) >>> 1);
}

function hashRange(b: Uint8Array, a: i32, e: i32): i32 {
  return <i32>(hashBytes(b.dataStart + <usize>a, e - a) >>> 1);
}
function equalsBytes(b: Uint8Array, a: i32, e: i32, s: string): bool {
  if (e - a != s.length) return false;
  for (let i = 0; i < s.length; i++) if (at(b, a + i) != s.charCodeAt(i)) return false;
  return true;
}

function isExportType(b: Uint8Array, a: i32, e: i32): bool {
  // EXPORT_SYMBOL, EXPORT_SYMBOL_GPL, EXPORT_SYMBOL_GPL_FUTURE, EXPORT_UNUSED_SYMBOL(_GPL)
  if (e - a < 13) return false;
  return at(b, a) == 69 && at(b, a + 1) == 88 && at(b, a + 2) == 80 && at(b, a + 3) == 79 && at(b, a + 4) == 82 && at(b, a + 5) == 84 && at(b, a + 6) == 95;
}

/** Each byte's value as a hex digit, 16 for any other byte. */
const HEX_DIGITS = hexDigits();

function hexDigits(): StaticArray<u8> {
  const t = new StaticArray<u8>(256);
  for (let c = 0; c < 256; c++) t[c] = c >= 48 && c <= 57 ? <u8>(c - 48) : (c | 32) >= 97 && (c | 32) <= 102 ? <u8>((c | 32) - 87) : 16;
  return t;
}

/** The CRC column's value, or -1 when it is no hexadecimal number of 32 bits. Every row has
 *  one, nearly always written `0x` and eight digits: those are read eight digits at once. */
function crcValue(b: Uint8Array, a: i32, e: i32): i64 {
  if (e - a != 10 || at(b, a) != 48 || (at(b, a + 1) | 32) != 120) return hexValue(b, a, e);
  const p = b.dataStart + <usize>(a + 2);
  const digits = changetype<usize>(HEX_DIGITS);
  let v: u32 = 0;
  let seen: u32 = 0;
  for (let i = 0; i < 8; i++) {
    const d = <u32>load<u8>(digits + <usize>load<u8>(p + <usize>i));
    seen |= d;
    v = (v << 4) | d;
  }
  return (seen & 16) != 0 ? -1 : <i64>v;
}

function hexValue(b: Uint8Array, a: i32, e: i32): i64 {
  let i = a;
  if (e - i >= 2 && at(b, i) == 48 && (at(b, i + 1) | 32) == 120) i += 2;
  if (i >= e || e - i > 8) return -1;
  let v: i64 = 0;
  for (; i < e; i++) {
    const c = at(b, i);
    let d: i32;
    if (c >= 48 && c <= 57) d = c - 48;
    else if ((c | 32) >= 97 && (c | 32) <= 102) d = (c | 32) - 87;
    else return -1;
    v = (v << 4) | d;
  }
  return v;
}

function text(b: Uint8Array, a: i32, e: i32): string {
  return String.UTF8.decodeUnsafe(b.dataStart + a, e - a);
}

function sameBytes(b: Uint8Array, a: i32, e: i32, c: i32, d: i32): bool {
  const n = e - a;
  if (n != d - c) return false;
  const base = b.dataStart;
  let i = 0;
  for (; i + 8 <= n; i += 8) if (load<u64>(base + <usize>(a + i)) != load<u64>(base + <usize>(c + i))) return false;
  for (; i < n; i++) if (at(b, a + i) != at(b, c + i)) return false;
  return true;
}

function asciiOnly(b: Uint8Array, a: i32, e: i32): bool {
  const base = b.dataStart;
  let i = a;
  for (; i + 8 <= e; i += 8) if ((load<u64>(base + <usize>i) & HIGHS) != 0) return false;
  for (; i < e; i++) if (at(b, i) >= 0x80) return false;
  return true;
}

/** Module name from a Module.symvers module column: `drivers/usb/storage/usb-storage` → `usb_storage`. */
export function moduleNameOfPath(path: string): string {
  const slash = path.lastIndexOf("/");
  const base = slash >= 0 ? path.substring(slash + 1) : path;
  return base.replaceAll("-", "_");
}

/** Reads a Module.symvers from its bytes. Bad lines are findings and are skipped. */
export function readSymvers(file: string, b: Uint8Array): Symvers {
  const n = b.length;
  // a real table's rows average about 70 bytes; the rows grow when a table is denser
  const out = new Symvers(file, b, n / 64);
  const f = new StaticArray<i32>(12); // field bounds: start,end pairs for up to 6 fields
  let lineNo = 0;
  let pos = 0;
  let layoutLine = 0;
  let bad = 0;
  let lastModA = 0,
    lastModE = 0,
    lastOwner = -1;
  while (pos < n) {
    lineNo++;
    // fields, found a separator at a time
    let nf = 0;
    let s = pos;
    let end = n;
    while (true) {
      const i = nextSeparator(b, s, n);
      if (nf < 6) {
        unchecked((f[nf * 2] = s));
        unchecked((f[nf * 2 + 1] = i));
      }
      nf++;
      if (i >= n || at(b, i) == 10) {
        end = i;
        break;
      }
      s = i + 1;
    }
    let le = end;
    if (le > pos && at(b, le - 1) == 13) {
      le--;
      if (nf <= 6) unchecked((f[(nf - 1) * 2 + 1] = le));
    }
    const lineStart = pos;
    pos = end + 1;
    if (le == lineStart) continue; // blank line
    out.lines++;
    let layout = SymversLayout.Unknown;
    let nsA = 0,
      nsE = 0,
      modA = 0,
      modE = 0,
      typA = 0,
      typE = 0;
    if (nf == 5 && isExportType(b, unchecked(f[6]), unchecked(f[7]))) {
      layout = SymversLayout.NamespaceLast;
      modA = unchecked(f[4]);
      modE = unchecked(f[5]);
      typA = unchecked(f[6]);
      typE = unchecked(f[7]);
      nsA = unchecked(f[8]);
      nsE = unchecked(f[9]);
    } else if (nf == 5 && isExportType(b, unchecked(f[8]), unchecked(f[9]))) {
      layout = SymversLayout.NamespaceThird;
      nsA = unchecked(f[4]);
      nsE = unchecked(f[5]);
      modA = unchecked(f[6]);
      modE = unchecked(f[7]);
      typA = unchecked(f[8]);
      typE = unchecked(f[9]);
    } else if (nf == 4 && isExportType(b, unchecked(f[6]), unchecked(f[7]))) {
      layout = SymversLayout.NoNamespace;
      modA = unchecked(f[4]);
      modE = unchecked(f[5]);
      typA = unchecked(f[6]);
      typE = unchecked(f[7]);
    }
    const crc = nf >= 2 ? crcValue(b, unchecked(f[0]), unchecked(f[1])) : -1;
    if (layout == SymversLayout.Unknown || crc < 0 || unchecked(f[3]) == unchecked(f[2]) || modE == modA || !asciiOnly(b, unchecked(f[2]), unchecked(f[3]))) {
      bad++;
      if (out.findings.length < MAX_FINDINGS) {
        let why = "expected CRC<TAB>symbol<TAB>module<TAB>export type<TAB>namespace";
        if (layout != SymversLayout.Unknown && crc < 0) why = "the CRC '" + text(b, unchecked(f[0]), unchecked(f[1])) + "' is not a hexadecimal number";
        else if (layout != SymversLayout.Unknown && unchecked(f[3]) > unchecked(f[2]) && modE > modA) why = "the symbol name is not ASCII";
        else if (layout != SymversLayout.Unknown) why = "empty symbol or module column";
        else if (nf < 4) why = "only " + nf.toString() + " tab-separated column" + (nf == 1 ? "" : "s") + "; " + why;
        out.findings.push(new Finding(Stage.Read, Severity.Warning, Msg.READ_SYMVERS_LINE, "line ignored: " + why, Span.at(file, lineNo)));
      }
      continue;
    }
    if (out.layout == SymversLayout.Unknown) {
      out.layout = layout;
      layoutLine = lineNo;
    } else if (layout != out.layout && out.findings.length < MAX_FINDINGS) {
      out.findings.push(
        new Finding(
          Stage.Read,
          Severity.Warning,
          Msg.READ_SYMVERS_LAYOUT,
          "this line uses the " +
            layoutName(layout) +
            " layout but line " +
            layoutLine.toString() +
            " uses the " +
            layoutName(out.layout) +
            " layout; each line is read by its own layout",
          Span.at(file, lineNo),
        ),
      );
    }
    // rows come grouped by module: decode each module column once
    if (lastOwner < 0 || !sameBytes(b, modA, modE, lastModA, lastModE)) {
      const path = text(b, modA, modE);
      out.ownerPaths.push(path);
      out.owners.push(path == "vmlinux" ? "vmlinux" : moduleNameOfPath(path));
      lastOwner = out.owners.length - 1;
      if (path == "vmlinux") out.hasVmlinux = true;
    }
    lastModA = modA;
    lastModE = modE;
    out.add(f[2], unchecked(f[3]), nsA, nsE, lastOwner, <i32>crc, lineNo, typE - typA >= 17 && at(b, typA + 14) == 71); // EXPORT_SYMBOL_GPL...
  }
  out.index();
  if (bad > MAX_FINDINGS) {
    out.findings.push(
      new Finding(Stage.Read, Severity.Warning, Msg.READ_SYMVERS_LINE, (bad - MAX_FINDINGS).toString() + " more lines ignored", Span.at(file, 1)),
    );
  }
  return out;
}

export function layoutName(l: SymversLayout): string {
  if (l == SymversLayout.NoNamespace) return "pre-5.4 four-column";
  if (l == SymversLayout.NamespaceThird) return "5.4 namespace-third";
  if (l == SymversLayout.NamespaceLast) return "5.6+ namespace-last";
  return "unknown";
}
