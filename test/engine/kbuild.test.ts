// Kbuild as drivers write it: make's conditionals, variables and functions, composite
// modules, subfolders, per-file flags, options from the kernel's .config and other builds'
// export tables (KBUILD_EXTRA_SYMBOLS).

import { beforeAll, describe, expect, it } from "vitest";
import { createNodeEngine } from "../../src/engine/hosts/node";
import type { Engine, RunResult } from "../../src/engine";

let engine: Engine;
beforeAll(async () => {
  engine = await createNodeEngine();
});

const LICENSE = 'MODULE_LICENSE("GPL");\nMODULE_DESCRIPTION("x");\n';
const run = (files: Record<string, string>, kernel = "6.12"): Promise<RunResult> => engine.run(files, { kernel, relaxed: true });
const built = (r: RunResult) => r.build.modules.map((m) => m.name);
const texts = (r: RunResult, stage?: string) => r.findings.filter((f) => !stage || f.stage === stage).map((f) => f.text);

describe("Kbuild", () => {
  it("links a composite module from its parts: exports and uses of all, undefined only what no part defines", async () => {
    const r = await run({
      Kbuild: "obj-m += usb-storage.o\nusb-storage-y := scsiglue.o protocol.o\nusb-storage-$(CONFIG_USB_STORAGE_DEBUG) += debug.o\n",
      "scsiglue.c": `int usb_stor_helper(void);\nint glue(void) { return usb_stor_helper(); }\n${LICENSE}`,
      "protocol.c": "int usb_stor_helper(void) { return 1; }\nint glue(void);\nEXPORT_SYMBOL_GPL(glue);\n",
      "debug.c": "this file is not built: CONFIG_USB_STORAGE_DEBUG is not set\n",
      load: "insmod usb-storage.ko\n",
    });
    expect(built(r)).toEqual(["usb_storage"]);
    const mod = r.model.modules.find((m) => m.name === "usb_storage")!;
    expect(mod.exports.map((e) => e.symbol)).toEqual(["glue"]);
    expect(mod.uses.map((u) => u.symbol)).not.toContain("usb_stor_helper");
    expect(r.commands[0].exit).toBe(0);
  });

  it("reads the Kbuild part of an out-of-tree Makefile (ifneq ($(KERNELRELEASE),)) and skips its rules", async () => {
    const r = await run({
      Makefile: [
        "ifneq ($(KERNELRELEASE),)",
        "obj-m := hello.o",
        "else",
        "KDIR ?= /lib/modules/$(shell uname -r)/build",
        "default:",
        "\t$(MAKE) -C $(KDIR) M=$(PWD) modules",
        "endif",
        "",
      ].join("\n"),
      "hello.c": LICENSE,
      "other.c": "not named by the Makefile\n",
    });
    expect(built(r)).toEqual(["hello"]);
    expect(texts(r, "read").join("\n")).not.toContain("shell");
  });

  it("keeps a rule's recipe going across a conditional inside it, as GNU make does (tp-smapi's install: rule)", async () => {
    const r = await run({
      Makefile: [
        "obj-m := hello.o",
        "install: modules",
        "\trm -f $(MOD_DIR)/extra/hello.ko",
        "ifeq ($(HDAPS),1)",
        "\trm -f $(MOD_DIR)/extra/hdaps.ko",
        "endif",
        "\t$(MAKE) -C $(KBUILD) M=$(PWD) modules_install",
        "",
      ].join("\n"),
      "hello.c": LICENSE,
    });
    expect(built(r)).toEqual(["hello"]);
    expect(texts(r).join("\n")).not.toContain("missing separator");
  });

  it("builds what obj-$(CONFIG_X) names when the kernel's .config sets X to m, and says so when it is unset", async () => {
    const on = await run({ Kbuild: "obj-$(CONFIG_USB_STORAGE) += a.o\n", "a.c": LICENSE, ".config": "CONFIG_USB_STORAGE=m\n" });
    expect(built(on)).toEqual(["a"]);
    const off = await run({ Kbuild: "obj-$(CONFIG_KSYMNS_NOT_AN_OPTION) += a.o\n", "a.c": LICENSE });
    expect(built(off)).toEqual([]);
    expect(texts(off)).toContain("CONFIG_KSYMNS_NOT_AN_OPTION is not set to y or m in .config, so these objects are not built");
  });

  it("reads a .config as kconfig writes it and as people edit it: CRLF, spaces around, comments, the last line of an option wins, bad lines named by line", async () => {
    const r = await run({
      Kbuild: "obj-$(CONFIG_KA) += a.o\nobj-$(CONFIG_KB) += b.o\nobj-$(CONFIG_KC) += c.o\nobj-$(CONFIG_KD) += d.o\n",
      "a.c": LICENSE,
      "b.c": LICENSE,
      "c.c": LICENSE,
      "d.c": LICENSE,
      ".config": '# Kernel options\r\nCONFIG_KA=m\r\n   CONFIG_KB=m   \nCONFIG_KC=m \n# CONFIG_KC is not set\nCONFIG_K D=m\nCONFIG_KD="é"\nCONFIG_KD=m\n',
    });
    expect(built(r)).toEqual(["a", "b", "d"]);
    const bad = r.findings.find((f) => f.text === "'CONFIG_K D' is not a valid option name");
    expect([bad?.file, bad?.line]).toEqual([".config", 6]);
  });

  it("gives C its options as autoconf.h does (y and m through IS_BUILTIN and IS_MODULE, a string as written, ASCII or not), and an edited value on the next run", async () => {
    for (const name of ["toy", "grüße"]) {
      const r = await run({
        ".config": `CONFIG_TOY_M=m\nCONFIG_TOY_Y=y\n# CONFIG_TOY_N is not set\nCONFIG_TOY_NAME="${name}"\nCONFIG_TOY_INT=42\n`,
        "a.c":
          '#include <linux/module.h>\n#if IS_MODULE(CONFIG_TOY_M) && IS_BUILTIN(CONFIG_TOY_Y) && !IS_ENABLED(CONFIG_TOY_N) && CONFIG_TOY_INT == 42\nMODULE_IMPORT_NS("BOTH");\n#endif\nMODULE_LICENSE("GPL");\nMODULE_DESCRIPTION(CONFIG_TOY_NAME);\n',
      });
      expect(r.model.modules[0].imports.map((i) => i.ns)).toEqual(["BOTH"]);
      const description = r.sources[0].macros.find((m) => m.macro === "MODULE_DESCRIPTION");
      expect(description?.expansion).toBe(`__ksymns_modinfo(description,"${name}")`);
    }
  });

  it("descends into subfolders named in obj-m, each with its own Kbuild", async () => {
    const r = await run({
      Kbuild: "obj-m += core/ drivers/\n",
      "core/Kbuild": "obj-m += core.o\n",
      "core/core.c": `int core_get(void) { return 1; }\nEXPORT_SYMBOL_GPL(core_get);\n${LICENSE}`,
      "drivers/Makefile": "obj-m += $(addsuffix .o,user)\n",
      "drivers/user.c": `int core_get(void);\nint f(void) { return core_get(); }\n${LICENSE}`,
      load: "insmod core/core.ko\ninsmod drivers/user.ko\n",
    });
    expect(built(r)).toEqual(["core", "user"]);
    expect(r.commands.map((c) => c.exit)).toEqual([0, 0]);
  });

  it("gives each file the DEFAULT_SYMBOL_NAMESPACE its flags define: ccflags-y, then CFLAGS_x.o, minus ccflags-remove-y", async () => {
    const r = await run({
      Kbuild:
        "obj-m += a.o b.o c.o\nccflags-y += -DDEFAULT_SYMBOL_NAMESPACE='\"DIR_NS\"'\nCFLAGS_b.o += -DDEFAULT_SYMBOL_NAMESPACE='\"FILE_NS\"'\nCFLAGS_c.o += -UDEFAULT_SYMBOL_NAMESPACE\n",
      "a.c": `int fa(void) { return 1; }\nEXPORT_SYMBOL(fa);\n${LICENSE}`,
      "b.c": `int fb(void) { return 1; }\nEXPORT_SYMBOL(fb);\n${LICENSE}`,
      "c.c": `int fc(void) { return 1; }\nEXPORT_SYMBOL(fc);\n${LICENSE}`,
    });
    const ns = Object.fromEntries(r.model.modules.flatMap((m) => m.exports.map((e) => [e.symbol, e.ns])));
    expect(ns).toEqual({ fa: "DIR_NS", fb: "FILE_NS", fc: "" });
  });

  it("builds against another build's Module.symvers named by KBUILD_EXTRA_SYMBOLS", async () => {
    const symvers = "0x12345678\tprovider_get\tprovider\tEXPORT_SYMBOL_GPL\tPROVIDER_NS\n";
    const files = {
      Kbuild: "obj-m += user.o\nKBUILD_EXTRA_SYMBOLS := $(src)/provider/Module.symvers\n",
      "provider/Module.symvers": symvers,
      "user.c": `int provider_get(void);\nint f(void) { return provider_get(); }\n${LICENSE}`,
    };
    const r = await run(files);
    expect(texts(r, "modpost")).toContain("ERROR: modpost: module user uses symbol provider_get from namespace PROVIDER_NS, but does not import it.");
    const { "provider/Module.symvers": _, ...without } = files;
    const missing = await run(without);
    expect(texts(missing).some((t) => t.startsWith("KBUILD_EXTRA_SYMBOLS names provider/Module.symvers"))).toBe(true);
  });

  it("stops, building nothing, with make's message for $(error ...)", async () => {
    const r = await run({ Kbuild: "$(error this driver needs CONFIG_FOO)\nobj-m += a.o\n", "a.c": LICENSE });
    expect(texts(r)).toContain("*** this driver needs CONFIG_FOO.  Stop.");
    expect(built(r)).toEqual([]);
  });

  it("never hangs on a variable that references itself", async () => {
    const r = await run({ Kbuild: "A = $(A) x\nobj-m += $(A)\n", "a.c": LICENSE });
    expect(texts(r).some((t) => t.includes("Recursive variable"))).toBe(true);
  });
});
