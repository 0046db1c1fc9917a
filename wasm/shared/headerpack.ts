// A header pack: a Debian kernel's headers (its linux-headers packages' include/,
// arch/x86/include/ and generated headers) as kbuild's gcc sees them. Compiled by asc and
// tsc alike, so the pack builder (src/cli/headers.ts), the hosts that load packs and the
// engine (wasm/assembly/source/headerpack.ts) agree on where each file is and how it is found.

/** The version of the pack format (index.json's `format`): a pack of another format is rebuilt. */
export const HEADER_PACK_FORMAT: i32 = 2;

/** kbuild's -I folders for an x86_64 external module, in gcc's order (scripts/Makefile.lib's
 *  LINUXINCLUDE with USERINCLUDE), relative to the kernel tree. */
export const KBUILD_INCLUDE_DIRS: string[] = [
  "arch/x86/include",
  "arch/x86/include/generated",
  "include",
  "arch/x86/include/uapi",
  "arch/x86/include/generated/uapi",
  "include/uapi",
  "include/generated/uapi",
];

/** kbuild's -include files, in order (compiler-version.h from 5.16; older trees lack it). */
export const KBUILD_FORCED_INCLUDES: string[] = ["include/linux/compiler-version.h", "include/linux/kconfig.h", "include/linux/compiler_types.h"];

/** The header the engine makes from the run's .config instead of taking the pack's. */
export const PACK_AUTOCONF: string = "include/generated/autoconf.h";
