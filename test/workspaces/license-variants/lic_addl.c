#include <linux/module.h>
#include <linux/init.h>

static int __init lic_addl_init(void)
{
	pr_info("lic_addl: loaded\n");
	return 0;
}

static void __exit lic_addl_exit(void)
{
	pr_info("lic_addl: unloaded\n");
}

module_init(lic_addl_init);
module_exit(lic_addl_exit);
MODULE_LICENSE("GPL and additional rights");
MODULE_DESCRIPTION("toy module lic_addl");
