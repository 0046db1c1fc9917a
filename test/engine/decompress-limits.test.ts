// Compressed modules are held to the engine's stated limits while they are decompressed: a
// bomb is refused with a finding naming the file, without its output ever being allocated;
// a stream that does not decompress is reported as such; valid streams decompress as before.
// Each decoder is checked: Node's (zlib, fzstd, liblzma), the page's (DecompressionStream,
// fzstd, xz-decompress), and the facade that chooses between them.

import { beforeAll, describe, expect, it } from "vitest";
import { createNodeEngine } from "../../src/engine/hosts/node";
import type { Engine } from "../../src/engine";
import { DecompressError, type Compression, type Decompressor } from "../../src/engine/decompress";
import { nodeDecompress, unxzWasmLimited } from "../../src/engine/decompress/node";
import { browserDecompress } from "../../src/engine/decompress/browser";
import { MAX_FILE_BYTES } from "../../wasm/shared/codes";
import { makeKo, type Fixture } from "../support/ko-fixture";
import { bomb, compress, compressFast, zstdCli, zstdEndlessSequences, zstdStored } from "../fuzz/compressed-streams";

let engine: Engine;
beforeAll(async () => {
  engine = await createNodeEngine();
});

const TOY: Fixture = {
  exports: [{ name: "toy_get", gpl: true, ns: "TOY_NS", crc: 0x1234abcd }],
  uses: ["_printk"],
  versions: [
    { name: "_printk", crc: 0x122c3a7e },
    { name: "module_layout", crc: 0x2f9b2b9a },
  ],
  modinfo: ["license=GPL", "description=a toy", "name=toy", "vermagic=6.12.117+deb12-amd64 SMP preempt mod_unload modversions "],
};
const FORMATS: [Compression, string][] = [
  ["xz", "xz"],
  ["zstd", "zst"],
  ["gzip", "gz"],
];
const DECODERS: [string, Decompressor][] = [
  ["Node", nodeDecompress],
  ["page", browserDecompress],
];
const MiB = 1 << 20;

async function failure(decode: () => Promise<Uint8Array>): Promise<DecompressError> {
  try {
    await decode();
  } catch (err) {
    expect(err).toBeInstanceOf(DecompressError);
    return err as DecompressError;
  }
  throw new Error("decompressed, but should have failed");
}

describe("a decompression bomb", () => {
  for (const [format, ext] of FORMATS) {
    it(`${format}: 100 MiB of zeros is refused with a finding naming the file, and the file is ignored`, async () => {
      const file = `kernel/bomb.ko.${ext}`;
      const res = await engine.run({ [file]: bomb[format](100 * MiB), load: `insmod ${file}\n` }, { kernel: "6.12" });
      const f = res.findings.find((x) => x.file === file);
      expect(f).toMatchObject({ id: "READ_TOO_LARGE", stage: "read", severity: "error", line: 1 });
      expect(f?.text).toBe(`${file}: decompresses to more than 8 MiB (8388608 bytes), the most ksymns reads in one file; the file is ignored`);
      expect(res.model.modules).toEqual([]);
      expect(res.commands[0].exit).not.toBe(0);
    });

    for (const [decoder, decompress] of DECODERS) {
      it(`${format}, ${decoder} decoder: 4 GiB is refused at the limit, without decoding (or allocating) the rest`, async () => {
        const input = bomb[format](4096 * MiB);
        const rss = process.memoryUsage().rss;
        const t0 = performance.now();
        const err = await failure(() => decompress(format, input, MAX_FILE_BYTES));
        // 4 GiB decoded would take seconds, and cannot even be held in one array
        expect(err.kind).toBe("limit");
        expect(performance.now() - t0).toBeLessThan(3000);
        expect(process.memoryUsage().rss - rss).toBeLessThan(512 * MiB);
      });
    }
  }

  it("xz, xz-decompress (Node's fallback without liblzma): refused at the limit too", async () => {
    const err = await failure(() => unxzWasmLimited(bomb.xz(1024 * MiB), MAX_FILE_BYTES));
    expect(err.kind).toBe("limit");
  });

  it("zstd: a frame declaring more than the limit, or a larger window, is refused before decoding", async () => {
    const declared = zstdStored(new Uint8Array(16));
    declared.set([0xff, 0xff, 0xff, 0x7f, 0, 0, 0, 0], 5); // content size 2 GiB
    const window = new Uint8Array([0x28, 0xb5, 0x2f, 0xfd, 0x00, 0xa8, 0x01, 0x00, 0x00]); // 1 GiB window, one empty block
    for (const input of [declared, window]) {
      for (const [, decompress] of DECODERS) expect((await failure(() => decompress("zstd", input, MAX_FILE_BYTES))).kind).toBe("limit");
    }
  });

  it("zstd: a block declaring endless sequences (a few bytes, minutes of copying) is stopped after a second", async () => {
    const t0 = performance.now();
    const err = await failure(() => nodeDecompress("zstd", zstdEndlessSequences(), MAX_FILE_BYTES));
    expect(err.kind).toBe("invalid");
    expect(err.message).toMatch(/did not finish within 1000 ms/);
    expect(performance.now() - t0).toBeLessThan(1800);
    const res = await engine.run({ "slow.ko.zst": zstdEndlessSequences(), load: "insmod slow.ko.zst\n" }, { kernel: "6.12" });
    expect(res.findings.find((f) => f.file === "slow.ko.zst")?.text).toMatch(/^not a valid zstd stream/);
  });

  it("modules that fit one by one but not together: the workspace limit refuses the rest", async () => {
    const seven = compressFast(new Uint8Array(7 * MiB)).gzip;
    const files = Object.fromEntries(["a", "b", "c", "d", "e"].map((n) => [`${n}.ko.gz`, seven]));
    const res = await engine.run(files, { kernel: "6.12" });
    const refused = res.findings.filter((f) => f.id === "READ_TOO_LARGE");
    expect(refused.map((f) => f.file)).toEqual(["e.ko.gz"]);
    expect(refused[0].text).toBe(
      "e.ko.gz: decompressed, it would take the workspace past 32 MiB (33554432 bytes), the most ksymns accepts; the file is ignored",
    );
    expect(res.model.modules.map((m) => m.file)).toEqual(["a.ko.gz", "b.ko.gz", "c.ko.gz", "d.ko.gz"]);
  });
});

describe("a stream that does not decompress", () => {
  for (const [format, ext] of FORMATS) {
    it(`${format}: a truncated stream is a finding naming the file, and the kernel refuses the bytes`, async () => {
      const valid = compress(makeKo(TOY))[format];
      const file = `toy.ko.${ext}`;
      const res = await engine.run({ [file]: valid.slice(0, valid.length >> 1), load: `insmod ${file}\n` }, { kernel: "6.12" });
      const f = res.findings.find((x) => x.file === file && x.id === "READ_KO");
      expect(f?.text).toBe(`not a valid ${format} stream (truncated or corrupt), so it was not decompressed; the kernel sees the compressed bytes as they are`);
      expect(res.commands[0].stderr).toEqual([`insmod: ERROR: could not insert module ${file}: Invalid module format`]);
    });

    for (const [decoder, decompress] of DECODERS) {
      it(`${format}, ${decoder} decoder: truncated anywhere, or random bytes behind the magic, is an "invalid" error`, async () => {
        const valid = compress(makeKo(TOY))[format];
        for (let cut = 1; cut < valid.length; cut += Math.max(1, valid.length >> 4)) {
          expect((await failure(() => decompress(format, valid.slice(0, cut), MAX_FILE_BYTES))).kind).toBe("invalid");
        }
        const junk = valid.slice();
        junk.fill(0xa5, 12);
        expect((await failure(() => decompress(format, junk, MAX_FILE_BYTES))).kind).toBe("invalid");
      });
    }
  }
});

describe("a valid compressed module", () => {
  const ko = makeKo(TOY);
  for (const [format, ext] of FORMATS) {
    it(`${format}: decompresses to the module, read and loaded as the plain .ko would be`, async () => {
      const file = `toy.ko.${ext}`;
      const res = await engine.run({ [file]: compress(ko)[format], load: `insmod ${file}\n` }, { kernel: "6.12" });
      const plain = await engine.run({ "toy.ko": ko, load: "insmod toy.ko\n" }, { kernel: "6.12" });
      expect(res.findings.filter((f) => f.stage === "read")).toEqual([]);
      expect(res.model.modules[0]).toMatchObject({ name: "toy", file, ko: { readable: true } });
      expect(res.commands.map((c) => c.exit)).toEqual(plain.commands.map((c) => c.exit));
      const described = await engine.describeModule(file, compress(ko)[format], "6.12");
      expect(described.ko).toMatchObject({ readable: true, wellFormed: true });
    });

    for (const [decoder, decompress] of DECODERS) {
      it(`${format}, ${decoder} decoder: gives back the exact bytes, also when they are exactly at the limit`, async () => {
        expect(new Uint8Array(await decompress(format, compress(ko)[format], MAX_FILE_BYTES))).toEqual(ko);
        const full = compressFast(new Uint8Array(MAX_FILE_BYTES).fill(0x5a))[format];
        expect((await decompress(format, full, MAX_FILE_BYTES)).length).toBe(MAX_FILE_BYTES);
        expect((await failure(() => decompress(format, full, MAX_FILE_BYTES - 1))).kind).toBe("limit");
      });
    }
  }

  it("describeModule reads exactly the decompressed file: a signature at its end is found", async () => {
    const signed = makeKo({ ...TOY, signed: true });
    for (const [format, ext] of FORMATS) {
      expect((await engine.describeModule(`toy.ko.${ext}`, compress(signed)[format], "6.12")).ko, format).toMatchObject({ readable: true, signed: true });
    }
  });

  it("xz-decompress gives back the exact bytes", async () => {
    expect(new Uint8Array(await unxzWasmLimited(compress(ko).xz, MAX_FILE_BYTES))).toEqual(ko);
  });

  it("zstd written as stored blocks and by the zstd command (when installed) both decompress", async () => {
    expect(new Uint8Array(await nodeDecompress("zstd", zstdStored(ko), MAX_FILE_BYTES))).toEqual(ko);
    const cli = zstdCli(ko);
    if (cli) expect(new Uint8Array(await browserDecompress("zstd", cli, MAX_FILE_BYTES))).toEqual(ko);
  });

  it("a whole kernel tree's reader (no limit given) still decompresses modules larger than 8 MiB", async () => {
    const big = new Uint8Array(9 * MiB).fill(7);
    expect((await nodeDecompress("gzip", compressFast(big).gzip)).length).toBe(9 * MiB);
  });
});
