// Expectations a share link carries ("this should fail to load on 6.12 with …"): what one
// kernel should do with the build or one command, and whether a run agrees. The comparison is
// on the engine's outcome (presets/outcome.ts), never on rules of our own.

import type { RunResult } from "../engine";
import { outcomeOf } from "../presets/outcome";

/** One expectation: the build (`at: "build"`, `ok`) or command `at` (0-based, lsmod left out; `exit`). */
export interface Expectation {
  kernel: string;
  at: "build" | number;
  /** The plain `make` succeeds (build only). */
  ok?: boolean;
  /** The command's exit status (commands only). */
  exit?: number;
  /** A text that must appear in the build's or the command's messages. */
  text?: string;
}

/** The JSON shape inside a link: short keys, every byte lands in a URL. */
export type ExpectationJson = { k: string; b?: 0 | 1; c?: number; x?: number; t?: string };

export function expectationToJson(e: Expectation): ExpectationJson {
  const j: ExpectationJson = { k: e.kernel };
  if (e.at === "build") j.b = e.ok === false ? 0 : 1;
  else {
    j.c = e.at;
    if (e.exit !== undefined) j.x = e.exit;
  }
  if (e.text) j.t = e.text;
  return j;
}

/** Reads a link's expectation; throws a readable Error when the shape is wrong. */
export function expectationFromJson(data: unknown): Expectation {
  const j = data as Partial<ExpectationJson> | null;
  if (!j || typeof j !== "object" || typeof j.k !== "string" || !/^\d+\.\d+$/.test(j.k)) throw new Error("an expectation names no kernel release");
  const text = typeof j.t === "string" && j.t !== "" ? { text: j.t } : {};
  if (typeof j.c === "number" && Number.isInteger(j.c) && j.c >= 0) return { kernel: j.k, at: j.c, ...(typeof j.x === "number" ? { exit: j.x } : {}), ...text };
  return { kernel: j.k, at: "build", ok: j.b !== 0, ...text };
}

/** The messages an expectation's text is looked for in: build errors and modpost lines, or a command's stderr and kernel lines. */
export function messagesAt(result: RunResult, at: Expectation["at"]): string[] {
  const o = outcomeOf(result);
  if (at === "build") return [...o.build.errors, ...o.build.modpost];
  const c = o.commands[at];
  return c ? [...c.stderr, ...c.kernel.map((k) => k.replace(/^<\d>/, ""))] : [];
}

/** What the run did where the expectation looks, in words. */
export function describeActual(result: RunResult, at: Expectation["at"]): string {
  const o = outcomeOf(result);
  if (at === "build") return o.build.ok ? "make succeeds" : "make fails";
  const c = o.commands[at];
  return c ? `$ ${c.cmd} exits ${c.exit}` : `there is no command ${at + 1}`;
}

/** What the expectation asks for, in words. */
export function describeExpectation(e: Expectation, cmd?: string): string {
  const what =
    e.at === "build"
      ? e.ok === false
        ? "make fails"
        : "make succeeds"
      : `${cmd ? `$ ${cmd}` : `command ${e.at + 1}`}${e.exit !== undefined ? ` exits ${e.exit}` : ""}`;
  return `on ${e.kernel}: ${what}${e.text ? ` with “${e.text}”` : ""}`;
}

/** Whether `result` (a run on `e.kernel`) meets the expectation. */
export function meetsExpectation(result: RunResult, e: Expectation): boolean {
  const o = outcomeOf(result);
  if (e.at === "build") {
    if (e.ok !== undefined && o.build.ok !== e.ok) return false;
  } else {
    const c = o.commands[e.at];
    if (!c) return false;
    if (e.exit !== undefined && c.exit !== e.exit) return false;
  }
  return !e.text || messagesAt(result, e.at).some((m) => m.includes(e.text!));
}
