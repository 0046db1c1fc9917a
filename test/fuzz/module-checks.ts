// What a sound answer to a hostile module looks like, for `npm run fuzz` and the property
// tests: a result (not an exception), no internal-error finding, every finding about a file
// naming a file of the workspace, and every finding about the module naming it.

import type { ModelModule, RunResult, WorkspaceFiles } from "../../src/engine";

/** Ids of findings that are about one file and must say which. */
const FILE_FINDINGS = new Set(["READ_KO", "READ_TOO_LARGE", "READ_BINARY", "READ_UNSUPPORTED_FILE"]);

/** What is wrong with a run's result, or null. */
export function runProblem(res: RunResult | undefined, files: WorkspaceFiles): string | null {
  if (!res || !Array.isArray(res.findings)) return "no result";
  const internal = res.findings.find((f) => f.stage === "internal" || /internal error/.test(f.text));
  if (internal) return internal.text;
  const names = new Set([...Object.keys(files), "load"]);
  const stray = res.findings.find((f) => f.file && !names.has(f.file));
  if (stray) return `finding names ${stray.file}: ${stray.text}`;
  const unplaced = res.findings.find((f) => FILE_FINDINGS.has(f.id) && !f.file && !f.text.startsWith("workspace:"));
  if (unplaced) return `finding without a file: ${unplaced.id} ${unplaced.text}`;
  if (typeof res.transcript !== "string") return "no transcript";
  return null;
}

/** What is wrong with describeModule()'s answer for `file`, or null. */
export function describeProblem(m: ModelModule | undefined, file: string): string | null {
  if (!m || typeof m !== "object") return "describeModule returned nothing";
  if (m.file !== file) return `describeModule names ${m.file}, not ${file}`;
  if (!m.ko) return "describeModule has no ELF facts";
  if (/internal error/.test(m.ko.error)) return m.ko.error;
  return null;
}

/** The finding a run must hold for a compressed module the host could not decompress. */
export function undecodedProblem(res: RunResult, file: string, kind: "limit" | "invalid"): string | null {
  const want = kind === "limit" ? /decompress(es|ed)/ : /not a valid \w+ stream/;
  const id = kind === "limit" ? "READ_TOO_LARGE" : "READ_KO";
  return res.findings.some((f) => f.id === id && f.file === file && want.test(f.text)) ? null : `no ${id} finding for ${file} (${kind})`;
}
