/* linux/sunxi-rsb.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4). */
#ifndef __KSYMNS_LINUX_SUNXI_RSB_H
#define __KSYMNS_LINUX_SUNXI_RSB_H
#include <ksymns/release.h>
#include <linux/device.h>

struct sunxi_rsb_driver;
extern int sunxi_rsb_driver_register(struct sunxi_rsb_driver *);
static inline void sunxi_rsb_driver_unregister(struct sunxi_rsb_driver *drv)
{
	if (drv)
		driver_unregister(&drv->driver);
}
#define module_sunxi_rsb_driver(__sunxi_rsb_driver) module_driver(__sunxi_rsb_driver, sunxi_rsb_driver_register, sunxi_rsb_driver_unregister)

#endif
