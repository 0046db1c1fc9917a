// The built-in prelude run through the real gcc for every release the engine knows: the marker
// statements it ends in, the calls the module_*_driver helpers make, and agreement with Rules
// (wasm/assembly/kernel/versions.ts) on which export and import macros exist.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { Rules } from "../../wasm/assembly/kernel/versions";
import { knownReleases } from "../../wasm/shared/releases";
import { renderHistory, renderModule, HISTORY_OUT, OUT } from "../../wasm/prelude/embed.mjs";
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

  it("the committed wasm/assembly/kernel/nshistorydata.ts matches nshistory.txt", () => {
    expect(readFileSync(HISTORY_OUT, "utf8")).toBe(renderHistory());
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

  it("declares memfd_fcntl, shmem_file's callee and the netfilter helpers as gcc compiles them on every profile release", () => {
    // the structs and helpers of the headers these leave out (linux/fs.h, linux/skbuff.h, net/sock.h)
    const outside = [
      "struct file { struct address_space *f_mapping; };",
      "struct address_space { const struct address_space_operations *a_ops; };",
      "struct sk_buff { struct sock *sk; void (*destructor)(struct sk_buff *); };",
      "struct inet_timewait_sock;",
      "bool inet_sk_transparent(struct sock *sk); void sock_gen_put(struct sock *sk); void skb_orphan(struct sk_buff *skb);",
      "void sock_edemux(struct sk_buff *skb); void local_bh_disable(void); void local_bh_enable(void);",
      "void inet_twsk_deschedule_put(struct inet_timewait_sock *tw);",
    ].join("\n");
    const src = [
      "#include <linux/module.h>",
      "#include <linux/types.h>",
      outside,
      "#include <linux/shmem_fs.h>",
      "#include <linux/memfd.h>",
      "#include <net/netfilter/ipv4/nf_defrag_ipv4.h>",
      "#include <net/netfilter/ipv6/nf_defrag_ipv6.h>",
      "#include <net/netfilter/nf_socket.h>",
      "#include <net/netfilter/nf_tproxy.h>",
      "long seals(struct file *f) { return memfd_fcntl(f, 1034, 0) + shmem_file(f); }",
      "int defrag(struct net *n) { return nf_defrag_ipv4_enable(n) + nf_defrag_ipv6_enable(n); }",
      "struct sock *lookup(struct net *n) { return nf_sk_lookup_slow_v4(n, 0, 0); }",
      "void give(struct sk_buff *skb, struct sock *sk) { nf_tproxy_assign_sock(skb, sk); }",
      'MODULE_LICENSE("GPL");',
    ].join("\n");
    for (const v of [510, 601, 612, 703]) {
      const syms = undefinedSymbols(dir, [...args(v), "-include", `${dir}/completions.h`, ...MARKER_DEFINES], src);
      const shmem = v === 601 ? "shmem_aops" : "shmem_mapping";
      const expected = ["memfd_fcntl", "nf_defrag_ipv4_enable", "nf_defrag_ipv6_enable", "nf_sk_lookup_slow_v4", shmem, "skb_orphan", "sock_edemux"];
      expect([v, syms.filter((s) => expected.includes(s))]).toEqual([v, [...expected].sort()]);
    }
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
