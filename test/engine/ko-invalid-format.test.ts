// The kernel lab's invalid-module-format case (a 24-byte text file as junk.ko, then a good
// module) needs a custom build.sh, so the golden test skips it; its junk.ko is made here, as
// build.sh makes it, and the engine must do on each recorded kernel what that kernel did.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createNodeEngine } from "../../src/engine/hosts/node";
import * as lab from "../support/lab";

const CASE = "invalid-module-format";
const dir = join(lab.WORKSPACES, CASE);

describe(CASE, () => {
  for (const k of lab.recordedKernels(CASE)) {
    it(`does on ${k} what the real ${k} kernel did with a file that is no ELF object`, async () => {
      const engine = await createNodeEngine();
      const files = {
        "solo.c": readFileSync(join(dir, "solo.c"), "utf8"),
        load: readFileSync(join(dir, "load"), "utf8"),
        // build.sh: printf 'this is not an ELF file\n' >junk.ko
        "junk.ko": new TextEncoder().encode("this is not an ELF file\n"),
      };
      const res = await engine.run(files, { kernel: k, relaxed: true });
      const real = lab.readLab(CASE, k);
      expect(lab.engineCommands(res)).toEqual(real.commands.map((c) => lab.comparable(c)));
      expect(res.modules_at_end).toEqual(real.modules_at_end);
    });
  }
});
