/* linux/comedi/comedi_usb.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4).
 * in include/linux/comedi from 6.1 (drivers/staging before). */
#ifndef __KSYMNS_LINUX_COMEDI_COMEDI_USB_H
#define __KSYMNS_LINUX_COMEDI_COMEDI_USB_H
#include <ksymns/release.h>
#include <linux/device.h>
#include <linux/comedi/comedidev.h>

#if __KSYMNS_RELEASE >= 601
struct comedi_driver;
struct usb_driver;
int comedi_usb_driver_register(struct comedi_driver *comedi_driver, struct usb_driver *usb_driver);
void comedi_usb_driver_unregister(struct comedi_driver *comedi_driver, struct usb_driver *usb_driver);
#define module_comedi_usb_driver(__comedi_driver, __usb_driver) \
	module_driver(__comedi_driver, comedi_usb_driver_register, comedi_usb_driver_unregister, &(__usb_driver))
#endif

#endif
