// `ksymns check` on compressed modules the host cannot take: a bomb and a truncated stream
// are named with the reason, and the check fails (exit status not 0), as a CI job needs.
// (The CLI is run as a user runs it, as test/cli does.)

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { makeKo } from "../support/ko-fixture";
import { bomb, compress } from "../fuzz/compressed-streams";
import { ksymns } from "../support/cli";

let dir = "";
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "ksymns-limits-"));
  writeFileSync(join(dir, "Module.symvers"), "0x00001111\tmodule_layout\tvmlinux\tEXPORT_SYMBOL\t\n");
  writeFileSync(join(dir, "bomb.ko.zst"), bomb.zstd(100 << 20));
  const xz = compress(makeKo({ modinfo: ["license=GPL", "name=cut", "vermagic=6.12.0 SMP preempt mod_unload modversions "] })).xz;
  writeFileSync(join(dir, "cut.ko.xz"), xz.slice(0, xz.length - 9));
});

describe("ksymns check on compressed modules it cannot take", () => {
  it("a bomb: says it decompresses to more than the limit, exit status 2", async () => {
    const r = await ksymns("check", "--symvers", join(dir, "Module.symvers"), join(dir, "bomb.ko.zst"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "ksymns check: bomb.ko.zst: decompresses to more than 8 MiB (8388608 bytes), the most ksymns reads in one file; the file is ignored\n",
    );
    expect(r.stderr).not.toContain("bomb.ko.zst: bomb.ko.zst");
  });

  it("a truncated stream: says it is no valid xz stream, and that the module would not load (exit 1)", async () => {
    const r = await ksymns("check", "--symvers", join(dir, "Module.symvers"), "--kernel", "6.12", join(dir, "cut.ko.xz"));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("cut.ko.xz: cut on 6.12 (6.12.118+deb12-amd64): would not load");
    expect(r.stdout).toContain("  not a valid xz stream (truncated or corrupt), so it was not decompressed; the kernel sees the compressed bytes as they are");
  });
});
