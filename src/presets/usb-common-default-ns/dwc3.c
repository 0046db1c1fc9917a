// SPDX-License-Identifier: GPL-2.0
/* A toy dwc3 that was converted along with usb-common: it imports USB_COMMON. */
#include <linux/module.h>
#include <linux/init.h>

int usb_get_maximum_speed(void *dev);

static int __init dwc3_init(void)
{
	pr_info("dwc3: maximum speed %d\n", usb_get_maximum_speed(NULL));
	return 0;
}

static void __exit dwc3_exit(void)
{
	pr_info("dwc3: unloaded\n");
}

module_init(dwc3_init);
module_exit(dwc3_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("toy DesignWare USB3 DRD controller driver");
MODULE_IMPORT_NS(USB_COMMON);
