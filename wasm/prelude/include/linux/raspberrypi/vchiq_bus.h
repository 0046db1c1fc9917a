/* linux/raspberrypi/vchiq_bus.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4).
 * Debian 7.2.12 on (boundary inferred as 7.0). */
#ifndef __KSYMNS_LINUX_RASPBERRYPI_VCHIQ_BUS_H
#define __KSYMNS_LINUX_RASPBERRYPI_VCHIQ_BUS_H
#include <ksymns/release.h>
#include <linux/device.h>

#if __KSYMNS_RELEASE >= 700
struct vchiq_driver;
int vchiq_driver_register(struct vchiq_driver *vchiq_drv);
void vchiq_driver_unregister(struct vchiq_driver *vchiq_drv);
#define module_vchiq_driver(__vchiq_driver) module_driver(__vchiq_driver, vchiq_driver_register, vchiq_driver_unregister)
#endif

#endif
