#include <linux/module.h>
#include <linux/init.h>

int toy_old(void);
int toy_third(void);
int toy_last(void);

static int __init user_init(void)
{
	return toy_old() + toy_third() + toy_last();
}
module_init(user_init);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("uses symbols from a Module.symvers in three layouts");
