// dist/ served as a static host would (hashed assets cached for a year, the rest revalidated
// by ETag), with a log of every body sent and its gzip size (a .gz file as it is): what the
// embed's transfer budget test and the ten-embed benchmark count, whichever context — page,
// frame, worker or shared worker — made the request.

import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { gzipSync } from "node:zlib";

const TYPES: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".css": "text/css",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".gz": "application/gzip",
  ".json": "application/json",
  ".ttf": "font/ttf",
};

/** One response: its path, status, body bytes and their gzip size (0 for a 304). */
export interface Sent {
  path: string;
  status: number;
  bytes: number;
  gzip: number;
}

/** Serves `dir` on a free port; `log` grows with every response. */
export async function serveCounting(dir = "dist"): Promise<{ server: Server; url: string; log: Sent[] }> {
  const log: Sent[] = [];
  // a real host compresses a file once, not on every request: measuring a 3 MB chunk's gzip
  // size blocks this server for a quarter of a second, which no page should be charged twice
  const gzipSizes = new Map<string, number>();
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? "/").split(/[?#]/)[0])).replace(/^(\.\.[/\\])+/, "");
    let body: Buffer;
    try {
      body = await readFile(join(dir, path.endsWith("/") ? path + "index.html" : path));
    } catch {
      log.push({ path, status: 404, bytes: 0, gzip: 0 });
      return void res.writeHead(404).end();
    }
    const etag = `"${createHash("sha1").update(body).digest("base64url")}"`;
    if (req.headers["if-none-match"] === etag) {
      log.push({ path, status: 304, bytes: 0, gzip: 0 });
      return void res.writeHead(304, { ETag: etag }).end();
    }
    let gzip = gzipSizes.get(etag);
    if (gzip === undefined) gzipSizes.set(etag, (gzip = extname(path) === ".gz" ? body.length : gzipSync(body).length));
    log.push({ path, status: 200, bytes: body.length, gzip });
    res.writeHead(200, {
      "Content-Type": TYPES[extname(path)] ?? "application/octet-stream",
      "Cache-Control": path.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache",
      ETag: etag,
    });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, log };
}

/** Bytes (gzip) and requests in a slice of the log. */
export function total(log: readonly Sent[]): { bytes: number; requests: number } {
  return { bytes: log.reduce((n, s) => n + s.gzip, 0), requests: log.length };
}
