// Where the project's files are under Node (wasm/build, public/kernels): the nearest folder
// above this module holding ksymns' package.json. Walking up, rather than a fixed "../..",
// keeps it right from the sources, from a bundle and from an installed package alike.

import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg) && /"name"\s*:\s*"ksymns"/.test(readFileSync(pkg, "utf8"))) return dir + "/";
    if (dirname(dir) === dir) throw new Error(`ksymns: no package.json of ksymns above ${from}`);
  }
}

/** The project (or installed package) root, ending in "/". */
export const projectRoot = findRoot(dirname(fileURLToPath(import.meta.url)));
