// Which files of a preset folder form the workspace: sources, Kbuild, Module.symvers,
// .config and load. The rest (preset.json, the lab's evidence, build.sh for the lab) is
// about the preset, not part of it.

/** Whether a file of a preset folder is a workspace file the engine is given. */
export function isWorkspaceFile(name: string): boolean {
  return /\.[ch]$/.test(name) || name === "Kbuild" || name === "Makefile" || name === "Module.symvers" || name === ".config" || name === "load";
}

/** The workspace files among a preset folder's files, in name order. */
export function workspaceFilesOf(all: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of Object.keys(all).sort()) if (isWorkspaceFile(name)) out[name] = all[name];
  return out;
}
