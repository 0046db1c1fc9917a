#include <linux/module.h>
#include <linux/init.h>

int toy_get(void);

static int __init toy_user_init(void)
{
	pr_info("toy_user: %d\n", toy_get());
	return 0;
}

static void __exit toy_user_exit(void)
{
	pr_info("toy_user: unloaded\n");
}

module_init(toy_user_init);
module_exit(toy_user_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("toy module toy_user");
