// #if and friends evaluated exactly as gcc 12 evaluates them (C mode, 64-bit intmax_t):
// every expectation below is what gcc -E prints for the same input.

import { describe, expect, it } from "vitest";
import { messages, norm, out, pp } from "./support";

/** The words of `#if EXPR yes #else no #endif` for each expression. */
async function truth(exprs: string[], options = {}): Promise<string> {
  const src = exprs.map((e, i) => `#if ${e}\nyes${i}\n#else\nno${i}\n#endif\n`).join("");
  return out(await pp(src, options));
}

describe("#if arithmetic", () => {
  it("takes identifiers that are not macros, and true and false, as 0 in C", async () => {
    expect(await truth(["UNDEFINED_NAME", "true", "false", "!true", "defined true"])).toBe("no0 no1 no2 yes3 no4");
  });

  it("converts to unsigned as C does and computes in 64 bits", async () => {
    expect(
      await truth([
        "-1 > 0u",
        "-1 < 0",
        "0x7fffffffffffffff + 1 < 0",
        "18446744073709551615 == -1",
        "1 << 63 < 0",
        "(1u << 63) > 0",
        "-1 >> 1 == -1",
        "-1 >> 70 == -1",
        "1 << 64 == 0",
        "10 / 3 == 3 && -7 % 3 == -1",
        "(-9223372036854775807 - 1) / -1 < 0",
        "~0u == 0xffffffffffffffff",
      ]),
    ).toBe("yes0 yes1 yes2 yes3 yes4 yes5 yes6 yes7 yes8 yes9 yes10 yes11");
  });

  it("evaluates ?:, comma and the logical operators with C precedence", async () => {
    expect(await truth(["1 ? 2 : 0", "0 ? 1 : 0", "(1, 0)", "1 || 0 && 0", "(1 || 0) && 0", "1 + 2 * 3 == 7", "2 == 2 == 1", "1 ? -1 : 0u"])).toBe(
      "yes0 no1 no2 yes3 no4 yes5 yes6 yes7",
    );
  });

  it("reports division by zero only where it is evaluated, as gcc does", async () => {
    const r = await pp("#if 0 && 1/0\n#endif\n#if 1 || 1/0\n#endif\n#if 1 ? 2 : 1/0\n#endif\n#if 1/0\nlive\n#endif\n#if 0 % 0\nnot\n#endif\n");
    expect(messages(r)).toEqual(["main.c:7: error: division by zero in #if", "main.c:10: error: division by zero in #if"]);
    expect(out(r)).toBe("live");
  });

  it("reads character constants as the target's char (signed, or unsigned with -funsigned-char)", async () => {
    const exprs = ["'a' == 97", "'\\377' < 0", "'\\n' == 10 && '\\x41' == 65 && '\\101' == 65", "'ab' == 24930", "L'\\xffff' == 65535"];
    expect(await truth(exprs)).toBe("yes0 yes1 yes2 yes3 yes4");
    expect(await truth(exprs, { predefined: "#define __CHAR_UNSIGNED__ 1\n" })).toBe("yes0 no1 yes2 yes3 yes4");
  });

  it("handles defined X, defined(X) and macros that expand to numbers", async () => {
    expect(
      await truth(["defined FOO", "defined(FOO) && FOO == 2", "defined(BAR)", "!defined BAR", "TWICE(FOO) == 4"], { defines: ["FOO=2", "TWICE(x)=((x)*2)"] }),
    ).toBe("yes0 yes1 no2 yes3 yes4");
  });

  it("answers __has_include for quoted and angled names, and __has_attribute from the caller's table", async () => {
    const r = await pp(
      {
        "main.c":
          '#if __has_include("here.h") && !__has_include(<nowhere.h>) && __has_include(<sys/x.h>)\nyes\n#endif\n#if __has_attribute(__fallthrough__) == 201904 && !__has_attribute(nonexistent) && __has_builtin(__builtin_expect)\nattrs\n#endif\n',
        "here.h": "",
        "inc/sys/x.h": "",
      },
      { includeDirs: ["inc"], attributes: { fallthrough: 201904 }, builtins: { __builtin_expect: 1 } },
    );
    expect(out(r)).toBe("yes attrs");
    expect(r.includes.filter((i) => i.probe).map((i) => [i.spelling, i.resolved])).toEqual([
      ["here.h", "here.h"],
      ["nowhere.h", null],
      ["sys/x.h", "inc/sys/x.h"],
    ]);
  });

  it("answers as gcc 12 does for kbuild with the engine's own table of it", async () => {
    expect(
      await truth(
        [
          "__GNUC__ == 12 && __x86_64__ && __STDC_VERSION__ == 201112L && __CHAR_UNSIGNED__",
          "'\\377' > 0",
          "__has_attribute(__fallthrough__) == 201904",
          "__has_attribute(gnu::packed) && !__has_attribute(other::packed)",
          "__has_c_attribute(nodiscard) == 202003",
          "__has_attribute(__counted_by__)",
          "__has_builtin(__builtin_dynamic_object_size)",
          "__SSE2__",
          "__OPTIMIZE__ && __SIZEOF_WCHAR_T__ == 2",
        ],
        { compiler: "gcc-kbuild" },
      ),
    ).toBe("yes0 yes1 yes2 yes3 yes4 no5 yes6 no7 yes8");
  });

  it("answers __has_attribute and __has_builtin from the caller's table over gcc's, and gcc's again on the next run", async () => {
    const probes = ["__has_attribute(__counted_by__) == 2", "__has_builtin(__builtin_toy) == 3", "__has_attribute(packed)"];
    expect(await truth(probes, { compiler: "gcc-kbuild", attributes: { counted_by: 2 }, builtins: { __builtin_toy: 3 } })).toBe("yes0 yes1 yes2");
    expect(await truth(probes, { compiler: "gcc-kbuild" })).toBe("no0 no1 yes2");
  });

  it("gives gcc's messages for malformed expressions", async () => {
    const r = await pp(`#if 1 +
#endif
#if (1
#endif
#if 1 2
#endif
#if 1.0
#endif
#if "s"
#endif
#if
#endif
#if 09
#endif
#if 1z
#endif
#if 1 ? 2
#endif
#if 1 : 2
#endif
#if ()
#endif
#if defined
#endif
#if defined(X
#endif
#if ''
#endif
`);
    expect(r.diagnostics.map((d) => d.text)).toEqual([
      "operator '+' has no right operand",
      "missing ')' in expression",
      'missing binary operator before token "2"',
      "floating constant in preprocessor expression",
      'token ""s"" is not valid in preprocessor expressions',
      "#if with no expression",
      'invalid digit "9" in octal constant',
      'invalid suffix "z" on integer constant',
      "'?' without following ':'",
      " ':' without preceding '?'",
      "missing expression between '(' and ')'",
      'operator "defined" requires an identifier',
      "missing ')' after \"defined\"",
      "empty character constant",
    ]);
  });

  it("warns about undefined identifiers with -Wundef, as kbuild builds", async () => {
    const r = await pp("#if CONFIG_NOT_SET\n#endif\n", { warnUndef: true });
    expect(messages(r)).toEqual(['main.c:1: warning: "CONFIG_NOT_SET" is not defined, evaluates to 0']);
  });
});

describe("conditional groups", () => {
  it("takes the first true group of #if / #elif / #elifdef / #else and skips the rest", async () => {
    const r = await pp(`#define B 1
#if A
a
#elif B
b
#elif 1/0
never_evaluated
#else
c
#endif
#ifdef B
d
#endif
#ifndef B
e
#elifdef B
f
#endif
`);
    expect(out(r)).toBe("b d f");
    expect(r.diagnostics).toEqual([]);
  });

  it("reports the lines a conditional leaves out, for the editor to grey", async () => {
    const r = await pp("#if 0\none\ntwo\n#elif 1\nlive\n#else\nthree\n#endif\n");
    expect(r.inactive).toEqual([
      { file: "main.c", startLine: 2, endLine: 3 },
      { file: "main.c", startLine: 7, endLine: 7 },
    ]);
  });

  it("ignores unknown directives and bad syntax in skipped groups but not nested #else after #else", async () => {
    const r = await pp("#if 0\n#foo bar\n#if 1 +\n#else\n#else\n#endif\n#error not me\n#endif\n");
    expect(messages(r)).toEqual(["main.c:5: error: #else after #else", "main.c:3: error: the conditional began here"]);
  });

  it("reports unbalanced conditionals with gcc's words", async () => {
    const r = await pp("#else\n#endif\n#if 1\n#else\n#else\n#elif 1\n#endif\n#if 1\n#ifdef X\n");
    expect(messages(r)).toEqual([
      "main.c:1: error: #else without #if",
      "main.c:2: error: #endif without #if",
      "main.c:5: error: #else after #else",
      "main.c:3: error: the conditional began here",
      "main.c:6: error: #elif after #else",
      "main.c:3: error: the conditional began here",
      "main.c:9: error: unterminated #ifdef",
      "main.c:8: error: unterminated #if",
    ]);
  });

  it("does not let a header close the conditional its includer opened", async () => {
    const r = await pp({ "main.c": '#if 1\n#include "a.h"\n#endif\n', "a.h": "#endif\n#if 1\n" });
    expect(messages(r)).toEqual(["a.h:1: error: #endif without #if", "a.h:2: error: unterminated #if"]);
    expect(r.diagnostics[0].chain).toBe("In file included from main.c:2:");
  });

  it("warns about extra tokens after #else and #endif", async () => {
    const r = await pp("#if 1\n#else junk\n#endif junk\n");
    expect(messages(r)).toEqual(["main.c:2: warning: extra tokens at end of #else directive", "main.c:3: warning: extra tokens at end of #endif directive"]);
    expect(norm("")).toBe("");
  });
});
