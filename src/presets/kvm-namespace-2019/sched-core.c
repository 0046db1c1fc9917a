// SPDX-License-Identifier: GPL-2.0-only
/*
 * Stands in for kernel/sched/core.c, which is built into vmlinux: Peter Zijlstra's
 * "suppose I stick all the preempt_notifier symbols in a KVM namespace". The toy_
 * prefix is needed because vmlinux already exports the real preempt_notifier_*
 * (without a namespace), and a module may not export a name vmlinux exports.
 */
#include <linux/module.h>
#include <linux/init.h>

static int notifiers;

int toy_preempt_notifier_register(void *notifier);
int toy_preempt_notifier_register(void *notifier)
{
	return ++notifiers;
}
EXPORT_SYMBOL_NS_GPL(toy_preempt_notifier_register, KVM);

int toy_preempt_notifier_unregister(void *notifier);
int toy_preempt_notifier_unregister(void *notifier)
{
	return --notifiers;
}
EXPORT_SYMBOL_NS_GPL(toy_preempt_notifier_unregister, KVM);

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
