// Phase 3 of a run: the build's units — the modules Kbuild names in obj-m and the parts of
// vmlinux in obj-y (each from one C file, or linked from several), or every C file as a
// module when there is no Kbuild — each file read by the C reader with its own flags.

import { Msg, Severity, Stage } from "../../shared/codes";
import { Finding, Span } from "../diagnostics";
import { KernelConfig } from "../source/config";
import { Kbuild, KbuildContext, KbuildModule, KbuildObject, readKbuild } from "../source/kbuild";
import { MakeFiles } from "../source/make";
import { MacroArg, ModuleSource, moduleNameOf, readToyC } from "../source/toyc";
import { CompileFlags, compileSource, KernelHeaders } from "../source/translation";
import { linkSources } from "../source/composite";
import { looksBinary } from "../source/text";
import { BuildUnit } from "../sim/build";
import { Workspace, WorkspaceFile } from "../workspace";
import { Inputs } from "./inputs";

/** The units to build, the other builds' export tables Kbuild names, and what reading found. */
export class Units {
  list: BuildUnit[] = [];
  /** KBUILD_EXTRA_SYMBOLS, as workspace paths. */
  extraSymbols: string[] = [];
  findings: Finding[] = [];
}

/** The workspace as make sees the module folder. */
class WorkspaceFiles extends MakeFiles {
  constructor(public ws: Workspace) {
    super();
  }
  read(path: string): string | null {
    const f = this.ws.find(path);
    return f == null ? null : (f as WorkspaceFile).text();
  }
  glob(pattern: string): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.ws.files.length; i++) if (globMatch(pattern, this.ws.files[i].name)) out.push(this.ws.files[i].name);
    return out;
  }
}

/** `*` matches within one path segment, `?` one character (as make's wildcard). */
function globMatch(p: string, s: string): bool {
  let i = 0,
    j = 0,
    star = -1,
    mark = 0;
  while (j < s.length) {
    if (i < p.length && (p.charCodeAt(i) == 63 || p.charCodeAt(i) == s.charCodeAt(j)) && s.charCodeAt(j) != 47) {
      i++;
      j++;
    } else if (i < p.length && p.charCodeAt(i) == s.charCodeAt(j)) {
      i++;
      j++;
    } else if (i < p.length && p.charCodeAt(i) == 42) {
      star = i++;
      mark = j;
    } else if (star >= 0 && s.charCodeAt(mark) != 47) {
      i = star + 1;
      j = ++mark;
    } else return false;
  }
  while (i < p.length && p.charCodeAt(i) == 42) i++;
  return i == p.length;
}

// A file gcc -E wrote is read as it is, kept while its text stays the same.
const preprocessedCache = new Map<string, ModuleSource>();

function readPreprocessed(file: string, text: string, def: MacroArg | null): ModuleSource {
  const key = file + "\u0000" + (def == null ? "" : (def as MacroArg).text) + "\u0000" + text;
  if (preprocessedCache.has(key)) return preprocessedCache.get(key);
  if (preprocessedCache.size > 64) preprocessedCache.clear();
  const m = readToyC(file, text, def);
  preprocessedCache.set(key, m);
  return m;
}

/** Whether a file is gcc -E output (it starts with a linemarker: `# 0 "x.c"` from gcc 12). */
function isPreprocessed(text: string): bool {
  return text.startsWith('# 0 "') || text.startsWith('# 1 "');
}

/** Reads Kbuild (if any) and the sources it names. */
export function readUnits(ws: Workspace, inp: Inputs, ctx: KbuildContext): Units {
  const out = new Units();
  const headers = new KernelHeaders(ctx.version * 100 + ctx.patchlevel, ctx.sublevel, ctx.config);
  let modules: KbuildModule[] = [];
  if (inp.kbuild != null) {
    const kb: Kbuild = readKbuild(new WorkspaceFiles(ws), ctx);
    for (let i = 0; i < kb.findings.length; i++) out.findings.push(kb.findings[i]);
    out.extraSymbols = kb.extraSymbols;
    modules = kb.modules;
  } else {
    for (let i = 0; i < inp.sources.length; i++) {
      const f = inp.sources[i].name;
      const o = f.substring(0, f.length - 2) + ".o";
      const m = new KbuildModule(o, false, Span.none());
      m.parts.push(new KbuildObject(o, f, Span.none()));
      modules.push(m);
    }
  }
  const seen = new Set<string>();
  for (let i = 0; i < modules.length; i++) {
    const m = modules[i];
    if (seen.has(m.object)) continue;
    seen.add(m.object);
    const parts: ModuleSource[] = [];
    let complete = true;
    for (let j = 0; j < m.parts.length; j++) {
      const src = readPart(ws, m, m.parts[j], headers, out.findings);
      if (src == null) complete = false;
      else parts.push(src as ModuleSource);
    }
    if (!complete || parts.length == 0) continue;
    const src = m.composite ? linkSources(m.object, parts) : parts[0];
    out.list.push(new BuildUnit(src, m.builtin, m.object, parts));
  }
  if (out.list.length == 0 && inp.modules.length == 0) {
    out.findings.push(
      new Finding(
        Stage.Read,
        Severity.Info,
        Msg.READ_NO_MODULES,
        "workspace: no module to build (add a NAME.c file, or name one in Kbuild's obj-m)",
        Span.none(),
      ),
    );
  }
  return out;
}

/** One object's source, read; null (with the finding make's error would give) when it cannot be. */
function readPart(ws: Workspace, m: KbuildModule, obj: KbuildObject, headers: KernelHeaders, findings: Finding[]): ModuleSource | null {
  const f = ws.find(obj.source);
  if (f == null) {
    const needed = m.composite ? m.object : "modules";
    findings.push(
      new Finding(
        Stage.Read,
        Severity.Error,
        Msg.READ_KBUILD_NO_SOURCE,
        "make[3]: *** No rule to make target '" +
          obj.object +
          "', needed by '" +
          needed +
          "'. (Kbuild names " +
          obj.object +
          " but there is no " +
          obj.source +
          ")",
        m.span,
      ),
    );
    return null;
  }
  const text = (f as WorkspaceFile).text();
  if (looksBinary(text)) {
    findings.push(
      new Finding(Stage.Read, Severity.Error, Msg.READ_BINARY, obj.source + ": binary data, not C source; the file is not built", Span.at(obj.source, 1)),
    );
    return null;
  }
  const src = isPreprocessed(text)
    ? readPreprocessed(obj.source, text, obj.defaultNamespace())
    : compileSource(ws, obj.source, new CompileFlags(obj, moduleNameOf(m.object), !m.builtin), headers);
  for (let k = 0; k < src.findings.length; k++) findings.push(src.findings[k]);
  return src;
}

/** What make knows of the kernel: its release and .config. */
export function kbuildContext(release: i32, uname: string, config: KernelConfig): KbuildContext {
  return new KbuildContext(uname, release / 100, release % 100, sublevelOf(uname), config);
}

/** The third number of a `uname -r` (0 when it has none). */
function sublevelOf(uname: string): i32 {
  const parts = uname.split(".");
  if (parts.length < 3) return 0;
  let n = 0;
  const s = parts[2];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) break;
    n = n * 10 + (c - 48);
  }
  return n;
}
