// Packs a workspace into the engine's container: u32 count, then per file
// u32 name length, UTF-8 name, u32 data length, data (little-endian).

import type { WorkspaceFiles } from "./types";

const utf8 = new TextEncoder();

export function packWorkspace(files: WorkspaceFiles): ArrayBuffer {
  const entries = Object.entries(files).map(([name, data]) => [utf8.encode(name), typeof data === "string" ? utf8.encode(data) : data] as const);
  const size = 4 + entries.reduce((n, [name, data]) => n + 8 + name.length + data.length, 0);
  const buf = new ArrayBuffer(size);
  const view = new DataView(buf);
  const bytes = new Uint8Array(buf);
  view.setUint32(0, entries.length, true);
  let p = 4;
  for (const [name, data] of entries) {
    view.setUint32(p, name.length, true);
    bytes.set(name, p + 4);
    p += 4 + name.length;
    view.setUint32(p, data.length, true);
    bytes.set(data, p + 4);
    p += 4 + data.length;
  }
  return buf;
}
