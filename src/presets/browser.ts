// Presets in the page: the folders' files bundled by Vite as raw text.

import { isWorkspaceFile, workspaceFilesOf } from "./files";
import { findPreset } from "./list";
import type { PresetMeta } from "./types";

const raw = import.meta.glob("./*/*", { query: "?raw", import: "default" }) as Record<string, () => Promise<string>>;
// dot files (.config) are matched only by an exhaustive glob
const rawDot = import.meta.glob("./*/.config", { query: "?raw", import: "default", exhaustive: true }) as Record<string, () => Promise<string>>;

/** A preset's preset.json and workspace files, loaded on demand. */
export async function loadPreset(slug: string): Promise<{ meta: PresetMeta; files: Record<string, string> }> {
  if (!findPreset(slug)) throw new Error(`no preset named '${slug}'`);
  const prefix = `./${slug}/`;
  const all: Record<string, string> = {};
  for (const [path, load] of Object.entries({ ...raw, ...rawDot })) {
    const name = path.slice(prefix.length);
    if (path.startsWith(prefix) && (name === "preset.json" || isWorkspaceFile(name))) all[name] = await load();
  }
  return { meta: JSON.parse(all["preset.json"]) as PresetMeta, files: workspaceFilesOf(all) };
}
