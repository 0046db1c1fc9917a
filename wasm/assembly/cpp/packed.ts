// The preprocessor over a packed workspace, as the engine's test ABI (preprocessFiles)
// offers it: files by name, options as `key=value` lines, the result as JSON. One file
// cache lives as long as the engine instance, so repeated calls measure warm runs.

import { Workspace } from "../workspace";
import { FileCache } from "./filecache";
import { FileSystem, Origin, SearchPath } from "./include";
import { IntrinsicSpec, PPOptions, preprocess } from "./preprocess";
import { resultJson } from "./serialize";

/** Files of a workspace by path: the main file is Main, paths under a `system=` prefix
 *  are System, the rest Workspace. */
class WorkspaceFiles extends FileSystem {
  private texts: Map<string, string> = new Map();
  constructor(ws: Workspace, public main: string, public system: string[]) {
    super();
    for (let i = 0; i < ws.files.length; i++) this.texts.set(ws.files[i].name, ws.files[i].text());
  }
  read(path: string): string | null { return this.texts.has(path) ? this.texts.get(path) : null; }
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
 *  `predefined=TEXT-LINE` (a line of the "<built-in>" file, repeatable),
 *  `intrinsic=NAME` or `intrinsic=NAME()` (function-like), optionally `;main,workspace`
 *  (origins whose own #define of NAME wins), `snapshot=NAME`, `attribute=NAME=N`,
 *  `builtin=NAME=N`, `warnUndef=1`, `stopAtFatal=0`, `tokens=0`, `invocations=0`. */
export function preprocessWorkspace(ws: Workspace, optionText: string): string {
  const o = new PPOptions();
  const quote: string[] = [];
  const bracket: string[] = [];
  const after: string[] = [];
  const system: string[] = [];
  const predefined: string[] = [];
  let tokens = true;
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
    else if (k == "snapshot") o.snapshots.push(v);
    else if (k == "warnUndef") o.warnUndef = v == "1";
    else if (k == "stopAtFatal") o.stopAtFatal = v != "0";
    else if (k == "tokens") tokens = v != "0";
    else if (k == "invocations") o.recordInvocations = v != "0";
    else if (k == "attribute" || k == "builtin") {
      const e = v.lastIndexOf("=");
      if (e > 0) (k == "attribute" ? o.attributes : o.builtins).set(v.substring(0, e), I32.parseInt(v.substring(e + 1)));
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
  const fs = new WorkspaceFiles(ws, o.main, system);
  const res = preprocess(preprocessorCache(), new SearchPath(fs, quote, bracket), o);
  return resultJson(res, tokens);
}
