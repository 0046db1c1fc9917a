/* acpi/acpi_bus.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4).
 * acpi_bus_register_driver became a macro over __acpi_bus_register_driver in 6.11 ("ACPI: store owner from modules with acpi_bus_register_driver()", applied May 2024; Debian 6.1.190 function, 6.12.113 macro; boundary inferred); module_acpi_driver is gone from Debian 7.3.4 (present in 7.2.12). */
#ifndef __KSYMNS_ACPI_ACPI_BUS_H
#define __KSYMNS_ACPI_ACPI_BUS_H
#include <ksymns/release.h>
#include <linux/device.h>

struct acpi_driver;
#if __KSYMNS_RELEASE >= 611
extern int __acpi_bus_register_driver(struct acpi_driver *, struct module *);
#define acpi_bus_register_driver(drv) __acpi_bus_register_driver(drv, THIS_MODULE)
#else
extern int acpi_bus_register_driver(struct acpi_driver *);
#endif
void acpi_bus_unregister_driver(struct acpi_driver *driver);
#if __KSYMNS_RELEASE < 703
#define module_acpi_driver(__acpi_driver) module_driver(__acpi_driver, acpi_bus_register_driver, acpi_bus_unregister_driver)
#endif

#endif
