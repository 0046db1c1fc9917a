/* linux/mei_cl_bus.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4). */
#ifndef __KSYMNS_LINUX_MEI_CL_BUS_H
#define __KSYMNS_LINUX_MEI_CL_BUS_H
#include <ksymns/release.h>
#include <linux/device.h>

struct mei_cl_driver;
extern int __mei_cldev_driver_register(struct mei_cl_driver *, struct module *);
#define mei_cldev_driver_register(drv) __mei_cldev_driver_register(drv, THIS_MODULE)
extern void mei_cldev_driver_unregister(struct mei_cl_driver *);
#define module_mei_cl_driver(__mei_cldrv) module_driver(__mei_cldrv, mei_cldev_driver_register, mei_cldev_driver_unregister)

#endif
