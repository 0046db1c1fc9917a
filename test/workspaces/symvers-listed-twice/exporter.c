#include <linux/module.h>
#include <linux/init.h>

int toy_get(void);
int toy_get(void)
{
	return 42;
}
EXPORT_SYMBOL_GPL(toy_get);

static int __init exporter_init(void)
{
	pr_info("exporter: loaded\n");
	return 0;
}

static void __exit exporter_exit(void)
{
	pr_info("exporter: unloaded\n");
}

module_init(exporter_init);
module_exit(exporter_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("toy module exporter");
