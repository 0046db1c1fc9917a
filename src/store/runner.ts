// The one subscription that runs the engine: whenever the files or the run options change it
// runs the workspace and writes the result to the store. Runs never overlap; changes made
// during a run are coalesced into one more run with the latest files. With a header pack,
// a run answers at once (files whose real headers are still loading read with the built-in
// ones) and one more run waits for those headers beside the loop: edits made meanwhile are
// answered as before, and the waiting run's answer counts only if the files are still its own.
// A quicker first run (the page's, on vmlinux's core exports while the kernel's table loads)
// is shown before the real one when it gives the same verdict; the real one may wait for the
// page's editor to load.

import type { EngineClient } from "../engine/worker";
import type { RunOptions, RunResult, WorkspaceFiles } from "../engine";
import { selectWorkspace } from "./selectors";
import type { PlaygroundState, PlaygroundStore } from "./store";

const runInputs = (s: PlaygroundState) => [s.files, s.profile, s.relaxed] as const;
type RunInputs = ReturnType<typeof runInputs>;
const sameInputs = (a: RunInputs, b: RunInputs) => a.every((x, i) => x === b[i]);

export interface EngineHooks {
  /** Called after each result is applied. */
  onApplied?(state: PlaygroundState): void;
  /** Made before the first run: a result to show meanwhile, or null when it could differ from
   *  the first run's verdict. */
  preview?(files: WorkspaceFiles, options: RunOptions): Promise<RunResult | null>;
  /** Resolves when the run after a shown preview may start (the page lets its editor load
   *  first: the run reads the kernel's table on the same thread). */
  afterPreview?(): Promise<void>;
}

/** Connects the store to an engine; returns the function that disconnects it. */
export function connectEngine(store: PlaygroundStore, client: EngineClient, hooks: EngineHooks = {}): () => void {
  let running = false;
  let again = false;
  let stopped = false;
  /** The inputs of the run waiting for the pack's headers, if one is. */
  let waitingFor: RunInputs | null = null;

  let preview = hooks.preview;

  function optionsOf(s: PlaygroundState, headers: "wait" | "background"): RunOptions {
    return { relaxed: s.relaxed, headers, ...(s.profile ? {} : { profile: false }) };
  }

  function runOf(s: PlaygroundState, headers: "wait" | "background"): Promise<RunResult> {
    return client.run(selectWorkspace(s), optionsOf(s, headers));
  }

  function apply(result: RunResult, s: PlaygroundState): void {
    // the engine says how this release wants namespaces written
    store.getState().setResult(result, s.files, result.kernel.syntax?.namespace ?? null);
    hooks.onApplied?.(store.getState());
  }

  /** Clears the store's running flag once no run (nor a wait for headers) is in flight. */
  function settle(): void {
    if (!stopped && !running && !waitingFor) store.getState().setRunning(false);
  }

  /** One run that answers once the headers `s`'s run lacked are loaded (the first loading
   *  run of the same inputs stands for later ones); its answer is dropped if the files changed. */
  function waitForHeaders(s: PlaygroundState): void {
    const inputs = runInputs(s);
    if (waitingFor && sameInputs(waitingFor, inputs)) return;
    waitingFor = inputs;
    runOf(s, "wait")
      .then(
        (result) => {
          if (!stopped && sameInputs(inputs, runInputs(store.getState()))) apply(result, s);
        },
        (err: unknown) => {
          if (!stopped) store.getState().setEngineFailed(err instanceof Error ? err.message : String(err));
        },
      )
      .finally(() => {
        if (waitingFor === inputs) waitingFor = null;
        settle();
      });
  }

  async function runLoop(): Promise<void> {
    running = true;
    try {
      do {
        again = false;
        const s = store.getState();
        if (preview) {
          const quick = await preview(selectWorkspace(s), optionsOf(s, "background"));
          preview = undefined;
          if (quick && !stopped && store.getState().files === s.files) {
            apply(quick, s);
            await hooks.afterPreview?.();
            // the inputs changed meanwhile: run the latest ones instead
            if (again) continue;
          }
        }
        const result = await runOf(s, "background");
        if (stopped) return;
        apply(result, s);
        if (!again && (result.kernel.headers?.needed.length ?? 0) > 0) waitForHeaders(s);
      } while (again && !stopped);
    } catch (err) {
      store.getState().setEngineFailed(err instanceof Error ? err.message : String(err));
    } finally {
      running = false;
      settle();
    }
  }

  function schedule(): void {
    if (running) {
      again = true;
      return;
    }
    running = true;
    store.getState().setRunning(true);
    // a microtask, not a timer: edits made in the same task coalesce, yet the verdict
    // lands before the next frame
    queueMicrotask(() => void runLoop());
  }

  client.kernels().then(
    (kernels) => {
      if (!stopped) store.getState().setEngineReady(kernels, client);
    },
    (err) => store.getState().setEngineFailed(err instanceof Error ? err.message : String(err)),
  );
  const unsubscribe = store.subscribe(runInputs, schedule, { equalityFn: sameInputs, fireImmediately: true });
  return () => {
    stopped = true;
    unsubscribe();
  };
}
