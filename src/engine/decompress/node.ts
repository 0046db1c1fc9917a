// Decompressing modules under Node: xz with node-liblzma (liblzma itself, prebuilt; its
// WebAssembly twin xz-decompress when no prebuilt binary fits), zstd with fzstd, gzip with
// node:zlib. With a limit (a workspace's modules), every decoder stops as soon as its output
// passes it; without (whole kernel trees, whose modules may be larger), each decodes whole.

// liblzma and zlib load on first use: a tree of plain .ko files never needs them (fzstd is
// small, and a static import lets the package bundle carry it).
import { createRequire } from "node:module";
import { Decompress as FzstdDecompress } from "fzstd";
import { asDecompressError, DecompressError, loadXzDecompress, overLimit, type Compression, type Decompressor } from "./decompress";
import { checkZstdFrames } from "./zstdlimited";
import { drainLimited } from "./drainlimited";
import { steppable, unxzNativeLimited, type NativeXzModule } from "./xznative";
import { TimeLimitError, withinTime } from "./watchdog";
import { unzstdLimited } from "./zstdlimited";

const require = createRequire(import.meta.url);

interface NativeXz extends NativeXzModule {
  unxzSync(input: Buffer): Buffer;
}
let native: NativeXz | null | undefined;
let nativeSteps: boolean | undefined;

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

function zlib(): typeof import("node:zlib") {
  return require("node:zlib") as typeof import("node:zlib");
}

/** A whole tree's modules may be large (Debian's biggest decompress to about 30 MB, well
 *  under a second for fzstd), but a crafted one must not stop the tree for minutes. */
const ZSTD_TREE_TIME_MS = 10_000;

/** Whether decompressSync() can take this format here. */
export function canDecompressSync(format: Compression): boolean {
  return format !== "xz" || nativeXz() !== null;
}

/** The most one module of a whole tree may decompress to: far above Debian's largest
 *  (about 30 MB), far below what a bomb would take. */
export const TREE_MODULE_LIMIT = 256 * 1024 * 1024;

/** zstd within `limit`, on this thread: fzstd's streaming decoder, counted block by block. */
function unzstdSyncLimited(b: Uint8Array, limit: number): Uint8Array {
  checkZstdFrames(b, limit);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const d = new FzstdDecompress((chunk) => {
    total += chunk.length;
    if (total > limit) throw overLimit("zstd", limit);
    if (chunk.length > 0) chunks.push(chunk);
  });
  try {
    withinTime(ZSTD_TREE_TIME_MS, () => {
      d.push(b, true);
      return b;
    });
  } catch (err) {
    throw asDecompressError("zstd", err);
  }
  return Buffer.concat(chunks, total);
}

/** Decompresses on this thread (xz needs the native library), whole, within `limit`
 *  (a DecompressError beyond it). */
export function decompressSync(format: Compression, bytes: Uint8Array, limit = TREE_MODULE_LIMIT): Uint8Array {
  if (format === "gzip") return gunzipLimited(bytes, limit);
  if (format === "zstd") return unzstdSyncLimited(bytes, limit);
  const x = nativeXz();
  if (!x) throw new Error("no native xz decoder (node-liblzma) installed");
  nativeSteps ??= steppable(x);
  if (nativeSteps) return unxzNativeLimited(x, bytes, limit);
  return x.unxzSync(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length));
}

/** gzip within `limit`: zlib stops producing output at maxOutputLength. */
function gunzipLimited(b: Uint8Array, limit: number): Uint8Array {
  let out: Uint8Array;
  try {
    out = zlib().gunzipSync(b, { maxOutputLength: Math.max(1, limit) });
  } catch (err) {
    if ((err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw overLimit("gzip", limit);
    throw new DecompressError("invalid", `not a valid gzip stream (${(err as Error).message})`);
  }
  if (out.length > limit) throw overLimit("gzip", limit);
  return out;
}

async function unxzWasm(bytes: Uint8Array, limit: number): Promise<Uint8Array> {
  const { XzReadableStream } = await loadXzDecompress();
  return drainLimited(new XzReadableStream(new Blob([bytes as Uint8Array<ArrayBuffer>]).stream()), "xz", limit);
}

/** fzstd decodes a valid 8 MiB module in well under 200 ms; a block that declares endless
 *  sequences (a few bytes can ask for billions of copies) is stopped after this long. */
const ZSTD_TIME_MS = 1000;

function unzstdTimed(bytes: Uint8Array, limit: number): Promise<Uint8Array> {
  return unzstdLimited(bytes, limit, (decode) => {
    try {
      return withinTime(ZSTD_TIME_MS, decode);
    } catch (err) {
      if (err instanceof TimeLimitError) throw new DecompressError("invalid", `not a valid zstd stream (decoding ${err.message})`);
      throw err;
    }
  });
}

// node-liblzma's decoders are freed by finalizers, which run only when the thread gets back to
// its event loop: a caller decompressing module after module without yielding (a batch, the
// fuzzer) would pile them up, so every few decoders this yields once (see koreader's breathe()).
const DECODERS_PER_BREATH = 32;
let decodersSinceBreath = 0;

async function unxzLimited(bytes: Uint8Array, limit: number): Promise<Uint8Array> {
  const x = nativeXz();
  if (x) nativeSteps ??= steppable(x);
  if (!x || !nativeSteps) return unxzWasm(bytes, limit);
  if (++decodersSinceBreath >= DECODERS_PER_BREATH) {
    decodersSinceBreath = 0;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return unxzNativeLimited(x, bytes, limit);
}

export const nodeDecompress: Decompressor = async (format, bytes, limit) => {
  if (limit === undefined) return canDecompressSync(format) ? decompressSync(format, bytes) : unxzWasm(bytes, TREE_MODULE_LIMIT);
  if (format === "gzip") return gunzipLimited(bytes, limit);
  if (format === "zstd") return unzstdTimed(bytes, limit);
  return unxzLimited(bytes, limit);
};

/** xz-decompress under Node, within `limit` (the fallback when node-liblzma has no binary). */
export const unxzWasmLimited = unxzWasm;
