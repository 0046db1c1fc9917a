// The built-in prelude against the real headers of Debian's kernels: the same module sources
// compiled with gcc against linux-headers-*-{common,amd64} and against the prelude must
// reference the same undefined symbols (the module_*_driver calls, printk's target, dynamic
// debug, module_param's ops), and DEFAULT_SYMBOL_NAMESPACE must apply exactly when the real
// export.h applies it. Headers come from Debian's archive (test/support/debian-headers.sh).
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
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
} from "../prelude/support";

const SERIES = (process.env.KSYMNS_PRELUDE_SERIES ?? "5.10 6.1 6.12 7.2 7.3").split(" ");
const script = join(import.meta.dirname, "..", "support", "debian-headers.sh");

function fetchHeaders(series: string): [string, string] | null {
  try {
    const [common, amd64] = execFileSync(script, [series], { encoding: "utf8" }).trim().split("\n");
    return [common, amd64];
  } catch (e) {
    console.log(`prelude corpus: Debian ${series} headers unavailable (${(e as Error).message.split("\n")[0]}), skipped`);
    return null;
  }
}

function realArgs(common: string, amd64: string): string[] {
  const gccInclude = execFileSync("gcc", ["-print-file-name=include"], { encoding: "utf8" }).trim();
  const inc = [
    `${common}/arch/x86/include`,
    `${amd64}/arch/x86/include/generated`,
    `${common}/include`,
    `${amd64}/include`,
    `${common}/arch/x86/include/uapi`,
    `${amd64}/arch/x86/include/generated/uapi`,
    `${common}/include/uapi`,
    `${amd64}/include/generated/uapi`,
  ];
  const version = existsSync(`${common}/include/linux/compiler-version.h`) ? ["-include", `${common}/include/linux/compiler-version.h`] : [];
  return [
    "-nostdinc",
    "-isystem",
    gccInclude,
    ...inc.flatMap((d) => ["-I", d]),
    ...version,
    "-include",
    `${common}/include/linux/kconfig.h`,
    "-include",
    `${common}/include/linux/compiler_types.h`,
    "-D__KERNEL__",
    "-DMODULE",
    '-DKBUILD_MODNAME="probe"',
    '-DKBUILD_BASENAME="probe"',
  ];
}

/** The real kernel's autoconf.h, for the prelude run of the same release. */
function autoconfOf(amd64: string): string {
  return readFileSync(`${amd64}/include/generated/autoconf.h`, "utf8");
}

describe.skipIf(!hasGcc())("prelude against the real Debian headers", () => {
  for (const series of SERIES) {
    it(`references what the real ${series} headers reference`, () => {
      const dirs = fetchHeaders(series);
      if (!dirs) return;
      const [common, amd64] = dirs;
      const release = common.match(/linux-headers-(\d+)\.(\d+)\.(\d+)/);
      const debianSub = common.match(/-(\d+)\.(\d+)\.(\d+)/);
      const v = Number(release![1]) * 100 + Number(release![2]);
      const sub = Number(debianSub![3]);
      const real = realArgs(common, amd64);
      const work = scratch({ "generated/autoconf.h": autoconfOf(amd64), "completions.h": STRUCT_COMPLETIONS });
      const prelude = [...preludeArgs(v, sub, work), "-include", `${work}/completions.h`, ...MARKER_DEFINES];
      const mismatches: string[] = [];
      const compare = (name: string, src: string) => {
        let want: string[];
        try {
          want = undefinedSymbols(work, real, src);
        } catch {
          return;
        } // not in this release's include/
        const got = undefinedSymbols(work, prelude, src);
        if (want.join(" ") !== got.join(" ")) mismatches.push(`${name}: real [${want.join(" ")}] prelude [${got.join(" ")}]`);
      };
      compare("printing module", printingModule("none", ""));
      for (const c of HELPER_CASES) compare(c.helper, `#include <linux/module.h>\n#include <${c.header}>\n${c.decls}\n${c.use}\nMODULE_LICENSE("GPL");\n`);
      expect(mismatches).toEqual([]);

      // DEFAULT_SYMBOL_NAMESPACE: the real export code carries the namespace string exactly when
      // the prelude says export_default
      const ns = v >= 612 ? '"KSYMNS_PROBE_NS"' : "KSYMNS_PROBE_NS";
      for (const place of ["before", "after"] as const) {
        const src = printingModule(place, ns);
        const realHas = preprocess(work, real, src).includes("KSYMNS_PROBE_NS");
        const preludeHas = markers(preprocess(work, preludeArgs(v, sub, work), src)).some((m) => m.startsWith("export_default"));
        expect([series, place, preludeHas]).toEqual([series, place, realHas]);
      }
    });
  }
});
