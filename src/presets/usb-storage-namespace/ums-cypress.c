// SPDX-License-Identifier: GPL-2.0+
/* A toy ums-cypress: probes and disconnects through usb-storage, as cypress_atacb.c does. */
#include <linux/module.h>
#include <linux/init.h>

int usb_stor_probe1(int id);
void usb_stor_disconnect(int id);

static int __init cypress_init(void)
{
	pr_info("ums-cypress: probe %d\n", usb_stor_probe1(2));
	return 0;
}

static void __exit cypress_exit(void)
{
	usb_stor_disconnect(2);
}

module_init(cypress_init);
module_exit(cypress_exit);
MODULE_DESCRIPTION("toy SAT support for Cypress USB/ATA bridges");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS(USB_STORAGE);
