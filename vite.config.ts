import { resolve } from "node:path";
import { build, type Plugin } from "vite";
import { defineConfig } from "vitest/config";
import { CHROMIUM_HINT, findChromium } from "./test/support/chromium.ts";

// Without Chromium the browser suites are left out, saying so, except under CI where they
// must run (and so fail).
const BROWSER_SUITES = "test/browser/**";
const noBrowser = !findChromium() && process.env.CI !== "true";
const left = noBrowser ? [`browser suites (${BROWSER_SUITES}) skipped: no Chromium found (${CHROMIUM_HINT})`] : [];

/** The <ksymns-playground> element as embed.js: one classic script (any page can load it with
 *  `<script src defer>`), so it is built on its own, as an IIFE with a stable name. */
function elementScript(): Plugin {
  const make = (write: boolean) =>
    build({
      configFile: false,
      logLevel: "warn",
      build: {
        write,
        outDir: "dist",
        emptyOutDir: false,
        copyPublicDir: false,
        target: "es2022",
        lib: { entry: resolve(import.meta.dirname, "src/embed/element.ts"), formats: ["iife"], name: "ksymnsPlayground", fileName: () => "embed.js" },
      },
    });
  return {
    name: "ksymns-element",
    async closeBundle() {
      if (this.environment?.config.command === "build") await make(true);
    },
    configureServer(server) {
      server.middlewares.use("/embed.js", (_req, res, next) => {
        make(false).then((out) => {
          const chunk = (Array.isArray(out) ? out[0] : out) as { output: { code?: string }[] };
          res.setHeader("Content-Type", "text/javascript");
          res.end(chunk.output[0].code);
        }, next);
      });
    },
  };
}

export default defineConfig({
  base: "./",
  plugins: [elementScript()],
  build: {
    target: "es2022",
    outDir: "dist",
    chunkSizeWarningLimit: 4096,
    // the full page and the embed (embed.html: the same store and panes, other flags)
    rollupOptions: { input: { index: resolve(import.meta.dirname, "index.html"), embed: resolve(import.meta.dirname, "embed.html") } },
  },
  worker: { format: "es" },
  server: { port: 5173 },
  preview: { port: 5173 },
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["**/node_modules/**", ...(noBrowser ? [BROWSER_SUITES] : [])],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    reporters: ["default", ["./test/support/summary-reporter.ts", { left }]],
  },
});
