// The teaching slice: the open preset (its story beside the editor), the gallery overlay,
// the expectations a link carries, and a second engine for runs on other kernels (the
// comparison, the namespace atlas) so they never disturb the live verdict's engine.

import type { StateCreator } from "zustand/vanilla";
import type { PlaygroundState } from "./store";
import type { PresetMeta } from "../presets/types";
import type { EngineClient } from "../engine/worker";
import type { ExportSurface, KernelNamespace, RunOptions, RunResult, WorkspaceFiles } from "../engine";
import type { Expectation } from "./expect";
import type { PatchStory } from "./patch";

/** An engine apart from the live one: runs are queued, one at a time. */
export interface SideEngine {
  run(files: WorkspaceFiles, options: RunOptions): Promise<RunResult>;
  /** Every namespace of the real kernel profile that stands for `kernel`. */
  namespacesOf(kernel: string): Promise<KernelNamespace[]>;
  /** The export surface of the real kernel profile that stands for `kernel`. */
  surfaceOf(kernel: string): Promise<ExportSurface | null>;
}

export interface TeachingSlice {
  /** The preset the workspace was opened from, with its story. */
  preset: { slug: string; meta: PresetMeta } | null;
  /** The mail of the patch the workspace was made with (Open → Paste a patch). */
  story: PatchStory | null;
  galleryOpen: boolean;
  expect: Expectation[];
  side: SideEngine | null;
  setPreset(preset: { slug: string; meta: PresetMeta } | null): void;
  setStory(story: PatchStory | null): void;
  setGalleryOpen(open: boolean): void;
  addExpectation(e: Expectation): void;
  removeExpectation(index: number): void;
  /** Starts the side engine lazily from `start` on first use. */
  setSideEngine(start: () => EngineClient): void;
}

/** Serializes calls to a lazily started engine client. */
export function sideEngineOf(start: () => EngineClient): SideEngine {
  let client: EngineClient | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  const enqueue = <T>(fn: (c: EngineClient) => Promise<T>): Promise<T> => {
    const next = queue.then(() => fn((client ??= start())));
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    run: (files, options) => enqueue((c) => c.run(files, options)),
    namespacesOf: (kernel) =>
      enqueue(async (c) => {
        await c.run({}, { kernel });
        return c.namespaces();
      }),
    surfaceOf: (kernel) =>
      enqueue(async (c) => {
        await c.run({}, { kernel });
        return c.exportSurface();
      }),
  };
}

export const createTeachingSlice: StateCreator<PlaygroundState, [["zustand/subscribeWithSelector", never]], [], TeachingSlice> = (set, get) => ({
  preset: null,
  story: null,
  galleryOpen: false,
  expect: [],
  side: null,
  setPreset: (preset) => set({ preset }),
  setStory: (story) => set({ story }),
  setGalleryOpen: (galleryOpen) => set({ galleryOpen }),
  addExpectation(e) {
    const same = (a: Expectation) => a.kernel === e.kernel && a.at === e.at;
    set({ expect: [...get().expect.filter((a) => !same(a)), e] });
  },
  removeExpectation: (index) => set({ expect: get().expect.filter((_, i) => i !== index) }),
  setSideEngine: (start) => set({ side: sideEngineOf(start) }),
});
