// SPDX-License-Identifier: GPL-2.0-only
/* A toy kasan_test: the KUnit case copy_to_kernel_nofault_oob needs the helper. */
#include <linux/module.h>
#include <linux/init.h>

long copy_to_kernel_nofault(void *dst, const void *src, size_t size);

static char dst[8];

static int __init kasan_test_init(void)
{
	pr_info("kasan_test: %ld\n", copy_to_kernel_nofault(dst, "kasan", 6));
	return 0;
}

static void __exit kasan_test_exit(void)
{
	pr_info("kasan_test: unloaded\n");
}

module_init(kasan_test_init);
module_exit(kasan_test_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("toy KASAN KUnit tests");
