/* pcmcia/ds.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4). */
#ifndef __KSYMNS_PCMCIA_DS_H
#define __KSYMNS_PCMCIA_DS_H
#include <ksymns/release.h>
#include <linux/device.h>

struct pcmcia_driver;
extern int pcmcia_register_driver(struct pcmcia_driver *);
extern void pcmcia_unregister_driver(struct pcmcia_driver *);
#define module_pcmcia_driver(__pcmcia_driver) module_driver(__pcmcia_driver, pcmcia_register_driver, pcmcia_unregister_driver)

#endif
