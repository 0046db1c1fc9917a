/* linux/ulpi/driver.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4). */
#ifndef __KSYMNS_LINUX_ULPI_DRIVER_H
#define __KSYMNS_LINUX_ULPI_DRIVER_H
#include <ksymns/release.h>
#include <linux/device.h>

struct ulpi_driver;
extern int __ulpi_register_driver(struct ulpi_driver *, struct module *);
#define ulpi_register_driver(drv) __ulpi_register_driver(drv, THIS_MODULE)
extern void ulpi_unregister_driver(struct ulpi_driver *);
#define module_ulpi_driver(__ulpi_driver) module_driver(__ulpi_driver, ulpi_register_driver, ulpi_unregister_driver)

#endif
