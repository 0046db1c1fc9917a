// The page's side of the engine worker: an EngineClient whose calls are messages.

import { clientOf, type EngineClient } from "./client";
import type { WorkerReply, WorkerRequest } from "./protocol";

/** An EngineClient backed by `worker` (which runs worker.ts), or by a port of the engine the
 *  page's embeds share (sharedworker.ts); `base` is the site root, where kernels/ lives. */
export function workerClient(worker: Worker | SharedWorker, base: URL): EngineClient {
  let next = 1;
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  const port = "port" in worker ? worker.port : worker;
  port.onmessage = (event: MessageEvent<WorkerReply>) => {
    const reply = event.data;
    const p = pending.get(reply.id);
    if (!p) return;
    pending.delete(reply.id);
    if (reply.ok) p.resolve(reply.value);
    else p.reject(new Error(reply.error));
  };
  worker.onerror = (event) => {
    for (const p of pending.values()) p.reject(new Error(`engine worker failed: ${(event as ErrorEvent).message ?? "it did not start"}`));
    pending.clear();
  };
  const post = (request: Omit<WorkerRequest, "id">): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const id = next++;
      pending.set(id, { resolve, reject });
      port.postMessage({ ...request, id } as WorkerRequest);
    });
  const ready = post({ op: "init", args: [base.href] });
  // sent at once, not after init's answer: the worker takes messages in order and each call
  // waits there for the engine init started (a round trip less before the first run)
  const call = (op: WorkerRequest["op"], args: unknown[]): Promise<unknown> => Promise.all([ready, post({ op, args })]).then(([, value]) => value);
  return clientOf(
    (files, options) => call("run", [files, options]) as ReturnType<EngineClient["run"]>,
    (q, args) => call(q, args),
    () => ("port" in worker ? worker.port.close() : worker.terminate()),
  );
}
