// `ksymns check` and `ksymns deps`, as a user runs them, on modules made in memory (see
// test/support/ko-fixture.ts): a small kernel tree with plain and compressed modules, one
// outside modules.order, one under build/ (which depmod skips).

import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { makeKo, type Fixture } from "../support/ko-fixture";
import { ksymns, ksymnsIn } from "../support/cli";

const run = promisify(execFile);
const DEPMOD = "/usr/sbin/depmod";
const xzSync = (createRequire(import.meta.url)("node-liblzma") as { xzSync(b: Buffer): Buffer }).xzSync;

const RELEASE = "9.9.9-test";
const MAGIC = `vermagic=${RELEASE} SMP preempt mod_unload modversions `;
const LAYOUT = { name: "module_layout", crc: 0x1111 };
// vmlinux of the little kernel
const SYMVERS = ["0x00001111\tmodule_layout\tvmlinux\tEXPORT_SYMBOL\t", "0x00002222\t_printk\tvmlinux\tEXPORT_SYMBOL\t", ""].join("\n");

function mod(name: string, extra: Fixture): Uint8Array {
  return makeKo({ ...extra, modinfo: ["license=GPL", "intree=Y", `name=${name}`, "retpoline=Y", MAGIC, ...(extra.modinfo ?? [])], signed: true });
}

let base = "";
beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), "ksymns-tree-"));
  const dir = join(base, "lib/modules", RELEASE);
  const put = (rel: string, bytes: Uint8Array): void => {
    mkdirSync(join(dir, rel, ".."), { recursive: true });
    writeFileSync(join(dir, rel), bytes);
  };
  put(
    "kernel/a/alpha.ko",
    mod("alpha", { exports: [{ name: "alpha_fn", crc: 0xa1 }], uses: ["_printk"], versions: [{ name: "_printk", crc: 0x2222 }, LAYOUT] }),
  );
  put(
    "kernel/b/beta-mod.ko",
    mod("beta_mod", {
      exports: [{ name: "beta_fn", gpl: true, ns: "BETA_NS", crc: 0xb1 }],
      uses: ["alpha_fn"],
      versions: [{ name: "alpha_fn", crc: 0xa1 }, LAYOUT],
    }),
  );
  put(
    "kernel/c/gamma.ko.xz",
    new Uint8Array(
      xzSync(
        Buffer.from(
          mod("gamma", {
            uses: ["beta_fn", "_printk"],
            modinfo: ["import_ns=BETA_NS"],
            versions: [{ name: "beta_fn", crc: 0xb1 }, { name: "_printk", crc: 0x2222 }, LAYOUT],
          }),
        ),
      ),
    ),
  );
  put(
    "extra/delta.ko",
    mod("delta", {
      uses: ["alpha_fn", "beta_fn"],
      modinfo: ["import_ns=BETA_NS"],
      versions: [{ name: "alpha_fn", crc: 0xa1 }, { name: "beta_fn", crc: 0xb1 }, LAYOUT],
    }),
  );
  put("build/ignored.ko", mod("ignored", {}));
  writeFileSync(join(dir, "modules.order"), "kernel/a/alpha.ko\nkernel/b/beta-mod.ko\nkernel/c/gamma.ko\n");
  writeFileSync(join(base, "Module.symvers"), SYMVERS);
});

const EXPECTED_DEP = [
  "kernel/a/alpha.ko:",
  "kernel/b/beta-mod.ko: kernel/a/alpha.ko",
  "kernel/c/gamma.ko.xz: kernel/b/beta-mod.ko kernel/a/alpha.ko",
  "extra/delta.ko: kernel/b/beta-mod.ko kernel/a/alpha.ko",
  "",
].join("\n");

describe("ksymns deps", () => {
  it("prints modules.dep of a whole tree, compressed modules and modules outside modules.order included", async () => {
    for (const workers of ["0", "1"]) {
      const r = await ksymns("deps", "--basedir", base, RELEASE, "--workers", workers);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(EXPECTED_DEP);
    }
  });

  it.skipIf(!existsSync(DEPMOD))("prints exactly what depmod -n prints", async () => {
    const { stdout } = await run(DEPMOD, ["-b", base, "-n", RELEASE]);
    const depmod = stdout.slice(0, stdout.indexOf("# Aliases extracted"));
    expect((await ksymns("deps", "--basedir", base, RELEASE)).stdout).toBe(depmod);
  });

  it("with --check reports nothing for a clean tree, and the loader's words for a broken module", async () => {
    const clean = await ksymns("deps", "--basedir", base, RELEASE, "--check");
    expect(clean.stderr).toBe("");
    expect(clean.code).toBe(0);
    // a copy of the tree where delta forgot its import and alpha's CRC changed under beta
    const broken = mkdtempSync(join(tmpdir(), "ksymns-tree-"));
    const dir = join(broken, "lib/modules", RELEASE);
    mkdirSync(join(dir, "kernel"), { recursive: true });
    writeFileSync(
      join(dir, "kernel/alpha.ko"),
      mod("alpha", { exports: [{ name: "alpha_fn", crc: 0xa2 }], uses: ["_printk"], versions: [{ name: "_printk", crc: 0x2222 }, LAYOUT] }),
    );
    writeFileSync(
      join(dir, "kernel/beta-mod.ko"),
      mod("beta_mod", {
        exports: [{ name: "beta_fn", gpl: true, ns: "BETA_NS", crc: 0xb1 }],
        uses: ["alpha_fn"],
        versions: [{ name: "alpha_fn", crc: 0xa1 }, LAYOUT],
      }),
    );
    writeFileSync(join(dir, "kernel/delta.ko"), mod("delta", { uses: ["beta_fn"], versions: [{ name: "beta_fn", crc: 0xb1 }, LAYOUT] }));
    writeFileSync(join(broken, "Module.symvers"), SYMVERS);
    const r = await ksymns("deps", "--basedir", broken, RELEASE, "--check");
    expect(r.code).toBe(1);
    expect(
      r.stderr
        .split("\n")
        .filter((l) => l && !l.startsWith("depmod:"))
        .sort(),
    ).toEqual([
      "kernel/beta-mod.ko: beta_mod: Unknown symbol alpha_fn (err -22)",
      "kernel/beta-mod.ko: beta_mod: disagrees about version of symbol alpha_fn",
      "kernel/delta.ko: delta: Unknown symbol beta_fn (err -22)",
      "kernel/delta.ko: delta: module uses symbol (beta_fn) from namespace BETA_NS, but does not import it.",
    ]);
  });

  it("says what is missing", async () => {
    expect((await ksymns("deps", "--basedir", base)).code).toBe(2);
    expect((await ksymns("deps", "--basedir", "/nonexistent", RELEASE)).stderr).toContain("no such folder /nonexistent/lib/modules/9.9.9-test");
    expect((await ksymns("deps", "--basedir", base, RELEASE, "--check", "--symvers", "/nonexistent")).code).toBe(2);
  });
});

describe("ksymns check", () => {
  let dir = "";
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "ksymns-check-"));
    writeFileSync(join(dir, "Module.symvers"), SYMVERS + "0x000000b1\tbeta_fn\tkernel/b/beta-mod\tEXPORT_SYMBOL_GPL\tBETA_NS\n");
    writeFileSync(join(dir, "good.ko"), mod("good", { uses: ["_printk"], versions: [{ name: "_printk", crc: 0x2222 }, LAYOUT], modinfo: [] }));
    writeFileSync(
      join(dir, "forgot-ns.ko"),
      makeKo({ uses: ["beta_fn"], versions: [{ name: "beta_fn", crc: 0xb1 }, LAYOUT], modinfo: ["license=Proprietary", "name=forgot_ns", MAGIC] }),
    );
  });

  it("exits 0 when every module would load, and says so", async () => {
    const r = await ksymnsIn({ cwd: dir }, "check", "--symvers", "Module.symvers", "--kernel", "6.12", "good.ko");
    expect(r.stdout.split("\n")[0]).toBe("good.ko: good on 6.12 (6.12.118+deb12-amd64): loads");
    expect(r.code).toBe(0);
  });

  it("exits 1 and prints modpost's and the kernel's words when a module would not load", async () => {
    const r = await ksymnsIn({ cwd: dir }, "check", "--symvers", "Module.symvers", "--kernel", "6.12", "good.ko", "forgot-ns.ko");
    expect(r.code).toBe(1);
    const out = r.stdout.split("\n");
    const at = out.indexOf("forgot-ns.ko: forgot_ns on 6.12 (6.12.118+deb12-amd64): would not load");
    expect(at).toBeGreaterThan(0);
    expect(out.slice(at + 1)).toEqual(
      expect.arrayContaining([
        "  ERROR: modpost: module forgot_ns uses symbol beta_fn from namespace BETA_NS, but does not import it.",
        "  ERROR: modpost: GPL-incompatible module forgot_ns.ko uses GPL-only symbol 'beta_fn'",
        "  <4>forgot_ns: module license 'Proprietary' taints kernel.",
        "  <4>forgot_ns: Unknown symbol beta_fn (err -2)",
      ]),
    );
  });

  it("takes the kernel release from the first module's vermagic when none is given", async () => {
    const built61 = makeKo({
      uses: ["_printk"],
      versions: [{ name: "_printk", crc: 0x2222 }, LAYOUT],
      modinfo: ["license=GPL", "name=built61", "retpoline=Y", "vermagic=6.1.0-56-amd64 SMP preempt mod_unload modversions "],
    });
    writeFileSync(join(dir, "built61.ko"), built61);
    const r = await ksymns("check", "--symvers", join(dir, "Module.symvers"), "--json", join(dir, "built61.ko"));
    const res = JSON.parse(r.stdout);
    expect(res.kernels).toEqual([expect.objectContaining({ version: "6.1", release: "6.1.0-56-amd64" })]);
    expect(res.modules[0]).toMatchObject({ file: "built61.ko", name: "built61", results: [expect.objectContaining({ loads: true })] });
  });

  it("documents check, deps and corpus in --help", async () => {
    const help = (await ksymns("--help")).stdout;
    for (const s of [
      "ksymns check (--kernel KERNELS | --symvers FILE...)",
      "ksymns symvers KERNEL",
      "ksymns deps [--basedir DIR] RELEASE",
      "ksymns corpus SERIES",
    ])
      expect(help).toContain(s);
  });
});
