// SPDX-License-Identifier: GPL-2.0-only
/*
 * Stands in for mm/maccess.c as Andrew Morton suggested in June 2025: export
 * copy_to_kernel_nofault() to kasan_test and to nothing else. (6.17 merged the other
 * answer and unexported it, which is why a module can define and export it here.)
 */
#include <linux/module.h>
#include <linux/init.h>
#include <linux/string.h>

long copy_to_kernel_nofault(void *dst, const void *src, size_t size);
long copy_to_kernel_nofault(void *dst, const void *src, size_t size)
{
	memcpy(dst, src, size);
	return 0;
}
EXPORT_SYMBOL_FOR_MODULES(copy_to_kernel_nofault, "kasan_test");

static int __init maccess_init(void)
{
	pr_info("maccess: loaded\n");
	return 0;
}

static void __exit maccess_exit(void)
{
	pr_info("maccess: unloaded\n");
}

module_init(maccess_init);
module_exit(maccess_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("toy stand-in for mm/maccess.c");
