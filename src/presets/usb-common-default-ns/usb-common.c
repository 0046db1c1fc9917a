// SPDX-License-Identifier: GPL-2.0
/*
 * A toy usb-common with two helpers of drivers/usb/common/common.c. Plain
 * EXPORT_SYMBOL_GPL: the namespace comes from the Kbuild file.
 */
#include <linux/module.h>
#include <linux/init.h>

const char *usb_otg_state_string(int state);
const char *usb_otg_state_string(int state)
{
	return state ? "a_host" : "undefined";
}
EXPORT_SYMBOL_GPL(usb_otg_state_string);

int usb_get_maximum_speed(void *dev);
int usb_get_maximum_speed(void *dev)
{
	return 5;
}
EXPORT_SYMBOL_GPL(usb_get_maximum_speed);

static int __init usb_common_init(void)
{
	pr_info("usb-common: loaded\n");
	return 0;
}

static void __exit usb_common_exit(void)
{
	pr_info("usb-common: unloaded\n");
}

module_init(usb_common_init);
module_exit(usb_common_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("toy common code for USB drivers");
