// SPDX-License-Identifier: GPL-2.0
/* A toy chipidea that nobody converted: it calls usb-common without importing USB_COMMON. */
#include <linux/module.h>
#include <linux/init.h>

const char *usb_otg_state_string(int state);

static int __init ci_hdrc_init(void)
{
	pr_info("chipidea: otg state %s\n", usb_otg_state_string(1));
	return 0;
}

static void __exit ci_hdrc_exit(void)
{
	pr_info("chipidea: unloaded\n");
}

module_init(ci_hdrc_init);
module_exit(ci_hdrc_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("toy ChipIdea HDRC driver");
