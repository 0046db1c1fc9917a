// A tiny static server for the embed tests: a "documentation page" on its own localhost
// port (another origin than the playground), serving the pages the test hands it, and
// optionally the built site under a sub-path (as a static host would), a test's own handler
// answering first.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".css": "text/css",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".gz": "application/gzip",
  ".ttf": "font/ttf",
  ".json": "application/json",
};

/** A test's own answer to a request: true when it answered (or dropped the connection). */
export type Intercept = (path: string, req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;

/** Serves `pages` (path → [content type, body]) and `site.dir` under `site.at` on a free port,
 *  `intercept` answering first when given; returns its origin. */
export async function serveHostPages(
  pages: Record<string, [string, string | Uint8Array]>,
  site?: { at: string; dir: string },
  intercept?: Intercept,
): Promise<{ server: Server; origin: string }> {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent((req.url ?? "/").split(/[?#]/)[0]);
    if (intercept && (await intercept(path, req, res))) return;
    const page = pages[path];
    if (page) {
      res.writeHead(200, { "Content-Type": page[0], "Cache-Control": "no-store" }).end(page[1]);
      return;
    }
    if (site && path.startsWith(site.at)) {
      const rel = normalize(path.slice(site.at.length) || "index.html").replace(/^(\.\.[/\\])+/, "");
      try {
        const body = await readFile(join(site.dir, rel.endsWith("/") ? rel + "index.html" : rel));
        res.writeHead(200, { "Content-Type": TYPES[extname(rel)] ?? "application/octet-stream" }).end(body);
        return;
      } catch {
        // falls through to 404
      }
    }
    res.writeHead(404).end("not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}
