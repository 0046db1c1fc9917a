export { createEngine, requestedKernel } from "./engine";
export type { Engine, EngineHost, KernelProfile } from "./engine";
export { packWorkspace } from "./pack";
export type { PreprocessOptions, PreprocessResult, PPDiagnostic } from "./preprocess";
export type { RunOptions, RunResult, Finding, CommandRecord, KernelLine, ModelModule, KoFacts, Range, WorkspaceFiles, KernelExport, KernelNamespace } from "./types";
