// The preprocessor over a packed workspace, as the engine's test ABI (preprocessFiles)
// offers it: files by name, options as `key=value` lines, the result as JSON. One file
// cache lives as long as the engine instance, so repeated calls measure warm runs.

import { FileCache } from "./filecache";
import { FileSystem, Origin, SearchPath } from "./include";
import { IntrinsicSpec, PPOptions, preprocess } from "./preprocess";
import { resultJson } from "./serialize";
import { useGccKbuild } from "./gcc";
import { PPResult } from "./result";
import { PPCode, PPDiagnostic, PPSeverity } from "./diagnostic";

/** The most files and bytes the test ABI takes (a driver with its real headers is
 *  ~1,500 files and ~15 MB). */
export const MAX_PACKED_FILES = 65536;
export const MAX_PACKED_BYTES = 256 * 1024 * 1024;

/** Files of a packed container (the engine's workspace format) by path: the main file is
 *  Main, paths under a `system=` prefix are System, the rest Workspace. */
class PackedFiles extends FileSystem {
  private texts: Map<string, string> = new Map();
  /** Why the container was not read whole ("" when it was). */
  problem: string = "";

  constructor(
    buf: ArrayBuffer,
    public main: string,
    public system: string[],
  ) {
    super();
    this.unpack(buf);
  }

  private unpack(buf: ArrayBuffer): void {
    const b = Uint8Array.wrap(buf);
    const n = b.length;
    if (n > MAX_PACKED_BYTES) {
      this.problem = "more than " + MAX_PACKED_BYTES.toString() + " bytes";
      return;
    }
    if (n < 4) return;
    const count = u32At(b, 0);
    let p = 4;
    for (let i: u32 = 0; i < count; i++) {
      if (i >= <u32>MAX_PACKED_FILES) {
        this.problem = "more than " + MAX_PACKED_FILES.toString() + " files";
        return;
      }
      if (p + 4 > n) break;
      const nl = <i32>u32At(b, p);
      p += 4;
      if (nl < 0 || nl > 4096 || p + nl > n) break;
      const name = String.UTF8.decodeUnsafe(b.dataStart + p, nl);
      p += nl;
      if (p + 4 > n) break;
      const dl = <i32>u32At(b, p);
      p += 4;
      if (dl < 0 || p + dl > n) break;
      this.texts.set(name, String.UTF8.decodeUnsafe(b.dataStart + p, dl));
      p += dl;
    }
  }
  read(path: string): string | null {
    return this.texts.has(path) ? this.texts.get(path) : null;
  }
  layout(): string {
    return ""; // a fresh container each call: no search is taken as known
  }
  originOf(path: string): Origin {
    if (path == this.main) return Origin.Main;
    for (let i = 0; i < this.system.length; i++) if (path.startsWith(this.system[i])) return Origin.System;
    return Origin.Workspace;
  }
}

let cache: FileCache | null = null;

/** The engine's preprocessor cache (kept between calls). */
export function preprocessorCache(): FileCache {
  if (cache == null) cache = new FileCache();
  return cache as FileCache;
}

/** Preprocesses a workspace. Options, one a line:
 *  `main=PATH`, `include=PATH` (-include, repeatable), `D=NAME[=VALUE]`, `U=NAME`,
 *  `iquote=DIR`, `I=DIR`, `isystem=DIR`, `idirafter=DIR`, `system=PREFIX`,
 *  `predefined=TEXT-LINE` (a line of the "<built-in>" file, repeatable), `compiler=gcc-kbuild`
 *  (gcc's predefined macros and __has_ answers for kbuild, cpp/gcc.ts),
 *  `intrinsic=NAME` or `intrinsic=NAME()` (function-like), optionally `;main,workspace`
 *  (origins whose own #define of NAME wins), `snapshot=NAME`, `attribute=NAME=N`,
 *  `builtin=NAME=N`, `macroPrefixMap=OLD=NEW`, `warnUndef=1`, `stopAtFatal=0`, `tokens=0`, `text=0`, `definitions=0`, `invocations=0`, `resume=0`,
 *  `unit=NAME` (a -D name whose value is the unit's own: PPOptions.unitDefines). */
export function preprocessPacked(packed: ArrayBuffer, optionText: string): string {
  const o = new PPOptions();
  const quote: string[] = [];
  const bracket: string[] = [];
  const after: string[] = [];
  const system: string[] = [];
  const predefined: string[] = [];
  let tokens = true;
  let text = true;
  let definitions = true;
  const lines = optionText.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const eq = line.indexOf("=");
    if (eq <= 0) continue;
    const k = line.substring(0, eq);
    const v = line.substring(eq + 1);
    if (k == "main") o.main = v;
    else if (k == "include") o.forced.push(v);
    else if (k == "D") o.addDefine(v);
    else if (k == "U") o.addUndef(v);
    else if (k == "iquote") quote.push(v);
    else if (k == "I" || k == "isystem") bracket.push(v);
    else if (k == "idirafter") after.push(v);
    else if (k == "system") system.push(v);
    else if (k == "predefined") predefined.push(v);
    else if (k == "compiler" && v == "gcc-kbuild") useGccKbuild(o);
    else if (k == "snapshot") o.snapshots.push(v);
    else if (k == "macroPrefixMap") o.macroPrefixMap.push(v);
    else if (k == "warnUndef") o.warnUndef = v == "1";
    else if (k == "stopAtFatal") o.stopAtFatal = v != "0";
    else if (k == "tokens") tokens = v != "0";
    else if (k == "text") text = v != "0";
    else if (k == "definitions") definitions = v != "0";
    else if (k == "invocations") o.recordInvocations = v != "0";
    else if (k == "resume") o.resume = v != "0";
    else if (k == "unit") o.unitDefines.push(v);
    else if (k == "attribute" || k == "builtin") {
      const e = v.lastIndexOf("=");
      if (e > 0) {
        o.answers = o.answers.own();
        (k == "attribute" ? o.answers.attributes : o.answers.builtins).set(v.substring(0, e), I32.parseInt(v.substring(e + 1)));
      }
    } else if (k == "intrinsic") {
      const semi = v.indexOf(";");
      let name = semi < 0 ? v : v.substring(0, semi);
      let mask = 0;
      if (semi >= 0) {
        const origins = v.substring(semi + 1).split(",");
        for (let j = 0; j < origins.length; j++) {
          if (origins[j] == "main") mask |= 1 << Origin.Main;
          else if (origins[j] == "workspace") mask |= 1 << Origin.Workspace;
          else if (origins[j] == "system") mask |= 1 << Origin.System;
        }
      }
      const fun = name.endsWith("()");
      if (fun) name = name.substring(0, name.length - 2);
      o.intrinsics.push(new IntrinsicSpec(name, fun, mask));
    }
  }
  for (let i = 0; i < after.length; i++) bracket.push(after[i]);
  if (predefined.length > 0) o.predefined = predefined.join("\n") + "\n";
  const fs = new PackedFiles(packed, o.main, system);
  if (fs.problem.length > 0) {
    const res = new PPResult(preprocessorCache().atoms);
    res.diagnostics.push(
      new PPDiagnostic(
        PPCode.LIMIT_EXCEEDED,
        PPSeverity.Fatal,
        "the files passed hold " + fs.problem + ", more than the preprocessor's test interface reads",
        -1,
        0,
        0,
        0,
        0,
      ),
    );
    res.errorCount = 1;
    res.stopped = true;
    return resultJson(res, tokens);
  }
  const res = preprocess(preprocessorCache(), new SearchPath(fs, quote, bracket), o);
  return resultJson(res, tokens, text, definitions);
}

function u32At(b: Uint8Array, p: i32): u32 {
  return (<u32>b[p]) | ((<u32>b[p + 1]) << 8) | ((<u32>b[p + 2]) << 16) | ((<u32>b[p + 3]) << 24);
}
