// The engine frame's protocol (engine.html, one per host page): the element in the host page
// asks for engine calls, the frame answers each with its value or an error. Every message is
// checked here; anything else is ignored.

import { CLIENT_QUERIES, type ClientQuery } from "../engine/worker";
import { PROTOCOL_VERSION } from "./protocol";

/** The calls a host page may make: a run, or one of the client's queries. */
export type EngineCallName = "run" | ClientQuery;

export type EngineCall = { ksymns: number; type: "engine-call"; id: number; call: EngineCallName; args: unknown[] };

export type EngineAnswer = { ksymns: number; type: "engine-ready" } | { ksymns: number; type: "engine-reply"; id: number; value?: unknown; error?: string };

const CALLS: readonly string[] = ["run", ...CLIENT_QUERIES];
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Workspace files as a run takes them: names to text or bytes. */
const isFiles = (v: unknown): boolean => isObject(v) && Object.values(v).every((c) => typeof c === "string" || c instanceof Uint8Array);

/** An engine call if `data` is a well-formed one, else null. */
export function parseEngineCall(data: unknown): EngineCall | null {
  if (!isObject(data) || data.ksymns !== PROTOCOL_VERSION || data.type !== "engine-call") return null;
  if (!Number.isSafeInteger(data.id) || typeof data.call !== "string" || !CALLS.includes(data.call) || !Array.isArray(data.args)) return null;
  if (data.call === "run" && (!isFiles(data.args[0]) || (data.args[1] !== undefined && !isObject(data.args[1])))) return null;
  return data as EngineCall;
}

/** An engine answer if `data` is one, else null. */
export function parseEngineAnswer(data: unknown): EngineAnswer | null {
  if (!isObject(data) || data.ksymns !== PROTOCOL_VERSION) return null;
  if (data.type === "engine-ready") return data as EngineAnswer;
  if (data.type === "engine-reply" && Number.isSafeInteger(data.id)) return data as EngineAnswer;
  return null;
}
