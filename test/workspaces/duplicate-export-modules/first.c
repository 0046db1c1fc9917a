#include <linux/module.h>
#include <linux/init.h>

int toy_dup(void);
int toy_dup(void)
{
	return 42;
}
EXPORT_SYMBOL(toy_dup);

static int __init first_init(void)
{
	pr_info("first: loaded\n");
	return 0;
}

static void __exit first_exit(void)
{
	pr_info("first: unloaded\n");
}

module_init(first_init);
module_exit(first_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("toy module first");
