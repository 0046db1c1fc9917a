/* linux/bcma/bcma.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4). */
#ifndef __KSYMNS_LINUX_BCMA_BCMA_H
#define __KSYMNS_LINUX_BCMA_BCMA_H
#include <ksymns/release.h>
#include <linux/device.h>

struct bcma_driver;
extern int __bcma_driver_register(struct bcma_driver *, struct module *);
#define bcma_driver_register(drv) __bcma_driver_register(drv, THIS_MODULE)
extern void bcma_driver_unregister(struct bcma_driver *);
#define module_bcma_driver(__bcma_driver) module_driver(__bcma_driver, bcma_driver_register, bcma_driver_unregister)

#endif
