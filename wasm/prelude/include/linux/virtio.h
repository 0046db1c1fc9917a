/* linux/virtio.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4).
 * register_virtio_driver became a macro over __register_virtio_driver in 6.10 ("virtio: store owner from modules with register_virtio_driver()"; function in Debian 6.1.190, macro in 6.12.113; boundary inferred). */
#ifndef __KSYMNS_LINUX_VIRTIO_H
#define __KSYMNS_LINUX_VIRTIO_H
#include <ksymns/release.h>
#include <linux/device.h>

struct virtio_driver;
#if __KSYMNS_RELEASE >= 610
extern int __register_virtio_driver(struct virtio_driver *, struct module *);
#define register_virtio_driver(drv) __register_virtio_driver(drv, THIS_MODULE)
#else
extern int register_virtio_driver(struct virtio_driver *);
#endif
void unregister_virtio_driver(struct virtio_driver *drv);
#define module_virtio_driver(__virtio_driver) module_driver(__virtio_driver, register_virtio_driver, unregister_virtio_driver)

#endif
