#include <linux/module.h>
#include <linux/init.h>

int toy_get(void);

static int __init user_b_init(void)
{
	pr_info("user_b: %d\n", toy_get());
	return 0;
}

static void __exit user_b_exit(void)
{
	pr_info("user_b: unloaded\n");
}

module_init(user_b_init);
module_exit(user_b_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("toy module user_b");
