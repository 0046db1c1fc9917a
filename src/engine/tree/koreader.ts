// Reads one module file for the engine under Node: a plain .ko in the pieces the engine asks
// for (straight into its memory, nothing else of the file read), a compressed one
// decompressed whole; the engine keeps its summary (koScanKeep) until the caller takes them
// all (koScanTake) or adds them to its own tree (depmodAddKept). Used by tree.ts on its own
// thread and by each treeworker.ts.

import { resolve } from "node:path";
import { closeSync, fstatSync, openSync, readFileSync, readSync } from "node:fs";
import { instantiate } from "../../../wasm/build/ksymns.js";
import { compressionOf } from "../decompress";
import { canDecompressSync, decompressSync, nodeDecompress, TREE_MODULE_LIMIT } from "../decompress/node";
import { DecompressError } from "../decompress";

export type Scanner = Awaited<ReturnType<typeof instantiate>>;

/** A plain .ko up to this size is read whole in one go (70% of Debian's modules; the median
 *  is 35 KB): one read costs less than the several the pieces would take. */
const READ_WHOLE = 65536;
/** Of a bigger one, only the start at first (the ELF header); then the engine asks for its
 *  section table and the few sections it needs (a fifth of the file or less). */
const READ_HEAD = 4096;

/** What to read of each file: depmod's view (1) or everything (3). */
export const READ_DEPMOD = 1;
export const READ_ALL = 3;

/** An engine instance for scanning; `release` picks the loader that judges each file. */
export async function createScanner(module: WebAssembly.Module, release: string): Promise<Scanner> {
  const ex = await instantiate(module, { env: {} });
  ex.koScanKernel(release);
  return ex;
}

function supplyWhole(ex: Scanner, bytes: Uint8Array, what: number, index: number): void {
  const base = ex.koScanBegin(bytes.length, what);
  view(ex).set(bytes, base);
  ex.koScanSupplied(0, bytes.length);
  ex.koScanKeep(index);
}

/** What the reader says beside depmod: modules it refused (a decompression bomb) or could not
 *  open, each as a warning naming the file. Taken (and emptied) with takeNotes(). */
const notes: string[] = [];

/** The notes gathered since the last call. */
export function takeNotes(): string[] {
  return notes.splice(0, notes.length);
}

/** A module whose decompressed size passes the limit is not read (the engine then sees the
 *  compressed bytes, as for a stream that does not decompress), and said so. */
function refused(path: string, err: unknown): void {
  if (err instanceof DecompressError && err.kind === "limit")
    notes.push(`ksymns: WARNING: ${resolve(path)}: decompresses to more than ${TREE_MODULE_LIMIT >> 20} MiB; not read as a module`);
}

/** Reads a module file (scanFileSync/scanFile) as depmod does when it cannot: says why and
 *  goes on with the file as an empty one. */
function unreadable(ex: Scanner, path: string, what: number, index: number, err: unknown): void {
  const code = (err as { code?: string }).code;
  const reason =
    code === "EACCES" || code === "EPERM" ? "Permission denied" : code === "EISDIR" ? "Is a directory" : err instanceof Error ? err.message : String(err);
  notes.push(`depmod: ERROR: failed to load symbols from ${resolve(path)}: ${reason}`);
  supplyWhole(ex, new Uint8Array(0), what, index);
}

/** Reads a module from memory (decompressed here when it is compressed) as file `index`. */
export async function scanBytes(ex: Scanner, bytes: Uint8Array, what: number, index: number): Promise<void> {
  const format = compressionOf(bytes);
  if (format) {
    try {
      bytes = await nodeDecompress(format, bytes);
    } catch (err) {
      // the engine sees the compressed bytes and says they are no ELF file
      refused(`file ${index}`, err);
    }
  }
  supplyWhole(ex, bytes, what, index);
}

// A native decompressor's buffers are freed by finalizers, which run only when the thread
// gets back to its event loop: a loop of synchronous reads must let it, every few megabytes
// of decompressed modules, or hundreds of them pile up (see breathe()).
const BREATHE_EVERY = 8 << 20;
let sinceBreath = 0;

function dropped(bytes: number): void {
  sinceBreath += bytes;
}

/** Lets finalizers run when enough decompressed data was dropped since the last time: a
 *  promise to await then, else null (awaiting nothing would still cost a microtask turn a
 *  file, a few milliseconds over a kernel's modules). */
export function breathe(): Promise<void> | null {
  if (sinceBreath < BREATHE_EVERY) return null;
  sinceBreath = 0;
  return new Promise((resolve) => setImmediate(resolve));
}

// a view of the engine's memory, made again only when the memory grows
let viewOf: Scanner | null = null;
let memView = new Uint8Array(0);

function view(ex: Scanner): Uint8Array {
  if (viewOf !== ex || memView.buffer !== ex.memory.buffer) {
    viewOf = ex;
    memView = new Uint8Array(ex.memory.buffer);
  }
  return memView;
}

/** Reads the module file at `path` as file `index`; false when only the asynchronous decoder
 *  can decompress it (xz without the native library): then use scanFile(). */
export function scanFileSync(ex: Scanner, path: string, what: number, index: number): boolean {
  try {
    return readFileSyncAs(ex, path, what, index);
  } catch (err) {
    unreadable(ex, path, what, index, err);
    return true;
  }
}

function readFileSyncAs(ex: Scanner, path: string, what: number, index: number): boolean {
  if (!path.endsWith(".ko")) {
    const data = readFileSync(path);
    const format = compressionOf(data);
    if (!format) {
      supplyWhole(ex, data, what, index);
      return true;
    }
    if (!canDecompressSync(format)) return false;
    let plain: Uint8Array = data;
    try {
      plain = decompressSync(format, data);
    } catch (err) {
      // the engine sees the compressed bytes and says they are no ELF file
      refused(path, err);
    }
    supplyWhole(ex, plain, what, index);
    dropped(plain.length);
    return true;
  }
  const fd = openSync(path, "r");
  try {
    const size = fstatSync(fd).size;
    const base = ex.koScanBegin(size, what);
    let mem = view(ex);
    const first = readSync(fd, mem, base, size <= READ_WHOLE ? size : READ_HEAD, 0);
    if (first > 0) ex.koScanSupplied(0, first);
    for (let len = ex.koScanNeedLength(); len > 0; len = ex.koScanNeedLength()) {
      const off = ex.koScanNeedOffset();
      mem = view(ex);
      const n = readSync(fd, mem, base + off, len, off);
      if (n > 0) ex.koScanSupplied(off, n);
      if (n < len) break; // the file shrank under us: what was read is all there is
    }
    ex.koScanKeep(index);
    return true;
  } finally {
    closeSync(fd);
  }
}

/** Reads the module file at `path` as file `index`. */
export async function scanFile(ex: Scanner, path: string, what: number, index: number): Promise<void> {
  if (scanFileSync(ex, path, what, index)) return;
  const bytes = readFileSync(path);
  const format = compressionOf(bytes);
  let plain: Uint8Array = bytes;
  try {
    if (format) plain = await nodeDecompress(format, bytes);
  } catch (err) {
    refused(path, err);
  }
  supplyWhole(ex, plain, what, index);
}
