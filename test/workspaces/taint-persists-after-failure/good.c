#include <linux/module.h>
#include <linux/init.h>

static int __init good_init(void)
{
	pr_info("good: loaded\n");
	return 0;
}

static void __exit good_exit(void)
{
	pr_info("good: unloaded\n");
}

module_init(good_init);
module_exit(good_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("toy module good");
