// SPDX-License-Identifier: GPL-2.0+
/*
 * A toy usb-storage core: three of the functions drivers/usb/storage/usb.c
 * exports to the ums-* sub-drivers. No EXPORT_SYMBOL here names a namespace:
 * the Kbuild file's DEFAULT_SYMBOL_NAMESPACE puts them all into USB_STORAGE.
 */
#include <linux/module.h>
#include <linux/init.h>

int usb_stor_probe1(int id);
int usb_stor_probe1(int id)
{
	return id;
}
EXPORT_SYMBOL_GPL(usb_stor_probe1);

int usb_stor_probe2(int id);
int usb_stor_probe2(int id)
{
	return id + 1;
}
EXPORT_SYMBOL_GPL(usb_stor_probe2);

void usb_stor_disconnect(int id);
void usb_stor_disconnect(int id)
{
	pr_info("usb-storage: disconnect %d\n", id);
}
EXPORT_SYMBOL_GPL(usb_stor_disconnect);

static int __init usb_storage_init(void)
{
	pr_info("usb-storage: loaded\n");
	return 0;
}

static void __exit usb_storage_exit(void)
{
	pr_info("usb-storage: unloaded\n");
}

module_init(usb_storage_init);
module_exit(usb_storage_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("toy USB Mass Storage core");
