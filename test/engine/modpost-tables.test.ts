// The export tables a workspace pastes, as modpost and the loader read them. modpost
// (read_dump): a row that repeats a symbol the same module or vmlinux exports already is
// "exported twice", in each release's words; another module's row stands (the texts are the
// ones test/workspaces/symvers-listed-twice recorded). The loader checks the running kernel's
// own table instead (test/workspaces/symvers-vmlinux-namespace).

import { beforeAll, describe, expect, it } from "vitest";
import { createNodeEngine } from "../../src/engine/hosts/node";
import type { Engine, RunResult } from "../../src/engine";

let engine: Engine;
beforeAll(async () => {
  engine = await createNodeEngine();
});

const USER = 'int toy_get(void);\nint f(void) { return toy_get(); }\nMODULE_LICENSE("GPL");\nMODULE_DESCRIPTION("x");\n';
const row = (sym: string, owner: string) => `0x00000000\t${sym}\t${owner}\tEXPORT_SYMBOL_GPL\t\n`;
const run = (symvers: string, kernel: string, relaxed = false): Promise<RunResult> =>
  engine.run({ "user.c": USER, "Module.symvers": symvers, load: "insmod user.ko\n" }, { kernel, relaxed });
const modpost = (r: RunResult) => r.findings.filter((f) => f.stage === "modpost").map((f) => [f.id, f.severity, f.text, f.line]);

describe("modpost reading a Module.symvers", () => {
  const twice = row("toy_get", "exporter") + row("toy_get", "exporter");

  it("warns on 5.10 of a row that repeats the same module's export, and builds", async () => {
    const r = await run(twice, "5.10");
    expect(modpost(r)).toContainEqual([
      "MODPOST_EXPORTED_TWICE",
      "warning",
      "WARNING: modpost: exporter: 'toy_get' exported twice. Previous export was in exporter.ko",
      2,
    ]);
    expect(r.build.modules[0].produced).toBe(true);
  });

  it("refuses it from 6.1, relaxed or not, and no user .ko is written", async () => {
    for (const relaxed of [false, true]) {
      const r = await run(twice, "6.12", relaxed);
      expect(r.build.log[0]).toBe("ERROR: modpost: exporter: 'toy_get' exported twice. Previous export was in exporter.ko");
      expect(r.build.modules[0].produced).toBe(false);
      expect(r.commands[0].stderr).toEqual(["insmod: ERROR: could not load module user.ko: No such file or directory"]);
    }
  });

  it("words it as 7.3 does: '<mod>.ko: symbol ...'", async () => {
    const r = await run(twice, "7.3");
    expect(r.build.log[0]).toBe("ERROR: modpost: exporter.ko: symbol 'toy_get' exported twice. Previous export was in exporter.ko");
  });

  it("names the module column as written, and each repeat after the first", async () => {
    const r = await run(row("toy_get", "/home/me/exp/exporter").repeat(3), "6.1");
    expect(r.build.log.filter((l) => l.includes("exported twice"))).toEqual([
      "ERROR: modpost: /home/me/exp/exporter: 'toy_get' exported twice. Previous export was in /home/me/exp/exporter.ko",
      "ERROR: modpost: /home/me/exp/exporter: 'toy_get' exported twice. Previous export was in /home/me/exp/exporter.ko",
    ]);
  });

  it("lets another module's row for the same symbol stand (an external build)", async () => {
    const r = await run(row("toy_get", "first") + row("toy_get", "second"), "6.12");
    expect(modpost(r).filter((m) => m[0] === "MODPOST_EXPORTED_TWICE")).toEqual([]);
    expect(r.build.modules[0].produced).toBe(true);
  });

  it("refuses a module's row for a symbol vmlinux exports: the previous export was in vmlinux", async () => {
    const r = await run(row("msleep", "vmlinux") + row("toy_get", "exporter") + row("msleep", "exporter"), "6.12");
    expect(r.build.log).toContain("ERROR: modpost: exporter: 'msleep' exported twice. Previous export was in vmlinux");
  });

  it("checks a table without vmlinux rows against the base kernel's vmlinux exports", async () => {
    const r = await run(row("toy_get", "exporter") + row("msleep", "exporter"), "6.12");
    expect(r.build.log).toContain("ERROR: modpost: exporter: 'msleep' exported twice. Previous export was in vmlinux");
    const none = await engine.run(
      { "user.c": USER, "Module.symvers": row("toy_get", "exporter") + row("msleep", "exporter") },
      { kernel: "6.12", profile: false },
    );
    expect(none.build.log.filter((l) => l.includes("exported twice"))).toEqual([]);
  });

  it("stops only the build that read the table: the workspace module the rows belong to is still built", async () => {
    const r = await engine.run(
      {
        "exporter.c": 'int toy_get(void) { return 1; }\nEXPORT_SYMBOL_GPL(toy_get);\nMODULE_LICENSE("GPL");\nMODULE_DESCRIPTION("x");\n',
        "user.c": USER,
        "Module.symvers": twice,
      },
      { kernel: "6.12" },
    );
    expect(r.build.modules.map((m) => [m.name, m.produced])).toEqual([
      ["exporter", true],
      ["user", false],
    ]);
  });

  it("reaches modpost but not the loader with a vmlinux row's namespace: the running kernel's own table decides at load", async () => {
    const noimp = 'void msleep(unsigned int ms);\nint f(void) { msleep(1); return 0; }\nMODULE_LICENSE("GPL");\nMODULE_DESCRIPTION("x");\n';
    const files = { "noimp.c": noimp, "Module.symvers": "0xf9a482f9\tmsleep\tvmlinux\tEXPORT_SYMBOL\tTOY_VM\n", load: "insmod noimp.ko\n" };
    const r = await engine.run(files, { kernel: "6.1", relaxed: true });
    expect(r.build.log).toContain("ERROR: modpost: module noimp uses symbol msleep from namespace TOY_VM, but does not import it.");
    expect(r.commands[0].exit).toBe(0);
    const bare = await engine.run(files, { kernel: "6.1", relaxed: true, profile: false });
    expect(bare.commands[0].kernel.map((l) => l.text)).toContain("noimp: module uses symbol (msleep) from namespace TOY_VM, but does not import it.");
  });
});

describe("the CRC column of a Module.symvers", () => {
  const ignored = (r: RunResult) => r.findings.filter((f) => f.id === "READ_SYMVERS_LINE").map((f) => [f.text, f.line]);

  it("is read in either case, with eight digits after 0x or fewer, without a finding", async () => {
    const table =
      "0xDeadBeef\ttoy_get\texporter\tEXPORT_SYMBOL_GPL\t\n0x1f\ttoy_put\texporter\tEXPORT_SYMBOL_GPL\t\n7\ttoy_set\texporter\tEXPORT_SYMBOL_GPL\t\n";
    const r = await run(table, "6.12");
    expect(ignored(r)).toEqual([]);
    expect(r.build.modules[0].produced).toBe(true);
  });

  it("makes a row whose CRC is no 32-bit hexadecimal number a line ignored, naming it", async () => {
    const rows = ["0x0000zz00", "0x000000001", "0x", "deadbeeg"].map((crc) => `${crc}\ttoy_get\texporter\tEXPORT_SYMBOL_GPL\t\n`);
    const r = await run(rows.join(""), "6.12", true);
    expect(ignored(r)).toEqual([
      ["line ignored: the CRC '0x0000zz00' is not a hexadecimal number", 1],
      ["line ignored: the CRC '0x000000001' is not a hexadecimal number", 2],
      ["line ignored: the CRC '0x' is not a hexadecimal number", 3],
      ["line ignored: the CRC 'deadbeeg' is not a hexadecimal number", 4],
    ]);
  });
});
