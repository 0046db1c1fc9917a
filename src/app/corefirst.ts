// The page's first verdict without the base kernel's table (the 6.12 profile is ~430 KB gzip
// and takes the engine a while to read): the workspace runs first on vmlinux's core exports
// alone, and that verdict is shown while the table loads when the table could not change it.

import type { EngineClient } from "../engine/worker";
import type { RunOptions, RunResult, WorkspaceFiles } from "../engine";

/** Whether `r`, run on vmlinux's core exports, is the verdict the run with the table gives:
 *  every symbol resolves in the workspace or the core, and nothing reads the table's .config
 *  (the sources' #ifdef CONFIG_…, a Kbuild's obj-$(CONFIG_…)). */
export function coreVerdictStands(r: RunResult): boolean {
  return !r.kernel.needsTable && !r.kernel.namesConfig;
}

/** The first run's preview (EngineHooks.preview): the run on vmlinux's core exports, or null
 *  when the table is not wanted, could change the verdict, or the run failed. */
export function coreFirstPreview(client: EngineClient): (files: WorkspaceFiles, options: RunOptions) => Promise<RunResult | null> {
  return async (files, options) => {
    if (options.profile === false) return null;
    try {
      const r = await client.run(files, { ...options, profile: "core" });
      return coreVerdictStands(r) ? r : null;
    } catch {
      return null;
    }
  };
}
