// Bad input is a finding, never a trap or a hang: macros that expand themselves, include
// cycles, 100,000-level nesting, expansion bombs, NUL bytes, CR LF, line splices anywhere.

import { describe, expect, it } from "vitest";
import { messages, norm, out, pp } from "./support";

describe("preprocessor hardening", () => {
  it("stops a macro that names itself, directly or through another", async () => {
    const r = await pp("#define foo foo + 1\n#define a b\n#define b a\n#define f(x) f(x) g\n#define g f\nfoo; a; b; f(1)(2);\n");
    expect(out(r)).toBe(norm("foo + 1; a; b; f(1) f(2);"));
    expect(r.diagnostics).toEqual([]);
  });

  it("ends an include cycle at gcc's depth of 200 with gcc's message", async () => {
    const r = await pp({ "main.c": '#include "loop.h"\nint after;\n', "loop.h": '#include "loop.h"\n' });
    expect(messages(r)).toEqual(["loop.h:1: error: #include nested depth 200 exceeds maximum of 200 (use -fmax-include-depth=DEPTH to increase the maximum)"]);
    expect(r.diagnostics[0].chain.split("\n")).toHaveLength(199);
    expect(out(r)).toBe(norm("int after;"));
  });

  it("expands deeply nested invocations and 100,000 chained macros without native recursion", async () => {
    const n = 100_000;
    const nested = await pp(`#define f(x) x\n#define g(x) (x)\n${"f(".repeat(1000)}1${")".repeat(1000)} ${"g(".repeat(1000)}2${")".repeat(1000)}\n`);
    expect(out(nested)).toBe(norm(`1 ${"(".repeat(1000)}2${")".repeat(1000)}`));
    const chain = Array.from({ length: n }, (_, i) => `#define a${i} a${i + 1}\n`).join("") + `#define a${n} end\na0\n`;
    expect(out(await pp(chain, { definitions: false, invocations: false }))).toBe("end");
    const ifs = `${"#if 1\n".repeat(n)}deep\n${"#endif\n".repeat(n)}`;
    expect(out(await pp(ifs))).toBe("deep");
  });

  it("stops an exponential expansion, and 100,000 invocations nested in their arguments, at the stated limit", async () => {
    const defs = Array.from({ length: 40 }, (_, i) => `#define a${i + 1} a${i} a${i}\n`).join("");
    const bomb = await pp(`#define a0\n${defs}a40\nafter\n`, { invocations: false });
    expect(bomb.stopped).toBe(true);
    expect(messages(bomb)).toEqual([
      "main.c:42: fatal error: more than 1000000 macro expansions (the most ksymns records in one translation unit); preprocessing stopped",
    ]);
    const wide = await pp(`#define a0 x x x x x x x x\n${defs}a40\nafter\n`, { invocations: false, text: false, tokens: false });
    expect(wide.stopped).toBe(true);
    expect(messages(wide)).toEqual([
      "main.c:42: fatal error: more than 1000000 macro expansions (the most ksymns records in one translation unit); preprocessing stopped",
    ]);
    expect(wide.tokenCount).toBe(3_999_872);
    const limit = "fatal error: macro expansion copied more than 16000000 tokens (the most ksymns expands in one translation unit); preprocessing stopped";
    // gcc takes minutes for 4,000 levels: each level copies the arguments of the next
    const n = 100_000;
    const nested = await pp(`#define f(x) x\n${"f(".repeat(n)}1${")".repeat(n)}\n`);
    expect(messages(nested)).toEqual([`main.c:2: ${limit}`]);
  });

  it("reads NUL bytes as blanks, CR LF and lone CR as line ends", async () => {
    const r = await pp("int\0a;\r\n#define X 1\r\nX\rint b;\r\n");
    expect(out(r)).toBe(norm("int a; 1 int b;"));
    expect(r.tokens!.map((t) => [t[1], t[3], t[4]])).toEqual([
      ["int", 1, 1],
      ["a", 1, 5],
      [";", 1, 6],
      ["1", 3, 1],
      ["int", 4, 1],
      ["b", 4, 5],
      [";", 4, 6],
    ]);
  });

  it("joins lines spliced inside identifiers, numbers, strings, operators and // comments", async () => {
    const r = await pp('in\\\nt x = 1\\\n2 -\\\n> y; // a comment \\\nstill the comment\nchar *s = "a\\\nb";\n#def\\\nine Z 3\nZ\n');
    expect(out(r)).toBe(norm('int x = 12 -> y; char *s = "ab"; 3'));
    const x = r.tokens!.find((t) => t[1] === "int")!;
    expect([x[3], x[4], x[5], x[6]]).toEqual([1, 1, 2, 2]);
  });

  it("handles a line of 200,000 tokens and a file that ends inside a directive", async () => {
    const r = await pp(`int v[] = {${"1,".repeat(200_000)}};\n#define LAST`, { tokens: false, text: false });
    expect(r.tokenCount).toBe(400_008);
    expect(r.macros).toContain("LAST");
  });

  it("ignores trigraphs as gcc does by default", async () => {
    const r = await pp('??=define X 1\nchar *t = "??/";\n');
    expect(out(r)).toBe(norm('? ? = define X 1 char *t = "??/";'));
  });
});
