// What the preprocessor hands the editor and the C reader besides tokens: where each token
// and invocation is, definitions, expansion texts, the include graph with gcc's search
// order, the built-in macros, pragmas, and intrinsic calls with their arguments.

import { describe, expect, it } from "vitest";
import { norm, out, pp } from "./support";

describe("preprocessor results", () => {
  it("lists every definition with its place, parameters and text", async () => {
    const r = await pp("#define ANSWER 42\n#define ADD(a, b) ((a) + (b))\n#define LOG(fmt, args...) printk(fmt, ##args)\n");
    expect(r.definitions.map((d) => [d.name, d.line, d.col, d.params, d.text])).toEqual([
      ["ANSWER", 1, 9, [], "ANSWER 42"],
      ["ADD", 2, 9, ["a", "b"], "ADD(a, b) ((a) + (b))"],
      ["LOG", 3, 9, ["fmt", "args"], "LOG(fmt, args...) printk(fmt, ##args)"],
    ]);
    expect(r.macros).toEqual(["ANSWER", "ADD", "LOG"]);
  });

  it("gives each invocation in a workspace file its span and what it expands to, spaced as gcc -E spaces it", async () => {
    const r = await pp("#define TWICE(x) ((x) * 2)\n#define TEN 10\nint a = TWICE(TEN) + TWICE(\n3);\n");
    expect(r.invocations.map((i) => [i.macro, i.line, i.col, i.endLine, i.endCol, i.text])).toEqual([
      ["TWICE", 3, 9, 3, 19, "((10) * 2)"],
      ["TWICE", 3, 22, 4, 3, "(( 3) * 2)"],
    ]);
  });

  it("places tokens made by a macro at the outermost invocation, and written tokens where they are", async () => {
    const r = await pp("#define CALL(f) f(1)\nint x = CALL(foo);\n");
    const foo = r.tokens!.find((t) => t[1] === "foo")!;
    const one = r.tokens!.find((t) => t[1] === "1")!;
    const x = r.tokens!.find((t) => t[1] === "x")!;
    expect([x[2], x[3], x[4], x[7]]).toEqual(["main.c", 2, 5, 0]);
    expect([one[3], one[4], one[5], one[6]]).toEqual([2, 9, 2, 18]);
    expect([foo[3], foo[4], foo[5], foo[6]]).toEqual([2, 9, 2, 18]);
    expect(one[7]).toBeGreaterThan(0);
  });

  it("searches the includer's folder for quoted names, then -iquote and -I; #include_next resumes after the folder", async () => {
    const r = await pp(
      {
        "src/main.c": '#include "local.h"\n#include <foo.h>\n',
        "src/local.h": "local\n",
        "a/foo.h": "a_foo\n#include_next <foo.h>\n",
        "b/foo.h": "b_foo\n",
        "a/local.h": "wrong\n",
      },
      { main: "src/main.c", includeDirs: ["a", "b"] },
    );
    expect(out(r)).toBe("local a_foo b_foo");
    expect(r.includes.map((i) => [i.from, i.line, i.spelling, i.angled, i.next, i.resolved])).toEqual([
      ["src/main.c", 1, "local.h", false, false, "src/local.h"],
      ["src/main.c", 2, "foo.h", true, false, "a/foo.h"],
      ["a/foo.h", 2, "foo.h", true, true, "b/foo.h"],
    ]);
  });

  it("answers __has_include_next from where the current header was found, and takes macro-made <names>", async () => {
    const r = await pp(
      {
        "main.c": '#define HDR <foo.h>\n#include HDR\n#import "once.h"\n#import "once.h"\n',
        "a/foo.h": "#if __has_include_next(<foo.h>) && !__has_include_next(<bar.h>)\nnext_found\n#endif\n",
        "b/foo.h": "",
        "a/bar.h": "",
        "once.h": "imported\n",
      },
      { includeDirs: ["a", "b"] },
    );
    expect(out(r)).toBe("next_found imported");
    expect(r.includes.filter((i) => i.probe).map((i) => [i.from, i.spelling, i.resolved])).toEqual([
      ["a/foo.h", "foo.h", "b/foo.h"],
      ["a/foo.h", "bar.h", null],
    ]);
  });

  it("enters a guarded or #pragma once header once, and says it skipped the others", async () => {
    const r = await pp({
      "main.c": '#include "g.h"\n#include "g.h"\n#include "o.h"\n#include "o.h"\n',
      "g.h": "#ifndef G_H\n#define G_H\ng\n#endif\n",
      "o.h": "#pragma once\no\n",
    });
    expect(out(r)).toBe("g o");
    expect(r.includes.map((i) => i.skipped)).toEqual([false, true, false, true]);
    expect(r.pragmas).toEqual([{ file: "o.h", line: 1, text: "once" }]);
  });

  it("tells main, workspace and system files apart", async () => {
    const r = await pp(
      { "main.c": '#include "w.h"\n#include <linux/s.h>\n', "w.h": "", "pack/include/linux/s.h": "" },
      { includeDirs: ["pack/include"], system: ["pack/"] },
    );
    expect(r.files.map((f) => [f.path, f.origin])).toEqual([
      ["main.c", "main"],
      ["w.h", "workspace"],
      ["pack/include/linux/s.h", "system"],
    ]);
  });

  it("expands the built-in macros deterministically", async () => {
    const r = await pp(
      {
        "dir/main.c": '#include "h.h"\n__FILE__ __LINE__ __COUNTER__ __COUNTER__ __INCLUDE_LEVEL__ __DATE__ __TIME__\n#line 100 "other.c"\n__LINE__ __FILE__\n',
        "dir/h.h": "__FILE__ __BASE_FILE__ __FILE_NAME__ __INCLUDE_LEVEL__\n",
      },
      { main: "dir/main.c" },
    );
    expect(out(r)).toBe(norm('"dir/h.h" "dir/main.c" "h.h" 1 "dir/main.c" 2 0 1 0 "Jan  1 1970" "00:00:00" 100 "other.c"'));
  });

  it("records _Pragma and #pragma and honours push_macro and pop_macro", async () => {
    const r = await pp('#define X 1\n#pragma push_macro("X")\n#undef X\n#define X 2\nX\n#pragma pop_macro("X")\nX _Pragma("GCC diagnostic push") y\n');
    expect(out(r)).toBe("2 1 y");
    expect(r.pragmas.map((p) => p.text)).toEqual(['push_macro("X")', 'pop_macro("X")', "GCC diagnostic push"]);
  });

  it("expands macros in _Pragma's operand, as the kernel's __diag() needs", async () => {
    const r = await pp('#define S1(s) #s\n#define S(s) S1(s)\n#define D(s) _Pragma(S(GCC diagnostic s))\nD(push) int x\n#define P "once"\n_Pragma(P) y\n');
    expect(r.diagnostics).toEqual([]);
    expect(out(r)).toBe("int x y");
    expect(r.pragmas.map((p) => p.text)).toEqual(["GCC diagnostic push", "once"]);
  });

  it("turns an intrinsic's call into one marker with its arguments as written and expanded", async () => {
    const r = await pp(
      `#define NS "USB_STORAGE"
#define DEFAULT_SYMBOL_NAMESPACE NS
#define MY_EXPORT(s) EXPORT_SYMBOL_GPL(s)
#define FN usb_stor_reset
int usb_stor_reset(void);
EXPORT_SYMBOL_GPL(FN);
#undef DEFAULT_SYMBOL_NAMESPACE
MY_EXPORT(other);
MODULE_IMPORT_NS(DMA_BUF)
int EXPORT_SYMBOL_GPL;
`,
      { intrinsics: ["EXPORT_SYMBOL_GPL()", "MODULE_IMPORT_NS()"], snapshots: ["DEFAULT_SYMBOL_NAMESPACE"] },
    );
    expect(out(r)).toBe(norm("int usb_stor_reset(void); EXPORT_SYMBOL_GPL; EXPORT_SYMBOL_GPL; MODULE_IMPORT_NS int EXPORT_SYMBOL_GPL;"));
    expect(r.tokens!.filter((t) => t[0] === "intrinsic").map((t) => [t[1], t[3], t[4]])).toEqual([
      ["EXPORT_SYMBOL_GPL", 6, 1],
      ["EXPORT_SYMBOL_GPL", 8, 1],
      ["MODULE_IMPORT_NS", 9, 1],
    ]);
    expect(r.calls.map((c) => [c.name, c.line, c.col, c.endCol, c.args, c.snapshots])).toEqual([
      ["EXPORT_SYMBOL_GPL", 6, 1, 22, [{ raw: "FN", expanded: "usb_stor_reset" }], ['"USB_STORAGE"']],
      ["EXPORT_SYMBOL_GPL", 8, 1, 17, [{ raw: "other", expanded: "other" }], [null]],
      ["MODULE_IMPORT_NS", 9, 1, 26, [{ raw: "DMA_BUF", expanded: "DMA_BUF" }], [null]],
    ]);
  });

  it("lets a workspace's own definition of an intrinsic win when asked", async () => {
    const intrinsics = ["module_init();main,workspace"];
    const own = await pp("#define module_init(f) int init = f;\nmodule_init(start)\n", { intrinsics });
    expect(out(own)).toBe(norm("int init = start;"));
    const header = await pp(
      { "main.c": "#include <m.h>\nmodule_init(start)\n", "sys/m.h": "#define module_init(f) hidden\n" },
      { intrinsics, includeDirs: ["sys"], system: ["sys/"] },
    );
    expect(out(header)).toBe("module_init");
    expect(header.calls.map((c) => c.args[0].raw)).toEqual(["start"]);
  });
});
