// The transcript: the plain-text form of a run, as `ksymns run DIR` prints it.

import { Msg, Severity, Stage } from "../shared/codes";
import { RunResult } from "./run";
import { releaseName } from "./kernel/versions";

export function renderTranscript(res: RunResult): string {
  const out: string[] = [];
  out.push("# kernel " + releaseName(res.release) + " (" + res.releaseText + ")" + (res.relaxed ? ", modules built with modpost relaxed" : ""));
  for (let i = 0; i < res.findings.length; i++) {
    const f = res.findings[i];
    // a header outside the prelude is the playground's note, not something make printed
    if (f.stage != Stage.Read || (f.id == Msg.READ_HEADER_NOT_BUILTIN && f.severity == Severity.Info)) continue;
    const where = f.span.file.length > 0 ? f.span.file + (f.span.line > 0 ? ":" + f.span.line.toString() : "") + ": " : "";
    out.push("# " + where + f.text);
  }
  out.push("== build");
  for (let i = 0; i < res.build.log.length; i++) out.push(res.build.log[i]);
  for (let u = 0; u < res.units.length; u++) {
    if (res.units[u].builtin) continue;
    const produced = u < res.build.produced.length && res.build.produced[u];
    // the file make writes keeps the object's dashes (usb-storage.ko), unlike the module name
    if (!produced) out.push("# " + res.units[u].object + ".ko: not produced");
  }
  out.push("== load");
  for (let i = 0; i < res.commands.length; i++) {
    const c = res.commands[i];
    out.push("$ " + c.cmd.text);
    for (let j = 0; j < c.stdout.length; j++) out.push(c.stdout[j]);
    for (let j = 0; j < c.stderr.length; j++) out.push(c.stderr[j]);
    for (let j = 0; j < c.kernel.length; j++) out.push("<" + c.kernel[j].level.toString() + ">" + c.kernel[j].text);
    if (c.exit != 0) out.push("[exit " + c.exit.toString() + "]");
  }
  out.push("== modules");
  for (let i = 0; i < res.modulesAtEnd.length; i++) out.push(res.modulesAtEnd[i]);
  out.push("taint " + (res.commands.length > 0 ? res.commands[res.commands.length - 1].taint : res.taintAtBoot).toString());
  return out.join("\n") + "\n";
}
