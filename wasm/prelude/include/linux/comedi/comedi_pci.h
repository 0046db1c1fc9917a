/* linux/comedi/comedi_pci.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4).
 * in include/linux/comedi from 6.1 (drivers/staging before). */
#ifndef __KSYMNS_LINUX_COMEDI_COMEDI_PCI_H
#define __KSYMNS_LINUX_COMEDI_COMEDI_PCI_H
#include <ksymns/release.h>
#include <linux/device.h>
#include <linux/comedi/comedidev.h>

#if __KSYMNS_RELEASE >= 601
struct comedi_driver;
struct pci_driver;
int comedi_pci_driver_register(struct comedi_driver *comedi_driver, struct pci_driver *pci_driver);
void comedi_pci_driver_unregister(struct comedi_driver *comedi_driver, struct pci_driver *pci_driver);
#define module_comedi_pci_driver(__comedi_driver, __pci_driver) \
	module_driver(__comedi_driver, comedi_pci_driver_register, comedi_pci_driver_unregister, &(__pci_driver))
#endif

#endif
