// `npm run bench`: runs every test/bench/*.bench.ts in turn (or those named on the command
// line) and prints their reports. Benchmarks print medians and ratios against the reference
// measured in the same run; tests never assert on timing.

import { readdirSync } from "node:fs";
import { pathToFileURL } from "node:url";

const dir = new URL("./", import.meta.url);
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith(".bench.ts") && (only.length === 0 || only.some((o) => f.includes(o))))
  .sort();
let failed = 0;
for (const f of files) {
  console.log(`\n## ${f.replace(/\.bench\.ts$/, "")}`);
  try {
    const mod = (await import(pathToFileURL(new URL(f, dir).pathname).href)) as { default: () => Promise<void> };
    await mod.default();
  } catch (err) {
    failed++;
    console.log(`failed: ${err instanceof Error ? err.stack : String(err)}`);
  }
}
process.exitCode = failed ? 1 : 0;
