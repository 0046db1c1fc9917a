// A whole kernel's modules under Node (DIR/lib/modules/RELEASE): engine instances read the
// modules (only the sections they need; compressed ones decompressed), on this thread and in
// worker threads when they pay (defaultWorkers), and one instance on this thread resolves
// them as kmod's depmod does and, if asked, checks each the way modprobe would load it. Only
// per-module summaries are kept, never the files.

import { opendirSync, readFileSync, statSync, type Dirent } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import type { Worker } from "node:worker_threads";
import { projectRoot } from "../hosts/root";
import { breathe, createScanner, READ_ALL, READ_DEPMOD, scanBytes, scanFile, scanFileSync, takeNotes, type Scanner } from "./koreader";

/** One problem of one module, in the kernel's (or kmod's) words. */
export interface TreeProblem {
  /** The module's path relative to lib/modules/<release>. */
  path: string;
  module: string;
  /** The kernel log level of the line. */
  level: number;
  text: string;
  id: string;
}

export interface TreeOptions {
  /** Worker threads reading modules beside this thread; 0: this thread only. Default: see
   *  defaultWorkers(). */
  workers?: number;
  /** Also check every module as modprobe would load it, against vmlinux's exports (the
   *  kernel's Module.symvers) and the kernel's .config (Debian's defaults without one). */
  check?: { symvers?: Uint8Array; config?: string };
  /** Module files (paths relative to lib/modules/<release>) read from memory instead of disk. */
  overrides?: Record<string, Uint8Array>;
}

export interface TreeResult {
  /** lib/modules/<release> under the base directory. */
  dirname: string;
  modules: number;
  /** modules.dep, as `depmod -b DIR -n RELEASE` prints it. */
  modulesDep: string;
  /** What depmod prints on stderr (a module it cannot read, no modules.order, cycles). */
  messages: string[];
  /** False when the modules cannot be ordered (dependency cycles): modulesDep is then empty. */
  ok: boolean;
  /** With `check`: every problem found. */
  problems: TreeProblem[];
}

const MODULE_FILE = /\.ko(\.(xz|zst|gz))?$/;

/** The entries of a folder in the order the file system gives them (readdir(3), as depmod
 *  walks; fs.readdirSync sorts them by name). */
function entriesInDiskOrder(dir: string): Dirent[] {
  const d = opendirSync(dir);
  const out: Dirent[] = [];
  try {
    for (let e = d.readSync(); e !== null; e = d.readSync()) out.push(e);
  } finally {
    d.closeSync();
  }
  return out;
}

/** Module files under `root`, relative to it, in the file system's order, as depmod walks
 *  them (it skips build/ and source/; of two modules of one name and priority it keeps the
 *  first found). A folder that cannot be read is said in `notes`, as depmod says it, and
 *  skipped. */
export function moduleFiles(root: string, notes: string[] = []): string[] {
  const out: string[] = [];
  const walk = (dir: string, rel: string): void => {
    let entries;
    try {
      entries = entriesInDiskOrder(dir);
    } catch (err) {
      const code = (err as { code?: string }).code;
      const why = code === "EACCES" || code === "EPERM" ? "Permission denied" : err instanceof Error ? err.message : String(err);
      notes.push(`depmod: ERROR: openat(${rel.split("/").slice(0, -1).join("/") || "."}, ${rel.split("/").at(-1)}, O_RDONLY): ${why}`);
      return;
    }
    for (const e of entries) {
      if (e.name === "build" || e.name === "source") continue;
      const path = `${dir}/${e.name}`;
      const relpath = rel ? `${rel}/${e.name}` : e.name;
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        try {
          const st = statSync(path);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch {
          continue;
        }
      }
      if (isDir) walk(path, relpath);
      else if (isFile && MODULE_FILE.test(e.name)) out.push(relpath);
    }
  };
  walk(root, "");
  return out;
}

let compiled: Promise<WebAssembly.Module> | null = null;
function engineModule(): Promise<WebAssembly.Module> {
  compiled ??= WebAssembly.compile(readFileSync(`${projectRoot}wasm/build/ksymns.wasm`));
  return compiled;
}

export interface WorkerInput {
  wasm: WebAssembly.Module;
  dirname: string;
  what: number;
  release: string;
  /** The next file index to take (Atomics.add). */
  next: Int32Array;
}

/** What a worker is sent once the walk is done: the files to read. */
export interface WorkerFiles {
  files: string[];
}

/** Summaries for depmodAddBatch() (each names its file by index), or the end of a worker's work. */
export type WorkerOutput = { batch: ArrayBuffer } | { notes: string[] } | { done: true } | { error: string };

function startWorker(W: typeof Worker, input: WorkerInput): Worker {
  const here = new URL(import.meta.url);
  if (here.pathname.endsWith(".ts")) {
    // running from source (tests, tsx): the worker needs the TypeScript loader too
    const target = JSON.stringify(new URL("./treeworker.ts", here).href);
    return new W(`import { register } from "tsx/esm/api"; register(); await import(${target});`, { eval: true, workerData: input });
  }
  return new W(new URL("./treeworker.mjs", here), { workerData: input });
}

/** Worker threads that read modules, given the file list once they are started (each then
 *  instantiates the engine while this thread goes on); they and the main thread take the
 *  next file from one shared counter; each summary goes to `take` as it comes. */
class WorkerPool {
  private workers: Worker[] = [];
  private done: Promise<void>[] = [];
  readonly next = new Int32Array(new SharedArrayBuffer(4));
  constructor(W: typeof Worker, input: Omit<WorkerInput, "next">, count: number, take: (batch: ArrayBuffer) => void, note: (notes: string[]) => void) {
    for (let k = 0; k < count; k++) {
      const w = startWorker(W, { ...input, next: this.next });
      this.workers.push(w);
      this.done.push(
        new Promise<void>((resolve, reject) => {
          w.on("message", (m: WorkerOutput) => {
            if ("batch" in m) take(m.batch);
            else if ("notes" in m) note(m.notes);
            else if ("error" in m) reject(new Error(m.error));
            else resolve();
          });
          w.on("error", reject);
          w.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`tree worker exited with ${code}`))));
        }),
      );
    }
  }
  start(files: string[]): Promise<void> {
    for (const w of this.workers) w.postMessage({ files } satisfies WorkerFiles);
    return Promise.all(this.done).then(() => undefined);
  }
}

/** Worker threads beside this one (which reads modules too). Decompressing is most of the
 *  work on a tree of .ko.xz, .ko.zst or .ko.gz files: one worker per other core. Plain .ko
 *  files cost little to read, and a worker costs an isolate of its own to start (some 30 ms
 *  of CPU) and its own JIT compilations, while V8's background compiler and GC threads already
 *  use a second core: on two cores it does not pay (Debian 6.1, 4,023 modules: ~300 ms
 *  without, ~370 ms with one, the worker busy only from ~100 ms after its start), so plain
 *  trees leave one core to V8. */
function defaultWorkers(compressed: boolean): number {
  const cores = availableParallelism();
  return Math.max(0, Math.min(7, compressed ? cores - 1 : cores - 2));
}

/** The bytes as an ArrayBuffer of their own (a small Buffer is a view of a shared pool, and
 *  Buffer#slice makes another view, not a copy: new Uint8Array() copies). */
function ownBuffer(b: Uint8Array): ArrayBuffer {
  return b.byteOffset === 0 && b.byteLength === b.buffer.byteLength ? (b.buffer as ArrayBuffer) : new Uint8Array(b).buffer;
}

/** Reads and resolves the modules under `basedir`/lib/modules/`release`. */
export async function readKernelTree(basedir: string, release: string, options: TreeOptions = {}): Promise<TreeResult> {
  const dirname = join(basedir, "lib/modules", release);
  const what = options.check ? READ_ALL : READ_DEPMOD;
  const wasm = await engineModule();
  const main: Scanner = await createScanner(wasm, release);
  // the files are numbered as the walk found them, those read from memory last
  const notes: string[] = [];
  const found = moduleFiles(dirname, notes);
  const overrides = options.overrides ?? {};
  const onDisk: string[] = [];
  const inMemory: string[] = [];
  let compressed = false;
  for (const f of found) {
    if (f in overrides) inMemory.push(f);
    else {
      onDisk.push(f);
      compressed ||= !f.endsWith(".ko");
    }
  }
  const workers = options.workers ?? defaultWorkers(compressed);
  // node:worker_threads loads only for a pool (it costs over a millisecond at start)
  const W = workers > 0 ? (await import("node:worker_threads")).Worker : null;
  const pool = W
    ? new WorkerPool(
        W,
        { wasm, dirname, what, release },
        workers,
        (batch) => main.depmodAddBatch(batch),
        (n) => notes.push(...n),
      )
    : null;
  main.depmodBegin(dirname, ownBuffer(new TextEncoder().encode([...onDisk, ...inMemory].join("\n"))));
  const others = pool ? pool.start(onDisk) : Promise.resolve();
  const next = pool ? pool.next : new Int32Array(1);
  let read = 0;
  // from within the tree (see deps.ts), each open walks a few path components, not a dozen
  const prefix = process.cwd() === dirname ? "" : `${dirname}/`;
  for (let k = Atomics.add(next, 0, 1); k < onDisk.length; k = Atomics.add(next, 0, 1)) {
    const path = prefix + onDisk[k];
    if (!scanFileSync(main, path, what, k)) await scanFile(main, path, what, k);
    const breath = breathe();
    if (breath) await breath;
    if (++read % 256 === 0) {
      // this engine's memory holds the tree: add as we go; reading everything leaves garbage
      // behind (depmod's view hardly any: a collection there would only walk the tree)
      main.depmodAddKept();
      if (what === READ_ALL && read % 1024 === 0) main.__collect();
      // and take the workers' summaries now, while they still read, rather than all at the end
      if (pool) await new Promise(setImmediate);
    }
  }
  main.depmodAddKept();
  await others;
  for (let i = 0; i < inMemory.length; i++) await scanBytes(main, overrides[inMemory[i]], what, onDisk.length + i);
  main.depmodAddKept();

  const orderPath = join(dirname, "modules.order");
  // depmod opens modules.order with fopen(): a folder opens (and reads as an empty list),
  // a missing or unreadable file does not
  let order: Uint8Array | null;
  try {
    order = statSync(orderPath).isDirectory() ? new Uint8Array(0) : readFileSync(orderPath);
  } catch {
    order = null;
  }
  const hasOrder = order !== null;
  const ok = main.depmodFinish(order ? ownBuffer(order) : new ArrayBuffer(0), hasOrder);
  const modulesDep = ok ? new TextDecoder().decode(main.depmodModulesDep()) : "";
  notes.push(...takeNotes());
  // a module that could not be opened was read as an empty file: the reader's note says why,
  // in depmod's words, instead of the engine's "Exec format error"
  const unopened = new Set(notes.map((n) => /^depmod: ERROR: failed to load symbols from (.*): /.exec(n)?.[1]).filter(Boolean));
  const engineMessages = main
    .depmodMessages()
    .split("\n")
    .filter((l) => l.length > 0 && !unopened.has(/^depmod: ERROR: failed to load symbols from (.*): Exec format error$/.exec(l)?.[1]));
  const messages = [...notes, ...engineMessages];
  let problems: TreeProblem[] = [];
  if (options.check && ok) {
    const c = options.check;
    problems = JSON.parse(main.depmodCheck(release, (c.symvers ?? new Uint8Array(0)).slice().buffer, c.config ?? "")) as TreeProblem[];
  }
  return { dirname, modules: found.length, modulesDep, messages, ok, problems };
}
