/* linux/mdio.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4).
 * mdio_module_driver: open-coded init/exit up to 6.12.113, module_driver() in 7.2.12 (same calls). */
#ifndef __KSYMNS_LINUX_MDIO_H
#define __KSYMNS_LINUX_MDIO_H
#include <ksymns/release.h>
#include <linux/device.h>

struct mdio_driver;
int mdio_driver_register(struct mdio_driver *drv);
void mdio_driver_unregister(struct mdio_driver *drv);
#if __KSYMNS_RELEASE >= 700
#define mdio_module_driver(_mdio_driver) module_driver(_mdio_driver, mdio_driver_register, mdio_driver_unregister)
#else
#define mdio_module_driver(_mdio_driver) \
static int __init mdio_module_init(void) \
{ \
	return mdio_driver_register(&_mdio_driver); \
} \
module_init(mdio_module_init); \
static void __exit mdio_module_exit(void) \
{ \
	mdio_driver_unregister(&_mdio_driver); \
} \
module_exit(mdio_module_exit)
#endif

#endif
