#include <linux/module.h>
#include <linux/init.h>
#include <linux/err.h>

struct dma_buf;
struct dma_buf *dma_buf_get(int fd);

static int __init user_init(void)
{
	struct dma_buf *b = dma_buf_get(-1);

	pr_info("user: dma_buf_get(-1) = %ld\n", PTR_ERR(b));
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
