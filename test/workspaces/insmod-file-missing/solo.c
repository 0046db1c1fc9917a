#include <linux/module.h>
#include <linux/init.h>

static int __init solo_init(void)
{
	pr_info("solo: loaded\n");
	return 0;
}

static void __exit solo_exit(void)
{
	pr_info("solo: unloaded\n");
}

module_init(solo_init);
module_exit(solo_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("toy module solo");
