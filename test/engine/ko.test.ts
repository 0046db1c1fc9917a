// Real .ko files through the engine: what the ELF reader finds in every layout kernels have
// used, what the loader then says when one is loaded (in the kernel's words), how a .ko
// takes part in a workspace next to toy modules, and that no file, however broken, traps.

import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { createNodeEngine } from "../../src/engine/hosts/node";
import type { Engine, RunResult } from "../../src/engine";
import { EHDR64, makeKo, sign, type Fixture } from "../support/ko-fixture";

let engine: Engine;
beforeAll(async () => {
  engine = await createNodeEngine();
});

const VERMAGIC_612 = "vermagic=6.12.117+deb12-amd64 SMP preempt mod_unload modversions ";
/** module_layout's CRC in the 6.12 profile's Module.symvers (Debian 6.12.118): the loader
 *  checks it first (check_modstruct_version). */
const LAYOUT_612 = { name: "module_layout", crc: 0x2f9b2b9a };
const TOY: Fixture = {
  exports: [
    { name: "toy_get", gpl: true, ns: "TOY_NS", crc: 0x1234abcd },
    { name: "toy_put", crc: 0x55 },
  ],
  uses: ["_printk", "maybe_there?"],
  versions: [{ name: "_printk", crc: 0x122c3a7e }, LAYOUT_612],
  modinfo: ["license=GPL", "import_ns=USB_STORAGE", "description=a toy", "name=toy", VERMAGIC_612],
};

function kernelLines(res: RunResult, cmd = 0): string[] {
  return res.commands[cmd].kernel.filter((l) => l.level <= 5).map((l) => `<${l.level}>${l.text}`);
}

describe("the ELF reader", () => {
  const layouts: [string, Fixture][] = [
    ["64-bit little-endian, PREL32 entries with namespaces (5.4 on, x86-64)", { bits: 64 }],
    ["64-bit big-endian, pointer entries (s390x, ppc64)", { bits: 64, big: true, layout: "pointers", machine: 22 }],
    ["32-bit little-endian with REL relocations (i386, arm)", { bits: 32, rel: true, machine: 3 }],
    ["32-bit big-endian with RELA relocations (ppc32)", { bits: 32, big: true, machine: 20 }],
  ];
  for (const [what, f] of layouts) {
    it(`reads a ${what}: name, modinfo, exports with license and namespace, uses, CRCs`, async () => {
      const m = await engine.describeModule("toy.ko", makeKo({ ...TOY, ...f }));
      expect(m.name).toBe("toy");
      expect(m.license).toBe("GPL");
      expect(m.imports.map((i) => i.ns)).toEqual(["USB_STORAGE"]);
      expect(m.modinfo).toMatchObject({ license: ["GPL"], description: ["a toy"], import_ns: ["USB_STORAGE"] });
      expect(m.exports.map((e) => [e.symbol, e.gpl, e.ns, e.crc])).toEqual([
        ["toy_put", false, "", "0x00000055"],
        ["toy_get", true, "TOY_NS", "0x1234abcd"],
      ]);
      expect(m.uses.map((u) => u.symbol)).toEqual(["_printk", "maybe_there"]);
      expect(m.ko).toMatchObject({ readable: true, class: f.bits, byteOrder: f.big ? "big" : "little", machine: f.machine ?? 62, versions: 2, problems: [] });
    });
  }

  it("reads the two-field entries of kernels before 5.4 (no namespace)", async () => {
    const m = await engine.describeModule("toy.ko", makeKo({ ...TOY, layout: "old" }));
    expect(m.exports.map((e) => [e.symbol, e.gpl, e.ns])).toEqual([
      ["toy_put", false, ""],
      ["toy_get", true, ""],
    ]);
  });

  it("reads 7.1's single __ksymtab, with the GPL-only bit in __kflagstab", async () => {
    const m = await engine.describeModule("toy.ko", makeKo({ ...TOY, flagstab: true }));
    expect(m.exports.map((e) => [e.symbol, e.gpl, e.ns])).toEqual([
      ["toy_get", true, "TOY_NS"],
      ["toy_put", false, ""],
    ]);
  });

  it("takes the module name from struct module when .modinfo has none", async () => {
    const m = await engine.describeModule("x.ko", makeKo({ modinfo: ["license=GPL"], structName: "from_struct" }));
    expect(m.name).toBe("from_struct");
  });

  it("sees a well-formed appended signature and reads the file without it", async () => {
    const m = await engine.describeModule("toy.ko", makeKo({ ...TOY, signed: true }));
    expect(m.ko).toMatchObject({ signed: true, wellFormed: true });
    expect(m.exports).toHaveLength(2);
  });

  it("says an export table larger than the file is broken, without reading it", async () => {
    const ko = makeKo(TOY);
    const dv = new DataView(ko.buffer);
    const shoff = Number(dv.getBigUint64(EHDR64.shoff, true));
    const shstr = dv.getUint16(EHDR64.shstrndx, true);
    const names = Number(dv.getBigUint64(shoff + shstr * 64 + 24, true));
    for (let i = 0; i < dv.getUint16(EHDR64.shnum, true); i++) {
      const nameAt = names + dv.getUint32(shoff + i * 64, true);
      const name = new TextDecoder().decode(ko.subarray(nameAt, ko.indexOf(0, nameAt)));
      if (name === "__ksymtab") dv.setBigUint64(shoff + i * 64 + 32, 0xffff_ffff_ffff_ff00n, true);
    }
    const m = await engine.describeModule("toy.ko", ko);
    expect(m.ko?.problems).toContain("__ksymtab: beyond the end of the file");
  });

  it("says why a file is no ELF module rather than failing", async () => {
    const m = await engine.describeModule("junk.ko", new TextEncoder().encode("this is not an ELF file\n"));
    expect(m.name).toBe("junk");
    expect(m.ko).toMatchObject({ readable: false, error: "not an ELF file (no \\x7fELF magic)", wellFormed: false });
  });
});

describe("loading a .ko of a workspace", () => {
  it("refuses a non-ELF file as each real kernel does (its own message, ENOEXEC)", async () => {
    const junk = new TextEncoder().encode("this is not an ELF file\n");
    const want: Record<string, string[]> = {
      "5.10": ["<3>Module has invalid ELF structures"],
      "6.1": ["<3>Invalid ELF header len 24"],
      "6.12": ["<3>Invalid ELF header len 24"],
      "7.3": ["<3>Invalid ELF header len 24"],
    };
    for (const [k, lines] of Object.entries(want)) {
      const res = await engine.run({ "junk.ko": junk, load: "insmod junk.ko\n" }, { kernel: k });
      expect(res.commands[0].stderr, k).toEqual(["insmod: ERROR: could not insert module junk.ko: Invalid module format"]);
      expect(kernelLines(res), k).toEqual(lines);
      expect(res.commands[0].taint, k).toBe(0);
    }
  });

  it("names the broken part of the ELF structure as the release prints it", async () => {
    const good = makeKo(TOY);
    const patch = (at: number, bytes: number[]): Uint8Array => {
      const b = good.slice();
      b.set(bytes, at);
      return b;
    };
    const cases: [string, Uint8Array, Record<string, string>][] = [
      [
        "bad magic",
        patch(0, [0x7f, 0x45, 0x4c, 0x47]),
        { "5.10": "Module has invalid ELF structures", "6.1": "Invalid ELF header magic: != \u007fELF", "6.12": "Invalid ELF header magic: != \u007fELF" },
      ],
      ["not relocatable", patch(EHDR64.type, [2, 0]), { "6.1": "Invalid ELF header type: 2 != 1", "7.3": "Invalid ELF header type: 2 != 1" }],
      ["another architecture", patch(EHDR64.machine, [183, 0]), { "6.12": "Invalid architecture in ELF header: 183" }],
      [
        "section headers past the end",
        patch(EHDR64.shoff, [0xff, 0xff, 0xff, 0x7f]),
        { "6.1": "Invalid ELF section header overflow", "6.12": "Invalid ELF section header overflow" },
      ],
      ["a huge section count", patch(EHDR64.shnum, [0xff, 0xff]), { "6.12": "Invalid ELF section header overflow" }],
      [
        "no section name table",
        patch(EHDR64.shstrndx, [0, 0]),
        {
          "6.1": "Invalid ELF section name index: 0 || e_shstrndx (0) >= e_shnum (14)",
          "6.12": "Invalid ELF section name index: 0 || e_shstrndx (0) >= e_shnum (14)",
        },
      ],
    ];
    for (const [what, bytes, byKernel] of cases) {
      for (const [k, line] of Object.entries(byKernel)) {
        const res = await engine.run({ "toy.ko": bytes, load: "insmod toy.ko\n" }, { kernel: k });
        expect(kernelLines(res), `${what} on ${k}`).toContain(`<3>${line}`);
        expect(res.commands[0].stderr, `${what} on ${k}`).toEqual(["insmod: ERROR: could not insert module toy.ko: Invalid module format"]);
      }
    }
  });

  it("refuses a module whose struct module has another size (6.12 on)", async () => {
    const res = await engine.run({ "toy.ko": makeKo({ ...TOY, thisModuleSize: 0x380 }), load: "insmod toy.ko\n" }, { kernel: "6.16" });
    expect(kernelLines(res)).toEqual(["<3>module toy: .gnu.linkonce.this_module section size must match the kernel's built struct module size at run time"]);
  });

  it("refuses a module built for another kernel's vermagic", async () => {
    const mods = makeKo({ ...TOY, versions: undefined, modinfo: ["license=GPL", "name=toy", "vermagic=7.3.3+deb13-amd64 SMP preempt mod_unload "] });
    const res = await engine.run({ "toy.ko": mods, load: "insmod toy.ko\n" }, { kernel: "7.3" });
    expect(kernelLines(res)).toEqual([
      "<3>toy: version magic '7.3.3+deb13-amd64 SMP preempt mod_unload ' should be '7.3.4+deb13-amd64 SMP preempt mod_unload '",
    ]);
    expect(res.commands[0].stderr).toEqual(["insmod: ERROR: could not insert module toy.ko: Invalid module format"]);
  });

  it("loads a module of the same kernel build, exporting its symbols (with modversions the release may differ)", async () => {
    const ko = makeKo({
      ...TOY,
      uses: [],
      modinfo: ["license=GPL", "name=toy", "intree=Y", "retpoline=Y", "vermagic=6.12.999+deb12-amd64 SMP preempt mod_unload modversions "],
      signed: true,
    });
    const res = await engine.run(
      {
        "toy.ko": ko,
        "user.c": 'int toy_put(void);\nstatic int __init u(void) { return toy_put(); }\nmodule_init(u);\nMODULE_LICENSE("GPL");\nMODULE_DESCRIPTION("u");\n',
        load: "insmod toy.ko\ninsmod user.ko\n",
      },
      { kernel: "6.12", relaxed: true },
    );
    expect(res.commands[0]).toMatchObject({ exit: 0, stderr: [] });
    expect(kernelLines(res)).toEqual([]);
    expect(res.commands[1].exit).toBe(0);
    expect(res.modules_at_end[0]).toMatch(/^user 0 - Live/);
    expect(res.modules_at_end[1]).toMatch(/^toy 1 user, Live$/);
  });

  it("refuses a module whose module_layout disagrees with the kernel's (another build of it)", async () => {
    const ko = makeKo({ ...TOY, versions: [{ name: "module_layout", crc: 9 }] });
    const res = await engine.run({ "toy.ko": ko, load: "insmod toy.ko\n" }, { kernel: "6.12" });
    expect(kernelLines(res)).toEqual(["<4>toy: disagrees about version of symbol module_layout"]);
    expect(res.commands[0].stderr).toEqual(["insmod: ERROR: could not insert module toy.ko: Invalid module format"]);
  });

  it("reports a missing namespace import as modpost and the loader would, found by modprobe", async () => {
    // usb_stor_suspend is in USB_STORAGE on Debian's 6.12; modprobe loads usb_storage first
    const ko = makeKo({
      uses: ["usb_stor_suspend"],
      versions: [{ name: "usb_stor_suspend", crc: 0x8e4170aa }, LAYOUT_612],
      modinfo: ["license=GPL", "name=needs_ns", "retpoline=Y", VERMAGIC_612],
    });
    const res = await engine.run({ "needs-ns.ko": ko }, { kernel: "6.12" });
    expect(res.commands[0].cmd).toBe("modprobe needs_ns");
    expect(res.findings.filter((f) => f.stage === "modpost").map((f) => f.text)).toEqual([
      "ERROR: modpost: module needs_ns uses symbol usb_stor_suspend from namespace USB_STORAGE, but does not import it.",
    ]);
    const lines = kernelLines(res);
    expect(lines).toContain("<3>needs_ns: module uses symbol (usb_stor_suspend) from namespace USB_STORAGE, but does not import it.");
    expect(lines.at(-1)).toBe("<4>needs_ns: Unknown symbol usb_stor_suspend (err -22)");
    expect(res.commands[0].stderr).toEqual(["modprobe: ERROR: could not insert 'needs_ns': Invalid parameters"]);
  });

  it("lets a weak reference stay unresolved, as the kernel does", async () => {
    const ko = makeKo({ uses: ["no_such_symbol_anywhere?"], versions: [LAYOUT_612], modinfo: ["license=GPL", "name=weak", "retpoline=Y", VERMAGIC_612] });
    const res = await engine.run({ "weak.ko": ko, load: "insmod weak.ko\n" }, { kernel: "6.12" });
    expect(res.commands[0].exit).toBe(0);
  });

  it("shows each .ko in the model with its modinfo and ELF facts", async () => {
    const res = await engine.run({ "toy.ko": makeKo(TOY) }, { kernel: "6.12" });
    const m = res.model.modules.find((x) => x.file === "toy.ko")!;
    expect(m.modinfo?.vermagic).toEqual([VERMAGIC_612.slice("vermagic=".length)]);
    expect(m.ko).toMatchObject({ readable: true, wellFormed: true, class: 64 });
    expect(res.model.modules.filter((x) => !x.ko)).toEqual([]);
  });

  it("decompresses .ko.xz, .ko.zst and .ko.gz before the engine reads them", async () => {
    const { gzipSync } = await import("node:zlib");
    const ko = makeKo(TOY);
    const res = await engine.run({ "toy.ko.gz": new Uint8Array(gzipSync(ko)), load: "insmod toy.ko.gz\n" }, { kernel: "6.12" });
    expect(res.model.modules[0]).toMatchObject({ name: "toy", file: "toy.ko.gz" });
    expect(res.findings.filter((f) => f.id === "READ_KO")).toEqual([]);
  });
});

describe("a hostile .ko", () => {
  const base = makeKo(TOY);
  const mutated = fc.oneof(
    // truncated anywhere
    fc.nat({ max: base.length }).map((n) => base.slice(0, n)),
    // bytes overwritten anywhere, huge values included
    fc
      .array(fc.tuple(fc.nat({ max: base.length - 1 }), fc.constantFrom(0, 1, 0x7f, 0x80, 0xff), fc.nat({ max: 7 })), { minLength: 1, maxLength: 12 })
      .map((edits) => {
        const b = base.slice();
        for (const [at, v, n] of edits) b.fill(v, at, Math.min(b.length, at + n + 1));
        return b;
      }),
    // arbitrary bytes behind a valid ELF identification
    fc.uint8Array({ maxLength: 600 }).map((tail) => {
      const b = new Uint8Array(16 + tail.length);
      b.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1], 0);
      b.set(tail, 16);
      return b;
    }),
  );

  it("never traps the engine, whatever is broken (reading, checking, loading)", () => {
    fc.assert(
      fc.property(mutated, fc.constantFrom("5.10", "6.1", "6.12", "6.16", "7.3"), (bytes, k) => {
        const res = engine.runLoaded({ "toy.ko": bytes, load: "insmod toy.ko\nmodprobe toy\n" }, { kernel: k });
        expect(res.findings.filter((f) => f.stage === "internal")).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it("never traps the signature check either", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (tail) => {
        const b = sign(base);
        b.set(tail, b.length - 40);
        const res = engine.runLoaded({ "toy.ko": b, load: "insmod toy.ko\n" }, { kernel: "6.12" });
        expect(res.findings.filter((f) => f.stage === "internal")).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
