export { createPlaygroundStore } from "./store";
export type { PlaygroundState, PlaygroundStore } from "./store";
export type { FilesSlice } from "./files";
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
  selectConfigValue,
  selectSnapshot,
  selectLoadedModules,
  markerGroupOf,
} from "./selectors";
export { connectEngine } from "./runner";
export { connectCompare, selectComparedKernels } from "./compare";
export type { CompareSlice, CompareRun } from "./compare";
export { encodeLink, decodeLink, isLinkHash, LinkError } from "./share";
export { loadSaved, loadSavedTitle, saveCurrent, saveWorkspace, clearSaved, setAside, takeUnreportedSetAside } from "./persist";
export { pushHistory, loadHistory, removeHistory, fallbackTitle, HISTORY_LIMIT } from "./persist";
export type { KeyValueStorage, HistoryEntry, PushOutcome, StorageProblem } from "./persist";
export { snapshotToJson, snapshotFromJson, toWorkspaceFiles, sameFiles } from "./snapshot";
export type { Snapshot, WorkspaceFile } from "./snapshot";
export { defaultSnapshot } from "./defaults";
export { templateFor, freshName } from "./templates";
export { setConfigOption } from "./configfile";
export type { TeachingSlice, SideEngine } from "./teaching";
export { expectationToJson, expectationFromJson, meetsExpectation, describeExpectation, describeActual } from "./expect";
export type { Expectation } from "./expect";
