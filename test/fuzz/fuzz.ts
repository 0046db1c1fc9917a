// `npm run fuzz`: 100,000 cases per reader through the engine, arbitrary and mutated, then
// as many mutated .ko files and compressed modules of each format (module-targets.ts).
// A case fails when the engine traps (an internal-error finding) or a finding names a file
// that is not in the workspace. Prints the counts; exits 1 on any failure.
// Then argument lists through the command line's main() (RUNS / 200 of them, cli-options.ts).
// FUZZ_RUNS overrides the count; FUZZ_SEED the seed; FUZZ_TARGETS (comma-separated names,
// e.g. "ELF / .ko,xz,preprocessor") picks targets.

import fc from "fast-check";
import { createNodeEngine } from "../../src/engine/hosts/node";
import type { RunResult, WorkspaceFiles } from "../../src/engine";
import { C_PIECES, OTHER_PIECES, SYMVERS_PIECES, textFrom } from "../support/arbitraries";
import { decodeLink, defaultSnapshot, encodeLink, LinkError } from "../../src/store";
import type { Compression } from "../../src/engine/decompress";
import { locateElf } from "./elf-mutations";
import { compress } from "./compressed-streams";
import { corpusModules, corpusRoot, fixtureModules } from "./module-seeds";
import { fuzzCompressed, fuzzModules, type Outcome } from "./module-targets";
import { fuzzPreprocessor } from "./preprocessor-target";
import { fuzzCli } from "./cli-options";

const RUNS = Number(process.env.FUZZ_RUNS ?? 100_000);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const ONLY = process.env.FUZZ_TARGETS ? new Set(process.env.FUZZ_TARGETS.split(",")) : null;
const wanted = (name: string): boolean => !ONLY || ONLY.has(name);
const engine = await createNodeEngine();
await engine.useProfileFor("6.12");

function sound(res: RunResult, files: WorkspaceFiles): string | null {
  const internal = res.findings.find((f) => f.stage === "internal");
  if (internal) return internal.text;
  const names = new Set([...Object.keys(files), "load"]);
  const stray = res.findings.find((f) => f.file && !names.has(f.file));
  return stray ? `finding names ${stray.file}: ${stray.text}` : null;
}

interface Target {
  name: string;
  arb: fc.Arbitrary<WorkspaceFiles>;
  kernel?: string;
}
const targets: Target[] = [
  { name: "toy C", arb: fc.tuple(textFrom(C_PIECES), textFrom(C_PIECES)).map(([a, b]) => ({ "a.c": a, "user-x.c": b })) },
  {
    name: "Module.symvers",
    kernel: "6.16",
    arb: textFrom(SYMVERS_PIECES).map((t) => ({
      "m.c": 'int toy_get(void);\nstatic int i(void){return toy_get();}\nmodule_init(i);\nMODULE_LICENSE("GPL");\n',
      "Module.symvers": t,
    })),
  },
  { name: "Kbuild", arb: textFrom(OTHER_PIECES).map((t) => ({ "x.c": 'MODULE_LICENSE("GPL");\n', Kbuild: t })) },
  { name: ".config", arb: textFrom(OTHER_PIECES).map((t) => ({ "x.c": 'MODULE_LICENSE("GPL");\n', ".config": t })) },
  { name: "load", arb: textFrom(OTHER_PIECES).map((t) => ({ "x.c": 'MODULE_LICENSE("GPL");\n', load: t })) },
  {
    name: "whole workspace",
    arb: fc
      .record({
        c: textFrom(C_PIECES),
        sv: textFrom(SYMVERS_PIECES),
        kb: textFrom(OTHER_PIECES),
        load: textFrom(OTHER_PIECES),
        k: fc.constantFrom("5.4", "5.10", "6.1", "6.12", "6.13", "6.16", "6.17", "6.18", "7.3"),
      })
      .map((r) => ({
        "a.c": r.c,
        "Module.symvers": r.sv,
        Kbuild: r.kb + "\nobj-m += a.o\n",
        load: r.load,
        ".config": `# Linux/x86 ${r.k}.0 Kernel Configuration\n`,
      })),
  },
];

/** The share-link codec: any text, or a real link cut or bit-flipped, either opens or is a LinkError. */
function fuzzLinks(): { cases: number; failed: number; first: string } {
  const real = encodeLink(defaultSnapshot()).slice(3);
  const mutated = fc.tuple(fc.nat(real.length), fc.nat(63), fc.boolean()).map(([at, v, cut]) => {
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    return cut ? real.slice(0, at) : real.slice(0, at) + alphabet[v] + real.slice(at + 1);
  });
  let cases = 0;
  let failed = 0;
  let first = "";
  fc.assert(
    fc.property(fc.oneof(fc.string({ maxLength: 300 }), mutated), (payload) => {
      cases++;
      try {
        decodeLink(`#v1/${payload}`);
      } catch (err) {
        if (!(err instanceof LinkError)) {
          failed++;
          if (!first) first = `${(err as Error).message} for #v1/${payload.slice(0, 120)}`;
        }
      }
      return true;
    }),
    { seed: SEED, numRuns: RUNS },
  );
  return { cases, failed, first };
}

let failures = 0;
console.log(`seed ${SEED}, ${RUNS} cases per target`);
if (wanted("share link")) {
  const t0 = performance.now();
  const r = fuzzLinks();
  failures += r.failed;
  console.log(
    `${"share link".padEnd(16)} ${String(r.cases).padStart(7)} cases  ${String(r.failed).padStart(3)} failed  ${((performance.now() - t0) / 1000).toFixed(1)} s${r.first ? `\n  first: ${r.first}` : ""}`,
  );
}
for (const t of targets) {
  if (!wanted(t.name)) continue;
  const t0 = performance.now();
  let cases = 0;
  let failed = 0;
  let first = "";
  fc.assert(
    fc.property(t.arb, (files) => {
      cases++;
      const problem = sound(engine.runLoaded(files, { kernel: t.kernel, relaxed: true }), files);
      if (problem) {
        failed++;
        if (!first) first = `${problem}\n  input: ${JSON.stringify(files).slice(0, 500)}`;
      }
      return true;
    }),
    { seed: SEED, numRuns: RUNS },
  );
  failures += failed;
  console.log(
    `${t.name.padEnd(16)} ${String(cases).padStart(7)} cases  ${String(failed).padStart(3)} failed  ${((performance.now() - t0) / 1000).toFixed(1)} s${first ? `\n  first: ${first}` : ""}`,
  );
  await new Promise((r) => setTimeout(r, 0));
}
function report(name: string, r: Outcome, t0: number): void {
  failures += r.failed;
  console.log(
    `${name.padEnd(16)} ${String(r.cases).padStart(7)} cases  ${String(r.failed).padStart(3)} failed  ${((performance.now() - t0) / 1000).toFixed(1)} s  (slowest ${r.slowest.toFixed(0)} ms, peak ${r.peakRss.toFixed(0)} MiB)${r.first ? `\n  first: ${r.first}` : ""}`,
  );
}

if (wanted("preprocessor")) {
  const t0 = performance.now();
  report("preprocessor", fuzzPreprocessor(engine, RUNS, SEED), t0);
}

// dropped modules: fixtures in every layout, and real modules when a corpus is cached
const fixtures = fixtureModules();
const real = corpusModules();
console.log(`module seeds: ${fixtures.length} fixtures, ${real.length} real modules${real.length ? ` from ${corpusRoot()}` : " (no corpus cached)"}`);
if (wanted("ELF / .ko")) {
  const t0 = performance.now();
  report(
    "ELF / .ko",
    await fuzzModules(
      engine,
      [...fixtures, ...real].map((m) => locateElf(m.name, m.bytes)),
      RUNS,
      SEED,
    ),
    t0,
  );
}
// compressed: the fixtures and the smallest real modules (each case decompresses its stream
// five times over)
const streams = [...fixtures, ...[...real].sort((a, b) => a.bytes.length - b.bytes.length).slice(0, 8)].map((m) => compress(m.bytes));
for (const format of ["xz", "zstd", "gzip"] as Compression[]) {
  if (!wanted(format)) continue;
  const t0 = performance.now();
  report(
    format,
    await fuzzCompressed(
      engine,
      format,
      streams.map((s) => s[format]),
      RUNS,
      SEED,
    ),
    t0,
  );
}
// the command line: option paths and oversized or hostile inputs, each case a whole main()
if (wanted("CLI options")) {
  const t0 = performance.now();
  report("CLI options", await fuzzCli(Math.max(50, Math.round(RUNS / 200)), SEED), t0);
}
console.log(failures ? `${failures} failed` : "0 failed");
process.exitCode = failures ? 1 : 0;
