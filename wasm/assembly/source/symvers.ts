// The Module.symvers reader (scripts/mod/modpost.c read_dump). Three layouts exist:
// before 5.4 `CRC sym module type`; 5.4 `CRC sym namespace module type`; from 5.6 (and
// late 5.4.y/5.5.y) `CRC sym module type namespace`. The export-type column tells them apart.

import { Msg, Severity, Stage } from "../../shared/codes";
import { Finding, Span } from "../diagnostics";
import { Export } from "../model";

export enum SymversLayout { Unknown, NoNamespace, NamespaceThird, NamespaceLast }

export class Symvers {
  exports: Export[] = [];
  layout: SymversLayout = SymversLayout.Unknown;
  findings: Finding[] = [];
  lines: i32 = 0;
}

const MAX_FINDINGS = 50;

function isExportType(b: Uint8Array, a: i32, e: i32): bool {
  // EXPORT_SYMBOL, EXPORT_SYMBOL_GPL, EXPORT_SYMBOL_GPL_FUTURE, EXPORT_UNUSED_SYMBOL(_GPL)
  if (e - a < 13) return false;
  return b[a] == 69 && b[a + 1] == 88 && b[a + 2] == 80 && b[a + 3] == 79 && b[a + 4] == 82 && b[a + 5] == 84 && b[a + 6] == 95;
}

function hexValue(b: Uint8Array, a: i32, e: i32): i64 {
  let i = a;
  if (e - i >= 2 && b[i] == 48 && (b[i + 1] | 32) == 120) i += 2;
  if (i >= e || e - i > 8) return -1;
  let v: i64 = 0;
  for (; i < e; i++) {
    const c = b[i] as i32;
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

/** Module name from a Module.symvers module column: `drivers/usb/storage/usb-storage` → `usb_storage`. */
export function moduleNameOfPath(path: string): string {
  const slash = path.lastIndexOf("/");
  const base = slash >= 0 ? path.substring(slash + 1) : path;
  return base.replaceAll("-", "_");
}

/** Reads a Module.symvers from its bytes. Bad lines are findings and are skipped. */
export function readSymvers(file: string, b: Uint8Array): Symvers {
  const out = new Symvers();
  const n = b.length;
  const f = new StaticArray<i32>(12); // field bounds: start,end pairs for up to 6 fields
  let lineNo = 0;
  let pos = 0;
  let layoutLine = 0;
  let bad = 0;
  while (pos < n) {
    lineNo++;
    let end = pos;
    while (end < n && b[end] != 10) end++;
    let le = end;
    if (le > pos && b[le - 1] == 13) le--;
    // split on tabs
    let nf = 0;
    let s = pos;
    let tooMany = false;
    for (let i = pos; i <= le; i++) {
      if (i == le || b[i] == 9) {
        if (nf < 6) { f[nf * 2] = s; f[nf * 2 + 1] = i; }
        else tooMany = true;
        nf++;
        s = i + 1;
      }
    }
    const lineStart = pos;
    pos = end + 1;
    if (le == lineStart) continue; // blank line
    out.lines++;
    let layout = SymversLayout.Unknown;
    let nsA = 0, nsE = 0, modA = 0, modE = 0, typA = 0, typE = 0;
    if (nf == 5 && !tooMany && isExportType(b, f[6], f[7])) {
      layout = SymversLayout.NamespaceLast; modA = f[4]; modE = f[5]; typA = f[6]; typE = f[7]; nsA = f[8]; nsE = f[9];
    } else if (nf == 5 && !tooMany && isExportType(b, f[8], f[9])) {
      layout = SymversLayout.NamespaceThird; nsA = f[4]; nsE = f[5]; modA = f[6]; modE = f[7]; typA = f[8]; typE = f[9];
    } else if (nf == 4 && isExportType(b, f[6], f[7])) {
      layout = SymversLayout.NoNamespace; modA = f[4]; modE = f[5]; typA = f[6]; typE = f[7];
    }
    const crc = nf >= 2 ? hexValue(b, f[0], f[1]) : -1;
    if (layout == SymversLayout.Unknown || crc < 0 || f[3] == f[2] || modE == modA) {
      bad++;
      if (out.findings.length < MAX_FINDINGS) {
        let why = "expected CRC<TAB>symbol<TAB>module<TAB>export type<TAB>namespace";
        if (layout != SymversLayout.Unknown && crc < 0) why = "the CRC '" + text(b, f[0], f[1]) + "' is not a hexadecimal number";
        else if (layout != SymversLayout.Unknown) why = "empty symbol or module column";
        else if (nf < 4) why = "only " + nf.toString() + " tab-separated column" + (nf == 1 ? "" : "s") + "; " + why;
        out.findings.push(new Finding(Stage.Read, Severity.Warning, Msg.READ_SYMVERS_LINE,
          file + ":" + lineNo.toString() + ": line ignored: " + why, Span.at(file, lineNo)));
      }
      continue;
    }
    if (out.layout == SymversLayout.Unknown) { out.layout = layout; layoutLine = lineNo; }
    else if (layout != out.layout && out.findings.length < MAX_FINDINGS) {
      out.findings.push(new Finding(Stage.Read, Severity.Warning, Msg.READ_SYMVERS_LAYOUT,
        file + ":" + lineNo.toString() + ": this line uses the " + layoutName(layout) + " layout but line " +
        layoutLine.toString() + " uses the " + layoutName(out.layout) + " layout; read each line by its own layout",
        Span.at(file, lineNo)));
    }
    const sym = text(b, f[2], f[3]);
    const modPath = text(b, modA, modE);
    const gpl = typE - typA >= 17 && b[typA + 14] == 71; // EXPORT_SYMBOL_GPL...
    const ns = nsE > nsA ? text(b, nsA, nsE) : "";
    const e = new Export(sym, modPath == "vmlinux" ? "vmlinux" : moduleNameOfPath(modPath), gpl, ns);
    e.ownerPath = modPath;
    e.crc = crc as u32;
    e.hasCrc = crc != 0;
    e.span = new Span(file, lineNo, 1, lineNo, le - lineStart + 1);
    out.exports.push(e);
  }
  if (bad > MAX_FINDINGS) {
    out.findings.push(new Finding(Stage.Read, Severity.Warning, Msg.READ_SYMVERS_LINE,
      file + ": " + (bad - MAX_FINDINGS).toString() + " more lines ignored", Span.at(file, 1)));
  }
  return out;
}

export function layoutName(l: SymversLayout): string {
  if (l == SymversLayout.NoNamespace) return "pre-5.4 four-column";
  if (l == SymversLayout.NamespaceThird) return "5.4 namespace-third";
  if (l == SymversLayout.NamespaceLast) return "5.6+ namespace-last";
  return "unknown";
}
