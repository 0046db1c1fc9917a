/* linux/vdpa.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4). */
#ifndef __KSYMNS_LINUX_VDPA_H
#define __KSYMNS_LINUX_VDPA_H
#include <ksymns/release.h>
#include <linux/device.h>

struct vdpa_driver;
extern int __vdpa_register_driver(struct vdpa_driver *, struct module *);
#define vdpa_register_driver(drv) __vdpa_register_driver(drv, THIS_MODULE)
extern void vdpa_unregister_driver(struct vdpa_driver *);
#define module_vdpa_driver(__vdpa_driver) module_driver(__vdpa_driver, vdpa_register_driver, vdpa_unregister_driver)

#endif
