/* linux/parport.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4).
 * module_parport_driver: Debian 6.1.190 on (5.10.223 has the register macro only). */
#ifndef __KSYMNS_LINUX_PARPORT_H
#define __KSYMNS_LINUX_PARPORT_H
#include <ksymns/release.h>
#include <linux/device.h>

struct parport_driver;
extern int __parport_register_driver(struct parport_driver *, struct module *, const char *);
#define parport_register_driver(drv) __parport_register_driver(drv, THIS_MODULE, KBUILD_MODNAME)
extern void parport_unregister_driver(struct parport_driver *);
#define module_parport_driver(__parport_driver) module_driver(__parport_driver, parport_register_driver, parport_unregister_driver)

#endif
