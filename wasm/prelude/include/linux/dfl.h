/* linux/dfl.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4).
 * in include/ from 5.12 (Debian 6.1.190 on; inferred). */
#ifndef __KSYMNS_LINUX_DFL_H
#define __KSYMNS_LINUX_DFL_H
#include <ksymns/release.h>
#include <linux/device.h>

#if __KSYMNS_RELEASE >= 601
struct dfl_driver;
int __dfl_driver_register(struct dfl_driver *dfl_drv, struct module *owner);
#define dfl_driver_register(drv) __dfl_driver_register(drv, THIS_MODULE)
void dfl_driver_unregister(struct dfl_driver *dfl_drv);
#define module_dfl_driver(__dfl_driver) module_driver(__dfl_driver, dfl_driver_register, dfl_driver_unregister)
#endif

#endif
