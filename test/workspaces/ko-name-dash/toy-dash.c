#include <linux/module.h>
#include <linux/init.h>

static int __init toy_dash_init(void)
{
	pr_info("toy_dash: loaded\n");
	return 0;
}

static void __exit toy_dash_exit(void)
{
	pr_info("toy_dash: unloaded\n");
}

module_init(toy_dash_init);
module_exit(toy_dash_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("toy module toy_dash");
