// SPDX-License-Identifier: GPL-2.0
/*
 * A toy dvb-usb core. The kernel update changed dvb_usb_device_init()'s prototype
 * (TOY_V2, what is running now); the driver package was built against the old one.
 */
#include <linux/module.h>
#include <linux/init.h>

#ifdef TOY_V2
int dvb_usb_device_init(int adapter, void *properties);
int dvb_usb_device_init(int adapter, void *properties)
{
	return properties ? adapter : -1;
}
#else
int dvb_usb_device_init(int adapter);
int dvb_usb_device_init(int adapter)
{
	return adapter;
}
#endif
EXPORT_SYMBOL_GPL(dvb_usb_device_init);

static int __init dvb_usb_module_init(void)
{
	pr_info("dvb-usb: loaded\n");
	return 0;
}

static void __exit dvb_usb_module_exit(void)
{
	pr_info("dvb-usb: unloaded\n");
}

module_init(dvb_usb_module_init);
module_exit(dvb_usb_module_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("toy DVB USB library");
