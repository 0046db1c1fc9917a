// kmod's modinfo in load scripts. The listings of a real .ko below are what Debian bookworm's
// /sbin/modinfo (kmod 30) printed for the very same fixture file, run in /m; the order of a
// built module's strings is the one Debian's modules show (5.10 and 6.1: depends, retpoline,
// name, vermagic; 6.12 and 7.3: depends, name, retpoline, vermagic).

import { beforeAll, describe, expect, it } from "vitest";
import { createNodeEngine } from "../../src/engine/hosts/node";
import type { Engine, RunResult } from "../../src/engine";
import { makeKo } from "../support/ko-fixture";

let engine: Engine;
beforeAll(async () => {
  engine = await createNodeEngine();
});

const STRINGS = [
  "parm=quirks:supplemental list of device IDs and their quirks",
  "parmtype=quirks:string",
  "parm=delay_use:time to delay before using a new device",
  "license=GPL",
  "description=USB Mass Storage driver for Linux",
  "author=Matthew Dharm <mdharm-usb@one-eyed-alien.net>",
  "parmtype=only_type:uint",
  "parm=swi_tru_install:TRU-Install mode",
  "parmtype=swi_tru_install:uint",
  "import_ns=USB_STORAGE",
  "a_very_long_key_name=x",
  "depends=usbcore,scsi_mod",
  "name=usb_storage",
  "retpoline=Y",
  "vermagic=6.12.118+deb12-amd64 SMP preempt mod_unload modversions ",
];
const REAL = makeKo({ modinfo: STRINGS, initExit: true });

async function session(load: string, files: Record<string, string | Uint8Array> = {}, kernel = "6.12"): Promise<RunResult> {
  return engine.run({ "usb-storage.ko": REAL, ...files, load }, { kernel });
}

describe("modinfo of a real .ko", () => {
  it("lists its strings as kmod does: filename made absolute, keys padded to 16, parameters last and newest first", async () => {
    const r = await session("modinfo usb-storage.ko\n");
    expect(r.commands[0].exit).toBe(0);
    expect(r.commands[0].stdout).toEqual([
      "filename:       /m/usb-storage.ko",
      "license:        GPL",
      "description:    USB Mass Storage driver for Linux",
      "author:         Matthew Dharm <mdharm-usb@one-eyed-alien.net>",
      "import_ns:      USB_STORAGE",
      "a_very_long_key_name:     x",
      "depends:        usbcore,scsi_mod",
      "name:           usb_storage",
      "retpoline:      Y",
      "vermagic:       6.12.118+deb12-amd64 SMP preempt mod_unload modversions ",
      "parm:           swi_tru_install:TRU-Install mode (uint)",
      "parm:           only_type:uint",
      "parm:           delay_use:time to delay before using a new device",
      "parm:           quirks:supplemental list of device IDs and their quirks (string)",
    ]);
  });

  it("prints one field with -F (the last -F wins), -p and -n, and NUL-separates with -0", async () => {
    const r = await session(
      "modinfo -F parm usb-storage.ko\nmodinfo -p usb-storage.ko\nmodinfo -n usb-storage.ko\nmodinfo -0 -F license usb-storage.ko\nmodinfo -F import_ns -F license usb-storage.ko\n",
    );
    const params = [
      "swi_tru_install:TRU-Install mode (uint)",
      "only_type: (uint)",
      "delay_use:time to delay before using a new device",
      "quirks:supplemental list of device IDs and their quirks (string)",
    ];
    expect(r.commands.map((c) => c.stdout)).toEqual([params, params, ["/m/usb-storage.ko"], ["GPL\u0000"], ["GPL"]]);
  });

  it("goes on past a name no module has, says so, and exits 1", async () => {
    const r = await session("modinfo -a usb-storage.ko nosuch.ko\n");
    expect(r.commands[0]).toMatchObject({
      exit: 1,
      stdout: ["Matthew Dharm <mdharm-usb@one-eyed-alien.net>"],
      stderr: ["modinfo: ERROR: Module nosuch.ko not found."],
    });
    expect(r.findings.filter((f) => f.stage === "load").map((f) => f.id)).toEqual(["LOAD_MODULE_NOT_FOUND"]);
  });
});

describe("modinfo of a module ksymns builds", () => {
  const EXP = 'int toy_get(void) { return 1; }\nEXPORT_SYMBOL_NS_GPL(toy_get, TOY_NS);\nMODULE_LICENSE("GPL");\n';
  const USER =
    'int toy_get(void);\nint f(void) { return toy_get(); }\nMODULE_IMPORT_NS(TOY_NS);\nMODULE_LICENSE("Dual MIT/GPL");\nMODULE_IMPORT_NS(OTHER_NS);\n';
  const files = { Kbuild: "obj-m += toy-exp.o user.o\n", "toy-exp.c": EXP, "user.c": USER };

  it("lists the strings make writes: its own last-defined first, then depends (make's file names), name, retpoline, vermagic as 6.12 orders them", async () => {
    const r = await session("modinfo user.ko\n", files, "6.12");
    expect(r.commands[0].stdout).toEqual([
      "filename:       /m/user.ko",
      "import_ns:      OTHER_NS",
      "license:        Dual MIT/GPL",
      "import_ns:      TOY_NS",
      "depends:        toy-exp",
      "name:           user",
      "retpoline:      Y",
      "vermagic:       6.12.118+deb12-amd64 SMP preempt mod_unload modversions ",
    ]);
  });

  it("puts retpoline before name up to 6.11, and the release's own vermagic", async () => {
    const r = await session("modinfo toy-exp.ko\nmodinfo -F name toy-exp.ko\n", files, "5.10");
    expect(r.commands[0].stdout).toEqual([
      "filename:       /m/toy-exp.ko",
      "license:        GPL",
      "depends:        ",
      "retpoline:      Y",
      "name:           toy_exp",
      "vermagic:       5.10.0-46-amd64 SMP mod_unload modversions ",
    ]);
    expect(r.commands[1].stdout).toEqual(["toy_exp"]);
  });

  it("leaves out MODULE_DESCRIPTION's text, which ksymns does not keep, and says so", async () => {
    const r = await session("modinfo -d toy-exp.ko\nmodinfo -F license toy-exp.ko\n", { ...files, "toy-exp.c": EXP + 'MODULE_DESCRIPTION("toy");\n' });
    expect(r.commands[0].stdout).toEqual([]);
    expect(r.commands[1].stdout).toEqual(["GPL"]);
    const notes = r.findings.filter((f) => f.id === "LOAD_MODINFO_PARTIAL");
    expect(notes.map((f) => [f.severity, f.line, f.text])).toEqual([["info", 1, "modinfo leaves out description of toy_exp: ksymns does not keep its value"]]);
  });

  it("does not find a module make did not write, nor take an installed module's name", async () => {
    const r = await session("modinfo nosuch.ko\nmodinfo usbcore\n", files);
    expect(r.commands[0]).toMatchObject({ exit: 1, stderr: ["modinfo: ERROR: Module nosuch.ko not found."] });
    expect(r.commands[1].exit).toBe(1);
    expect(r.commands[1].stderr[0]).toMatch(/^ksymns: modinfo of an installed module \(usbcore\) is not simulated/);
  });

  it("refuses options it does not simulate with a finding on the line", async () => {
    const r = await session("modinfo -k 6.1.0 user.ko\n", files);
    expect(r.findings.filter((f) => f.id === "READ_LOAD_LINE").map((f) => [f.line, f.text])).toEqual([
      [1, "modinfo -k is not simulated: modinfo -k 6.1.0 user.ko"],
    ]);
  });
});
