// The comparable outcome of a run: the engine's RunResult reduced to what a preset stores
// (build verdict, each command's exit, stderr and kernel lines, /proc/modules), and the
// differences between a stored outcome and a fresh one, as lines a person can read.

import type { RunResult } from "../engine";
import type { ExpectedCommand, ExpectedOutcome, KoVerdict, NsdepsEdit } from "./types";

const MODPOST_LINE = /^(FATAL|ERROR|WARNING): modpost: /;

/** Kernel log levels the engine simulates: the module's own printk (level 6 and up) is not. */
export const MAX_KERNEL_LEVEL = 5;

function isLsmod(cmd: string): boolean {
  return /^\s*lsmod\b/.test(cmd);
}

/** The outcome of an engine run, in the form presets store. */
export function outcomeOf(res: RunResult): ExpectedOutcome {
  const modules: Record<string, KoVerdict> = {};
  const nsdeps: Record<string, NsdepsEdit> = {};
  for (const m of res.build.modules) {
    if (m.builtin) continue;
    const ko = m.ko;
    modules[ko] = !m.produced ? "not built" : res.build.ok ? "built" : "relaxed";
    if (m.missingNamespaces.length > 0) {
      const model = res.model.modules.find((mm) => mm.file === m.file);
      nsdeps[ko] = { add: [...m.missingNamespaces], line: model?.importInsertLine ?? 0 };
    }
  }
  const out: ExpectedOutcome = {
    build: {
      ok: res.build.ok,
      errors: res.build.log.filter((l) => !MODPOST_LINE.test(l)),
      modpost: res.build.log.filter((l) => MODPOST_LINE.test(l)),
      modules,
    },
    commands: res.commands
      .filter((c) => !isLsmod(c.cmd))
      .map((c): ExpectedCommand => ({
        cmd: c.cmd,
        exit: c.exit,
        stderr: [...c.stderr],
        kernel: c.kernel.filter((k) => k.level <= MAX_KERNEL_LEVEL).map((k) => `<${k.level}>${k.text}`),
        taint: c.taint,
      })),
    modules_at_end: [...res.modules_at_end],
  };
  if (Object.keys(nsdeps).length > 0) out.nsdeps = nsdeps;
  return out;
}

function listDiff(label: string, want: string[], got: string[], out: string[]): void {
  if (want.length === got.length && want.every((w, i) => w === got[i])) return;
  out.push(`${label}:`);
  for (const w of want) if (!got.includes(w)) out.push(`  - ${w}`);
  for (const g of got) if (!want.includes(g)) out.push(`  + ${g}`);
  if (want.every((w) => got.includes(w)) && got.every((g) => want.includes(g))) {
    out.push(`  (same lines, other order)`);
    out.push(...want.map((w) => `  expected: ${w}`));
    out.push(...got.map((g) => `  actual:   ${g}`));
  }
}

/** Differences between a stored outcome and an actual one; empty when they agree.
 *  `nsdeps` is compared only when the stored outcome has it. */
export function diffOutcome(expected: ExpectedOutcome, actual: ExpectedOutcome): string[] {
  const out: string[] = [];
  if (expected.build.ok !== actual.build.ok)
    out.push(`build: plain make ${expected.build.ok ? "succeeds" : "fails"} in the expectation, ${actual.build.ok ? "succeeds" : "fails"} in this run`);
  listDiff("build errors (- expected, + actual)", expected.build.errors, actual.build.errors, out);
  listDiff("modpost (- expected, + actual)", expected.build.modpost, actual.build.modpost, out);
  const kos = new Set([...Object.keys(expected.build.modules), ...Object.keys(actual.build.modules)]);
  for (const ko of [...kos].sort()) {
    const w = expected.build.modules[ko] ?? "(absent)";
    const g = actual.build.modules[ko] ?? "(absent)";
    if (w !== g) out.push(`${ko}: expected ${w}, actual ${g}`);
  }
  if (expected.nsdeps) {
    const a = actual.nsdeps ?? {};
    const names = new Set([...Object.keys(expected.nsdeps), ...Object.keys(a)]);
    for (const ko of [...names].sort()) {
      const w = expected.nsdeps[ko];
      const g = a[ko];
      const ws = w ? `${w.add.join(", ")} at line ${w.line}` : "(nothing)";
      const gs = g ? `${g.add.join(", ")} at line ${g.line}` : "(nothing)";
      if (ws !== gs) out.push(`make nsdeps for ${ko}: expected ${ws}, actual ${gs}`);
    }
  }
  const n = Math.max(expected.commands.length, actual.commands.length);
  for (let i = 0; i < n; i++) {
    const w = expected.commands[i];
    const g = actual.commands[i];
    if (!w || !g) {
      out.push(`command ${i + 1}: expected ${w ? `'${w.cmd}'` : "none"}, actual ${g ? `'${g.cmd}'` : "none"}`);
      continue;
    }
    const head = `command ${i + 1} ($ ${w.cmd})`;
    if (w.cmd !== g.cmd) out.push(`${head}: actual command is '${g.cmd}'`);
    if (w.exit !== g.exit) out.push(`${head}: exit ${w.exit} expected, ${g.exit} actual`);
    listDiff(`${head} stderr (- expected, + actual)`, w.stderr, g.stderr, out);
    listDiff(`${head} kernel log (- expected, + actual)`, w.kernel, g.kernel, out);
    if (w.taint !== g.taint) out.push(`${head}: taint ${w.taint} expected, ${g.taint} actual`);
  }
  listDiff("/proc/modules at the end (- expected, + actual)", expected.modules_at_end, actual.modules_at_end, out);
  return out;
}
