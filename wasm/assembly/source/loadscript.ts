// The `load` reader: the shell session to simulate, one command a line.

import { Msg, Severity, Stage } from "../../shared/codes";
import { Finding, Span } from "../diagnostics";
import { splitLines, words } from "./text";

export enum Tool {
  Insmod,
  Rmmod,
  Modprobe,
  ModprobeRemove,
  BusyboxInsmod,
  BusyboxRmmod,
  Lsmod,
  Modinfo,
  Unknown,
}

export class LoadCommand {
  /** modinfo: every module argument, the one field asked for ("" for all), -0. */
  args: string[] = [];
  field: string = "";
  nul: bool = false;
  constructor(
    public text: string,
    public tool: Tool,
    public target: string,
    public span: Span,
  ) {}
}

/** kmod's modinfo options: -F FIELD (--field), -a -d -l -p -n (one field each), -0 (--null).
 *  Returns the command, or null with `why` set for options ksymns does not simulate. */
function readModinfo(line: string, w: string[], span: Span, why: string[]): LoadCommand | null {
  const c = new LoadCommand(line, Tool.Modinfo, "", span);
  for (let k = 1; k < w.length; k++) {
    const a = w[k];
    if (a == "-F" || a == "--field") {
      if (k + 1 >= w.length) {
        why.push("-F needs a field name");
        return null;
      }
      c.field = w[++k];
    } else if (a.startsWith("--field=")) c.field = a.substring(8);
    else if (a.startsWith("-F")) c.field = a.substring(2);
    else if (a == "-a" || a == "--author") c.field = "author";
    else if (a == "-d" || a == "--description") c.field = "description";
    else if (a == "-l" || a == "--license") c.field = "license";
    else if (a == "-p" || a == "--parameters") c.field = "parm";
    else if (a == "-n" || a == "--filename") c.field = "filename";
    else if (a == "-0" || a == "--null") c.nul = true;
    else if (a.startsWith("-")) {
      why.push("modinfo " + a + " is not simulated");
      return null;
    } else c.args.push(a);
  }
  if (c.args.length == 0) {
    why.push("modinfo needs a module file");
    return null;
  }
  c.target = c.args[0];
  return c;
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
    if (w.length > 0 && w[0] == "busybox") {
      busybox = true;
      w = w.slice(1);
    }
    if (w.length > 0 && w[0].startsWith("/sbin/")) w[0] = w[0].substring(6);
    if (w.length > 0 && w[0] == "modinfo" && !busybox) {
      const why: string[] = [];
      const m = readModinfo(line, w, span, why);
      if (m != null) {
        out.commands.push(m as LoadCommand);
        continue;
      }
      out.findings.push(new Finding(Stage.Read, Severity.Warning, Msg.READ_LOAD_LINE, why[0] + ": " + line, span));
      out.commands.push(new LoadCommand(line, Tool.Unknown, "", span));
      continue;
    }
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
      out.findings.push(
        new Finding(
          Stage.Read,
          Severity.Warning,
          Msg.READ_LOAD_LINE,
          "not a command ksymns simulates (insmod FILE.ko, rmmod NAME, modprobe [-r] NAME, lsmod, modinfo [-F FIELD] FILE.ko, busybox insmod FILE.ko): " + line,
          span,
        ),
      );
    }
    out.commands.push(new LoadCommand(line, tool, target, span));
  }
  return out;
}
