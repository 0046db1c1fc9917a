// Whether a run made without the base kernel (the light embed's run, the page's first
// verdict while the profile loads) could answer differently with it: the host then runs
// again with the profile. The answer errs towards yes.

import { KoImage } from "../model";
import { BuildResult, BuildUnit } from "../sim/build";
import { LoadScript, Tool } from "../source/loadscript";
import { Workspace } from "../workspace";
import { fileRole, FileRole } from "../../shared/files";

/** Whether the kernel's export table could change the answer: a workspace Module.symvers or
 *  .ko file (read against the kernel's), a modprobe or modinfo of anything but a module the
 *  workspace built, a call a header makes, or a use that neither a workspace module nor
 *  vmlinux's core (`core`) exports. */
export function needsTable(ws: Workspace, units: BuildUnit[], build: BuildResult, kos: KoImage[], script: LoadScript, core: Set<string>): bool {
  if (kos.length > 0) return true;
  for (let i = 0; i < ws.files.length; i++) {
    const role = fileRole(ws.files[i].name);
    if (role == FileRole.Symvers || role == FileRole.Module) return true;
  }
  const own = new Set<string>();
  const exported = new Set<string>();
  for (let u = 0; u < units.length; u++) {
    const ko = build.kos[u];
    if (build.produced[u]) own.add(ko.name);
    for (let i = 0; i < ko.exports.length; i++) exported.add(ko.exports[i].symbol);
  }
  for (let i = 0; i < script.commands.length; i++) {
    const c = script.commands[i];
    // modprobe and modinfo look in the installed tree for a name the workspace did not build
    if ((c.tool == Tool.Modprobe || c.tool == Tool.ModprobeRemove || c.tool == Tool.Modinfo) && !own.has(c.target.replaceAll("-", "_"))) return true;
  }
  for (let u = 0; u < units.length; u++) {
    const ko = build.kos[u];
    if (ko.headerCalls.length > 0) return true;
    for (let i = 0; i < ko.undefinedBySource.length; i++) {
      const sym = ko.undefinedBySource[i];
      if (!core.has(sym) && !exported.has(sym)) return true;
    }
  }
  return false;
}

/** Whether a workspace file other than .config names a CONFIG_ option: the answer may then
 *  read the kernel's .config (an #ifdef, a Kbuild's obj-$(CONFIG_…)). */
export function namesConfig(ws: Workspace): bool {
  for (let i = 0; i < ws.files.length; i++) if (ws.files[i].name != ".config" && mentionsConfig(ws.files[i].bytes)) return true;
  return false;
}

/** Whether `b` holds CONFIG_ at the start of a word. */
function mentionsConfig(b: Uint8Array): bool {
  const n = b.length - 7;
  for (let i = 0; i <= n; i++) {
    if (b[i] != 67 || b[i + 1] != 79 || b[i + 2] != 78 || b[i + 3] != 70 || b[i + 4] != 73 || b[i + 5] != 71 || b[i + 6] != 95) continue; // CONFIG_
    if (i == 0 || !isWordByte(b[i - 1])) return true;
  }
  return false;
}

function isWordByte(c: u8): bool {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 95;
}
