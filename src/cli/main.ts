// `ksymns`: run a workspace folder and print its transcript (or the result as JSON).

import { resolve } from "node:path";
import { createNodeEngine } from "../engine/hosts/node";
import { readWorkspaceDir } from "./workspace-dir";
import { listPresets, runPreset } from "./presets";
import { check } from "./check";
import { deps } from "./deps";
import { corpus, SERIES } from "./corpus";
import { DEFAULT_RELEASE, knownRangeText, releaseName } from "../../wasm/shared/releases";
import { MAX_FILE_BYTES } from "../../wasm/shared/codes";
import { symvers } from "./symvers";
import { defaultHeadersDir, fetchHeaderPack, headers } from "./headers";
import { BUILTIN_NAMES } from "./kernels";
import { describeFsError, InputError, readTextInput } from "./input";
import { escapeLines, escapeValue } from "./escape";

export interface Io {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
  cwd: string;
}

export const HELP = `ksymns — Linux kernel symbol namespaces, modpost and the module loader, simulated

Usage:
  ksymns run DIR [--kernel VERSION] [--symvers FILE] [--config FILE] [--relaxed] [--no-profile] [--headers] [--json]
      Build the workspace in DIR (NAME.c files, optional Kbuild, Module.symvers, .config, load)
      as make M=DIR and modpost would, then replay its load script on a booted kernel.
      Prints the transcript: the build log, each command with what insmod/rmmod/modprobe
      printed and the kernel log lines it caused, and /proc/modules at the end.
  ksymns run --preset SLUG [--json]
      Run a preset (a real mailing-list case, see ksymns presets) on its kernel and compare
      the outcome with the one stored in its preset.json (what the real kernel did); exit 1
      and print the differences when they disagree. SLUG may also be a preset folder's path.
  ksymns presets            List the presets, one "slug<TAB>title" a line.
  ksymns check (--kernel KERNELS | --symvers FILE...) [--format FORMAT] [--source-root DIR] KO...
      Check built modules (.ko, .ko.xz, .ko.zst, .ko.gz) against kernels' export tables:
      for each module on each kernel, what modpost would say of it and what the kernel says
      when modprobe loads it there (unknown symbols, GPL-only use, namespaces not imported,
      module: exports, CRC mismatches, license, ELF structure, vermagic), in their own words;
      then the line to add for each missing namespace import, in the syntax of every kernel
      checked, and a matrix (module × kernel → loads / why not). Fit for an out-of-tree
      module's CI. Exit 0: every module loads on every kernel; 1: one would not; 2: an input
      cannot be used (the message names the file).
  ksymns check --source DIR --kernel KERNELS [--no-headers] [--json]
      Predict the build and load of a driver's sources (DIR: its .c files and Kbuild, as
      for run) on each kernel without its headers installed: the kernel's real headers come
      from its header pack (see headers; made first when not cached; --no-headers: ksymns'
      built-in ones). Prints each kernel's build log, findings and which modules load; exit
      0 when all build and load everywhere, 1 when not.
  ksymns symvers KERNEL [DIR]
      Download a Debian kernel's Module.symvers and .config (KERNEL: ${BUILTIN_NAMES[0]} and the
      like, a \`uname -r\` release, or a Debian package version) from deb.debian.org with apt-get
      into a cache (DIR, else $KSYMNS_CACHE/symvers, else ~/.cache/ksymns/symvers) and print the
      path of the Module.symvers, its .config beside it: give it to check --symvers.
  ksymns deps [--basedir DIR] RELEASE [--check [--symvers FILE] [--config FILE]] [--json] [--workers N]
      Read every module under DIR/lib/modules/RELEASE (DIR defaults to /) and print
      modules.dep exactly as \`depmod -b DIR -n RELEASE\` prints it (depmod's own messages go
      to stderr). With --check, also load each module as modprobe would on that kernel and
      print every problem the loader reports (namespace, license, CRC, structure) to
      stderr, as PATH: MESSAGE; exit 1 if there is any. vmlinux's exports come from
      --symvers, else DIR/lib/modules/RELEASE/build/Module.symvers or DIR/Module.symvers;
      the .config from --config, else DIR/boot/config-RELEASE or DIR/config (else Debian's
      defaults). Reads modules in worker threads (--workers N; 0: none; by default
      cores - 1 for compressed modules, cores - 2 for plain ones).
  ksymns corpus SERIES [DIR]
      Download a whole Debian kernel (${Object.keys(SERIES).join(", ")}: all its modules, its
      Module.symvers and .config) from deb.debian.org with apt-get into DIR (default
      $KSYMNS_CORPUS, else ~/.cache/ksymns/corpus); print its folder, which serves as
      \`ksymns deps --basedir FOLDER RELEASE\` (RELEASE is in FOLDER/release).
  ksymns headers KERNEL [DIR]
      Make a built-in profile's header pack (KERNEL: ${BUILTIN_NAMES[0]} and the like) from
      Debian's linux-headers packages, fetched with apt-get into $KSYMNS_CACHE/headers (else
      ~/.cache/ksymns/headers): the real include/ and arch/x86/include/ without comments, in
      gzip chunks with an index, in DIR/<profile>/ (default: that cache); print its folder.
      With a pack, C files are preprocessed with the real headers (npm run headers puts the
      packs in public/headers/ for the site).
  ksymns kernels            List the kernel releases the engine knows, newest first.
  ksymns --version          Print the engine version.
  ksymns --help             This text.

Options of check:
  --kernel KERNELS   Built-in Debian kernels to check against, comma-separated or repeated:
                     ${BUILTIN_NAMES.join(", ")} (or all), or any release
                     (${knownRangeText()}) as Debian's kernel of that series. With --symvers: the
                     release the tables belong to (default: the .config beside each
                     Module.symvers, else the first module's vermagic).
  --symvers FILE     A kernel's Module.symvers (repeatable: each is one kernel), with the
                     .config beside it when there is one (as in /usr/src/linux-headers-*).
  --config FILE      The .config of the one kernel checked.
  --format FORMAT    text (default), json, github (workflow commands: ::error file=…,line=…),
                     sarif (SARIF 2.1.0), junit (one test case per module × kernel).
  --json             The same as --format json.
  --source-root DIR  The modules' C sources: findings point at the source line (the use of
                     the symbol, MODULE_LICENSE, where the import goes) instead of the .ko.

Options of run:
  --kernel VERSION   Kernel release (${knownRangeText()}). Default: the .config header of DIR, else ${releaseName(DEFAULT_RELEASE)}.
                     Each release behaves as Debian's kernel of that series (with Debian's
                     backports); its default config is that kernel's.
  --symvers FILE     Build against this Module.symvers instead of DIR/Module.symvers.
  --config FILE      Use this .config (options and the release in its header).
  --relaxed          When make would refuse, build the .ko anyway as the kernel lab does
                     (KBUILD_MODPOST_WARN=1 KBUILD_NSDEPS=1, license patched for modpost only),
                     so the loader's verdict can be seen.
  --no-profile       Do not use a real Debian kernel's export table as the base kernel.
  --headers          Compile C files with the kernel's real headers (its header pack, made
                     by ksymns headers into the cache first when it is not there) instead of
                     ksymns' built-in ones.
  --json             Print the whole result as JSON (findings, build, commands, modules_at_end, model).

Exit status: 0 when the workspace was simulated (whatever the verdicts); 2 when the input
cannot be used (the message names the file and line).
`;

interface RunArgs {
  dir: string;
  preset?: string;
  kernel?: string;
  symvers?: string;
  config?: string;
  relaxed: boolean;
  profile: boolean;
  headers: boolean;
  json: boolean;
}

class UsageError extends Error {}

function parseRunArgs(args: string[]): RunArgs {
  const out: RunArgs = { dir: "", relaxed: false, profile: true, headers: false, json: false };
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
    else if (a === "--headers") out.headers = true;
    else if (a === "--json") out.json = true;
    else if (a === "--preset" || a.startsWith("--preset=")) out.preset = value();
    else if (a.startsWith("-")) throw new UsageError(`ksymns: unknown option ${a} (see ksymns --help)`);
    else if (!out.dir) out.dir = a;
    else throw new UsageError(`ksymns: one workspace folder at a time (got ${out.dir} and ${a})`);
  }
  if (out.preset !== undefined) {
    if (out.dir || out.kernel || out.symvers || out.config || out.relaxed || !out.profile || out.headers)
      throw new UsageError("ksymns run --preset: a preset brings its own files, kernel and options (only --json goes with it)");
    return out;
  }
  if (!out.dir) throw new UsageError("ksymns run: which workspace folder? (ksymns run DIR)");
  return out;
}

async function run(args: string[], io: Io): Promise<number> {
  const a = parseRunArgs(args);
  if (a.preset !== undefined) return runPreset(a.preset, a.json, io);
  const dir = resolve(io.cwd, a.dir);
  let files;
  try {
    const read = await readWorkspaceDir(dir, a.kernel);
    for (const note of read.skipped) io.stderr.write(`ksymns: ${note}\n`);
    files = read.files;
  } catch (err) {
    const why = err instanceof InputError ? err.message : describeFsError(a.dir, err);
    io.stderr.write(`ksymns: cannot read workspace folder ${escapeValue(a.dir)}: ${escapeValue(why)}\n`);
    return 2;
  }
  try {
    if (a.symvers) files["Module.symvers"] = await readTextInput(resolve(io.cwd, a.symvers), a.symvers, MAX_FILE_BYTES);
    if (a.config) files[".config"] = await readTextInput(resolve(io.cwd, a.config), a.config, MAX_FILE_BYTES);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    io.stderr.write(`ksymns: ${escapeValue(err.message)}\n`);
    return 2;
  }
  let engine = await createNodeEngine();
  if (a.headers) {
    try {
      fetchHeaderPack(engine.plan(files, { kernel: a.kernel }).profile, defaultHeadersDir(), defaultHeadersDir(), (s) =>
        io.stderr.write(`ksymns headers: ${s}\n`),
      );
    } catch (err) {
      io.stderr.write(`ksymns: no header pack: ${escapeValue((err as Error).message)}\n`);
      return 2;
    }
    engine = await createNodeEngine({ headers: defaultHeadersDir() });
  }
  const res = await engine.run(files, { kernel: a.kernel, relaxed: a.relaxed, profile: a.profile });
  const fatal = res.findings.find((f) => f.severity === "error" && (f.stage === "read" || f.stage === "internal"));
  if (fatal) {
    const where = fatal.file ? `${fatal.file}${fatal.line ? `:${fatal.line}` : ""}: ` : "";
    io.stderr.write(`ksymns: ${escapeValue(where + fatal.text)}\n`);
    return 2;
  }
  io.stdout.write(a.json ? JSON.stringify(res, null, 2) + "\n" : escapeLines(res.transcript));
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
    if (cmd === "presets") return listPresets(io);
    if (cmd === "check") return await check(rest, io);
    if (cmd === "deps") return await deps(rest, io);
    if (cmd === "corpus") return await corpus(rest, io);
    if (cmd === "symvers") return await symvers(rest, io);
    if (cmd === "headers") return await headers(rest, io);
    if (cmd === "run") return await run(rest, io);
    io.stderr.write(`ksymns: unknown command '${escapeValue(cmd)}' (see ksymns --help)\n`);
    return 2;
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(escapeValue(err.message) + "\n");
      return 2;
    }
    throw err;
  }
}
