/* linux/arm_ffa.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4).
 * module_ffa_driver: Debian 6.1.190 on (5.14, inferred). */
#ifndef __KSYMNS_LINUX_ARM_FFA_H
#define __KSYMNS_LINUX_ARM_FFA_H
#include <ksymns/release.h>
#include <linux/device.h>

#if __KSYMNS_RELEASE >= 601
struct ffa_driver;
int ffa_driver_register(struct ffa_driver *driver, struct module *owner, const char *mod_name);
#define ffa_register(driver) ffa_driver_register(driver, THIS_MODULE, KBUILD_MODNAME)
void ffa_driver_unregister(struct ffa_driver *driver);
#define ffa_unregister(driver) ffa_driver_unregister(driver)
#define module_ffa_driver(__ffa_driver) module_driver(__ffa_driver, ffa_register, ffa_unregister)
#endif

#endif
