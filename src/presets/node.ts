// Presets under Node (CLI, tests): read a preset folder from disk.

import { readdir, readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { workspaceFilesOf } from "./files";
import { findPreset } from "./list";
import type { PresetEntry, PresetMeta } from "./types";

const root = fileURLToPath(new URL("../../", import.meta.url));

/** A preset as read from its folder: its entry, preset.json and workspace files. */
export interface LoadedPreset {
  entry: PresetEntry;
  dir: string;
  meta: PresetMeta;
  files: Record<string, string>;
}

/** Absolute path of a preset's folder. */
export function presetDir(entry: PresetEntry): string {
  return join(root, entry.folder);
}

/** Reads a preset by slug. Throws when the slug is unknown. */
export async function readPreset(slug: string): Promise<LoadedPreset> {
  const entry = findPreset(slug);
  if (!entry) throw new Error(`no preset named '${slug}' (see ksymns presets)`);
  return readPresetFolder(presetDir(entry), entry);
}

/** Reads a folder holding preset.json (a preset, or an edited copy of one). */
export async function readPresetFolder(folder: string, entry?: PresetEntry): Promise<LoadedPreset> {
  const all: Record<string, string> = {};
  for (const e of await readdir(folder, { withFileTypes: true })) {
    if (e.isFile()) all[e.name] = await readFile(join(folder, e.name), "utf8");
  }
  if (all["preset.json"] === undefined) throw new Error(`${folder}: no preset.json`);
  const meta = JSON.parse(all["preset.json"]) as PresetMeta;
  const e = entry ?? findPreset(basename(folder)) ?? { slug: basename(folder), title: meta.title, folder, kernel: meta.kernel };
  return { entry: e, dir: folder, meta, files: workspaceFilesOf(all) };
}
