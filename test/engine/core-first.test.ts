// The page's first verdict without the base kernel's table: a run on vmlinux's core exports
// (profile: "core") gives the default workspace the verdict the run with the 6.12 table gives,
// and the page shows it first only when the table could not change it (src/app/corefirst.ts).

import { beforeAll, describe, expect, it } from "vitest";
import { createNodeEngine } from "../../src/engine/hosts/node";
import type { Engine, WorkspaceFiles } from "../../src/engine";
import { defaultSnapshot } from "../../src/store/defaults";
import { coreVerdictStands } from "../../src/app/corefirst";

let engine: Engine;
const DEFAULT: WorkspaceFiles = Object.fromEntries(defaultSnapshot().files.map((f) => [f.name, f.content]));

beforeAll(async () => {
  engine = await createNodeEngine();
});

const verdict = (r: Awaited<ReturnType<Engine["run"]>>) => ({ findings: r.findings, build: r.build, commands: r.commands, transcript: r.transcript });

describe("a run on vmlinux's core exports", () => {
  it("gives the default workspace the verdict of the run with the kernel's table", async () => {
    const core = await engine.run(DEFAULT, { relaxed: true, profile: "core" });
    const full = await engine.run(DEFAULT, { relaxed: true });
    expect(core.kernel.profile).toBe(false);
    expect(full.kernel.profile).toBe(true);
    expect(verdict(core)).toEqual(verdict(full));
    expect(coreVerdictStands(core)).toBe(true);
  });

  it("has a vmlinux: modpost does not warn that its symbol info is missing, as it does with no kernel at all", async () => {
    const none = await engine.run(DEFAULT, { relaxed: true, profile: false });
    const core = await engine.run(DEFAULT, { relaxed: true, profile: "core" });
    expect(none.findings.map((f) => f.id)).toContain("MODPOST_NO_VMLINUX");
    expect(core.findings.map((f) => f.id)).not.toContain("MODPOST_NO_VMLINUX");
  });

  it("is not shown first when the workspace uses a kernel export beyond the core", async () => {
    const files = {
      ...DEFAULT,
      "user.c": (DEFAULT["user.c"] as string)
        .replace("int toy_get(void);", "int toy_get(void);\nvoid *vzalloc(unsigned long size);")
        .replace("toy_get());", "toy_get() + !!vzalloc(1));"),
    };
    const core = await engine.run(files, { relaxed: true, profile: "core" });
    expect(coreVerdictStands(core)).toBe(false);
  });

  it("is not shown first when a source reads the kernel's .config", async () => {
    const files = { ...DEFAULT, "user.c": `#ifdef CONFIG_PRINTK\n${DEFAULT["user.c"] as string}#endif\n` };
    const core = await engine.run(files, { relaxed: true, profile: "core" });
    expect(coreVerdictStands(core)).toBe(false);
  });
});
