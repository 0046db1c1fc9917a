// SPDX-License-Identifier: GPL-2.0
/* A GPL module that uses only the blob's plain exports: it loads, and inherits the taint. */
#include <linux/module.h>
#include <linux/init.h>

int blob_alloc_frame(int size);

static int __init frontend_init(void)
{
	pr_info("frontend: frame %d\n", blob_alloc_frame(32));
	return 0;
}

static void __exit frontend_exit(void)
{
	pr_info("frontend: unloaded\n");
}

module_init(frontend_init);
module_exit(frontend_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("toy GPL front end of a proprietary driver");
