import { resolve } from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  base: "./",
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
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    globalSetup: ["test/support/build-cli.ts"],
    reporters: ["default", "./test/support/summary-reporter.ts"],
  },
});
