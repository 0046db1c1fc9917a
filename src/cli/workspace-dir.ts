// Reads a workspace folder from disk: every regular file in it and its subfolders, plus the
// kernel lab's per-version override folders (vX.Y+/) applied for the chosen release.

import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import type { WorkspaceFiles } from "../engine";
import { parseRelease } from "../../wasm/shared/releases";
import { MAX_FILE_BYTES } from "../../wasm/shared/codes";

/** The release of an override folder's name (v6.13+ → 613). */
const overrideRelease = (folder: string): number => parseRelease(folder.slice(1, -1));

const OUTPUTS = /^(transcript|build|expected|console)(-[\w.]+)?\.(json|txt|log)$/;


/** How deep subfolders are read (obj-m += sub/ and its own subfolders). */
const MAX_DEPTH = 8;

const skipped = (name: string) => OUTPUTS.test(name) || name === "README" || name === "build.sh" || name.endsWith(".md");

/** Adds the files under `dir` to `files` as `prefix` + their path; subfolders too, but not the
 *  override folders (vX.Y+) of the top level or hidden ones. */
async function addFolder(files: WorkspaceFiles, dir: string, prefix: string, depth: number, overrides: string[] | null): Promise<void> {
  // sorted, as the shell's glob and the kernel lab's generated Kbuild order them
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith(".") && e.name !== ".config") continue;
    if (e.isDirectory()) {
      if (overrides && /^v\d+\.\d+\+$/.test(e.name)) overrides.push(e.name);
      else if (depth < MAX_DEPTH) await addFolder(files, join(dir, e.name), `${prefix}${e.name}/`, depth + 1, null);
      continue;
    }
    if (!e.isFile() || skipped(e.name)) continue;
    files[prefix + e.name] = await readEntry(join(dir, e.name));
  }
}

/** Files of DIR as a workspace (subfolders as `sub/name`); `kernel` selects which vX.Y+/
 *  overrides apply. */
export async function readWorkspaceDir(dir: string, kernel?: string): Promise<WorkspaceFiles> {
  const files: WorkspaceFiles = {};
  const overrides: string[] = [];
  await addFolder(files, dir, "", 0, overrides);
  if (kernel) {
    const k = parseRelease(kernel);
    overrides.sort((a, b) => overrideRelease(a) - overrideRelease(b));
    for (const o of overrides) if (overrideRelease(o) <= k) await addFolder(files, join(dir, o), "", 0, null);
  }
  return files;
}

async function readEntry(path: string): Promise<string | Uint8Array> {
  const s = await stat(path);
  const bytes = await readFile(path);
  if (path.endsWith(".ko") || s.size > MAX_FILE_BYTES) return new Uint8Array(bytes);
  return bytes.toString("utf8");
}
