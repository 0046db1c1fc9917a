#include <linux/module.h>
#include <linux/init.h>

int toy_core(void);

static int __init user_init(void)
{
	return toy_core() == 7 ? 0 : -1;
}
module_init(user_init);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("uses a symbol built into the kernel, in a namespace it does not import");
