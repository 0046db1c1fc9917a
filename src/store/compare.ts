// The compare slice: the same workspace run on several releases in the side engine, the
// releases chosen (the defaults, the newest, and every release an expectation names) and
// each release's result as it comes in. connectCompare() is its runner.

import type { StateCreator } from "zustand/vanilla";
import type { RunResult } from "../engine";
import { COMPARED_RELEASES, parseRelease, releaseName } from "../../wasm/shared/releases";
import type { PlaygroundState, PlaygroundStore } from "./store";
import { selectWorkspace } from "./selectors";

/** One release's run in a comparison: its result, or why there is none. */
export type CompareRun = { result: RunResult } | { error: string };

export interface CompareSlice {
  /** The releases the user picked, or null for the defaults. */
  compareChosen: string[] | null;
  /** Results by release, for the current inputs (emptied when they change). */
  compareRuns: Record<string, CompareRun>;
  /** Adds or leaves out a release. */
  setCompared(kernel: string, on: boolean): void;
  setCompareRun(kernel: string, run: CompareRun): void;
  clearCompareRuns(): void;
}

const byRelease = (a: string, b: string) => parseRelease(a) - parseRelease(b);

/** The releases compared, oldest first: the chosen (or default) ones, the newest the engine
 *  knows, and those an expectation names. */
export function selectComparedKernels(s: PlaygroundState): string[] {
  const base = s.compareChosen ?? (s.kernels.length ? [...COMPARED_RELEASES.map(releaseName).filter((k) => s.kernels.includes(k)), s.kernels[0]] : []);
  return [...new Set([...base, ...s.expect.map((e) => e.kernel)])].sort(byRelease);
}

export const createCompareSlice: StateCreator<PlaygroundState, [["zustand/subscribeWithSelector", never]], [], CompareSlice> = (set, get) => ({
  compareChosen: null,
  compareRuns: {},
  setCompared(kernel, on) {
    const now = selectComparedKernels(get());
    const next = on ? [...now, kernel] : now.filter((k) => k !== kernel);
    set({ compareChosen: [...new Set(next)].sort(byRelease) });
  },
  setCompareRun: (kernel, run) => set({ compareRuns: { ...get().compareRuns, [kernel]: run } }),
  clearCompareRuns: () => set({ compareRuns: {} }),
});

const compareInputs = (s: PlaygroundState) =>
  [s.files, s.relaxed, s.profile, s.side, s.engine, selectComparedKernels(s).join(","), s.tab === "compare" || s.expect.length > 0] as const;
const sameInputs = (a: ReturnType<typeof compareInputs>, b: ReturnType<typeof compareInputs>) => a.every((x, i) => x === b[i]);

/** Runs the comparison whenever its inputs change while it is shown (or expectations wait
 *  for it), `delayMs` after the last change; returns the function that stops it. */
export function connectCompare(
  store: PlaygroundStore,
  clock: { setTimeout: typeof setTimeout; clearTimeout: typeof clearTimeout } = globalThis,
  delayMs = 250,
): () => void {
  let generation = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** The inputs the results in the store are for (null: none yet). */
  let resultsFor: readonly unknown[] | null = null;

  async function runAll(mine: number): Promise<void> {
    const s = store.getState();
    if (!s.side) return;
    const files = selectWorkspace(s);
    for (const kernel of selectComparedKernels(s)) {
      const run: CompareRun = await s.side.run(files, { kernel, relaxed: s.relaxed, ...(s.profile ? {} : { profile: false }) }).then(
        (result) => ({ result }),
        (e: unknown) => ({ error: e instanceof Error ? e.message : String(e) }),
      );
      if (mine !== generation) return;
      store.getState().setCompareRun(kernel, run);
    }
  }

  const unsubscribe = store.subscribe(
    compareInputs,
    ([files, relaxed, profile, side, engine, kernels, wanted]) => {
      const data = [files, relaxed, profile, kernels] as const;
      if (resultsFor && data.every((x, i) => x === resultsFor![i])) return;
      if (resultsFor) {
        resultsFor = null;
        generation++;
        store.getState().clearCompareRuns();
      }
      clock.clearTimeout(timer);
      if (!wanted || !side || engine !== "ready") return;
      const mine = ++generation;
      timer = clock.setTimeout(() => {
        resultsFor = data;
        void runAll(mine);
      }, delayMs);
    },
    { equalityFn: sameInputs, fireImmediately: true },
  );
  return () => {
    generation++;
    clock.clearTimeout(timer);
    unsubscribe();
  };
}
