// The run slice: the engine's state and its latest verdict on the workspace, written only by
// the runner (runner.ts); views read it through selectors.

import type { StateCreator } from "zustand/vanilla";
import type { PlaygroundState } from "./store";
import type { RunResult } from "../engine";
import type { EngineClient } from "../engine/worker";
import type { NamespaceForm } from "../engine";
import type { WorkspaceFile } from "./snapshot";

/** The engine's lookups for hovers and completion (answered from the profile the last run used). */
export type EngineQueries = Pick<EngineClient, "symbolInfo" | "completeSymbols" | "namespaces" | "namespaceExports" | "profileLines" | "installedModules">;

export interface RunSlice {
  engine: "starting" | "ready" | "failed";
  engineError: string | null;
  /** Every release the engine knows, newest first. */
  kernels: string[];
  queries: EngineQueries | null;
  result: RunResult | null;
  /** The files `result` was computed from (its ranges refer to these). */
  resultFiles: WorkspaceFile[] | null;
  /** How the result's kernel wants namespace arguments written, per the engine. */
  namespaceForm: NamespaceForm | null;
  /** A run is in flight (e.g. a kernel profile is being fetched). */
  running: boolean;
  setEngineReady(kernels: string[], queries: EngineQueries): void;
  setEngineFailed(message: string): void;
  setRunning(running: boolean): void;
  setResult(result: RunResult, files: WorkspaceFile[], form: NamespaceForm | null): void;
}

export const createRunSlice: StateCreator<PlaygroundState, [["zustand/subscribeWithSelector", never]], [], RunSlice> = (set) => ({
  engine: "starting",
  engineError: null,
  kernels: [],
  queries: null,
  result: null,
  resultFiles: null,
  namespaceForm: null,
  running: false,
  setEngineReady: (kernels, queries) => set({ engine: "ready", kernels, queries, engineError: null }),
  setEngineFailed: (engineError) => set({ engine: "failed", engineError, running: false }),
  setRunning: (running) => set({ running }),
  setResult: (result, resultFiles, namespaceForm) => set({ result, resultFiles, namespaceForm }),
});
