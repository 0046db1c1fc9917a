// The kernel's own tricky macros, their definitions copied as written in Debian 6.12's
// headers (include/linux/kconfig.h, args.h, stringify.h, compiler.h, compiler_types.h,
// the generated linux/version.h): IS_ENABLED and friends for y, m and unset options,
// KERNEL_VERSION against LINUX_VERSION_CODE, argument counting, pasting and __COUNTER__.

import { describe, expect, it } from "vitest";
import { norm, out, pp } from "./support";

// include/linux/kconfig.h (6.12), the macro definitions
const KCONFIG = `#define __ARG_PLACEHOLDER_1 0,
#define __take_second_arg(__ignored, val, ...) val
#define __and(x, y)			___and(x, y)
#define ___and(x, y)			____and(__ARG_PLACEHOLDER_##x, y)
#define ____and(arg1_or_junk, y)	__take_second_arg(arg1_or_junk y, 0)
#define __or(x, y)			___or(x, y)
#define ___or(x, y)			____or(__ARG_PLACEHOLDER_##x, y)
#define ____or(arg1_or_junk, y)		__take_second_arg(arg1_or_junk 1, y)
#define __is_defined(x)			___is_defined(x)
#define ___is_defined(val)		____is_defined(__ARG_PLACEHOLDER_##val)
#define ____is_defined(arg1_or_junk)	__take_second_arg(arg1_or_junk 1, 0)
#define IS_BUILTIN(option) __is_defined(option)
#define IS_MODULE(option) __is_defined(option##_MODULE)
#define IS_REACHABLE(option) __or(IS_BUILTIN(option), \\
				__and(IS_MODULE(option), __is_defined(MODULE)))
#define IS_ENABLED(option) __or(IS_BUILTIN(option), IS_MODULE(option))
`;

// include/generated/uapi/linux/version.h of linux-headers-6.12.118+deb12-amd64
const VERSION = `#define LINUX_VERSION_CODE 396406
#define KERNEL_VERSION(a,b,c) (((a) << 16) + ((b) << 8) + ((c) > 255 ? 255 : (c)))
#define LINUX_VERSION_MAJOR 6
#define LINUX_VERSION_PATCHLEVEL 12
#define LINUX_VERSION_SUBLEVEL 118
`;

describe("the kernel's macros", () => {
  it("answers IS_ENABLED, IS_BUILTIN, IS_MODULE and IS_REACHABLE for y, m and unset options", async () => {
    const src = `${KCONFIG}#define CONFIG_Y 1
#define CONFIG_M_MODULE 1
y: IS_ENABLED(CONFIG_Y) IS_BUILTIN(CONFIG_Y) IS_MODULE(CONFIG_Y) IS_REACHABLE(CONFIG_Y)
m: IS_ENABLED(CONFIG_M) IS_BUILTIN(CONFIG_M) IS_MODULE(CONFIG_M) IS_REACHABLE(CONFIG_M)
n: IS_ENABLED(CONFIG_N) IS_BUILTIN(CONFIG_N) IS_MODULE(CONFIG_N) IS_REACHABLE(CONFIG_N)
#if IS_ENABLED(CONFIG_M) && !IS_ENABLED(CONFIG_N)
in_if
#endif
`;
    expect(out(await pp(src))).toBe(norm("y: 1 1 0 1 m: 1 0 1 0 n: 0 0 0 0 in_if"));
    // in a module, an m option is reachable
    expect(out(await pp(src, { defines: ["MODULE"] }))).toBe(norm("y: 1 1 0 1 m: 1 0 1 1 n: 0 0 0 0 in_if"));
  });

  it("compares LINUX_VERSION_CODE with KERNEL_VERSION as drivers guard their 6.13 fixes", async () => {
    const r = await pp(`${VERSION}#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 13, 0)
MODULE_IMPORT_NS("DMA_BUF");
#else
MODULE_IMPORT_NS(DMA_BUF);
#endif
#if LINUX_VERSION_CODE == KERNEL_VERSION(6, 12, 118) && KERNEL_VERSION(6, 12, 300) == KERNEL_VERSION(6, 12, 255)
clamped
#endif
`);
    expect(out(r)).toBe(norm("MODULE_IMPORT_NS(DMA_BUF); clamped"));
  });

  it("stringizes through __stringify after expanding the argument", async () => {
    const r = await pp(`#define __stringify_1(x...)	#x
#define __stringify(x...)	__stringify_1(x)
#define FOO bar
#define LIST a, b
__stringify(FOO) __stringify_1(FOO) __stringify(LIST) __stringify(1 + FOO) __stringify()
`);
    expect(out(r)).toBe(norm('"bar" "FOO" "a, b" "1 + bar" ""'));
  });

  it("makes unique names with __UNIQUE_ID from __COUNTER__", async () => {
    const r = await pp(`#define ___PASTE(a,b) a##b
#define __PASTE(a,b) ___PASTE(a,b)
#define __UNIQUE_ID(prefix) __PASTE(__PASTE(__UNIQUE_ID_, prefix), __COUNTER__)
int __UNIQUE_ID(x_), __UNIQUE_ID(x_), __UNIQUE_ID(y_);
`);
    expect(out(r)).toBe(norm("int __UNIQUE_ID_x_0, __UNIQUE_ID_x_1, __UNIQUE_ID_y_2;"));
  });

  it("counts arguments with COUNT_ARGS and pastes with CONCATENATE (linux/args.h)", async () => {
    const r = await pp(`#define __COUNT_ARGS(_0, _1, _2, _3, _4, _5, _6, _7, _8, _9, _10, _11, _12, _13, _14, _15, _n, X...) _n
#define COUNT_ARGS(X...) __COUNT_ARGS(, ##X, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0)
#define __CONCAT(a, b) a ## b
#define CONCATENATE(a, b) __CONCAT(a, b)
#define PREFIX do_
COUNT_ARGS() COUNT_ARGS(a) COUNT_ARGS(a, b, c) COUNT_ARGS((a, b), c)
CONCATENATE(PREFIX, COUNT_ARGS(x, y))() __CONCAT(PREFIX, 1)
`);
    expect(out(r)).toBe(norm("0 1 3 2 do_2() PREFIX1"));
  });

  it("takes -D and -U in command-line order, as kbuild passes DEFAULT_SYMBOL_NAMESPACE", async () => {
    const r = await pp("DEFAULT_SYMBOL_NAMESPACE KBUILD_MODNAME X Y F(2)\n", {
      defines: ['DEFAULT_SYMBOL_NAMESPACE="USB_STORAGE"', 'KBUILD_MODNAME="usb_storage"', "X", "Y=1", "-Y", "F(a)=a+a"],
    });
    expect(out(r)).toBe(norm('"USB_STORAGE" "usb_storage" 1 Y 2+2'));
  });
});
