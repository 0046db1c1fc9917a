// Decompressing modules under Node: xz with node-liblzma (liblzma itself, prebuilt; its
// WebAssembly twin xz-decompress when no prebuilt binary fits), zstd with fzstd, gzip with
// node:zlib.

// The libraries load on first use: a tree of plain .ko files never needs them.
import { createRequire } from "node:module";
import { loadXzDecompress, type Compression, type Decompressor } from "./decompress";

const require = createRequire(import.meta.url);

interface NativeXz { unxzSync(input: Buffer): Buffer }
let native: NativeXz | null | undefined;

function nativeXz(): NativeXz | null {
  if (native === undefined) {
    try {
      native = require("node-liblzma") as NativeXz;
    } catch {
      native = null;
    }
  }
  return native;
}

function gunzipSync(b: Uint8Array): Uint8Array {
  return (require("node:zlib") as typeof import("node:zlib")).gunzipSync(b);
}

function unzstd(b: Uint8Array): Uint8Array {
  return (require("fzstd") as typeof import("fzstd")).decompress(b);
}

/** Whether decompressSync() can take this format here. */
export function canDecompressSync(format: Compression): boolean {
  return format !== "xz" || nativeXz() !== null;
}

/** Decompresses on this thread (xz needs the native library). */
export function decompressSync(format: Compression, bytes: Uint8Array): Uint8Array {
  if (format === "gzip") return gunzipSync(bytes);
  if (format === "zstd") return unzstd(bytes);
  const x = nativeXz();
  if (!x) throw new Error("no native xz decoder (node-liblzma) installed");
  return x.unxzSync(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length));
}

async function unxzWasm(bytes: Uint8Array): Promise<Uint8Array> {
  const { XzReadableStream } = await loadXzDecompress();
  const stream = new XzReadableStream(new Blob([bytes as Uint8Array<ArrayBuffer>]).stream());
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export const nodeDecompress: Decompressor = async (format, bytes) =>
  canDecompressSync(format) ? decompressSync(format, bytes) : unxzWasm(bytes);
