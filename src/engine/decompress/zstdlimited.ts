// zstd within a limit, with fzstd's streaming decoder. fzstd allocates each frame's window as
// its header asks (up to 2 GiB) and moves the whole window once per block, so the frames are
// walked first — headers, block headers, no decoding — and a stream is refused before any of
// that when a frame declares more than the limit or asks for a window beyond it. While it
// decodes, the output is counted, and so is the window moved: blocks that regenerate next to
// nothing each cost a whole window, and enough of them would take minutes.

import { asDecompressError, DecompressError, overLimit } from "./decompress";
import { concat } from "./drainlimited";

const ZSTD_MAGIC = 0xfd2fb528;
/** Block_Maximum_Size: no block of a valid frame regenerates or carries more. */
const MAX_BLOCK = 128 * 1024;
/** Bytes of window moved (blocks × window size) a stream may cost: a valid 8 MiB module with
 *  an 8 MiB window has about 64 full blocks (512 MiB); twice that leaves room for partial ones. */
const MAX_WINDOW_WORK = 1 << 30;

function invalid(why: string): DecompressError {
  return new DecompressError("invalid", `not a valid zstd stream: ${why}`);
}

function le(b: Uint8Array, at: number, n: number): number {
  let v = 0;
  for (let i = n - 1; i >= 0; i--) v = v * 256 + b[at + i];
  return v;
}

/** Walks the frames of `b`; throws when the stream is malformed or would pass `limit`.
 *  Returns the largest window a frame asks for. */
export function checkZstdFrames(b: Uint8Array, limit: number): number {
  let p = 0;
  let largest = 0;
  while (p < b.length) {
    if (p + 8 > b.length) throw invalid("truncated frame header");
    const magic = le(b, p, 4);
    if ((magic & 0xfffffff0) >>> 0 === 0x184d2a50) {
      // a skippable frame: its size, then that many bytes
      p += 8 + le(b, p + 4, 4);
      if (p > b.length) throw invalid("truncated skippable frame");
      continue;
    }
    if (magic !== ZSTD_MAGIC) throw invalid("no frame magic");
    const fhd = b[p + 4];
    if (fhd & 8) throw invalid("reserved header bit set");
    const single = (fhd >> 5) & 1;
    const fcsFlag = fhd >> 6;
    const dictBytes = [0, 1, 2, 4][fhd & 3];
    const fcsBytes = fcsFlag === 0 ? single : 1 << fcsFlag;
    let q = p + 5;
    let window = 0;
    if (!single) {
      const wd = b[q++];
      const base = 2 ** (10 + (wd >> 3));
      window = base + (base / 8) * (wd & 7);
    }
    q += dictBytes;
    if (q + fcsBytes > b.length) throw invalid("truncated frame header");
    if (fcsBytes > 0) {
      const declared = le(b, q, fcsBytes) + (fcsBytes === 2 ? 256 : 0);
      if (declared > limit) throw overLimit("zstd", limit);
      if (single) window = declared;
    }
    q += fcsBytes;
    if (window > limit) throw overLimit("zstd", limit);
    largest = Math.max(largest, window);
    for (let last = 0; !last;) {
      if (q + 3 > b.length) throw invalid("truncated block header");
      const h = le(b, q, 3);
      q += 3;
      last = h & 1;
      const type = (h >> 1) & 3;
      const size = h >>> 3;
      if (type === 3) throw invalid("reserved block type");
      if (size > MAX_BLOCK) throw invalid("block larger than 128 KiB");
      q += type === 1 ? 1 : size;
      if (q > b.length) throw invalid("truncated block");
    }
    if (fhd & 4) q += 4;
    if (q > b.length) throw invalid("truncated checksum");
    p = q;
  }
  return largest;
}

// loaded on first use, once (a dynamic import costs a module lookup each time)
let fzstd: Promise<typeof import("fzstd")> | undefined;

/** Runs a synchronous decode, possibly under a time limit (watchdog.ts under Node). */
export type DecodeGuard = (decode: () => Uint8Array) => Uint8Array;

/** The decompressed stream, at most `limit` bytes (else a DecompressError "limit"). */
export async function unzstdLimited(b: Uint8Array, limit: number, guard: DecodeGuard = (decode) => decode()): Promise<Uint8Array> {
  const window = checkZstdFrames(b, limit);
  const { Decompress } = await (fzstd ??= import("fzstd"));
  const chunks: Uint8Array[] = [];
  let total = 0;
  let work = 0;
  // called once a block, before fzstd moves its window for that block
  const d = new Decompress((chunk) => {
    total += chunk.length;
    if (total > limit) throw overLimit("zstd", limit);
    work += window;
    if (work > MAX_WINDOW_WORK) throw invalid("too many blocks for its window");
    if (chunk.length > 0) chunks.push(chunk);
  });
  try {
    guard(() => {
      d.push(b, true);
      return b;
    });
  } catch (err) {
    throw asDecompressError("zstd", err);
  }
  return concat(chunks, total);
}
