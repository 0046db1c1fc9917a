#include <linux/module.h>
#include <linux/init.h>

static int __init lic_gplv2_init(void)
{
	pr_info("lic_gplv2: loaded\n");
	return 0;
}

static void __exit lic_gplv2_exit(void)
{
	pr_info("lic_gplv2: unloaded\n");
}

module_init(lic_gplv2_init);
module_exit(lic_gplv2_exit);
MODULE_LICENSE("GPL v2");
MODULE_DESCRIPTION("toy module lic_gplv2");
