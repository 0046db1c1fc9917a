#include <linux/module.h>
#include <linux/init.h>

static int __init lic_mpl_init(void)
{
	pr_info("lic_mpl: loaded\n");
	return 0;
}

static void __exit lic_mpl_exit(void)
{
	pr_info("lic_mpl: unloaded\n");
}

module_init(lic_mpl_init);
module_exit(lic_mpl_exit);
MODULE_LICENSE("Dual MPL/GPL");
MODULE_DESCRIPTION("toy module lic_mpl");
