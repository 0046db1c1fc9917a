#include <linux/module.h>
#include <linux/init.h>

int toy_dup(void);
int toy_dup(void)
{
	return 42;
}
EXPORT_SYMBOL(toy_dup);

static int __init second_init(void)
{
	pr_info("second: loaded\n");
	return 0;
}

static void __exit second_exit(void)
{
	pr_info("second: unloaded\n");
}

module_init(second_init);
module_exit(second_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("toy module second");
