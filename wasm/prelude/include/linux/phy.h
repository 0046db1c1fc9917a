/* linux/phy.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4). */
#ifndef __KSYMNS_LINUX_PHY_H
#define __KSYMNS_LINUX_PHY_H
#include <ksymns/release.h>
#include <linux/device.h>
#include <linux/mdio.h>

struct phy_driver;
int phy_drivers_register(struct phy_driver *new_driver, int n, struct module *owner);
void phy_drivers_unregister(struct phy_driver *drv, int n);
#define phy_module_driver(__phy_drivers, __count) \
static int __init phy_module_init(void) \
{ \
	return phy_drivers_register(__phy_drivers, __count, THIS_MODULE); \
} \
module_init(phy_module_init); \
static void __exit phy_module_exit(void) \
{ \
	phy_drivers_unregister(__phy_drivers, __count); \
} \
module_exit(phy_module_exit)
#define module_phy_driver(__phy_drivers) phy_module_driver(__phy_drivers, ARRAY_SIZE(__phy_drivers))

#endif
