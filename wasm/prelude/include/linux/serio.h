/* linux/serio.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4). */
#ifndef __KSYMNS_LINUX_SERIO_H
#define __KSYMNS_LINUX_SERIO_H
#include <ksymns/release.h>
#include <linux/device.h>

struct serio_driver;
extern int __serio_register_driver(struct serio_driver *, struct module *, const char *);
#define serio_register_driver(drv) __serio_register_driver(drv, THIS_MODULE, KBUILD_MODNAME)
extern void serio_unregister_driver(struct serio_driver *);
#define module_serio_driver(__serio_driver) module_driver(__serio_driver, serio_register_driver, serio_unregister_driver)

#endif
