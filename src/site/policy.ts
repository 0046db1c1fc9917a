// The site's security headers, in one place: the pages' Content-Security-Policy (which
// index.html and embed.html also carry in a meta tag), the policy workers run under, and
// which pages other sites may frame. `npm start` and `npm run dev` send these headers; the
// service worker adds the worker policy to worker scripts it serves; SECURITY.md gives them
// to hosts.

/** The pages' policy: own scripts only, no eval ('wasm-unsafe-eval' lets the engine compile). */
export const PAGE_POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

/** The workers' policy: the pages' own. A worker takes its policy from its script's response
 *  header, never from the page's meta tag, so it must be sent with the script. */
export const WORKER_POLICY = PAGE_POLICY;

/** Sent with the playground and the docs page: no other site may frame them (a framed
 *  playground could be clicked into restoring or deleting History, or downloading work).
 *  A meta tag cannot carry frame-ancestors; only a header can. */
export const NO_FRAMING = "frame-ancestors 'none'";

/** The headers a host sends with the file at `path` (under any sub-path). embed.html and
 *  engine.html are made to be framed: they get none (a host may add `frame-ancestors` naming
 *  its own origins). */
export function headersFor(path: string): Record<string, string> {
  const [file, query = ""] = path.split("#")[0].split("?");
  // Vite's dev server serves a worker's source as /src/…/worker.ts?worker_file
  if (/(^|&)worker_file\b/.test(query)) return { "Content-Security-Policy": WORKER_POLICY };
  if (/(^|\/)(embed|engine)\.html$/.test(file)) return {};
  if (/\.html$/.test(file) || file.endsWith("/")) return { "Content-Security-Policy": NO_FRAMING, "X-Frame-Options": "DENY" };
  // a page ignores a script's policy; a worker runs under it
  if (/\.m?js$/.test(file)) return { "Content-Security-Policy": WORKER_POLICY };
  return {};
}
