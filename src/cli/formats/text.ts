// The text report of `ksymns check`: per kernel, each module's verdict with modpost's and the
// kernel's own lines; the import to add where a namespace is missing; then the matrix
// (module × kernel → loads / why not). Every value from a file is escaped for the terminal.

import { escapeValue } from "../escape";
import type { ImportFix } from "../fixes";
import { refusal, type CheckReport, type Verdict } from "../verdicts";

/** Why a load failed, for the matrix. */
function whyNot(v: Verdict): string {
  const why = refusal(v);
  if (!why) return "no";
  const about = why.finding?.ns ? ` ${why.finding.ns}` : why.finding?.symbol ? ` ${why.finding.symbol}` : "";
  return `no: ${why.id}${escapeValue(about)}`;
}

function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) =>
    r
      .map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c])))
      .join("  ")
      .trimEnd(),
  );
}

/** The matrix: one row a module, one column a kernel. */
export function matrix(report: CheckReport): string[] {
  const head = ["module", ...report.kernels.map((k) => escapeValue(k.label))];
  const rows = report.modules.map((m) => [
    escapeValue(m.path),
    ...report.kernels.map((k) => {
      const v = m.results.find((r) => r.kernel === k.label);
      return v ? (v.loads ? "loads" : whyNot(v)) : "-";
    }),
  ]);
  return table([head, ...rows]);
}

export function formatText(report: CheckReport, fixes: ImportFix[]): { stdout: string; stderr: string } {
  const out: string[] = [];
  const err: string[] = [];
  for (const n of report.inputs) err.push(`${escapeValue(n.path)}${n.finding.line ? `:${n.finding.line}` : ""}: ${escapeValue(n.finding.text)}`);
  for (const k of report.kernels) {
    for (const m of report.modules) {
      const v = m.results.find((r) => r.kernel === k.label);
      if (!v) continue;
      // the kernel's own name only when there are several to tell apart
      const on =
        report.kernels.length === 1 || k.label === k.version
          ? `${k.version} (${escapeValue(k.release)})`
          : `${escapeValue(k.label)}: ${k.version} (${escapeValue(k.release)})`;
      out.push(`${escapeValue(m.path)}: ${escapeValue(m.name)} on ${on}: ${v.loads ? "loads" : "would not load"}`);
      for (const t of [...v.read, ...v.modpost, ...v.stderr]) out.push(`  ${escapeValue(t)}`);
      for (const l of v.log) out.push(`  <${l.level}>${escapeValue(l.text)}`);
    }
  }
  if (fixes.length > 0) {
    out.push("", "To import the missing namespaces (after MODULE_LICENSE, as make nsdeps adds them):");
    for (const f of fixes) {
      const block = f.lines.length > 1;
      out.push(
        `  ${escapeValue(f.file)} (${escapeValue(f.module)}), missing on ${f.missingOn.map(escapeValue).join(", ")}${block ? " (with #include <linux/version.h>)" : ""}:`,
      );
      for (const l of f.lines) out.push(`    ${escapeValue(l)}`);
    }
  }
  if (report.kernels.length > 1 || report.modules.length > 1) out.push("", ...matrix(report));
  return { stdout: out.join("\n") + "\n", stderr: err.length ? err.join("\n") + "\n" : "" };
}
