// The fuzz targets for dropped modules: mutated ELF files, and compressed streams of each
// format, fed the way a user's file reaches the engine — a workspace with the module and a
// load script that inserts it (engine.run decompresses it first, within the limits), and
// describeModule() as `ksymns check` uses it — plus every decoder directly (Node's, the
// page's, and xz-decompress). A case fails on an exception escaping, a missing result, an
// internal error, a finding without its file, an output past the limit, or any one of those
// calls taking > 2 s.

import fc from "fast-check";
import type { Engine, RunResult, WorkspaceFiles } from "../../src/engine";
import { DecompressError, type Compression } from "../../src/engine/decompress";
import { unxzWasmLimited } from "../../src/engine/decompress/node";
import { browserDecompress } from "../../src/engine/decompress/browser";
import { MAX_FILE_BYTES } from "../../wasm/shared/codes";
import { mutatedModule, type ElfSeed } from "./elf-mutations";
import { mutatedStream } from "./compressed-streams";
import { describeProblem, runProblem } from "./module-checks";

export interface Outcome {
  cases: number;
  failed: number;
  first: string;
  /** The slowest case, in ms. */
  slowest: number;
  /** The highest resident set seen, in MiB. */
  peakRss: number;
}

const SLOW_MS = 2000;
const KERNELS = ["5.10", "6.1", "6.12", "6.16", "7.3"];
const EXTENSION: Record<Compression, string> = { xz: "xz", zstd: "zst", gzip: "gz" };

class Tally implements Outcome {
  cases = 0;
  failed = 0;
  first = "";
  slowest = 0;
  peakRss = 0;
  /** The current case's first call that took too long. */
  private slow: string | null = null;

  /** Runs one facade or decoder call, noting when it takes longer than a user may wait. */
  async step<T>(what: string, call: () => Promise<T> | T): Promise<T> {
    const t0 = performance.now();
    try {
      return await call();
    } finally {
      const ms = performance.now() - t0;
      this.slowest = Math.max(this.slowest, ms);
      if (ms > SLOW_MS) this.slow ??= `${what} took ${ms.toFixed(0)} ms`;
    }
  }

  async time(input: () => string, body: () => Promise<string | null>): Promise<void> {
    // let timers and finalizers run now and then, as between a user's runs
    if (++this.cases % 100 === 0) await new Promise((resolve) => setImmediate(resolve));
    this.slow = null;
    let problem: string | null;
    try {
      problem = await body();
    } catch (err) {
      problem = `exception escaped: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`;
    }
    problem ??= this.slow;
    if (this.cases % 250 === 1) this.peakRss = Math.max(this.peakRss, process.memoryUsage().rss / 2 ** 20);
    if (problem) {
      this.failed++;
      if (!this.first) this.first = `${problem}\n  input: ${input()}`;
    }
  }
}

function hex(b: Uint8Array): string {
  return `${b.length} bytes ${Buffer.from(b.subarray(0, 96)).toString("hex")}`;
}

/** Mutated ELF modules through a run (insmod, modprobe -r) and describeModule(). */
export async function fuzzModules(engine: Engine, seeds: ElfSeed[], runs: number, seed: number): Promise<Outcome> {
  const t = new Tally();
  await fc.assert(
    fc.asyncProperty(mutatedModule(seeds), fc.constantFrom(...KERNELS), async (m, kernel) => {
      await t.time(
        () => `${m.seed} on ${kernel}: ${hex(m.bytes)}`,
        async () => {
          const files: WorkspaceFiles = { "m.ko": m.bytes, load: "insmod m.ko\nmodprobe -r m\nlsmod\n" };
          const res: RunResult | undefined = await t.step("run", () => engine.runLoaded(files, { kernel, relaxed: true }));
          return runProblem(res, files) ?? describeProblem(await t.step("describeModule", () => engine.describeModule("m.ko", m.bytes, kernel)), "m.ko");
        },
      );
      return true;
    }),
    { seed, numRuns: runs },
  );
  return t;
}

/** One decoder's answer: its output within the limit, or a DecompressError. */
async function decoderProblem(name: string, decode: () => Promise<Uint8Array>): Promise<string | null> {
  try {
    const out = await decode();
    return out.length > MAX_FILE_BYTES ? `${name}: ${out.length} bytes, past the limit` : null;
  } catch (err) {
    return err instanceof DecompressError ? null : `${name}: ${err instanceof Error ? err.message : String(err)}`;
  }
}

/** Valid, mutated and random streams of `format` through a run, describeModule() and each decoder. */
export async function fuzzCompressed(engine: Engine, format: Compression, valid: Uint8Array[], runs: number, seed: number): Promise<Outcome> {
  const t = new Tally();
  const file = `m.ko.${EXTENSION[format]}`;
  await fc.assert(
    fc.asyncProperty(mutatedStream(format, valid), async (bytes) => {
      await t.time(
        () => `${file}: ${hex(bytes)}`,
        async () => {
          const files: WorkspaceFiles = { [file]: bytes, load: `insmod ${file}\n` };
          const res = await t.step("run", () => engine.run(files, { kernel: "6.12" }));
          const problem = runProblem(res, files);
          if (problem) return problem;
          // the host decompresses it, or tells the engine why not (never left for the engine to guess)
          const unexplained = res.findings.find((f) => f.file === file && /did not decompress/.test(f.text));
          if (unexplained) return `compressed module left without a reason: ${unexplained.text}`;
          return (
            describeProblem(await t.step("describeModule", () => engine.describeModule(file, bytes, "6.12")), file) ??
            // the page decodes zstd in a worker it can stop; under Node the same decoder is the
            // one the Node host runs under its time limit, checked above
            (format === "zstd"
              ? null
              : await t.step("page decoder", () => decoderProblem("page decoder", () => browserDecompress(format, bytes, MAX_FILE_BYTES)))) ??
            (format === "xz" ? await t.step("xz-decompress", () => decoderProblem("xz-decompress", () => unxzWasmLimited(bytes, MAX_FILE_BYTES))) : null)
          );
        },
      );
      return true;
    }),
    { seed, numRuns: runs },
  );
  return t;
}
