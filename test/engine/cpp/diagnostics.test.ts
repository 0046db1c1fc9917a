// What the preprocessor says about bad input: gcc 12's words, the place, and gcc's
// "In file included from" chain; every text below is what gcc prints for the same input.

import { describe, expect, it } from "vitest";
import { messages, norm, out, pp } from "./support";

describe("preprocessor diagnostics", () => {
  it("stops at a missing header with gcc's fatal error and include chain", async () => {
    const r = await pp({ "main.c": '#include "a.h"\nint after;\n', "a.h": '#include "b.h"\nint x;\n', "b.h": "#include <missing.h>\n" });
    expect(messages(r)).toEqual(["b.h:1: fatal error: missing.h: No such file or directory"]);
    expect(r.diagnostics[0].chain).toBe("In file included from a.h:1,\n                 from main.c:1:");
    expect(r.diagnostics[0].col).toBe(10);
    expect(r.stopped).toBe(true);
    expect(out(r)).toBe("");
  });

  it("goes on after missing headers when asked, listing every one in the include graph", async () => {
    const r = await pp('#include <one.h>\n#include "two.h"\nint after;\n', { stopAtFatal: false });
    expect(r.includes.map((i) => [i.spelling, i.angled, i.resolved])).toEqual([
      ["one.h", true, null],
      ["two.h", false, null],
    ]);
    expect(out(r)).toBe(norm("int after;"));
  });

  it("says where a -include file was included from", async () => {
    const r = await pp({ "main.c": "int a;\n", "forced.h": "#error in forced\n" }, { include: ["forced.h"] });
    expect(messages(r)).toEqual(["forced.h:1: error: #error in forced"]);
    expect(r.diagnostics[0].chain).toBe("In file included from <command-line>:");
  });

  it("counts macro arguments as gcc does and points at the definition", async () => {
    const r = await pp("#define f(a,b) a\nf(1)\nf(1,2,3)\nf(\n#define g(x) x\ng(1,\n");
    expect(messages(r)).toEqual([
      'main.c:2: error: macro "f" requires 2 arguments, but only 1 given',
      'main.c:1: note: macro "f" defined here',
      'main.c:3: error: macro "f" passed 3 arguments, but takes just 2',
      'main.c:1: note: macro "f" defined here',
      'main.c:6: error: unterminated argument list invoking macro "f"',
    ]);
  });

  it("accepts an omitted variadic argument and an empty argument list for one parameter", async () => {
    const r = await pp("#define v(a, ...) a __VA_ARGS__\n#define one(a) [a]\nv(1) one()\n");
    expect(r.diagnostics).toEqual([]);
    expect(out(r)).toBe(norm("1 []"));
  });

  it("reports a paste that does not make one token, and keeps both tokens", async () => {
    const r = await pp("#define cat(a, b) a ## b\ncat(+, -) cat(x, +) cat(/, /)\n");
    expect(r.diagnostics.map((d) => d.text)).toEqual([
      'pasting "+" and "-" does not give a valid preprocessing token',
      'pasting "x" and "+" does not give a valid preprocessing token',
      'pasting "/" and "/" does not give a valid preprocessing token',
    ]);
    expect(out(r)).toBe(norm("+ - x + / /"));
  });

  it("rejects bad #define lines with gcc's messages", async () => {
    const r = await pp(`#define
#define 3
#define defined
#define f(
#define f(a
#define f(a,
#define f(a b)
#define f(a,a)
#define f(...,a)
#define g(x) #y
#define h ## x
#define i x ##
#define K(x) __VA_ARGS__
#define n+1
#undef
#undef x y
#ifdef 3
#endif
`);
    expect(messages(r)).toEqual([
      "main.c:1: error: no macro name given in #define directive",
      "main.c:2: error: macro names must be identifiers",
      'main.c:3: error: "defined" cannot be used as a macro name',
      "main.c:4: error: expected parameter name before end of line",
      "main.c:5: error: expected ')' before end of line",
      "main.c:6: error: expected parameter name before end of line",
      "main.c:7: error: expected ',' or ')', found \"b\"",
      'main.c:8: error: duplicate macro parameter "a"',
      "main.c:9: error: expected ')' after \"...\"",
      "main.c:10: error: '#' is not followed by a macro parameter",
      "main.c:11: error: '##' cannot appear at either end of a macro expansion",
      "main.c:12: error: '##' cannot appear at either end of a macro expansion",
      "main.c:13: warning: __VA_ARGS__ can only appear in the expansion of a C99 variadic macro",
      "main.c:14: warning: ISO C99 requires whitespace after the macro name",
      "main.c:15: error: no macro name given in #undef directive",
      "main.c:16: warning: extra tokens at end of #undef directive",
      "main.c:17: error: macro names must be identifiers",
    ]);
  });

  it("prints #error and #warning text as gcc does, comments and runs of blanks as one space", async () => {
    const r = await pp('#error hello  world /* c */ x\n#warning  w1\n#error\n#pragma GCC warning "from a pragma"\n');
    expect(messages(r)).toEqual([
      "main.c:1: error: #error hello world x",
      "main.c:2: warning: #warning w1",
      "main.c:3: error: #error ",
      "main.c:4: warning: from a pragma",
    ]);
  });

  it("reports an unknown directive in live code only", async () => {
    const r = await pp('#foo\n#if 0\n#bar\n#endif\n# /* null directive */\n#42 "renamed.c"\n__LINE__ __FILE__\n');
    expect(messages(r)).toEqual(["main.c:1: error: invalid preprocessing directive #foo"]);
    expect(out(r)).toBe(norm('42 "renamed.c"'));
  });

  it("reports #include syntax errors and #include_next in the main file", async () => {
    const r = await pp({ "main.c": '#include\n#include x\n#include "a.h" extra\n#include_next "a.h"\n#include ""\n', "a.h": "" });
    expect(messages(r)).toEqual([
      'main.c:1: error: #include expects "FILENAME" or <FILENAME>',
      'main.c:2: error: #include expects "FILENAME" or <FILENAME>',
      "main.c:3: warning: extra tokens at end of #include directive",
      "main.c:4: warning: #include_next in primary source file",
      "main.c:5: error: empty filename in #include",
    ]);
  });

  it("reports comments and literals that never close", async () => {
    const r = await pp("int a; /* open\nint b;\n");
    expect(messages(r)).toEqual(["main.c:1: error: unterminated comment"]);
    const q = await pp("char c = 'x;\n#if 0\ndon't\n#endif\n");
    expect(messages(q)).toEqual(["main.c:1: warning: missing terminating ' character"]);
  });

  it("names the macro expansions a diagnostic is inside, innermost first", async () => {
    const r = await pp("#define bad(a) a ## +\n#define outer() bad(x)\nouter()\n");
    expect(messages(r)).toEqual(['main.c:3: error: pasting "x" and "+" does not give a valid preprocessing token']);
    expect(r.diagnostics[0].expansion.map((e) => [e.macro, e.line])).toEqual([
      ["bad", 1],
      ["outer", 2],
    ]);
  });
});
