/* linux/serdev.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4).
 * CONFIG_SERIAL_DEV_BUS=y in Debian. */
#ifndef __KSYMNS_LINUX_SERDEV_H
#define __KSYMNS_LINUX_SERDEV_H
#include <ksymns/release.h>
#include <linux/device.h>

struct serdev_device_driver;
extern int __serdev_device_driver_register(struct serdev_device_driver *, struct module *);
#define serdev_device_driver_register(drv) __serdev_device_driver_register(drv, THIS_MODULE)
static inline void serdev_device_driver_unregister(struct serdev_device_driver *drv)
{
	if (drv)
		driver_unregister(&drv->driver);
}
#define module_serdev_device_driver(__serdev_device_driver) module_driver(__serdev_device_driver, serdev_device_driver_register, serdev_device_driver_unregister)

#endif
