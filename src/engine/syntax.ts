// Which form a kernel wants for a namespace argument, learnt from the engine itself: the
// engine's compiler check (CC_IMPORT_IDENTIFIER) is the one place that knows the rule, so the
// playground asks it with a one-line probe module instead of keeping a version table of its own.

import type { RunOptions, RunResult, WorkspaceFiles } from "./types";

/** `identifier`: MODULE_IMPORT_NS(NS); `string`: MODULE_IMPORT_NS("NS"). */
export type NamespaceForm = "identifier" | "string";

const PROBE: WorkspaceFiles = { "ksymns_probe.c": 'MODULE_LICENSE("GPL");\nMODULE_IMPORT_NS(KSYMNS_PROBE);\n', load: "" };

/** Returns a memoised asker: the namespace form `kernel` compiles, per the engine's verdict on a probe. */
export function namespaceFormProbe(run: (files: WorkspaceFiles, options: RunOptions) => Promise<RunResult>): (kernel: string) => Promise<NamespaceForm> {
  const known = new Map<string, Promise<NamespaceForm>>();
  return (kernel) => {
    let form = known.get(kernel);
    if (!form) {
      form = run(PROBE, { kernel, profile: false }).then((res) => (res.findings.some((f) => f.id === "CC_IMPORT_IDENTIFIER") ? "string" : "identifier"));
      known.set(kernel, form);
      form.catch(() => known.delete(kernel));
    }
    return form;
  };
}

/** Writes `ns` as a namespace argument in `form`. */
export function writeNamespace(ns: string, form: NamespaceForm): string {
  return form === "string" ? `"${ns}"` : ns;
}
