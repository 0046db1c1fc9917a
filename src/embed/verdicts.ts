// A run's verdict in the few fields a host page shows (build, load, taint, counts), and its
// messages: what the `result` message and the element's `result` event carry.

import type { RunResult } from "../engine";
import type { EmbedMessage, Verdicts } from "./protocol";

/** The verdicts of a result. */
export function verdictsOf(r: RunResult): Verdicts {
  const built = r.build.modules.filter((m) => !m.builtin);
  const errors = r.findings.filter((f) => f.severity === "error").length;
  const buildErrors = r.findings.filter((f) => f.severity === "error" && f.stage !== "load").length;
  return {
    kernel: r.kernel.version,
    build: built.some((m) => !m.produced) ? "failed" : buildErrors > 0 ? "built anyway" : "clean",
    load: r.commands.map((c) => ({ cmd: c.cmd, exit: c.exit })),
    taint: r.taintFinal,
    errors,
    warnings: r.findings.filter((f) => f.severity === "warning").length,
  };
}

/** The findings of a result, as plain messages. */
export function messagesOf(r: RunResult): EmbedMessage[] {
  return r.findings.map((f) => ({ id: f.id, severity: f.severity, stage: f.stage, text: f.text, file: f.file, line: f.line }));
}
