// Reads a workspace folder from disk: every regular file at its top level (a symbolic link
// to a regular file inside the folder counts as that file), plus the kernel lab's per-version
// override folders (vX.Y+/) applied for the chosen release. Each file's size is checked
// before it is read; what is skipped (FIFOs, sockets, devices, folders or links named like
// workspace files, names with control characters) is said, never dropped silently.

import { lstat, readdir, realpath, stat } from "node:fs/promises";
import { join, sep } from "node:path";
import { MAX_FILE_BYTES } from "../../wasm/shared/codes";
import { parseRelease } from "../../wasm/shared/releases";
import type { WorkspaceFiles } from "../engine";
import { escapeValue } from "./escape";
import { describeFsError, readInput } from "./input";

const OUTPUTS = /^(transcript|build|expected|console)(-[\w.]+)?\.(json|txt|log)$/;
const WORKSPACE_NAME = /^(.*\.(c|ko|ko\.xz|ko\.zst|ko\.gz)|Kbuild|Module\.symvers|\.config|load)$/;
const MODULE_FILE = /\.ko(\.(xz|zst|gz))?$/;
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** A workspace read from a folder, and what in it was not taken, in words. */
export interface WorkspaceDir {
  files: WorkspaceFiles;
  skipped: string[];
}

/** The release of an override folder's name (v6.13+ → 613). */
const overrideRelease = (folder: string): number => parseRelease(folder.slice(1, -1));

/** What a folder entry is, following a symbolic link only to a regular file inside `root`. */
async function kindOf(root: string, path: string): Promise<"file" | "dir" | string> {
  const l = await lstat(path);
  if (l.isFile()) return "file";
  if (l.isDirectory()) return "dir";
  if (l.isSymbolicLink()) {
    let target: string;
    try {
      target = await realpath(path);
    } catch {
      return "a symbolic link to nothing";
    }
    const inside = target.startsWith(root + sep);
    if (!inside) return "a symbolic link out of the folder";
    return (await stat(target)).isFile() ? "file" : "a symbolic link to something other than a file";
  }
  if (l.isFIFO()) return "a FIFO";
  if (l.isSocket()) return "a socket";
  return "a device";
}

async function readEntry(path: string, name: string): Promise<string | Uint8Array> {
  const bytes = await readInput(path, name, MAX_FILE_BYTES);
  // modules (compressed or not) are bytes; the rest is text
  return MODULE_FILE.test(name) ? new Uint8Array(bytes) : new TextDecoder().decode(bytes);
}

/** Files of DIR as a workspace; `kernel` selects which vX.Y+/ overrides apply. Throws an
 *  InputError (naming the file) for a file over the size limit or unreadable. */
export async function readWorkspaceDir(dir: string, kernel?: string): Promise<WorkspaceDir> {
  const files: WorkspaceFiles = {};
  const skipped: string[] = [];
  const root = await realpath(dir);
  const take = async (folder: string, name: string, shown: string): Promise<"file" | "dir" | "skip"> => {
    if (CONTROL.test(name)) {
      skipped.push(`${escapeValue(shown)}: a file name with control characters is not read`);
      return "skip";
    }
    let kind: string;
    try {
      kind = await kindOf(root, join(folder, name));
    } catch (err) {
      skipped.push(describeFsError(escapeValue(shown), err));
      return "skip";
    }
    if (kind === "file" || kind === "dir") return kind;
    if (WORKSPACE_NAME.test(name)) skipped.push(`${escapeValue(shown)}: is ${kind}, not read`);
    return "skip";
  };
  // sorted, as the shell's glob and the kernel lab's generated Kbuild order them
  const entries = (await readdir(dir)).sort();
  const overrides: string[] = [];
  for (const name of entries) {
    const kind = await take(dir, name, name);
    if (kind === "dir") {
      if (/^v\d+\.\d+\+$/.test(name)) overrides.push(name);
      else if (WORKSPACE_NAME.test(name)) skipped.push(`${escapeValue(name)}: is a folder, not read`);
      continue;
    }
    if (kind !== "file" || OUTPUTS.test(name) || name === "README" || name === "build.sh" || name.endsWith(".md")) continue;
    files[name] = await readEntry(join(dir, name), name);
  }
  if (kernel) {
    const k = parseRelease(kernel);
    overrides.sort((a, b) => overrideRelease(a) - overrideRelease(b));
    for (const o of overrides) {
      if (overrideRelease(o) > k) continue;
      for (const name of (await readdir(join(dir, o))).sort()) {
        if ((await take(join(dir, o), name, `${o}/${name}`)) === "file") files[name] = await readEntry(join(dir, o, name), `${o}/${name}`);
      }
    }
  }
  return { files, skipped };
}
