#include <linux/module.h>
#include <linux/init.h>

int toy_get(void);
int usb_stor_suspend(void *iface, int message);

static int __init user_init(void)
{
	return toy_get() == 42 && usb_stor_suspend ? 0 : -1;
}
static void __exit user_exit(void)
{
}
module_init(user_init);
module_exit(user_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("needs a workspace module and an in-tree module");
MODULE_IMPORT_NS(USB_STORAGE);
