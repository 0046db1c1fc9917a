/* linux/moxtet.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4). */
#ifndef __KSYMNS_LINUX_MOXTET_H
#define __KSYMNS_LINUX_MOXTET_H
#include <ksymns/release.h>
#include <linux/device.h>

struct moxtet_driver;
extern int __moxtet_register_driver(struct module *owner, struct moxtet_driver *mdrv);
#define moxtet_register_driver(driver) __moxtet_register_driver(THIS_MODULE, driver)
static inline void moxtet_unregister_driver(struct moxtet_driver *mdrv)
{
	if (mdrv)
		driver_unregister(&mdrv->driver);
}
#define module_moxtet_driver(__moxtet_driver) module_driver(__moxtet_driver, moxtet_register_driver, moxtet_unregister_driver)

#endif
