// Vitest global setup: the command line is tested as it ships, from its bundle (dist/cli),
// so the bundle is made anew from the sources before any test runs.

import { execFileSync } from "node:child_process";

export default function setup(): void {
  execFileSync("npm", ["run", "--silent", "build:cli"], { cwd: new URL("../../", import.meta.url).pathname, stdio: ["ignore", "ignore", "inherit"] });
}
