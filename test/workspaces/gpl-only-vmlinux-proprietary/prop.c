#include <linux/module.h>
#include <linux/init.h>

static int __init prop_init(void)
{
	synchronize_rcu();
	pr_info("prop: loaded\n");
	return 0;
}

static void __exit prop_exit(void)
{
	pr_info("prop: unloaded\n");
}

module_init(prop_init);
module_exit(prop_exit);
MODULE_LICENSE("Proprietary");
MODULE_DESCRIPTION("toy module prop");
