#include <linux/module.h>
#include <linux/init.h>

static int __init lic_mit_init(void)
{
	pr_info("lic_mit: loaded\n");
	return 0;
}

static void __exit lic_mit_exit(void)
{
	pr_info("lic_mit: unloaded\n");
}

module_init(lic_mit_init);
module_exit(lic_mit_exit);
MODULE_LICENSE("Dual MIT/GPL");
MODULE_DESCRIPTION("toy module lic_mit");
