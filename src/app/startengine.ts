// Starting the engine for a page (the playground and the embed alike): in the page for small
// workspaces, a worker for large ones — or, for embeds, the one engine all embeds of a page
// share (a SharedWorker) — connected to the store; the page is marked ready (or failed) once
// the first result is applied, and what it loaded is kept for offline use.

import { createBrowserEngine } from "../engine/hosts/browser";
import { localClient, switchingClient, workerClient, type EngineClient } from "../engine/worker";
import EngineWorker from "../engine/worker/worker?worker";
import SharedEngine from "../engine/worker/sharedworker?sharedworker";
import type { Engine } from "../engine";
import { connectEngine, type PlaygroundStore } from "../store";
import { coreFirstPreview } from "./corefirst";

export interface EngineStart {
  /** Wraps the client the store runs through (the embed's light first run). */
  wrap?(client: EngineClient): EngineClient;
  /** Called with the page's engine once it is there. */
  onEngine?(engine: Engine): void;
  /** Called after the first result has been applied. */
  onReady?(): void;
  /** Shows the first verdict before the base kernel's table is loaded when the table could
   *  not change it (corefirst.ts). */
  coreFirst?: boolean;
  /** With coreFirst, once that verdict is shown: resolves when the run with the table may start. */
  tableAfter?(): Promise<void>;
  /** Runs on the engine the page's embeds share, where the browser has SharedWorker (one wasm
   *  instance and one loaded profile for ten embeds as for one); `onResources` hears the URLs
   *  it loads, which the page's service worker is asked to keep. */
  shared?: { onResources(urls: string[]): void };
}

/** A client of a fresh engine in a worker (comparisons, the atlas, large workspaces). */
export function startWorkerClient(base: URL): EngineClient {
  return workerClient(new EngineWorker(), base);
}

/** A client of the engine the page's embeds share, or null where SharedWorker is missing or refused. */
function startSharedClient(base: URL, onResources: (urls: string[]) => void): EngineClient | null {
  if (typeof SharedWorker === "undefined") return null;
  try {
    const shared = new SharedEngine({ name: "ksymns-engine" });
    shared.port.addEventListener("message", (e: MessageEvent<{ resources?: unknown }>) => {
      if (Array.isArray(e.data?.resources)) onResources(e.data.resources.filter((u): u is string => typeof u === "string"));
    });
    return workerClient(shared, base);
  } catch {
    return null;
  }
}

/** A client of the page's engine: the shared one if asked and there, else one in the page
 *  that moves to a worker for large workspaces. Resolves with whether it is the shared one. */
export function startClient(base: URL, hooks: Pick<EngineStart, "onEngine" | "shared"> = {}): Promise<{ client: EngineClient; shared: boolean }> {
  const shared = hooks.shared ? startSharedClient(base, hooks.shared.onResources) : null;
  if (shared) return Promise.resolve({ client: shared, shared: true });
  return createBrowserEngine(base).then((engine) => {
    hooks.onEngine?.(engine);
    return { client: switchingClient(localClient(engine), () => startWorkerClient(base)), shared: false };
  });
}

/** Starts the engine and connects it to `store`; `base` is the site root (where kernels/ is). */
export function startEngine(store: PlaygroundStore, base: URL, hooks: EngineStart = {}): void {
  startClient(base, hooks).then(
    ({ client, shared }) => {
      // the shared engine reports a failed start on its first call
      if (shared) client.kernels().catch(() => (document.body.dataset.ready = "error"));
      let first = true;
      const runs = hooks.wrap ? hooks.wrap(client) : client;
      connectEngine(store, runs, {
        preview: hooks.coreFirst ? coreFirstPreview(runs) : undefined,
        afterPreview: hooks.tableAfter,
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
