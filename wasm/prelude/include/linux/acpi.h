/* linux/acpi.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4).
 * EXPORT_SYMBOL_ACPI_LIB exports into the ACPI namespace (6.1.190: identifier, 7.2.12: string; 5.10.223 has none). */
#ifndef __KSYMNS_LINUX_ACPI_H
#define __KSYMNS_LINUX_ACPI_H
#include <ksymns/release.h>
#include <linux/device.h>
#include <acpi/acpi_bus.h>

#if __KSYMNS_RELEASE >= 613
#define EXPORT_SYMBOL_ACPI_LIB(x) EXPORT_SYMBOL_NS_GPL(x, "ACPI")
#elif __KSYMNS_RELEASE >= 601
#define EXPORT_SYMBOL_ACPI_LIB(x) EXPORT_SYMBOL_NS_GPL(x, ACPI)
#endif

#endif
