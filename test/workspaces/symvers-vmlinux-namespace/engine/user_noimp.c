#include <linux/module.h>
#include <linux/init.h>
#include <linux/delay.h>

static int __init user_noimp_init(void)
{
	msleep(1);
	pr_info("user_noimp: loaded\n");
	return 0;
}

static void __exit user_noimp_exit(void)
{
	pr_info("user_noimp: unloaded\n");
}

module_init(user_noimp_init);
module_exit(user_noimp_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("toy module user_noimp");
