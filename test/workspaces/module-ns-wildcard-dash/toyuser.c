#include <linux/module.h>
#include <linux/init.h>

int toy_get(void);

static int __init toyuser_init(void)
{
	pr_info("toyuser: %d\n", toy_get());
	return 0;
}

static void __exit toyuser_exit(void)
{
	pr_info("toyuser: unloaded\n");
}

module_init(toyuser_init);
module_exit(toyuser_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("toy module toyuser");
