// `ksymns`: run a workspace folder and print its transcript (or the result as JSON).

import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { createNodeEngine } from "../engine/node";
import { readWorkspaceDir } from "./workspace-dir";

export interface Io {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
  cwd: string;
}

export const HELP = `ksymns — Linux kernel symbol namespaces, modpost and the module loader, simulated

Usage:
  ksymns run DIR [--kernel VERSION] [--symvers FILE] [--config FILE] [--relaxed] [--no-profile] [--json]
      Build the workspace in DIR (NAME.c files, optional Kbuild, Module.symvers, .config, load)
      as make M=DIR and modpost would, then replay its load script on a booted kernel.
      Prints the transcript: the build log, each command with what insmod/rmmod/modprobe
      printed and the kernel log lines it caused, and /proc/modules at the end.
  ksymns kernels            List the kernel releases the engine knows, newest first.
  ksymns --version          Print the engine version.
  ksymns --help             This text.

Options of run:
  --kernel VERSION   Kernel release (5.4 … 7.3). Default: the .config header of DIR, else 6.12.
                     Each release behaves as Debian's kernel of that series (6.12 carries
                     Debian's backports); its default config is Debian's.
  --symvers FILE     Build against this Module.symvers instead of DIR/Module.symvers.
  --config FILE      Use this .config (options and the release in its header).
  --relaxed          When make would refuse, build the .ko anyway as the kernel lab does
                     (KBUILD_MODPOST_WARN=1 KBUILD_NSDEPS=1, license patched for modpost only),
                     so the loader's verdict can be seen.
  --no-profile       Do not use a real Debian kernel's export table as the base kernel.
  --json             Print the whole result as JSON (findings, build, commands, modules_at_end, model).

Exit status: 0 when the workspace was simulated (whatever the verdicts); 2 when the input
cannot be used (the message names the file and line).
`;

interface RunArgs {
  dir: string;
  kernel?: string;
  symvers?: string;
  config?: string;
  relaxed: boolean;
  profile: boolean;
  json: boolean;
}

class UsageError extends Error {}

function parseRunArgs(args: string[]): RunArgs {
  const out: RunArgs = { dir: "", relaxed: false, profile: true, json: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = (): string => {
      const v = a.includes("=") ? a.slice(a.indexOf("=") + 1) : args[++i];
      if (v === undefined || v === "") throw new UsageError(`ksymns: ${a.split("=")[0]} needs a value`);
      return v;
    };
    if (a === "--kernel" || a.startsWith("--kernel=")) out.kernel = value();
    else if (a === "--symvers" || a.startsWith("--symvers=")) out.symvers = value();
    else if (a === "--config" || a.startsWith("--config=")) out.config = value();
    else if (a === "--relaxed") out.relaxed = true;
    else if (a === "--no-profile") out.profile = false;
    else if (a === "--json") out.json = true;
    else if (a.startsWith("-")) throw new UsageError(`ksymns: unknown option ${a} (see ksymns --help)`);
    else if (!out.dir) out.dir = a;
    else throw new UsageError(`ksymns: one workspace folder at a time (got ${out.dir} and ${a})`);
  }
  if (!out.dir) throw new UsageError("ksymns run: which workspace folder? (ksymns run DIR)");
  return out;
}

async function run(args: string[], io: Io): Promise<number> {
  const a = parseRunArgs(args);
  const dir = resolve(io.cwd, a.dir);
  let files;
  try {
    files = await readWorkspaceDir(dir, a.kernel);
  } catch (err) {
    io.stderr.write(`ksymns: cannot read workspace folder ${a.dir}: ${(err as Error).message}\n`);
    return 2;
  }
  if (a.symvers) files["Module.symvers"] = await readFile(resolve(io.cwd, a.symvers), "utf8");
  if (a.config) files[".config"] = await readFile(resolve(io.cwd, a.config), "utf8");
  const engine = await createNodeEngine();
  const res = await engine.run(files, { kernel: a.kernel, relaxed: a.relaxed, profile: a.profile });
  const fatal = res.findings.find((f) => f.severity === "error" && (f.stage === "read" || f.stage === "internal"));
  if (fatal) {
    const where = fatal.file ? `${fatal.file}${fatal.line ? `:${fatal.line}` : ""}: ` : "";
    io.stderr.write(`ksymns: ${where}${fatal.text}\n`);
    return 2;
  }
  io.stdout.write(a.json ? JSON.stringify(res, null, 2) + "\n" : res.transcript);
  return 0;
}

/** Runs the CLI; returns the exit status. */
export async function main(argv: string[], io: Io): Promise<number> {
  const [cmd, ...rest] = argv;
  try {
    if (!cmd || cmd === "--help" || cmd === "-h" || cmd === "help") {
      io.stdout.write(HELP);
      return cmd ? 0 : 2;
    }
    if (cmd === "--version" || cmd === "-V") {
      const engine = await createNodeEngine();
      io.stdout.write(`ksymns ${engine.version()}\n`);
      return 0;
    }
    if (cmd === "kernels") {
      const engine = await createNodeEngine();
      io.stdout.write(engine.kernels().join("\n") + "\n");
      return 0;
    }
    if (cmd === "run") return await run(rest, io);
    io.stderr.write(`ksymns: unknown command '${cmd}' (see ksymns --help)\n`);
    return 2;
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(err.message + "\n");
      return 2;
    }
    throw err;
  }
}
