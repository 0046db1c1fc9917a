// SPDX-License-Identifier: GPL-2.0-only
/*
 * Stands in for kernel/sched/core.c with Peter Zijlstra's 2025 answer to his own 2019
 * question: the notifiers go to kvm and kvm-* only (the example of
 * Documentation/core-api/symbol-namespaces.rst). The toy_ prefix is needed because
 * vmlinux already exports the real preempt_notifier_*.
 */
#include <linux/module.h>
#include <linux/init.h>

static int notifiers;

int toy_preempt_notifier_register(void *notifier);
int toy_preempt_notifier_register(void *notifier)
{
	return ++notifiers;
}
EXPORT_SYMBOL_GPL_FOR_MODULES(toy_preempt_notifier_register, "kvm,kvm-*");

int toy_preempt_notifier_unregister(void *notifier);
int toy_preempt_notifier_unregister(void *notifier)
{
	return --notifiers;
}
EXPORT_SYMBOL_GPL_FOR_MODULES(toy_preempt_notifier_unregister, "kvm,kvm-*");

static int __init sched_core_init(void)
{
	pr_info("sched-core: loaded\n");
	return 0;
}

static void __exit sched_core_exit(void)
{
	pr_info("sched-core: unloaded\n");
}

module_init(sched_core_init);
module_exit(sched_core_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("toy stand-in for the scheduler's preempt notifiers");
