// `ksymns deps --basedir DIR RELEASE`: the modules.dep of a whole installed kernel, as
// `depmod -b DIR -n RELEASE` prints it; with --check, also every namespace, license, CRC and
// structure problem of every module, as the loader would report it when modprobe loads it.

import { statSync } from "node:fs";
import { join, resolve } from "node:path";
import { readKernelTree } from "../engine/tree";
import { escapeValue } from "./escape";
import { InputError, readInput, readTextInput } from "./input";
import type { Io } from "./main";

/** A whole kernel's Module.symvers or .config: Debian's are 2 MB and 300 KB. */
const TABLE_LIMIT = 64 * 1024 * 1024;

/** More worker threads than this only cost memory (each holds an engine instance). */
const MAX_WORKERS = 64;

interface DepsArgs {
  basedir: string;
  release: string;
  check: boolean;
  symvers?: string;
  config?: string;
  json: boolean;
  workers?: number;
}

function parse(args: string[]): DepsArgs | string {
  const out: DepsArgs = { basedir: "/", release: "", check: false, json: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = (): string | undefined => (a.includes("=") ? a.slice(a.indexOf("=") + 1) : args[++i]);
    const name = a.split("=")[0];
    if (name === "--basedir" || name === "-b" || name === "--symvers" || name === "--config" || name === "--workers") {
      const v = value();
      if (!v) return `ksymns deps: ${name} needs a value`;
      if (name === "--symvers") out.symvers = v;
      else if (name === "--config") out.config = v;
      else if (name === "--workers") {
        out.workers = Number(v);
        if (!/^\d+$/.test(v) || out.workers > MAX_WORKERS) return `ksymns deps: --workers takes a number from 0 (no worker threads) to ${MAX_WORKERS}`;
      } else out.basedir = v;
    } else if (a === "--check") out.check = true;
    else if (a === "--json") out.json = true;
    else if (a.startsWith("-")) return `ksymns deps: unknown option ${a} (see ksymns --help)`;
    else if (!out.release) out.release = a;
    else return `ksymns deps: one release at a time (got ${out.release} and ${a})`;
  }
  if (!out.release) return "ksymns deps: which kernel release? (ksymns deps --basedir DIR RELEASE)";
  // as depmod: a release names a folder under lib/modules, never a path out of it
  if (out.release.includes("/") || out.release === "." || out.release === "..") return `depmod: ERROR: Bad version passed ${escapeValue(out.release)}`;
  return out;
}

/** The first of these paths that is a file. */
function firstExisting(paths: string[]): string | undefined {
  return paths.find((p) => {
    try {
      return statSync(p).isFile();
    } catch {
      return false;
    }
  });
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Runs `ksymns deps`; returns the exit status. */
export async function deps(args: string[], io: Io): Promise<number> {
  const a = parse(args);
  if (typeof a === "string") {
    io.stderr.write(escapeValue(a) + "\n");
    return 2;
  }
  const basedir = resolve(io.cwd, a.basedir);
  const dirname = join(basedir, "lib/modules", a.release);
  if (!isFolder(dirname)) {
    io.stderr.write(`ksymns deps: no such folder ${escapeValue(dirname)}\n`);
    return 2;
  }
  let check: { symvers?: Uint8Array; config?: string } | undefined;
  if (a.check) {
    // vmlinux's exports: the installed headers', or a corpus folder's own copy
    const symvers = a.symvers ? resolve(io.cwd, a.symvers) : firstExisting([join(dirname, "build/Module.symvers"), join(basedir, "Module.symvers")]);
    if (!symvers) {
      io.stderr.write(
        `ksymns deps --check: vmlinux's exports are needed: give --symvers FILE (no ${join(dirname, "build/Module.symvers")} or ${join(basedir, "Module.symvers")})\n`,
      );
      return 2;
    }
    const config = a.config
      ? resolve(io.cwd, a.config)
      : firstExisting([join(basedir, "boot", `config-${a.release}`), join(basedir, "config"), join(dirname, "build/.config")]);
    try {
      check = {
        symvers: await readInput(symvers, a.symvers ?? symvers, TABLE_LIMIT),
        config: config ? await readTextInput(config, a.config ?? config, TABLE_LIMIT) : undefined,
      };
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      io.stderr.write(`ksymns deps: ${escapeValue(err.message)}\n`);
      return 2;
    }
  }
  // every path given is resolved by now: work from within the tree, where the modules are
  // opened by their short relative paths (the kernel walks a dozen fewer path components);
  // a worker thread cannot, and keeps the absolute ones
  try {
    process.chdir(dirname);
  } catch {
    // (ERR_WORKER_UNSUPPORTED_OPERATION)
  }
  const res = await readKernelTree(basedir, a.release, { check, workers: a.workers });
  if (a.json) {
    io.stdout.write(
      JSON.stringify(
        { dirname: res.dirname, modules: res.modules, ok: res.ok, messages: res.messages, modulesDep: res.modulesDep, problems: res.problems },
        null,
        2,
      ) + "\n",
    );
  } else {
    for (const m of res.messages) io.stderr.write(escapeValue(m) + "\n");
    io.stdout.write(res.modulesDep);
    for (const p of res.problems) io.stderr.write(`${escapeValue(p.path)}: ${escapeValue(p.text)}\n`);
  }
  return !res.ok || res.problems.length > 0 ? 1 : 0;
}
