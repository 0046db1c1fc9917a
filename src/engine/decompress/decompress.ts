// Compressed modules (.ko.xz, .ko.zst, .ko.gz) become plain ELF bytes before they reach the
// engine: the host supplies the decompressors (well-kept npm libraries, or the platform's),
// this file only tells the formats apart by their magic bytes and holds every module to the
// engine's stated limits while it is decompressed, so that a bomb never allocates past them.

import { MAX_FILE_BYTES, MAX_WORKSPACE_BYTES } from "../../../wasm/shared/codes";
import type { WorkspaceFiles } from "../types";

export type Compression = "xz" | "zstd" | "gzip";

/** Decompresses one whole stream of a format. With `limit`, output beyond `limit` bytes is
 *  never produced: the decompressor stops and throws a DecompressError of kind "limit". */
export type Decompressor = (format: Compression, bytes: Uint8Array, limit?: number) => Promise<Uint8Array>;

/** Why a stream was not decompressed: it would exceed the limit, or it is no valid stream. */
export type DecompressFailure = "limit" | "invalid";

export class DecompressError extends Error {
  constructor(
    readonly kind: DecompressFailure,
    message: string,
  ) {
    super(message);
    this.name = "DecompressError";
  }
}

/** The error a decompressor throws when its output would pass `limit`. */
export function overLimit(format: Compression, limit: number): DecompressError {
  return new DecompressError("limit", `${format} stream decompresses to more than ${limit} bytes`);
}

/** Any failure of a decoder as a DecompressError (a decoder's own errors mean invalid data). */
export function asDecompressError(format: Compression, err: unknown): DecompressError {
  if (err instanceof DecompressError) return err;
  return new DecompressError("invalid", `not a valid ${format} stream (${err instanceof Error ? err.message : String(err)})`);
}

/** The compression a file's first bytes announce, or null. */
export function compressionOf(b: Uint8Array): Compression | null {
  if (b.length >= 6 && b[0] === 0xfd && b[1] === 0x37 && b[2] === 0x7a && b[3] === 0x58 && b[4] === 0x5a && b[5] === 0) return "xz";
  if (b.length >= 4 && b[0] === 0x28 && b[1] === 0xb5 && b[2] === 0x2f && b[3] === 0xfd) return "zstd";
  if (b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b) return "gzip";
  return null;
}

const MODULE_NAME = /\.ko(\.(xz|zst|gz))?$/;

/** A compressed module the host did not decompress, and why: the engine words the finding
 *  (over the per-file limit, over the workspace limit, or not a valid stream). */
export interface Undecoded {
  file: string;
  format: Compression;
  reason: "file-limit" | "workspace-limit" | "invalid";
}

export interface DecompressedWorkspace {
  files: WorkspaceFiles;
  undecoded: Undecoded[];
}

function sizeOf(data: string | Uint8Array): number {
  return typeof data === "string" ? data.length : data.length;
}

/** The workspace with every compressed module file decompressed under its own name, each held
 *  to the engine's limits: at most MAX_FILE_BYTES, and no more than what is left of
 *  MAX_WORKSPACE_BYTES once the other files are counted. A module over a limit is passed on
 *  empty (the engine ignores it and says why); one that does not decompress is left as it is
 *  (the engine says why, and the kernel refuses the bytes as it would the raw file). */
export async function decompressModules(files: WorkspaceFiles, decompress: Decompressor): Promise<DecompressedWorkspace> {
  const compressed: [string, Uint8Array, Compression][] = [];
  let budget = MAX_WORKSPACE_BYTES;
  for (const [name, data] of Object.entries(files)) {
    const format = typeof data !== "string" && MODULE_NAME.test(name) ? compressionOf(data) : null;
    if (format) compressed.push([name, data as Uint8Array, format]);
    else budget -= sizeOf(data);
  }
  if (compressed.length === 0) return { files, undecoded: [] };
  const out: WorkspaceFiles = { ...files };
  const undecoded: Undecoded[] = [];
  for (const [name, data, format] of compressed) {
    const limit = Math.max(0, Math.min(MAX_FILE_BYTES, budget));
    try {
      const plain = await decompress(format, data, limit);
      out[name] = plain;
      budget -= plain.length;
    } catch (err) {
      if (err instanceof DecompressError && err.kind === "limit") {
        undecoded.push({ file: name, format, reason: limit < MAX_FILE_BYTES ? "workspace-limit" : "file-limit" });
        out[name] = new Uint8Array(0);
      } else {
        undecoded.push({ file: name, format, reason: "invalid" });
        budget -= data.length;
      }
    }
  }
  return { files: out, undecoded };
}

/** One module's bytes, decompressed within the per-file limit when compressed; the raw bytes
 *  when they do not decompress (the engine then describes them as the kernel would). */
export async function decompressModule(bytes: Uint8Array, decompress: Decompressor): Promise<Uint8Array> {
  const format = compressionOf(bytes);
  if (!format) return bytes;
  try {
    return await decompress(format, bytes, MAX_FILE_BYTES);
  } catch {
    return bytes;
  }
}

let xzDecompress: Promise<typeof import("xz-decompress")> | undefined;

/** xz-decompress's stream class; the package is a UMD bundle, imported (once) whichever way
 *  the loader presents it. */
export function loadXzDecompress(): Promise<typeof import("xz-decompress")> {
  xzDecompress ??= import("xz-decompress").then((loaded) => {
    const m = loaded as typeof import("xz-decompress") & { default?: typeof import("xz-decompress") };
    return m.XzReadableStream ? m : (m.default as typeof import("xz-decompress"));
  });
  return xzDecompress;
}
