// The `load` reader: the shell session to simulate, one command a line.

import { Msg, Severity, Stage } from "../../shared/codes";
import { Finding, Span } from "../diagnostics";
import { splitLines, words } from "./text";

export enum Tool { Insmod, Rmmod, Modprobe, ModprobeRemove, BusyboxInsmod, BusyboxRmmod, Lsmod, Unknown }

export class LoadCommand {
  constructor(public text: string, public tool: Tool, public target: string, public span: Span) {}
}

export class LoadScript {
  commands: LoadCommand[] = [];
  findings: Finding[] = [];
}

export function readLoadScript(file: string, text: string): LoadScript {
  const out = new LoadScript();
  const lines = splitLines(text);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line.length == 0 || line.startsWith("#")) continue;
    const span = new Span(file, i + 1, 1, i + 1, lines[i].length + 1);
    let w = words(line);
    let busybox = false;
    if (w.length > 0 && w[0] == "busybox") { busybox = true; w = w.slice(1); }
    if (w.length > 0 && w[0].startsWith("/sbin/")) w[0] = w[0].substring(6);
    let tool = Tool.Unknown;
    let target = "";
    const args: string[] = [];
    let remove = false;
    for (let k = 1; k < w.length; k++) {
      if (w[k] == "-r" || w[k] == "--remove") remove = true;
      else if (w[k].startsWith("-")) continue;
      else args.push(w[k]);
    }
    if (w.length == 1 && w[0] == "lsmod") tool = Tool.Lsmod;
    else if (w.length > 0 && args.length > 0) {
      target = args[0];
      if (w[0] == "insmod") tool = busybox ? Tool.BusyboxInsmod : Tool.Insmod;
      else if (w[0] == "rmmod") tool = busybox ? Tool.BusyboxRmmod : Tool.Rmmod;
      else if (w[0] == "modprobe" && !busybox) tool = remove ? Tool.ModprobeRemove : Tool.Modprobe;
    }
    if (tool == Tool.Unknown) {
      out.findings.push(new Finding(Stage.Read, Severity.Warning, Msg.READ_LOAD_LINE,
        "not a command ksymns simulates (insmod FILE.ko, rmmod NAME, modprobe [-r] NAME, lsmod, busybox insmod FILE.ko): " + line, span));
    }
    out.commands.push(new LoadCommand(line, tool, target, span));
  }
  return out;
}
