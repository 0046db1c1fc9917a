export { createPlaygroundStore } from "./store";
export type { PlaygroundState, PlaygroundStore } from "./store";
export type { FilesSlice, Origin } from "./files";
export type { SettingsSlice } from "./settings";
export type { RunSlice, EngineQueries } from "./run";
export type { UiSlice, Notice, Theme, EditorKind } from "./ui";
export {
  selectWorkspace,
  selectFileNames,
  selectActiveFile,
  selectFindings,
  selectCounts,
  selectKernelVersion,
  selectBaseKernel,
  selectIsBaseTable,
  selectConfigValue,
  selectSnapshot,
  selectWorkKind,
  selectWorkTitle,
  selectLoadedModules,
  markerGroupOf,
} from "./selectors";
export { connectEngine } from "./runner";
export { connectCompare, selectComparedKernels } from "./compare";
export type { CompareSlice, CompareRun } from "./compare";
export { encodeLink, decodeLink, isLinkHash, LinkError } from "./share";
export { loadSaved, loadSavedWork, clearSaved, createKeeper, SAVED_KEY } from "./persist";
export type { Keeper, Work, SavedWork, SaveOutcome } from "./persist";
export { pushHistory, loadHistory, removeHistory, fallbackTitle, workspaceSize, HISTORY_LIMIT, STORAGE_CHARS } from "./history";
export type { KeyValueStorage, HistoryEntry, PushOutcome, StorageProblem, WorkKind } from "./history";
export { snapshotToJson, snapshotFromJson, toWorkspaceFiles, sameFiles, fileMap } from "./snapshot";
export type { Snapshot, WorkspaceFile } from "./snapshot";
export { defaultSnapshot } from "./defaults";
export { templateFor, freshName } from "./templates";
export { setConfigOption } from "./configfile";
export type { TeachingSlice, SideEngine } from "./teaching";
export { expectationToJson, expectationFromJson, meetsExpectation, describeExpectation, describeActual } from "./expect";
export type { Expectation } from "./expect";
export { applyPatchText, isPatchFile } from "./patch";
export type { PatchOutcome, PatchStory, PatchFailure } from "./patch";
