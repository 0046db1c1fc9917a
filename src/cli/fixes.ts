// Fix suggestions for missing namespace imports, in the syntax of every kernel checked: the
// line to add when all of them write a namespace alike, else a LINUX_VERSION_CODE block that
// switches at the release where the engine's namespace form changes. The form of each
// release is the engine's answer (result.kernel.syntax.namespace); nothing here knows it.

import type { Engine } from "../engine";
import { writeNamespace, type NamespaceForm } from "../engine";
import type { CheckReport, KernelInfo } from "./verdicts";

/** The import a module lacks, and the source text that adds it on every kernel checked. */
export interface ImportFix {
  /** The module's workspace file name and module name. */
  file: string;
  module: string;
  ns: string;
  /** The kernels (labels) on which it is missing. */
  missingOn: string[];
  /** The lines to add after MODULE_LICENSE (several when the block is needed). */
  lines: string[];
}

const NS_IDS = new Set(["LOAD_NS_NOT_IMPORTED", "MODPOST_NS_NOT_IMPORTED"]);

/** The engine's namespace form of each release, asked once each (an empty run of that release). */
function formAsker(engine: Engine): (release: string) => Promise<NamespaceForm> {
  const known = new Map<string, NamespaceForm>();
  return async (release) => {
    let form = known.get(release);
    if (!form) {
      form = (await engine.run({}, { kernel: release, profile: false })).kernel.syntax.namespace;
      known.set(release, form);
    }
    return form;
  };
}

/** KERNEL_VERSION(a,b,0) of a series as the engine names it ("6.13"). */
function kernelVersionMacro(series: string): string {
  return `KERNEL_VERSION(${series.split(".").join(",")},0)`;
}

/** The import line(s) valid on every kernel of `kernels` (their versions, any order). */
async function importLines(engine: Engine, ns: string, kernels: KernelInfo[]): Promise<string[]> {
  const write = (form: NamespaceForm): string => `MODULE_IMPORT_NS(${writeNamespace(ns, form)});`;
  const forms = new Set(kernels.map((k) => k.namespaceForm));
  if (forms.size === 1) return [write(kernels[0].namespaceForm)];
  // the releases the engine knows, oldest first; where between the oldest and the newest
  // checked one the form changes, the block switches
  const order = [...engine.kernels()].reverse();
  const at = (k: KernelInfo): number => order.indexOf(k.version);
  const positions = kernels.map(at).filter((i) => i >= 0);
  const lo = Math.min(...positions);
  const hi = Math.max(...positions);
  const formOf = formAsker(engine);
  const ranges: { from: string; form: NamespaceForm }[] = [];
  for (let i = lo; i <= hi; i++) {
    const form = await formOf(order[i]);
    if (ranges.length === 0 || ranges.at(-1)!.form !== form) ranges.push({ from: order[i], form });
  }
  if (ranges.length < 2) return [write(ranges[0]?.form ?? kernels[0].namespaceForm)];
  const lines: string[] = [];
  for (let i = ranges.length - 1; i >= 1; i--) {
    lines.push(`${i === ranges.length - 1 ? "#if" : "#elif"} LINUX_VERSION_CODE >= ${kernelVersionMacro(ranges[i].from)}`, write(ranges[i].form));
  }
  lines.push("#else", write(ranges[0].form), "#endif");
  return lines;
}

/** Every missing namespace import of the report's modules, with the text that adds it. */
export async function importFixes(engine: Engine, report: CheckReport): Promise<ImportFix[]> {
  const fixes: ImportFix[] = [];
  for (const m of report.modules) {
    const missing = new Map<string, string[]>();
    for (const v of m.results) {
      for (const f of v.findings) {
        if (!NS_IDS.has(f.id) || !f.ns) continue;
        const on = missing.get(f.ns) ?? [];
        if (!on.includes(v.kernel)) on.push(v.kernel);
        missing.set(f.ns, on);
      }
    }
    for (const [ns, on] of missing) {
      fixes.push({ file: m.file, module: m.name, ns, missingOn: on, lines: await importLines(engine, ns, report.kernels) });
    }
  }
  return fixes;
}
