/* linux/mmc/sdio_func.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4).
 * sdio_register_driver became a macro over __sdio_register_driver in 6.10 ("mmc: sdio: store owner from modules with sdio_register_driver()"; Debian 6.1.190 function, 6.12.113 macro; boundary inferred). */
#ifndef __KSYMNS_LINUX_MMC_SDIO_FUNC_H
#define __KSYMNS_LINUX_MMC_SDIO_FUNC_H
#include <ksymns/release.h>
#include <linux/device.h>

struct sdio_driver;
#if __KSYMNS_RELEASE >= 610
extern int __sdio_register_driver(struct sdio_driver *, struct module *);
#define sdio_register_driver(drv) __sdio_register_driver(drv, THIS_MODULE)
#else
extern int sdio_register_driver(struct sdio_driver *);
#endif
extern void sdio_unregister_driver(struct sdio_driver *);
#define module_sdio_driver(__sdio_driver) module_driver(__sdio_driver, sdio_register_driver, sdio_unregister_driver)

#endif
