// Phase 2 of a run: the workspace's files sorted by role (wasm/shared/files.ts): C sources,
// built modules, and the one Kbuild, Module.symvers and load script; anything else is said
// to be ignored, and a compressed module the host could not decompress within the limits is
// reported as any file over a limit.

import { Msg, Severity, Stage } from "../../shared/codes";
import { FileRole, fileRole } from "../../shared/files";
import { Finding, Span } from "../diagnostics";
import { overLimitFinding } from "../sim/koimage";
import { Workspace, WorkspaceFile } from "../workspace";
import { RunOptions } from "./options";

/** The files a run reads, by role. */
export class Inputs {
  sources: WorkspaceFile[] = [];
  modules: WorkspaceFile[] = [];
  kbuild: WorkspaceFile | null = null;
  symvers: WorkspaceFile | null = null;
  load: WorkspaceFile | null = null;
  findings: Finding[] = [];
}

/** Sorts `ws`'s files by what a run does with them. */
export function sortInputs(ws: Workspace, opt: RunOptions): Inputs {
  const inp = new Inputs();
  for (let i = 0; i < ws.files.length; i++) {
    const f = ws.files[i];
    const role = fileRole(f.name);
    if (role == FileRole.Source) inp.sources.push(f);
    else if (role == FileRole.Module) {
      const over = opt.undecoded.has(f.name) ? overLimitFinding(f.name, opt.undecoded.get(f.name)) : null;
      if (over != null) inp.findings.push(over);
      else inp.modules.push(f);
    } else if (role == FileRole.Other) {
      inp.findings.push(
        new Finding(
          Stage.Read,
          Severity.Info,
          Msg.READ_UNSUPPORTED_FILE,
          f.name + ": not a workspace file ksymns reads (*.c, Kbuild, Module.symvers, .config, load); ignored",
          Span.at(f.name, 1),
        ),
      );
    }
  }
  inp.kbuild = ws.find("Kbuild") != null ? ws.find("Kbuild") : ws.find("Makefile");
  inp.symvers = ws.find("Module.symvers");
  inp.load = ws.find("load");
  return inp;
}
