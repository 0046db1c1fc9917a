// The <ksymns-playground> element as dist/embed.js: one classic script any page can load with
// `<script src defer>` (no module, no chunks), so it is built apart from the site, as an IIFE
// with a stable name, and added to the site's bundle; `vite dev` builds it on request.

import { resolve } from "node:path";
import { build, type Plugin } from "vite";

const ENTRY = resolve(import.meta.dirname, "../embed/element.ts");

async function buildElement(): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: "warn",
    build: { write: false, target: "es2022", lib: { entry: ENTRY, formats: ["iife"], name: "ksymnsPlayground", fileName: () => "embed.js" } },
  });
  const result = (Array.isArray(out) ? out[0] : out) as { output: { code?: string }[] };
  return asciiOnly(result.output[0].code!);
}

/** `code` with every character past ASCII written as a \u escape: a page that declares no
 *  charset reads a classic script in its own (often windows-1252), which garbles "·" and "↗". */
function asciiOnly(code: string): string {
  // after a backslash the escape would read as an escaped backslash, then "u…"
  if (/\\[^\0-\x7f]/.test(code)) throw new Error("embed.js: a character past ASCII follows a backslash");
  return code.replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** The Vite plugin. */
export function elementScript(): Plugin {
  return {
    name: "ksymns-element",
    async generateBundle() {
      if (this.environment?.config.command !== "build") return;
      this.emitFile({ type: "asset", fileName: "embed.js", source: await buildElement() });
    },
    configureServer(server) {
      server.middlewares.use("/embed.js", (_req, res, next) => {
        buildElement().then((code) => {
          res.setHeader("Content-Type", "text/javascript");
          res.end(code);
        }, next);
      });
    },
  };
}
