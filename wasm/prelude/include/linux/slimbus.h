/* linux/slimbus.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4). */
#ifndef __KSYMNS_LINUX_SLIMBUS_H
#define __KSYMNS_LINUX_SLIMBUS_H
#include <ksymns/release.h>
#include <linux/device.h>

struct slim_driver;
extern int __slim_driver_register(struct slim_driver *, struct module *);
#define slim_driver_register(drv) __slim_driver_register(drv, THIS_MODULE)
extern void slim_driver_unregister(struct slim_driver *);
#define module_slim_driver(__slim_driver) module_driver(__slim_driver, slim_driver_register, slim_driver_unregister)

#endif
