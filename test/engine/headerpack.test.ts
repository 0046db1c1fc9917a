// C files with a kernel's header pack (issue 13), on a small hand-made kernel tree packed as
// ksymns headers packs Debian's: includes resolve into the pack in kbuild's -I order with
// its forced includes, a static inline function of a header makes its calls the module's
// undefined symbols, the run names the pack files it lacked (read with the prelude meanwhile)
// and the next run has them; without a pack the prelude serves as before.

import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createNodeEngine, folderPack, projectRoot } from "../../src/engine/hosts/node";
import { writeHeaderPack } from "../support/header-pack";
import { createEngine } from "../../src/engine";

const PROFILE = "debian-6.12.118+deb12-amd64";

/** A kernel tree: kbuild's three forced includes, a module.h, an arch header found before
 *  include/ and a header whose static inline function calls an exported one. */
const TREE: Record<string, string> = {
  "include/linux/compiler-version.h": "/* gcc's version */\n#define KSYMNS_TEST_COMPILER_VERSION 1\n",
  "include/linux/kconfig.h": [
    "#ifndef __LINUX_KCONFIG_H",
    "#define __LINUX_KCONFIG_H",
    "#include <generated/autoconf.h>",
    "#define __ARG_PLACEHOLDER_1 0,",
    "#define __take_second_arg(__ignored, val, ...) val",
    "#define __is_defined(x) ___is_defined(x)",
    "#define ___is_defined(val) ____is_defined(__ARG_PLACEHOLDER_##val)",
    "#define ____is_defined(arg1_or_junk) __take_second_arg(arg1_or_junk 1, 0)",
    "#define __or(x, y) ___or(x, y)",
    "#define ___or(x, y) ____or(__ARG_PLACEHOLDER_##x, y)",
    "#define ____or(arg1_or_junk, y) __take_second_arg(arg1_or_junk 1, y)",
    "#define IS_ENABLED(option) __or(__is_defined(option), __is_defined(option##_MODULE))",
    "#endif",
    "",
  ].join("\n"),
  "include/linux/compiler_types.h":
    "#ifndef __LINUX_COMPILER_TYPES_H\n#define __LINUX_COMPILER_TYPES_H\n#define __section(s) __attribute__((__section__(s)))\n#define __used __attribute__((__used__))\n#endif\n",
  "include/linux/module.h": [
    "#ifndef _LINUX_MODULE_H",
    "#define _LINUX_MODULE_H",
    "#include <asm/kstate.h>",
    '#include "helper.h"',
    '#define __MODULE_INFO(tag, name, info) static const char name[] __used __section(".modinfo") __attribute__((aligned(1))) = #tag "=" info',
    "#define MODULE_LICENSE(_license) __MODULE_INFO(license, __ksymns_test_license, _license)",
    "#endif",
    "",
  ].join("\n"),
  "include/linux/helper.h":
    "/* a helper\n   over two lines */\nextern void real_helper(int);\nstatic inline void wrapped_helper(int x) { real_helper(x + KSTATE); }\n",
  "arch/x86/include/asm/kstate.h": "#define KSTATE 1\n",
  "include/asm-generic/kstate.h": "#error the arch header comes first\n",
};

/** A header of another chunk (another folder) than module.h's. */
const OTHER = "extern void real_other(int);\nstatic inline void other_helper(int x) { real_other(x); }\n";

/** 5.10's tree: no compiler-version.h, and kernel.h takes <stdarg.h> from gcc's folder. */
const PROFILE_510 = "debian-5.10.0-46-amd64";
const TREE_510: Record<string, string> = {
  "include/linux/kconfig.h": TREE["include/linux/kconfig.h"],
  "include/linux/compiler_types.h": TREE["include/linux/compiler_types.h"],
  "include/linux/kernel.h": "#include <stdarg.h>\nextern int vprintk(const char *fmt, va_list args);\n",
};

function writePack(profile = PROFILE, tree = TREE, root = mkdtempSync(join(tmpdir(), "ksymns-packs-"))): string {
  writeHeaderPack(root, profile, tree);
  return root;
}

const DRIVER = {
  "drv.c":
    '#include <linux/module.h>\n\nint drv_poke(int v)\n{\n\twrapped_helper(v);\n\treturn IS_ENABLED(CONFIG_MODULES) + KSYMNS_TEST_COMPILER_VERSION;\n}\nMODULE_LICENSE("GPL");\n',
};

describe("C files with a header pack", () => {
  const packs = writePack();

  it("reads a file with the pack's headers in kbuild's order and finds the calls of their inline functions", async () => {
    const engine = await createNodeEngine({ headers: packs });
    const res = await engine.run(DRIVER, { kernel: "6.12" });
    expect(res.kernel.headers).toEqual({ pack: PROFILE, units: 1, needed: [] });
    // (6.12's kbuild warns that drv_poke has no prototype; nothing else)
    expect(res.findings.filter((f) => f.stage === "compile").map((f) => f.id)).toEqual(["CC_NO_PROTOTYPE"]);
    const mod = res.model.modules[0];
    expect(mod.license).toBe("GPL");
    expect(mod.uses.map((u) => u.symbol)).toContain("real_helper");
  });

  it("answers with the prelude while the pack loads in the background, then with the pack", async () => {
    const engine = await createNodeEngine({ headers: packs });
    const first = await engine.run(DRIVER, { kernel: "6.12", headers: "background" });
    expect(first.kernel.headers?.units).toBe(0);
    // the first of kbuild's forced includes is missing, and gcc stops there
    expect(first.kernel.headers?.needed).toEqual(["include/linux/compiler-version.h"]);
    const next = await engine.run(DRIVER, { kernel: "6.12" });
    expect(next.kernel.headers).toEqual({ pack: PROFILE, units: 1, needed: [] });
  });

  it("answers with the pack when a waiting run starts while another file's headers load", async () => {
    // the pack's chunks come when the test lets them
    let release = (): void => undefined;
    let held: Promise<void> = Promise.resolve();
    const tree = { ...TREE, "include/net/other.h": OTHER, "include/sound/third.h": OTHER.replace(/other/g, "third") };
    const folder = folderPack(join(writePack(PROFILE, tree), PROFILE));
    const engine = await createEngine({
      wasm: async () => WebAssembly.compile(readFileSync(`${projectRoot}wasm/build/ksymns.wasm`)),
      profile: async () => ({ symvers: new Uint8Array(), modules: "", config: "" }),
      headers: (profile) => (profile === PROFILE ? { index: () => folder.index(), chunk: async (f) => (await held, folder.chunk(f)) } : null),
    });
    const using = (header: string, fn: string) => ({
      "drv.c": `#include <linux/module.h>\n#include <${header}>\nint drv_poke(int v)\n{\n\t${fn}(v);\n\treturn 0;\n}\nMODULE_LICENSE("GPL");\n`,
    });
    const options = { kernel: "6.12", profile: false } as const;
    // kbuild's forced includes and module.h are in
    await engine.run(DRIVER, options);
    held = new Promise((resolve) => (release = resolve));
    // one file's headers are loading when another file answers and a run waits for its own
    void engine.run(using("sound/third.h", "third_helper"), { ...options, headers: "background" });
    await new Promise((resolve) => setTimeout(resolve, 10));
    const file = using("net/other.h", "other_helper");
    const first = await engine.run(file, { ...options, headers: "background" });
    expect(first.kernel.headers?.needed).toEqual(["include/net/other.h"]);
    const next = engine.run(file, options);
    setTimeout(release, 50);
    const res = await next;
    expect(res.kernel.headers).toEqual({ pack: PROFILE, units: 1, needed: [] });
    expect(res.model.modules[0].uses.map((u) => u.symbol)).toContain("real_other");
  });

  it("says gcc's fatal error for a header the pack and the prelude both lack", async () => {
    const engine = await createNodeEngine({ headers: packs });
    const res = await engine.run({ "drv.c": "#include <linux/nowhere.h>\nint x;\n" }, { kernel: "6.12" });
    expect(res.findings.map((f) => f.text)).toContain("fatal error: linux/nowhere.h: No such file or directory");
    expect(res.findings.map((f) => f.id)).not.toContain("READ_HEADER_NOT_BUILTIN");
  });

  it("finds gcc's own <stdarg.h> up to 5.14, as kbuild's -isystem did, and not from 5.15", async () => {
    const engine = await createNodeEngine({ headers: writePack(PROFILE_510, TREE_510, writePack()) });
    const file = {
      "drv.c":
        "#include <linux/kernel.h>\nint drv_log(const char *fmt, ...)\n{\n\tva_list ap;\n\tint n;\n\tva_start(ap, fmt);\n\tn = vprintk(fmt, ap);\n\tva_end(ap);\n\treturn n;\n}\n",
    };
    const old = await engine.run(file, { kernel: "5.10" });
    expect(old.kernel.headers).toEqual({ pack: PROFILE_510, units: 1, needed: [] });
    expect(old.findings.filter((f) => f.stage === "compile")).toEqual([]);
    expect(old.model.modules[0].uses.map((u) => u.symbol)).toContain("vprintk");
    const later = await engine.run({ "drv.c": "#include <stdarg.h>\nint x;\n" }, { kernel: "6.12" });
    expect(later.findings.map((f) => f.text)).toContain("fatal error: stdarg.h: No such file or directory");
  });

  it("uses the prelude for another release and without packs", async () => {
    const engine = await createNodeEngine({ headers: packs });
    const other = await engine.run(DRIVER, { kernel: "6.1" });
    expect(other.kernel.headers?.pack).toBe("");
    const plain = await createNodeEngine();
    const res = await plain.run(DRIVER, { kernel: "6.12" });
    expect(res.kernel.headers).toEqual({ pack: "", units: 0, needed: [] });
    expect(res.model.modules[0].license).toBe("GPL");
  });
});
