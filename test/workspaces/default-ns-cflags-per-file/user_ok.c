#include <linux/module.h>
#include <linux/init.h>

int toy_get(void);

static int __init user_ok_init(void)
{
	pr_info("user_ok: %d\n", toy_get());
	return 0;
}

static void __exit user_ok_exit(void)
{
	pr_info("user_ok: unloaded\n");
}

module_init(user_ok_init);
module_exit(user_ok_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("toy module user_ok");
MODULE_IMPORT_NS(TOY_DEF);
