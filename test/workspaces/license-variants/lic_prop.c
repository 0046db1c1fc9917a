#include <linux/module.h>
#include <linux/init.h>

static int __init lic_prop_init(void)
{
	pr_info("lic_prop: loaded\n");
	return 0;
}

static void __exit lic_prop_exit(void)
{
	pr_info("lic_prop: unloaded\n");
}

module_init(lic_prop_init);
module_exit(lic_prop_exit);
MODULE_LICENSE("Proprietary");
MODULE_DESCRIPTION("toy module lic_prop");
