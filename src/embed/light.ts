// The light embed's engine client: a workspace that only uses symbols it exports itself runs
// without the base kernel's table (the 6.12 profile alone is ~420 KB gzip), so a page of
// embeds stays small; a workspace that needs the table (or is told to) runs with it.

import type { EngineClient } from "../engine/worker";
import type { RunResult, WorkspaceFiles } from "../engine";

export type ProfileMode = "auto" | "on" | "off";

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

/** Wraps a client so that runs use the base profile only as `mode()` and the workspace ask. */
export function lightClient(inner: EngineClient, mode: () => ProfileMode): EngineClient {
  return {
    ...inner,
    async run(files, options = {}) {
      const m = mode();
      if (options.profile === false || m === "off") return inner.run(files, { ...options, profile: false });
      if (m === "on") return inner.run(files, options);
      const light = await inner.run(files, { ...options, profile: false });
      return needsProfile(files, light) ? inner.run(files, options) : light;
    },
  };
}
