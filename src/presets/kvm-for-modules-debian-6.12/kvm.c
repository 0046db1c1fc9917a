// SPDX-License-Identifier: GPL-2.0-only
/* A toy kvm: registers a preempt notifier per vCPU, as virt/kvm/kvm_main.c does. */
#include <linux/module.h>
#include <linux/init.h>

int toy_preempt_notifier_register(void *notifier);
int toy_preempt_notifier_unregister(void *notifier);

static int vcpu_notifier;

static int __init kvm_init(void)
{
	pr_info("kvm: %d notifier(s)\n", toy_preempt_notifier_register(&vcpu_notifier));
	return 0;
}

static void __exit kvm_exit(void)
{
	toy_preempt_notifier_unregister(&vcpu_notifier);
}

module_init(kvm_init);
module_exit(kvm_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("toy kernel-based virtual machine");
