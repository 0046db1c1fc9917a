#include <linux/module.h>
#include <linux/init.h>

int toy_get(void);

static int __init gamma_init(void)
{
	pr_info("gamma: %d\n", toy_get());
	return 0;
}

static void __exit gamma_exit(void)
{
	pr_info("gamma: unloaded\n");
}

module_init(gamma_init);
module_exit(gamma_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("toy module gamma");
