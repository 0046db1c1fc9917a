// `ksymns check`: built modules against one or more kernels' export tables — modpost's
// findings about each and what the kernel says when modprobe loads it there, in their own
// words — reported as text, JSON, GitHub workflow commands, SARIF or JUnit. Exit 0 when
// every module loads on every kernel, 1 when one would not, 2 when an input is unusable.

import { resolve } from "node:path";
import { MAX_FILE_BYTES } from "../../wasm/shared/codes";
import { createNodeEngine } from "../engine/hosts/node";
import { resolveKernels, type KernelTarget } from "./kernels";
import { InputError, readInput } from "./input";
import { allLoad, checkModules, type ModuleInput } from "./verdicts";
import { importFixes } from "./fixes";
import { SourceLocator } from "./sources";
import { FORMATS, formatReport, type Format } from "./formats";
import { escapeValue } from "./escape";
import { checkSource } from "./checksource";
import type { Io } from "./main";

interface CheckArgs {
  kernels: string[];
  symvers: string[];
  config?: string;
  sourceRoot?: string;
  /** --source: a driver's source folder instead of built modules. */
  source?: string;
  headers: boolean;
  format: Format;
  modules: string[];
}

const VALUED = new Set(["--symvers", "--kernel", "--config", "--source-root", "--source", "--format"]);

function parse(args: string[]): CheckArgs | string {
  const out: CheckArgs = { kernels: [], symvers: [], headers: true, format: "text", modules: [] };
  let options = true;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (options && a === "--") {
      options = false;
      continue;
    }
    const name = options && a.startsWith("--") ? a.split("=")[0] : "";
    if (VALUED.has(name)) {
      const v = a.includes("=") ? a.slice(a.indexOf("=") + 1) : args[++i];
      if (!v) return `ksymns check: ${name} needs a value`;
      if (name === "--symvers") out.symvers.push(v);
      else if (name === "--kernel") out.kernels.push(v);
      else if (name === "--config") out.config = v;
      else if (name === "--source-root") out.sourceRoot = v;
      else if (name === "--source") out.source = v;
      else if ((FORMATS as readonly string[]).includes(v)) out.format = v as Format;
      else return `ksymns check: --format takes ${FORMATS.join(", ")} (got ${JSON.stringify(v)})`;
    } else if (options && a === "--json") out.format = "json";
    else if (options && a === "--no-headers") out.headers = false;
    else if (options && a.startsWith("-") && a !== "-") return `ksymns check: unknown option ${JSON.stringify(a)} (see ksymns --help)`;
    else out.modules.push(a);
  }
  if (out.source !== undefined) {
    if (out.symvers.length > 0 || out.modules.length > 0 || out.sourceRoot || out.config)
      return "ksymns check --source DIR: the sources are built against built-in kernels (--kernel debian-6.12 or all), no modules, --symvers or --config beside it";
    if (out.kernels.length === 0) return "ksymns check --source DIR: which kernels? (--kernel debian-6.12, or --kernel all)";
    if (out.format !== "text" && out.format !== "json") return "ksymns check --source: --format text or json";
    return out;
  }
  if (out.symvers.length === 0 && out.kernels.length === 0)
    return "ksymns check: which kernels? (ksymns check --kernel debian-6.12 KO..., --kernel all, or --symvers Module.symvers)";
  if (out.modules.length === 0) return "ksymns check: which modules? (ksymns check --kernel all KO...)";
  return out;
}

/** Runs `ksymns check`; returns the exit status. */
export async function check(args: string[], io: Io): Promise<number> {
  const a = parse(args);
  if (typeof a === "string") {
    io.stderr.write(escapeValue(a) + "\n");
    return 2;
  }
  if (a.source !== undefined) {
    try {
      return await checkSource(a.source, a.kernels, a.format, a.headers, io);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      io.stderr.write(`ksymns check: ${escapeValue(err.message)}\n`);
      return 2;
    }
  }
  const engine = await createNodeEngine();
  try {
    const targets: KernelTarget[] = await resolveKernels(engine, { kernels: a.kernels, symvers: a.symvers, config: a.config }, io.cwd);
    const modules: ModuleInput[] = [];
    for (const path of a.modules) modules.push({ path, bytes: await readInput(resolve(io.cwd, path), path, MAX_FILE_BYTES) });
    const report = await checkModules(engine, modules, targets);
    const fixes = await importFixes(engine, report);
    const locator = a.sourceRoot ? await SourceLocator.open(engine, a.sourceRoot, io.cwd) : null;
    const locate = locator
      ? (label: string, module: string, f: Parameters<SourceLocator["locate"]>[2]) =>
          locator.locate(
            targets.find((t) => t.label === label)!,
            module,
            f,
          )
      : undefined;
    const { stdout, stderr } = await formatReport(report, a.format, fixes, locate);
    io.stderr.write(stderr);
    io.stdout.write(stdout);
    return allLoad(report) ? 0 : 1;
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    io.stderr.write(`ksymns check: ${escapeValue(err.message)}\n`);
    return 2;
  }
}
