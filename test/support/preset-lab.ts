// A preset's expected outcome, derived mechanically from what the kernel lab recorded on a
// real kernel (lab-<series>.json and build-<series>.log next to preset.json).
//
//   npx tsx test/support/preset-lab.ts SLUG SERIES [LABDIR]
// copies LABDIR/transcript-SERIES.json and build-SERIES.log (the lab's --out folder) into the
// preset as lab-SERIES.json and build-SERIES.log, and rewrites preset.json's `expected`
// (keeping its hand-written `nsdeps`, which the lab cannot run: no Coccinelle in its chroots).

import { copyFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ExpectedCommand, ExpectedOutcome, KoVerdict, PresetMeta } from "../../src/presets";
import { comparable, koOrigins, modpostLines, type LabTranscript } from "./lab";

const PRESETS = fileURLToPath(new URL("../../src/presets/", import.meta.url));

/** Lines of the first pass of a lab build log (plain make, or a custom build.sh). */
export function firstPass(log: string): string[] {
  const out: string[] = [];
  let inPass = false;
  for (const l of log.split("\n")) {
    if (l.startsWith("=== ")) {
      if (/^=== (pass 1|custom build\.sh)/.test(l) && !/exit status/.test(l)) inPass = true;
      else if (/^=== pass \d|exit status/.test(l)) inPass = false;
      continue;
    }
    if (inPass) out.push(l);
  }
  return out;
}

/** gcc and gas errors as the engine words them: a generated .mod.c is named without a
 *  line, and gas names its temporary file, which the engine calls <tmp>.s. */
export function compilerErrors(lines: string[]): string[] {
  const out: string[] = [];
  for (const l of lines) {
    const asm = /^\/tmp\/\S+\.s:\d+: (Error: .*)$/.exec(l);
    if (asm) {
      out.push(`<tmp>.s: ${asm[1]}`);
      continue;
    }
    const modc = /^(\S+\.mod\.c):\d+:\d+: (error: .*)$/.exec(l);
    if (modc) {
      out.push(`${modc[1]}: ${modc[2]}`);
      continue;
    }
    if (/^\S+\.c:\d+:\d+: error: /.test(l)) out.push(l);
  }
  return out;
}

function verdict(how: string): KoVerdict {
  if (how.startsWith("NOT BUILT")) return "not built";
  if (how === "plain build" || how === "build.sh") return "built";
  return "relaxed";
}

/** The expected outcome of a preset from the lab's transcript and build log. */
export function expectedFromLab(lab: LabTranscript, buildLog: string): ExpectedOutcome {
  const pass = firstPass(buildLog);
  const modules: Record<string, KoVerdict> = {};
  for (const [name, how] of koOrigins(lab)) modules[`${name}.ko`] = verdict(how);
  const ok = lab.header.some((h) => /^# build: (plain make|build\.sh) exit status: 0$/.test(h));
  return {
    build: { ok, errors: compilerErrors(pass), modpost: modpostLines(pass), modules },
    commands: lab.commands
      .filter((c) => !/^\s*lsmod\b/.test(c.cmd))
      .map((c) => comparable(c))
      .map((c): ExpectedCommand => ({ cmd: c.cmd, exit: c.exit, stderr: c.stderr, kernel: c.kernel.map((k) => `<${k.level}>${k.text}`), taint: c.taint })),
    modules_at_end: lab.modules_at_end,
  };
}

/** The lab evidence stored with a preset, or null when it has none for `series`. */
export function readPresetLab(slug: string, series: string): { lab: LabTranscript; log: string } | null {
  const json = join(PRESETS, slug, `lab-${series}.json`);
  if (!existsSync(json)) return null;
  const logPath = join(PRESETS, slug, `build-${series}.log`);
  return { lab: JSON.parse(readFileSync(json, "utf8")) as LabTranscript, log: existsSync(logPath) ? readFileSync(logPath, "utf8") : "" };
}

const NSDEPS_NOTE =
  "; nsdeps hand-written from scripts/nsdeps and scripts/coccinelle/misc/add_namespace.cocci (one MODULE_IMPORT_NS per missing namespace, directly after MODULE_LICENSE(); the lab's chroots have no Coccinelle)";

function main(argv: string[]): void {
  const [slug, series, labDir] = argv;
  if (!slug || !series) {
    process.stderr.write("usage: tsx test/support/preset-lab.ts SLUG SERIES [LABDIR]\n");
    process.exit(2);
  }
  const dir = join(PRESETS, slug);
  if (labDir) {
    copyFileSync(join(labDir, `transcript-${series}.json`), join(dir, `lab-${series}.json`));
    copyFileSync(join(labDir, `build-${series}.log`), join(dir, `build-${series}.log`));
  }
  const ev = readPresetLab(slug, series);
  if (!ev) throw new Error(`${slug}: no lab-${series}.json`);
  const metaPath = join(dir, "preset.json");
  const meta = JSON.parse(readFileSync(metaPath, "utf8")) as PresetMeta;
  const expected = expectedFromLab(ev.lab, ev.log);
  if (meta.expected?.nsdeps) expected.nsdeps = meta.expected.nsdeps;
  meta.expected = expected;
  meta.expected_source = `kernel lab: ${ev.lab.kernel} (lab-${series}.json, build-${series}.log)` + (expected.nsdeps ? NSDEPS_NOTE : "");
  writeFileSync(metaPath, JSON.stringify(meta, null, 2) + "\n");
  process.stdout.write(`${slug}: expected outcome written from ${ev.lab.kernel}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.slice(2));
