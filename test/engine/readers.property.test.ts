// Every reader, fed arbitrary or mutated text, answers with findings: never a trap, never
// an exception, and every finding about a file names that file.

import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { createNodeEngine } from "../../src/engine/hosts/node";
import type { Engine, RunResult } from "../../src/engine";
import { C_PIECES, OTHER_PIECES, SYMVERS_PIECES, textFrom } from "../support/arbitraries";

let engine: Engine;
beforeAll(async () => {
  engine = await createNodeEngine();
  await engine.useProfileFor("6.12");
});

const SEED = 20261126;
const RUNS = 150;

function checkSound(res: RunResult, files: string[]): void {
  const internal = res.findings.filter((f) => f.stage === "internal");
  expect(internal, internal[0]?.text).toEqual([]);
  for (const f of res.findings) {
    expect(typeof f.text).toBe("string");
    if (f.file) expect([...files, "load"], `finding names a workspace file: ${f.text}`).toContain(f.file);
  }
  expect(typeof res.transcript).toBe("string");
}

describe("readers never trap on arbitrary input", () => {
  it("the C reader returns findings for any text", () => {
    fc.assert(
      fc.property(textFrom(C_PIECES), textFrom(C_PIECES), (a, b) => {
        const res = engine.runLoaded({ "a.c": a, "user-x.c": b }, { kernel: "6.12", relaxed: true });
        checkSound(res, ["a.c", "user-x.c"]);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it("the Module.symvers reader returns findings for any text", () => {
    fc.assert(
      fc.property(textFrom(SYMVERS_PIECES), (t) => {
        const res = engine.runLoaded(
          { "m.c": 'int toy_get(void);\nstatic int i(void){return toy_get();}\nmodule_init(i);\nMODULE_LICENSE("GPL");\n', "Module.symvers": t },
          { kernel: "6.16" },
        );
        checkSound(res, ["m.c", "Module.symvers"]);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it("the Kbuild, .config and load readers return findings for any text", () => {
    fc.assert(
      fc.property(textFrom(OTHER_PIECES), textFrom(OTHER_PIECES), textFrom(OTHER_PIECES), (kb, cfg, load) => {
        const res = engine.runLoaded({ "x.c": 'MODULE_LICENSE("GPL");\n', Kbuild: kb, ".config": cfg, load }, {});
        checkSound(res, ["x.c", "Kbuild", ".config", "load"]);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it("deep nesting and huge inputs are read without exhausting the engine", () => {
    const deep = "int f(void) " + "{".repeat(50_000) + "}".repeat(50_000) + "\n" + "(".repeat(50_000) + '\nMODULE_LICENSE("GPL");\n';
    const long = "EXPORT_SYMBOL(" + "x".repeat(1_000_000) + ");\n";
    const res = engine.runLoaded({ "deep.c": deep, "long.c": long, "Module.symvers": "0x0\ta\tb\tEXPORT_SYMBOL\t\n".repeat(100_000) }, { kernel: "6.12" });
    checkSound(res, ["deep.c", "long.c", "Module.symvers"]);
  });

  it("refuses a file over the stated limit with a finding naming it", () => {
    const big = "x".repeat(8 * 1024 * 1024 + 1);
    const res = engine.runLoaded({ "big.c": big, "ok.c": 'MODULE_LICENSE("GPL");\n' }, {});
    checkSound(res, ["big.c", "ok.c"]);
    expect(res.findings.find((f) => f.id === "READ_TOO_LARGE")?.file).toBe("big.c");
    expect(res.build.modules.map((m) => m.name)).toEqual(["ok"]);
  });
});
