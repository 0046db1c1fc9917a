#include <linux/module.h>
#include <linux/init.h>

int toy_get(void);

static int __init other_init(void)
{
	pr_info("other: %d\n", toy_get());
	return 0;
}

static void __exit other_exit(void)
{
	pr_info("other: unloaded\n");
}

module_init(other_init);
module_exit(other_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("toy module other");
