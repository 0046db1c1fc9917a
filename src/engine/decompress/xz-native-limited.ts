// xz within a limit, with node-liblzma (liblzma itself). Its whole-buffer and stream APIs both
// decode all the input before anyone can count (the stream ignores backpressure), so this
// drives its decoder step by step: one 64 KiB output window at a time, counted, copied out,
// stopped as soon as the output passes the limit.

import { asDecompressError, DecompressError, overLimit } from "./decompress";

/** The parts of node-liblzma used here: an Unxz stream's decoder, called synchronously. */
export interface NativeXzModule {
  Unxz: new () => { lzma?: NativeDecoder; close(): void };
  LZMA_OK: number;
  LZMA_STREAM_END: number;
  LZMA_FINISH: number;
}
interface NativeDecoder {
  codeSync(action: number, input: Buffer, inOff: number, inLen: number, output: Buffer, outOff: number): [number, number, number];
}

const WINDOW = 64 * 1024;

/** Whether this node-liblzma exposes the step-by-step decoder (else use xz-decompress). */
export function steppable(x: NativeXzModule): boolean {
  const u = new x.Unxz();
  try {
    return typeof u.lzma?.codeSync === "function";
  } finally {
    u.close();
  }
}

/** The decompressed stream, at most `limit` bytes (else a DecompressError "limit"). */
export function unxzNativeLimited(x: NativeXzModule, bytes: Uint8Array, limit: number): Uint8Array {
  const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const u = new x.Unxz();
  const z = u.lzma as NativeDecoder;
  const window = Buffer.alloc(WINDOW);
  const chunks: Buffer[] = [];
  let total = 0;
  let inOff = 0;
  let stalled = 0;
  try {
    for (;;) {
      const availIn = input.length - inOff;
      const [ret, inAfter, outAfter] = z.codeSync(x.LZMA_FINISH, input, inOff, availIn, window, 0);
      const used = WINDOW - outAfter;
      if (used > 0) {
        total += used;
        if (total > limit) throw overLimit("xz", limit);
        chunks.push(Buffer.from(window.subarray(0, used)));
      }
      inOff += availIn - inAfter;
      if (ret === x.LZMA_STREAM_END) break;
      if (ret !== x.LZMA_OK) throw new DecompressError("invalid", `not a valid xz stream (liblzma error ${ret})`);
      // liblzma reports a stream cut short only after calls that make no progress
      stalled = used === 0 && inAfter === availIn ? stalled + 1 : 0;
      if (stalled > 2) throw new DecompressError("invalid", "not a valid xz stream (truncated)");
    }
  } catch (err) {
    throw asDecompressError("xz", err);
  } finally {
    u.close();
  }
  return Buffer.concat(chunks, total);
}
