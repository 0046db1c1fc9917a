// Phase 5 of a run: the workspace's real .ko files — read as the loader will see them, and
// checked by modpost against the kernel's table and the modules the workspace builds.

import { Export, KoImage } from "../model";
import { Finding } from "../diagnostics";
import { Rules } from "../kernel/versions";
import { KoFile } from "../source/ko";
import { BuildResult } from "../sim/build";
import { checkBuiltKo } from "../sim/kocheck";
import { readWorkspaceKo } from "../sim/koimage";
import { SymbolTable } from "../sim/symtab";
import { WorkspaceFile } from "../workspace";
import { RunOptions } from "./options";
import { Tables } from "./tables";

/** Each module file as the loader sees it; what cannot be read goes to `findings`. */
export function readModuleFiles(files: WorkspaceFile[], r: Rules, opt: RunOptions, findings: Finding[]): KoImage[] {
  const out: KoImage[] = [];
  for (let i = 0; i < files.length; i++) {
    const name = files[i].name;
    out.push(readWorkspaceKo(name, files[i].bytes, r, findings, opt.undecoded.has(name) ? opt.undecoded.get(name) : ""));
  }
  return out;
}

/** modpost's verdict on each readable .ko, against the tables and what the build produced. */
export function checkModuleFiles(kos: KoImage[], build: BuildResult, t: Tables, r: Rules, allowMissingNsImports: bool): Finding[] {
  const out: Finding[] = [];
  if (kos.length == 0) return out;
  const built = new Map<string, Export>();
  for (let u = 0; u < build.kos.length; u++)
    for (let i = 0; i < build.kos[u].exports.length; i++) built.set(build.kos[u].exports[i].symbol, build.kos[u].exports[i]);
  const kt = new SymbolTable().under(built).underAll(t.base);
  for (let i = 0; i < kos.length; i++) {
    const ko = kos[i];
    if (ko.real == null || (ko.real as KoFile).error.length != 0) continue;
    const fs = checkBuiltKo(ko, kt, t.hasVmlinux, r, allowMissingNsImports);
    for (let j = 0; j < fs.length; j++) out.push(fs[j]);
  }
  return out;
}
