// A whole kernel tree (lib/modules/<release>): modules read piece by piece by any number of
// engine instances (koScan*), handed over as summaries to one instance that resolves them
// as kmod's depmod does (depmod*) and, asked to, checks each the way modprobe would load it.

import { KoScan } from "./source/koscan";
import { READ_ALL, readKo } from "./source/ko";
import { writeDepmodSummary, writeKoSummary } from "./source/kosummary";
import { readSymvers, Symvers } from "./source/symvers";
import { readConfig, KernelConfig } from "./source/config";
import { DEFAULT_RELEASE, parseRelease, Rules } from "./kernel/versions";
import { defaultConfig, vermagicOf } from "./kernel/defaults";
import { Depmod, splitLines } from "./sim/depmod";
import { checkKoFile, readWorkspaceKo } from "./sim/koimage";
import { writeKoModule } from "./result";
import { Finding } from "./diagnostics";
import { NativeElf } from "./sim/elfcheck";
import { LoaderConfig } from "./sim/loader";
import { checkTree, treeVermagic } from "./sim/treecheck";
import { JsonWriter } from "./util/json";
import { ByteWriter } from "./util/bytes";
import { MSG_NAMES } from "../shared/codes";

const scan = new KoScan();
let scanRules = new Rules(DEFAULT_RELEASE);

/** The release whose loader judges the files scanned next with everything read (what = 3). */
export function koScanKernel(version: string): void {
  const v = parseRelease(version);
  scanRules = new Rules(v == 0 ? DEFAULT_RELEASE : v);
}

/** Starts reading a .ko of `size` bytes: what = 1 for depmod's view, 3 for everything.
 *  Returns the address where the file's byte 0 goes; valid until the next koScanBegin. */
export function koScanBegin(size: i32, what: i32): usize {
  return scan.begin(size, what);
}

/** Where the next piece starts, and how long it is (0: nothing more to read). */
export function koScanNeedOffset(): i32 {
  return scan.needOff;
}
export function koScanNeedLength(): i32 {
  return scan.needLen;
}

/** The host has read [offset, offset + length) to its place in the buffer. */
export function koScanSupplied(offset: i32, length: i32): void {
  scan.supplied(offset, length);
}

// summaries kept for the next koScanTake(): [u32 file index][u32 length][summary] each
const kept = new ByteWriter();

/** Keeps the file as read, as file number `index` of the tree, for koScanTake(). A scan with
 *  everything read also carries the kernel's verdict on the file's structure (for a kernel
 *  of the file's own architecture: a tree's modules are checked against their own kernel). */
export function koScanKeep(index: i32): void {
  const e = scan.finished();
  kept.u32(<u32>index);
  const at = kept.n;
  kept.u32(0);
  if (scan.what != READ_ALL) writeDepmodSummary(e, kept);
  else {
    const k = readKo(e, READ_ALL);
    if (k.error.length == 0) checkKoFile(k, scan.bytes, scanRules, new NativeElf(k.is64, k.big, k.machine));
    writeKoSummary(k, e, kept);
  }
  kept.setU32(at, <u32>(kept.n - at - 4));
}

/** The summaries kept since the last call, in one buffer, for depmodAddBatch(). */
export function koScanTake(): ArrayBuffer {
  const out = kept.bytes();
  kept.n = 0;
  return out;
}

let tree: Depmod | null = null;
let treeFiles: string[] = [];

/** Starts a tree: `dirname` is how messages name lib/modules/<release>, `files` the module
 *  paths under it in the order the directory walk found them, one a line, in UTF-8 (bytes
 *  cross the boundary in one copy, where a string is copied a character at a time). */
export function depmodBegin(dirname: string, files: ArrayBuffer): void {
  tree = new Depmod(dirname);
  treeFiles = splitLines(Uint8Array.wrap(files));
}

/** Summaries as koScanTake() gave them (from any engine instance). */
export function depmodAddBatch(batch: ArrayBuffer): void {
  addBatch(Uint8Array.wrap(batch));
}

function addBatch(b: Uint8Array): void {
  if (tree == null) return;
  const d = tree as Depmod;
  let p = 0;
  while (p + 8 <= b.length) {
    const index = <i32>load<u32>(b.dataStart + <usize>p);
    const len = <i32>load<u32>(b.dataStart + <usize>p + 4);
    p += 8;
    if (len < 0 || p + len > b.length || index < 0 || index >= treeFiles.length) break;
    d.add(treeFiles[index], b.subarray(p, p + len), index);
    p += len;
  }
}

/** What this instance kept of its own scans, added to its own tree without leaving it. */
export function depmodAddKept(): void {
  addBatch(kept.detach());
}

/** Orders and resolves the tree; `order` is modules.order's bytes (ignored when !hasOrder).
 *  Returns false when the modules cannot be ordered (dependency cycles). */
export function depmodFinish(order: ArrayBuffer, hasOrder: bool): bool {
  if (tree == null) return false;
  const d = tree as Depmod;
  d.finish(hasOrder ? Uint8Array.wrap(order) : null);
  return !d.failed;
}

/** modules.dep as `depmod -n` prints it, in UTF-8. */
export function depmodModulesDep(): ArrayBuffer {
  return tree == null ? new ArrayBuffer(0) : (tree as Depmod).modulesDep();
}

/** What depmod would have printed on stderr, one line each. */
export function depmodMessages(): string {
  return tree == null ? "" : (tree as Depmod).messages.join("\n");
}

/** Every module checked as modprobe would load it on `release` (a full `uname -r` or a
 *  series), against vmlinux's exports in `symvers` and the kernel's .config (either may be
 *  empty). Returns a JSON array of {path, module, level, text, id}. */
export function depmodCheck(release: string, symvers: ArrayBuffer, config: string): string {
  const w = new JsonWriter();
  w.beginArray();
  if (tree != null) {
    const d = tree as Depmod;
    const fileCfg = new KernelConfig();
    if (config.length > 0) readConfig(".config", config, fileCfg);
    let v = parseRelease(release);
    if (v == 0) v = fileCfg.release != 0 ? fileCfg.release : DEFAULT_RELEASE;
    const r = new Rules(v);
    const cfg = defaultConfig(r);
    cfg.setAll(fileCfg);
    const lcfg = new LoaderConfig();
    lcfg.modversions = cfg.isOn("MODVERSIONS");
    lcfg.sig = cfg.isOn("MODULE_SIG");
    lcfg.sigForce = cfg.isOn("MODULE_SIG_FORCE");
    lcfg.allowMissingNsImports = cfg.isOn("MODULE_ALLOW_MISSING_NAMESPACE_IMPORTS");
    if (config.length > 0) lcfg.retpoline = cfg.isOn("MITIGATION_RETPOLINE") || cfg.isOn("RETPOLINE");
    // the kernel's vermagic is what its own in-tree modules carry
    const magic = treeVermagic(d);
    lcfg.vermagic = magic.length > 0 ? magic : vermagicOf(r, release, cfg);
    const sv: Symvers | null = symvers.byteLength > 0 ? readSymvers("Module.symvers", Uint8Array.wrap(symvers)) : null;
    const problems = checkTree(d, sv, r, lcfg);
    for (let i = 0; i < problems.length; i++) {
      const p = problems[i];
      w.beginObject();
      w.keyStr("path", p.path);
      w.keyStr("module", p.module);
      w.keyInt("level", p.level);
      w.keyStr("text", p.text);
      w.keyStr("id", MSG_NAMES[p.id]);
      w.endObject();
    }
  }
  w.endArray();
  return w.toString();
}

/** One module file (decompressed) as the model describes a workspace's .ko, judged by the
 *  loader of `kernel` (a release or series; the default release when unknown). */
export function koDescribe(file: string, bytes: ArrayBuffer, kernel: string): string {
  const v = parseRelease(kernel);
  const ko = readWorkspaceKo(file, Uint8Array.wrap(bytes), new Rules(v == 0 ? DEFAULT_RELEASE : v), new Array<Finding>());
  const w = new JsonWriter();
  writeKoModule(w, ko);
  return w.toString();
}
