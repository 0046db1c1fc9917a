// SPDX-License-Identifier: GPL-2.0+
/* A toy ums-karma: a sub-driver that probes through usb-storage, as karma.c does. */
#include <linux/module.h>
#include <linux/init.h>

int usb_stor_probe1(int id);
int usb_stor_probe2(int id);

static int __init karma_init(void)
{
	int r = usb_stor_probe1(1);

	pr_info("ums-karma: probe %d\n", usb_stor_probe2(r));
	return 0;
}

static void __exit karma_exit(void)
{
	pr_info("ums-karma: unloaded\n");
}

module_init(karma_init);
module_exit(karma_exit);
MODULE_DESCRIPTION("toy driver for Rio Karma");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS(USB_STORAGE);
