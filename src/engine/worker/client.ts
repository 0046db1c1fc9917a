// The engine as the playground sees it: every call asynchronous, so the same views work
// whether the engine runs in the page or in a Web Worker.

import type { Engine } from "../engine";
import type { KernelExport, KernelNamespace, RunOptions, RunResult, WorkspaceFiles } from "../types";

/** The engine behind a promise: in the page (localClient), in a worker (workerClient) or either (switchingClient). */
export interface EngineClient {
  run(files: WorkspaceFiles, options?: RunOptions): Promise<RunResult>;
  kernels(): Promise<string[]>;
  symbolInfo(symbol: string): Promise<KernelExport | null>;
  completeSymbols(prefix: string, options?: { ns?: string; limit?: number }): Promise<KernelExport[]>;
  namespaces(): Promise<KernelNamespace[]>;
  namespaceExports(ns: string, limit?: number): Promise<KernelExport[]>;
  dispose(): void;
}

/** An engine running on this thread. */
export function localClient(engine: Engine): EngineClient {
  return {
    run: (files, options) => engine.run(files, options),
    kernels: async () => engine.kernels(),
    symbolInfo: async (symbol) => engine.symbolInfo(symbol),
    completeSymbols: async (prefix, options) => engine.completeSymbols(prefix, options),
    namespaces: async () => engine.namespaces(),
    namespaceExports: async (ns, limit) => engine.namespaceExports(ns, limit),
    dispose() {},
  };
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
 * engine that last ran with a base profile, since that one holds the profile the result was made with.
 */
export function switchingClient(local: EngineClient, startWorker: () => EngineClient, threshold = 256 * 1024): EngineClient {
  let worker: EngineClient | null = null;
  let last: EngineClient = local;
  const pick = (files: WorkspaceFiles): EngineClient => {
    if (workspaceBytes(files) < threshold) return local;
    worker ??= startWorker();
    return worker;
  };
  return {
    run(files, options) {
      const engine = pick(files);
      if (options?.profile !== false) last = engine;
      return engine.run(files, options);
    },
    kernels: () => local.kernels(),
    symbolInfo: (symbol) => last.symbolInfo(symbol),
    completeSymbols: (prefix, options) => last.completeSymbols(prefix, options),
    namespaces: () => last.namespaces(),
    namespaceExports: (ns, limit) => last.namespaceExports(ns, limit),
    dispose() {
      local.dispose();
      worker?.dispose();
    },
  };
}
