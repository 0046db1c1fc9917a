// Reads what the kernel lab recorded for a golden case on a real kernel, and puts the
// engine's result in the same shape so the two compare mechanically.

import { parseRelease } from "../../wasm/shared/releases";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { RunResult } from "../../src/engine";

export interface LabCommand {
  cmd: string;
  exit: number;
  stdout: string[];
  stderr: string[];
  kernel: { level: number; text: string }[];
  taint: number;
}

export interface LabTranscript {
  kernel: string;
  complete: boolean;
  commands: LabCommand[];
  modules_at_end: string[];
  header: string[];
}

export const WORKSPACES = new URL("../workspaces/", import.meta.url).pathname;

/** Every golden case folder. */
export function caseNames(): string[] {
  return readdirSync(WORKSPACES, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

/** Why the engine does not pass a case yet (its PENDING file's first line), or null. */
export function pendingReason(name: string): string | null {
  const path = join(WORKSPACES, name, "PENDING");
  if (!existsSync(path)) return null;
  return readFileSync(path, "utf8").split("\n")[0].trim() || "no reason given";
}

/** Kernel series a case was recorded on (transcript-<series>.json), but for recordings
 *  marked invalid. */
export function recordedKernels(name: string): string[] {
  return readdirSync(join(WORKSPACES, name))
    .map((f) => /^transcript-(\d+\.\d+)\.json$/.exec(f)?.[1])
    .filter((v): v is string => !!v && invalidReason(name, v) === null)
    .sort((a, b) => key(a) - key(b));
}

/** Why a case's recording on `series` shows no kernel behaviour (its INVALID-<series> file's
 *  first line: a fault of the case's own build script, say), or null. The recording stays as
 *  evidence of that fault; the engine is not compared with it. */
export function invalidReason(name: string, series: string): string | null {
  const path = join(WORKSPACES, name, `INVALID-${series}`);
  if (!existsSync(path)) return null;
  return readFileSync(path, "utf8").split("\n")[0].trim() || "no reason given";
}

/** Kernel series whose recording of a case is marked invalid (INVALID-<series>). */
export function invalidKernels(name: string): string[] {
  return readdirSync(join(WORKSPACES, name))
    .map((f) => /^INVALID-(\d+\.\d+)$/.exec(f)?.[1])
    .filter((v): v is string => !!v)
    .sort((a, b) => key(a) - key(b));
}

/** Kernel series a case has an engine expectation for (expected-<series>.txt). */
export function expectedKernels(name: string): string[] {
  return readdirSync(join(WORKSPACES, name))
    .map((f) => /^expected-(\d+\.\d+)\.txt$/.exec(f)?.[1])
    .filter((v): v is string => !!v)
    .sort((a, b) => key(a) - key(b));
}

const key = parseRelease;

export function readLab(name: string, kernel: string): LabTranscript {
  return JSON.parse(readFileSync(join(WORKSPACES, name, `transcript-${kernel}.json`), "utf8")) as LabTranscript;
}

/** Lines of the plain `make` pass (pass 1) of the lab's build log. */
export function plainPassLog(name: string, kernel: string): string[] {
  const path = join(WORKSPACES, name, `build-${kernel}.log`);
  if (!existsSync(path)) return [];
  const lines = readFileSync(path, "utf8").split("\n");
  const out: string[] = [];
  let inPass1 = false;
  for (const l of lines) {
    if (l.startsWith("=== ")) {
      inPass1 = (l.startsWith("=== pass 1") || l.startsWith("=== custom build.sh")) && !/exit status/.test(l);
      continue;
    }
    if (inPass1) out.push(l);
  }
  return out;
}

export function modpostLines(log: string[]): string[] {
  return log.filter((l) => /^(FATAL|ERROR|WARNING): modpost: /.test(l));
}

/** Lines in-tree modules print from their init functions (ksymns does not run module code). */
const INIT_MESSAGES = new Set(["SCSI subsystem initialized"]);

/** Lines a case's real driver prints itself (its own pr_warn and friends), which ksymns does
 *  not simulate: the case's OWN-MESSAGES file, one a line. */
export function ownMessages(name: string): Set<string> {
  const file = join(WORKSPACES, name, "OWN-MESSAGES");
  return new Set(
    existsSync(file)
      ? readFileSync(file, "utf8")
          .split("\n")
          .filter((l) => l.length > 0)
      : [],
  );
}

/** The loader-relevant view of a command: kernel lines the module's own printk did not make
 *  (toy modules print at level 6), and no lsmod sizes (ksymns does not model module size). */
export function comparable(c: LabCommand, own: Set<string> = new Set()): LabCommand {
  const isLsmod = /^\s*lsmod\b/.test(c.cmd);
  return {
    cmd: c.cmd,
    exit: c.exit,
    stdout: isLsmod ? [] : c.stdout,
    stderr: c.stderr,
    kernel: c.kernel.filter((k) => k.level <= 5 && !INIT_MESSAGES.has(k.text) && !own.has(k.text)).map((k) => ({ level: k.level, text: k.text })),
    taint: c.taint,
  };
}

export function engineCommands(res: RunResult): LabCommand[] {
  return res.commands.map((c) => comparable({ cmd: c.cmd, exit: c.exit, stdout: c.stdout, stderr: c.stderr, kernel: c.kernel, taint: c.taint }));
}

/** What the lab says about how each .ko came to be ("plain build", "NOT BUILT", ...). */
export function koOrigins(lab: LabTranscript): Map<string, string> {
  const out = new Map<string, string>();
  for (const h of lab.header) {
    const m = /^# build: (\S+)\.ko: (.*)$/.exec(h);
    if (m) out.set(m[1], m[2]);
  }
  return out;
}

/** The compiler's and assembler's error messages in a log, without their file:line prefix. */
export function compilerErrors(log: string[]): string[] {
  const out: string[] = [];
  for (const l of log) {
    if (/^make(\[\d+\])?: /.test(l)) continue;
    const m = /(?:^|: )((?:error|Error): .*)$/.exec(l);
    if (m && !out.includes(m[1])) out.push(m[1]);
  }
  return out;
}
