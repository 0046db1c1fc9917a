#include <linux/module.h>
#include <linux/init.h>

int toy_get(void);

static int __init user_a_init(void)
{
	pr_info("user_a: %d\n", toy_get());
	return 0;
}

static void __exit user_a_exit(void)
{
	pr_info("user_a: unloaded\n");
}

module_init(user_a_init);
module_exit(user_a_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("toy module user_a");
