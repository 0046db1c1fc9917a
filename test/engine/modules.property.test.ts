// The module fuzz targets of `npm run fuzz`, fixed-seed and modest, inside `npm test`: mutated
// .ko files (hostile header, section, symbol and relocation fields, .modinfo without NUL, bit
// flips, truncation) and valid, mutated or random .ko.xz / .ko.zst / .ko.gz streams, each
// through a run and describeModule(), the streams also through every decoder. Fixture seeds
// only, so that the cases are the same on every machine.

import { beforeAll, describe, expect, it } from "vitest";
import { createNodeEngine } from "../../src/engine/hosts/node";
import type { Engine } from "../../src/engine";
import type { Compression } from "../../src/engine/decompress";
import { locateElf } from "../fuzz/elf-mutations";
import { compress } from "../fuzz/compressed-streams";
import { fixtureModules } from "../fuzz/module-seeds";
import { fuzzCompressed, fuzzModules } from "../fuzz/module-targets";

const SEED = 20261126;
const RUNS = 300;

let engine: Engine;
beforeAll(async () => {
  engine = await createNodeEngine();
  await engine.useProfileFor("6.12");
});

const fixtures = fixtureModules();

describe("dropped modules never break the engine", () => {
  it("mutated .ko files: a result with findings that name the file, never a trap", async () => {
    const r = await fuzzModules(
      engine,
      fixtures.map((m) => locateElf(m.name, m.bytes)),
      RUNS,
      SEED,
    );
    expect(r.first).toBe("");
    expect(r).toMatchObject({ cases: RUNS, failed: 0 });
  });

  const streams = fixtures.map((m) => compress(m.bytes));
  for (const format of ["xz", "zstd", "gzip"] as Compression[]) {
    it(`${format} streams, valid or not: decompressed or a finding naming the file, within the limit`, async () => {
      const r = await fuzzCompressed(
        engine,
        format,
        streams.map((s) => s[format]),
        RUNS / 2,
        SEED,
      );
      expect(r.first).toBe("");
      expect(r).toMatchObject({ cases: RUNS / 2, failed: 0 });
    });
  }
});
