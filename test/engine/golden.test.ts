// Golden workspaces: every case under test/workspaces runs through the engine on every
// kernel it was recorded on, and must do what that real kernel did (the kernel lab's
// transcript-<series>.json and build-<series>.log); its transcript must equal the stored
// expected-<series>.txt (UPDATE_GOLDEN=1 rewrites those). A case holding a file PENDING (one
// line: what the engine does not do yet) is real-kernel evidence the engine does not match yet:
// it is reported as skipped with that reason until the line's author removes PENDING. A file
// INVALID-<series> marks that series' recording as showing no kernel behaviour (its first
// line says why); it is reported as skipped and not compared.

import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createNodeEngine } from "../../src/engine/hosts/node";
import type { Engine, RunResult } from "../../src/engine";
import { readWorkspaceDir } from "../../src/cli/workspace-dir";
import * as lab from "../support/lab";

const UPDATE = process.env.UPDATE_GOLDEN === "1";
let engine: Engine;
beforeAll(async () => {
  engine = await createNodeEngine();
});

function hasCustomBuild(name: string): boolean {
  return existsSync(join(lab.WORKSPACES, name, "build.sh"));
}

/** A case with a custom build.sh is engine-checked only through its engine/ equivalent:
 *  the same situation written as a workspace. */
function engineFolder(name: string): string | null {
  const dir = join(lab.WORKSPACES, name);
  if (!hasCustomBuild(name)) return dir;
  return existsSync(join(dir, "engine")) ? join(dir, "engine") : null;
}

/** Runs a case on series `series`, as the very kernel the lab booted when it recorded there
 *  (its `uname -r`: Debian's point release of that day), else as the engine's default one. */
// both tests of a case on a kernel look at the same run (the engine is deterministic)
const runs = new Map<string, Promise<RunResult>>();

function runCase(name: string, series: string): Promise<RunResult> {
  const key = `${name}\u0000${series}`;
  if (!runs.has(key)) runs.set(key, runFresh(name, series));
  return runs.get(key)!;
}

async function runFresh(name: string, series: string): Promise<RunResult> {
  const dir = engineFolder(name)!;
  const kernel = lab.recordedKernels(name).includes(series) ? lab.readLab(name, series).kernel : series;
  const { files } = await readWorkspaceDir(dir, kernel);
  return engine.run(files, { kernel, relaxed: true });
}

for (const name of lab.caseNames()) {
  const recorded = lab.recordedKernels(name);
  const kernels = [...new Set([...recorded, ...lab.expectedKernels(name)])];
  describe(name, () => {
    const pending = lab.pendingReason(name);
    if (pending !== null) {
      it.skip(`is pending: ${pending}`, () => {});
      return;
    }
    if (kernels.length === 0) {
      it.skip("has not been recorded on a real kernel yet", () => {});
      return;
    }
    for (const k of lab.invalidKernels(name)) {
      it.skip(`has no valid recording on ${k}: ${lab.invalidReason(name, k)}`, () => {});
    }
    if (!engineFolder(name)) {
      it.skip(`needs a custom build (build.sh) that a workspace cannot express; kept as real-kernel evidence`, () => {});
      return;
    }
    for (const k of kernels) {
      if (recorded.includes(k)) {
        it(`does on ${k} what the real ${k} kernel did`, async () => {
          const res = await runCase(name, k);
          const real = lab.readLab(name, k);
          // a custom build.sh ran make in its own way: only the load session compares
          if (!hasCustomBuild(name)) {
            const plain = lab.plainPassLog(name, k);
            expect(lab.compilerErrors(res.build.log), "the compiler's and assembler's errors").toEqual(lab.compilerErrors(plain));
            expect(lab.modpostLines(res.build.log), "modpost's messages (plain make)").toEqual(lab.modpostLines(plain));
          }
          const own = lab.ownMessages(name);
          expect(lab.engineCommands(res), "each command of the load script").toEqual(real.commands.map((c) => lab.comparable(c, own)));
          expect(res.modules_at_end, "/proc/modules at the end").toEqual(real.modules_at_end);
          const origins = hasCustomBuild(name) ? new Map<string, string>() : lab.koOrigins(real);
          for (const m of res.build.modules.filter((m) => !m.builtin)) {
            const how = origins.get(m.name) ?? origins.get(m.file.replace(/\.c$/, ""));
            if (how) expect(m.produced, `${m.name}.ko produced (lab: ${how})`).toBe(!how.startsWith("NOT BUILT"));
          }
        });
      }
      it(`prints the stored transcript on ${k}`, async () => {
        const res = await runCase(name, k);
        const file = join(lab.WORKSPACES, name, `expected-${k}.txt`);
        if (UPDATE || !existsSync(file)) writeFileSync(file, res.transcript);
        expect(res.transcript).toBe(readFileSync(file, "utf8"));
      });
    }
  });
}
