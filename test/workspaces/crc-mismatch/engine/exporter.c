#include <linux/module.h>
#include <linux/init.h>

/* v2 of the exporter: toy_get changed type since user.ko was built */
long toy_get(int x)
{
	return 42 + x;
}
EXPORT_SYMBOL(toy_get);

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
