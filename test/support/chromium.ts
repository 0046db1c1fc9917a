// Where Chromium is on this machine: $CHROMIUM_PATH, else the usual names on PATH. Read by
// the test configuration (which leaves the browser suites out, saying so, when there is
// none outside CI) and by the suites themselves.

import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";

const NAMES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

/** The install command the "no Chromium" messages name. */
export const CHROMIUM_HINT = "apt-get install -y chromium, or set CHROMIUM_PATH";

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The Chromium to drive, or null when there is none. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.CHROMIUM_PATH) return executable(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : null;
  const dirs = (env.PATH ?? "").split(delimiter).filter(Boolean);
  for (const name of NAMES) for (const dir of [...dirs, "/usr/bin"]) if (executable(join(dir, name))) return join(dir, name);
  return null;
}
