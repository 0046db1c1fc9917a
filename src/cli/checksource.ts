// `ksymns check --source DIR --kernel KERNELS`: a driver's sources against built-in kernels
// without their headers installed: each kernel's header pack (ksymns headers, cached) stands
// for /usr/src/linux-headers-*, and the engine builds the folder as make M=DIR would, then
// loads what it built. Prints, per kernel, the build log, the findings and which modules
// load; exit 0 when everything builds and loads on every kernel, 1 when not.

import { resolve } from "node:path";
import { createNodeEngine } from "../engine/hosts/node";
import type { Finding, RunResult } from "../engine";
import { throughText } from "../engine/through";
import { readWorkspaceDir } from "./workspace-dir";
import { resolveKernels } from "./kernels";
import { defaultHeadersDir, fetchHeaderPack } from "./headers";
import { escapeLines, escapeValue } from "./escape";
import type { Io } from "./main";

/** One kernel's verdict on the sources. */
export interface SourceVerdict {
  kernel: string;
  release: string;
  /** The header pack the C files were read with ("" when none: the built-in prelude). */
  headers: string;
  builds: boolean;
  /** Every module built, and whether it was loaded at the end. */
  modules: { name: string; loaded: boolean; undefined: string[]; imports: string[]; license: string | null }[];
  findings: Finding[];
  log: string[];
}

function verdictOf(kernel: string, res: RunResult): SourceVerdict {
  const loaded = new Set(res.loaded.map((m) => m.name));
  return {
    kernel,
    release: res.kernel.release,
    headers: res.kernel.headers?.pack && res.kernel.headers.units > 0 ? res.kernel.headers.pack : "",
    builds: res.build.ok,
    modules: res.model.modules.map((m) => ({
      name: m.name,
      loaded: loaded.has(m.name),
      undefined: [...new Set(m.uses.map((u) => u.symbol))].sort(),
      imports: m.imports.map((i) => i.ns),
      license: m.license,
    })),
    findings: res.findings.filter((f) => f.severity !== "info"),
    log: res.build.log,
  };
}

function textOf(v: SourceVerdict): string {
  const lines = [
    `${v.kernel} (${v.release}, ${v.headers ? `real headers: ${v.headers}` : "ksymns' built-in headers"}): ${v.builds ? "builds" : "does not build"}`,
  ];
  for (const l of v.log) lines.push(`  ${l}`);
  for (const f of v.findings) {
    lines.push(`  ${f.file ? `${f.file}${f.line ? `:${f.line}` : ""}: ` : ""}${f.severity}: ${f.text}`);
    if (f.through?.length) lines.push(`    reached through ${throughText(f.through)}`);
  }
  for (const m of v.modules)
    lines.push(
      `  ${m.name}: ${m.loaded ? "loads" : "does not load"}; ${m.undefined.length} undefined symbols${m.imports.length ? `; imports ${m.imports.join(", ")}` : ""}`,
    );
  return lines.join("\n") + "\n";
}

/** Runs the source mode of `ksymns check`; returns the exit status. */
export async function checkSource(dir: string, kernels: string[], format: string, useHeaders: boolean, io: Io): Promise<number> {
  const read = await readWorkspaceDir(resolve(io.cwd, dir));
  for (const note of read.skipped) io.stderr.write(`ksymns check: ${escapeValue(note)}\n`);
  const plain = await createNodeEngine();
  const targets = await resolveKernels(plain, { kernels, symvers: [] }, io.cwd);
  const engine = useHeaders ? await createNodeEngine({ headers: defaultHeadersDir() }) : plain;
  const verdicts: SourceVerdict[] = [];
  for (const t of targets) {
    if (useHeaders) {
      try {
        fetchHeaderPack(engine.plan(read.files, t.options).profile, defaultHeadersDir(), defaultHeadersDir(), (s) => io.stderr.write(`ksymns headers: ${s}\n`));
      } catch (err) {
        io.stderr.write(`ksymns check: ${t.label}: no header pack (${escapeValue((err as Error).message)}); its built-in headers are used\n`);
      }
    }
    verdicts.push(verdictOf(t.label, await engine.run({ ...read.files, ...t.files }, t.options)));
  }
  if (format === "json") io.stdout.write(JSON.stringify(verdicts, null, 2) + "\n");
  else io.stdout.write(escapeLines(verdicts.map(textOf).join("")));
  return verdicts.every((v) => v.builds && v.modules.length > 0 && v.modules.every((m) => m.loaded)) ? 0 : 1;
}
