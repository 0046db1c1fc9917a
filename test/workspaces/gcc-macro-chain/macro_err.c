#include <linux/module.h>
#include <linux/init.h>
#include "calls.h"

static int __init macro_err_init(void)
{
	return TOY_CALL(start);
}

module_init(macro_err_init);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("toy module: error inside a macro expansion");
