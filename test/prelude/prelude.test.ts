// The built-in prelude run through the real gcc for every release the engine knows: the marker
// statements it ends in, the calls the module_*_driver helpers make, and agreement with Rules
// (wasm/assembly/kernel/versions.ts) on which export and import macros exist.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { Rules } from "../../wasm/assembly/kernel/versions";
import { knownReleases } from "../../wasm/shared/releases";
import { renderModule, OUT } from "../../wasm/prelude/embed.mjs";
import {
  DEBIAN_AUTOCONF,
  HELPER_CASES,
  MARKER_DEFINES,
  STRUCT_COMPLETIONS,
  hasGcc,
  markers,
  preludeArgs,
  preprocess,
  printingModule,
  scratch,
  undefinedSymbols,
} from "./support";

const gcc = hasGcc();
if (!gcc) console.log("prelude tests: gcc not found, the gcc-based checks are skipped");

describe("prelude embedding", () => {
  it("the committed wasm/assembly/prelude/files.ts matches wasm/prelude/include", () => {
    expect(readFileSync(OUT, "utf8")).toBe(renderModule());
  });
});

describe.skipIf(!gcc)("prelude through gcc", () => {
  const dir = scratch({ "generated/autoconf.h": DEBIAN_AUTOCONF, "completions.h": STRUCT_COMPLETIONS });
  const args = (v: number) => preludeArgs(v, 0, dir);

  it("defines each export and import macro exactly on the releases Rules says have it", () => {
    const probe = [
      "EXPORT_SYMBOL_NS",
      "EXPORT_SYMBOL_NS_GPL",
      "MODULE_IMPORT_NS",
      "EXPORT_SYMBOL_GPL_FOR_MODULES",
      "EXPORT_SYMBOL_FOR_MODULES",
      "EXPORT_SYMBOL_GPL_FUTURE",
    ]
      .map((m) => `#ifdef ${m}\nhas_${m}\n#endif`)
      .join("\n");
    for (const v of knownReleases()) {
      const r = new Rules(v);
      const out = preprocess(dir, args(v), `#include <linux/module.h>\n${probe}\n`);
      const has = (m: string) => out.includes(`has_${m}`);
      expect([v, has("EXPORT_SYMBOL_NS"), has("EXPORT_SYMBOL_NS_GPL"), has("MODULE_IMPORT_NS")]).toEqual([
        v,
        r.hasNamespaces,
        r.hasNamespaces,
        r.hasNamespaces,
      ]);
      expect([v, has("EXPORT_SYMBOL_GPL_FOR_MODULES"), has("EXPORT_SYMBOL_FOR_MODULES")]).toEqual([v, r.hasGplForModules, r.hasForModules]);
      expect([v, has("EXPORT_SYMBOL_GPL_FUTURE")]).toEqual([v, v < 513]);
    }
  });

  it("writes header-carried imports in the form Rules expects (identifier before 6.13, string after)", () => {
    for (const v of knownReleases()) {
      const found = markers(preprocess(dir, args(v), "#include <linux/pwm.h>\n")).filter((m) => m.startsWith("import_ns"));
      const expected = v < 611 ? [] : [new Rules(v).nsIsString ? 'import_ns("PWM")' : "import_ns(PWM)"];
      expect([v, found]).toEqual([v, expected]);
    }
  });

  it("applies DEFAULT_SYMBOL_NAMESPACE defined before the first include, not after it", () => {
    for (const v of [504, 510, 601, 612, 613, 703]) {
      const ns = new Rules(v).defaultNsIsString ? '"USB_STORAGE"' : "USB_STORAGE";
      const before = markers(preprocess(dir, args(v), printingModule("before", ns)));
      const after = markers(preprocess(dir, args(v), printingModule("after", ns)));
      expect(before).toContain(`export_default(EXPORT_SYMBOL_GPL, exported_fn, ${ns})`);
      expect(after).toContain("export(EXPORT_SYMBOL_GPL, exported_fn)");
    }
  });

  it("ends a module in its license, description and parameter tags", () => {
    expect(markers(preprocess(dir, args(612), printingModule("none", "")))).toEqual([
      'modinfo(parmtype, "val" ":" "int")',
      'modinfo(parm, "val" ":" "a value")',
      "export(EXPORT_SYMBOL_GPL, exported_fn)",
      'license("GPL")',
      'modinfo(description, "probe")',
    ]);
  });

  it("prints through printk before 5.15 and _printk after, pr_debug and dev_dbg through dynamic debug", () => {
    const compile = (v: number) => undefinedSymbols(dir, [...args(v), "-include", `${dir}/completions.h`, ...MARKER_DEFINES], printingModule("none", ""));
    expect(compile(510)).toEqual(["__dynamic_dev_dbg", "__dynamic_pr_debug", "__this_module", "_dev_err", "param_ops_int", "printk"]);
    expect(compile(515)).toEqual(["__dynamic_dev_dbg", "__dynamic_pr_debug", "__this_module", "_dev_err", "_printk", "param_ops_int"]);
    expect(compile(703)).toEqual(["__dynamic_dev_dbg", "__dynamic_pr_debug", "__this_module", "_dev_err", "_printk", "dump_stack", "param_ops_int"]);
  });

  it("makes module_usb_driver call usb_register_driver and usb_deregister from init and exit", () => {
    const out = markers(preprocess(dir, args(612), "#include <linux/usb.h>\nextern struct usb_driver drv;\nmodule_usb_driver(drv);\n"));
    expect(out).toEqual(["module_init(drv_init)", "module_exit(drv_exit)"]);
    const syms = undefinedSymbols(
      dir,
      [...args(612), "-include", `${dir}/completions.h`, ...MARKER_DEFINES],
      "#include <linux/usb.h>\nextern struct usb_driver drv;\nmodule_usb_driver(drv);\n",
    );
    expect(syms).toEqual(["__this_module", "drv", "usb_deregister", "usb_register_driver"]);
  });

  it("gives every module_*_driver helper one module_init and valid C on every profile release", () => {
    for (const v of [510, 601, 612, 703]) {
      for (const c of HELPER_CASES) {
        if ((c.since && v < c.since) || (c.until && v > c.until)) continue;
        const src = `#include <linux/module.h>\n#include <${c.header}>\n${c.decls}\n${c.use}\nMODULE_LICENSE("GPL");\n`;
        const init = markers(preprocess(dir, args(v), src)).filter((m) => m.startsWith("module_init"));
        expect([v, c.helper, init.length]).toEqual([v, c.helper, 1]);
        expect(() => undefinedSymbols(dir, [...args(v), "-include", `${dir}/completions.h`, ...MARKER_DEFINES], src)).not.toThrow();
      }
    }
  });
});
