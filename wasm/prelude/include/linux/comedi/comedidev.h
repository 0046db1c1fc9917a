/* linux/comedi/comedidev.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4).
 * in include/linux/comedi from 6.1. */
#ifndef __KSYMNS_LINUX_COMEDI_COMEDIDEV_H
#define __KSYMNS_LINUX_COMEDI_COMEDIDEV_H
#include <ksymns/release.h>
#include <linux/device.h>

#if __KSYMNS_RELEASE >= 601
struct comedi_driver;
int comedi_driver_register(struct comedi_driver *driver);
void comedi_driver_unregister(struct comedi_driver *driver);
#define module_comedi_driver(__comedi_driver) module_driver(__comedi_driver, comedi_driver_register, comedi_driver_unregister)
#endif

#endif
