/* linux/nvmem-provider.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4).
 * module_nvmem_layout_driver: Debian 6.12.113 on ("nvmem: layouts: store owner from modules with nvmem_layout_driver_register()", 6.10, inferred). */
#ifndef __KSYMNS_LINUX_NVMEM_PROVIDER_H
#define __KSYMNS_LINUX_NVMEM_PROVIDER_H
#include <ksymns/release.h>
#include <linux/device.h>

#if __KSYMNS_RELEASE >= 610
struct nvmem_layout_driver;
int __nvmem_layout_driver_register(struct nvmem_layout_driver *drv, struct module *owner);
#define nvmem_layout_driver_register(drv) __nvmem_layout_driver_register(drv, THIS_MODULE)
void nvmem_layout_driver_unregister(struct nvmem_layout_driver *drv);
#define module_nvmem_layout_driver(__nvmem_layout_driver) module_driver(__nvmem_layout_driver, nvmem_layout_driver_register, nvmem_layout_driver_unregister)
#endif

#endif
