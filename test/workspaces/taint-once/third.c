#include <linux/module.h>
#include <linux/init.h>

static int __init third_init(void)
{
	pr_info("third: loaded\n");
	return 0;
}

static void __exit third_exit(void)
{
	pr_info("third: unloaded\n");
}

module_init(third_init);
module_exit(third_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("toy module third");
