// The commands around header packs as a user runs them, offline: `ksymns headers` refusing
// what is not a built-in profile, and `ksymns check --source` predicting a driver's build and
// load on a kernel (here with ksymns' built-in headers: --no-headers needs no download).

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ksymns } from "../support/cli";

describe("ksymns headers", () => {
  it("asks which profile when none is named, and refuses one that is not built in", async () => {
    const none = await ksymns("headers");
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("ksymns headers: which profile?");
    const other = await ksymns("headers", "debian-4.19");
    expect(other.code).toBe(1);
    expect(other.stderr).toContain('"debian-4.19": not a built-in profile');
  });
});

describe("ksymns check --source", () => {
  const dir = mkdtempSync(join(tmpdir(), "ksymns-source-"));
  writeFileSync(join(dir, "hello.c"), '#include <linux/module.h>\nMODULE_LICENSE("GPL");\nMODULE_DESCRIPTION("hello");\n');
  const gpl = mkdtempSync(join(tmpdir(), "ksymns-source-"));
  writeFileSync(
    join(gpl, "bad.c"),
    '#include <linux/module.h>\n#include <linux/device.h>\nint bad_go(struct device *d) { return device_add(d); }\nMODULE_LICENSE("Proprietary");\n',
  );

  it("says per kernel that a driver builds and loads, and exits 0", async () => {
    const r = await ksymns("check", "--source", dir, "--kernel", "debian-6.12", "--no-headers");
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("debian-6.12 (6.12.118+deb12-amd64, ksymns' built-in headers): builds");
    expect(r.stdout).toContain("hello: loads");
    expect(r.code).toBe(0);
  });

  it("exits 1 when modpost refuses a GPL-only symbol to a proprietary module", async () => {
    const r = await ksymns("check", "--source", gpl, "--kernel", "debian-6.12", "--no-headers", "--json");
    const [v] = JSON.parse(r.stdout) as { builds: boolean; findings: { text: string }[] }[];
    expect(v.builds).toBe(false);
    expect(v.findings.map((f) => f.text).join("\n")).toContain("GPL-incompatible module bad.ko uses GPL-only symbol 'device_add'");
    expect(r.code).toBe(1);
  });

  it("needs a built-in kernel and no modules beside the source folder", async () => {
    expect((await ksymns("check", "--source", dir)).code).toBe(2);
    expect((await ksymns("check", "--source", dir, "--kernel", "debian-6.12", "x.ko")).code).toBe(2);
  });
});
