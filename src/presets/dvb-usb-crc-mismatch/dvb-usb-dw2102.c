// SPDX-License-Identifier: GPL-2.0
/* A toy dvb-usb-dw2102 from a vendor's driver package, built against the old dvb-usb. */
#include <linux/module.h>
#include <linux/init.h>

int dvb_usb_device_init(int adapter);

static int __init dw2102_init(void)
{
	pr_info("dvb-usb-dw2102: %d\n", dvb_usb_device_init(0));
	return 0;
}

static void __exit dw2102_exit(void)
{
	pr_info("dvb-usb-dw2102: unloaded\n");
}

module_init(dw2102_init);
module_exit(dw2102_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("toy driver for DVBWorld/TeVii USB receivers");
