#include <linux/module.h>
#include <linux/init.h>

int toy_get(void);

static int __init user_init(void)
{
	pr_info("user: %d\n", toy_get());
	return 0;
}

static void __exit user_exit(void)
{
	pr_info("user: unloaded\n");
}

module_init(user_init);
module_exit(user_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("toy module user");
