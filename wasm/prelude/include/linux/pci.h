/* linux/pci.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4).
 * CONFIG_PCI=y in every Debian amd64 kernel. */
#ifndef __KSYMNS_LINUX_PCI_H
#define __KSYMNS_LINUX_PCI_H
#include <ksymns/release.h>
#include <linux/device.h>

struct pci_driver;
int __must_check __pci_register_driver(struct pci_driver *, struct module *, const char *mod_name);
#define pci_register_driver(driver) __pci_register_driver(driver, THIS_MODULE, KBUILD_MODNAME)
void pci_unregister_driver(struct pci_driver *dev);
#define module_pci_driver(__pci_driver) module_driver(__pci_driver, pci_register_driver, pci_unregister_driver)
#define builtin_pci_driver(__pci_driver) builtin_driver(__pci_driver, pci_register_driver)

#endif
