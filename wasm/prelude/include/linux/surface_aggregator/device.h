/* linux/surface_aggregator/device.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4).
 * Debian 6.1.190 on. */
#ifndef __KSYMNS_LINUX_SURFACE_AGGREGATOR_DEVICE_H
#define __KSYMNS_LINUX_SURFACE_AGGREGATOR_DEVICE_H
#include <ksymns/release.h>
#include <linux/device.h>

#if __KSYMNS_RELEASE >= 601
struct ssam_device_driver;
int __ssam_device_driver_register(struct ssam_device_driver *d, struct module *o);
#define ssam_device_driver_register(drv) __ssam_device_driver_register(drv, THIS_MODULE)
void ssam_device_driver_unregister(struct ssam_device_driver *d);
#define module_ssam_device_driver(drv) module_driver(drv, ssam_device_driver_register, ssam_device_driver_unregister)
#endif

#endif
