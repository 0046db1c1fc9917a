// A failed load is never only warnings and notes: whatever printk level the loader's refusal
// has (CONFIG_MODULE_SIG_FORCE prints a notice, a CRC mismatch a warning), the finding that
// explains a failed insmod or modprobe is an error, so the page's counts agree with its load log.

import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/index";

const ROOT = join(import.meta.dirname, "../workspaces");
const CASES = readdirSync(ROOT).filter((d) => statSync(join(ROOT, d)).isDirectory());

describe("the engine's finding counts", () => {
  it("count a load refused by CONFIG_MODULE_SIG_FORCE as an error", async () => {
    const r = await run(join(ROOT, "config-sig-force"), { kernel: "6.12", relaxed: true });
    expect(r.commands.map((c) => c.exit)).toEqual([1]);
    expect(r.findings.filter((f) => f.stage === "load").map((f) => [f.severity, f.id])).toEqual([["error", "LOAD_SIG_REJECTED"]]);
  });

  it("give every golden workspace with a refused command an error of the load stage", async () => {
    const unexplained: string[] = [];
    for (const name of CASES) {
      const r = await run(join(ROOT, name), { kernel: "6.12", relaxed: true });
      // exit 127: a line ksymns does not simulate (the shell found no such command), a read warning
      const failed = r.commands.filter((c) => c.exit !== 0 && c.exit !== 127).length;
      const errors = r.findings.filter((f) => f.stage === "load" && f.severity === "error").length;
      if (errors < Math.min(failed, 1)) unexplained.push(`${name}: ${failed} failed, ${errors} load errors`);
    }
    expect(unexplained).toEqual([]);
  });
});
