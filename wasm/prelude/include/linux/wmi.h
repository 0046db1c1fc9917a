/* linux/wmi.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4). */
#ifndef __KSYMNS_LINUX_WMI_H
#define __KSYMNS_LINUX_WMI_H
#include <ksymns/release.h>
#include <linux/device.h>

struct wmi_driver;
extern int __wmi_driver_register(struct wmi_driver *, struct module *);
#define wmi_driver_register(drv) __wmi_driver_register(drv, THIS_MODULE)
extern void wmi_driver_unregister(struct wmi_driver *);
#define module_wmi_driver(__wmi_driver) module_driver(__wmi_driver, wmi_driver_register, wmi_driver_unregister)

#endif
