// Built modules checked against several kernels: one engine run per kernel (the modules as
// a workspace, modprobed in order), and per module × kernel what modpost says of it and what
// the kernel says when modprobe loads it. The verdicts are the engine's; this file only
// groups them by module and kernel for the report formats.

import type { Engine, Finding, RunResult, WorkspaceFiles } from "../engine";
import type { KernelTarget } from "./kernels";
import { InputError } from "./input";

/** A module file to check: the path as given, and its bytes. */
export interface ModuleInput {
  path: string;
  bytes: Uint8Array;
}

/** One kernel of a report: how the user named it and what the engine made of it. */
export interface KernelInfo {
  label: string;
  /** The release's series (e.g. "6.12") and its `uname -r`. */
  version: string;
  release: string;
  /** The built-in profile used as the base kernel ("" for a --symvers table). */
  profile: string;
  symvers?: string;
  config?: string;
  /** How the release wants a namespace written (the engine's rule). */
  namespaceForm: "string" | "identifier";
}

/** One module on one kernel. */
export interface Verdict {
  /** The label of the kernel. */
  kernel: string;
  loads: boolean;
  /** What could not be read of the file. */
  read: string[];
  /** modpost's ERROR:/WARNING: lines. */
  modpost: string[];
  /** What modprobe printed, and the kernel log lines the load caused. */
  stderr: string[];
  log: { level: number; text: string; id?: string }[];
  /** Every finding about this module, as the engine gives it. */
  findings: Finding[];
}

export interface ModuleReport {
  /** The path as given. */
  path: string;
  /** The workspace name (the file's base name) and the module's name. */
  file: string;
  name: string;
  results: Verdict[];
}

/** A finding about a kernel's own input (a malformed Module.symvers line, a .config line). */
export interface InputNote {
  kernel: string;
  /** The path as given, and the finding. */
  path: string;
  finding: Finding;
}

export interface CheckReport {
  format: 1;
  engine: string;
  kernels: KernelInfo[];
  modules: ModuleReport[];
  inputs: InputNote[];
}

/** The printable form of a vermagic's first word, or undefined: only what a release can look
 *  like goes on as the engine's `kernel` option. */
function vermagicRelease(engine: Engine, first: Awaited<ReturnType<Engine["describeModule"]>>): string | undefined {
  const word = first.modinfo?.vermagic?.[0]?.split(" ")[0] ?? "";
  return /^[\x21-\x7e]{1,64}$/.test(word) ? word : undefined;
}

function fatalOf(res: RunResult): Finding | undefined {
  return res.findings.find(
    (f) => f.severity === "error" && (f.stage === "read" || f.stage === "internal") && f.file !== "Module.symvers" && f.file !== ".config",
  );
}

/** Checks the modules against each kernel. Throws InputError when an input cannot be used
 *  (a module over the limits, an engine failure), naming the file. */
export async function checkModules(engine: Engine, modules: ModuleInput[], targets: KernelTarget[]): Promise<CheckReport> {
  const names: string[] = [];
  const workspace: WorkspaceFiles = {};
  for (const m of modules) {
    const name = m.path.split(/[\\/]/).at(-1) ?? m.path;
    if (name in workspace || name === "Module.symvers" || name === ".config") throw new InputError(`two modules named ${name}`);
    workspace[name] = m.bytes;
    names.push(name);
  }
  let vermagic: string | undefined;
  if (targets.some((t) => t.fromVermagic)) vermagic = vermagicRelease(engine, await engine.describeModule(names[0], modules[0].bytes));

  const kernels: KernelInfo[] = [];
  const reports: ModuleReport[] = [];
  const inputs: InputNote[] = [];
  for (const t of targets) {
    const files = { ...workspace, ...t.files };
    const options = t.fromVermagic && vermagic ? { ...t.options, kernel: vermagic } : t.options;
    let res = await engine.run(files, options);
    if (t.fromVermagic && res.findings.some((f) => f.id === "READ_UNKNOWN_KERNEL")) res = await engine.run(files, t.options);
    const fatal = fatalOf(res);
    if (fatal) {
      // the limits' texts start with the file name already
      const named = !fatal.file || fatal.text.startsWith(`${fatal.file}: `);
      throw new InputError(`${named ? "" : `${fatal.file}: `}${fatal.text}`);
    }
    kernels.push({
      label: t.label,
      version: res.kernel.version,
      release: res.kernel.release,
      profile: res.kernel.profileName,
      symvers: t.symversPath,
      config: t.configPath,
      namespaceForm: res.kernel.syntax.namespace,
    });
    for (const f of res.findings) {
      if (f.file === "Module.symvers" && t.symversPath) inputs.push({ kernel: t.label, path: t.symversPath, finding: f });
      else if (f.file === ".config" && t.configPath) inputs.push({ kernel: t.label, path: t.configPath, finding: f });
    }
    const kos = res.model.modules.filter((m) => m.ko);
    kos.forEach((m, i) => {
      const c = res.commands[i];
      const mine = (f: Finding): boolean => f.file === names[i] || (f.file === "" && f.module === m.name) || (f.module === m.name && f.file === m.file);
      const verdict: Verdict = {
        kernel: t.label,
        loads: !!c && c.exit === 0,
        read: res.findings.filter((f) => f.stage === "read" && f.file === names[i]).map((f) => f.text),
        modpost: res.findings.filter((f) => f.stage === "modpost" && f.module === m.name && f.file === m.file).map((f) => f.text),
        stderr: c ? c.stderr : [],
        log: c ? c.kernel.map((k) => ({ level: k.level, text: k.text, ...(k.id ? { id: k.id } : {}) })) : [],
        findings: res.findings.filter(mine),
      };
      let r = reports[i];
      if (!r) r = reports[i] = { path: modules[i].path, file: names[i], name: m.name, results: [] };
      r.results.push(verdict);
    });
  }
  return { format: 1, engine: engine.version(), kernels, modules: reports, inputs };
}

/** Why a module would not load: the kernel's first error line (KERN_ERR or worse), else its
 *  first line about a symbol (a refused CRC or an unknown symbol is a KERN_WARNING, and the
 *  CRC comes first), else its last line, else modpost's first error; with the finding of that
 *  id. Null when it loads. */
export function refusal(v: Verdict): { id: string; text: string; finding?: Finding } | null {
  if (v.loads) return null;
  const aboutSymbol = (id?: string): boolean => v.findings.some((f) => f.id === id && f.stage === "load" && !!f.symbol);
  const line = v.log.find((l) => l.level <= 3 && l.id) ?? v.log.find((l) => aboutSymbol(l.id)) ?? [...v.log].reverse().find((l) => l.id);
  const error = v.findings.find((f) => f.severity === "error");
  const id = line?.id ?? error?.id;
  if (!id) return { id: "LOAD", text: v.stderr[0] ?? "would not load" };
  return { id, text: line?.text ?? error!.text, finding: v.findings.find((f) => f.id === id) };
}

/** Whether every module loads on every kernel. */
export function allLoad(report: CheckReport): boolean {
  return report.modules.every((m) => m.results.every((v) => v.loads));
}
