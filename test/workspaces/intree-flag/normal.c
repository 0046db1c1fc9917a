#include <linux/module.h>
#include <linux/init.h>

static int __init normal_init(void)
{
	pr_info("normal: loaded\n");
	return 0;
}

static void __exit normal_exit(void)
{
	pr_info("normal: unloaded\n");
}

module_init(normal_init);
module_exit(normal_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("toy module normal");
