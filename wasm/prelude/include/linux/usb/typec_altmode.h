/* linux/usb/typec_altmode.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4). */
#ifndef __KSYMNS_LINUX_USB_TYPEC_ALTMODE_H
#define __KSYMNS_LINUX_USB_TYPEC_ALTMODE_H
#include <ksymns/release.h>
#include <linux/device.h>

struct typec_altmode_driver;
int __typec_altmode_register_driver(struct typec_altmode_driver *drv, struct module *module);
#define typec_altmode_register_driver(drv) __typec_altmode_register_driver(drv, THIS_MODULE)
void typec_altmode_unregister_driver(struct typec_altmode_driver *drv);
#define module_typec_altmode_driver(__typec_altmode_driver) module_driver(__typec_altmode_driver, typec_altmode_register_driver, typec_altmode_unregister_driver)

#endif
