#include <linux/module.h>
#include <linux/init.h>
#include "bad.h"

static int __init hdr_err_init(void)
{
	return toy_helper();
}

module_init(hdr_err_init);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("toy module: error inside a local header");
