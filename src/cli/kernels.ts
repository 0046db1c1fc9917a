// The kernels one `ksymns check` run checks against: built-in Debian profiles named on
// --kernel (debian-SERIES, all, or a release), and export tables given with --symvers (each
// one kernel, with the .config found beside it as in a headers tree). Which profiles exist
// and which stands for which release is wasm/shared's and the engine's answer.

import { basename, dirname, join, resolve } from "node:path";
import { existsSync, statSync } from "node:fs";
import { MAX_FILE_BYTES } from "../../wasm/shared/codes";
import { BUILTIN_PROFILES } from "../../wasm/shared/debian";
import { knownRangeText, releaseName } from "../../wasm/shared/releases";
import type { Engine, RunOptions, WorkspaceFiles } from "../engine";
import { InputError, readTextInput } from "./input";

/** One kernel to check against: its name in reports, the tables it brings, the engine's options. */
export interface KernelTarget {
  /** As reports name it: "debian-6.12", the Module.symvers path given, or a release. */
  label: string;
  /** Module.symvers and .config, when the kernel is an export table from disk. */
  files: WorkspaceFiles;
  options: RunOptions;
  /** The files the tables came from, as given (for reports). */
  symversPath?: string;
  configPath?: string;
  /** The release comes from the first module's vermagic (no --kernel, no .config). */
  fromVermagic: boolean;
}

/** A built-in profile: the release it stands for and the name a user gives it. */
export interface BuiltinKernel {
  name: string;
  release: string;
  profile: string;
}

/** The built-in profiles, oldest first, each named debian-SERIES after the series it is. */
export const BUILTIN_KERNELS: readonly BuiltinKernel[] = BUILTIN_PROFILES.map((p) => ({
  name: `debian-${releaseName(p.release)}`,
  release: releaseName(p.release),
  profile: p.name,
}));

/** Their names, for help texts. */
export const BUILTIN_NAMES: readonly string[] = BUILTIN_KERNELS.map((k) => k.name);

export interface KernelArgs {
  /** --kernel values, each possibly a comma-separated list. */
  kernels: string[];
  /** --symvers values, in order. */
  symvers: string[];
  /** --config, for a single kernel. */
  config?: string;
}

/** The kernels named by `kernel` values: "all", debian-RELEASE, a full profile name or a
 *  release; plain releases apart (they may instead say which release a --symvers table is). */
function splitKernels(engine: Engine, values: string[]): { builtins: BuiltinKernel[]; releases: string[] } {
  const known = BUILTIN_KERNELS;
  const releases = new Set(engine.kernels());
  const builtins: BuiltinKernel[] = [];
  const plain: string[] = [];
  const add = (k: BuiltinKernel): void => {
    if (!builtins.some((b) => b.name === k.name)) builtins.push(k);
  };
  for (const value of values) {
    for (const item of value
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean)) {
      if (item === "all") known.forEach(add);
      else {
        const named = known.find((k) => k.name === item || k.profile === item);
        if (named) add(named);
        else if (releases.has(item)) plain.push(item);
        else
          throw new InputError(
            `--kernel ${JSON.stringify(item)}: not a kernel ksymns knows (built-in: ${known.map((k) => k.name).join(", ")}, all; or a release, ${knownRangeText()}, see ksymns kernels)`,
          );
      }
    }
  }
  return { builtins, releases: [...new Set(plain)] };
}

/** The .config beside a Module.symvers, as a kernel headers tree keeps them. */
function configBeside(symvers: string): string | undefined {
  const path = join(dirname(symvers), ".config");
  try {
    return existsSync(path) && statSync(path).isFile() ? path : undefined;
  } catch {
    return undefined;
  }
}

/** Resolves the kernel options of `check` into targets, reading the tables they name. */
export async function resolveKernels(engine: Engine, args: KernelArgs, cwd: string): Promise<KernelTarget[]> {
  const { builtins, releases } = splitKernels(engine, args.kernels);
  const targets: KernelTarget[] = [];
  if (args.symvers.length > 0) {
    if (releases.length > 1) throw new InputError(`--kernel: one release for the --symvers tables at a time (got ${releases.join(", ")})`);
    for (const given of args.symvers) {
      const path = resolve(cwd, given);
      const files: WorkspaceFiles = { "Module.symvers": await readTextInput(path, given, MAX_FILE_BYTES) };
      const config = args.config ?? (releases.length === 0 ? configBeside(path) : undefined);
      const configShown = args.config ?? (config ? join(dirname(given), basename(config)) : undefined);
      if (config) files[".config"] = await readTextInput(resolve(cwd, config), configShown!, MAX_FILE_BYTES);
      targets.push({
        label: given,
        files,
        options: { kernel: releases[0], profile: false },
        symversPath: given,
        configPath: configShown,
        fromVermagic: releases.length === 0 && !config,
      });
    }
  } else {
    // without a table of its own, a plain release is the engine's kernel of that series
    for (const r of releases) builtins.push({ name: r, release: r, profile: engine.plan({}, { kernel: r, profile: true }).profile });
  }
  for (const b of builtins) {
    const files: WorkspaceFiles = {};
    if (args.config) files[".config"] = await readTextInput(resolve(cwd, args.config), args.config, MAX_FILE_BYTES);
    targets.push({ label: b.name, files, options: { kernel: b.release, profile: true }, configPath: args.config, fromVermagic: false });
  }
  if (args.config && targets.length > 1)
    throw new InputError(`--config: one .config goes with one kernel (${targets.length} are checked); give each Module.symvers its .config beside it`);
  if (targets.length === 0) throw new InputError("which kernels? (--kernel debian-6.12,debian-7.3 or --kernel all, or --symvers Module.symvers)");
  return targets;
}
