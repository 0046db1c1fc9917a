#include <linux/module.h>
#include <linux/init.h>
#include <linux/delay.h>

static int __init user_imp_init(void)
{
	msleep(1);
	pr_info("user_imp: loaded\n");
	return 0;
}

static void __exit user_imp_exit(void)
{
	pr_info("user_imp: unloaded\n");
}

module_init(user_imp_init);
module_exit(user_imp_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("toy module user_imp");
MODULE_IMPORT_NS("TOY_VM");
