/* linux/spmi.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4). */
#ifndef __KSYMNS_LINUX_SPMI_H
#define __KSYMNS_LINUX_SPMI_H
#include <ksymns/release.h>
#include <linux/device.h>

struct spmi_driver;
extern int __spmi_driver_register(struct spmi_driver *, struct module *);
#define spmi_driver_register(drv) __spmi_driver_register(drv, THIS_MODULE)
static inline void spmi_driver_unregister(struct spmi_driver *drv)
{
	if (drv)
		driver_unregister(&drv->driver);
}
#define module_spmi_driver(__spmi_driver) module_driver(__spmi_driver, spmi_driver_register, spmi_driver_unregister)

#endif
