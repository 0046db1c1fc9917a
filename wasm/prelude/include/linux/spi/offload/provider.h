/* linux/spi/offload/provider.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4).
 * MODULE_IMPORT_NS("SPI_OFFLOAD") since SPI offloading arrived (6.15, inferred; in Debian 7.2.12 and 7.3.4). */
#ifndef __KSYMNS_LINUX_SPI_OFFLOAD_PROVIDER_H
#define __KSYMNS_LINUX_SPI_OFFLOAD_PROVIDER_H
#include <ksymns/release.h>
#include <linux/module.h>

#if __KSYMNS_RELEASE >= 615
MODULE_IMPORT_NS("SPI_OFFLOAD");
#endif

#endif
