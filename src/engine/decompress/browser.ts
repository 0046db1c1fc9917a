// Decompressing dropped modules in the page or a worker: xz with xz-decompress
// (WebAssembly), zstd with fzstd, gzip with the platform's DecompressionStream. The
// libraries load only when a file needs them. Each output is read as a stream and counted,
// so that with a limit nothing past it is ever allocated.

import { DecompressError, loadXzDecompress, type Decompressor } from "./decompress";
import { drainLimited } from "./drain-limited";
import { unzstdLimited } from "./zstd-limited";
import type { ZstdReply } from "./zstd-worker";

/** fzstd decodes a valid 8 MiB module in well under a second, worker start included; a stream
 *  whose blocks declare endless sequences is stopped after this long. */
const ZSTD_TIME_MS = 3000;

/** zstd in a worker of its own, terminated when it takes too long (see zstd-worker.ts);
 *  where there are no workers (Node's tests of this file), on this thread. */
function unzstdGuarded(bytes: Uint8Array, limit: number): Promise<Uint8Array> {
  if (typeof Worker === "undefined") return unzstdLimited(bytes, limit);
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./zstd-worker.ts", import.meta.url), { type: "module" });
    const done = (): void => {
      clearTimeout(timer);
      worker.terminate();
    };
    const timer = setTimeout(() => {
      done();
      reject(new DecompressError("invalid", `not a valid zstd stream (decoding did not finish within ${ZSTD_TIME_MS} ms)`));
    }, ZSTD_TIME_MS);
    worker.onmessage = (e: MessageEvent<ZstdReply>) => {
      done();
      const r = e.data;
      if ("out" in r) resolve(r.out);
      else reject(new DecompressError(r.kind, r.message));
    };
    worker.onerror = (e) => {
      done();
      reject(new DecompressError("invalid", `not a valid zstd stream (${e.message})`));
    };
    worker.postMessage({ bytes, limit });
  });
}

export const browserDecompress: Decompressor = async (format, bytes, limit = Infinity) => {
  const input = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream();
  if (format === "gzip") return drainLimited(input.pipeThrough(new DecompressionStream("gzip")), "gzip", limit);
  if (format === "zstd") return unzstdGuarded(bytes, limit);
  const { XzReadableStream } = await loadXzDecompress();
  return drainLimited(new XzReadableStream(input), "xz", limit);
};
