// Seed modules for the ELF and compression fuzzers: small modules made in memory in every
// layout the reader knows (test/support/ko-fixture.ts), and real Debian modules when a kernel
// corpus is cached (`ksymns corpus`, under $KSYMNS_CORPUS or ~/.cache/ksymns/corpus) — read
// and decompressed in memory, never copied anywhere.

import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { makeKo, type Fixture } from "../support/ko-fixture";
import { compressionOf } from "../../src/engine/decompress";
import { decompressSync } from "../../src/engine/decompress/node";

const VERMAGIC = "vermagic=6.12.117+deb12-amd64 SMP preempt mod_unload modversions ";
const TOY: Fixture = {
  exports: [
    { name: "toy_get", gpl: true, ns: "TOY_NS", crc: 0x1234abcd },
    { name: "toy_put", crc: 0x55 },
  ],
  uses: ["_printk", "maybe_there?"],
  versions: [
    { name: "_printk", crc: 0x122c3a7e },
    { name: "module_layout", crc: 0x2f9b2b9a },
  ],
  modinfo: ["license=GPL", "import_ns=USB_STORAGE", "description=a toy", "name=toy", VERMAGIC],
};

/** Fixture modules: each export layout, class and byte order, signed, with 7.1's flag table. */
export function fixtureModules(): { name: string; bytes: Uint8Array }[] {
  const variants: [string, Fixture][] = [
    ["prel32-le64", { bits: 64 }],
    ["pointers-be64", { bits: 64, big: true, layout: "pointers", machine: 22 }],
    ["rel-le32", { bits: 32, rel: true, machine: 3 }],
    ["rela-be32", { bits: 32, big: true, machine: 20 }],
    ["old-layout", { layout: "old" }],
    ["flagstab", { flagstab: true }],
    ["ext-versions", { extVersions: [{ name: "a_very_long_symbol_name_that_needs_the_extended_table_" + "x".repeat(40), crc: 7 }] }],
    ["signed", { signed: true }],
    ["no-exports", { exports: [], uses: [] }],
  ];
  return variants.map(([name, f]) => ({ name: `fixture-${name}`, bytes: makeKo({ ...TOY, ...f }) }));
}

export function corpusRoot(): string {
  return process.env.KSYMNS_CORPUS || join(homedir(), ".cache/ksymns/corpus");
}

function moduleFiles(dir: string, out: string[]): void {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) moduleFiles(path, out);
    else if (e.isFile() && /\.ko(\.xz|\.zst|\.gz)?$/.test(e.name)) out.push(path);
  }
}

/** Up to `perKernel` real modules of each cached kernel (at most `maxBytes` on disk each),
 *  spread over its module tree, decompressed in memory. Empty when no corpus is cached. */
export function corpusModules(perKernel = 10, maxBytes = 96 * 1024): { name: string; bytes: Uint8Array }[] {
  const root = corpusRoot();
  if (!existsSync(root)) return [];
  const out: { name: string; bytes: Uint8Array }[] = [];
  for (const release of readdirSync(root).sort()) {
    const tree = join(root, release, "lib/modules");
    if (!existsSync(tree)) continue;
    const files: string[] = [];
    moduleFiles(tree, files);
    files.sort();
    const small = files.filter((f) => statSync(f).size <= maxBytes);
    const step = Math.max(1, Math.floor(small.length / perKernel));
    for (let i = 0; i < small.length && out.length < 1000; i += step) {
      if (out.filter((m) => m.name.startsWith(release)).length >= perKernel) break;
      const raw = new Uint8Array(readFileSync(small[i]));
      const format = compressionOf(raw);
      try {
        out.push({ name: `${release}/${small[i].slice(tree.length + 1)}`, bytes: format ? new Uint8Array(decompressSync(format, raw)) : raw });
      } catch {
        // a module this host cannot decompress is no seed
      }
    }
  }
  return out;
}
