// Mutated kernel modules for `npm run fuzz` and the property tests: a seed module's ELF
// structure is located once (header fields, section headers, symbols, relocations,
// .modinfo), then fast-check writes hostile values exactly where the readers look —
// huge counts and offsets, indexes past the end, strings without their NUL — besides
// plain bit flips, byte runs and truncation anywhere.

import fc from "fast-check";

/** Where one field of a seed lives: its offset and width in bytes. */
interface Field {
  at: number;
  size: 1 | 2 | 4 | 8;
}

/** A seed module with the positions of the fields worth breaking. */
export interface ElfSeed {
  name: string;
  bytes: Uint8Array;
  little: boolean;
  header: Field[];
  sections: Field[];
  symbols: Field[];
  relocations: Field[];
  /** .modinfo's range in the file, or null. */
  modinfo: [number, number] | null;
}

function reader(b: Uint8Array, little: boolean): (at: number, size: number) => number {
  const v = new DataView(b.buffer, b.byteOffset, b.length);
  return (at, size) => {
    if (at + size > b.length) return 0;
    if (size === 1) return v.getUint8(at);
    if (size === 2) return v.getUint16(at, little);
    if (size === 4) return v.getUint32(at, little);
    return Number(v.getBigUint64(at, little));
  };
}

/** Locates the fields of a well-formed ELF relocatable file (32- or 64-bit, either order). */
export function locateElf(name: string, bytes: Uint8Array): ElfSeed {
  const is64 = bytes[4] === 2;
  const little = bytes[5] === 1;
  const get = reader(bytes, little);
  const w = is64 ? 8 : 4;
  const f = (at: number, size: Field["size"]): Field => ({ at, size });
  const header = is64
    ? [f(16, 2), f(18, 2), f(20, 4), f(32, 8), f(40, 8), f(52, 2), f(58, 2), f(60, 2), f(62, 2)]
    : [f(16, 2), f(18, 2), f(20, 4), f(28, 4), f(32, 4), f(40, 2), f(46, 2), f(48, 2), f(50, 2)];
  const shoff = get(is64 ? 40 : 32, w);
  const shentsize = get(is64 ? 58 : 46, 2);
  const shnum = get(is64 ? 60 : 48, 2);
  const shstrndx = get(is64 ? 62 : 50, 2);
  const sections: Field[] = [];
  const symbols: Field[] = [];
  const relocations: Field[] = [];
  let modinfo: [number, number] | null = null;
  const sh = (i: number, field: number): number => shoff + i * shentsize + field;
  // sh_name, sh_type, sh_flags, sh_addr, sh_offset, sh_size, sh_link, sh_info, sh_addralign, sh_entsize
  const shFields: [number, Field["size"]][] = is64
    ? [
        [0, 4],
        [4, 4],
        [8, 8],
        [16, 8],
        [24, 8],
        [32, 8],
        [40, 4],
        [44, 4],
        [48, 8],
        [56, 8],
      ]
    : [
        [0, 4],
        [4, 4],
        [8, 4],
        [12, 4],
        [16, 4],
        [20, 4],
        [24, 4],
        [28, 4],
        [32, 4],
        [36, 4],
      ];
  const strOff = get(sh(shstrndx, shFields[4][0]), w);
  const sectionName = (i: number): string => {
    let at = strOff + get(sh(i, 0), 4);
    let s = "";
    while (at < bytes.length && bytes[at] !== 0 && s.length < 64) s += String.fromCharCode(bytes[at++]);
    return s;
  };
  for (let i = 0; i < shnum && sh(i + 1, 0) <= bytes.length; i++) {
    for (const [off, size] of shFields) sections.push(f(sh(i, off), size));
    const type = get(sh(i, 4), 4);
    const offset = get(sh(i, shFields[4][0]), w);
    const size = get(sh(i, shFields[5][0]), w);
    if (type === 2) {
      // SHT_SYMTAB: st_name, st_info, st_shndx, st_value, st_size of every symbol
      const ent = is64 ? 24 : 16;
      for (let at = offset + ent; at + ent <= Math.min(offset + size, bytes.length); at += ent) {
        symbols.push(
          ...(is64
            ? [f(at, 4), f(at + 4, 1), f(at + 6, 2), f(at + 8, 8), f(at + 16, 8)]
            : [f(at, 4), f(at + 4, 4), f(at + 8, 4), f(at + 12, 1), f(at + 14, 2)]),
        );
      }
    } else if (type === 4 || type === 9) {
      // SHT_RELA / SHT_REL: r_offset, r_info (symbol index and type), r_addend
      const ent = (type === 4 ? 3 : 2) * w;
      for (let at = offset; at + ent <= Math.min(offset + size, bytes.length); at += ent) {
        relocations.push(f(at, w), f(at + w, w));
        if (type === 4) relocations.push(f(at + 2 * w, w));
      }
    }
    if (sectionName(i) === ".modinfo" && offset + size <= bytes.length) modinfo = [offset, offset + size];
  }
  return { name, bytes, little, header, sections, symbols, relocations, modinfo };
}

/** A uniform position in [0, 1): fast-check's own doubles lean to 0, which would keep hitting
 *  the ELF magic instead of the structure behind it. */
const fraction = fc.noBias(fc.integer({ min: 0, max: 2 ** 30 - 1 })).map((n) => n / 2 ** 30);

/** Values that break readers: zero, small, sign boundaries, all ones, near the file size. */
function hostileValue(len: number): fc.Arbitrary<bigint> {
  return fc.oneof(
    fc.constantFrom(
      0n,
      1n,
      2n,
      0x7fn,
      0x80n,
      0xffn,
      0x100n,
      0x7fffn,
      0x8000n,
      0xffffn,
      0x7fffffffn,
      0x80000000n,
      0xffffffffn,
      0x7fffffffffffffffn,
      0xffffffffffffffffn,
    ),
    fc.constantFrom(BigInt(len), BigInt(len - 1), BigInt(len + 1), BigInt(len) * 2n, BigInt(len) - 16n),
    fc.bigInt({ min: 0n, max: 0xffffffffffffffffn }),
    fc.nat(4096).map(BigInt),
  );
}

function write(b: Uint8Array, at: number, size: number, value: bigint, little: boolean): void {
  for (let i = 0; i < size && at + i < b.length; i++) {
    const byte = Number((value >> BigInt(8 * i)) & 0xffn);
    b[little ? at + i : at + size - 1 - i] = byte;
  }
}

type Edit = (b: Uint8Array, seed: ElfSeed) => Uint8Array;

/** A field of one of the seed's lists (picked by a fraction, so one arbitrary fits every seed). */
function fieldEdit(list: (s: ElfSeed) => Field[]): fc.Arbitrary<Edit> {
  return fc.tuple(fraction, hostileValue(4096)).map(([pick, value]): Edit => (b, seed) => {
    const fields = list(seed);
    if (fields.length === 0) return b;
    const fld = fields[Math.floor(pick * fields.length)];
    write(b, fld.at, fld.size, value, seed.little);
    return b;
  });
}

const bitFlips: fc.Arbitrary<Edit> = fc.array(fc.tuple(fraction, fc.nat(7)), { minLength: 1, maxLength: 16 }).map((flips): Edit => (b) => {
  for (const [pos, bit] of flips) if (b.length > 0) b[Math.floor(pos * b.length)] ^= 1 << bit;
  return b;
});

const byteRun: fc.Arbitrary<Edit> = fc.tuple(fraction, fc.constantFrom(0, 0xff, 0x7f, 0x80, 0x41), fc.nat(256)).map(([pos, v, n]): Edit => (b) => {
  const at = Math.floor(pos * b.length);
  b.fill(v, at, Math.min(b.length, at + n + 1));
  return b;
});

const truncate: fc.Arbitrary<Edit> = fc.oneof(fraction, fc.constantFrom(0, 0.001, 0.01, 0.5, 0.999)).map(
  (frac): Edit =>
    (b) =>
      b.slice(0, Math.floor(frac * b.length)),
);

/** .modinfo without its terminating NUL, or with no NUL at all, or cut mid-string. */
const modinfoNoNul: fc.Arbitrary<Edit> = fc.constantFrom("last", "all", "half").map((how): Edit => (b, seed) => {
  if (!seed.modinfo) return b;
  const [start, end] = seed.modinfo;
  if (how === "half") return b.slice(0, start + Math.floor((end - start) / 2));
  if (how === "last") b[end - 1] = 0x41;
  else {
    for (let i = start; i < end; i++) if (b[i] === 0) b[i] = 0x3d;
  }
  return b;
});

const edit: fc.Arbitrary<Edit> = fc.oneof(
  { arbitrary: bitFlips, weight: 3 },
  { arbitrary: byteRun, weight: 2 },
  { arbitrary: truncate, weight: 2 },
  { arbitrary: fieldEdit((s) => s.header), weight: 3 },
  { arbitrary: fieldEdit((s) => s.sections), weight: 4 },
  { arbitrary: fieldEdit((s) => s.symbols), weight: 3 },
  { arbitrary: fieldEdit((s) => s.relocations), weight: 2 },
  { arbitrary: modinfoNoNul, weight: 1 },
);

/** A mutated copy of one of `seeds`: one to four edits, in order. */
export function mutatedModule(seeds: ElfSeed[]): fc.Arbitrary<{ seed: string; bytes: Uint8Array }> {
  return fc.tuple(fc.nat(seeds.length - 1), fc.array(edit, { minLength: 1, maxLength: 4 })).map(([i, edits]) => {
    const seed = seeds[i];
    let b: Uint8Array = seed.bytes.slice();
    for (const e of edits) b = e(b, seed);
    return { seed: seed.name, bytes: b };
  });
}
