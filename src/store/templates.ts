// What a new file starts as: a toy module that builds and loads cleanly, so the first
// verdict a user sees for it is about what they add, not about boilerplate.

import { configHeaderLine } from "../../wasm/shared/configheader";

/** A C identifier made from a file name, for the template's function names. */
function identifierOf(file: string): string {
  return file
    .replace(/\.c$/, "")
    .replace(/[^A-Za-z0-9_]/g, "_")
    .replace(/^(?=\d)/, "_");
}

/** The first text of a new file called `name`. */
export function templateFor(name: string, release: string): string {
  if (name.endsWith(".c")) {
    const mod = identifierOf(name);
    return `#include <linux/module.h>
#include <linux/init.h>

static int __init ${mod}_init(void)
{
\tpr_info("${mod}: loaded\\n");
\treturn 0;
}

static void __exit ${mod}_exit(void)
{
\tpr_info("${mod}: unloaded\\n");
}

module_init(${mod}_init);
module_exit(${mod}_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("${mod}: a toy module");
`;
  }
  if (name === ".config") return `#\n# Automatically generated file; DO NOT EDIT.\n${configHeaderLine("x86", release)}\n#\nCONFIG_MODULES=y\n`;
  if (name === "load") return "# one command a line: insmod NAME.ko, rmmod NAME, modprobe NAME, modinfo NAME.ko, lsmod\n";
  if (name === "Kbuild") return "obj-m += \n";
  return "";
}

/** The next free name like `module2.c` among `taken`. */
export function freshName(stem: string, ext: string, taken: readonly string[]): string {
  for (let i = 1; ; i++) {
    const name = `${stem}${i === 1 ? "" : i}${ext}`;
    if (!taken.includes(name)) return name;
  }
}
