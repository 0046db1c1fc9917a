// Compressed modules for the decompression fuzzer and tests: valid .ko.xz / .ko.zst / .ko.gz
// streams, bombs (a small stream that decompresses to far more than the limit), and hostile
// edits of valid streams. zstd is written by the zstd command when there is one, else as
// stored (raw) blocks, which every decoder must accept as well.

import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { gzipSync } from "node:zlib";
import fc from "fast-check";
import type { Compression } from "../../src/engine/decompress";

const require = createRequire(import.meta.url);
const { xzSync } = require("node-liblzma") as { xzSync(b: Buffer, o?: { preset?: number }): Buffer };

const MAGIC: Record<Compression, number[]> = {
  xz: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0],
  zstd: [0x28, 0xb5, 0x2f, 0xfd],
  gzip: [0x1f, 0x8b],
};
const BLOCK = 128 * 1024;

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function blockHeader(last: boolean, type: number, size: number): number[] {
  const h = (size << 3) | (type << 1) | (last ? 1 : 0);
  return [h & 255, (h >> 8) & 255, (h >> 16) & 255];
}

/** A zstd frame of raw blocks, its content size declared (single segment). */
export function zstdStored(b: Uint8Array): Uint8Array {
  const head = [...MAGIC.zstd, 0xe0];
  for (let i = 0; i < 8; i++) head.push(Number((BigInt(b.length) >> BigInt(8 * i)) & 0xffn));
  const parts: Uint8Array[] = [new Uint8Array(head)];
  if (b.length === 0) parts.push(new Uint8Array(blockHeader(true, 0, 0)));
  for (let at = 0; at < b.length; at += BLOCK) {
    const piece = b.subarray(at, at + BLOCK);
    parts.push(new Uint8Array(blockHeader(at + BLOCK >= b.length, 0, piece.length)), piece);
  }
  return concat(parts);
}

let zstdCommand: boolean | undefined;

/** The zstd command's stream for `b` (level 19, with its checksum), or null without one. */
export function zstdCli(b: Uint8Array): Uint8Array | null {
  if (zstdCommand === false) return null;
  const r = spawnSync("zstd", ["-q", "-c", "-19", "--check"], { input: b, maxBuffer: 1 << 28 });
  zstdCommand = r.status === 0;
  return zstdCommand ? new Uint8Array(r.stdout) : null;
}

/** Valid streams of `b` in each format. */
export function compress(b: Uint8Array): Record<Compression, Uint8Array> {
  return {
    xz: new Uint8Array(xzSync(Buffer.from(b))),
    gzip: new Uint8Array(gzipSync(b)),
    zstd: zstdCli(b) ?? zstdStored(b),
  };
}

/** Valid streams of `b` made quickly (for megabytes): fast presets, zstd as stored blocks. */
export function compressFast(b: Uint8Array): Record<Compression, Uint8Array> {
  return {
    xz: new Uint8Array(xzSync(Buffer.from(b), { preset: 0 })),
    gzip: new Uint8Array(gzipSync(b, { level: 1 })),
    zstd: zstdStored(b),
  };
}

/** A zstd stream of RLE blocks (four bytes each for 128 KiB of zeros) decompressing to
 *  `total` bytes, in frames of at most 1 GiB, with no content size declared. */
export function zstdBomb(total: number): Uint8Array {
  const parts: Uint8Array[] = [];
  for (let left = total; left > 0; left -= 1 << 30) {
    const blocks = Math.ceil(Math.min(left, 1 << 30) / BLOCK);
    const frame = [...MAGIC.zstd, 0x00, (17 - 10) << 3];
    for (let i = 0; i < blocks; i++) frame.push(...blockHeader(i === blocks - 1, 1, BLOCK), 0);
    parts.push(new Uint8Array(frame));
  }
  return concat(parts);
}

/** A zstd frame of 18 bytes whose one block declares 36,607 sequences of about 131 KiB each,
 *  with RLE tables and no bits: fzstd runs every copy (minutes) unless stopped. */
export function zstdEndlessSequences(): Uint8Array {
  // literals: raw, none; sequences: 255 0xffff 0x0f → 0x0fff + 0x7f00; modes: RLE for all
  // three tables (LL code 35, OF code 1, ML code 52); a one-byte bitstream
  const body = [0x00, 0xff, 0xff, 0x0f, 0x54, 35, 1, 52, 0x01];
  return new Uint8Array([...MAGIC.zstd, 0x00, 0x00, ...blockHeader(true, 2, body.length), ...body]);
}

/** gzip members of 1 MiB of zeros each, `total` bytes in all (gunzip reads every member). */
export function gzipBomb(total: number): Uint8Array {
  const member = gzipSync(new Uint8Array(1 << 20), { level: 9 });
  return concat(Array.from({ length: Math.ceil(total / (1 << 20)) }, () => member));
}

/** xz streams of 16 MiB of zeros each, `total` bytes in all (concatenated streams are one file). */
export function xzBomb(total: number): Uint8Array {
  const stream = new Uint8Array(xzSync(Buffer.from(new Uint8Array(16 << 20)), { preset: 0 }));
  return concat(Array.from({ length: Math.ceil(total / (16 << 20)) }, () => stream));
}

export const bomb: Record<Compression, (total: number) => Uint8Array> = { xz: xzBomb, zstd: zstdBomb, gzip: gzipBomb };

/** Hostile versions of valid streams of one format: bit flips, byte runs, truncation,
 *  random bytes behind the magic, and (zstd) headers asking for huge windows or sizes. */
export function mutatedStream(format: Compression, valid: Uint8Array[]): fc.Arbitrary<Uint8Array> {
  const pick = fc.nat(valid.length - 1).map((i) => valid[i]);
  // uniform positions (fast-check's doubles lean to 0, the magic, which is tried apart)
  const pos = fc.noBias(fc.integer({ min: 0, max: 2 ** 30 - 1 })).map((n) => n / 2 ** 30);
  const flips = fc.tuple(pick, fc.array(fc.tuple(pos, fc.nat(7)), { minLength: 1, maxLength: 8 })).map(([b, fl]) => {
    const c = b.slice();
    for (const [p, bit] of fl) c[Math.floor(p * c.length)] ^= 1 << bit;
    return c;
  });
  const runs = fc.tuple(pick, pos, fc.constantFrom(0, 0xff, 0x80), fc.nat(64)).map(([b, p, v, n]) => {
    const c = b.slice();
    const at = Math.floor(p * c.length);
    c.fill(v, at, at + n + 1);
    return c;
  });
  const cut = fc.tuple(pick, pos).map(([b, p]) => b.slice(0, Math.floor(p * b.length)));
  const random = fc.uint8Array({ maxLength: 2048 }).map((tail) => new Uint8Array([...MAGIC[format], ...tail]));
  const arbs: fc.Arbitrary<Uint8Array>[] = [valid.length > 0 ? pick : random, flips, runs, cut, random];
  if (format === "zstd") {
    // frame header descriptor, window descriptor, declared size: hostile values
    arbs.push(
      fc.tuple(pick, fc.nat(0xff), fc.nat(0xff), fc.uint8Array({ minLength: 8, maxLength: 8 })).map(([b, fhd, wd, fcs]) => {
        const c = b.slice();
        c[4] = fhd;
        c[5] = wd;
        c.set(fcs.subarray(0, Math.max(0, Math.min(8, c.length - 6))), 6);
        return c;
      }),
    );
  }
  return fc.oneof(...arbs);
}
