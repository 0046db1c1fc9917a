// embed.html's theme script (public/embed-theme.js: a classic script that must run before the
// first paint) as a hashed asset in the build: every embed frame of a page loads it, and a
// hashed name is served from the cache without asking the server again (public/sw.js).

import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Plugin } from "vite";

const NAME = "embed-theme.js";
const SOURCE = resolve(import.meta.dirname, "../../public", NAME);

/** The Vite plugin. */
export function hashedEarlyScript(): Plugin {
  return {
    name: "ksymns-early-script",
    apply: "build",
    buildStart() {
      this.emitFile({ type: "asset", name: NAME, source: readFileSync(SOURCE) });
    },
    transformIndexHtml: {
      order: "post",
      handler(html, ctx) {
        const asset = ctx.bundle && Object.values(ctx.bundle).find((o) => o.type === "asset" && o.names.includes(NAME));
        if (!asset) return html;
        // the same base as the page wrote: only the file name changes
        return html.replace(`${NAME}"></script>`, `${asset.fileName}"></script>`);
      },
    },
  };
}
