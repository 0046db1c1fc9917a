// A light run: the workspace without the base kernel's table first (the 6.12 profile alone is
// ~420 KB gzip, never fetched for a workspace that only uses what it exports itself), and
// again with the table when the result could change with it (RunOptions.profile "auto").

import type { RunResult, WorkspaceFiles } from "./types";

/** Whether a result computed without the base table could change with it: a use that no
 *  workspace module exports, a call the engine took to come from a header, or inputs that refer to
 *  the kernel (a Module.symvers, a .ko, modprobe). */
export function needsProfile(files: WorkspaceFiles, r: RunResult): boolean {
  if (Object.keys(files).some((n) => n === "Module.symvers" || /\.ko(\.\w+)?$/.test(n))) return true;
  if (typeof files.load === "string" && /^\s*modprobe\b/m.test(files.load)) return true;
  const exported = new Set(r.model.modules.flatMap((m) => m.exports.map((e) => e.symbol)));
  // vmlinux's core exports (printk, gcc's own symbols) resolve without the table
  return r.model.modules.some((m) => m.headerCalls.length > 0 || m.uses.some((u) => !u.core && !exported.has(u.symbol)));
}
