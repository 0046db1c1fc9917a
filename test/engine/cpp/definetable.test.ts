// A header of nothing but #define lines (the kernel's generated autoconf.h) is read by name:
// a line is lexed and defined on the first use of its name. Every answer must be what reading
// it line by line gives — values, #ifdef, #undef, redefinition warnings, the macros at the
// end, a bad line, a second inclusion, a run resumed at its checkpoint.

import { describe, expect, it } from "vitest";
import { createNodeEngine } from "../../../src/engine/hosts/node";
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

  it("reads a header that opens with a comment, with blank lines and function-like macros, as it reads it line by line", async () => {
    const header =
      "/*\n * Automatically generated file; DO NOT EDIT.\n */\n\n" +
      autoconf(300) +
      "#define CONFIG_F(x) ((x) + CONFIG_OPT0)\n  #define CONFIG_SPACED 7 // note\n";
    const main =
      '#include "autoconf.h"\nint a = CONFIG_F(2) + CONFIG_SPACED;\n#undef CONFIG_OPT3\n#include "autoconf.h"\nint b = CONFIG_OPT3;\n#ifdef CONFIG_OPT4\nno\n#endif\n';
    const byName = await pp({ "autoconf.h": header, "main.c": main });
    // a directive besides #define makes it an ordinary header, read line by line
    const byLine = await pp({ "autoconf.h": header + "#undef NOT_DEFINED\n", "main.c": main });
    expect(out(byName)).toBe("int a = ( ( 2 ) + 1 ) + 7 ; int b = 1 ;");
    expect(out(byLine)).toBe(out(byName));
    expect(byName.diagnostics).toEqual(byLine.diagnostics);
    const where = (r: typeof byName, name: string) => r.definitions.filter((d) => d.name === name).map((d) => [d.file, d.line, d.col]);
    // defined at the first use, then again by the second #include, as line by line
    expect(where(byName, "CONFIG_F")).toEqual([
      ["autoconf.h", 305, 9],
      ["autoconf.h", 305, 9],
    ]);
    expect(where(byName, "CONFIG_F")).toEqual(where(byLine, "CONFIG_F"));
    expect(where(byName, "CONFIG_SPACED")).toEqual(where(byLine, "CONFIG_SPACED"));
  });

  it("gives what a fresh run gives when a run resumes after the header", async () => {
    const e = await createNodeEngine();
    const files = { "autoconf.h": autoconf(300), "main.c": '#include "autoconf.h"\nint a = CONFIG_OPT0;\n' };
    e.preprocess(files, { main: "main.c" });
    const edited = { ...files, "main.c": '#include "autoconf.h"\n#undef CONFIG_OPT0\nint a = CONFIG_OPT0 + CONFIG_OPT3, b = CONFIG_OPT2[0];\n' };
    const resumed = e.preprocess(edited, { main: "main.c" });
    expect(resumed.stats.resumed).toBe(true);
    const fresh = await (await createNodeEngine()).preprocess(edited, { main: "main.c" });
    expect(out(resumed)).toBe(out(fresh));
    expect(out(resumed)).toBe('int a = CONFIG_OPT0 + 1 , b = "v2" [ 0 ] ;');
    expect(resumed.definitions).toEqual(fresh.definitions);
  });
});
