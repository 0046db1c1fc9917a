// Starting the engine for a page (the playground and the embed alike): in the page for small
// workspaces, a worker for large ones, connected to the store; the page is marked ready (or
// failed) once the first result is applied, and what it loaded is kept for offline use.

import { createBrowserEngine } from "../engine/hosts/browser";
import { localClient, switchingClient, workerClient, type EngineClient } from "../engine/worker";
import EngineWorker from "../engine/worker/worker?worker";
import type { Engine } from "../engine";
import { connectEngine, type PlaygroundStore } from "../store";

export interface EngineStart {
  /** Wraps the client the store runs through (the embed's light first run). */
  wrap?(client: EngineClient): EngineClient;
  /** Called with the page's engine once it is there. */
  onEngine?(engine: Engine): void;
  /** Called after the first result has been applied. */
  onReady?(): void;
}

/** A client of a fresh engine in a worker (comparisons, the atlas, large workspaces). */
export function startWorkerClient(base: URL): EngineClient {
  return workerClient(new EngineWorker(), base);
}

/** Starts the engine and connects it to `store`; `base` is the site root (where kernels/ is). */
export function startEngine(store: PlaygroundStore, base: URL, hooks: EngineStart = {}): void {
  createBrowserEngine(base).then(
    (engine) => {
      hooks.onEngine?.(engine);
      const client = switchingClient(localClient(engine), () => startWorkerClient(base));
      let first = true;
      connectEngine(store, hooks.wrap ? hooks.wrap(client) : client, {
        onApplied() {
          if (!first) return;
          first = false;
          document.body.dataset.ready = "true";
          hooks.onReady?.();
        },
      });
    },
    (err: unknown) => {
      store.getState().setEngineFailed(err instanceof Error ? err.message : String(err));
      document.body.dataset.ready = "error";
    },
  );
}
