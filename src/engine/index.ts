export { createEngine, requestedKernel } from "./engine";
export type { Engine, EngineHost, KernelProfile, ProfileLines, RunPlan } from "./engine";
export { packWorkspace } from "./pack";
export type { PreprocessOptions, PreprocessResult, PPDiagnostic } from "./preprocess";
export type {
  RunOptions,
  RunResult,
  Finding,
  InlineStep,
  CommandRecord,
  KernelLine,
  ModelModule,
  KoFacts,
  Range,
  WorkspaceFiles,
  KernelExport,
  KernelNamespace,
  LoadedModule,
  KernelApproximation,
  NamespaceHistoryEntry,
  PreprocessedSource,
  MacroUse,
  ExportSurface,
} from "./types";
export { writeNamespace } from "./syntax";
export type { NamespaceForm } from "./syntax";
