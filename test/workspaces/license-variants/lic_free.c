#include <linux/module.h>
#include <linux/init.h>

static int __init lic_free_init(void)
{
	pr_info("lic_free: loaded\n");
	return 0;
}

static void __exit lic_free_exit(void)
{
	pr_info("lic_free: unloaded\n");
}

module_init(lic_free_init);
module_exit(lic_free_exit);
MODULE_LICENSE("Free");
MODULE_DESCRIPTION("toy module lic_free");
