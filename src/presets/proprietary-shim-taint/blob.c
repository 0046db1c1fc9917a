/* Proprietary: not for redistribution. */
/* A proprietary driver core that exports its functions with plain EXPORT_SYMBOL. */
#include <linux/module.h>
#include <linux/init.h>

int blob_alloc_frame(int size);
int blob_alloc_frame(int size)
{
	return size * 2;
}
EXPORT_SYMBOL(blob_alloc_frame);

static int __init blob_init(void)
{
	pr_info("blob: loaded\n");
	return 0;
}

static void __exit blob_exit(void)
{
	pr_info("blob: unloaded\n");
}

module_init(blob_init);
module_exit(blob_exit);
MODULE_LICENSE("Proprietary");
MODULE_DESCRIPTION("toy proprietary driver core");
