// Workspace files to and from the disk: a .zip download, and files, folders or a .zip
// opened by the file picker or dropped on the page.

import { strToU8, unzipSync, Zip, ZipDeflate } from "fflate";
import type { WorkspaceFile } from "../store";

/** Whether a file name belongs in a workspace (spec/workspace.md). */
export function isWorkspaceName(name: string): boolean {
  return /\.(c|h)$/.test(name) || /\.ko(\.(xz|zst|gz))?$/.test(name) || ["Kbuild", "Makefile", "Module.symvers", ".config", "load"].includes(name);
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** A file's contents as the store keeps them: text when it is UTF-8 without NULs, else bytes. */
export function contentOf(name: string, bytes: Uint8Array): string | Uint8Array {
  if (/\.ko(\.\w+)?$/.test(name) || bytes.includes(0)) return bytes;
  try {
    return utf8.decode(bytes);
  } catch {
    return bytes;
  }
}

/** The workspace as a .zip (files at the top level, as a real module folder). */
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
  skipped: string[];
  /** A whole folder or archive: it replaces the workspace rather than adding to it. */
  whole: boolean;
}

function collect(pairs: [string, Uint8Array][], whole: boolean): Opened {
  const files: WorkspaceFile[] = [];
  const skipped: string[] = [];
  for (const [path, bytes] of pairs) {
    const name = path.split("/").pop() ?? path;
    if (!name || path.endsWith("/")) continue;
    if (isWorkspaceName(name) && !files.some((f) => f.name === name)) files.push({ name, content: contentOf(name, bytes) });
    else skipped.push(name);
  }
  return { files, skipped, whole };
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

/** Reads what was dropped: files, a folder (its top-level files), or a .zip. */
export async function openDrop(items: DataTransferItemList): Promise<Opened> {
  const entries = [...items].map((i) => i.webkitGetAsEntry?.()).filter((e): e is FileSystemEntry => !!e);
  const files: File[] = [];
  let whole = false;
  for (const e of entries) {
    if (e.isDirectory) {
      whole = true;
      for (const child of await readDirectory(e as FileSystemDirectoryEntry)) if (child.isFile) files.push(await entryFile(child as FileSystemFileEntry));
    } else if (e.isFile) files.push(await entryFile(e as FileSystemFileEntry));
  }
  return openFileList(files, whole);
}
