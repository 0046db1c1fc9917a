// The light embed's engine client: a workspace that only uses symbols it exports itself runs
// without the base kernel's table (the 6.12 profile alone is ~420 KB gzip), so a page of
// embeds stays small; a workspace that needs the table (or is told to) runs with it.

import type { EngineClient } from "../engine/client";
import type { RunResult, WorkspaceFiles } from "../engine";

export type ProfileMode = "auto" | "on" | "off";

// calls that are C syntax or the kernel's module macros, never exported functions
const NOT_A_CALL = /^(if|for|while|switch|return|sizeof|typeof|defined|asm|EXPORT_SYMBOL\w*|MODULE_\w+|module_init|module_exit|module_param\w*|pr_\w+|printk|likely|unlikely|ARRAY_SIZE|BUILD_BUG_ON\w*|_+\w*)$/;

/** Functions the workspace's C files call but neither define nor declare: without the base
 *  table the engine cannot tell a kernel export from a header's helper, so these need it. */
function undefinedCalls(files: WorkspaceFiles): boolean {
  const sources = Object.entries(files).filter(([n, c]) => /\.[ch]$/.test(n) && typeof c === "string") as [string, string][];
  const text = sources.map(([, c]) => c.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|"(?:[^"\\\n]|\\.)*"|^[ \t]*#[^\n]*/gm, " ")).join("\n");
  if (text.length > 256 * 1024) return true;
  const declared = new Set<string>();
  for (const m of text.matchAll(/^[ \t]*(?!return\b|else\b|case\b|goto\b|do\b)(?:[A-Za-z_][\w]*[\s*]+)+([A-Za-z_]\w*)\s*\(/gm)) declared.add(m[1]);
  for (const m of text.matchAll(/\b([A-Za-z_]\w*)\s*\(/g)) if (!NOT_A_CALL.test(m[1]) && !declared.has(m[1])) return true;
  return false;
}

/** Whether a result computed without the base table could change with it: a use that no
 *  workspace module exports, a call the workspace does not define, or inputs that refer to
 *  the kernel (a Module.symvers, a .ko, modprobe). */
export function needsProfile(files: WorkspaceFiles, r: RunResult): boolean {
  if (Object.keys(files).some((n) => n === "Module.symvers" || /\.ko(\.\w+)?$/.test(n))) return true;
  if (typeof files.load === "string" && /^\s*modprobe\b/m.test(files.load)) return true;
  const exported = new Set(r.model.modules.flatMap((m) => m.exports.map((e) => e.symbol)));
  return r.model.modules.some((m) => m.uses.some((u) => !exported.has(u.symbol))) || undefinedCalls(files);
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
