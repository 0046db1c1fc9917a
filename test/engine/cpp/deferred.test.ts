// A header of nothing but #define lines (the kernel's generated autoconf.h) has its macros
// defined on first use, not line by line: every answer must be what reading it line by line
// gives — values, #ifdef, #undef, redefinition warnings, the macros at the end, a bad line.

import { describe, expect, it } from "vitest";
import { out, pp } from "./support";

/** A define-only header of `n` options (enough to be deferred), plus `extra` lines. */
function autoconf(n: number, extra = ""): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++)
    lines.push(i % 3 === 0 ? `#define CONFIG_OPT${i} 1` : i % 3 === 1 ? `#define CONFIG_OPT${i}_MODULE 1` : `#define CONFIG_OPT${i} "v${i}"`);
  return lines.join("\n") + "\n" + extra;
}

describe("define-only headers", () => {
  it("gives each macro its value where it is used, and none before the header is included", async () => {
    const r = await pp({
      "autoconf.h": autoconf(300),
      "main.c":
        '#ifdef CONFIG_OPT0\nbefore\n#endif\n#include "autoconf.h"\n#ifdef CONFIG_OPT0\nafter\n#endif\nint a = CONFIG_OPT0 + CONFIG_OPT2[0];\n#if defined(CONFIG_OPT4_MODULE) && !defined(CONFIG_OPT4)\nmodule\n#endif\n',
    });
    expect(out(r)).toBe('after int a = 1 + "v2" [ 0 ] ; module');
    expect(r.diagnostics).toEqual([]);
    const used = r.invocations.find((i) => i.macro === "CONFIG_OPT2");
    expect(used?.text).toBe('"v2"');
    const def = r.definitions.find((d) => d.name === "CONFIG_OPT2");
    expect([def?.file, def?.line, def?.col]).toEqual(["autoconf.h", 3, 9]);
  });

  it("lets a later #undef or #define change a deferred macro, and warns as gcc does", async () => {
    const r = await pp({
      "autoconf.h": autoconf(300),
      "main.c":
        '#define CONFIG_OPT3 2\n#include "autoconf.h"\n#undef CONFIG_OPT6\n#define CONFIG_OPT9 3\nint a = CONFIG_OPT3, b = CONFIG_OPT6, c = CONFIG_OPT9;\n',
    });
    expect(out(r)).toBe("int a = 1 , b = CONFIG_OPT6 , c = 3 ;");
    expect(r.diagnostics.map((d) => [d.severity, d.text, d.file, d.line])).toEqual([
      ["warning", '"CONFIG_OPT3" redefined', "autoconf.h", 4],
      ["note", "this is the location of the previous definition", "main.c", 1],
      ["warning", '"CONFIG_OPT9" redefined', "main.c", 4],
      ["note", "this is the location of the previous definition", "autoconf.h", 10],
    ]);
  });

  it("lists every macro of the header among those defined at the end", async () => {
    const r = await pp({ "autoconf.h": autoconf(300), "main.c": '#include "autoconf.h"\n' });
    expect(r.macros).toHaveLength(300);
    expect(r.macros).toContain("CONFIG_OPT299");
  });

  it("reads a header with anything besides #define lines, or a name twice, line by line", async () => {
    const r = await pp({ "autoconf.h": autoconf(300, "#define CONFIG_OPT0 2\n"), "main.c": '#include "autoconf.h"\nint a = CONFIG_OPT0;\n' });
    expect(out(r)).toBe("int a = 2 ;");
    expect(r.diagnostics.map((d) => d.text)).toEqual(['"CONFIG_OPT0" redefined', "this is the location of the previous definition"]);
  });

  it("reports a bad #define of the header at its line", async () => {
    const r = await pp({ "autoconf.h": autoconf(300, "#define CONFIG_BAD(x\n"), "main.c": '#include "autoconf.h"\nint a = CONFIG_BAD;\n' });
    expect(r.diagnostics.map((d) => [d.severity, d.file, d.line])).toEqual([["error", "autoconf.h", 301]]);
    expect(out(r)).toBe("int a = CONFIG_BAD ;");
  });
});
