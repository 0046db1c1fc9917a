// A preload hint for the engine's .wasm in the playground page: its download then starts with
// the page's scripts rather than once they have run, and the engine's compileStreaming takes
// the preloaded response (same URL, same CORS mode as fetch()).

import type { Plugin } from "vite";

/** The Vite plugin (build only: under `vite dev` the engine is fetched as before). */
export function preloadEngine(): Plugin {
  let base = "./";
  return {
    name: "ksymns-preload-engine",
    apply: "build",
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: "post",
      handler(_html, ctx) {
        if (!ctx.bundle || !/(^|[/\\])index\.html$/.test(ctx.filename)) return;
        const wasm = Object.values(ctx.bundle).find((f) => f.type === "asset" && /(^|\/)ksymns-[\w-]+\.wasm$/.test(f.fileName));
        if (!wasm) return;
        return [
          { tag: "link", attrs: { rel: "preload", href: base + wasm.fileName, as: "fetch", type: "application/wasm", crossorigin: "" }, injectTo: "head" },
        ];
      },
    },
  };
}
