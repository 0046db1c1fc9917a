// Phase 3 of a run: the build's units — which C files Kbuild names as modules (obj-m) or as
// parts of vmlinux (obj-y), or every C file when there is no Kbuild — each read by the C
// reader with the DEFAULT_SYMBOL_NAMESPACE its flags give it.

import { Msg, Severity, Stage } from "../../shared/codes";
import { Finding, Span } from "../diagnostics";
import { KernelConfig } from "../source/config";
import { Kbuild, readKbuild } from "../source/kbuild";
import { MacroArg, ModuleSource, readToyC } from "../source/toyc";
import { looksBinary } from "../source/text";
import { BuildUnit } from "../sim/build";
import { Workspace, WorkspaceFile } from "../workspace";
import { Inputs } from "./inputs";

/** The units to build, and what reading Kbuild and the sources found. */
export class Units {
  list: BuildUnit[] = [];
  findings: Finding[] = [];
}

// Readers are pure: their results are kept while the input text stays the same.
const sourceCache = new Map<string, ModuleSource>();

function readSource(file: string, text: string, def: MacroArg | null): ModuleSource {
  const key = file + "\u0000" + (def == null ? "" : (def as MacroArg).text) + "\u0000" + text;
  if (sourceCache.has(key)) return sourceCache.get(key);
  if (sourceCache.size > 256) sourceCache.clear();
  const m = readToyC(file, text, def);
  sourceCache.set(key, m);
  return m;
}

/** The object file's DEFAULT_SYMBOL_NAMESPACE from Kbuild: CFLAGS_x.o, else ccflags-y unless -U. */
function defaultNamespaceOf(kb: Kbuild | null, source: string): MacroArg | null {
  if (kb == null) return null;
  const k = kb as Kbuild;
  const obj = source.substring(0, source.length - 2) + ".o";
  if (k.perFile.has(obj)) return k.perFile.get(obj);
  return k.undefinedIn.has(obj) ? null : k.defaultNs;
}

/** Reads Kbuild (if any) and the sources it names. */
export function readUnits(ws: Workspace, inp: Inputs, config: KernelConfig): Units {
  const out = new Units();
  let kb: Kbuild | null = null;
  const wanted: string[] = [];
  const builtin: bool[] = [];
  if (inp.kbuild != null) {
    const f = inp.kbuild as WorkspaceFile;
    const k = readKbuild(f.name, f.text(), config);
    for (let i = 0; i < k.findings.length; i++) out.findings.push(k.findings[i]);
    for (let i = 0; i < k.units.length; i++) {
      const src = k.units[i].source;
      if (ws.find(src) == null) {
        out.findings.push(new Finding(Stage.Read, Severity.Error, Msg.READ_KBUILD_NO_SOURCE,
          "make[3]: *** No rule to make target '" + k.units[i].object + "', needed by 'modules'. (Kbuild names " + k.units[i].object + " but there is no " + src + ")", k.units[i].span));
        continue;
      }
      if (wanted.includes(src)) continue;
      wanted.push(src);
      builtin.push(k.units[i].builtin);
    }
    kb = k;
  } else {
    for (let i = 0; i < inp.sources.length; i++) { wanted.push(inp.sources[i].name); builtin.push(false); }
  }
  for (let i = 0; i < wanted.length; i++) {
    const f = ws.find(wanted[i]) as WorkspaceFile;
    const text = f.text();
    if (looksBinary(text)) {
      out.findings.push(new Finding(Stage.Read, Severity.Error, Msg.READ_BINARY,
        f.name + ": binary data, not C source; the file is not built", Span.at(f.name, 1)));
      continue;
    }
    const src = readSource(f.name, text, defaultNamespaceOf(kb, wanted[i]));
    for (let j = 0; j < src.findings.length; j++) out.findings.push(src.findings[j]);
    out.list.push(new BuildUnit(src, builtin[i]));
  }
  if (out.list.length == 0 && inp.modules.length == 0) {
    out.findings.push(new Finding(Stage.Read, Severity.Info, Msg.READ_NO_MODULES,
      "workspace: no module to build (add a NAME.c file, or name one in Kbuild's obj-m)", Span.none()));
  }
  return out;
}
