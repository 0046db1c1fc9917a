// The run options, as the host sends them: a container of named values (the workspace's own
// format, see workspace.ts), so every value arrives whole, whatever characters it holds.

import { Finding, Span } from "../diagnostics";
import { Msg, Severity, Stage } from "../../shared/codes";
import { unpackWorkspace } from "../workspace";

/** Options from the host. */
export class RunOptions {
  /** A release ("6.12") or a full `uname -r`; empty: the .config header, else the default. */
  kernel: string = "";
  /** Build the way the kernel lab does when make refuses (see sim/build.ts BuildOptions). */
  relaxed: bool = false;
  /** Use the base kernel profile (a real Debian kernel's export table). */
  useProfile: bool = true;
  /** Without a profile, still a kernel's vmlinux, of whose exports only the core ones are known
   *  (kernel/core.ts): the host runs so while the base kernel's table loads. */
  coreVmlinux: bool = false;
  /** CONFIG_ overrides over the workspace's .config. */
  config: Map<string, string> = new Map();
  /** Compressed modules the host did not decompress: file name → "REASON:FORMAT". */
  undecoded: Map<string, string> = new Map();
  /** Options the engine did not understand (a host bug, never user input). */
  findings: Finding[] = [];
}

/** Keys of the options container; a key carries no user text beyond its suffix. */
const KERNEL = "kernel";
const RELAXED = "relaxed";
const PROFILE = "profile";
const CONFIG = "config/";
const UNDECODED = "undecoded/";

function isConfigName(k: string): bool {
  if (!k.startsWith("CONFIG_") || k.length == 7) return false;
  for (let i = 7; i < k.length; i++) {
    const c = k.charCodeAt(i);
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c == 95)) return false;
  }
  return true;
}

/** `profile`: "0" for none, "core" for vmlinux with only its core exports, else the base kernel's. */
function readProfile(o: RunOptions, v: string): void {
  o.useProfile = v != "0" && v != "core";
  o.coreVmlinux = v == "core";
}

/** Reads the options container: `kernel`, `relaxed` ("1"), `profile` (readProfile),
 *  `config/CONFIG_X` (its value), `undecoded/FILE` ("REASON:FORMAT"). */
export function readOptions(packed: ArrayBuffer): RunOptions {
  const o = new RunOptions();
  const entries = unpackWorkspace(packed).files;
  for (let i = 0; i < entries.length; i++) {
    const k = entries[i].name,
      v = entries[i].text();
    if (k == KERNEL) o.kernel = v.trim();
    else if (k == RELAXED) o.relaxed = v == "1";
    else if (k == PROFILE) readProfile(o, v);
    else if (k.startsWith(CONFIG) && isConfigName(k.substring(CONFIG.length))) o.config.set(k.substring(CONFIG.length), v);
    else if (k.startsWith(UNDECODED)) o.undecoded.set(k.substring(UNDECODED.length), v);
    else
      o.findings.push(new Finding(Stage.Read, Severity.Warning, Msg.READ_BAD_OPTION, "option '" + k + "' is not one the engine takes; ignored", Span.none()));
  }
  return o;
}
