// The preprocessor on the C standard's own macro examples (C11 6.10.3.3, 6.10.3.4,
// 6.10.3.5 examples 3–7) and on the __VA_OPT__ examples of C23 6.10.5.1; the expected
// tokens are the standard's, and where it leaves a choice, gcc 12's.

import { describe, expect, it } from "vitest";
import { messages, norm, out, pp } from "./support";

describe("the C standard's macro examples", () => {
  it("rescans replacement lists as C11 6.10.3.5 example 3 shows", async () => {
    const r = await pp(`#define x 3
#define f(a) f(x * (a))
#undef x
#define x 2
#define g f
#define z z[0]
#define h g(~
#define m(a) a(w)
#define w 0,1
#define t(a) a
#define p() int
#define q(x) x
#define r(x,y) x ## y
#define str(x) # x
f(y+1) + f(f(z)) % t(t(g)(0) + t)(1);
g(x+(3,4)-w) | h 5) & m
(f)^m(m);
p() i[q()] = { q(1), r(2,3), r(4,), r(,5), r(,) };
char c[2][6] = { str(hello), str() };
`);
    expect(out(r)).toBe(
      norm(`f(2 * (y+1)) + f(2 * (f(2 * (z[0])))) % f(2 * (0)) + t(1);
f(2 * (2+(3,4)-0,1)) | f(2 * (~ 5)) & f(2 * (0,1))^m(0,1);
int i[] = { 1, 23, 4, 5, };
char c[2][6] = { "hello", "" };`),
    );
    expect(r.diagnostics).toEqual([]);
  });

  it("stringizes, pastes and includes a macro-made file name as example 4 shows", async () => {
    const r = await pp({
      "main.c": `#define str(s) # s
#define xstr(s) str(s)
#define debug(s, t) printf("x" # s "= %d, x" # t "= %s", \\
 x ## s, x ## t)
#define INCFILE(n) vers ## n
#define glue(a, b) a ## b
#define xglue(a, b) glue(a, b)
#define HIGHLOW "hello"
#define LOW LOW ", world"
debug(1, 2);
fputs(str(strncmp("abc\\0d", "abc", '\\4') // this goes away
 == 0) str(: @\\n), s);
#include xstr(INCFILE(2).h)
glue(HIGH, LOW);
xglue(HIGH, LOW)
`,
      "vers2.h": "int from_vers2;\n",
    });
    expect(out(r)).toBe(
      norm(`printf("x" "1" "= %d, x" "2" "= %s", x1, x2);
fputs("strncmp(\\"abc\\\\0d\\", \\"abc\\", '\\\\4') == 0" ": @\\n", s);
int from_vers2;
"hello";
"hello" ", world"`),
    );
    expect(r.includes.map((i) => [i.spelling, i.resolved])).toEqual([["vers2.h", "vers2.h"]]);
  });

  it("treats empty operands of ## as placemarkers (example 5)", async () => {
    const r = await pp(`#define t(x,y,z) x ## y ## z
int j[] = { t(1,2,3), t(,4,5), t(6,,7), t(8,9,),
 t(10,,), t(,11,), t(,,12), t(,,) };
`);
    expect(out(r)).toBe(norm("int j[] = { 123, 45, 67, 89, 10, 11, 12, };"));
  });

  it("accepts the valid redefinitions of example 6 and warns about each invalid one", async () => {
    const valid = await pp(`#define OBJ_LIKE (1-1)
#define OBJ_LIKE /* white space */ (1-1) /* other */
#define FUNC_LIKE(a) ( a )
#define FUNC_LIKE( a )( /* note the white space */ \\
 a /* other stuff on this line
 */ )
`);
    expect(valid.diagnostics).toEqual([]);
    const invalid = await pp(`#define OBJ_LIKE (1-1)
#define FUNC_LIKE(a) ( a )
#define OBJ_LIKE (0) // different token sequence
#define OBJ_LIKE (1 - 1) // different white space
#define FUNC_LIKE(b) ( a ) // different parameter usage
#define FUNC_LIKE(b) ( b ) // different parameter spelling
`);
    expect(messages(invalid)).toEqual([
      'main.c:3: warning: "OBJ_LIKE" redefined',
      "main.c:1: note: this is the location of the previous definition",
      'main.c:4: warning: "OBJ_LIKE" redefined',
      "main.c:3: note: this is the location of the previous definition",
      'main.c:5: warning: "FUNC_LIKE" redefined',
      "main.c:2: note: this is the location of the previous definition",
      'main.c:6: warning: "FUNC_LIKE" redefined',
      "main.c:5: note: this is the location of the previous definition",
    ]);
  });

  it("expands variadic macros as example 7 shows", async () => {
    const r = await pp(`#define debug(...) fprintf(stderr, __VA_ARGS__)
#define showlist(...) puts(#__VA_ARGS__)
#define report(test, ...) ((test)?puts(#test):\\
 printf(__VA_ARGS__))
debug("Flag");
debug("X = %d\\n", x);
showlist(The first, second, and third items.);
report(x>y, "x is %d but y is %d", x, y);
`);
    expect(out(r)).toBe(
      norm(`fprintf(stderr, "Flag");
fprintf(stderr, "X = %d\\n", x);
puts("The first, second, and third items.");
((x>y)?puts("x>y"): printf("x is %d but y is %d", x, y));`),
    );
  });

  it("pastes # and # into a ## that is no operator (6.10.3.3 example)", async () => {
    const r = await pp(`#define hash_hash # ## #
#define mkstr(a) # a
#define in_between(a) mkstr(a)
#define join(c, d) in_between(c hash_hash d)
char p[] = join(x, y);
`);
    expect(out(r)).toBe(norm('char p[] = "x ## y";'));
  });

  it("spaces and escapes # results exactly as gcc does", async () => {
    const r = await pp(`#define f(x) #x
#define h(x...) #x
#define e(x) f(x)
#define E
f(  a   "b\\n"  ) f(a/*c*/b) f(a
b) f() f(  ) f('"' "'") f(a\\b) h(a, b ,c) e(E x E) e( E E ) f(L'x' u8"y")
#define p(a,b) a##b
p(1,e) p(.,5) p(-,=) p(<,<=) p(L, 'a') p(u8, "s") p(,) p(a,) p(,b)
`);
    // gcc 12 -E -P of the same lines
    expect(out(r)).toBe(
      norm(`"a \\"b\\\\n\\"" "a b" "a b" "" "" "'\\"' \\"'\\"" "a\\b" "a, b ,c" "x" "" "L'x' u8\\"y\\""
1e .5 -= <<= L'a' u8"s" a b`),
    );
    expect(r.diagnostics).toEqual([]);
  });

  it("gives 2*9*g for f(2)(9), gcc's choice where 6.10.3.4 allows two", async () => {
    const r = await pp("#define f(a) a*g\n#define g(a) f(a)\nf(2)(9)\n");
    expect(out(r)).toBe(norm("2*9*g"));
  });

  it("expands __VA_OPT__ as the C23 examples show", async () => {
    const r = await pp(`#define F(...) f(0 __VA_OPT__(,) __VA_ARGS__)
#define G(X, ...) f(0, X __VA_OPT__(,) __VA_ARGS__)
#define SDEF(sname, ...) S sname __VA_OPT__(= { __VA_ARGS__ })
#define EMP
F(a,b,c)
F()
F(EMP)
G(a,b,c)
G(a,)
G(a)
SDEF(foo);
SDEF(bar, 1, 2);
#define H2(X, Y, ...) __VA_OPT__(X ## Y,) __VA_ARGS__
H2(a, b, c, d)
#define H3(X, ...) #__VA_OPT__(X##X X##X)
H3(, 0)
#define H4(X, ...) __VA_OPT__(a X ## X) ## b
H4(, 1)
#define H5A(...) __VA_OPT__()/**/__VA_OPT__()
#define H5B(X) a ## X ## b
#define H5C(X) H5B(X)
H5C(H5A())
`);
    expect(out(r)).toBe(
      norm(`f(0 , a,b,c) f(0 ) f(0 ) f(0, a , b,c) f(0, a ) f(0, a )
S foo ; S bar = { 1, 2 }; ab, c, d "" a b ab`),
    );
  });
});
