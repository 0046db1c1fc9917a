// The site's build and server plugin for Vite: the headers of src/site/policy.ts on every
// response of `vite dev` and `vite preview`, and, at `vite build`, the build's id (a hash of
// everything built) and the worker policy written into sw.js, so that each deploy gets its own
// offline cache and the old ones are deleted.

import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import type { Plugin, ResolvedConfig } from "vite";
import { WORKER_POLICY, headersFor } from "./policy.ts";

/** What sw.js holds until the build fills it in. */
export const SW_PLACEHOLDERS = { build: "__KSYMNS_BUILD__", workerPolicy: "__KSYMNS_WORKER_POLICY__" } as const;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

/** The id of the built site in `outDir`: its files' names and contents, hashed (sw.js aside). */
export function buildId(outDir: string): string {
  const hash = createHash("sha256");
  for (const file of filesUnder(outDir).sort()) {
    const name = relative(outDir, file).split("\\").join("/");
    if (name === "sw.js") continue;
    hash.update(name).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex").slice(0, 16);
}

/** Writes the build's id and the worker policy into `outDir`/sw.js (once the rest is built);
 *  returns the id, or null when there is no sw.js. */
export function fillServiceWorker(outDir: string): string | null {
  const sw = join(outDir, "sw.js");
  let text: string;
  try {
    text = readFileSync(sw, "utf8");
  } catch {
    return null;
  }
  const id = buildId(outDir);
  writeFileSync(sw, text.split(SW_PLACEHOLDERS.build).join(id).split(SW_PLACEHOLDERS.workerPolicy).join(WORKER_POLICY));
  return id;
}

type Use = (req: { url?: string }, res: { setHeader(name: string, value: string): void }, next: () => void) => void;
const sendHeaders: Use = (req, res, next) => {
  for (const [name, value] of Object.entries(headersFor(req.url ?? "/"))) res.setHeader(name, value);
  next();
};

/** The Vite plugin. */
export function site(): Plugin {
  let config: ResolvedConfig;
  return {
    name: "ksymns-site",
    configResolved(resolved) {
      config = resolved;
    },
    configureServer(server) {
      server.middlewares.use(sendHeaders);
    },
    configurePreviewServer(server) {
      server.middlewares.use(sendHeaders);
    },
    closeBundle() {
      if (config.command !== "build") return;
      fillServiceWorker(resolve(config.root, config.build.outDir));
    },
  };
}
