/* linux/spi/spi-mem.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4). */
#ifndef __KSYMNS_LINUX_SPI_SPI_MEM_H
#define __KSYMNS_LINUX_SPI_SPI_MEM_H
#include <ksymns/release.h>
#include <linux/device.h>
#include <linux/spi/spi.h>

struct spi_mem_driver;
extern int spi_mem_driver_register_with_owner(struct spi_mem_driver *, struct module *);
#define spi_mem_driver_register(drv) spi_mem_driver_register_with_owner(drv, THIS_MODULE)
extern void spi_mem_driver_unregister(struct spi_mem_driver *);
#define module_spi_mem_driver(__drv) module_driver(__drv, spi_mem_driver_register, spi_mem_driver_unregister)

#endif
