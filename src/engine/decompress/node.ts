// Decompressing modules under Node: xz with node-liblzma (liblzma itself, prebuilt; its
// WebAssembly twin xz-decompress when no prebuilt binary fits), zstd with fzstd, gzip with
// node:zlib. With a limit (a workspace's modules), every decoder stops as soon as its output
// passes it; without (whole kernel trees, whose modules may be larger), each decodes whole.

// The libraries load on first use: a tree of plain .ko files never needs them.
import { createRequire } from "node:module";
import { DecompressError, loadXzDecompress, overLimit, type Compression, type Decompressor } from "./decompress";
import { drainLimited } from "./drain-limited";
import { steppable, unxzNativeLimited, type NativeXzModule } from "./xz-native-limited";
import { TimeLimitError, withinTime } from "./watchdog";
import { unzstdLimited } from "./zstd-limited";

const require = createRequire(import.meta.url);

interface NativeXz extends NativeXzModule { unxzSync(input: Buffer): Buffer }
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

function gunzipSync(b: Uint8Array): Uint8Array {
  return zlib().gunzipSync(b);
}

/** A whole tree's modules may be large (Debian's biggest decompress to about 30 MB, well
 *  under a second for fzstd), but a crafted one must not stop the tree for minutes. */
const ZSTD_TREE_TIME_MS = 10_000;

function unzstd(b: Uint8Array): Uint8Array {
  return withinTime(ZSTD_TREE_TIME_MS, () => (require("fzstd") as typeof import("fzstd")).decompress(b));
}

/** Whether decompressSync() can take this format here. */
export function canDecompressSync(format: Compression): boolean {
  return format !== "xz" || nativeXz() !== null;
}

/** Decompresses on this thread (xz needs the native library), whole, without a limit. */
export function decompressSync(format: Compression, bytes: Uint8Array): Uint8Array {
  if (format === "gzip") return gunzipSync(bytes);
  if (format === "zstd") return unzstd(bytes);
  const x = nativeXz();
  if (!x) throw new Error("no native xz decoder (node-liblzma) installed");
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
// fuzzer) would pile them up, so every few decoders this yields once (see ko-reader's breathe()).
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
  if (limit === undefined) return canDecompressSync(format) ? decompressSync(format, bytes) : unxzWasm(bytes, Infinity);
  if (format === "gzip") return gunzipLimited(bytes, limit);
  if (format === "zstd") return unzstdTimed(bytes, limit);
  return unxzLimited(bytes, limit);
};

/** xz-decompress under Node, within `limit` (the fallback when node-liblzma has no binary). */
export const unxzWasmLimited = unxzWasm;
