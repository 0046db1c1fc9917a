// Compressed modules (.ko.xz, .ko.zst, .ko.gz) become plain ELF bytes before they reach the
// engine: the host supplies the decompressors (well-kept npm libraries, or the platform's),
// this file only tells the formats apart by their magic bytes.

import type { WorkspaceFiles } from "./types";

export type Compression = "xz" | "zstd" | "gzip";

/** Decompresses one whole stream of a format. */
export type Decompressor = (format: Compression, bytes: Uint8Array) => Promise<Uint8Array>;

/** The compression a file's first bytes announce, or null. */
export function compressionOf(b: Uint8Array): Compression | null {
  if (b.length >= 6 && b[0] === 0xfd && b[1] === 0x37 && b[2] === 0x7a && b[3] === 0x58 && b[4] === 0x5a && b[5] === 0) return "xz";
  if (b.length >= 4 && b[0] === 0x28 && b[1] === 0xb5 && b[2] === 0x2f && b[3] === 0xfd) return "zstd";
  if (b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b) return "gzip";
  return null;
}

const MODULE_NAME = /\.ko(\.(xz|zst|gz))?$/;

/** The workspace with every compressed module file decompressed under its own name. A file
 *  that does not decompress is left as it is: the engine then reports it and the kernel
 *  refuses it, as it would the raw bytes. */
export async function decompressModules(files: WorkspaceFiles, decompress: Decompressor): Promise<WorkspaceFiles> {
  let out: WorkspaceFiles | null = null;
  for (const [name, data] of Object.entries(files)) {
    if (typeof data === "string" || !MODULE_NAME.test(name)) continue;
    const format = compressionOf(data);
    if (!format) continue;
    try {
      const plain = await decompress(format, data);
      out ??= { ...files };
      out[name] = plain;
    } catch {
      // left compressed
    }
  }
  return out ?? files;
}

/** xz-decompress's stream class; the package is a UMD bundle, imported whichever way the
 *  loader presents it. */
export async function loadXzDecompress(): Promise<typeof import("xz-decompress")> {
  const m = (await import("xz-decompress")) as typeof import("xz-decompress") & { default?: typeof import("xz-decompress") };
  return m.XzReadableStream ? m : (m.default as typeof import("xz-decompress"));
}
