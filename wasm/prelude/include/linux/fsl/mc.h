/* linux/fsl/mc.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4). */
#ifndef __KSYMNS_LINUX_FSL_MC_H
#define __KSYMNS_LINUX_FSL_MC_H
#include <ksymns/release.h>
#include <linux/device.h>

struct fsl_mc_driver;
extern int __fsl_mc_driver_register(struct fsl_mc_driver *, struct module *);
#define fsl_mc_driver_register(drv) __fsl_mc_driver_register(drv, THIS_MODULE)
extern void fsl_mc_driver_unregister(struct fsl_mc_driver *);
#define module_fsl_mc_driver(__fsl_mc_driver) module_driver(__fsl_mc_driver, fsl_mc_driver_register, fsl_mc_driver_unregister)

#endif
