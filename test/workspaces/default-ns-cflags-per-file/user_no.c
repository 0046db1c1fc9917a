#include <linux/module.h>
#include <linux/init.h>

int toy_get(void);

static int __init user_no_init(void)
{
	pr_info("user_no: %d\n", toy_get());
	return 0;
}

static void __exit user_no_exit(void)
{
	pr_info("user_no: unloaded\n");
}

module_init(user_no_init);
module_exit(user_no_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("toy module user_no");
