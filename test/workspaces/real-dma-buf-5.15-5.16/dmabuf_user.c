#include <linux/module.h>
#include <linux/init.h>
#include <linux/dma-buf.h>
#include <linux/err.h>

static int __init dmabuf_user_init(void)
{
	struct dma_buf *buf = dma_buf_get(-1);

	pr_info("dmabuf_user: %ld\n", PTR_ERR(buf));
	return 0;
}

static void __exit dmabuf_user_exit(void)
{
	pr_info("dmabuf_user: unloaded\n");
}

module_init(dmabuf_user_init);
module_exit(dmabuf_user_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("toy module using dma-buf without MODULE_IMPORT_NS(DMA_BUF)");
