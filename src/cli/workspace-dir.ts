// Reads a workspace folder from disk: every regular file at its top level, plus the
// kernel lab's per-version override folders (vX.Y+/) applied for the chosen release.

import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import type { WorkspaceFiles } from "../engine";
import { parseRelease } from "../../wasm/shared/releases";
import { MAX_FILE_BYTES } from "../../wasm/shared/codes";

/** The release of an override folder's name (v6.13+ → 613). */
const overrideRelease = (folder: string): number => parseRelease(folder.slice(1, -1));

const OUTPUTS = /^(transcript|build|expected|console)(-[\w.]+)?\.(json|txt|log)$/;


/** Files of DIR as a workspace; `kernel` selects which vX.Y+/ overrides apply. */
export async function readWorkspaceDir(dir: string, kernel?: string): Promise<WorkspaceFiles> {
  const files: WorkspaceFiles = {};
  // sorted, as the shell's glob and the kernel lab's generated Kbuild order them
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const overrides: string[] = [];
  for (const e of entries) {
    if (e.isDirectory()) {
      if (/^v\d+\.\d+\+$/.test(e.name)) overrides.push(e.name);
      continue;
    }
    if (!e.isFile() || OUTPUTS.test(e.name) || e.name === "README" || e.name === "build.sh" || e.name.endsWith(".md")) continue;
    files[e.name] = await readEntry(join(dir, e.name));
  }
  if (kernel) {
    const k = parseRelease(kernel);
    overrides.sort((a, b) => overrideRelease(a) - overrideRelease(b));
    for (const o of overrides) {
      if (overrideRelease(o) > k) continue;
      for (const e of await readdir(join(dir, o), { withFileTypes: true })) {
        if (e.isFile()) files[e.name] = await readEntry(join(dir, o, e.name));
      }
    }
  }
  return files;
}

async function readEntry(path: string): Promise<string | Uint8Array> {
  const s = await stat(path);
  const bytes = await readFile(path);
  if (path.endsWith(".ko") || s.size > MAX_FILE_BYTES) return new Uint8Array(bytes);
  return bytes.toString("utf8");
}
