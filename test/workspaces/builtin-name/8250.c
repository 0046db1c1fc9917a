#include <linux/module.h>
#include <linux/init.h>

static int __init toy_init(void)
{
	pr_info("8250: loaded\n");
	return 0;
}

static void __exit toy_exit(void)
{
	pr_info("8250: unloaded\n");
}

module_init(toy_init);
module_exit(toy_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("toy module named like a built-in one");
