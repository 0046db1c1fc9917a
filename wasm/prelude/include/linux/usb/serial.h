/* linux/usb/serial.h as the Debian kernels write it (5.10.223, 6.1.190, 6.12.113, 7.2.12, 7.3.4).
 * usb_serial_register_drivers became a macro over __usb_serial_register_drivers (owner) in 6.10 ("USB: serial: store owner from modules with usb_serial_register_drivers()"; 6.1 function, 6.12 macro; boundary inferred). */
#ifndef __KSYMNS_LINUX_USB_SERIAL_H
#define __KSYMNS_LINUX_USB_SERIAL_H
#include <ksymns/release.h>
#include <linux/device.h>
#include <linux/usb.h>

struct usb_serial_driver;
struct usb_device_id;
#if __KSYMNS_RELEASE >= 610
int __usb_serial_register_drivers(struct usb_serial_driver *const serial_drivers[], struct module *owner,
				  const char *name, const struct usb_device_id *id_table);
#define usb_serial_register_drivers(serial_drivers, name, id_table) \
	__usb_serial_register_drivers(serial_drivers, THIS_MODULE, name, id_table)
#else
int usb_serial_register_drivers(struct usb_serial_driver *const serial_drivers[], const char *name,
				const struct usb_device_id *id_table);
#endif
void usb_serial_deregister_drivers(struct usb_serial_driver *const serial_drivers[]);
#define usb_serial_module_driver(__name, __serial_drivers, __ids) \
static int __init usb_serial_module_init(void) \
{ \
	return usb_serial_register_drivers(__serial_drivers, __name, __ids); \
} \
module_init(usb_serial_module_init); \
static void __exit usb_serial_module_exit(void) \
{ \
	usb_serial_deregister_drivers(__serial_drivers); \
} \
module_exit(usb_serial_module_exit);
#define module_usb_serial_driver(__serial_drivers, __ids) \
	usb_serial_module_driver(KBUILD_MODNAME, __serial_drivers, __ids)

#endif
