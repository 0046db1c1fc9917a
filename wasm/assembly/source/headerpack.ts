// A real kernel's headers for the preprocessor (issue 13): the header pack a host loads for a
// built-in profile (its file list first, then files' texts as a translation unit needs them),
// where kbuild's gcc finds them (the -I and -include of scripts/Makefile.lib for an x86_64
// external module, shared with the pack builder in wasm/shared/headerpack.ts), and the
// pack files a run asked for that the host has not supplied yet.

import { BUILTIN_PROFILES } from "../../shared/debian";
import { KBUILD_FORCED_INCLUDES, KBUILD_INCLUDE_DIRS, PACK_AUTOCONF } from "../../shared/headerpack";
import { KERNEL_TREE } from "./kbuild";

/** Where a pack's files are in the preprocessor's file system (the kernel tree, `make -C`'s folder). */
export const PACK_DIR = "/ksymns/kernel";
const PACK_PREFIX = PACK_DIR + "/";
/** How diagnostics name that folder: as kbuild's gcc, run in the kernel tree, does. */
export const PACK_SHOWN = ".";

/** The pack the host declared: its profile's series and the files it holds, and the texts
 *  supplied so far. */
class HeaderStore {
  paths: Set<string> = new Set();
  texts: Map<string, string> = new Map();
  /** Changes whenever texts are added, so that results read without them are not kept. */
  generation: i32 = 0;
  constructor(
    public profile: string,
    public release: i32,
  ) {}
}

let store: HeaderStore | null = null;
/** Pack files this run looked for that the host has not supplied, in the order asked. */
let needed: string[] = [];
let neededSet: Set<string> = new Set();
/** Translation units of this run that were read with the pack. */
let packUnits: i32 = 0;

/** Declares the pack of a built-in profile: `paths` one a line (kernel-tree paths). Texts
 *  supplied earlier for the same profile are kept. An empty profile name forgets the pack.
 *  Returns the number of files, or -1 when the profile is not a built-in one. */
export function declareHeaderPack(profile: string, paths: string): i32 {
  if (profile.length == 0) {
    store = null;
    return 0;
  }
  let release = 0;
  for (let i = 0; i < BUILTIN_PROFILES.length; i++) if (BUILTIN_PROFILES[i].name == profile) release = BUILTIN_PROFILES[i].release;
  if (release == 0) return -1;
  if (store == null || (store as HeaderStore).profile != profile) store = new HeaderStore(profile, release);
  const s = store as HeaderStore;
  const list = paths.split("\n");
  for (let i = 0; i < list.length; i++) if (list[i].length > 0) s.paths.add(list[i]);
  return s.paths.size;
}

/** Supplies texts of the declared pack's files (a container of path → text, the workspace
 *  format); files the pack does not hold are ignored. Returns how many were taken. */
export function supplyHeaders(buf: ArrayBuffer): i32 {
  if (store == null) return 0;
  const s = store as HeaderStore;
  const b = Uint8Array.wrap(buf);
  const n = b.length;
  if (n < 4) return 0;
  const count = load<u32>(b.dataStart);
  let p = 4;
  let taken = 0;
  for (let i: u32 = 0; i < count; i++) {
    if (p + 4 > n) break;
    const nl = <i32>load<u32>(b.dataStart + p);
    p += 4;
    if (nl < 0 || nl > 4096 || p + nl > n) break;
    const name = String.UTF8.decodeUnsafe(b.dataStart + p, nl);
    p += nl;
    if (p + 4 > n) break;
    const dl = <i32>load<u32>(b.dataStart + p);
    p += 4;
    if (dl < 0 || p + dl > n) break;
    if (s.paths.has(name)) {
      s.texts.set(name, String.UTF8.decodeUnsafe(b.dataStart + p, dl));
      taken++;
    }
    p += dl;
  }
  if (taken > 0) s.generation++;
  return taken;
}

/** Starts a run: nothing asked for yet. */
export function beginHeaderRun(): void {
  needed = [];
  neededSet = new Set();
  packUnits = 0;
  tokensRead = 0;
  deferred = 0;
}

// A translation unit read with a pack leaves tens of MiB of garbage (some hundred bytes a
// token), which the engine's runtime frees only between runs (the host collects then): a
// workspace of many units read in one run would run out of memory. So once the heap is
// past DEFER_ABOVE_PAGES (wasm memory never shrinks: then it stays so) a run reads units
// of at most UNIT_TOKENS_PER_RUN tokens and leaves the others to the next run, which the host
// makes after collecting; the units read are kept (translation.ts), so each run goes on where
// the last stopped. A small workspace never comes near and runs once.
const DEFER_ABOVE_PAGES = 8192; // 512 MiB, of the host's 1 GiB
const UNIT_TOKENS_PER_RUN = 1000000;
let tokensRead = 0;
let deferred = 0;

/** Whether this run may read another translation unit; when not, the caller defers it. */
export function mayReadUnit(): bool {
  return tokensRead < UNIT_TOKENS_PER_RUN || memory.size() <= DEFER_ABOVE_PAGES;
}

/** Counts a translation unit of `tokens` tokens read (not taken from the kept results). */
export function noteUnitRead(tokens: i32): void {
  tokensRead += tokens;
}

/** Counts a translation unit left to the next run. */
export function noteUnitDeferred(): void {
  deferred++;
}

/** How many translation units this run left to the next (its result is not the workspace's
 *  yet: the host collects and runs again). */
export function unitsDeferred(): i32 {
  return deferred;
}

/** The pack files this run needed and did not have (the host loads them and runs again). */
export function neededHeaders(): string[] {
  return needed;
}

/** The declared pack's profile, when a run of release `release` (major*100+minor) uses it. */
export function packProfileFor(release: i32): string {
  return store != null && (store as HeaderStore).release == release ? (store as HeaderStore).profile : "";
}

/** How many translation units of this run were read with the pack. */
export function packUnitsRead(): i32 {
  return packUnits;
}

/** Counts a translation unit read with the pack. */
export function notePackUnit(): void {
  packUnits++;
}

/** A key that changes when the pack's supplied texts do (part of a kept result's key). */
export function packGeneration(): string {
  return store == null ? "" : (store as HeaderStore).profile + "#" + (store as HeaderStore).generation.toString();
}

/** The folders kbuild's gcc searches for `#include <...>`, in order, in the pack. */
export function packIncludeDirs(): string[] {
  const out: string[] = [];
  for (let i = 0; i < KBUILD_INCLUDE_DIRS.length; i++) out.push(PACK_DIR + "/" + KBUILD_INCLUDE_DIRS[i]);
  return out;
}

/** Kbuild's -I folders with the pack: $(srctree)/x is the pack's x, and a relative folder
 *  (gcc runs in the kernel tree: `ccflags-y := -Iinclude/drm`) is also looked for there,
 *  after the workspace's folder of that name. */
export function packKbuildDirs(dirs: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < dirs.length; i++) {
    const d = dirs[i];
    if (d.startsWith(KERNEL_TREE + "/")) out.push(PACK_DIR + d.substring(KERNEL_TREE.length));
    else {
      out.push(d);
      if (!d.startsWith("/") && !d.startsWith("..")) out.push(PACK_DIR + "/" + d);
    }
  }
  return out;
}

/** kbuild's -include files the pack holds (compiler-version.h only from 5.16). */
export function packForcedIncludes(): string[] {
  const out: string[] = [];
  if (store == null) return out;
  for (let i = 0; i < KBUILD_FORCED_INCLUDES.length; i++) {
    if ((store as HeaderStore).paths.has(KBUILD_FORCED_INCLUDES[i])) out.push(PACK_DIR + "/" + KBUILD_FORCED_INCLUDES[i]);
  }
  return out;
}

/** The pack's side of the preprocessor's file system: the text at an absolute path under
 *  PACK_DIR; null when the pack lacks the file, or has it but the host has not supplied it
 *  (then noted as needed). `autoconf` is the run's own include/generated/autoconf.h. */
export class PackReader {
  /** Whether a file this translation unit read was not supplied yet. */
  incomplete: bool = false;
  constructor(public autoconf: string) {}
  read(path: string): string | null {
    if (store == null) return null;
    const rel = path.substring(PACK_DIR.length + 1);
    if (rel == PACK_AUTOCONF) return this.autoconf;
    const s = store as HeaderStore;
    if (s.texts.has(rel)) return s.texts.get(rel);
    if (!s.paths.has(rel)) return null;
    this.incomplete = true;
    if (!neededSet.has(rel)) {
      neededSet.add(rel);
      needed.push(rel);
    }
    return null;
  }
}

/** Whether `path` is in the pack's folder. */
export function inPack(path: string): bool {
  return path.startsWith(PACK_PREFIX);
}
