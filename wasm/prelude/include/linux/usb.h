/* linux/usb.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4).
 * usb_register is usb_register_driver(driver, THIS_MODULE, KBUILD_MODNAME) in every release. */
#ifndef __KSYMNS_LINUX_USB_H
#define __KSYMNS_LINUX_USB_H
#include <ksymns/release.h>
#include <linux/device.h>

struct usb_driver;
extern int usb_register_driver(struct usb_driver *, struct module *, const char *);
#define usb_register(driver) usb_register_driver(driver, THIS_MODULE, KBUILD_MODNAME)
extern void usb_deregister(struct usb_driver *);
#define module_usb_driver(__usb_driver) module_driver(__usb_driver, usb_register, usb_deregister)

#endif
