// The engine every embed of a page shares (a SharedWorker: one per site and page): one wasm
// instance and one loaded kernel profile however many frames ask, so the tenth embed costs
// little. Answers worker.ts's requests (protocol.ts) on one port per frame; requests run one
// at a time, and a frame's queries see the profile of its own last run.

/// <reference lib="webworker" />
import { createBrowserEngine } from "../hosts/browser";
import type { Engine } from "../engine";
import type { RunOptions, WorkspaceFiles } from "../types";
import type { WorkerReply, WorkerRequest } from "./protocol";

declare const self: SharedWorkerGlobalScope;

let engine: Promise<Engine> | null = null;
let queue: Promise<unknown> = Promise.resolve();

// what this worker loaded (its script, the wasm, kernel profiles): each frame hears of it, so that
// its service worker can keep it for offline use (a shared worker cannot reach one itself)
const loaded = new Set<string>([self.location.href]);
const ports = new Set<MessagePort>();
new PerformanceObserver((list) => {
  // a file that failed (a site without header packs answers 404) is not worth keeping
  const fresh = list
    .getEntries()
    .filter((e) => !((e as PerformanceResourceTiming).responseStatus >= 400))
    .map((e) => e.name)
    .filter((u) => !loaded.has(u));
  fresh.forEach((u) => loaded.add(u));
  if (fresh.length) for (const p of ports) p.postMessage({ resources: fresh });
}).observe({ type: "resource", buffered: true });

/** Runs `job` after every job queued before it: one engine, one request at a time. */
function serial<T>(job: () => Promise<T> | T): Promise<T> {
  const next = queue.then(job, job);
  queue = next.catch(() => {});
  return next;
}

self.onconnect = (event: MessageEvent) => {
  const port = event.ports[0];
  ports.add(port);
  port.addEventListener("close", () => ports.delete(port));
  port.postMessage({ resources: [...loaded] });
  let last: { files: WorkspaceFiles; kernel?: string } | null = null;
  port.onmessage = async (e: MessageEvent<WorkerRequest>) => {
    const { id, op, args } = e.data;
    let reply: WorkerReply;
    try {
      if (op === "init") {
        engine ??= createBrowserEngine(new URL(args[0]));
        await engine;
        reply = { id, ok: true, value: null };
      } else {
        if (!engine) throw new Error("the engine worker was not initialised");
        const en = await engine;
        const value = await serial(async () => {
          if (op === "run") {
            const [files, options] = args as [WorkspaceFiles, RunOptions | undefined];
            const result = await en.run(files, options);
            // an "auto" run that needed no table leaves the frame's queries where they were
            if (options?.profile === "auto" ? result.kernel.profile : options?.profile !== false) last = { files, kernel: options?.kernel };
            return result;
          }
          if (last && op !== "kernels") await en.useProfileFor(last.kernel, last.files);
          return (en[op] as (...a: unknown[]) => unknown)(...args);
        });
        reply = { id, ok: true, value };
      }
    } catch (err) {
      reply = { id, ok: false, error: err instanceof Error ? err.message : String(err) };
    }
    port.postMessage(reply);
  };
};
