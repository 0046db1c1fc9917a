// Python for the Sphinx and MkDocs tests: Debian's python3 (or the first on PATH) with the
// modules a test needs. Without them a suite is skipped saying what to install, except under
// CI=true, where it must run (.ci/run installs the packages).

import { execFileSync } from "node:child_process";

const CANDIDATES = ["/usr/bin/python3", "python3"];

/** The first python3 that imports every module of `modules`, or null. */
export function findPython(modules: string[]): string | null {
  for (const python of CANDIDATES) {
    try {
      execFileSync(python, ["-c", `import ${modules.join(", ")}`], { stdio: "ignore", timeout: 30_000 });
      return python;
    } catch {
      // missing, or without the modules: the next one
    }
  }
  return null;
}

/** The python3 for a suite, or null after saying what is missing; throws under CI=true. */
export function pythonFor(suite: string, modules: string[], install: string): string | null {
  const python = findPython(modules);
  if (python) return python;
  const message = `${suite}: no python3 with ${modules.join(", ")} (${install})`;
  if (process.env.CI === "true") throw new Error(message);
  console.log(`${message}: skipped`);
  return null;
}
