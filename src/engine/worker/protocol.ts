// The messages between the page and the engine worker (worker.ts ↔ remote.ts).

import type { EngineClient } from "./client";

/** The client methods a worker answers. */
export type WorkerOp = Exclude<keyof EngineClient, "dispose">;

export type WorkerRequest = { id: number; op: "init"; args: [base: string] } | { id: number; op: WorkerOp; args: unknown[] };

export type WorkerReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };
