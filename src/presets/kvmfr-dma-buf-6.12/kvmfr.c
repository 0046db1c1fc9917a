// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * A toy kvmfr (Looking Glass's out-of-tree module): it hands out frames as dma-bufs,
 * so it uses dma_buf_export() and dma_buf_fd() from the DMA_BUF namespace and
 * imports it the way every out-of-tree module wrote it until 6.12.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/dma-buf.h>

static int __init kvmfr_module_init(void)
{
	pr_info("kvmfr: %ps %ps\n", dma_buf_export, dma_buf_fd);
	return 0;
}

static void __exit kvmfr_module_exit(void)
{
	pr_info("kvmfr: unloaded\n");
}

module_init(kvmfr_module_init);
module_exit(kvmfr_module_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("toy KVM FrameRelay (KVMFR) driver");
MODULE_IMPORT_NS(DMA_BUF);
