/* drm/drm_module.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4).
 * Debian 6.1.190 on (5.18, inferred). */
#ifndef __KSYMNS_DRM_DRM_MODULE_H
#define __KSYMNS_DRM_DRM_MODULE_H
#include <ksymns/release.h>
#include <linux/device.h>
#include <linux/pci.h>
#include <linux/platform_device.h>

#if __KSYMNS_RELEASE >= 601
struct pci_driver;
struct platform_driver;
int drm_pci_register_driver(struct pci_driver *pdrv);
int drm_pci_register_driver_if_modeset(struct pci_driver *pdrv, int modeset);
void drm_pci_unregister_driver_if_modeset(struct pci_driver *pdrv, int modeset);
int drm_platform_driver_register(struct platform_driver *pdrv);
#define drm_module_pci_driver(__pci_drv) module_driver(__pci_drv, drm_pci_register_driver, pci_unregister_driver)
#define drm_module_pci_driver_if_modeset(__pci_drv, __modeset) \
	module_driver(__pci_drv, drm_pci_register_driver_if_modeset, drm_pci_unregister_driver_if_modeset, __modeset)
#define drm_module_platform_driver(__platform_drv) \
	module_driver(__platform_drv, drm_platform_driver_register, platform_driver_unregister)
#endif

#endif
