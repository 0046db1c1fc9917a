/* linux/mhi.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4). */
#ifndef __KSYMNS_LINUX_MHI_H
#define __KSYMNS_LINUX_MHI_H
#include <ksymns/release.h>
#include <linux/device.h>

struct mhi_driver;
extern int __mhi_driver_register(struct mhi_driver *, struct module *);
#define mhi_driver_register(drv) __mhi_driver_register(drv, THIS_MODULE)
extern void mhi_driver_unregister(struct mhi_driver *);
#define module_mhi_driver(mhi_drv) module_driver(mhi_drv, mhi_driver_register, mhi_driver_unregister)

#endif
