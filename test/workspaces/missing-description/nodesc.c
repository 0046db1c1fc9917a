#include <linux/module.h>
#include <linux/init.h>

static int __init nodesc_init(void)
{
	pr_info("nodesc: loaded\n");
	return 0;
}

static void __exit nodesc_exit(void)
{
	pr_info("nodesc: unloaded\n");
}

module_init(nodesc_init);
module_exit(nodesc_exit);
MODULE_LICENSE("GPL");
