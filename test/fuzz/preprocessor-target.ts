// The preprocessor's fuzz target: a main file and two headers made of directive, macro and
// literal pieces (or arbitrary text), preprocessed with intrinsics, a snapshot, an include
// path and, every other case, gcc's kbuild table. A case fails when the engine traps (an
// exception), a diagnostic or token names a file that is not in the workspace (or a token
// has no line), or a run takes > 2 s.

import fc from "fast-check";
import type { Engine } from "../../src/engine";
import { CPP_PIECES, textFrom } from "../support/arbitraries";
import type { Outcome } from "./module-targets";

const SLOW_MS = 2000;

export function fuzzPreprocessor(engine: Engine, runs: number, seed: number): Outcome {
  const out: Outcome = { cases: 0, failed: 0, first: "", slowest: 0, peakRss: 0 };
  fc.assert(
    fc.property(fc.tuple(textFrom(CPP_PIECES), textFrom(CPP_PIECES), textFrom(CPP_PIECES), fc.boolean()), ([main, a, b, kbuild]) => {
      out.cases++;
      const files = { "main.c": main, "a.h": a, "inc/b.h": b };
      let problem: string | null = null;
      const t0 = performance.now();
      try {
        const r = engine.preprocess(files, {
          main: "main.c",
          includeDirs: ["inc"],
          intrinsics: ["EXPORT_SYMBOL()", "MODULE_LICENSE()"],
          snapshots: ["DEFAULT_SYMBOL_NAMESPACE"],
          compiler: kbuild ? "gcc-kbuild" : undefined,
          defines: ["X=1", "-Y"],
          stopAtFatal: kbuild,
          tokens: true,
        });
        const names = new Set(["", "main.c", "a.h", "inc/b.h", "<built-in>", "<command-line>"]);
        const stray = r.diagnostics.find((d) => !names.has(d.file));
        const lost = r.tokens?.find((t) => !names.has(t[2]) || t[2] === "" || t[3] < 1 || t[4] < 1);
        if (stray) problem = `diagnostic names ${stray.file}: ${stray.text}`;
        else if (lost) problem = `token ${JSON.stringify(lost)} has no place in a file`;
        else if (r.format !== 1) problem = "no result";
      } catch (err) {
        problem = `exception: ${err instanceof Error ? err.message : String(err)}`;
      }
      const ms = performance.now() - t0;
      out.slowest = Math.max(out.slowest, ms);
      if (!problem && ms > SLOW_MS) problem = `took ${ms.toFixed(0)} ms`;
      if (problem) {
        out.failed++;
        if (!out.first) out.first = `${problem}\n  input: ${JSON.stringify(files).slice(0, 600)}`;
      }
      if (out.cases % 250 === 1) out.peakRss = Math.max(out.peakRss, process.memoryUsage().rss / 2 ** 20);
      return true;
    }),
    { seed, numRuns: runs },
  );
  return out;
}
