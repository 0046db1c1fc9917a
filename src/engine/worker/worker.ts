// The engine in a Web Worker: answers the EngineClient calls that remote.ts posts.

/// <reference lib="webworker" />
import { createBrowserEngine } from "../hosts/browser";
import { localClient, type EngineClient } from "./client";
import type { WorkerReply, WorkerRequest } from "./protocol";

declare const self: DedicatedWorkerGlobalScope;

let client: Promise<EngineClient> | null = null;

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const { id, op, args } = event.data;
  let reply: WorkerReply;
  try {
    if (op === "init") {
      client = createBrowserEngine(new URL(args[0])).then(localClient);
      await client;
      reply = { id, ok: true, value: null };
    } else {
      if (!client) throw new Error("the engine worker was not initialised");
      const c = await client;
      const fn = c[op] as (...a: unknown[]) => Promise<unknown>;
      reply = { id, ok: true, value: await fn(...args) };
    }
  } catch (err) {
    reply = { id, ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  self.postMessage(reply);
};
