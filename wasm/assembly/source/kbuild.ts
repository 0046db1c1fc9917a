// The Kbuild reader: obj-m / obj-y units and the flags that matter for exports
// (-DDEFAULT_SYMBOL_NAMESPACE from ccflags-y or CFLAGS_<file>.o), as scripts/Makefile.build reads them.

import { Msg, Severity, Stage } from "../../shared/codes";
import { Finding, Span } from "../diagnostics";
import { argFromText, MacroArg } from "./toyc";
import { shellWords, splitLines } from "./text";
import { KernelConfig } from "./config";

/** One object named in obj-m or obj-y. */
export class KbuildUnit {
  constructor(public object: string, public builtin: bool, public span: Span) {}
  get source(): string { return this.object.substring(0, this.object.length - 2) + ".c"; }
}

export class Kbuild {
  units: KbuildUnit[] = [];
  /** DEFAULT_SYMBOL_NAMESPACE for every C file of this folder (ccflags-y). */
  defaultNs: MacroArg | null = null;
  /** DEFAULT_SYMBOL_NAMESPACE per object (CFLAGS_x.o), overriding ccflags-y. */
  perFile: Map<string, MacroArg> = new Map();
  /** Objects whose CFLAGS_x.o removed DEFAULT_SYMBOL_NAMESPACE with -U. */
  undefinedIn: Set<string> = new Set();
  findings: Finding[] = [];
}

const DEFINE = "-DDEFAULT_SYMBOL_NAMESPACE=";

/** Reads a Kbuild (or Makefile) text. `config` decides obj-$(CONFIG_X). */
export function readKbuild(file: string, text: string, config: KernelConfig): Kbuild {
  const kb = new Kbuild();
  const raw = splitLines(text);
  // join backslash continuations, remembering the first line of each statement
  const lines: string[] = [];
  const lineNos: i32[] = [];
  let acc = "";
  let first = 0;
  for (let i = 0; i < raw.length; i++) {
    let l = raw[i];
    if (acc.length == 0) first = i + 1;
    const hash = commentStart(l);
    if (hash >= 0) l = l.substring(0, hash);
    if (l.endsWith("\\")) { acc += l.substring(0, l.length - 1) + " "; continue; }
    acc += l;
    lines.push(acc); lineNos.push(first);
    acc = "";
  }
  if (acc.length > 0) { lines.push(acc); lineNos.push(first); }

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    const no = lineNos[i];
    if (line.length == 0) continue;
    let op = line.indexOf("+=");
    let opLen = 2;
    if (op < 0) { op = line.indexOf(":="); }
    if (op < 0) { op = line.indexOf("?="); }
    if (op < 0) { op = line.indexOf("="); opLen = 1; }
    if (op <= 0) {
      kb.findings.push(new Finding(Stage.Read, Severity.Warning, Msg.READ_KBUILD_LINE,
        "line not understood (expected VARIABLE += value): " + line, Span.at(file, no)));
      continue;
    }
    const name = line.substring(0, op).trim();
    const value = line.substring(op + opLen).trim();
    const span = new Span(file, no, 1, no, lines[i].length + 1);
    let target = name;
    if (name.startsWith("obj-$(") && name.endsWith(")")) {
      const opt = name.substring(6, name.length - 1);
      const v = config.get(opt);
      target = v == "y" ? "obj-y" : v == "m" ? "obj-m" : "";
      if (target.length == 0) {
        kb.findings.push(new Finding(Stage.Read, Severity.Info, Msg.READ_KBUILD_LINE,
          opt + " is not set to y or m in .config, so these objects are not built", span));
        continue;
      }
    }
    if (target == "obj-m" || target == "obj-y") {
      const objs = shellWords(value);
      for (let j = 0; j < objs.length; j++) {
        const o = objs[j];
        if (!o.endsWith(".o")) {
          kb.findings.push(new Finding(Stage.Read, Severity.Warning, Msg.READ_KBUILD_LINE,
            target + " entry '" + o + "' is not an object file (NAME.o); subfolders are not supported", span));
          continue;
        }
        kb.units.push(new KbuildUnit(o, target == "obj-y", span));
      }
      continue;
    }
    if (target == "ccflags-y" || target == "EXTRA_CFLAGS" || target == "subdir-ccflags-y" || (target.startsWith("CFLAGS_") && target.endsWith(".o"))) {
      const flags = shellWords(value);
      for (let j = 0; j < flags.length; j++) {
        const f = flags[j];
        let arg: MacroArg | null = null;
        let undef = false;
        if (f.startsWith(DEFINE)) arg = argFromText(f.substring(DEFINE.length), span);
        else if (f == "-DDEFAULT_SYMBOL_NAMESPACE") arg = argFromText("1", span);
        else if (f == "-UDEFAULT_SYMBOL_NAMESPACE") undef = true;
        else continue;
        if (target.startsWith("CFLAGS_")) {
          const obj = target.substring(7);
          if (undef) kb.undefinedIn.add(obj); else kb.perFile.set(obj, arg as MacroArg);
        } else if (!undef) kb.defaultNs = arg;
        else kb.defaultNs = null;
      }
      continue;
    }
    if (target.endsWith("-y") || target.endsWith("-objs")) {
      kb.findings.push(new Finding(Stage.Read, Severity.Warning, Msg.READ_KBUILD_LINE,
        "composite modules (" + target + ") are not supported; each NAME.c is one module", span));
      continue;
    }
    // other assignments (asflags, ldflags, KBUILD_EXTRA_SYMBOLS, ...) do not affect symbols
  }
  return kb;
}

function commentStart(l: string): i32 {
  let inSingle = false, inDouble = false;
  for (let i = 0; i < l.length; i++) {
    const c = l.charCodeAt(i);
    if (c == 39 && !inDouble) inSingle = !inSingle;
    else if (c == 34 && !inSingle) inDouble = !inDouble;
    else if (c == 35 && !inSingle && !inDouble) return i;
  }
  return -1;
}
