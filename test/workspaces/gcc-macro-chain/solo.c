#include <linux/module.h>
#include <linux/init.h>

static int __init solo_init(void)
{
	pr_info("solo: loaded\n");
	return 0;
}

module_init(solo_init);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("toy module solo");
