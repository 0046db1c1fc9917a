/* linux/usb/composite.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4). */
#ifndef __KSYMNS_LINUX_USB_COMPOSITE_H
#define __KSYMNS_LINUX_USB_COMPOSITE_H
#include <ksymns/release.h>
#include <linux/device.h>
#include <linux/usb.h>

struct usb_composite_driver;
extern int usb_composite_probe(struct usb_composite_driver *driver);
extern void usb_composite_unregister(struct usb_composite_driver *driver);
#define module_usb_composite_driver(__usb_composite_driver) module_driver(__usb_composite_driver, usb_composite_probe, usb_composite_unregister)

#endif
