export { createEngine, requestedKernel } from "./engine";
export type { Engine, EngineHost, KernelProfile } from "./engine";
export { packWorkspace } from "./pack";
export type { RunOptions, RunResult, Finding, CommandRecord, KernelLine, ModelModule, KoFacts, Range, WorkspaceFiles, KernelExport, KernelNamespace, KernelApproximation, NamespaceHistoryEntry } from "./types";
