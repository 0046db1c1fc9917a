// Inputs for property tests and `npm run fuzz`: arbitrary text, and text assembled from
// the pieces each reader cares about (macros, tabs, operators), so mutations hit the
// reader's real paths rather than only its error path.

import fc from "fast-check";

export const C_PIECES = ["EXPORT_SYMBOL_NS_GPL(", "MODULE_IMPORT_NS(", "MODULE_LICENSE(\"GPL\")", "#define DEFAULT_SYMBOL_NAMESPACE ", "#if 0\n", "#endif\n", "\"TOY_NS\"", "TOY_NS", "(", ")", "{", "}", ";", ",", "/*", "*/", "//", "\n", "\\\n", "'", "\"", "#", "int toy_get(void)", "toy_get()", "static", "module_init(", "EXPORT_SYMBOL_GPL_FOR_MODULES(", "\"module:a,b*\"", "\u0000", "é", "\uD800"];
export const SYMVERS_PIECES = ["0x12345678", "0x", "zz", "\t", "\n", "\r\n", "toy_get", "vmlinux", "drivers/x/y", "EXPORT_SYMBOL", "EXPORT_SYMBOL_GPL", "TOY_NS", "module:kvm", " ", "\u00ff"];
export const OTHER_PIECES = ["obj-m", "obj-y", "+=", ":=", "=", "x.o", "ccflags-y", "-DDEFAULT_SYMBOL_NAMESPACE=", "'\"NS\"'", "CFLAGS_x.o", "\\\n", "\n", "#", "CONFIG_MODVERSIONS=y", "# CONFIG_X is not set", "# Linux/x86 9.99.0 Kernel Configuration", "insmod", "rmmod", "modprobe", "-r", "busybox", "lsmod", "x.ko", " ", "$(", ")"];

/** Arbitrary text, or text made of a reader's pieces, or both mixed. */
export function textFrom(pieces: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ maxLength: 400 }),
    fc.array(fc.constantFrom(...pieces), { maxLength: 120 }).map((a) => a.join("")),
    fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 8 })), { maxLength: 80 }).map((a) => a.join("")),
  );
}
