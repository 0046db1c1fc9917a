#include <linux/module.h>
#include <linux/init.h>

static int __init lic_bsd_init(void)
{
	pr_info("lic_bsd: loaded\n");
	return 0;
}

static void __exit lic_bsd_exit(void)
{
	pr_info("lic_bsd: unloaded\n");
}

module_init(lic_bsd_init);
module_exit(lic_bsd_exit);
MODULE_LICENSE("Dual BSD/GPL");
MODULE_DESCRIPTION("toy module lic_bsd");
