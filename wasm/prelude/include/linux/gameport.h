/* linux/gameport.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4). */
#ifndef __KSYMNS_LINUX_GAMEPORT_H
#define __KSYMNS_LINUX_GAMEPORT_H
#include <ksymns/release.h>
#include <linux/device.h>

struct gameport_driver;
extern int __gameport_register_driver(struct gameport_driver *, struct module *, const char *);
#define gameport_register_driver(drv) __gameport_register_driver(drv, THIS_MODULE, KBUILD_MODNAME)
extern void gameport_unregister_driver(struct gameport_driver *);
#define module_gameport_driver(__gameport_driver) module_driver(__gameport_driver, gameport_register_driver, gameport_unregister_driver)

#endif
