// SPDX-License-Identifier: CDDL-1.0
/*
 * A toy zfs: its checksums want SIMD, so the vector code is bracketed by
 * kernel_fpu_begin()/kernel_fpu_end(). Since 5.0 only the GPL-only wrappers are
 * exported (kernel_fpu_begin() is an inline around kernel_fpu_begin_mask()).
 */
#include <linux/module.h>
#include <linux/init.h>
#include <asm/fpu/api.h>

static u32 fletcher4_simd(const u32 *buf, int n)
{
	u32 a = 0;
	int i;

	kernel_fpu_begin_mask(KFPU_387 | KFPU_MXCSR);
	for (i = 0; i < n; i++)
		a += buf[i];
	kernel_fpu_end();
	return a;
}

static int __init zfs_init(void)
{
	static const u32 block[4] = { 1, 2, 3, 4 };

	pr_info("zfs: fletcher4 %u\n", fletcher4_simd(block, 4));
	return 0;
}

static void __exit zfs_fini(void)
{
	pr_info("zfs: unloaded\n");
}

module_init(zfs_init);
module_exit(zfs_fini);
MODULE_LICENSE("CDDL");
MODULE_DESCRIPTION("toy ZFS");
