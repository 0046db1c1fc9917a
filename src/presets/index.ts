// Presets from real mailing-list cases: one workspace folder each, shared by the page, the
// CLI and the tests. Node code reads folders with ./node; the page loads them with ./browser.

export { PRESETS, findPreset } from "./list";
export { isWorkspaceFile, workspaceFilesOf } from "./files";
export { outcomeOf, diffOutcome, MAX_KERNEL_LEVEL } from "./outcome";
export type { PresetEntry, PresetMeta, ExpectedOutcome, ExpectedCommand, KoVerdict, NsdepsEdit, Citation } from "./types";
