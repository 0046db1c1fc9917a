// Reads a workspace folder from disk: every regular file in it and its subfolders (a symbolic
// link to a regular file inside the folder counts as that file), plus the kernel lab's
// per-version override folders (vX.Y+/) applied for the chosen release. Each file's size is checked
// before it is read; what is skipped (FIFOs, sockets, devices, folders or links named like
// workspace files, names with control characters) is said, never dropped silently.

import { lstat, readdir, realpath, stat } from "node:fs/promises";
import { join, sep } from "node:path";
import { MAX_FILE_BYTES } from "../../wasm/shared/codes";
import { parseRelease } from "../../wasm/shared/releases";
import { isModuleFile, isWorkspaceInput } from "../../wasm/shared/files";
import type { WorkspaceFiles } from "../engine";
import { escapeValue } from "./escape";
import { describeFsError, readInput } from "./input";

const OUTPUTS = /^(transcript|build|expected|console)(-[\w.]+)?\.(json|txt|log)$/;
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
    // a link to a folder is not followed (it could loop)
    return (await stat(target)).isFile() ? "file" : "a symbolic link to something other than a file";
  }
  if (l.isFIFO()) return "a FIFO";
  if (l.isSocket()) return "a socket";
  return "a device";
}

async function readEntry(path: string, name: string): Promise<string | Uint8Array> {
  const bytes = await readInput(path, name, MAX_FILE_BYTES);
  // modules (compressed or not) are bytes; the rest is text
  return isModuleFile(name) ? new Uint8Array(bytes) : new TextDecoder().decode(bytes);
}

/** How deep subfolders are read (obj-m += sub/ and its own subfolders). */
const MAX_DEPTH = 8;

const notTaken = (name: string): boolean => OUTPUTS.test(name) || name === "README" || name === "build.sh" || name.endsWith(".md");

/** Files of DIR as a workspace (subfolders as `sub/name`); `kernel` selects which vX.Y+/
 *  overrides apply. Throws an InputError (naming the file) for a file over the size limit or
 *  unreadable. */
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
    if (isWorkspaceInput(shown)) skipped.push(`${escapeValue(shown)}: is ${kind}, not read`);
    return "skip";
  };
  /** Adds the files under `folder` as `prefix` + their path; subfolders too, but not the
   *  override folders (vX.Y+) of the top level or hidden ones. */
  const addFolder = async (folder: string, prefix: string, depth: number, overrides: string[] | null): Promise<void> => {
    // sorted, as the shell's glob and the kernel lab's generated Kbuild order them
    for (const name of (await readdir(folder)).sort()) {
      if (name.startsWith(".") && name !== ".config") continue;
      const shown = prefix + name;
      const kind = await take(folder, name, shown);
      if (kind === "dir") {
        if (overrides && /^v\d+\.\d+\+$/.test(name)) overrides.push(name);
        else if (depth < MAX_DEPTH) await addFolder(join(folder, name), `${shown}/`, depth + 1, null);
        continue;
      }
      if (kind !== "file" || notTaken(name)) continue;
      files[shown] = await readEntry(join(folder, name), shown);
    }
  };
  const overrides: string[] = [];
  await addFolder(dir, "", 0, overrides);
  if (kernel) {
    const k = parseRelease(kernel);
    overrides.sort((a, b) => overrideRelease(a) - overrideRelease(b));
    for (const o of overrides) if (overrideRelease(o) <= k) await addFolder(join(dir, o), "", 0, null);
  }
  return { files, skipped };
}
