/* linux/auxiliary_bus.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4).
 * in include/ from 5.11 (Debian 6.1.190 on; not in 5.10.223). */
#ifndef __KSYMNS_LINUX_AUXILIARY_BUS_H
#define __KSYMNS_LINUX_AUXILIARY_BUS_H
#include <ksymns/release.h>
#include <linux/device.h>

struct auxiliary_driver;
extern int __auxiliary_driver_register(struct auxiliary_driver *, struct module *, const char *);
#define auxiliary_driver_register(drv) __auxiliary_driver_register(drv, THIS_MODULE, KBUILD_MODNAME)
extern void auxiliary_driver_unregister(struct auxiliary_driver *);
#define module_auxiliary_driver(__auxiliary_driver) module_driver(__auxiliary_driver, auxiliary_driver_register, auxiliary_driver_unregister)

#endif
