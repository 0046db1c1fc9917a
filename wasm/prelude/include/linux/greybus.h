/* linux/greybus.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4). */
#ifndef __KSYMNS_LINUX_GREYBUS_H
#define __KSYMNS_LINUX_GREYBUS_H
#include <ksymns/release.h>
#include <linux/device.h>

struct greybus_driver;
int greybus_register_driver(struct greybus_driver *driver, struct module *module, const char *mod_name);
void greybus_deregister_driver(struct greybus_driver *driver);
#define greybus_register(driver) greybus_register_driver(driver, THIS_MODULE, KBUILD_MODNAME)
#define greybus_deregister(driver) greybus_deregister_driver(driver)
#define module_greybus_driver(__greybus_driver) module_driver(__greybus_driver, greybus_register, greybus_deregister)

#endif
