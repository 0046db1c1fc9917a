// Decompressing modules under Node: xz with @napi-rs/lzma (native; xz-decompress's
// WebAssembly when no native build is installed), zstd with fzstd, gzip with node:zlib.

// The libraries load on first use: a tree of plain .ko files never needs them.
import { createRequire } from "node:module";
import { loadXzDecompress, type Compression, type Decompressor } from "./decompress";

const require = createRequire(import.meta.url);

interface NativeXz { xz: { decompressSync(input: Uint8Array): Uint8Array } }
let native: NativeXz | null | undefined;

function nativeXz(): NativeXz | null {
  if (native === undefined) {
    try {
      native = require("@napi-rs/lzma") as NativeXz;
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
  if (!x) throw new Error("no native xz decoder (@napi-rs/lzma) installed");
  return x.xz.decompressSync(bytes);
}

async function unxzWasm(bytes: Uint8Array): Promise<Uint8Array> {
  const { XzReadableStream } = await loadXzDecompress();
  const stream = new XzReadableStream(new Blob([bytes as Uint8Array<ArrayBuffer>]).stream());
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export const nodeDecompress: Decompressor = async (format, bytes) =>
  canDecompressSync(format) ? decompressSync(format, bytes) : unxzWasm(bytes);
