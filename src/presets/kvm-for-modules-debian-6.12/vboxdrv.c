// SPDX-License-Identifier: GPL-2.0-only
/*
 * The same out-of-tree hypervisor driver. There is no KVM namespace to import any
 * more: the symbols live in "module:kvm,kvm-*", and this module's name is not in it.
 */
#include <linux/module.h>
#include <linux/init.h>

int toy_preempt_notifier_register(void *notifier);

static int vbox_notifier;

static int __init vboxdrv_init(void)
{
	pr_info("vboxdrv: %d notifier(s)\n", toy_preempt_notifier_register(&vbox_notifier));
	return 0;
}

static void __exit vboxdrv_exit(void)
{
	pr_info("vboxdrv: unloaded\n");
}

module_init(vboxdrv_init);
module_exit(vboxdrv_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("toy out-of-tree hypervisor driver");
