/* linux/tee_drv.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4).
 * module_tee_client_driver: Debian 7.2.12 on (not 6.12.113; boundary inferred as 7.0). */
#ifndef __KSYMNS_LINUX_TEE_DRV_H
#define __KSYMNS_LINUX_TEE_DRV_H
#include <ksymns/release.h>
#include <linux/device.h>

#if __KSYMNS_RELEASE >= 700
struct tee_client_driver;
int __tee_client_driver_register(struct tee_client_driver *, struct module *);
#define tee_client_driver_register(drv) __tee_client_driver_register(drv, THIS_MODULE)
void tee_client_driver_unregister(struct tee_client_driver *);
#define module_tee_client_driver(__tee_client_driver) module_driver(__tee_client_driver, tee_client_driver_register, tee_client_driver_unregister)
#endif

#endif
