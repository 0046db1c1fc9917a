// The one subscription that runs the engine: whenever the files or the run options change it
// runs the workspace and writes the result to the store. Runs never overlap; changes made
// during a run are coalesced into one more run with the latest files. With a header pack,
// a run answers at once (files whose real headers are still loading read with the built-in
// ones) and one more run waits for those headers: the playground stays usable meanwhile.

import type { EngineClient } from "../engine/worker";
import { selectWorkspace } from "./selectors";
import type { PlaygroundState, PlaygroundStore } from "./store";

const runInputs = (s: PlaygroundState) => [s.files, s.profile, s.relaxed] as const;
const sameInputs = (a: ReturnType<typeof runInputs>, b: ReturnType<typeof runInputs>) => a.every((x, i) => x === b[i]);

/** Connects the store to an engine; returns the function that disconnects it. */
export function connectEngine(store: PlaygroundStore, client: EngineClient, hooks: { onApplied?(state: PlaygroundState): void } = {}): () => void {
  let running = false;
  let again = false;
  let stopped = false;

  async function runLoop(): Promise<void> {
    running = true;
    let waitHeaders = false;
    try {
      do {
        again = false;
        const s = store.getState();
        const files = s.files;
        const result = await client.run(selectWorkspace(s), {
          relaxed: s.relaxed,
          headers: waitHeaders ? "wait" : "background",
          ...(s.profile ? {} : { profile: false }),
        });
        // one waiting run after an answering one (not again when the headers could not come)
        waitHeaders = !waitHeaders && !again && (result.kernel.headers?.needed.length ?? 0) > 0;
        if (waitHeaders) again = true;
        // the engine says how this release wants namespaces written
        const form = result.kernel.syntax?.namespace ?? null;
        if (stopped) return;
        store.getState().setResult(result, files, form);
        hooks.onApplied?.(store.getState());
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
