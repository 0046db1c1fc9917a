#include <linux/module.h>
#include <linux/init.h>

static int __init user_init(void)
{
	pr_info("user: loaded\n");
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
MODULE_IMPORT_NS("TOY_NS");
