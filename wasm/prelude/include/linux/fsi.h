/* linux/fsi.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4). */
#ifndef __KSYMNS_LINUX_FSI_H
#define __KSYMNS_LINUX_FSI_H
#include <ksymns/release.h>
#include <linux/device.h>

struct fsi_driver;
extern int fsi_driver_register(struct fsi_driver *);
extern void fsi_driver_unregister(struct fsi_driver *);
#define module_fsi_driver(__fsi_driver) module_driver(__fsi_driver, fsi_driver_register, fsi_driver_unregister)

#endif
