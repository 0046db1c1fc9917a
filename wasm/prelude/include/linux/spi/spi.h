/* linux/spi/spi.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4).
 * spi_unregister_driver is a static inline over driver_unregister. */
#ifndef __KSYMNS_LINUX_SPI_SPI_H
#define __KSYMNS_LINUX_SPI_SPI_H
#include <ksymns/release.h>
#include <linux/device.h>

struct spi_driver;
extern int __spi_register_driver(struct module *owner, struct spi_driver *sdrv);
#define spi_register_driver(driver) __spi_register_driver(THIS_MODULE, driver)
static inline void spi_unregister_driver(struct spi_driver *sdrv)
{
	if (sdrv)
		driver_unregister(&sdrv->driver);
}
#define module_spi_driver(__spi_driver) module_driver(__spi_driver, spi_register_driver, spi_unregister_driver)

#endif
