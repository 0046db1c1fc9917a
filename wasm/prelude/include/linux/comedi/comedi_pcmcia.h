/* linux/comedi/comedi_pcmcia.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4).
 * in include/linux/comedi from 6.1 (drivers/staging before). */
#ifndef __KSYMNS_LINUX_COMEDI_COMEDI_PCMCIA_H
#define __KSYMNS_LINUX_COMEDI_COMEDI_PCMCIA_H
#include <ksymns/release.h>
#include <linux/device.h>
#include <linux/comedi/comedidev.h>

#if __KSYMNS_RELEASE >= 601
struct comedi_driver;
struct pcmcia_driver;
int comedi_pcmcia_driver_register(struct comedi_driver *comedi_driver, struct pcmcia_driver *pcmcia_driver);
void comedi_pcmcia_driver_unregister(struct comedi_driver *comedi_driver, struct pcmcia_driver *pcmcia_driver);
#define module_comedi_pcmcia_driver(__comedi_driver, __pcmcia_driver) \
	module_driver(__comedi_driver, comedi_pcmcia_driver_register, comedi_pcmcia_driver_unregister, &(__pcmcia_driver))
#endif

#endif
