// The compiler's own headers a module could include up to 5.14: kbuild passed
// `-isystem $(shell $(CC) -print-file-name=include)` until 5.15 ("isystem: delete global
// -isystem compile option"), and 5.10's include/linux/kernel.h includes <stdarg.h> from there.
// From 5.15 the kernel ships include/linux/stdarg.h and gcc's folder is not searched.

/** Where those headers are in the preprocessor's file system (gcc's -print-file-name=include). */
export const GCC_INCLUDE = "/usr/lib/gcc/x86_64-linux-gnu/include";

/** The first release (major*100+minor) whose kbuild no longer searches gcc's folder. */
const NO_ISYSTEM_FROM = 515;

/** Whether kbuild of release `release` searches gcc's own include folder. */
export function searchesGccInclude(release: i32): bool {
  return release < NO_ISYSTEM_FROM;
}

/** stdarg.h as gcc declares it (what 5.15 copied to include/linux/stdarg.h). */
const STDARG =
  "#ifndef _STDARG_H\n#define _STDARG_H\n#define _ANSI_STDARG_H_\n" +
  "typedef __builtin_va_list __gnuc_va_list;\ntypedef __builtin_va_list va_list;\n" +
  "#define va_start(v, l) __builtin_va_start(v, l)\n#define va_end(v) __builtin_va_end(v)\n" +
  "#define va_arg(v, T) __builtin_va_arg(v, T)\n#define va_copy(d, s) __builtin_va_copy(d, s)\n" +
  "#define __va_copy(d, s) __builtin_va_copy(d, s)\n#endif\n";

/** The text of gcc's header at `path` (absolute, under GCC_INCLUDE), or null when it is not one the engine has. */
export function gccHeader(path: string): string | null {
  if (path == GCC_INCLUDE + "/stdarg.h") return STDARG;
  return null;
}
