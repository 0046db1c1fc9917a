// `npm run test:corpus`: the tests against whole real Debian kernels (test/corpus), which
// download hundreds of megabytes on first use, kept out of `npm test`.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/corpus/**/*.corpus.ts"],
    testTimeout: 30 * 60_000,
    hookTimeout: 60 * 60_000,
    pool: "forks",
    globalSetup: ["test/support/build-cli.ts"],
    fileParallelism: false,
  },
});
