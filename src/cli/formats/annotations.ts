// The findings of a check as annotations for CI formats (github, sarif, junit): each with the
// place it belongs (the source line with --source-root, else the .ko or the table's line) and
// the kernels it was found on. The same message at the same place on several kernels is one
// annotation naming them all.

import type { Finding } from "../../engine";
import type { SourceLocation } from "../sources";
import type { CheckReport } from "../verdicts";

export interface Annotation {
  /** The message id (a SARIF rule). */
  id: string;
  severity: Finding["severity"];
  text: string;
  module: string;
  /** Where: a source line, the .ko itself (no line), or a line of a Module.symvers/.config. */
  location: SourceLocation | { path: string; line?: undefined };
  kernels: string[];
  finding: Finding;
}

/** Finds a source location for a finding about a module on a kernel (see SourceLocator). */
export type Locate = (kernel: string, module: string, f: Finding) => Promise<SourceLocation | null>;

function key(a: Omit<Annotation, "kernels" | "finding">): string {
  return JSON.stringify([a.id, a.severity, a.text, a.location.path, a.location.line ?? 0, a.location.line ? ((a.location as SourceLocation).col ?? 0) : 0]);
}

/** Every finding of the report as an annotation, in report order. */
export async function annotate(report: CheckReport, locate?: Locate): Promise<Annotation[]> {
  const out = new Map<string, Annotation>();
  const add = (a: Omit<Annotation, "kernels">, kernel: string): void => {
    const k = key(a);
    const known = out.get(k);
    if (known) {
      if (!known.kernels.includes(kernel)) known.kernels.push(kernel);
    } else out.set(k, { ...a, kernels: [kernel] });
  };
  for (const n of report.inputs) {
    const f = n.finding;
    add(
      {
        id: f.id,
        severity: f.severity,
        text: f.text,
        module: "",
        location: f.line ? { path: n.path, line: f.line, col: f.col || undefined } : { path: n.path },
        finding: f,
      },
      n.kernel,
    );
  }
  for (const m of report.modules) {
    for (const v of m.results) {
      for (const f of v.findings) {
        const source = locate ? await locate(v.kernel, m.name, f) : null;
        add({ id: f.id, severity: f.severity, text: f.text, module: m.name, location: source ?? { path: m.path }, finding: f }, v.kernel);
      }
    }
  }
  return [...out.values()];
}
