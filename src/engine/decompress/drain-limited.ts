// Reads a decompressing stream to its end while counting: past the limit the stream is
// cancelled (which frees the decoder) and nothing more is allocated. Used for the streams
// the platform and xz-decompress offer, in the page and under Node.

import { asDecompressError, DecompressError, overLimit, type Compression } from "./decompress";

/** A decoder that keeps handing out empty chunks makes no progress: after this many in a row
 *  the stream counts as invalid rather than looping for ever. */
const MAX_EMPTY_CHUNKS = 1024;

/** The whole output of `stream`, at most `limit` bytes (else a DecompressError "limit"). */
export async function drainLimited(stream: ReadableStream<Uint8Array>, format: Compression, limit: number): Promise<Uint8Array> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  let empty = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (value.length === 0) {
        if (++empty > MAX_EMPTY_CHUNKS) throw new DecompressError("invalid", `${format} decoder makes no progress`);
        continue;
      }
      empty = 0;
      total += value.length;
      if (total > limit) throw overLimit(format, limit);
      chunks.push(value);
    }
  } catch (err) {
    // cancelling an errored stream is harmless; cancelling a live one releases its decoder
    await reader.cancel().catch(() => undefined);
    throw asDecompressError(format, err);
  } finally {
    reader.releaseLock();
  }
  return concat(chunks, total);
}

/** The chunks as one array of `total` bytes. */
export function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
