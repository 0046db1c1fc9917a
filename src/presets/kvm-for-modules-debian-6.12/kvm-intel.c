// SPDX-License-Identifier: GPL-2.0-only
/* A toy kvm-intel: its name matches the "kvm-*" pattern, '-' and '_' being equal. */
#include <linux/module.h>
#include <linux/init.h>

int toy_preempt_notifier_register(void *notifier);

static int vmx_notifier;

static int __init vmx_init(void)
{
	pr_info("kvm-intel: %d notifier(s)\n", toy_preempt_notifier_register(&vmx_notifier));
	return 0;
}

static void __exit vmx_exit(void)
{
	pr_info("kvm-intel: unloaded\n");
}

module_init(vmx_init);
module_exit(vmx_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("toy KVM support for Intel VMX");
