// The engine's ABI, every export in one place. Inputs arrive as bytes (a workspace and the
// run options in one container format, see workspace.ts); results leave as one JSON string
// (see result.ts), a run's as UTF-8 bytes: it is the one large answer, and hosts decode bytes
// much faster than the bindings copy a string out. Four groups:
//
//   runs        setProfile, useProfile, plan, run, armFault            (a workspace, one call a run)
//   headers     setHeaderPack, addHeaders                  (a real kernel's headers, loaded on demand)
//   queries     engineVersion, kernels, profileFor, symbolInfo, completeSymbols,
//               namespaces, namespaceExports                (facts of the engine and the profile)
//               approximationFor, symbolInfoOn, namespaceHistory  (one table read as another release)
//   .ko files   koDescribe                                  (one module, as model.modules describes it)
//   trees       koScanKernel, koScanBegin, koScanNeedOffset, koScanNeedLength, koScanSupplied,
//               koScanKeep, koScanTake, depmodBegin, depmodAddBatch, depmodAddKept,
//               depmodFinish, depmodModulesDep, depmodMessages, depmodCheck  (tree.ts)
//
// The tree functions are a protocol over one instance's state, for `ksymns deps`: any number
// of instances read modules piece by piece (koScanBegin → koScanNeed*/koScanSupplied until
// nothing more is needed → koScanKeep), hand their summaries over (koScanTake →
// depmodAddBatch) to one instance that resolves the tree (depmodBegin … depmodFinish) and
// answers (depmodModulesDep, depmodMessages, depmodCheck).

import { unpackWorkspace } from "./workspace";
import { runWorkspace } from "./run";
import { readOptions } from "./pipeline/options";
import { chooseKernel } from "./pipeline/kernel";
import { serializeResult, ENGINE_VERSION } from "./result";
import { Profile, profileNameFor } from "./kernel/profile";
import { readSymvers } from "./source/symvers";
import { readConfigBytes } from "./source/config";
import * as Q from "./kernel/query";
import { knownReleases, parseRelease, releaseName } from "./kernel/versions";
import { historyJson, profileReleaseFor, ReleaseExports } from "./kernel/nshistory";
import { preprocessPacked } from "./cpp/packed";
import { JsonWriter } from "./util/json";
import { beginHeaderRun, declareHeaderPack, supplyHeaders } from "./source/headerpack";

export {
  koScanKernel,
  koScanBegin,
  koScanNeedOffset,
  koScanNeedLength,
  koScanSupplied,
  koScanKeep,
  koScanTake,
  depmodBegin,
  depmodAddBatch,
  depmodAddKept,
  depmodFinish,
  depmodModulesDep,
  depmodMessages,
  depmodCheck,
  koDescribe,
} from "./tree";

let profile: Profile | null = null;

/** Sets the base kernel: its Module.symvers (empty to clear), its in-tree module table
 *  (`name TAB path TAB modules.dep names TAB depends TAB import_ns TAB kind`) and its .config
 *  (both UTF-8);
 *  parsed once and kept. Returns the export count. */
export function setProfile(name: string, symvers: ArrayBuffer, modules: ArrayBuffer, config: ArrayBuffer): i32 {
  if (symvers.byteLength == 0) {
    profile = null;
    return 0;
  }
  const p = new Profile(name, readSymvers(name, Uint8Array.wrap(symvers)));
  p.modules.addModuleTable(Uint8Array.wrap(modules));
  readConfigBytes(name + ".config", Uint8Array.wrap(config), p.config);
  profile = p;
  // the built-in profiles stay parsed: runs that switch kernels switch tables without a parse
  if (!kept.has(name) && kept.size >= MAX_KEPT_PROFILES) kept.delete(kept.keys()[0]);
  kept.set(name, p);
  return p.symvers.count;
}

/** Makes the profile `name` set earlier current again; its export count, or -1 when it is
 *  not kept (the host then gives it with setProfile). */
export function useProfile(name: string): i32 {
  if (!kept.has(name)) return -1;
  const p = kept.get(name);
  profile = p;
  return p.symvers.count;
}

const kept = new Map<string, Profile>();
/** As many as there are built-in profiles. */
const MAX_KEPT_PROFILES = 4;

/** What a run of this workspace with these options will simulate, before running it: the
 *  release, its `uname -r` and the built-in profile that stands for it, as JSON. */
export function plan(workspace: ArrayBuffer, options: ArrayBuffer): string {
  const k = chooseKernel(unpackWorkspace(workspace), readOptions(options), null);
  const w = new JsonWriter();
  w.beginObject();
  w.keyStr("release", releaseName(k.release));
  w.keyStr("uname", k.releaseText);
  w.keyStr("profile", profileNameFor(k.release));
  w.endObject();
  return w.toString();
}

/** Runs a packed workspace with packed options; returns the result JSON. */
export function run(workspace: ArrayBuffer, options: ArrayBuffer): ArrayBuffer {
  const fault = armedFault;
  armedFault = 0;
  if (fault == FAULT_TRAP) unreachable();
  if (fault == FAULT_OUT_OF_MEMORY) heap.alloc(<usize>0x7fff0000); // more than the allocator serves
  beginHeaderRun();
  const res = runWorkspace(unpackWorkspace(workspace), readOptions(options), profile);
  return serializeResult(res);
}

/** Declares the header pack of a built-in profile (`paths`: its files, one a line; an empty
 *  profile forgets it): runs of that profile's release read C files with it. Returns the file
 *  count (-1: not a built-in profile). */
export function setHeaderPack(profile: string, paths: string): i32 {
  return declareHeaderPack(profile, paths);
}

/** Supplies texts of the declared pack's files (the workspace container: path → text), as
 *  the result's kernel.headers.needed asked for. Returns how many were taken. */
export function addHeaders(files: ArrayBuffer): i32 {
  return supplyHeaders(files);
}

/** Preprocesses packed files (the C preprocessor's test ABI; options and limits in
 *  cpp/packed.ts); returns the result as JSON. */
export function preprocessFiles(files: ArrayBuffer, options: string): string {
  return preprocessPacked(files, options);
}
const FAULT_TRAP = 1;
const FAULT_OUT_OF_MEMORY = 2;
let armedFault = 0;

/** For the hosts' own tests: the next run traps as an engine bug would (1) or runs out of
 *  memory (2). No input reaches this; only a host calling it does. */
export function armFault(kind: i32): void {
  armedFault = kind;
}

/** The engine's version. */
export function engineVersion(): string {
  return ENGINE_VERSION;
}

/** Every kernel release the engine knows, newest first, comma-separated. */
export function kernels(): string {
  const list = knownReleases();
  const out: string[] = [];
  for (let i = list.length - 1; i >= 0; i--) out.push(releaseName(list[i]));
  return out.join(",");
}

/** The kernel profile (file stem under public/kernels) that stands for a release's running kernel. */
export function profileFor(version: string): string {
  const v = parseRelease(version);
  return v == 0 ? "" : profileNameFor(v);
}

/** The base kernel's export of `sym` as JSON, or "null" (no profile or not exported). */
export function symbolInfo(sym: string): string {
  return profile == null ? "null" : Q.symbolInfo((profile as Profile).symvers, sym);
}

/** Up to `limit` base-kernel exports starting with `prefix`, in namespace `ns` when given. */
export function completeSymbols(prefix: string, ns: string, limit: i32): string {
  return profile == null ? "[]" : Q.completeSymbols((profile as Profile).symvers, prefix, ns, limit);
}

/** Every namespace of the base kernel with its export count and exporting modules. */
export function namespaces(): string {
  return profile == null ? "[]" : Q.namespaces((profile as Profile).symvers, (profile as Profile).modules.importers);
}

/** Up to `limit` in-tree modules of the base kernel that `modprobe` can load, whose name starts
 *  with `prefix`, as a JSON array of names. */
export function installedModules(prefix: string, limit: i32): string {
  const w = new JsonWriter();
  w.beginArray();
  if (profile != null) {
    const names = (profile as Profile).modules.installedNames(prefix, limit);
    for (let i = 0; i < names.length; i++) w.str(names[i]);
  }
  w.endArray();
  return w.toString();
}

/** The base kernel's export surface (kernel/query.ts exportSurface), "null" without one. */
export function exportSurface(): string {
  return profile == null ? "null" : Q.exportSurface((profile as Profile).symvers);
}

/** Up to `limit` exports of namespace `ns` in the base kernel. */
export function namespaceExports(ns: string, limit: i32): string {
  return profile == null ? "[]" : Q.namespaceExports((profile as Profile).symvers, ns, limit);
}

/** The profile that stands for a release, as JSON: the release, the profile's file stem and,
 *  when the profile is another release's table, that release (`approximated_from`); "null"
 *  for an unknown release. */
export function approximationFor(version: string): string {
  const v = parseRelease(version);
  if (v == 0) return "null";
  const from = profileReleaseFor(v);
  return (
    '{"release":"' + releaseName(v) + '","profile":"' + profileFor(releaseName(from)) + '","approximated_from":"' + (from == v ? "" : releaseName(from)) + '"}'
  );
}

/** The base kernel's export of `sym` as it reads on release `version` (its namespace then;
 *  "null" when it was not exported then), corrected by the namespace history. */
export function symbolInfoOn(sym: string, version: string): string {
  if (profile == null) return "null";
  const p = profile as Profile;
  const from = parseRelease(p.name.startsWith("debian-") ? p.name.substring(7) : p.name);
  const target = parseRelease(version);
  if (from == 0 || target == 0) return Q.symbolInfo(p.symvers, sym);
  return Q.symbolInfo(new ReleaseExports(p.symvers, from, target), sym);
}

/** When each namespace of the real kernels took effect, as JSON (kernel/nshistory.ts). */
export function namespaceHistory(): string {
  return historyJson();
}
