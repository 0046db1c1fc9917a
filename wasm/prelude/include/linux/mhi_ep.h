/* linux/mhi_ep.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4).
 * Debian 6.1.190 on. */
#ifndef __KSYMNS_LINUX_MHI_EP_H
#define __KSYMNS_LINUX_MHI_EP_H
#include <ksymns/release.h>
#include <linux/device.h>

#if __KSYMNS_RELEASE >= 601
struct mhi_ep_driver;
int __mhi_ep_driver_register(struct mhi_ep_driver *mhi_drv, struct module *owner);
#define mhi_ep_driver_register(mhi_drv) __mhi_ep_driver_register(mhi_drv, THIS_MODULE)
void mhi_ep_driver_unregister(struct mhi_ep_driver *mhi_drv);
#define module_mhi_ep_driver(mhi_drv) module_driver(mhi_drv, mhi_ep_driver_register, mhi_ep_driver_unregister)
#endif

#endif
