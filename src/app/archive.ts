// Workspace files to and from the disk: a .zip download, and files, folders or a .zip
// opened by the file picker or dropped on the page.

import { strToU8, unzipSync, Zip, ZipDeflate } from "fflate";
import { isModuleFile, isWorkspaceInput } from "../../wasm/shared/files";
import { isPatchFile, type WorkspaceFile } from "../store";

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** A file's contents as the store keeps them: text when it is UTF-8 without NULs, else bytes. */
export function contentOf(name: string, bytes: Uint8Array): string | Uint8Array {
  if (isModuleFile(name) || bytes.includes(0)) return bytes;
  try {
    return utf8.decode(bytes);
  } catch {
    return bytes;
  }
}

/** The workspace as a .zip (its files and subfolders at the top level, as a real module folder). */
export function zipWorkspace(files: readonly WorkspaceFile[]): Uint8Array {
  // entry by entry, never keyed by name in an object: a file called __proto__ is zipped too
  const chunks: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    chunks.push(chunk);
  });
  for (const f of files) {
    const entry = new ZipDeflate(f.name, { level: 6 });
    zip.add(entry);
    entry.push(typeof f.content === "string" ? strToU8(f.content) : f.content, true);
  }
  zip.end();
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

export interface Opened {
  files: WorkspaceFile[];
  /** The texts of .patch, .diff and .mbox files: applied to the workspace, not added to it. */
  patches: string[];
  skipped: string[];
  /** A whole folder or archive: it replaces the workspace rather than adding to it. */
  whole: boolean;
}

/** The folder every path starts with ("driver/" of a zipped driver folder), or "". */
function commonFolder(paths: string[]): string {
  const first = paths[0]?.split("/") ?? [];
  let n = first.length - 1;
  for (const p of paths) {
    const parts = p.split("/");
    let k = 0;
    while (k < n && k < parts.length - 1 && parts[k] === first[k]) k++;
    n = k;
  }
  return n > 0 ? first.slice(0, n).join("/") + "/" : "";
}

function collect(pairs: [string, Uint8Array][], whole: boolean): Opened {
  const files: WorkspaceFile[] = [];
  const patches: string[] = [];
  const skipped: string[] = [];
  const real = pairs.filter(([path]) => path && !path.endsWith("/"));
  const top = commonFolder(real.map(([path]) => path));
  for (const [path, bytes] of real) {
    const name = path.slice(top.length);
    if (isPatchFile(name)) patches.push(new TextDecoder().decode(bytes));
    else if (isWorkspaceInput(name) && !files.some((f) => f.name === name)) files.push({ name, content: contentOf(name, bytes) });
    else skipped.push(name);
  }
  return { files, patches, skipped, whole: whole && files.length > 0 };
}

async function readFile(file: File): Promise<[string, Uint8Array][]> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (file.name.endsWith(".zip")) return Object.entries(unzipSync(bytes));
  return [[file.name, bytes]];
}

/** Reads files chosen in a file picker (a folder picker gives whole=true). */
export async function openFileList(list: FileList | File[], whole = false): Promise<Opened> {
  const files = [...list];
  const pairs = (await Promise.all(files.map(readFile))).flat();
  return collect(pairs, whole || files.some((f) => f.name.endsWith(".zip")));
}

function entryFile(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

function readDirectory(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const all: FileSystemEntry[] = [];
  return new Promise((resolve, reject) => {
    const next = () =>
      reader.readEntries((batch) => {
        if (batch.length === 0) return resolve(all);
        all.push(...batch);
        next();
      }, reject);
    next();
  });
}

/** How deep a dropped folder is read. */
const MAX_DEPTH = 8;

/** The files under a dropped folder entry, with their paths below it. */
async function folderFiles(dir: FileSystemDirectoryEntry, prefix: string, depth: number, into: [string, File][]): Promise<void> {
  for (const child of await readDirectory(dir)) {
    if (child.isFile) into.push([prefix + child.name, await entryFile(child as FileSystemFileEntry)]);
    else if (child.isDirectory && depth < MAX_DEPTH && !child.name.startsWith("."))
      await folderFiles(child as FileSystemDirectoryEntry, `${prefix}${child.name}/`, depth + 1, into);
  }
}

/** Reads what was dropped: files, a folder (with its subfolders), or a .zip. */
export async function openDrop(items: DataTransferItemList): Promise<Opened> {
  const entries = [...items].map((i) => i.webkitGetAsEntry?.()).filter((e): e is FileSystemEntry => !!e);
  const files: [string, File][] = [];
  let whole = false;
  for (const e of entries) {
    if (e.isDirectory) {
      whole = true;
      await folderFiles(e as FileSystemDirectoryEntry, "", 0, files);
    } else if (e.isFile) files.push([e.name, await entryFile(e as FileSystemFileEntry)]);
  }
  const pairs: [string, Uint8Array][] = [];
  for (const [path, file] of files) for (const [name, bytes] of await readFile(file)) pairs.push([file.name.endsWith(".zip") ? name : path, bytes]);
  return collect(pairs, whole || files.some(([, f]) => f.name.endsWith(".zip")));
}
