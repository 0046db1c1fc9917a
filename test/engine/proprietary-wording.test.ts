// When the loader's proprietary-owner lines name the symbol: "module: show disallowed symbol
// name for inherit_taint()" (Lecopzer Chen) arrived in 5.19; the 5.18.12 source still prints
// the 5.9 wording [real: both wordings recorded by the lab on 5.10 and 6.1; the boundary
// from the sources]. The cases are the lab's own golden workspaces, run between them.

import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createNodeEngine } from "../../src/engine/hosts/node";
import type { Engine } from "../../src/engine";
import { readWorkspaceDir } from "../../src/cli/workspace-dir";
import { WORKSPACES } from "../support/lab";

let engine: Engine;
beforeAll(async () => {
  engine = await createNodeEngine();
});

async function kernelLines(name: string, kernel: string): Promise<string[]> {
  const { files } = await readWorkspaceDir(join(WORKSPACES, name), kernel);
  const r = await engine.run(files, { kernel, relaxed: true });
  return r.commands.flatMap((c) => c.kernel.map((l) => l.text)).filter((t) => t.includes("proprietary module"));
}

describe("the proprietary-owner lines", () => {
  it("leave the symbol out up to 5.18 and name it from 5.19, when a GPL-only user is refused", async () => {
    expect(await kernelLines("proprietary-exporter-gpl-symbol", "5.18")).toEqual([
      "user: module using GPL-only symbols uses symbols from proprietary module exporter.",
    ]);
    expect(await kernelLines("proprietary-exporter-gpl-symbol", "5.19")).toEqual([
      "user: module using GPL-only symbols uses symbols toy_get from proprietary module exporter.",
    ]);
  });

  it("leave the symbol out up to 5.18 and name it from 5.19, when the taint is inherited", async () => {
    expect(await kernelLines("proprietary-exporter-taint-inherit", "5.18")).toEqual([
      "user: module uses symbols from proprietary module exporter, inheriting taint.",
    ]);
    expect(await kernelLines("proprietary-exporter-taint-inherit", "5.19")).toEqual([
      "user: module uses symbols toy_get from proprietary module exporter, inheriting taint.",
    ]);
  });
});
