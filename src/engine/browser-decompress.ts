// Decompressing dropped modules in the page or a worker: xz with xz-decompress
// (WebAssembly), zstd with fzstd, gzip with the platform's DecompressionStream. The
// libraries load only when a file needs them.

import { loadXzDecompress, type Decompressor } from "./decompress";

async function drain(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export const browserDecompress: Decompressor = async (format, bytes) => {
  if (format === "gzip") return drain(new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream("gzip")));
  if (format === "zstd") return (await import("fzstd")).decompress(bytes);
  const { XzReadableStream } = await loadXzDecompress();
  return drain(new XzReadableStream(new Blob([bytes as Uint8Array<ArrayBuffer>]).stream()));
};
