// The one subscription that runs the engine: whenever the files or the run options change it
// runs the workspace and writes the result to the store. Runs never overlap; changes made
// during a run are coalesced into one more run with the latest files. With a header pack,
// a run answers at once (files whose real headers are still loading read with the built-in
// ones) and one more run waits for those headers: the playground stays usable meanwhile.
// A quicker first run (the page's, on vmlinux's core exports while the kernel's table loads)
// is shown before the real one when it gives the same verdict.

import type { EngineClient } from "../engine/worker";
import type { RunOptions, RunResult, WorkspaceFiles } from "../engine";
import { selectWorkspace } from "./selectors";
import type { PlaygroundState, PlaygroundStore } from "./store";

const runInputs = (s: PlaygroundState) => [s.files, s.profile, s.relaxed] as const;
const sameInputs = (a: ReturnType<typeof runInputs>, b: ReturnType<typeof runInputs>) => a.every((x, i) => x === b[i]);

export interface EngineHooks {
  /** Called after each result is applied. */
  onApplied?(state: PlaygroundState): void;
  /** Made before the first run: a result to show meanwhile, or null when it could differ from
   *  the first run's verdict. */
  preview?(files: WorkspaceFiles, options: RunOptions): Promise<RunResult | null>;
}

/** Connects the store to an engine; returns the function that disconnects it. */
export function connectEngine(store: PlaygroundStore, client: EngineClient, hooks: EngineHooks = {}): () => void {
  let running = false;
  let again = false;
  let stopped = false;
  let preview = hooks.preview;

  function apply(result: RunResult, files: PlaygroundState["files"]): void {
    // the engine says how this release wants namespaces written
    store.getState().setResult(result, files, result.kernel.syntax?.namespace ?? null);
    hooks.onApplied?.(store.getState());
  }

  async function runLoop(): Promise<void> {
    running = true;
    let waitHeaders = false;
    try {
      do {
        again = false;
        const s = store.getState();
        const files = s.files;
        const workspace = selectWorkspace(s);
        const options: RunOptions = { relaxed: s.relaxed, headers: waitHeaders ? "wait" : "background", ...(s.profile ? {} : { profile: false }) };
        if (preview) {
          const quick = await preview(workspace, options);
          preview = undefined;
          if (quick && !stopped && store.getState().files === files) apply(quick, files);
        }
        const result = await client.run(workspace, options);
        // one waiting run after an answering one (not again when the headers could not come)
        waitHeaders = !waitHeaders && !again && (result.kernel.headers?.needed.length ?? 0) > 0;
        if (waitHeaders) again = true;
        if (stopped) return;
        apply(result, files);
      } while (again && !stopped);
    } catch (err) {
      store.getState().setEngineFailed(err instanceof Error ? err.message : String(err));
    } finally {
      running = false;
      if (!stopped) store.getState().setRunning(false);
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
