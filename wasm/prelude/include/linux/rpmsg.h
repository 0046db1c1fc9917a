/* linux/rpmsg.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4).
 * CONFIG_RPMSG is unset in Debian amd64 kernels: register and unregister are inline stubs that reference nothing. */
#ifndef __KSYMNS_LINUX_RPMSG_H
#define __KSYMNS_LINUX_RPMSG_H
#include <ksymns/release.h>
#include <linux/device.h>

struct rpmsg_driver;
#if IS_ENABLED(CONFIG_RPMSG)
int __register_rpmsg_driver(struct rpmsg_driver *drv, struct module *owner);
void unregister_rpmsg_driver(struct rpmsg_driver *drv);
#else
static inline int __register_rpmsg_driver(struct rpmsg_driver *drv, struct module *owner)
{
	return -6;
}
static inline void unregister_rpmsg_driver(struct rpmsg_driver *drv)
{
}
#endif
#define register_rpmsg_driver(drv) __register_rpmsg_driver(drv, THIS_MODULE)
#define module_rpmsg_driver(__rpmsg_driver) module_driver(__rpmsg_driver, register_rpmsg_driver, unregister_rpmsg_driver)

#endif
