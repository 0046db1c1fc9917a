// `ksymns presets` and `ksymns run --preset`, as a user runs them.

import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PRESETS } from "../../src/presets";
import { ksymns } from "../support/cli";

const PRESET_ROOT = new URL("../../src/presets/", import.meta.url).pathname;

describe("ksymns presets", () => {
  it("lists every preset as slug<TAB>title, one a line", async () => {
    const r = await ksymns("presets");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(PRESETS.map((p) => `${p.slug}\t${p.title}\n`).join(""));
  });
});

describe("ksymns run --preset", () => {
  it("prints the transcript and exits 0 when the outcome is the stored one", async () => {
    const r = await ksymns("run", "--preset", "usb-storage-namespace");
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout.split("\n")[0]).toBe("# kernel 5.10 (5.10.0-46-amd64)");
    expect(r.stdout).toContain("usb_storage 2 ums_cypress,ums_karma, Live (OE)");
  });

  it("runs the preset relaxed when it says so, so the loader's verdict shows", async () => {
    const r = await ksymns("run", "--preset=kasan-test-nofault");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("ERROR: modpost: module exploit uses symbol copy_to_kernel_nofault from namespace module:kasan_test, but does not import it.");
    expect(r.stdout).toContain("<3>exploit: module uses symbol (copy_to_kernel_nofault) from namespace module:kasan_test, but does not import it.");
  });

  it("prints the result as JSON with --json", async () => {
    const r = await ksymns("run", "--preset", "kvmfr-dma-buf-6.13", "--json");
    expect(r.code).toBe(0);
    const res = JSON.parse(r.stdout);
    expect(res.kernel.version).toBe("6.13");
    expect(res.build.modules[0]).toMatchObject({ file: "kvmfr.c", produced: false });
  });

  it("exits 1 and prints the difference when the stored outcome was tampered with", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ksymns-preset-"));
    const copy = join(dir, "dvb-usb-crc-mismatch");
    cpSync(join(PRESET_ROOT, "dvb-usb-crc-mismatch"), copy, { recursive: true });
    const metaPath = join(copy, "preset.json");
    const meta = JSON.parse(readFileSync(metaPath, "utf8"));
    meta.expected.commands[1].exit = 0;
    meta.expected.commands[1].kernel = meta.expected.commands[1].kernel.filter((l: string) => !l.includes("disagrees"));
    writeFileSync(metaPath, JSON.stringify(meta, null, 2));
    const r = await ksymns("run", "--preset", copy);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("$ insmod dvb-usb-dw2102.ko");
    expect(r.stderr).toContain("ksymns: preset dvb-usb-crc-mismatch differs from its stored outcome");
    expect(r.stderr).toContain("command 2 ($ insmod dvb-usb-dw2102.ko): exit 0 expected, 1 actual");
    expect(r.stderr).toContain("+ <4>dvb_usb_dw2102: disagrees about version of symbol dvb_usb_device_init");
  });

  it("runs an untouched copy of a preset folder given by path, exiting 0", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ksymns-preset-"));
    cpSync(join(PRESET_ROOT, "zfs-gpl-only-fpu"), join(dir, "zfs-gpl-only-fpu"), { recursive: true });
    const r = await ksymns("run", "--preset", join(dir, "zfs-gpl-only-fpu"));
    expect(r.code).toBe(0);
  });

  it("exits 2 for a preset that does not exist", async () => {
    const r = await ksymns("run", "--preset", "no-such-case");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("no preset named 'no-such-case' (see ksymns presets)");
  });

  it("exits 2 when --preset is combined with a folder or run options", async () => {
    expect((await ksymns("run", "--preset", "usb-storage-namespace", "--kernel", "6.1")).code).toBe(2);
    const r = await ksymns("run", "some/dir", "--preset", "usb-storage-namespace");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("only --json goes with it");
  });

  it("is documented in --help", async () => {
    const r = await ksymns("--help");
    expect(r.stdout).toContain("ksymns run --preset SLUG [--json]");
    expect(r.stdout).toContain("ksymns presets");
  });
});
