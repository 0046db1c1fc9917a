#include <linux/module.h>
#include <linux/init.h>

static int __init intree_init(void)
{
	pr_info("intree: loaded\n");
	return 0;
}

static void __exit intree_exit(void)
{
	pr_info("intree: unloaded\n");
}

module_init(intree_init);
module_exit(intree_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("toy module intree");
MODULE_INFO(intree, "Y");
