// SPDX-License-Identifier: GPL-2.0
/*
 * The "GPL condom": a small module that says GPL, uses a GPL-only export and hands
 * the result to the proprietary blob. Refused since 5.9.
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/timekeeping.h>

int blob_alloc_frame(int size);

static int __init shim_init(void)
{
	u64 now = ktime_get_mono_fast_ns();

	pr_info("shim: frame %d at %llu\n", blob_alloc_frame(64), now);
	return 0;
}

static void __exit shim_exit(void)
{
	pr_info("shim: unloaded\n");
}

module_init(shim_init);
module_exit(shim_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("toy GPL shim around a proprietary module");
