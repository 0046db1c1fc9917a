// Phase 7 of a run: the session — the `load` script (or `modprobe` of every module when there
// is none) replayed on the booted kernel, each kernel message placed where the editor can
// show it.

import { Msg, Severity, Stage } from "../../shared/codes";
import { Finding, Span } from "../diagnostics";
import { KoImage } from "../model";
import { Rules } from "../kernel/versions";
import { vermagicOf } from "../kernel/defaults";
import { KernelConfig } from "../source/config";
import { LoadCommand, LoadScript, readLoadScript, Tool } from "../source/loadscript";
import { BuildResult, BuildUnit } from "../sim/build";
import { LoaderConfig } from "../sim/loader";
import { Session } from "../sim/session";
import { CommandResult, Installed, runCommand } from "../sim/tools";
import { WorkspaceFile } from "../workspace";

/** What the loader of this kernel checks. */
export function loaderConfig(r: Rules, release: string, cfg: KernelConfig): LoaderConfig {
  const l = new LoaderConfig();
  l.vermagic = vermagicOf(r, release, cfg);
  l.modversions = cfg.isOn("MODVERSIONS");
  l.sig = cfg.isOn("MODULE_SIG");
  l.sigForce = cfg.isOn("MODULE_SIG_FORCE");
  l.allowMissingNsImports = cfg.isOn("MODULE_ALLOW_MISSING_NAMESPACE_IMPORTS");
  return l;
}

/** The commands to replay: the `load` file, else `modprobe` of each module in file order. */
export function loadScriptOf(file: WorkspaceFile | null, units: BuildUnit[], build: BuildResult, kos: KoImage[]): LoadScript {
  if (file != null) return readLoadScript("load", (file as WorkspaceFile).text());
  const script = new LoadScript();
  for (let u = 0; u < units.length; u++) {
    if (units[u].builtin) continue;
    script.commands.push(new LoadCommand("modprobe " + build.kos[u].name, Tool.Modprobe, build.kos[u].name, Span.none()));
  }
  for (let i = 0; i < kos.length; i++) {
    const name = kos[i].name;
    script.commands.push(new LoadCommand("modprobe " + name, Tool.Modprobe, name, Span.none()));
  }
  return script;
}

/** Runs every command of `script` in `session`; returns each command's record, and adds
 *  its load-stage findings to `findings`. */
export function replay(script: LoadScript, session: Session, inst: Installed, r: Rules, lcfg: LoaderConfig, findings: Finding[]): CommandResult[] {
  const out: CommandResult[] = [];
  for (let i = 0; i < script.commands.length; i++) {
    const c = runCommand(session, inst, script.commands[i], r, lcfg);
    out.push(c);
    loadFindings(findings, c, inst);
  }
  return out;
}

/** The loader's messages that refuse a module (load_module() fails after printing them), as
 *  opposed to the taint notices a module that loads may cause. */
function refusesLoad(id: i32): bool {
  return (
    id == Msg.LOAD_SIG_REJECTED ||
    id == Msg.LOAD_CRC_MISMATCH ||
    id == Msg.LOAD_NO_CRC ||
    id == Msg.LOAD_UNKNOWN_SYMBOL ||
    id == Msg.LOAD_INVALID_MODULE ||
    id == Msg.LOAD_NO_EXT_CRC ||
    id == Msg.LOAD_VERMAGIC
  );
}

/** Load-stage findings: each kernel message placed where the editor can show it. */
function loadFindings(findings: Finding[], c: CommandResult, inst: Installed): void {
  // looked up only for kernel lines to place: finding a name that is no workspace module
  // reads the installed tree's module table
  const ko = c.kernel.length > 0 ? inst.find(c.module) : null;
  let explained = c.failure >= 0;
  for (let i = 0; i < c.kernel.length; i++) if (c.kernel[i].id >= 0 && c.kernel[i].level <= 3) explained = true;
  for (let i = 0; i < c.kernel.length; i++) {
    const l = c.kernel[i];
    if (l.id < 0) continue;
    let sev = l.level <= 3 ? Severity.Error : l.level == 4 ? Severity.Warning : Severity.Info;
    // the line that refused the load counts as an error whatever its printk level (SIG_FORCE's
    // notice, a CRC mismatch's warning): a failed command is never only warnings and notes
    if (c.exit != 0 && !explained && refusesLoad(l.id)) sev = Severity.Error;
    let span = c.cmd.span;
    if (ko != null) {
      const k = ko as KoImage;
      if (l.sym.length > 0 && k.useSpans.has(l.sym)) span = k.useSpans.get(l.sym);
      else if (l.id == Msg.LOAD_DUPLICATE_EXPORT) {
        for (let j = 0; j < k.exports.length; j++)
          if (k.exports[j].symbol == l.sym) {
            span = k.exports[j].span;
            break;
          }
      }
    }
    const f = new Finding(Stage.Load, sev, l.id, l.text, span, c.module).about(l.sym, l.ns);
    if (ko != null && l.sym.length > 0 && (ko as KoImage).useThrough.has(l.sym)) f.reachedThrough((ko as KoImage).useThrough.get(l.sym));
    findings.push(f);
  }
  if (c.failure >= 0) findings.push(new Finding(Stage.Load, Severity.Error, c.failure, c.stderr.length > 0 ? c.stderr[0] : "", c.cmd.span, c.module));
  for (let i = 0; i < c.notes.length; i++) findings.push(new Finding(Stage.Load, Severity.Info, Msg.LOAD_MODINFO_PARTIAL, c.notes[i], c.cmd.span, c.module));
}
