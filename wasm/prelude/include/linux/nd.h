/* linux/nd.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4). */
#ifndef __KSYMNS_LINUX_ND_H
#define __KSYMNS_LINUX_ND_H
#include <ksymns/release.h>
#include <linux/device.h>

struct nd_device_driver;
extern int __nd_driver_register(struct nd_device_driver *, struct module *, const char *);
#define nd_driver_register(drv) __nd_driver_register(drv, THIS_MODULE, KBUILD_MODNAME)
static inline void nd_driver_unregister(struct nd_device_driver *drv)
{
	if (drv)
		driver_unregister(&drv->drv);
}
#define module_nd_driver(driver) module_driver(driver, nd_driver_register, nd_driver_unregister)

#endif
