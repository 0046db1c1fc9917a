// The engine facade: the only importer of the compiled wasm. The page, the worker, the CLI
// and the tests all run workspaces through createEngine().

import { instantiate } from "../../wasm/build/ksymns.js";
import { packWorkspace } from "./pack";
import { decompressModule, decompressModules, type Decompressor, type Undecoded } from "./decompress";
import { chosenRelease, releaseName } from "../../wasm/shared/releases";
import { findConfigHeader } from "../../wasm/shared/configheader";

import type {
  ExportSurface,
  KernelApproximation,
  KernelExport,
  KernelNamespace,
  ModelModule,
  NamespaceHistoryEntry,
  RunOptions,
  RunResult,
  WorkspaceFiles,
} from "./types";
import { preprocessOptionsText, type PreprocessOptions, type PreprocessResult } from "./preprocess";
import { openHeaderPack, type HeaderPack, type PackSource } from "./headers";
import { KBUILD_FORCED_INCLUDES } from "../../wasm/shared/headerpack";

type Exports = Awaited<ReturnType<typeof instantiate>>;

const encoder = new TextEncoder();
/** Each profile's texts as UTF-8, made once however many instances are given it (a restart,
 *  another engine). */
const encoded = new WeakMap<KernelProfile, { modules: ArrayBuffer; config: ArrayBuffer }>();

/** Hands a profile to the instance as bytes: its texts are read in place there, and the
 *  encoder copies them at native speed (a string would be copied a character at a time). */
function giveProfile(ex: Exports, name: string, p: KernelProfile): number {
  const whole = p.symvers.byteOffset === 0 && p.symvers.byteLength === p.symvers.buffer.byteLength;
  const symvers = whole ? (p.symvers.buffer as ArrayBuffer) : p.symvers.slice().buffer;
  let texts = encoded.get(p);
  if (!texts) {
    texts = { modules: encoder.encode(p.modules).buffer as ArrayBuffer, config: encoder.encode(p.config).buffer as ArrayBuffer };
    encoded.set(p, texts);
  }
  return ex.setProfile(name, symvers, texts.modules, texts.config);
}

/** A real kernel's tables: its Module.symvers, its in-tree module list and its .config. */
export interface KernelProfile {
  symvers: Uint8Array;
  /** One line a module: name TAB path TAB modules.dep names TAB depends TAB import_ns TAB kind. */
  modules: string;
  /** The kernel's .config ("" when unknown). */
  config: string;
}

/** What a run of a workspace will simulate (Engine.plan). */
export interface RunPlan {
  /** The release, e.g. "6.12". */
  release: string;
  /** Its `uname -r`. */
  uname: string;
  /** The built-in profile that stands for it (file stem under public/kernels). */
  profile: string;
}

/** Where the engine gets its bytes: the wasm module and the kernel profiles (decompressed). */
export interface EngineHost {
  wasm(): Promise<WebAssembly.Module>;
  /** The profile named e.g. "debian-6.12.118+deb12-amd64" (files under public/kernels). */
  profile(name: string): Promise<KernelProfile>;
  /** Decompresses .ko.xz / .ko.zst / .ko.gz files before a run, each within the engine's
   *  limits (without it they stay as they are). */
  decompress?: Decompressor;
  /** The header pack of a profile (headers/<profile>/ of the site, or a folder), or null when
   *  it has none: with one, C files are preprocessed with the real headers. */
  headers?(profile: string): PackSource | null;
}

/** The most rounds of loading a run's missing headers (a header found only by running is
 *  rare: an #include of a macro's expansion). */
const HEADER_ROUNDS = 6;
const utf8 = new TextDecoder();

export interface Engine {
  /** Runs a workspace; never throws for bad input — an engine trap becomes an "internal" finding.
   *  Compressed modules are decompressed first. */
  run(files: WorkspaceFiles, options?: RunOptions): Promise<RunResult>;
  /** Runs with whatever profile is loaded, synchronously (for benchmarks and incremental runs);
   *  .ko files must already be decompressed. */
  runLoaded(files: WorkspaceFiles, options?: RunOptions): RunResult;
  /** What a run of `files` with `options` will simulate: release, `uname -r`, profile. */
  plan(files: WorkspaceFiles, options?: RunOptions): RunPlan;
  /** Loads the profile that stands for `kernel` (or the workspace's release); returns its name. */
  useProfileFor(kernel: string | undefined, files?: WorkspaceFiles): Promise<string>;
  /** For the hosts' own tests: the next run traps as an engine bug would, or runs out of memory. */
  injectFault(kind: "trap" | "oom"): void;
  /** Uses this profile as the base kernel. */
  setProfile(name: string, profile: KernelProfile): number;
  kernels(): string[];
  version(): string;
  /** The loaded profile's export of `symbol`, or null. */
  symbolInfo(symbol: string): KernelExport | null;
  /** Up to `limit` profile exports starting with `prefix` (in `ns` when given), for completion. */
  completeSymbols(prefix: string, options?: { ns?: string; limit?: number }): KernelExport[];
  /** Every namespace of the loaded profile, with its export count and exporting modules. */
  namespaces(): KernelNamespace[];
  /** One module file (.ko, or compressed) as model.modules describes a workspace's .ko: its
   *  modinfo, exports, uses and ELF facts, the ELF checks being those of `kernel` (default 6.12). */
  describeModule(file: string, bytes: Uint8Array, kernel?: string): Promise<ModelModule>;
  /** Up to `limit` in-tree modules of the loaded profile that `modprobe` loads, by name prefix. */
  installedModules(prefix: string, limit?: number): string[];
  /** The loaded profile's export surface, or null without one. */
  exportSurface(): ExportSurface | null;
  /** Up to `limit` exports of one namespace of the loaded profile. */
  namespaceExports(ns: string, limit?: number): KernelExport[];
  /** The profile that stands for `kernel`, and the release whose table it is when that is
   *  another release (null for an unknown release). */
  approximationFor(kernel: string): KernelApproximation | null;
  /** The loaded profile's export of `symbol` as it reads on `kernel`: its namespace then, or
   *  null when it was not exported then. */
  symbolInfoOn(symbol: string, kernel: string): KernelExport | null;
  /** When each namespace of the real kernels took effect. */
  namespaceHistory(): NamespaceHistoryEntry[];
  /** Up to `count` lines of the loaded profile's Module.symvers from line `from` (1-based), as
   *  the file has them, and its line count: a row shown in its place, read-only. */
  profileLines(from: number, count: number): ProfileLines;
  /** Runs only the C preprocessor over `files` (its test ABI). Throws if the engine traps. */
  preprocess(files: WorkspaceFiles, options: PreprocessOptions): PreprocessResult;
}

/** A stretch of the loaded profile's Module.symvers (Engine.profileLines). */
export interface ProfileLines {
  /** The profile (file stem under public/kernels), "" when none is loaded. */
  profile: string;
  /** The line number of lines[0]. */
  from: number;
  lines: string[];
  /** Lines in the whole file. */
  total: number;
}

/** Where each line of `bytes` starts, and one entry past the last line's end. */
function lineStarts(bytes: Uint8Array): Uint32Array {
  let n = 1;
  for (let i = 0; i + 1 < bytes.length; i++) if (bytes[i] === 10) n++;
  const starts = new Uint32Array(n + 1);
  let k = 1;
  for (let i = 0; i + 1 < bytes.length; i++) if (bytes[i] === 10) starts[k++] = i + 1;
  starts[n] = bytes.length;
  return starts;
}

/** The run options as the engine's container of named values (wasm/assembly/pipeline/options.ts):
 *  every value crosses whole, so no user text can add an option. */
function packOptions(o: RunOptions, undecoded: Undecoded[] = []): ArrayBuffer {
  const entries: WorkspaceFiles = Object.create(null) as WorkspaceFiles;
  if (o.kernel) entries.kernel = o.kernel;
  if (o.relaxed) entries.relaxed = "1";
  if (o.profile === false) entries.profile = "0";
  else if (o.profile === "core") entries.profile = "core";
  for (const [k, v] of Object.entries(o.config ?? {})) entries[`config/${k}`] = v;
  for (const u of undecoded) entries[`undecoded/${u.file}`] = `${u.reason}:${u.format}`;
  return packWorkspace(entries);
}

/** The release a workspace asks for: the option, else its .config header, else the default
 *  (the engine's rule, wasm/shared/releases.ts). */
export function requestedKernel(files: WorkspaceFiles, kernel?: string): string {
  const cfg = files[".config"];
  const header = typeof cfg === "string" ? findConfigHeader(cfg) : null;
  return releaseName(chosenRelease(kernel ?? "", header ? header.release : ""));
}

/** The most the engine's memory may grow to: wasm/asconfig.json's maximumMemory (16384 pages). */
export const ENGINE_MEMORY_LIMIT = 16384 * 65536;

/** Whether a trap was the engine running out of memory: the allocator refused a size, or
 *  memory.grow failed (AssemblyScript's runtime then traps "unreachable") with most of the
 *  limit in use — a browser may refuse to grow before the limit. */
export function isOutOfMemory(err: unknown, memoryBytes: number): boolean {
  const m = err instanceof Error ? err.message : String(err);
  return m.includes("Allocation too large") || (m.includes("unreachable") && memoryBytes >= ENGINE_MEMORY_LIMIT / 2);
}

function internalError(err: unknown, options: RunOptions, memoryBytes = 0): RunResult {
  const text = isOutOfMemory(err, memoryBytes)
    ? `ksymns ran out of memory on this workspace (the engine may use ${ENGINE_MEMORY_LIMIT >> 30} GiB; it held ${Math.round(memoryBytes / (1 << 20))} MiB when an allocation failed). Your files are unchanged; a smaller workspace will run.`
    : `ksymns internal error: ${err instanceof Error ? err.message : String(err)} (your files are unchanged; please report this)`;
  return {
    format: 1,
    engine: "",
    kernel: {
      version: options.kernel ?? "",
      release: "",
      relaxed: !!options.relaxed,
      profile: false,
      profileName: "",
      profileRelease: "",
      profileExports: 0,
      approximated_from: "",
      needsTable: false,
      namesConfig: false,
      config: {},
      syntax: { namespace: "string", defaultNamespace: "string", forModulesMacro: "", moduleNamespaces: false },
    },
    findings: [{ id: "INTERNAL_ERROR", stage: "internal", severity: "error", text, module: "", file: "", line: 0, col: 0, endLine: 0, endCol: 0 }],
    build: { ok: false, log: [], modules: [] },
    taint_at_boot: 0,
    commands: [],
    modules_at_end: [],
    loaded: [],
    taintFinal: 0,
    taintFlags: [],
    model: { modules: [] },
    sources: [],
    transcript: text + "\n",
  };
}

/** What describeModule() says of a file when the engine trapped on it. */
function unreadableModule(file: string, err: unknown): ModelModule {
  const error = `ksymns internal error: ${err instanceof Error ? err.message : String(err)} (please report this)`;
  return {
    name: "",
    file,
    builtin: false,
    license: null,
    intree: false,
    imports: [],
    exports: [],
    licenseRange: null,
    uses: [],
    headerCalls: [],
    importInsertLine: 0,
    ko: { readable: false, error, class: 64, byteOrder: "little", machine: 0, signed: false, wellFormed: false, formatErrors: [], problems: [], versions: 0 },
  };
}

export async function createEngine(host: EngineHost): Promise<Engine> {
  const module = await host.wasm();
  let ex: Exports = await instantiate(module, { env: {} });
  let profileName = "";
  let loaded: KernelProfile | null = null;
  // header packs by profile, and what the instance holds of the declared one
  const packs = new Map<string, Promise<HeaderPack | null>>();
  let declaredPack = "";
  let supplied = new Set<string>();
  let loading: Promise<void> | null = null;
  /** The profiles given so far (the engine keeps them parsed, see useProfile). */
  const profiles = new Map<string, KernelProfile>();
  // line offsets of the loaded profile's Module.symvers, made on the first profileLines()
  let starts: Uint32Array = new Uint32Array(1);
  let startsOf: KernelProfile | null = null;
  // the engine's runtime (asc --runtime minimal) collects garbage only when asked: after a
  // run has returned, so that collection never adds to a run's latency
  let collectPending = false;
  let heavyRunsSinceCollect = 0;
  let runsSinceCollect = 0;
  const collect = (): void => {
    runsSinceCollect = 0;
    heavyRunsSinceCollect = 0;
    try {
      ex.__collect();
    } catch {
      void restart();
    }
  };
  const collectSoon = (): void => {
    if (collectPending) return;
    collectPending = true;
    setTimeout(() => {
      collectPending = false;
      collect();
    }, 0);
  };

  // a trap leaves the instance in an unknown state: start a fresh one, with the same profile;
  // until it is there, runs wait for it (run) or say so (runLoaded), never touching the old one
  let restarting: Promise<void> | null = null;
  // runs the instance has made, and whether the last one ran out of memory
  let runsOnInstance = 0;
  let ranOutOfMemory = false;
  function restart(): Promise<void> {
    restarting ??= (async () => {
      ex = await instantiate(module, { env: {} });
      runsOnInstance = 0;
      if (loaded) giveProfile(ex, profileName, loaded);
      declaredPack = "";
      supplied = new Set();
    })().finally(() => {
      restarting = null;
    });
    return restarting;
  }

  const engine: Engine = {
    setProfile(name, profile) {
      profileName = name;
      loaded = profile;
      profiles.set(name, profile);
      const count = giveProfile(ex, name, profile);
      collectSoon();
      return count;
    },
    plan(files, options = {}) {
      return JSON.parse(ex.plan(packWorkspace(files), packOptions(options))) as RunPlan;
    },
    injectFault(kind) {
      ex.armFault(kind === "trap" ? 1 : 2);
    },
    async useProfileFor(kernel, files) {
      const name = engine.plan(files ?? {}, { kernel }).profile;
      if (!name || name === profileName) return name;
      // a profile the engine parsed before is switched to; only a new one is fetched
      const known = profiles.get(name);
      if (known && ex.useProfile(name) >= 0) {
        profileName = name;
        loaded = known;
      } else engine.setProfile(name, await host.profile(name));
      return name;
    },
    runLoaded(files, options = {}) {
      return runWhole(files, options, []);
    },
    async run(files, options = {}) {
      const used = runsOnInstance > 0;
      const res = await runOnce(files, options);
      // an instance that earlier runs filled (header files, caches, a fragmented heap) can run
      // out of memory where a fresh one does not: the run is made once more on a fresh one
      if (!used || !ranOutOfMemory) return res;
      if (restarting) await restarting;
      return runOnce(files, options);
    },
    async describeModule(file, bytes, kernel = "") {
      if (restarting) await restarting;
      const plain = host.decompress ? await decompressModule(bytes, host.decompress) : bytes;
      try {
        // a copy of exactly the file: decoders may hand out views of larger (pooled) buffers
        return JSON.parse(ex.koDescribe(file, new Uint8Array(plain).buffer, kernel)) as ModelModule;
      } catch (err) {
        void restart();
        return unreadableModule(file, err);
      }
    },
    kernels: () => ex.kernels().split(","),
    version: () => ex.engineVersion(),
    symbolInfo: (symbol) => JSON.parse(ex.symbolInfo(symbol)) as KernelExport | null,
    completeSymbols: (prefix, o = {}) => JSON.parse(ex.completeSymbols(prefix, o.ns ?? "", o.limit ?? 50)) as KernelExport[],
    namespaces: () => JSON.parse(ex.namespaces()) as KernelNamespace[],
    exportSurface: () => JSON.parse(ex.exportSurface()) as ExportSurface | null,
    installedModules: (prefix, limit = 50) => JSON.parse(ex.installedModules(prefix, limit)) as string[],
    namespaceExports: (ns, limit = 500) => JSON.parse(ex.namespaceExports(ns, limit)) as KernelExport[],
    approximationFor: (kernel) => JSON.parse(ex.approximationFor(kernel)) as KernelApproximation | null,
    symbolInfoOn: (symbol, kernel) => JSON.parse(ex.symbolInfoOn(symbol, kernel)) as KernelExport | null,
    namespaceHistory: () => JSON.parse(ex.namespaceHistory()) as NamespaceHistoryEntry[],
    profileLines(from, count) {
      if (!loaded) return { profile: "", from: 1, lines: [], total: 0 };
      if (startsOf !== loaded) {
        starts = lineStarts(loaded.symvers);
        startsOf = loaded;
      }
      const total = starts.length - 1;
      const first = Math.max(1, Math.min(Math.floor(from), total));
      const last = Math.min(total, first + Math.max(1, Math.floor(count)) - 1);
      const text = new TextDecoder().decode(loaded.symvers.subarray(starts[first - 1], starts[last]));
      return { profile: profileName, from: first, lines: text.replace(/\n$/, "").split("\n"), total };
    },
    preprocess(files, options) {
      // one translation unit can leave hundreds of MB of garbage: never start the next on it
      if (collectPending || ++runsSinceCollect > 64) collect();
      try {
        const res = JSON.parse(ex.preprocessFiles(packWorkspace(files), preprocessOptionsText(options))) as PreprocessResult;
        collectSoon();
        return res;
      } catch (err) {
        void restart();
        throw err;
      }
    },
  };

  /** Declares the profile's header pack to the instance (once); false when it has none. */
  async function declarePack(profile: string): Promise<boolean> {
    if (!host.headers || !profile) return false;
    let p = packs.get(profile);
    if (!p) {
      const source = host.headers(profile);
      p = source ? openHeaderPack(source).catch(() => null) : Promise.resolve(null);
      packs.set(profile, p);
    }
    const pack = await p;
    if (!pack) return false;
    if (declaredPack !== profile) {
      if (ex.setHeaderPack(profile, pack.paths()) < 0) return false;
      declaredPack = profile;
      supplied = new Set();
    }
    return true;
  }

  /** Loads the files `needed` and all they include into the instance; false when nothing new
   *  needed supplying (another load may have just brought them). One load at a time: a second
   *  waits for the first. */
  async function supplyHeaders(needed: string[]): Promise<boolean> {
    while (loading) await loading;
    const pack = await packs.get(declaredPack);
    if (!pack) return false;
    const want = pack.closure([...KBUILD_FORCED_INCLUDES, ...needed]).filter((p) => !supplied.has(p));
    if (want.length === 0) return false;
    const job = (async () => {
      const texts = await pack.load(want);
      const files: WorkspaceFiles = Object.create(null) as WorkspaceFiles;
      for (const [path, text] of texts) files[path] = text;
      ex.addHeaders(packWorkspace(files));
      for (const path of want) supplied.add(path);
    })();
    loading = job.finally(() => {
      loading = null;
    });
    await job;
    return true;
  }

  /** One run: the profile, the header files it needs, then the engine's run. */
  async function runOnce(files: WorkspaceFiles, options: RunOptions): Promise<RunResult> {
    if (options.profile === "auto") {
      const light = await engine.run(files, { ...options, profile: false });
      return light.kernel.needsTable ? engine.run(files, { ...options, profile: true }) : light;
    }
    if (restarting) await restarting;
    let undecoded: Undecoded[] = [];
    if (host.decompress) ({ files, undecoded } = await decompressModules(files, host.decompress));
    if (options.profile !== false && options.profile !== "core") {
      try {
        await engine.useProfileFor(options.kernel, files);
      } catch (err) {
        return internalError(err, options);
      }
    }
    // the real headers: the pack files the run needed (and all they include) are loaded and
    // the run made again; in the background the run's result stands meanwhile
    // (a run on vmlinux's core exports is the quick first look: it reads with the prelude)
    const withPack = host.headers && options.profile !== "core" ? await declarePack(engine.plan(files, options).profile) : false;
    // every file starts with kbuild's forced includes: loaded before the first run that waits
    if (withPack && options.headers !== "background") {
      try {
        await supplyHeaders([]);
      } catch (err) {
        return internalError(err, options);
      }
    }
    let res = runWhole(files, options, undecoded);
    for (let round = 0; withPack && round < HEADER_ROUNDS; round++) {
      const needed = res.kernel.headers?.needed ?? [];
      if (needed.length === 0) break;
      const load = supplyHeaders(needed);
      if (options.headers === "background") {
        void load.catch(() => {});
        break;
      }
      try {
        await load;
      } catch (err) {
        return internalError(err, options);
      }
      // a load already under way may have brought them (then this one had nothing to add);
      // none of them there means they cannot come
      if (!needed.some((p) => supplied.has(p))) break;
      if (restarting) await restarting;
      res = runWhole(files, options, undecoded);
    }
    if (restarting) await restarting;
    return res;
  }

  /** A run of files whose modules are ready, made again after collecting while the engine
   *  left translation units to the next run: their garbage is freed only between runs, and
   *  the units read are kept, so each run goes on where the last stopped. */
  function runWhole(files: WorkspaceFiles, options: RunOptions, undecoded: Undecoded[]): RunResult {
    let res = runPrepared(files, options, undecoded);
    let left = deferredUnits(res);
    while (left > 0) {
      collect();
      res = runPrepared(files, options, undecoded);
      const now = deferredUnits(res);
      // (no progress: the units read were not kept, which only a workspace of hundreds does)
      if (now >= left) break;
      left = now;
    }
    if (res.kernel.headers) delete (res.kernel.headers as { deferred?: number }).deferred;
    return res;
  }

  /** One run of files whose modules are ready; `undecoded` names those the host could not
   *  decompress, for the engine to say why. */
  function runPrepared(files: WorkspaceFiles, options: RunOptions, undecoded: Undecoded[]): RunResult {
    // a caller running many workspaces without yielding (fuzzing, batch checks) never lets
    // the deferred collection run: collect here now and then instead
    if (restarting) return internalError(new Error("the engine is restarting after an internal error; run again"), options);
    // a run with real headers leaves tens of MiB of garbage, and collecting it costs a third
    // of an edit's run: while runs follow each other (typing), every second one pays for it,
    // or each one once the memory is past half the engine's limit
    const heavy = heavyRunsSinceCollect >= 2 || (heavyRunsSinceCollect > 0 && ex.memory.buffer.byteLength > ENGINE_MEMORY_LIMIT / 2);
    if ((collectPending && heavy) || ++runsSinceCollect > 64) collect();
    runsOnInstance++;
    ranOutOfMemory = false;
    try {
      const res = JSON.parse(utf8.decode(ex.run(packWorkspace(files), packOptions(options, undecoded)))) as RunResult;
      if ((res.kernel.headers?.units ?? 0) > 0) heavyRunsSinceCollect++;
      collectSoon();
      return res;
    } catch (err) {
      ranOutOfMemory = isOutOfMemory(err, ex.memory.buffer.byteLength);
      void restart();
      return internalError(err, options, ex.memory.buffer.byteLength);
    }
  }
  return engine;
}

/** The translation units a run left to the next (its headers' `deferred`, internal). */
function deferredUnits(res: RunResult): number {
  return (res.kernel.headers as { deferred?: number } | undefined)?.deferred ?? 0;
}
