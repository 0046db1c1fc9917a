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
  // the files are separate chunks: fetched together, not one after another
  const wanted = Object.entries({ ...raw, ...rawDot }).filter(
    ([path]) => path.startsWith(prefix) && (path.endsWith("/preset.json") || isWorkspaceFile(path.slice(prefix.length))),
  );
  const texts = await Promise.all(wanted.map(([, load]) => load()));
  wanted.forEach(([path], i) => (all[path.slice(prefix.length)] = texts[i]));
  return { meta: JSON.parse(all["preset.json"]) as PresetMeta, files: workspaceFilesOf(all) };
}
