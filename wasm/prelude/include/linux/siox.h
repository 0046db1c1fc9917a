/* linux/siox.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4). */
#ifndef __KSYMNS_LINUX_SIOX_H
#define __KSYMNS_LINUX_SIOX_H
#include <ksymns/release.h>
#include <linux/device.h>

struct siox_driver;
int __siox_driver_register(struct siox_driver *sdriver, struct module *owner);
static inline int siox_driver_register(struct siox_driver *sdriver)
{
	return __siox_driver_register(sdriver, THIS_MODULE);
}
static inline void siox_driver_unregister(struct siox_driver *sdriver)
{
	return driver_unregister(&sdriver->driver);
}
#define module_siox_driver(__siox_driver) module_driver(__siox_driver, siox_driver_register, siox_driver_unregister)

#endif
