// A tiny Astro site using ksymns/remark (test/browser/astro.test.ts builds it; the playground's
// URL comes from the environment).
import { defineConfig } from "astro/config";
import ksymns from "ksymns/remark";

const playground = process.env.KSYMNS_PLAYGROUND ?? "https://example.org/ksymns/";

export default defineConfig({
  outDir: process.env.KSYMNS_SITE_OUT ?? "./dist",
  build: { format: "file" },
  markdown: { remarkPlugins: [[ksymns, { playground }]] },
});
