/* linux/soundwire/sdw_type.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4). */
#ifndef __KSYMNS_LINUX_SOUNDWIRE_SDW_TYPE_H
#define __KSYMNS_LINUX_SOUNDWIRE_SDW_TYPE_H
#include <ksymns/release.h>
#include <linux/device.h>

struct sdw_driver;
extern int __sdw_register_driver(struct sdw_driver *, struct module *);
#define sdw_register_driver(drv) __sdw_register_driver(drv, THIS_MODULE)
extern void sdw_unregister_driver(struct sdw_driver *);
#define module_sdw_driver(__sdw_driver) module_driver(__sdw_driver, sdw_register_driver, sdw_unregister_driver)

#endif
