// The report formats of `ksymns check` and of the library's formatReport().

import type { ImportFix } from "../fixes";
import type { CheckReport } from "../verdicts";
import { annotate, type Locate } from "./annotations";
import { formatGithub } from "./github";
import { formatJunit } from "./junit";
import { toSarif } from "./sarif";
import { formatText } from "./text";

export const FORMATS = ["text", "json", "github", "sarif", "junit"] as const;
export type Format = (typeof FORMATS)[number];

/** The report written in `format`: what goes to stdout, and (text only) notes for stderr. */
export async function formatReport(report: CheckReport, format: Format, fixes: ImportFix[] = [], locate?: Locate): Promise<{ stdout: string; stderr: string }> {
  switch (format) {
    case "text":
      return formatText(report, fixes);
    case "json":
      return { stdout: JSON.stringify({ ...report, fixes }, null, 2) + "\n", stderr: "" };
    case "github":
      return { stdout: formatGithub(await annotate(report, locate)), stderr: "" };
    case "sarif":
      return { stdout: JSON.stringify(toSarif(report, await annotate(report, locate)), null, 2) + "\n", stderr: "" };
    case "junit":
      return { stdout: formatJunit(report), stderr: "" };
  }
}
