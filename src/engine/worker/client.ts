// The engine as the playground sees it: every call asynchronous, so the same views work
// whether the engine runs in the page or in a Web Worker. The calls are listed once
// (CLIENT_QUERIES); the client types and the clients are made from that list.

import type { Engine } from "../engine";
import type { RunOptions, RunResult, WorkspaceFiles } from "../types";

/** The Engine's queries a client forwards (each answered from the engine's loaded profile). */
export const CLIENT_QUERIES = [
  "kernels",
  "symbolInfo",
  "completeSymbols",
  "namespaces",
  "namespaceExports",
  "profileLines",
  "installedModules",
  "exportSurface",
] as const;

/** One of the queries a client forwards. */
export type ClientQuery = (typeof CLIENT_QUERIES)[number];

type Async<F> = F extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never;

/** The engine behind a promise: in the page (localClient), in a worker (workerClient) or either (switchingClient). */
export type EngineClient = { [Q in ClientQuery]: Async<Engine[Q]> } & {
  run(files: WorkspaceFiles, options?: RunOptions): Promise<RunResult>;
  dispose(): void;
};

/** A client whose every query is `forward(name, args)`. */
export function clientOf(
  run: EngineClient["run"],
  forward: (query: ClientQuery, args: unknown[]) => Promise<unknown>,
  dispose: () => void = () => {},
): EngineClient {
  const client = { run, dispose } as Record<string, unknown>;
  for (const q of CLIENT_QUERIES) client[q] = (...args: unknown[]) => forward(q, args);
  return client as EngineClient;
}

/** An engine running on this thread. */
export function localClient(engine: Engine): EngineClient {
  return clientOf(
    (files, options) => engine.run(files, options),
    async (q, args) => (engine[q] as (...a: unknown[]) => unknown)(...args),
  );
}

/** Bytes the engine has to read for this workspace. */
export function workspaceBytes(files: WorkspaceFiles): number {
  let n = 0;
  for (const data of Object.values(files)) n += data.length;
  return n;
}

/**
 * Runs small workspaces on this thread (no message round trip while typing) and large ones
 * in a worker (so a pasted 2 MB Module.symvers never blocks the editor). Queries go to the
 * engine that last ran with a base profile, since that one holds the profile the result was
 * made with (the release list is the same everywhere: the page's).
 */
export function switchingClient(local: EngineClient, startWorker: () => EngineClient, threshold = 256 * 1024): EngineClient {
  let worker: EngineClient | null = null;
  let last: EngineClient = local;
  const pick = (files: WorkspaceFiles): EngineClient => {
    if (workspaceBytes(files) < threshold) return local;
    worker ??= startWorker();
    return worker;
  };
  return clientOf(
    (files, options) => {
      const engine = pick(files);
      if (options?.profile !== false && options?.profile !== "core") last = engine;
      return engine.run(files, options);
    },
    (q, args) => ((q === "kernels" ? local : last)[q] as (...a: unknown[]) => Promise<unknown>)(...args),
    () => {
      local.dispose();
      worker?.dispose();
    },
  );
}
