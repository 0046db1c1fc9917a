// The built-in example workspace: a namespaced export, a user that forgot the import,
// and the load session that shows both modpost's and the loader's verdict.

import type { WorkspaceFiles } from "./engine";

export const EXAMPLE: WorkspaceFiles = {
  "exporter.c": `#include <linux/module.h>
#include <linux/init.h>

int toy_get(void)
{
\treturn 42;
}
EXPORT_SYMBOL_NS_GPL(toy_get, TOY_NS);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("exports toy_get into the TOY_NS namespace");
`,
  "user.c": `#include <linux/module.h>
#include <linux/init.h>

int toy_get(void);

static int __init user_init(void)
{
\tpr_info("user: toy_get() = %d\\n", toy_get());
\treturn 0;
}
module_init(user_init);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("uses toy_get without MODULE_IMPORT_NS(TOY_NS)");
`,
  load: `insmod exporter.ko
insmod user.ko
`,
};

/** What the example asks of a first-time visitor, in one line. */
export const EXAMPLE_HINT =
  "user.c calls toy_get, which exporter.c exports into the namespace TOY_NS, without importing it: modpost and the loader both refuse. Try the Fix button on the first problem, then see the load succeed.";
