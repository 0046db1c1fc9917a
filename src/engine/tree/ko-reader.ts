// Reads one module file for the engine under Node: a plain .ko in the pieces the engine asks
// for (straight into its memory, nothing else of the file read), a compressed one
// decompressed whole; the engine keeps its summary (koScanKeep) until the caller takes them
// all (koScanTake) or adds them to its own tree (depmodAddKept). Used by tree.ts on its own
// thread and by each tree-worker.ts.

import { closeSync, fstatSync, openSync, readFileSync, readSync } from "node:fs";
import { instantiate } from "../../../wasm/build/ksymns.js";
import { compressionOf } from "../decompress";
import { canDecompressSync, decompressSync, nodeDecompress } from "../decompress/node";

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

/** Reads a module from memory (decompressed here when it is compressed) as file `index`. */
export async function scanBytes(ex: Scanner, bytes: Uint8Array, what: number, index: number): Promise<void> {
  const format = compressionOf(bytes);
  if (format) {
    try {
      bytes = await nodeDecompress(format, bytes);
    } catch {
      // the engine sees the compressed bytes and says they are no ELF file
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
    } catch {
      // the engine sees the compressed bytes and says they are no ELF file
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
  if (!scanFileSync(ex, path, what, index)) await scanBytes(ex, readFileSync(path), what, index);
}
