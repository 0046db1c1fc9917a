/* linux/mcb.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4). */
#ifndef __KSYMNS_LINUX_MCB_H
#define __KSYMNS_LINUX_MCB_H
#include <ksymns/release.h>
#include <linux/device.h>

struct mcb_driver;
extern int __mcb_register_driver(struct mcb_driver *, struct module *, const char *);
#define mcb_register_driver(drv) __mcb_register_driver(drv, THIS_MODULE, KBUILD_MODNAME)
extern void mcb_unregister_driver(struct mcb_driver *);
#define module_mcb_driver(__mcb_driver) module_driver(__mcb_driver, mcb_register_driver, mcb_unregister_driver)

#endif
