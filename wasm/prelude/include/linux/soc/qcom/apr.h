/* linux/soc/qcom/apr.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4).
 * module_gpr_driver: Debian 6.1.190 on. */
#ifndef __KSYMNS_LINUX_SOC_QCOM_APR_H
#define __KSYMNS_LINUX_SOC_QCOM_APR_H
#include <ksymns/release.h>
#include <linux/device.h>

struct apr_driver;
int __apr_driver_register(struct apr_driver *drv, struct module *owner);
#define apr_driver_register(drv) __apr_driver_register(drv, THIS_MODULE)
void apr_driver_unregister(struct apr_driver *drv);
#define module_apr_driver(__apr_driver) module_driver(__apr_driver, apr_driver_register, apr_driver_unregister)
#if __KSYMNS_RELEASE >= 601
#define module_gpr_driver(__gpr_driver) module_apr_driver(__gpr_driver)
#endif

#endif
