/* linux/hid.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4). */
#ifndef __KSYMNS_LINUX_HID_H
#define __KSYMNS_LINUX_HID_H
#include <ksymns/release.h>
#include <linux/device.h>

struct hid_driver;
extern int __hid_register_driver(struct hid_driver *, struct module *, const char *);
#define hid_register_driver(drv) __hid_register_driver(drv, THIS_MODULE, KBUILD_MODNAME)
extern void hid_unregister_driver(struct hid_driver *);
#define module_hid_driver(__hid_driver) module_driver(__hid_driver, hid_register_driver, hid_unregister_driver)

#endif
