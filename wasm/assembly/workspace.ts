// The workspace container the host sends: named files as bytes, packed as
// u32 count, then per file u32 name length, UTF-8 name, u32 data length, data (little-endian).

import { MAX_FILE_BYTES, MAX_FILES, MAX_WORKSPACE_BYTES, Msg, Severity, Stage } from "../shared/codes";
import { Finding, Span } from "./diagnostics";

export class WorkspaceFile {
  constructor(
    public name: string,
    public bytes: Uint8Array,
  ) {}
  text(): string {
    return String.UTF8.decodeUnsafe(this.bytes.dataStart, this.bytes.length);
  }
}

export class Workspace {
  files: WorkspaceFile[] = [];
  findings: Finding[] = [];
  find(name: string): WorkspaceFile | null {
    for (let i = 0; i < this.files.length; i++) if (this.files[i].name == name) return this.files[i];
    return null;
  }
}

/** The longest file name taken (PATH_MAX). */
const MAX_NAME_BYTES: u32 = 4096;

export function unpackWorkspace(buf: ArrayBuffer): Workspace {
  const ws = new Workspace();
  const b = Uint8Array.wrap(buf);
  const n = b.length;
  if (n > MAX_WORKSPACE_BYTES) {
    ws.findings.push(
      new Finding(
        Stage.Read,
        Severity.Error,
        Msg.READ_TOO_LARGE,
        "workspace: " + n.toString() + " bytes is more than the " + MAX_WORKSPACE_BYTES.toString() + " bytes ksymns accepts",
        Span.none(),
      ),
    );
    return ws;
  }
  if (n < 4) return ws;
  const count = u32At(b, 0);
  let p = 4;
  for (let i: u32 = 0; i < count; i++) {
    if (p + 4 > n) break;
    const nl = u32At(b, p);
    p += 4;
    if (p + <i32>nl > n) break;
    if (nl > MAX_NAME_BYTES) {
      // named by its start; the files after it are still read
      const shown = String.UTF8.decodeUnsafe(b.dataStart + p, 64) + "...";
      p += nl;
      if (p + 4 > n) break;
      const skip = u32At(b, p);
      p += 4;
      if (p + <i32>skip > n || skip > <u32>MAX_WORKSPACE_BYTES) break;
      ws.findings.push(
        new Finding(
          Stage.Read,
          Severity.Error,
          Msg.READ_TOO_LARGE,
          shown + ": a file name of " + nl.toString() + " bytes is longer than the " + MAX_NAME_BYTES.toString() + " bytes ksymns takes; the file is ignored",
          Span.none(),
        ),
      );
      p += skip;
      continue;
    }
    const name = String.UTF8.decodeUnsafe(b.dataStart + p, nl);
    p += nl;
    if (p + 4 > n) break;
    const dl = u32At(b, p);
    p += 4;
    if (p + <i32>dl > n || dl > <u32>MAX_WORKSPACE_BYTES) break;
    if (ws.files.length >= MAX_FILES) {
      ws.findings.push(
        new Finding(
          Stage.Read,
          Severity.Error,
          Msg.READ_TOO_LARGE,
          "workspace: more than " + MAX_FILES.toString() + " files; " + name + " and the rest are ignored",
          Span.none(),
        ),
      );
      break;
    }
    if (dl > <u32>MAX_FILE_BYTES) {
      ws.findings.push(
        new Finding(
          Stage.Read,
          Severity.Error,
          Msg.READ_TOO_LARGE,
          name + ": " + dl.toString() + " bytes is more than the " + MAX_FILE_BYTES.toString() + " bytes ksymns reads in one file; the file is ignored",
          Span.at(name, 1),
        ),
      );
      p += dl;
      continue;
    }
    ws.files.push(new WorkspaceFile(name, b.subarray(p, p + dl)));
    p += dl;
  }
  return ws;
}

function u32At(b: Uint8Array, p: i32): u32 {
  return (<u32>b[p]) | ((<u32>b[p + 1]) << 8) | ((<u32>b[p + 2]) << 16) | ((<u32>b[p + 3]) << 24);
}
