/* drm/drm_mipi_dsi.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4). */
#ifndef __KSYMNS_DRM_DRM_MIPI_DSI_H
#define __KSYMNS_DRM_DRM_MIPI_DSI_H
#include <ksymns/release.h>
#include <linux/device.h>

struct mipi_dsi_driver;
extern int mipi_dsi_driver_register_full(struct mipi_dsi_driver *, struct module *);
#define mipi_dsi_driver_register(drv) mipi_dsi_driver_register_full(drv, THIS_MODULE)
extern void mipi_dsi_driver_unregister(struct mipi_dsi_driver *);
#define module_mipi_dsi_driver(__mipi_dsi_driver) module_driver(__mipi_dsi_driver, mipi_dsi_driver_register, mipi_dsi_driver_unregister)

#endif
