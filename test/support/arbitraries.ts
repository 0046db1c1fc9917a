// Inputs for property tests and `npm run fuzz`: arbitrary text, and text assembled from
// the pieces each reader cares about (macros, tabs, operators), so mutations hit the
// reader's real paths rather than only its error path.

import fc from "fast-check";

export const C_PIECES = ["EXPORT_SYMBOL_NS_GPL(", "MODULE_IMPORT_NS(", "MODULE_LICENSE(\"GPL\")", "#define DEFAULT_SYMBOL_NAMESPACE ", "#if 0\n", "#endif\n", "\"TOY_NS\"", "TOY_NS", "(", ")", "{", "}", ";", ",", "/*", "*/", "//", "\n", "\\\n", "'", "\"", "#", "int toy_get(void)", "toy_get()", "static", "module_init(", "EXPORT_SYMBOL_GPL_FOR_MODULES(", "\"module:a,b*\"", "\u0000", "é", "\uD800"];
export const SYMVERS_PIECES = ["0x12345678", "0x", "zz", "\t", "\n", "\r\n", "toy_get", "vmlinux", "drivers/x/y", "EXPORT_SYMBOL", "EXPORT_SYMBOL_GPL", "TOY_NS", "module:kvm", " ", "\u00ff"];
export const CPP_PIECES = ["#define ", "#undef ", "#if ", "#ifdef ", "#ifndef ", "#elif ", "#else\n", "#endif\n", "#include \"a.h\"\n", "#include <b.h>\n", "#include_next <b.h>\n", "#include X\n", "#error ", "#warning ", "#line 7 \"f.c\"\n", "#pragma once\n", "#pragma push_macro(\"X\")\n", "#pragma pop_macro(\"X\")\n", "_Pragma(\"x\")", "X", "Y", "f", "g", "f(", "X(", "(x)", "(a, b)", "(...)", "(args...)", "__VA_ARGS__", "__VA_OPT__(", ", ## __VA_ARGS__", "##", "#", "#x", "defined", "defined(X)", "__has_include(\"a.h\")", "__has_include(<b.h>)", "__has_attribute(x)", "__LINE__", "__FILE__", "__COUNTER__", "EXPORT_SYMBOL(", "MODULE_LICENSE(\"GPL\")", "DEFAULT_SYMBOL_NAMESPACE", "0", "1", "0x1fUL", "1/0", "'a'", "'\\377'", "\"s\"", "(", ")", ",", "?", ":", "&&", "||", "<<", "-", "!", "\n", "\\\n", "\r\n", " ", "/*", "*/", "//", "'", "\"", "\u0000", "é", "\uD800"];
export const OTHER_PIECES = ["obj-m", "obj-y", "+=", ":=", "=", "x.o", "ccflags-y", "-DDEFAULT_SYMBOL_NAMESPACE=", "'\"NS\"'", "CFLAGS_x.o", "\\\n", "\n", "#", "CONFIG_MODVERSIONS=y", "# CONFIG_X is not set", "# Linux/x86 9.99.0 Kernel Configuration", "insmod", "rmmod", "modprobe", "-r", "busybox", "lsmod", "x.ko", " ", "$(", ")"];

/** Arbitrary text, or text made of a reader's pieces, or both mixed. */
export function textFrom(pieces: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ maxLength: 400 }),
    fc.array(fc.constantFrom(...pieces), { maxLength: 120 }).map((a) => a.join("")),
    fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 8 })), { maxLength: 80 }).map((a) => a.join("")),
  );
}
