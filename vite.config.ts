import { resolve } from "node:path";
import { defineConfig } from "vitest/config";
import { site } from "./src/site/plugin.ts";
import { elementScript } from "./src/site/element.ts";
import { preloadEngine } from "./src/site/preload.ts";
import { hashedEarlyScript } from "./src/site/earlyscript.ts";
import { monacoChunks } from "./src/site/monacochunks.ts";
import { CHROMIUM_HINT, findChromium } from "./test/support/chromium.ts";

// Without Chromium the browser suites are left out, saying so, except under CI where they
// must run (and so fail).
const BROWSER_SUITES = "test/browser/**";
const noBrowser = !findChromium() && process.env.CI !== "true";
const left = noBrowser ? [`browser suites (${BROWSER_SUITES}) skipped: no Chromium found (${CHROMIUM_HINT})`] : [];

export default defineConfig({
  base: "./",
  // the security headers under dev and preview, the build id in sw.js, embed.js, the engine's
  // preload hint in the playground page and embed.html's theme script hashed
  plugins: [site(), elementScript(), preloadEngine(), hashedEarlyScript()],
  build: {
    target: "es2022",
    outDir: "dist",
    chunkSizeWarningLimit: 4096,
    // the full page, the embed (embed.html: the same store and panes, other flags) and the
    // engine frame read-only embeds drawn in a host page share (engine.html)
    rollupOptions: {
      input: {
        index: resolve(import.meta.dirname, "index.html"),
        embed: resolve(import.meta.dirname, "embed.html"),
        engine: resolve(import.meta.dirname, "engine.html"),
      },
      // Monaco in layers the browser parses side by side (monacochunks.ts)
      output: { codeSplitting: { groups: monacoChunks } },
    },
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
    globalSetup: ["test/support/build-cli.ts"],
    reporters: ["default", ["./test/support/summary-reporter.ts", { left }]],
  },
});
