#include <linux/module.h>
#include <linux/init.h>

int toy_get(void);

static int __init beta_init(void)
{
	pr_info("beta: %d\n", toy_get());
	return 0;
}

static void __exit beta_exit(void)
{
	pr_info("beta: unloaded\n");
}

module_init(beta_init);
module_exit(beta_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("toy module beta");
