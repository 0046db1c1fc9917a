// `ksymns check --symvers FILE [--kernel VERSION] [--json] KO...`: built modules against a
// kernel's export table — modpost's findings about each and what the kernel says when
// modprobe loads it there (unknown symbols, GPL-only use, namespaces, module: restrictions,
// CRCs, license, ELF structure, vermagic), in their own words. Exit 1 when any would not load.

import { readFile } from "node:fs/promises";
import { basename, resolve } from "node:path";
import { createNodeEngine } from "../engine/hosts/node";
import type { RunResult, WorkspaceFiles } from "../engine";
import type { Io } from "./main";

interface CheckArgs {
  symvers: string;
  kernel?: string;
  json: boolean;
  modules: string[];
}

function parse(args: string[]): CheckArgs | string {
  const out: CheckArgs = { symvers: "", json: false, modules: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const name = a.split("=")[0];
    if (name === "--symvers" || name === "--kernel") {
      const v = a.includes("=") ? a.slice(a.indexOf("=") + 1) : args[++i];
      if (!v) return `ksymns check: ${name} needs a value`;
      if (name === "--symvers") out.symvers = v;
      else out.kernel = v;
    } else if (a === "--json") out.json = true;
    else if (a.startsWith("-")) return `ksymns check: unknown option ${a} (see ksymns --help)`;
    else out.modules.push(a);
  }
  if (!out.symvers) return "ksymns check: which export table? (ksymns check --symvers Module.symvers KO...)";
  if (out.modules.length === 0) return "ksymns check: which modules? (ksymns check --symvers Module.symvers KO...)";
  return out;
}

interface ModuleVerdict {
  file: string;
  name: string;
  loads: boolean;
  /** What the engine could not read of the file. */
  read: string[];
  /** modpost's findings (ERROR:/WARNING: lines). */
  modpost: string[];
  /** The modprobe command's output and the kernel lines it caused. */
  stderr: string[];
  kernel: { level: number; text: string }[];
}

function verdicts(res: RunResult, files: string[]): ModuleVerdict[] {
  const kos = res.model.modules.filter((m) => m.ko);
  return kos.map((m, i) => {
    const c = res.commands[i];
    return {
      file: m.file,
      name: m.name,
      loads: !!c && c.exit === 0,
      read: res.findings.filter((f) => f.stage === "read" && f.file === files[i]).map((f) => f.text),
      modpost: res.findings.filter((f) => f.stage === "modpost" && f.module === m.name && f.file === m.file).map((f) => f.text),
      stderr: c ? c.stderr : [],
      kernel: c ? c.kernel.map((k) => ({ level: k.level, text: k.text })) : [],
    };
  });
}

/** Runs `ksymns check`; returns the exit status. */
export async function check(args: string[], io: Io): Promise<number> {
  const a = parse(args);
  if (typeof a === "string") {
    io.stderr.write(a + "\n");
    return 2;
  }
  const files: WorkspaceFiles = {};
  const names: string[] = [];
  try {
    files["Module.symvers"] = await readFile(resolve(io.cwd, a.symvers), "utf8");
    for (const m of a.modules) {
      const name = basename(m);
      if (name in files) {
        io.stderr.write(`ksymns check: two modules named ${name}\n`);
        return 2;
      }
      files[name] = new Uint8Array(await readFile(resolve(io.cwd, m)));
      names.push(name);
    }
  } catch (err) {
    io.stderr.write(`ksymns check: ${(err as Error).message}\n`);
    return 2;
  }
  const engine = await createNodeEngine();
  // the kernel: as given, else the release the first module was built for (its vermagic)
  let kernel = a.kernel;
  if (!kernel) {
    const first = await engine.describeModule(names[0], files[names[0]] as Uint8Array);
    kernel = first.modinfo?.vermagic?.[0]?.split(" ")[0] || undefined;
  }
  let res = await engine.run(files, { kernel, profile: false });
  if (!a.kernel && res.findings.some((f) => f.id === "READ_UNKNOWN_KERNEL")) res = await engine.run(files, { profile: false });
  const fatal = res.findings.find((f) => f.severity === "error" && (f.stage === "read" || f.stage === "internal"));
  if (fatal) {
    // the limits' texts start with the file name already
    const named = !fatal.file || fatal.text.startsWith(`${fatal.file}: `);
    io.stderr.write(`ksymns check: ${named ? "" : `${fatal.file}: `}${fatal.text}\n`);
    return 2;
  }
  const list = verdicts(res, names);
  if (a.json) {
    io.stdout.write(JSON.stringify({ kernel: res.kernel, modules: list }, null, 2) + "\n");
  } else {
    for (const f of res.findings) if (f.stage === "read" && f.file === "Module.symvers") io.stderr.write(`${f.file}: ${f.text}\n`);
    for (const v of list) {
      io.stdout.write(`${v.file}: ${v.name} on ${res.kernel.version} (${res.kernel.release}): ${v.loads ? "loads" : "would not load"}\n`);
      for (const t of v.read) io.stdout.write(`  ${t}\n`);
      for (const t of v.modpost) io.stdout.write(`  ${t}\n`);
      for (const t of v.stderr) io.stdout.write(`  ${t}\n`);
      for (const k of v.kernel) io.stdout.write(`  <${k.level}>${k.text}\n`);
    }
  }
  return list.every((v) => v.loads) ? 0 : 1;
}
