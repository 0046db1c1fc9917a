// The ksymns command, as a user runs it.

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ksymns } from "../support/cli";

const CASES = new URL("../workspaces/", import.meta.url).pathname;

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "ksymns-cli-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe("ksymns run", () => {
  it("prints the transcript of a workspace folder and exits 0 whatever the verdicts", async () => {
    const r = await ksymns("run", join(CASES, "ns-missing-import"), "--kernel", "6.12", "--relaxed");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("ERROR: modpost: module user uses symbol toy_get from namespace TOY_NS, but does not import it.");
    expect(r.stdout).toContain("<3>user: module uses symbol (toy_get) from namespace TOY_NS, but does not import it.");
  });

  it("without --relaxed, a refused build leaves no .ko to insert", async () => {
    const r = await ksymns("run", join(CASES, "ns-missing-import"), "--kernel", "6.12");
    expect(r.stdout).toContain("insmod: ERROR: could not load module user.ko: No such file or directory");
  });

  it("names the file make writes in its not-produced note: usb-storage.ko for module usb_storage", async () => {
    const dir = workspace({
      "usb-storage.c": 'extern int nosuch_symbol(void);\nint f(void) { return nosuch_symbol(); }\nMODULE_LICENSE("GPL");\nMODULE_DESCRIPTION("x");\n',
      Kbuild: "obj-m += usb-storage.o\n",
      load: "insmod usb-storage.ko\n",
    });
    const r = await ksymns("run", dir, "--kernel", "6.12");
    expect(r.stdout).toContain('ERROR: modpost: "nosuch_symbol" [<M>/usb-storage.ko] undefined!');
    expect(r.stdout).toContain("# usb-storage.ko: not produced");
    const res = JSON.parse((await ksymns("run", dir, "--kernel", "6.12", "--json")).stdout);
    expect(res.build.modules).toMatchObject([{ name: "usb_storage", file: "usb-storage.c", ko: "usb-storage.ko", produced: false }]);
  });

  it("applies the case's per-version sources and prints JSON in the kernel lab's shape", async () => {
    const r = await ksymns("run", join(CASES, "ns-imported"), "--kernel", "6.16", "--json");
    expect(r.code).toBe(0);
    const res = JSON.parse(r.stdout);
    expect(res.kernel.version).toBe("6.16");
    expect(res.commands[0]).toMatchObject({ cmd: "insmod exporter.ko", exit: 0, stderr: [] });
    expect(Array.isArray(res.modules_at_end)).toBe(true);
    expect(res.model.modules.map((m: { name: string }) => m.name).sort()).toEqual(["exporter", "user"]);
  });

  it("takes the release from the workspace's .config header", async () => {
    const dir = workspace({ "a.c": 'MODULE_LICENSE("GPL");\n', ".config": "# Linux/x86 5.10.0 Kernel Configuration\nCONFIG_MODVERSIONS=y\n" });
    const r = await ksymns("run", dir);
    expect(r.stdout.split("\n")[0]).toBe("# kernel 5.10 (5.10.0-46-amd64)");
  });

  it("exits 2 naming the problem when the kernel version is unknown", async () => {
    const dir = workspace({ "a.c": 'MODULE_LICENSE("GPL");\n' });
    const r = await ksymns("run", dir, "--kernel", "4.19");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("kernel '4.19' is not a release ksymns knows (5.4 to 7.3)");
  });

  it("exits 2 when the folder does not exist", async () => {
    const r = await ksymns("run", "/nonexistent/ksymns");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("cannot read workspace folder /nonexistent/ksymns");
  });

  it("exits 2 on an unknown option and documents every option in --help", async () => {
    expect((await ksymns("run", ".", "--frobnicate")).code).toBe(2);
    const help = await ksymns("--help");
    expect(help.code).toBe(0);
    for (const opt of ["--kernel", "--symvers", "--config", "--relaxed", "--no-profile", "--json"]) expect(help.stdout).toContain(opt);
  });
});

describe("ksymns kernels", () => {
  it("lists every release from 7.3 down to 5.4", async () => {
    const r = await ksymns("kernels");
    const list = r.stdout.trim().split("\n");
    expect(list[0]).toBe("7.3");
    expect(list.at(-1)).toBe("5.4");
    expect(list).toContain("6.13");
    expect(list).toHaveLength(40);
  });
});
