#include <linux/module.h>
#include <linux/init.h>

static int __init nolicense_init(void)
{
	pr_info("nolicense: loaded\n");
	return 0;
}

static void __exit nolicense_exit(void)
{
	pr_info("nolicense: unloaded\n");
}

module_init(nolicense_init);
module_exit(nolicense_exit);
MODULE_DESCRIPTION("toy module nolicense");
