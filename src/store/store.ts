// The playground's store: vanilla zustand with subscribeWithSelector, made of slices (files,
// settings, run, ui, teaching, compare). Actions live beside their state; views subscribe to selectors.

import { createStore } from "zustand/vanilla";
import { subscribeWithSelector } from "zustand/middleware";
import { createFilesSlice, type FilesSlice } from "./files";
import { createSettingsSlice, type SettingsSlice } from "./settings";
import { createRunSlice, type RunSlice } from "./run";
import { createUiSlice, type UiSlice } from "./ui";
import { createTeachingSlice, type TeachingSlice } from "./teaching";
import { createCompareSlice, type CompareSlice } from "./compare";
import type { Snapshot } from "./snapshot";
import type { WorkKind } from "./history";

export type PlaygroundState = FilesSlice & SettingsSlice & RunSlice & UiSlice & TeachingSlice & CompareSlice;

/** The store type views and the runner take. */
export type PlaygroundStore = ReturnType<typeof createPlaygroundStore>;

/** Creates a store holding `initial` (a workspace with its kernel choices and view), which is
 *  `origin` (the user's own work when not given). */
export function createPlaygroundStore(initial?: Snapshot, origin?: { kind: WorkKind; title: string | null }) {
  const store = createStore<PlaygroundState>()(
    subscribeWithSelector((...a) => ({
      ...createFilesSlice(...a),
      ...createSettingsSlice(...a),
      ...createRunSlice(...a),
      ...createUiSlice(...a),
      ...createTeachingSlice(...a),
      ...createCompareSlice(...a),
    })),
  );
  if (initial) store.getState().loadSnapshot(initial, origin);
  return store;
}
