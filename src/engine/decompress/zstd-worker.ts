// The page's zstd decoder runs here, in a worker of its own: fzstd executes the sequences a
// block declares however many there are, so a crafted .ko.zst of a few bytes could keep a
// thread busy for minutes. The page terminates this worker when it takes too long
// (browser-decompress.ts), which no code on the page's own thread could do.

import { unzstdLimited } from "./zstd-limited";

export interface ZstdRequest {
  bytes: Uint8Array;
  limit: number;
}
export type ZstdReply = { out: Uint8Array } | { kind: "limit" | "invalid"; message: string };

self.onmessage = async (e: MessageEvent<ZstdRequest>) => {
  let reply: ZstdReply;
  try {
    reply = { out: await unzstdLimited(e.data.bytes, e.data.limit) };
  } catch (err) {
    const d = err as { kind?: "limit" | "invalid"; message?: string };
    reply = { kind: d.kind === "limit" ? "limit" : "invalid", message: String(d.message ?? err) };
  }
  self.postMessage(reply);
};
