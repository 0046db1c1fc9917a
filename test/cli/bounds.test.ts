// Every input of the command line bounded and every refusal a message with exit status 2:
// FIFOs, devices, folders and oversized files named as tables or modules; workspace folders
// holding links, FIFOs and odd names; `deps` on unreadable parts of a tree (as an unprivileged
// user, as depmod is run), a modules.order folder, a compressed bomb, a release that is a path.

import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, closeSync, mkdirSync, mkdtempSync, openSync, symlinkSync, writeFileSync, ftruncateSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRequire } from "node:module";
import { beforeAll, describe, expect, it } from "vitest";
import { makeKo } from "../support/ko-fixture";
import { bomb } from "../fuzz/compressed-streams";
import { CLI, ksymns, ksymnsIn } from "../support/cli";

const xzSync = (createRequire(import.meta.url)("node-liblzma") as { xzSync(b: Buffer): Buffer }).xzSync;
const SYMVERS = "0x00001111\tmodule_layout\tvmlinux\tEXPORT_SYMBOL\t\n";
const MAGIC = "vermagic=6.12.117+deb12-amd64 SMP preempt mod_unload modversions ";
let dir = "";

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "ksymns-bounds-"));
  writeFileSync(join(dir, "Module.symvers"), SYMVERS);
  writeFileSync(join(dir, "m.ko"), makeKo({ modinfo: ["license=GPL", "name=m", MAGIC] }));
  execFileSync("mkfifo", [join(dir, "fifo")]);
  mkdirSync(join(dir, "folder"));
  // sparse: 9 MiB on paper, nothing on disk
  const fd = openSync(join(dir, "huge.symvers"), "w");
  ftruncateSync(fd, 9 << 20);
  closeSync(fd);
});

describe("files named on the command line", () => {
  it("refuses a FIFO at once instead of waiting for a writer", async () => {
    const r = await ksymnsIn({ cwd: dir }, "check", "--symvers", "fifo", "--kernel", "6.12", "m.ko");
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("ksymns check: fifo: is not a regular file (a FIFO, device or socket is never read)\n");
  });

  it("refuses a device, a folder and a missing file, naming each", async () => {
    expect((await ksymnsIn({ cwd: dir }, "check", "--symvers", "/dev/zero", "--kernel", "6.12", "m.ko")).stderr).toContain("/dev/zero: is not a regular file");
    expect((await ksymnsIn({ cwd: dir }, "check", "--symvers", "folder", "--kernel", "6.12", "m.ko")).stderr).toContain("folder: is a folder, not a file");
    const missing = await ksymnsIn({ cwd: dir }, "check", "--symvers", "nope", "--kernel", "6.12", "m.ko");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe("ksymns check: nope: no such file\n");
  });

  it("refuses a file over the limit before reading it, naming it", async () => {
    const r = await ksymnsIn({ cwd: dir }, "check", "--symvers", "huge.symvers", "--kernel", "6.12", "m.ko");
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("ksymns check: huge.symvers: is larger than 8 MiB (9437184 bytes), the most ksymns reads in this file\n");
    const run = await ksymnsIn({ cwd: dir }, "run", "folder", "--symvers", "huge.symvers");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("huge.symvers: is larger than 8 MiB");
  });

  it("run: --config naming a folder or a missing file is a message and exit status 2, no stack trace", async () => {
    for (const cfg of ["folder", "nope"]) {
      const r = await ksymnsIn({ cwd: dir }, "run", "folder", "--config", cfg);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^ksymns: ${cfg}: `));
      expect(r.stderr).not.toContain("    at ");
    }
  });
});

describe("a workspace folder", () => {
  it("follows a link to a file inside it, and says what it does not read", async () => {
    const ws = mkdtempSync(join(tmpdir(), "ksymns-ws-"));
    writeFileSync(join(ws, "real.c"), 'MODULE_LICENSE("GPL");\n');
    symlinkSync("real.c", join(ws, "alias.c"));
    symlinkSync("/etc/hostname", join(ws, "outside.c"));
    execFileSync("mkfifo", [join(ws, "pipe.c")]);
    mkdirSync(join(ws, "sub"));
    execFileSync("mkfifo", [join(ws, "sub/pipe.c")]);
    writeFileSync(join(ws, "new\nline.c"), "int x;\n");
    const r = await ksymns("run", ws, "--kernel", "6.12", "--json");
    expect(r.code).toBe(0);
    expect(
      JSON.parse(r.stdout)
        .model.modules.map((m: { file: string }) => m.file)
        .sort(),
    ).toEqual(["alias.c", "real.c"]);
    expect(r.stderr.split("\n").filter(Boolean).sort()).toEqual([
      "ksymns: new\\nline.c: a file name with control characters is not read",
      "ksymns: outside.c: is a symbolic link out of the folder, not read",
      "ksymns: pipe.c: is a FIFO, not read",
      "ksymns: sub/pipe.c: is a FIFO, not read",
    ]);
  });

  it("reads a compressed module as a module, not as text", async () => {
    const ws = mkdtempSync(join(tmpdir(), "ksymns-ws-"));
    writeFileSync(join(ws, "m.ko.xz"), xzSync(Buffer.from(makeKo({ modinfo: ["license=GPL", "name=m", MAGIC] }))));
    writeFileSync(join(ws, "load"), "insmod m.ko.xz\n");
    const r = await ksymns("run", ws, "--kernel", "6.12", "--json");
    const res = JSON.parse(r.stdout);
    expect(res.model.modules[0]).toMatchObject({ name: "m", ko: { readable: true } });
  });

  it("escapes terminal control sequences in the transcript", async () => {
    const ws = mkdtempSync(join(tmpdir(), "ksymns-ws-"));
    writeFileSync(join(ws, "a.c"), 'MODULE_LICENSE("GPL");\n');
    writeFileSync(join(ws, "load"), "insmod a.ko\n# \u001b]0;owned\u0007 \u001b[2J\n");
    const r = await ksymns("run", ws, "--kernel", "6.12");
    // eslint-disable-next-line no-control-regex -- control characters are what it looks for
    expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
  });
});

describe("ksymns deps on a hostile tree", () => {
  const RELEASE = "9.9.9-bounds";
  let base = "";
  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), "ksymns-deps-bounds-"));
    const d = join(base, "lib/modules", RELEASE);
    const mod = (name: string, extra = {}) => makeKo({ modinfo: ["license=GPL", `name=${name}`, `vermagic=${RELEASE} SMP `], ...extra });
    mkdirSync(join(d, "kernel/a"), { recursive: true });
    mkdirSync(join(d, "kernel/locked"), { recursive: true });
    writeFileSync(join(d, "kernel/a/alpha.ko"), mod("alpha", { exports: [{ name: "alpha_fn" }] }));
    writeFileSync(join(d, "kernel/a/secret.ko"), mod("secret", { uses: ["alpha_fn"] }));
    writeFileSync(join(d, "kernel/locked/gamma.ko"), mod("gamma"));
    writeFileSync(join(d, "kernel/a/bomb.ko.zst"), bomb.zstd(300 << 20));
    mkdirSync(join(d, "modules.order"));
    chmodSync(join(d, "kernel/a/secret.ko"), 0);
    chmodSync(join(d, "kernel/locked"), 0);
    execFileSync("chmod", ["-R", "o+rX", base]);
    chmodSync(join(d, "kernel/a/secret.ko"), 0);
    chmodSync(join(d, "kernel/locked"), 0);
  });

  const asNobody = (args: string[]): { code: number; stdout: string; stderr: string } => {
    const r = spawnSync("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", process.execPath, CLI, ...args], { encoding: "utf8" });
    return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
  };

  it.skipIf(process.getuid?.() !== 0 || !existsSync("/usr/bin/setpriv"))(
    "goes on past what an unprivileged user cannot read, saying so as depmod does, and refuses the bomb",
    () => {
      for (const workers of ["0", "1"]) {
        const r = asNobody(["deps", "--basedir", base, RELEASE, "--workers", workers]);
        expect(r.code).toBe(0);
        expect(r.stdout.split("\n").filter(Boolean).sort()).toEqual(["kernel/a/alpha.ko:", "kernel/a/bomb.ko.zst:", "kernel/a/secret.ko:"]);
        const err = r.stderr.split("\n");
        expect(err).toContain("depmod: ERROR: openat(kernel, locked, O_RDONLY): Permission denied");
        expect(err).toContain(`depmod: ERROR: failed to load symbols from ${base}/lib/modules/${RELEASE}/kernel/a/secret.ko: Permission denied`);
        expect(err).toContain(`ksymns: WARNING: ${base}/lib/modules/${RELEASE}/kernel/a/bomb.ko.zst: decompresses to more than 256 MiB; not read as a module`);
        expect(r.stderr).not.toContain("    at ");
      }
    },
  );

  it("refuses a release that is a path, and a worker count past the bound", async () => {
    const r = await ksymns("deps", "--basedir", base, "../../etc");
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("depmod: ERROR: Bad version passed ../../etc\n");
    const w = await ksymns("deps", "--basedir", base, RELEASE, "--workers", "1000000");
    expect(w.code).toBe(2);
    expect(w.stderr).toBe("ksymns deps: --workers takes a number from 0 (no worker threads) to 64\n");
  });
});

describe("the library's run on a workspace given as files", () => {
  it("ignores a file whose name is longer than 4,096 bytes, saying so, and still reads the files after it", async () => {
    const { run } = await import("../../src/cli/index");
    const long = `${"n".repeat(5000)}.c`;
    const res = await run({ [long]: 'MODULE_LICENSE("GPL");\n', "after.c": 'MODULE_LICENSE("GPL");\n' }, { kernel: "6.12" });
    expect(res.findings.find((f) => f.id === "READ_TOO_LARGE")?.text).toBe(
      `${"n".repeat(64)}...: a file name of 5002 bytes is longer than the 4096 bytes ksymns takes; the file is ignored`,
    );
    expect(res.model.modules.map((m) => m.file)).toEqual(["after.c"]);
  });
});

describe("the kernel option from a module's vermagic", () => {
  it("cannot carry engine options: a line break in it changes nothing and reaches no fault hook", async () => {
    const d = mkdtempSync(join(tmpdir(), "ksymns-vermagic-"));
    writeFileSync(join(d, "Module.symvers"), SYMVERS);
    const ko = (vermagic: string) => makeKo({ modinfo: ["license=GPL", "name=m", `vermagic=${vermagic}`] });
    writeFileSync(join(d, "plain.ko"), ko("6.12.117+deb12-amd64 SMP preempt mod_unload modversions "));
    writeFileSync(join(d, "inject.ko"), ko("6.12.117+deb12-amd64\ninject=trap\nrelaxed=1 SMP preempt mod_unload modversions "));
    const plain = await ksymnsIn({ cwd: d }, "check", "--symvers", "Module.symvers", "--json", "plain.ko");
    const inject = await ksymnsIn({ cwd: d }, "check", "--symvers", "Module.symvers", "--json", "inject.ko");
    expect(inject.stderr).toBe("");
    expect(inject.stdout).not.toContain("internal error");
    expect(JSON.parse(inject.stdout).modules[0].results[0].loads).toBe(false);
    expect(JSON.parse(plain.stdout).kernels[0].version).toBe("6.12");
  });
});

describe("ksymns deps with modules of one name", () => {
  it.skipIf(!existsSync("/usr/sbin/depmod"))("keeps the one depmod keeps among those of the same priority (the first in the file system's order)", async () => {
    const base = mkdtempSync(join(tmpdir(), "ksymns-dup-"));
    const d = join(base, "lib/modules/9.9.9-dup");
    const mod = (name: string, extra = {}) => makeKo({ modinfo: ["license=GPL", `name=${name}`, "vermagic=9.9.9-dup SMP "], ...extra });
    for (const sub of ["kernel/zz", "kernel/aa", "kernel/mm", "kernel/b"]) {
      mkdirSync(join(d, sub), { recursive: true });
      if (sub !== "kernel/b") writeFileSync(join(d, sub, "dup.ko"), mod("dup", { exports: [{ name: "dup_fn" }] }));
    }
    writeFileSync(join(d, "kernel/b/user.ko"), mod("user", { uses: ["dup_fn"] }));
    const depmod = execFileSync("/usr/sbin/depmod", ["-b", base, "-n", "9.9.9-dup"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
    const r = await ksymns("deps", "--basedir", base, "9.9.9-dup");
    expect(r.stdout).toBe(depmod.slice(0, depmod.indexOf("# Aliases extracted")));
  });
});
