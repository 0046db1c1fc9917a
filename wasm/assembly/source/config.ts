// The .config reader: CONFIG_ options and the release in the header comment that
// scripts/kconfig writes ("# Linux/x86 6.12.0 Kernel Configuration").

import { Msg, Severity, Stage } from "../../shared/codes";
import { Finding, Span } from "../diagnostics";
import { knownRangeText, parseRelease } from "../kernel/versions";
import { headerRelease } from "../../shared/configheader";
import { ConfigTable } from "./configtable";
import { nextNewline } from "../util/bytes";

export class KernelConfig {
  /** The options, in the order they were first set. */
  table: ConfigTable = new ConfigTable();
  /** Release named in the header comment, 0 when there is none. */
  release: i32 = 0;
  releaseText: string = "";
  releaseSpan: Span = Span.none();
  findings: Finding[] = [];

  /** "y", "m", "n" (also for "is not set" and absent), or the raw value. */
  get(name: string): string {
    const row = this.table.find(name.startsWith("CONFIG_") ? name : "CONFIG_" + name);
    return row < 0 ? "n" : this.table.value(row);
  }
  isOn(name: string): bool {
    const v = this.get(name);
    return v == "y" || v == "m";
  }
  set(name: string, value: string): void {
    this.table.set(name.startsWith("CONFIG_") ? name : "CONFIG_" + name, value);
  }

  /** Sets every option `from` sets, to its value there. */
  setAll(from: KernelConfig): void {
    const t = from.table;
    for (let i = 0; i < t.count; i++) this.table.set(t.key(i), t.value(i));
  }
}

export function readConfig(file: string, text: string, into: KernelConfig): KernelConfig {
  return readConfigBytes(file, Uint8Array.wrap(String.UTF8.encode(text)), into);
}

/** The same from the file's bytes (a profile's .config comes as bytes: 11,000 lines read at
 *  every start, the two usual forms in place, anything else line by line as text). */
export function readConfigBytes(file: string, b: Uint8Array, into: KernelConfig): KernelConfig {
  const n = b.length;
  // a table not yet filled reads its rows in place (a line is about 30 bytes)
  if (into.table.count == 0) into.table = new ConfigTable(b, n / 24);
  const inPlace = into.table.count == 0;
  let a = 0;
  let no = 0;
  while (a < n) {
    const nl = nextNewline(b, a, n);
    const e = nl > a && byteAt(b, nl - 1) == 13 ? nl - 1 : nl;
    no++;
    if (e > a && !isPlainComment(b, a, e) && !readUsualLine(b, a, e, into, inPlace)) readLine(file, decode(b, a, e), no, into);
    a = nl + 1;
  }
  return into;
}

/** A comment that sets nothing and names no release (kconfig's section titles, about one
 *  line in eight): passed over without decoding. */
function isPlainComment(b: Uint8Array, a: i32, e: i32): bool {
  if (byteAt(b, a) != 35) return false;
  for (let i = a + 1; i + 5 < e; i++) {
    const c = byteAt(b, i);
    if ((c == 67 && bytesAre(b, i, CONFIG_)) || (c == 76 && bytesAre(b, i, "Linux/"))) return false;
  }
  return true;
}

const CONFIG_ = "CONFIG_";
const NOT_SET = " is not set";

/** `CONFIG_NAME=value` or `# CONFIG_NAME is not set`, ASCII, with no space around; false
 *  otherwise. */
function readUsualLine(b: Uint8Array, a: i32, e: i32, into: KernelConfig, inPlace: bool): bool {
  if (e - a < 9) return false;
  const last = byteAt(b, e - 1);
  if (last <= 32 || last >= 0x80) return false;
  if (byteAt(b, a) == 35) {
    // "# CONFIG_X is not set"
    if (byteAt(b, a + 1) != 32 || !bytesAre(b, a + 2, CONFIG_) || e - NOT_SET.length < a + 2 || !bytesAre(b, e - NOT_SET.length, NOT_SET)) return false;
    const end = e - NOT_SET.length;
    if (end <= a + 2 + CONFIG_.length) return false;
    for (let i = a + 2 + CONFIG_.length; i < end; i++) if (!isNameChar(byteAt(b, i))) return false;
    if (inPlace) into.table.setRange(a + 2, end, -1, -1);
    else into.table.set(decode(b, a + 2, end), "n");
    return true;
  }
  if (!bytesAre(b, a, CONFIG_)) return false;
  let eq = a + CONFIG_.length;
  while (eq < e && isNameChar(byteAt(b, eq))) eq++;
  if (eq == a + CONFIG_.length || eq >= e || byteAt(b, eq) != 61) return false;
  if (inPlace) into.table.setRange(a, eq, eq + 1, e);
  else into.table.set(decode(b, a, eq), decode(b, eq + 1, e));
  return true;
}

function byteAt(b: Uint8Array, i: i32): i32 {
  return <i32>load<u8>(b.dataStart + <usize>i);
}

/** Whether the bytes at `a` spell the ASCII string `s` (within the array). */
function bytesAre(b: Uint8Array, a: i32, s: string): bool {
  if (a < 0 || a + s.length > b.length) return false;
  for (let i = 0; i < s.length; i++) if (byteAt(b, a + i) != s.charCodeAt(i)) return false;
  return true;
}

function decode(b: Uint8Array, a: i32, e: i32): string {
  return String.UTF8.decodeUnsafe(b.dataStart + <usize>a, <usize>(e - a));
}

function isNameChar(c: i32): bool {
  return (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c == 95 || (c >= 97 && c <= 122);
}

function readLine(file: string, raw: string, no: i32, into: KernelConfig): void {
  const line = raw.trim();
  if (line.length == 0) return;
  if (line.startsWith("#")) {
    const body = line.substring(1).trim();
    if (body.startsWith("CONFIG_") && body.endsWith(" is not set")) {
      const name = body.substring(0, body.length - 11).trim();
      into.table.set(name, "n");
      return;
    }
    const named = headerRelease(line);
    if (named.length > 0) {
      const v = parseRelease(named);
      if (v == 0) {
        into.findings.push(
          new Finding(
            Stage.Read,
            Severity.Warning,
            Msg.READ_CONFIG_VERSION,
            "kernel release '" + named + "' is not one ksymns knows (" + knownRangeText() + "); the chosen version is used",
            Span.at(file, no),
          ),
        );
      } else {
        into.release = v;
        into.releaseText = named;
        into.releaseSpan = Span.at(file, no);
      }
    }
    return;
  }
  const eq = line.indexOf("=");
  if (!line.startsWith("CONFIG_") || eq < 8) {
    into.findings.push(
      new Finding(Stage.Read, Severity.Warning, Msg.READ_CONFIG_LINE, "line not understood (expected CONFIG_NAME=value): " + line, Span.at(file, no)),
    );
    return;
  }
  const name = line.substring(0, eq);
  let ok = true;
  for (let k = 7; k < name.length; k++) {
    const c = name.charCodeAt(k);
    if (!((c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c == 95 || (c >= 97 && c <= 122))) {
      ok = false;
      break;
    }
  }
  if (!ok) {
    into.findings.push(new Finding(Stage.Read, Severity.Warning, Msg.READ_CONFIG_LINE, "'" + name + "' is not a valid option name", Span.at(file, no)));
    return;
  }
  into.table.set(name, line.substring(eq + 1));
}
