// The engine's ABI: set the base kernel profile, run a workspace, read the version.
// Inputs arrive as bytes; the result leaves as one JSON string (see result.ts).

import { unpackWorkspace } from "./workspace";
import { parseOptions, runWorkspace } from "./run";
import { serializeResult, ENGINE_VERSION } from "./result";
import { Profile } from "./kernel/profile";
import { readSymvers } from "./source/symvers";
import * as Q from "./kernel/query";
import { knownReleases, parseRelease, releaseName } from "./kernel/versions";
import { preprocessPacked } from "./cpp/packed";

export {
  koScanKernel, koScanBegin, koScanNeedOffset, koScanNeedLength, koScanSupplied, koScanKeep, koScanTake,
  depmodBegin, depmodAddBatch, depmodAddKept, depmodFinish, depmodModulesDep, depmodMessages, depmodCheck, koDescribe,
} from "./tree";

let profile: Profile | null = null;

/** Sets the base kernel: its Module.symvers (empty to clear) and its in-tree module table
 *  (`name TAB path TAB modules.dep names TAB depends`); parsed once and kept. Returns the export count. */
export function setProfile(name: string, symvers: ArrayBuffer, modules: string): i32 {
  if (symvers.byteLength == 0) { profile = null; return 0; }
  const p = new Profile(name, readSymvers(name, Uint8Array.wrap(symvers)));
  p.modules.addModuleTable(modules);
  profile = p;
  return p.symvers.count;
}

/** Runs a packed workspace with `key=value` options; returns the result JSON. */
export function run(workspace: ArrayBuffer, options: string): string {
  const ws = unpackWorkspace(workspace);
  const res = runWorkspace(ws, parseOptions(options), profile);
  return serializeResult(res);
}

/** Preprocesses packed files (the C preprocessor's test ABI; options and limits in
 *  cpp/packed.ts); returns the result as JSON. */
export function preprocessFiles(files: ArrayBuffer, options: string): string {
  return preprocessPacked(files, options);
}

/** The engine's version. */
export function engineVersion(): string { return ENGINE_VERSION; }

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
  if (v == 0) return "";
  if (v <= 510) return "debian-5.10.0-32-amd64";
  if (v <= 601) return "debian-6.1.0-54-amd64";
  if (v <= 612) return "debian-6.12.113-amd64";
  return "debian-7.3.4-amd64";
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

/** Up to `limit` exports of namespace `ns` in the base kernel. */
export function namespaceExports(ns: string, limit: i32): string {
  return profile == null ? "[]" : Q.namespaceExports((profile as Profile).symvers, ns, limit);
}
