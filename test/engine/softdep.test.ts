// Soft dependencies as kmod 30 follows them (libkmod-module.c __kmod_module_get_probe_list(),
// tools/modprobe.c rmmod_do_module()): pre ones loaded before a module and removed after it,
// post ones the other way round, from a real .ko's modinfo softdep= and from the profiles'
// module tables (Debian's modules.softdep). The orders are those `modprobe --show-depends`
// prints on Debian's own 6.12.118 module tree.

import { beforeAll, describe, expect, it } from "vitest";
import { createNodeEngine } from "../../src/engine/hosts/node";
import type { Engine, RunResult } from "../../src/engine";
import { makeKo } from "../support/ko-fixture";

let engine: Engine;
beforeAll(async () => {
  engine = await createNodeEngine();
});

const VERMAGIC_612 = "vermagic=6.12.117+deb12-amd64 SMP preempt mod_unload modversions ";
const LAYOUT_612 = { name: "module_layout", crc: 0x2f9b2b9a };

/** A clean module named `name` whose modinfo carries the softdep= lines given. */
function withSoftdeps(name: string, ...softdeps: string[]): Uint8Array {
  return makeKo({
    versions: [LAYOUT_612],
    modinfo: ["license=GPL", ...softdeps.map((s) => `softdep=${s}`), `name=${name}`, "retpoline=Y", VERMAGIC_612],
  });
}

/** The modules loaded at the end, oldest first (the order modprobe inserted them). */
function loadOrder(res: RunResult): string[] {
  return res.modules_at_end.map((l) => l.split(" ")[0]).reverse();
}

describe("modprobe of a module with soft dependencies", () => {
  it("loads an in-tree module's pre softdep first, every module its alias names, then the dependencies and the module (nf_conntrack on 6.12)", async () => {
    // libcrc32c: softdep pre: crc32c, which kmod resolves to crc32c_intel and crc32c_generic
    const res = await engine.run({ load: "modprobe nf_conntrack\n" }, { kernel: "6.12" });
    expect(res.commands[0].exit).toBe(0);
    expect(loadOrder(res)).toEqual(["crc32c_intel", "crc32c_generic", "libcrc32c", "nf_defrag_ipv4", "nf_defrag_ipv6", "nf_conntrack"]);
  });

  it("loads a .ko's pre softdeps before it and its post softdeps after it; a softdep found nowhere is no error", async () => {
    const ko = withSoftdeps("mine", "pre: crc32c no_such_module post: nf_defrag_ipv4");
    const res = await engine.run({ "mine.ko": ko, load: "modprobe mine\n" }, { kernel: "6.12" });
    expect(res.commands[0].exit).toBe(0);
    expect(res.commands[0].stderr).toEqual([]);
    expect(loadOrder(res)).toEqual(["crc32c_intel", "crc32c_generic", "mine", "nf_defrag_ipv4"]);
  });

  it("reads only a module's first softdep line, and no words before pre: or post:", async () => {
    const ko = withSoftdeps("mine", "crc32c post: nf_defrag_ipv6", "pre: nf_defrag_ipv4");
    const res = await engine.run({ "mine.ko": ko, load: "modprobe mine\n" }, { kernel: "6.12" });
    expect(loadOrder(res)).toEqual(["mine", "nf_defrag_ipv6"]);
  });

  it("ignores a soft dependency that fails to load, and loads nothing more for a module already loaded", async () => {
    const bad = makeKo({ uses: ["no_such_symbol_anywhere"], versions: [LAYOUT_612], modinfo: ["license=GPL", "name=bad", "retpoline=Y", VERMAGIC_612] });
    const ko = withSoftdeps("mine", "pre: bad post: nf_defrag_ipv4");
    const res = await engine.run(
      { "bad.ko": bad, "mine.ko": ko, load: "insmod mine.ko\nmodprobe mine\nmodprobe -r mine\nmodprobe mine\n" },
      { kernel: "6.12" },
    );
    expect(res.commands[1].exit).toBe(0);
    expect(res.commands[1].kernel).toEqual([]);
    const last = res.commands[3];
    expect(last.exit).toBe(0);
    expect(last.stderr).toEqual([]);
    expect(last.kernel.map((l) => l.text)).toContain("bad: Unknown symbol no_such_symbol_anywhere (err -2)");
    expect(loadOrder(res)).toEqual(["mine", "nf_defrag_ipv4"]);
  });
});

describe("modprobe -r of a module with soft dependencies", () => {
  it("removes the post softdeps first, then the module, its unused dependencies, then the pre softdeps last first", async () => {
    const ko = withSoftdeps("mine", "pre: crc32c post: nf_defrag_ipv4");
    const res = await engine.run({ "mine.ko": ko, load: "modprobe mine\nmodprobe -r mine\nlsmod\n" }, { kernel: "6.12" });
    expect(res.commands[1].exit).toBe(0);
    expect(res.commands[1].stderr).toEqual([]);
    expect(res.modules_at_end).toEqual([]);
  });

  it("says a softdep still in use is in use and goes on: the command succeeds", async () => {
    const ko = withSoftdeps("mine", "pre: libcrc32c");
    const res = await engine.run({ "mine.ko": ko, load: "modprobe nf_conntrack\nmodprobe mine\nmodprobe -r mine\n" }, { kernel: "6.12" });
    const remove = res.commands[2];
    expect(remove.exit).toBe(0);
    expect(remove.stderr).toEqual(["modprobe: FATAL: Module libcrc32c is in use."]);
    expect(loadOrder(res)).not.toContain("mine");
    expect(loadOrder(res)).toContain("libcrc32c");
  });

  it("keeps a module in use loaded, its post softdeps already removed, and fails", async () => {
    const user = makeKo({
      uses: ["mine_fn"],
      versions: [LAYOUT_612],
      modinfo: ["license=GPL", "depends=mine", "name=user", "retpoline=Y", VERMAGIC_612],
    });
    const mine = makeKo({
      exports: [{ name: "mine_fn" }],
      versions: [LAYOUT_612],
      modinfo: ["license=GPL", "softdep=post: nf_defrag_ipv4", "name=mine", "retpoline=Y", VERMAGIC_612],
    });
    const res = await engine.run({ "mine.ko": mine, "user.ko": user, load: "modprobe user\nmodprobe -r mine\n" }, { kernel: "6.12" });
    expect(res.commands[1].exit).toBe(1);
    expect(res.commands[1].stderr).toEqual(["modprobe: FATAL: Module mine is in use."]);
    expect(loadOrder(res)).toEqual(["mine", "user"]);
  });

  it("does not recurse without end through two modules that name each other as post softdeps", async () => {
    const a = withSoftdeps("a", "post: b");
    const b = withSoftdeps("b", "post: a");
    const res = await engine.run({ "a.ko": a, "b.ko": b, load: "modprobe a\nmodprobe -r a\n" }, { kernel: "6.12" });
    expect(loadOrder(res)).toEqual([]);
    expect(res.commands[1].exit).toBe(0);
  });
});

describe("MODULE_SOFTDEP in a module the workspace builds", () => {
  const driver = (softdeps: string) => `#include <linux/module.h>\n${softdeps}MODULE_LICENSE("GPL");\n`;

  it("puts softdep= in the module's modinfo, and modprobe follows it", async () => {
    const res = await engine.run(
      { "drv.c": driver('MODULE_SOFTDEP("pre: crc32c");\n'), load: "modprobe drv\nmodinfo -F softdep drv.ko\n" },
      { kernel: "6.12" },
    );
    expect(loadOrder(res)).toEqual(["crc32c_intel", "crc32c_generic", "drv"]);
    expect(res.commands[1].stdout).toEqual(["pre: crc32c"]);
  });

  it("takes the last one written when there are two: gcc 12 emits .modinfo strings last first and kmod reads the first", async () => {
    const res = await engine.run(
      { "drv.c": driver('MODULE_SOFTDEP("pre: nf_defrag_ipv6");\nMODULE_SOFTDEP("pre: nf_defrag_ipv4");\n'), load: "modprobe drv\n" },
      { kernel: "6.12" },
    );
    expect(loadOrder(res)).toEqual(["nf_defrag_ipv4", "drv"]);
  });

  it("reads a toy file's MODULE_SOFTDEP written without any header", async () => {
    const res = await engine.run({ "drv.c": 'MODULE_SOFTDEP("post: nf_defrag_ipv4");\nMODULE_LICENSE("GPL");\n', load: "modprobe drv\n" }, { kernel: "6.12" });
    expect(loadOrder(res)).toEqual(["drv", "nf_defrag_ipv4"]);
  });
});
